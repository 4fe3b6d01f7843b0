package main

import (
	"context"
	"runtime"

	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/rules"
	"github.com/mutasi/mutasi/store"
)

// openService opens the existing database and the policy and wires the
// placement service every question goes through (the bot wires the same
// service). The caller closes the database.
func openService(ctx context.Context, a *app) (*placement.Service, *store.DB, error) {
	policy, err := loadPolicy(a.Policies)
	if err != nil {
		return nil, nil, err
	}
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	return newService(db, policy, a), db, nil
}

func newService(db *store.DB, policy *rules.Policy, a *app) *placement.Service {
	return placement.New(placement.Config{
		Directory:   db,
		Policy:      func() *rules.Policy { return policy },
		Plans:       db,
		Proposals:   db,
		Aspirations: db,
		Audit:       db,
		Now:         a.Now,
		Workers:     runtime.GOMAXPROCS(0),
	})
}
