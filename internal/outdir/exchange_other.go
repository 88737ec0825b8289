//go:build !linux

package outdir

// exchange cannot swap two directories in one step on this system: Commit
// moves the old output aside, then the new one in.
func exchange(a, b string) error { return errNoExchange }
