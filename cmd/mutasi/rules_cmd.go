package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/mutasi/mutasi/rules"
)

func rulesCheckCommand() *command {
	c := &command{
		name:    "rules check",
		summary: "periksa berkas kebijakan: kesalahan penulisan, param tak terpakai, bobot yang janggal",
		usage:   "[DIR]",
		help: `Mengompilasi semua aturan di DIR (bawaan: --policies) tanpa basis data.
Setiap kesalahan ditulis sebagai berkas:baris:kolom: penjelasan. Kebijakan
yang tidak lolos tidak akan dipakai oleh bot.

Bobot scoring yang negatif adalah kesalahan. Sesudah kompilasi berhasil,
peringatan (param yang tidak dipakai, bobot nol atau terlalu dominan, berkas
rumpun pendidikan yang tidak ada) ditampilkan; peringatan tidak menggagalkan
perintah.

Contoh:
  mutasi rules check
  mutasi rules check policies-baru`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		dir, err := policyDirArg(a, pos)
		if err != nil {
			return err
		}
		p, err := loadPolicy(dir)
		if err != nil {
			return err
		}
		warnings := p.Lint()
		for _, w := range warnings {
			fmt.Fprintf(a.Stdout, "peringatan: %s\n", w)
		}
		fmt.Fprintf(a.Stdout, "Kebijakan %s %s (%s): %s aturan, %s unsur skor, %s peringatan.\n",
			p.Name, p.VersionID(), p.Effective.Format("2006-01-02"), formatInt(len(p.Rules)), formatInt(len(p.Terms)), formatInt(len(warnings)))
		return nil
	}
	return c
}

func rulesTestCommand() *command {
	c := &command{
		name:    "rules test",
		summary: "jalankan uji kebijakan (*_test.yaml) di direktori kebijakan",
		usage:   "[DIR] [-v]",
		help: `Menjalankan setiap kasus di berkas *_test.yaml di DIR (bawaan: --policies)
terhadap kebijakan di direktori itu. Kasus yang gagal ditampilkan dengan
hasil yang didapat, yang seharusnya, dan nilai yang dilihat setiap aturan.

Contoh:
  mutasi rules test
  mutasi rules test policies -v`,
	}
	c.run = func(ctx context.Context, a *app, args []string) error {
		fs := newFlagSet(a, c)
		verbose := fs.Bool("v", false, "tampilkan juga kasus yang lulus")
		pos, err := parseFlags(a, c, fs, args)
		if err != nil {
			return err
		}
		dir, err := policyDirArg(a, pos)
		if err != nil {
			return err
		}
		p, err := loadPolicy(dir)
		if err != nil {
			return err
		}
		results, err := rules.RunTests(p, dir)
		if err != nil {
			return policyError(err)
		}
		if len(results) == 0 {
			return fmt.Errorf("tidak ada kasus uji (*_test.yaml) di %s", dir)
		}
		failed := 0
		for _, r := range results {
			if !r.Passed() {
				failed++
			}
			if !r.Passed() || *verbose {
				fmt.Fprintln(a.Stdout, r.String())
			}
		}
		fmt.Fprintf(a.Stdout, "%s kasus, %s lulus, %s gagal (kebijakan %s %s)\n",
			formatInt(len(results)), formatInt(len(results)-failed), formatInt(failed), p.Name, p.VersionID())
		if failed > 0 {
			return fmt.Errorf("%s kasus uji gagal", formatInt(failed))
		}
		return nil
	}
	return c
}

func policyDirArg(a *app, pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return a.Policies, nil
	case 1:
		return pos[0], nil
	}
	return "", usagef("paling banyak satu direktori, bukan %d", len(pos))
}

// policyError shows every problem of a policy that does not compile, one
// per line, as file:line:column: problem.
func policyError(err error) error {
	var tf *rules.TestFileError
	if errors.As(err, &tf) {
		return errors.New(tf.Error()) // the tests file is broken, not the policy
	}
	var le *rules.LoadError
	if errors.As(err, &le) {
		return fmt.Errorf("kebijakan tidak dapat dipakai (%s kesalahan):\n%s", formatInt(len(le.Problems)), le.Error())
	}
	return err
}
