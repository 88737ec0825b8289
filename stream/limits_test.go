package stream_test

import (
	"errors"
	"io"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/stream"
)

// bigFS holds one small file that says it is 300 MiB: the size the Loader
// checks before reading.
type bigFS struct{ fstest.MapFS }

func (b bigFS) Open(name string) (fs.File, error) {
	f, err := b.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return bigFile{f}, nil
}

type bigFile struct{ fs.File }

func (f bigFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	if err != nil || info.IsDir() {
		return info, err
	}
	return bigInfo{info}, nil
}

type bigInfo struct{ fs.FileInfo }

func (bigInfo) Size() int64 { return 300 << 20 }

// TestMaxFileSize checks that stream honours the Loader's limit on file
// size both ways: above the default of 256 MiB a file is read, and below
// the size of a file it is refused.
func TestMaxFileSize(t *testing.T) {
	t.Parallel()
	fsys := bigFS{fstest.MapFS{"p.yaml": {Data: []byte("people:\n  - id: a\n    name: {display: A}\n"), ModTime: time.Unix(0, 0)}}}
	tests := []struct {
		limit int64
		want  error
	}{
		{0, source.ErrTooLarge},  // the default, 256 MiB, is less than the 300 MiB stated
		{512 << 20, nil},         // a larger limit reads the file
		{10, source.ErrTooLarge}, // a smaller one than the file's real size refuses it
	}
	for _, tc := range tests {
		l := dataset.Loader{FS: fsys, Limits: dataset.Limits{MaxFileSize: tc.limit}}
		if tc.limit == 10 {
			l.FS = fstest.MapFS{"p.yaml": fsys.MapFS["p.yaml"]}
		}
		res, err := stream.Export([]string{"p.yaml"}, []stream.Output{{Format: mustLookup("nt"), W: io.Discard}}, stream.Options{Loader: l})
		if !errors.Is(err, tc.want) && (err != nil || tc.want != nil) {
			t.Errorf("MaxFileSize %d: err = %v, want %v", tc.limit, err, tc.want)
		}
		if tc.want == nil && res.Records != 1 {
			t.Errorf("MaxFileSize %d: %d records written, want 1", tc.limit, res.Records)
		}
	}
}
