package exchange

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Format is a file format of the exchange.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
	JSON Format = "json" // export only
)

// FormatOf returns the format a path's extension names, or "" if none.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV
	case ".xlsx":
		return XLSX
	case ".json":
		return JSON
	}
	return ""
}

var (
	magicZip  = []byte("PK\x03\x04")
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	bomUTF8   = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16L = []byte{0xFF, 0xFE}
	bomUTF16B = []byte{0xFE, 0xFF}
)

// sniffText returns "" if head (the first bytes of a file named .csv) looks
// like text, else the problem to report.
func sniffText(head []byte) string {
	switch {
	case bytes.HasPrefix(head, magicZip):
		return msgZipAsCSV
	case bytes.HasPrefix(head, magicOLE):
		return msgOLEFile
	case bytes.HasPrefix(head, bomUTF16L), bytes.HasPrefix(head, bomUTF16B):
		return msgUTF16
	}
	// Text never holds NUL, and hardly any other control character; binary
	// data (an image, random bytes) is full of them. A few stray ones are
	// tolerated so that one odd cell does not condemn a whole file.
	control := 0
	for _, b := range head {
		switch {
		case b == 0:
			return msgBinaryAsCSV
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f':
			control++
		}
	}
	if control > 0 && control*32 > len(head) {
		return msgBinaryAsCSV
	}
	return ""
}

// sniffWorkbook returns "" if head (the first bytes of a file named .xlsx)
// starts like a zip archive, else the problem to report.
func sniffWorkbook(head []byte) string {
	switch {
	case bytes.HasPrefix(head, magicZip):
		return ""
	case bytes.HasPrefix(head, magicOLE):
		return msgOLEFile
	}
	return msgNotZipAsXLSX
}
