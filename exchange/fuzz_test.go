package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mutasi/mutasi"
)

// FuzzReadCSV feeds arbitrary bytes to every table's reader as a .csv file:
// an import file comes from anyone, so a reader must never panic, must
// number rows upwards from 2, must say what is wrong with any row it could
// not parse, and must reject a bad file with an *mutasi.ImportError that
// names it.
func FuzzReadCSV(f *testing.F) {
	for _, table := range mutasi.Tables() {
		if b, err := os.ReadFile(filepath.Join("testdata", "valid", table+".csv")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("unit_id;nama;induk_id\nA;Unit \"A\";\n"))
	f.Add([]byte("\xef\xbb\xbfunit_id,nama,induk_id\n\"A\nB\",x,\n"))
	f.Add([]byte{0x89, 'P', 'N', 'G', 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		check(t, path, Units(path))
		check(t, path, Positions(path))
		check(t, path, Employees(path))
		check(t, path, Aspirations(path))
	})
}

func check[T any](t *testing.T, path string, read mutasi.RowReader[T]) {
	last := 1
	err := read(func(r mutasi.Row[T]) error {
		if r.Num <= last {
			t.Fatalf("row %d after row %d", r.Num, last)
		}
		last = r.Num
		for _, p := range r.Problems {
			if p.Field == "" || p.Problem == "" {
				t.Fatalf("row %d: problem without column or text: %+v", r.Num, p)
			}
		}
		return nil
	})
	if err == nil {
		return
	}
	var ie *mutasi.ImportError
	if !errors.As(err, &ie) || ie.Total == 0 || ie.File == "" {
		t.Fatalf("error %T %v, want an *mutasi.ImportError naming the file", err, err)
	}
}
