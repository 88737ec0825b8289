// Package outdir writes a set of output files as one: into a fresh staging
// directory beside the target, swapped in whole when every file is
// written. A run that fails, is interrupted or is killed leaves the
// previous output intact and complete; the next run removes the staging
// directories that killed runs left behind.
//
// It is for the commands of this module (examples/export and the others),
// which own their output directory: Commit replaces it whole. It never
// deletes a file it did not write: Commit leaves in the output a manifest
// (Marker) listing every file written, and a target that exists must be
// empty or hold a manifest that lists every file in it. A target holding
// any other file (a user's CNAME added to a site, a directory of theirs
// named by mistake, an output of an earlier version, which had no list)
// is refused, with an error wrapping [ErrForeign] that names the files.
//
// A target that is a symbolic link is followed: the directory it leads to
// is replaced, by a staging directory made beside it, in one step where
// the system allows; the link stays as it is. A link that leads nowhere is
// refused.
package outdir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// errNoExchange means the system cannot exchange two directories in one
// step.
var errNoExchange = errors.New("cannot exchange directories")

// Marker is the manifest Commit leaves in every directory it writes: the
// list of the files it wrote, so that a later run knows the directory is
// its to replace, and which files are not.
const Marker = ".scholarld-output"

// A Dir is an output directory being written. Files go into its staging
// directory until Commit swaps it in, or Abort removes it.
type Dir struct {
	target, stage string
	made          string // the first of target's ancestors that Create made, if any
	done          bool
}

// Create starts writing the directory target: it checks that target is
// new, empty or an earlier output that holds no file it did not write,
// removes what killed runs left beside it, and makes a staging directory.
// A target that is a symbolic link is followed.
func Create(target string) (*Dir, error) {
	target, err := resolve(filepath.Clean(target))
	if err != nil {
		return nil, err
	}
	if err := ownable(target); err != nil {
		return nil, err
	}
	parent := filepath.Dir(target)
	d := &Dir{target: target, made: firstMissing(parent)}
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	cleanStale(target)
	stage, err := os.MkdirTemp(parent, stagePrefix(target)+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		d.removeMade()
		return nil, fmt.Errorf("output: %w", err)
	}
	d.stage = stage
	if err := os.Chmod(stage, 0o755); err != nil {
		d.Abort()
		return nil, fmt.Errorf("output: %w", err)
	}
	return d, nil
}

// resolve returns target, or the directory it leads to if it is a
// symbolic link, so that the link's target is replaced and the link kept.
func resolve(target string) (string, error) {
	info, err := os.Lstat(target)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return target, nil
	}
	real, err := filepath.EvalSymlinks(target)
	if err != nil {
		return "", fmt.Errorf("output: %s is a symbolic link that leads to no directory; make the directory it names, or name another: %w", target, err)
	}
	return real, nil
}

// firstMissing returns the first ancestor of dir, or dir, that does not
// exist, or "" if dir exists.
func firstMissing(dir string) string {
	missing := ""
	for p := dir; ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil {
			return missing
		}
		missing = p
		if filepath.Dir(p) == p {
			return missing
		}
	}
}

// removeMade removes the directories Create made, from target's parent up
// to the first it made, if they are empty: a run that writes nothing
// leaves nothing.
func (d *Dir) removeMade() {
	if d.made == "" {
		return
	}
	for p := filepath.Dir(d.target); ; p = filepath.Dir(p) {
		if os.Remove(p) != nil || p == d.made || filepath.Dir(p) == p {
			return
		}
	}
}

// maxNamed is how many foreign files an error names.
const maxNamed = 5

// ownable returns an error if target exists and is not a directory that
// is empty or an earlier output whose manifest lists every file in it.
func ownable(target string) error {
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output: %w", err)
	case !info.IsDir():
		return fmt.Errorf("output: %s exists and is not a directory", target)
	}
	listed, _, err := readManifest(target) // without one, every file is foreign
	unlisted := errors.Is(err, errUnlisted)
	if err != nil && !unlisted {
		return fmt.Errorf("output: %w", err)
	}
	some, n, err := foreign(target, listed, maxNamed)
	switch {
	case err != nil:
		return fmt.Errorf("output: %w", err)
	case n > 0 && unlisted:
		return fmt.Errorf("output: %s was written by an earlier version of scholarld, which did not list the files it wrote, so whether any of its %d files are yours cannot be told: check it and delete it, or name a new directory: %w", target, n, ErrForeign)
	case n > 0:
		return foreignError(target, some, n)
	}
	return nil
}

// stagePrefix is the start of the names of target's staging directories:
// hidden, beside it, and naming it.
func stagePrefix(target string) string {
	return "." + filepath.Base(target) + ".staging-"
}

// cleanStale removes the staging directories of target whose run is no
// longer alive: those a killed run left. A run's directory names its
// process id, and a directory of a live process (another run writing the
// same target at the same time) is left alone.
func cleanStale(target string) {
	parent := filepath.Dir(target)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := stagePrefix(target)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || alive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Path returns the path in the staging directory of the file rel, a
// slash-separated path relative to the output directory.
func (d *Dir) Path(rel string) string {
	return filepath.Join(d.stage, filepath.FromSlash(rel))
}

// WriteFile writes the file rel with write.
func (d *Dir) WriteFile(rel string, write func(io.Writer) error) error {
	name := d.Path(rel)
	if err := MkdirUnder(d.stage, filepath.Dir(name)); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := errors.Join(write(f), f.Close()); err != nil {
		return fmt.Errorf("output: writing %s: %w", filepath.Join(d.target, filepath.FromSlash(rel)), err)
	}
	return nil
}

// Commit makes the staging directory the output directory, in one step
// where the system allows it (an exchange of the two directories), and
// removes the previous output.
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("output: committed or aborted already")
	}
	d.done = true
	if err := writeManifest(d.stage); err != nil {
		os.RemoveAll(d.stage)
		return fmt.Errorf("output: %w", err)
	}
	if err := ownable(d.target); err != nil { // it may have changed since Create
		os.RemoveAll(d.stage)
		return err
	}
	err := exchange(d.stage, d.target)
	switch {
	case err == nil:
		// d.stage now holds the previous output.
		return os.RemoveAll(d.stage)
	case errors.Is(err, os.ErrNotExist):
		// No previous output: a plain rename.
	case errors.Is(err, errNoExchange):
		// A system or file system without exchange: move the old
		// output aside, then the new one in. Between the two renames
		// there is no output directory, but never a mixed one.
		old := d.stage + ".old"
		if err := os.Rename(d.target, old); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.RemoveAll(d.stage)
			return fmt.Errorf("output: %w", err)
		}
		defer os.RemoveAll(old)
	default:
		os.RemoveAll(d.stage)
		return fmt.Errorf("output: replacing %s: %w", d.target, err)
	}
	if err := os.Rename(d.stage, d.target); err != nil {
		os.RemoveAll(d.stage)
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// Abort removes the staging directory, leaving the output directory as
// it was. It may be called after Commit, and does nothing then.
//
// Abort may run while other goroutines still write into the staging
// directory, as when a signal stops a command: it first renames the
// directory, so that their paths lead nowhere (and a writer that makes
// the directories it needs cannot make it again), then removes it, trying
// again while files still appear in it. What it cannot remove keeps the
// name of a staging directory, which the next Create removes.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	dying := d.stage + "-aborted"
	if os.Rename(d.stage, dying) != nil {
		dying = d.stage
	}
	for range 5 {
		if os.RemoveAll(dying) == nil {
			break
		}
	}
	d.removeMade()
}

// MkdirUnder makes the directory dir and those of its parents that are
// missing, up to the directory root, which must exist: unlike MkdirAll, it
// never makes root again once it has been removed, as Abort does while
// files may still be being written. Mostly dir is new in a directory that
// exists: one call, where MkdirAll makes three.
func MkdirUnder(root, dir string) error {
	if dir == root {
		_, err := os.Stat(root)
		return err
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, os.ErrNotExist) && filepath.Dir(dir) != root && filepath.Dir(dir) != dir {
		if err = MkdirUnder(root, filepath.Dir(dir)); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	return err
}
