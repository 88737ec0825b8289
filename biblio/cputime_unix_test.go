//go:build unix

package biblio_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used: unlike the time on
// the clock, it does not grow while other programs have the CPU.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
