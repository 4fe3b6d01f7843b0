package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/mutasi/mutasi/placement"
)

func TestManagerSeesTheWorkloadChartAndProposesFromThePlan(t *testing.T) {
	h := newHarness(t)
	got := h.say(h.manager, "/beban", 1)
	if !got[0].IsPhoto() || len(got[0].Photo) == 0 || !strings.Contains(got[0].Text, "Paling berat") {
		t.Fatalf("/beban: %+v", got[0])
	}
	contains(t, h.say(h.manager, "/rencana", 1), "Belum ada rencana mutasi")
	ctx := context.Background()
	plan, err := h.svc.Plan(ctx, placement.Admin(), placement.PlanOptions{Date: testDay})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.svc.SavePlan(ctx, placement.Admin(), plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.Moves) == 0 {
		t.Fatal("the demo plan moves nobody")
	}
	// A manager sees the moves that touch their units, or is told there
	// are none; policy staff see them all and propose one.
	mine := h.say(h.manager, "/rencana", 1)
	contains(t, mine, "Rencana mutasi #1")
	list := h.say(h.staff, "/rencana", 1)
	contains(t, list, "Rencana mutasi #1", "pindah menyangkut unit Anda")
	if len(list[0].Keyboard) == 0 {
		t.Fatalf("/rencana offers no button: %q", list[0].Text)
	}
	contains(t, h.press(h.staff, list[0].Keyboard[0][0].Text, 1), "dibuat dari rencana #1")
	props, _ := h.svc.ProposalsFor(ctx, placement.Admin(), 10)
	if len(props) != 1 || props[0].PlanID != 1 {
		t.Errorf("proposals after Usulkan from the plan: %+v", props)
	}
}
