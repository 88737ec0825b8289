package site

// personIndex and pubIndex return the index of a record of the site's
// dataset, for tests that know it is there.
func (s *Site) personIndex(id string) int { i, _ := s.x.Person(id); return i }
func (s *Site) pubIndex(id string) int    { i, _ := s.x.Publication(id); return i }
