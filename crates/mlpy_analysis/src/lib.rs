//! Static checks on the AST, before anything runs: structural rules (spec §3.4), the static
//! name check (§7.4) and the security rules (§15). Never executes code.
