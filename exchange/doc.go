// Package exchange reads and writes the data exchange format of mutasi
// (docs/data-format.md): one table per CSV file, or one sheet
// per table in an XLSX workbook, plus JSON on export.
//
// Reading turns a file into a mutasi.RowReader: it parses cells (dates,
// numbers, lists, ya/tidak) and reports what cannot be parsed as
// Row.Problems, but it does not validate values; the store does that, with
// the references and duplicates it alone can see. A file that cannot be read
// at all (not CSV or XLSX, missing or unknown column, wrong sheet, no data)
// is returned by the RowReader as a *mutasi.ImportError.
//
// Decisions worth knowing:
//
//   - Every column of a table is required. A file without induk_id, say,
//     would otherwise empty that field of every unit it imports.
//   - A file without data rows is rejected: imported with Replace it would
//     deactivate the whole table. A header-only file is what exporting an
//     empty table gives; IsNoData tells that case apart so that a caller
//     importing a whole export can skip it.
//   - A row whose cells are all empty is skipped (spreadsheets leave them).
//     Row numbers are those a spreadsheet shows: the header is row 1, and a
//     blank line still counts as a row.
//   - A CSV whose header is separated by ';' is read with ';' as the
//     separator, because that is what Excel writes as "CSV" in an
//     Indonesian locale. In such a file a decimal number uses a comma
//     (1250,5); in a ','-separated file and in XLSX it uses a point
//     (1250.5). The other separator is rejected, never guessed, and so are
//     thousands separators: "1.250" would otherwise silently be 1.25.
//   - XLSX cells are read as stored, not as displayed: a date cell is a day
//     number that is converted to its date, a number is read without its
//     display format (1,250.50 or 1.99E+17 are display artefacts).
//   - Export writes cells exactly as import reads them, so that an export
//     imported into an empty database gives the same data. JSON carries
//     the values as text (all values are strings), so a script sees them
//     as they are. CSV is for programs: it has no BOM; open exports in a
//     spreadsheet as XLSX, where every text cell stays text.
//   - A text cell that a spreadsheet would run as a formula (it starts with
//     '=', '+', '-', '@', a tab or a carriage return) is written with a
//     single quote in front, in CSV and XLSX, and read back without it
//     (see formula.go). JSON carries values as they are.
package exchange
