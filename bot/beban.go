package bot

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/mutasi/mutasi"
)

// beban sends the workload chart of the user's units, naming the most
// loaded in the caption.
func (c *conv) beban() string {
	rows, _, err := c.b.cfg.Service.Workload(c.ctx, c.actor(), "", 0)
	if err != nil {
		return c.fail(err)
	}
	var png bytes.Buffer
	if err := c.b.cfg.Chart(&png, rows, "Beban kerja (EJ) unit Anda"); err != nil {
		return c.fail(err)
	}
	var worst []string
	for _, r := range rows[:min(3, len(rows))] {
		ej := "tanpa pemangku"
		if !math.IsInf(r.Before, 1) {
			ej = "EJ " + mutasi.FormatDecimal(r.Before, 2)
		}
		worst = append(worst, fmt.Sprintf("%s (%s)", esc(r.Nama), ej))
	}
	caption := "<b>Beban kerja unit Anda</b>\nPaling berat: " + strings.Join(worst, ", ") +
		"\nEJ di atas 1,0: kekurangan pegawai; di bawah 0,5: kelebihan."
	c.photo(png.Bytes(), clip(caption, 1000))
	return "ok"
}
