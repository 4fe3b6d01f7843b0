package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
)

// A write that waits out the busy timeout behind another process's write
// says so in words, as ECONFLICT, instead of "database is locked (5)".
func TestBusyDatabaseIsAConflictInWords(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mutasi.db")
	holder, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.beginWrite(ctx) // holds the write lock, as a long import does
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()

	other, err := Open(ctx, path, WithBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, err = other.ImportUnits(ctx, valuesOf(fixtureUnits...), mutasi.ImportOptions{File: "u.csv"})
	if mutasi.ErrorCode(err) != mutasi.ECONFLICT {
		t.Fatalf("err = %v (code %q), want ECONFLICT", err, mutasi.ErrorCode(err))
	}
	if msg := mutasi.ErrorMessage(err); !strings.Contains(msg, "sedang ditulis oleh proses lain") || strings.Contains(msg, "locked") ||
		!strings.Contains(msg, "lebih dari 50 milidetik") {
		t.Errorf("message %q", msg)
	}
	// Reads go on beside the writer (WAL).
	if _, err := other.Units(ctx); err != nil {
		t.Errorf("read beside a writer: %v", err)
	}
}
