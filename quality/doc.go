// Package quality reports the data that would mislead a placement
// decision: employees without tmt_jabatan, without a rating that is due,
// without a major or with one the education reference does not know (with
// the nearest known majors), active past their retirement age (BUP), or
// possibly recorded twice; positions without workload or need, or with far
// more holders than need; units without positions or under an inactive
// parent; aspirations that name inactive positions or units.
//
// It reads through mutasi.Directory only, and takes the compiled policy
// for the retirement ages (params bup_*) and the education reference.
//
// Each kind has a stable id, a severity (tinggi: the policy decides
// wrongly; sedang: the picture is distorted; rendah: worth a look), a
// title and a one-line reason in Indonesian, and its records, each with
// the columns that identify it in the exchange format, its unit, the
// doubtful column and value, a suggested value where there is one, and a
// note. The JSON form (Report.MarshalJSON) is
//
//	{"date", "policy_version", "records": {"units", "positions", "employees",
//	 "aspirations"}, "total", "kinds": [{"id", "severity", "title", "why",
//	 "table", "skipped"?, "count", "items": [{"nip"?, "nama"?, "unit_id"?,
//	 "jabatan_id"?, "induk_id"?, "column", "value", "suggestion"?, "note"}]}]}
//
// with every kind present, in a fixed order, and "items": [] when it found
// nothing. WriteXLSX writes the same as a workbook with one sheet per kind,
// to be sent to the units that correct their rows.
package quality
