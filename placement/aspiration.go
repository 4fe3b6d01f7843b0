package placement

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/mutasi/mutasi"
)

// MyAspiration returns the actor's own aspiration (an ASN), or nil.
func (s *Service) MyAspiration(ctx context.Context, a Actor) (*mutasi.Aspiration, error) {
	nip, err := ownNIP(a)
	if err != nil {
		return nil, err
	}
	asp, err := s.cfg.Directory.Aspiration(ctx, nip)
	if mutasi.ErrorCode(err) == mutasi.ENOTFOUND {
		return nil, nil
	}
	return asp, err
}

// SaveAspiration records the actor's preferred postings (1 to 3 active
// positions or units, no repeats) and reason, replacing any earlier one.
func (s *Service) SaveAspiration(ctx context.Context, a Actor, choices []string, reason string) (*mutasi.Aspiration, error) {
	nip, err := ownNIP(a)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > maxAnswer {
		return nil, mutasi.Errorf(mutasi.EINVALID, "alasan terlalu panjang (paling banyak %s huruf)", mutasi.FormatInt(maxAnswer))
	}
	asp := &mutasi.Aspiration{NIP: nip, Pilihan: choices, Alasan: reason}
	if err := s.cfg.Aspirations.SaveAspiration(ctx, asp); err != nil {
		return nil, err
	}
	if s.cfg.Audit != nil {
		if err := s.cfg.Audit.Audit(ctx, &mutasi.AuditEntry{Actor: a.Name(), Action: "aspiration.save", Subject: nip,
			Detail: strings.Join(choices, ", "), PolicyVersion: s.Policy().VersionID()}); err != nil {
			return asp, err
		}
	}
	return asp, nil
}

// WithdrawAspiration removes the actor's aspiration.
func (s *Service) WithdrawAspiration(ctx context.Context, a Actor) error {
	nip, err := ownNIP(a)
	if err != nil {
		return err
	}
	if err := s.cfg.Aspirations.DeleteAspiration(ctx, nip); err != nil {
		return err
	}
	if s.cfg.Audit != nil {
		return s.cfg.Audit.Audit(ctx, &mutasi.AuditEntry{Actor: a.Name(), Action: "aspiration.withdraw", Subject: nip,
			PolicyVersion: s.Policy().VersionID()})
	}
	return nil
}

// ownNIP is the NIP of an ASN actor: aspirations are one's own.
func ownNIP(a Actor) (string, error) {
	if err := a.active(); err != nil {
		return "", err
	}
	if a.User == nil || a.User.Role != mutasi.RoleASN || a.User.NIP == "" {
		return "", denied("aspirasi diisi oleh pegawai sendiri")
	}
	return a.User.NIP, nil
}
