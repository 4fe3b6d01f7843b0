package mutasi

import "strings"

// FieldError is one problem with one field. Field is the column name of the
// data exchange format (nip, tanggal_lahir, ...), so that an import can report
// "file:row: column: problem" without a mapping table.
type FieldError struct {
	Field   string
	Problem string // Indonesian, for people
}

func (e FieldError) String() string { return e.Field + ": " + e.Problem }

// ValidationError lists every problem found in one value; Validate methods
// return it (never only the first problem) so that a user fixes a row once.
type ValidationError []FieldError

func (v ValidationError) Error() string {
	parts := make([]string, len(v))
	for i, fe := range v {
		parts[i] = fe.String()
	}
	return strings.Join(parts, "; ")
}

// problems collects field errors while validating.
type problems []FieldError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Problem: sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return ValidationError(p)
}

// validID reports whether s is usable as a unit or position id: it must not
// contain the list separator ';', spaces or control characters, because ids
// appear inside list cells and chat commands.
func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '-' || r == '_' || r == '.' || r == '/':
		default:
			return false
		}
	}
	return true
}

func checkID(p *problems, field, value string) {
	switch {
	case value == "":
		p.add(field, "wajib diisi")
	case !validID(value):
		p.add(field, "%q bukan kode yang sah (hanya huruf, angka, '-', '_', '.', '/'; paling panjang 64)", value)
	}
}

// checkText rejects control characters in a text field: they are
// invisible in a spreadsheet and corrupt an XLSX export. Names take none;
// free text (multiline) may hold line breaks and tabs.
func checkText(p *problems, field, value string, multiline bool) {
	for _, r := range value {
		if r == 0x7f || (r < 0x20 && !(multiline && (r == '\n' || r == '\r' || r == '\t'))) {
			p.add(field, "berisi karakter kendali tak terlihat (kode %d); ketik ulang isinya", r)
			return
		}
	}
}
