// Package tool finds the outside programs that tests check the output
// with (raptor's rapper, xmllint, pandoc, biber, Chromium, Lighthouse,
// html-validate). A test skips where one is missing, except in CI
// (CI=true), where .ci/run installs them and a missing one fails the
// test. Only tests import it.
package tool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program: the file named by the environment
// variable env, if env is not empty and the variable is set, or else the
// first of names found on the PATH. Where none is there it fails the test
// in CI, naming the Debian or npm package that has it, and skips it
// elsewhere.
func Need(t testing.TB, env, pkg string, names ...string) string {
	t.Helper()
	if env != "" {
		if p := os.Getenv(env); p != "" {
			if _, err := os.Stat(p); err != nil {
				t.Fatalf("%s=%s: %v", env, p, err)
			}
			return p
		}
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required when CI=true: .ci/run installs it (%s)", names[0], pkg)
	}
	t.Skipf("%s (%s) is not installed; skipped outside CI", names[0], pkg)
	return ""
}
