package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/rules"
)

// errFound stops a scan once an example is found.
var errFound = errors.New("found")

// suggestNext prints commands worth trying on the data just made: a check
// of the first employee who may be moved, in general and towards a vacancy
// they qualify for.
func suggestNext(ctx context.Context, a *app, w io.Writer, policy *rules.Policy, today time.Time) error {
	db, snap, err := openSnapshot(ctx, a)
	if err != nil {
		return err
	}
	defer db.Close()
	vacancies := snap.vacancies()
	general := policy.NewBatch(today)
	defer general.Close()
	pairs := policy.NewBatch(today, vacancies...)
	defer pairs.Close()
	var nip, to string
	var out []rules.Verdict
	err = db.EachEmployee(ctx, func(e *mutasi.Employee) error {
		s := snap.subject(e)
		if out = general.Check(s, out[:0]); !out[0].Eligible {
			return nil
		}
		out = pairs.Check(s, out[:0])
		for i, v := range out {
			if v.Eligible && vacancies[i].Position.ID != e.JabatanID {
				nip, to = e.NIP, vacancies[i].Position.ID
				return errFound
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return err
	}
	if nip == "" {
		return nil
	}
	fmt.Fprintln(w, "\nCoba selanjutnya — bolehkah pegawai ini dimutasi, dan ke jabatan lowong ini?")
	fmt.Fprintf(w, "  mutasi --db %s check %s\n", a.DB, nip)
	fmt.Fprintf(w, "  mutasi --db %s check %s --to %s\n", a.DB, nip, to)
	return nil
}
