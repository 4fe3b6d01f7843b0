package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/mutasi/mutasi"
)

func TestChatStateSurvivesAReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := db.ChatState(ctx, 7); err != nil || s != "" {
		t.Fatalf("no state yet: %q, %v", s, err)
	}
	if err := db.SaveChatState(ctx, 7, `{"flow":"aspirasi","pilihan":["A"]}`); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveChatState(ctx, 7, `{"flow":"aspirasi","pilihan":["A","B"]}`); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveChatState(ctx, 8, `{`); mutasi.ErrorCode(err) != mutasi.EINVALID {
		t.Errorf("invalid JSON: %v, want EINVALID", err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if s, err := db.ChatState(ctx, 7); err != nil || s != `{"flow":"aspirasi","pilihan":["A","B"]}` {
		t.Fatalf("after a restart: %q, %v", s, err)
	}
	if err := db.SaveChatState(ctx, 7, ""); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.ChatState(ctx, 7); s != "" {
		t.Errorf("cleared state reads %q", s)
	}
}
