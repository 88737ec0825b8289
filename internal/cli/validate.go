package cli

import (
	"fmt"
)

const validateUsage = `Usage: scholarld validate [-in PATH]... [flags]

Validate loads a dataset as export does, merging the inputs that describe
the same person or work, and prints its errors and warnings, each at its
file:line:column, on standard error, then the match report: every author
matched to a person of the dataset and how (ORCID iD, declared name, unique
name), every ambiguous one with the people it may be, and the unmatched
ones that resemble a person. It writes nothing but the -matches file. With
no -in it checks the embedded example.
`

// Validate runs the validate command.
func Validate(env *Env, args []string) error {
	fs, version := newFlagSet("validate")
	var in inputFlags
	in.register(fs)
	in.all = true
	quiet := fs.Bool("q", false, "no progress line, and no summary when the data is valid")
	if done, err := parse(env, fs, version, validateUsage, args); done {
		return err
	}
	d, err := loadInputs(env, in, *quiet)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintln(env.Stderr, summary(d)+"; no errors")
	}
	return nil
}
