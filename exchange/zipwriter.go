package exchange

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// sortedZipWriter makes workbooks byte-for-byte reproducible: excelize
// writes streamed sheets in map order, so entries are compressed as they
// come (memory holds them compressed) and written sorted on Close, with
// [Content_Types].xml first as Office itself does.
type sortedZipWriter struct {
	w       io.Writer
	entries []*zipEntry
}

type zipEntry struct {
	name string
	data bytes.Buffer // deflated
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

func newSortedZipWriter(w io.Writer) excelize.ZipWriter { return &sortedZipWriter{w: w} }

func (z *sortedZipWriter) Create(name string) (io.Writer, error) {
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&e.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.entries = append(z.entries, e)
	return e, nil
}

func (z *sortedZipWriter) AddFS(fs.FS) error {
	return errors.New("sortedZipWriter: AddFS not supported")
}

func (z *sortedZipWriter) Close() error {
	rank := func(name string) int {
		if name == "[Content_Types].xml" {
			return 0
		}
		return 1
	}
	sort.SliceStable(z.entries, func(i, j int) bool {
		a, b := z.entries[i], z.entries[j]
		if rank(a.name) != rank(b.name) {
			return rank(a.name) < rank(b.name)
		}
		return a.name < b.name
	})
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		if err := e.fw.Close(); err != nil {
			return err
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               e.name,
			Method:             zip.Deflate,
			CRC32:              e.crc.Sum32(),
			CompressedSize64:   uint64(e.data.Len()),
			UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		if _, err := e.data.WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}
