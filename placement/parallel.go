package placement

import (
	"context"
	"sync"
)

// parallel splits [0, n) into one contiguous range per worker and runs
// work on each, on its own goroutine. Contiguous ranges over employees in
// NIP order keep the merge of per-worker results deterministic whatever
// the number of workers. It returns the first error.
func parallel(ctx context.Context, workers, n int, work func(w, lo, hi int) error) error {
	if workers < 1 {
		workers = 1
	}
	if workers > n {
		workers = max(n, 1)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = work(w, lo, hi)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// checkEvery is how many employees a worker evaluates between looks at
// its context: cancelling a plan stops it within milliseconds.
const checkEvery = 1024
