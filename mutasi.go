// Package mutasi holds the domain of mutasi ASN planning: units, positions,
// employees, aspirations, proposals and the people who use the bot, together
// with their validation rules and the service interfaces that the adapters
// (store, rules, bot) implement or consume.
//
// This package imports only the standard library. Adapters import it; it
// imports none of them.
package mutasi
