package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// Two processes that open the same new database at the same moment (two
// imports, or the bot and an import) both get a migrated database: neither
// fails because the other created goose's version table or applied a
// migration first.
func TestConcurrentOpenOfNewDatabaseMigratesOnce(t *testing.T) {
	ctx := context.Background()
	want := newestMigration(t)
	dir := t.TempDir()
	const rounds, openers = 50, 3
	for round := range rounds {
		path := filepath.Join(dir, fmt.Sprintf("m%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, openers)
		start := make(chan struct{})
		for i := range openers {
			wg.Go(func() {
				<-start
				db, err := Open(ctx, path)
				if err == nil {
					var v int64
					v, err = db.SchemaVersion(ctx)
					if err == nil && v != want {
						err = fmt.Errorf("schema version %d, want %d", v, want)
					}
					db.Close()
				}
				errs[i] = err
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
	}
}
