package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/mutasi/mutasi"
	"github.com/mutasi/mutasi/placement"
	"github.com/mutasi/mutasi/rules"
)

// maxShowcaseTries bounds the vacancies tried for the showcase, so that a
// demo of 100,000 employees still ends in a moment.
const maxShowcaseTries = 25

// suggestNext prints commands worth trying on the data just made, around
// an example that teaches something: the best candidate of a vacancy that
// asks for an education family (so the match is by family, not "any
// major"), preferably one with a near miss to show. It returns that
// employee and vacancy, for the try-out chat.
func suggestNext(ctx context.Context, a *app, w io.Writer, policy *rules.Policy, today time.Time) (nip, to string, err error) {
	db, err := openExistingDB(ctx, a)
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	svc := placement.New(placement.Config{Directory: db, Policy: func() *rules.Policy { return policy }, Now: a.Now, Resident: true})
	org, err := svc.Organisation(ctx)
	if err != nil {
		return "", "", err
	}
	vacancies := org.Vacancies()
	// Vacancies that ask for a family first, then the rest, each in id order.
	sort.SliceStable(vacancies, func(i, j int) bool {
		return len(vacancies[i].RumpunPendidikan) > 0 && len(vacancies[j].RumpunPendidikan) == 0
	})
	var fallbackNIP, fallbackTo string
	for i, v := range vacancies {
		if i == maxShowcaseTries {
			break
		}
		r, err := svc.Recommend(ctx, placement.Admin(), v.ID, placement.RecommendOptions{Top: 1, NearMisses: 1, Date: today})
		if err != nil {
			return "", "", err
		}
		if len(r.Candidates) == 0 {
			continue
		}
		if fallbackNIP == "" {
			fallbackNIP, fallbackTo = r.Candidates[0].Employee.NIP, v.ID
		}
		if len(r.NearMisses) > 0 {
			nip, to = r.Candidates[0].Employee.NIP, v.ID
			break
		}
	}
	if nip == "" {
		nip, to = fallbackNIP, fallbackTo
	}
	if nip == "" {
		return "", "", nil
	}
	date := ""
	if !today.Equal(mutasi.Day(a.Now())) {
		date = " --date " + mutasi.FormatDate(today)
	}
	fmt.Fprintln(w, "\nCoba selanjutnya — bolehkah pegawai ini dimutasi, dan ke jabatan lowong ini?")
	fmt.Fprintf(w, "  mutasi --db %s check %s%s\n", a.DB, nip, date)
	fmt.Fprintf(w, "  mutasi --db %s check %s --to %s%s\n", a.DB, nip, to, date)
	fmt.Fprintln(w, "Siapa calon terbaik untuk jabatan itu, dan siapa yang hampir memenuhi syarat?")
	fmt.Fprintf(w, "  mutasi --db %s recommend %s%s\n", a.DB, to, date)
	fmt.Fprintln(w, "Rencana mutasi yang paling menyeimbangkan beban kerja, dan grafiknya:")
	fmt.Fprintf(w, "  mutasi --db %s plan%s\n", a.DB, date)
	fmt.Fprintf(w, "  mutasi --db %s chart workload --plan 1 --out beban.png\n", a.DB)
	return nip, to, nil
}
