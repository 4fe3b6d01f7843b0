package rules

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/mutasi/mutasi"
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
// differs); on error the old policy stays. It does not run the policy's
// tests; Refresh does, and so does Watch.
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

// TestRunner runs the tests of a candidate policy: its results, and an
// error when the tests cannot be run (a broken *_test.yaml).
type TestRunner func(*Policy) ([]TestResult, error)

// ReloadOutcome is what one reload did. Exactly one of three things
// happened: the files were refused (Err is set and Unchanged is false), they
// give the policy already in use (Unchanged), or a new policy was activated
// (Activated).
type ReloadOutcome struct {
	// Policy is the policy in use after the reload: the new one when
	// Activated, else the one that stayed.
	Policy *Policy
	// Activated reports that a new policy compiled, passed its tests and
	// replaced the old one.
	Activated bool
	// Unchanged reports that the files compile to the policy in use (a
	// broken file was fixed back, or only the tests changed). Its tests
	// ran again: Err is then a *TestsFailedError or a broken tests file
	// when they fail, and the policy stays in use all the same.
	Unchanged bool
	// Err says why the files were refused: a *LoadError when they do not
	// compile or a tests file cannot be read, or a *TestsFailedError when
	// the policy fails its own tests.
	Err error
	// Tests holds the results of the tests that ran (nil when the files did
	// not compile, or when the tests file could not be read).
	Tests []TestResult
}

// Refused reports whether the reload refused the files: the last good
// policy stays.
func (o ReloadOutcome) Refused() bool { return o.Err != nil && !o.Unchanged }

// String says in one line (Indonesian, for policy staff) what the reload
// did; Err, when set, is appended in full, which may take several lines.
func (o ReloadOutcome) String() string {
	id := o.Policy.Name + " " + o.Policy.VersionID()
	switch {
	case o.Activated:
		return fmt.Sprintf(msgReloadActivated, id, testCount(o.Tests))
	case o.Refused():
		return fmt.Sprintf(msgReloadRefused, o.Policy.VersionID(), o.Err)
	case o.Err != nil:
		return fmt.Sprintf(msgReloadSameFailing, id, o.Err)
	}
	return fmt.Sprintf(msgReloadSame, id, testCount(o.Tests))
}

func testCount(results []TestResult) string {
	if len(results) == 0 {
		return msgNoTestCases
	}
	return fmt.Sprintf(msgTestsPassed, mutasi.FormatInt(len(results)))
}

// TestsFailedError refuses a policy whose own test cases fail.
type TestsFailedError struct {
	Failed, Total int
}

func (e *TestsFailedError) Error() string {
	return fmt.Sprintf(msgTestsFailed, mutasi.FormatInt(e.Failed), mutasi.FormatInt(e.Total))
}

// Unwrap makes the refusal an EINVALID: the policy is the user's to fix.
func (e *TestsFailedError) Unwrap() error {
	return &mutasi.Error{Code: mutasi.EINVALID, Message: e.Error()}
}

// Refresh compiles the files again and runs the candidate's tests with
// test (nil: RunTests on the engine's directory). It swaps the candidate in
// when it compiles, differs from the policy in use, and passes its tests;
// otherwise the policy in use stays. The outcome says which.
func (e *Engine) Refresh(test TestRunner) ReloadOutcome {
	if test == nil {
		test = func(p *Policy) ([]TestResult, error) { return RunTests(p, e.dir) }
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	old := e.cur.Load()
	p, err := LoadDir(e.dir)
	if err != nil {
		return ReloadOutcome{Policy: old, Err: err}
	}
	same := old != nil && old.Hash == p.Hash
	if same {
		p = old
	}
	results, err := test(p)
	if err == nil {
		if failed := countFailed(results); failed > 0 {
			err = &TestsFailedError{Failed: failed, Total: len(results)}
		}
	}
	switch {
	case same:
		return ReloadOutcome{Policy: old, Unchanged: true, Err: err, Tests: results}
	case err != nil:
		return ReloadOutcome{Policy: old, Err: err, Tests: results}
	}
	e.cur.Store(p)
	return ReloadOutcome{Policy: p, Activated: true, Tests: results}
}

func countFailed(results []TestResult) int {
	n := 0
	for _, r := range results {
		if !r.Passed() {
			n++
		}
	}
	return n
}

// WatchOptions configures Watch.
type WatchOptions struct {
	// Debounce waits for the files to be quiet this long before reloading
	// (editors write a file in several steps). Default 300ms.
	Debounce time.Duration
	// Test runs the tests of each candidate policy; a policy whose tests
	// fail, or cannot run, is refused. Nil runs the *_test.yaml files of
	// the directory (RunTests). To activate without tests, pass a runner
	// that returns nil, nil.
	Test TestRunner
	// OnOutcome, when set, is told of every reload, whatever came of it
	// (see ReloadOutcome; its String is a message for policy staff). It
	// then replaces OnReload and OnError for reloads: OnError still hears
	// of a directory that cannot be watched.
	OnOutcome func(ReloadOutcome)
	// OnReload is called with the new policy after a successful swap
	// (when OnOutcome is nil).
	OnReload func(*Policy)
	// OnError is called when changed files are refused (they do not
	// compile, or their tests fail; the old policy stays in use) when
	// OnOutcome is nil, and when the directory cannot be watched.
	OnError func(error)
	// Ready, when set, is called once the directory is being watched: a
	// save from then on is seen. (A save between loading the engine and
	// this point is caught up with one reload, reported as any other.)
	Ready func()
}

// Watch reloads the policy whenever a .yaml file in the directory changes
// (the policy's tests included), until ctx is done; each reload is a
// Refresh with opt.Test. It returns the error that stopped it, or nil.
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
	// The files may have been saved after the engine loaded them and
	// before the watch began: no event tells of that, so look once.
	if p, err := LoadDir(e.dir); err != nil || p.Hash != e.Policy().Hash {
		timer.Reset(opt.Debounce)
	}
	if opt.Ready != nil {
		opt.Ready()
	}
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
			o := e.Refresh(opt.Test)
			switch {
			case opt.OnOutcome != nil:
				opt.OnOutcome(o)
			case o.Refused():
				if opt.OnError != nil {
					opt.OnError(o.Err)
				}
			case o.Activated && opt.OnReload != nil:
				opt.OnReload(o.Policy)
			}
		}
	}
}
