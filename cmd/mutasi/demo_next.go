package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/mutasi/mutasi/rules"
)

// suggestNext prints commands worth trying on the data just made: a check
// of the first employee who may be moved, in general and towards a vacancy
// they qualify for; the candidates for that vacancy; the global plan and
// its chart.
func suggestNext(ctx context.Context, a *app, w io.Writer, policy *rules.Policy, today time.Time) (nip, to string, err error) {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	org, err := newService(db, policy, a).Organisation(ctx)
	if err != nil {
		return "", "", err
	}
	var targets []*rules.Target
	for _, v := range org.Vacancies() {
		targets = append(targets, org.Target(v))
	}
	general := policy.NewBatch(today)
	defer general.Close()
	pairs := policy.NewBatch(today, targets...)
	defer pairs.Close()
	var out []rules.Verdict
search:
	for _, e := range org.Employees {
		s := org.Subject(e)
		if out = general.Check(s, out[:0]); !out[0].Eligible {
			continue
		}
		out = pairs.Check(s, out[:0])
		for i, v := range out {
			if v.Eligible && targets[i].Position.ID != e.JabatanID {
				nip, to = e.NIP, targets[i].Position.ID
				break search
			}
		}
	}
	if nip == "" {
		return "", "", nil
	}
	fmt.Fprintln(w, "\nCoba selanjutnya — bolehkah pegawai ini dimutasi, dan ke jabatan lowong ini?")
	fmt.Fprintf(w, "  mutasi --db %s check %s\n", a.DB, nip)
	fmt.Fprintf(w, "  mutasi --db %s check %s --to %s\n", a.DB, nip, to)
	fmt.Fprintln(w, "Siapa calon terbaik untuk jabatan itu, dan siapa yang hampir memenuhi syarat?")
	fmt.Fprintf(w, "  mutasi --db %s recommend %s\n", a.DB, to)
	fmt.Fprintln(w, "Rencana mutasi yang paling menyeimbangkan beban kerja, dan grafiknya:")
	fmt.Fprintf(w, "  mutasi --db %s plan\n", a.DB)
	fmt.Fprintf(w, "  mutasi --db %s chart workload --plan 1 --out beban.png\n", a.DB)
	return nip, to, nil
}
