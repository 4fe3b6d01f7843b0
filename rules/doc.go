// Package rules loads a placement policy (policies/*.yaml), compiles every
// expression once against a typed environment, and evaluates employees and
// (employee, target position) pairs into Decisions: a verdict, every rule's
// outcome with a rendered message, and a score.
//
// Evaluation is built for batches: an employee's facts (age, months in
// position, education family …) are computed once per evaluation date, and
// most expressions run as typed Go closures compiled from expr's checked AST
// (fast.go) rather than through expr's reflective VM. Expressions that use
// features the closure compiler does not know fall back to the expr VM, with
// its memory budget. Both paths see the same facts and give the same answers,
// messages included (TestFastMatchesVM in eval_test.go checks this).
//
// A Decision renders every rule's message. Templates are prepared at
// compile time (template.go): params and literals are folded into text and
// each placeholder gets a typed appender. Rules, terms and templates whose
// data is all present run their closures without per-expression checks
// (guard.go). A Decision then costs three allocations — rule results, score
// parts and one string that every varying message is cut from — and
// shares no memory with the pooled evaluator, so it stays valid forever.
package rules
