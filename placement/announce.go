package placement

import (
	"context"
	"fmt"

	"github.com/mutasi/mutasi"
)

// Announce queues a message to every active user of a role (policy staff
// hear about a refused reload this way).
func (s *Service) Announce(ctx context.Context, role mutasi.Role, text string) error {
	if s.cfg.Users == nil || s.cfg.Outbox == nil {
		return nil
	}
	users, err := s.cfg.Users.UsersByRole(ctx, role)
	if err != nil {
		return err
	}
	for _, u := range users {
		if !u.Active {
			continue
		}
		if err := s.cfg.Outbox.Enqueue(ctx, &mutasi.Notification{TelegramID: u.TelegramID, Text: text}); err != nil {
			return err
		}
	}
	return nil
}

// Undelivered tells the proposer that the news of their proposal could
// not reach its recipient (the bot was blocked, the account is gone), so
// that they say it in person. Other notifications need no one told.
func (s *Service) Undelivered(ctx context.Context, n *mutasi.Notification, cause string) error {
	if n.ProposalID == 0 || s.cfg.Outbox == nil {
		return nil
	}
	p, err := s.cfg.Proposals.Proposal(ctx, n.ProposalID)
	if err != nil {
		return err
	}
	if p.CreatedBy == 0 || p.CreatedBy == n.TelegramID {
		return nil
	}
	who := mutasi.NIP(p.NIP).Format()
	if e, err := employeeByNIP(ctx, s.cfg.Directory, p.NIP); err == nil {
		who = e.Nama + " (NIP " + who + ")"
	}
	return s.cfg.Outbox.Enqueue(ctx, &mutasi.Notification{TelegramID: p.CreatedBy, ProposalID: p.ID,
		Text: fmt.Sprintf("⚠️ Pemberitahuan tentang usulan #%d untuk %s tidak dapat dikirim lewat Telegram (%s). Mohon sampaikan secara langsung.",
			p.ID, esc(who), esc(cause))})
}
