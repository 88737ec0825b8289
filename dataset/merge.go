package dataset

// Merge merges the records of d that describe the same person or work.
func Merge(d *Dataset, err error) (*Dataset, error) { return d, err }
