package notify

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/store"
)

// crashChildEnv makes the test binary a dispatcher child: the value is
// "<database>|<delivery log>".
const crashChildEnv = "NOTIFY_CRASH_CHILD"

// fileSender "delivers" by appending the id to a log and syncing it before
// it returns nil: what Telegram has accepted is on disk before the outbox
// can be told.
type fileSender struct {
	mu sync.Mutex
	f  *os.File
}

func (s *fileSender) Send(_ context.Context, n *mutasi.Notification) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintf(s.f, "%d %d\n", n.ID, n.TelegramID); err != nil {
		return err
	}
	return s.f.Sync()
}

// crashChild runs a dispatcher until the outbox is empty, then exits 0;
// the parent kills it long before, most times.
func crashChild(spec string) {
	dbPath, logPath, _ := strings.Cut(spec, "|")
	ctx, cancel := context.WithCancel(context.Background())
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	d := New(db, &fileSender{f: f}, Options{Global: 200, PerChat: 50, Workers: 8, Poll: 20 * time.Millisecond})
	ran := make(chan error, 1)
	go func() { ran <- d.Run(ctx) }()
	fmt.Println("ready") // the parent's kill timer starts now
	for {
		time.Sleep(20 * time.Millisecond)
		left, err := db.PendingAfter(ctx, 0, 1)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		if len(left) == 0 {
			break
		}
	}
	cancel()
	<-ran
	os.Exit(0)
}

// A dispatcher killed (SIGKILL) every 50-150 ms and restarted until the
// outbox is empty delivers every notification at least once, each chat's
// in order; a message is sent twice only when the kill fell between Send
// and MarkSent.
func TestCrashRestart(t *testing.T) {
	if spec := os.Getenv(crashChildEnv); spec != "" {
		crashChild(spec)
		return
	}
	if testing.Short() {
		t.Skip("kills and restarts a dispatcher for about ten seconds; not in -short")
	}
	dir := t.TempDir()
	dbPath, logPath := filepath.Join(dir, "mutasi.db"), filepath.Join(dir, "delivered.log")
	db := openStore(t, dir)
	chats, each := 100, 10
	if raceEnabled {
		chats = 30
	}
	var list []int64
	for range each {
		for c := range chats {
			list = append(list, int64(500+c))
		}
	}
	ids := enqueue(t, db, list...)
	db.Close()

	rnd := rand.New(rand.NewPCG(5, 6))
	kills, runs, windowHits, dupsBefore := 0, 0, 0, 0
	for pending := len(ids); pending > 0; runs++ {
		if runs == 2000 {
			t.Fatalf("%d notifications still pending after %d runs", pending, runs)
		}
		killed := runChild(t, dbPath, logPath, time.Duration(50+rnd.IntN(100))*time.Millisecond)
		// The duplicates a kill caused show when the next child resends
		// them, so they are counted after each run and blamed on the
		// kill before.
		counts, _ := readDeliveries(t, logPath)
		dups := 0
		for _, c := range counts {
			dups += c - 1
		}
		if more := dups - dupsBefore; more > 0 {
			windowHits++
			// One kill catches at most one message per worker (8)
			// between Send and MarkSent.
			if more > 8 {
				t.Errorf("run %d resent %d messages: more than one per worker", runs, more)
			}
		}
		dupsBefore = dups
		if killed {
			kills++
		}
		db := openStore(t, dir)
		left, err := db.PendingAfter(context.Background(), 0, len(ids))
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		pending = len(left)
	}

	counts, perChat := readDeliveries(t, logPath)
	lost, dups, hit := 0, 0, 0
	for _, id := range ids {
		switch c := counts[id]; {
		case c == 0:
			lost++
		case c > 1:
			dups += c - 1
			hit++
		}
	}
	if lost != 0 {
		t.Errorf("%d of %d notifications never delivered", lost, len(ids))
	}
	for chat, seq := range perChat {
		for i := 1; i < len(seq); i++ {
			if seq[i] < seq[i-1] { // a duplicate comes right after itself
				t.Errorf("chat %d delivered out of order: %v", chat, seq)
				break
			}
		}
	}
	db = openStore(t, dir)
	defer db.Close()
	left, err := db.PendingAfter(context.Background(), 0, 10)
	if err != nil || len(left) != 0 {
		t.Errorf("pending after the last run: %d (%v)", len(left), err)
	}
	if windowHits > kills {
		t.Errorf("duplicates after %d runs with only %d kills", windowHits, kills)
	}
	t.Logf("%d notifications, %d runs, %d kills; %d kills fell in the duplicate window (%.0f%%): %d messages sent more than once, %d duplicate sends in all",
		len(ids), runs, kills, windowHits, 100*float64(windowHits)/float64(max(kills, 1)), hit, dups)
}

// runChild runs one dispatcher child and kills it (SIGKILL) killAfter
// after it is ready, however long its start took (a -race binary starts
// slowly); it reports whether the kill came first.
func runChild(t *testing.T, dbPath, logPath string, killAfter time.Duration) (killed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashRestart$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dbPath+"|"+logPath)
	var stderr safeBuffer
	cmd.Stderr = &stderr
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd.Stdout = w
	err = cmd.Start()
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		ready <- line == "ready\n"
		io.Copy(io.Discard, r)
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatalf("child did not start: %v\n%s", <-exited, stderr.String())
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("child not ready after a minute: %v\n%s", <-exited, stderr.String())
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("child: %v\n%s", err, stderr.String())
		}
		return false
	case <-time.After(killAfter):
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		err := <-exited
		if exit := (*exec.ExitError)(nil); errors.As(err, &exit) && exit.ExitCode() > 0 {
			t.Fatalf("child failed before the kill: %v\n%s", err, stderr.String())
		}
		return err != nil // nil: it had finished just before the kill
	}
}

// readDeliveries reads the child's log: sends per id, and per chat the ids
// in the order sent.
func readDeliveries(t *testing.T, path string) (map[int64]int, map[int64][]int64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts, perChat := make(map[int64]int), make(map[int64][]int64)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		idText, chatText, ok := strings.Cut(sc.Text(), " ")
		id, err1 := strconv.ParseInt(idText, 10, 64)
		chat, err2 := strconv.ParseInt(chatText, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			t.Fatalf("%s:%d: %q is not \"id chat\"", path, line, sc.Text())
		}
		counts[id]++
		perChat[chat] = append(perChat[chat], id)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return counts, perChat
}

// safeBuffer is a bytes.Buffer for a child's stderr.
type safeBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *safeBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *safeBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}
