package main

import "github.com/mutasi/mutasi"

// Numbers shown to people follow Indonesian usage: "." groups thousands and
// "," marks decimals (12.345,6); the root package formats them for every
// front.

func formatInt(n int) string { return mutasi.FormatInt(n) }

func formatDecimal(f float64, places int) string { return mutasi.FormatDecimal(f, places) }
