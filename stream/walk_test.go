package stream_test

import (
	"io/fs"
	"path/filepath"
)

func walk(dir string, f func(size int64)) error {
	return filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err == nil {
			f(info.Size())
		}
		return err
	})
}
