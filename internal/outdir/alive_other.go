//go:build !unix

package outdir

import "os"

// alive reports whether a process pid exists: on Windows, whether it can
// be opened; elsewhere it is assumed to, so that no run's staging
// directory is removed while it may be writing.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
