package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mutasi/mutasi"
)

// A --db that is not a database is refused in words that name it, and is
// left as it was.
func TestOpenRefusesWhatIsNotADatabase(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "catatan.txt")
	content := []byte("ini bukan basis data\n")
	if err := os.WriteFile(text, content, 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "lain.sqlite")
	if db, err := sql.Open("sqlite", foreign); err != nil {
		t.Fatal(err)
	} else {
		if _, err := db.Exec(`CREATE TABLE catatan (isi TEXT)`); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	tests := []struct {
		name, path string
		code       string
		want       string
	}{
		{"text file", text, mutasi.EINVALID, text + " bukan basis data"},
		{"another program's SQLite database", foreign, mutasi.EINVALID, foreign + " adalah basis data SQLite lain"},
		{"directory", dir, mutasi.EINVALID, dir + " adalah direktori"},
		{"missing directory", filepath.Join(dir, "tidak-ada", "m.db"), mutasi.ENOTFOUND, "direktori " + filepath.Join(dir, "tidak-ada") + " tidak ada"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(context.Background(), tt.path)
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			msg := mutasi.ErrorMessage(err)
			if mutasi.ErrorCode(err) != tt.code || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q (code %q), want %s containing %q", msg, mutasi.ErrorCode(err), tt.code, tt.want)
			}
			for _, english := range []string{"file is not a database", "unable to open", "(26)", "(14)"} {
				if strings.Contains(msg, english) {
					t.Errorf("error %q is SQLite's English", msg)
				}
			}
		})
	}
	if got, _ := os.ReadFile(text); string(got) != string(content) {
		t.Errorf("the text file was changed: %q", got)
	}
	if _, err := os.Stat(text + "-wal"); err == nil {
		t.Errorf("a WAL file was left beside the text file")
	}
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the other database has %d tables (%v), want its one", n, err)
	}
}

// Empty tells a database that holds nothing yet (just migrated) from one
// with data.
func TestEmpty(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if empty, err := db.Empty(ctx); err != nil || !empty {
		t.Fatalf("new database: Empty = %v, %v; want true", empty, err)
	}
	if _, err := db.ImportUnits(ctx, valuesOf(fixtureUnits...), mutasi.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if empty, err := db.Empty(ctx); err != nil || empty {
		t.Fatalf("after an import: Empty = %v, %v; want false", empty, err)
	}
}
