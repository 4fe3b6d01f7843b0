// Package placement answers every placement question — may this employee
// move (there)? who are the best people for this vacancy? which moves
// relieve this unit? which set of moves balances the whole organisation? —
// for every front: the CLI today, the Telegram bot next. Each front parses
// its input, calls a Service method with the acting person, and renders the
// answer, so the same question gets the same decision from both by
// construction.
//
// The Service composes the store (a mutasi.Directory, plus the plan and
// proposal stores), the policy (a function returning the current
// *rules.Policy, swapped at reload) and a clock. Access control lives here,
// not in the fronts: see access.go.
//
// The global plan is an optimisation solved exactly by package assign; the
// model is documented in plan.go.
package placement
