package rules

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Engine holds the policy in use and replaces it when its files change. A
// new set of files is compiled completely before it replaces the old one;
// if it does not compile, the last good policy stays in use. Every Decision
// carries the policy_version of the policy that made it.
type Engine struct {
	dir string
	cur atomic.Pointer[Policy]
	mu  sync.Mutex // serialises reloads
}

// NewEngine loads the policy in dir. It fails when the policy does not
// compile: there is no last good policy yet.
func NewEngine(dir string) (*Engine, error) {
	p, err := LoadDir(dir)
	if err != nil {
		return nil, err
	}
	e := &Engine{dir: dir}
	e.cur.Store(p)
	return e, nil
}

// Policy returns the policy in use. Callers keep the returned pointer for
// the whole of one answer, so that a reload in between cannot mix policies.
func (e *Engine) Policy() *Policy { return e.cur.Load() }

// Reload compiles the files again and swaps the policy in when they
// compile. It reports whether the policy changed (the content hash
// differs); on error the old policy stays.
func (e *Engine) Reload() (changed bool, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	p, err := LoadDir(e.dir)
	if err != nil {
		return false, err
	}
	if old := e.cur.Load(); old != nil && old.Hash == p.Hash {
		return false, nil
	}
	e.cur.Store(p)
	return true, nil
}

// WatchOptions configures Watch.
type WatchOptions struct {
	// Debounce waits for the files to be quiet this long before reloading
	// (editors write a file in several steps). Default 300ms.
	Debounce time.Duration
	// OnReload is called with the new policy after a successful swap.
	OnReload func(*Policy)
	// OnError is called when changed files do not compile (the old policy
	// stays in use) or the directory cannot be watched.
	OnError func(error)
}

// Watch reloads the policy whenever a .yaml file in the directory changes,
// until ctx is done. It returns the error that stopped it, or nil.
func (e *Engine) Watch(ctx context.Context, opt WatchOptions) error {
	if opt.Debounce <= 0 {
		opt.Debounce = 300 * time.Millisecond
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(e.dir); err != nil {
		return err
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if strings.HasSuffix(filepath.Base(ev.Name), ".yaml") {
				timer.Reset(opt.Debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if opt.OnError != nil {
				opt.OnError(err)
			}
		case <-timer.C:
			changed, err := e.Reload()
			switch {
			case err != nil:
				if opt.OnError != nil {
					opt.OnError(err)
				}
			case changed && opt.OnReload != nil:
				opt.OnReload(e.Policy())
			}
		}
	}
}
