package source

import "fmt"

// An Origin is where a record was read from: its file and its path there,
// such as "people[2]". Records keep their Origin in a field of their own,
// so sorting or filtering them keeps every error on the right line. The
// zero Origin is a record built in Go.
type Origin struct {
	File  *File
	Path  string
	Index int // the record's index in its list in the file
	// Pos is where the record is, for a record of a file that File cannot
	// locate paths in, such as an ORCID record in XML: values below the
	// record are then placed at the record.
	Pos Pos
}

// Name returns the name of the file, or "" for a record built in Go.
func (o Origin) Name() string {
	if o.File == nil {
		return o.Pos.File
	}
	return o.File.Name()
}

// IsZero reports whether o is the origin of a record built in Go.
func (o Origin) IsZero() bool { return o.File == nil && o.Pos.File == "" }

// Equal reports whether o and p name the same place: the same file name
// and path. Two records that are equal but for where they were read from
// compare equal with go-cmp, which calls Equal.
func (o Origin) Equal(p Origin) bool { return o.Name() == p.Name() && o.Path == p.Path }

// Locate returns the position and full path of the value at sub (such as
// "positions[2].start", or "" for the record itself) in the record at o.
// For a record built in Go the position is unknown.
func (o Origin) Locate(sub string) (Pos, string) {
	path := JoinPath(o.Path, sub)
	if o.File == nil {
		return o.Pos, path
	}
	return o.File.Pos(path), path
}

// JoinPath joins a path and a sub-path: "people[0]" and "name" give
// "people[0].name", and "people[0]" and "[2]" give "people[0][2]".
func JoinPath(path, sub string) string {
	switch {
	case sub == "":
		return path
	case path == "":
		return sub
	case sub[0] == '[':
		return path + sub
	}
	return path + "." + sub
}

// String returns "file: path", or the path for a record built in Go.
func (o Origin) String() string {
	if o.IsZero() {
		return o.Path
	}
	return fmt.Sprintf("%s: %s", o.Name(), o.Path)
}
