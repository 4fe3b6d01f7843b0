package placement

import "math"

func isInf(f float64) bool        { return math.IsInf(f, 0) }
func sqrt(f float64) float64      { return math.Sqrt(f) }
func round4(f float64) float64    { return math.Round(f*1e4) / 1e4 }
func mathRound(f float64) float64 { return math.Round(f) }
