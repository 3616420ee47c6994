//! Static checks on the AST, before anything runs: structural rules (spec §3.4), the static
//! name check (§7.4) and the security rules (§15). Never executes code.
//!
//! `analyze` runs all three on one file and returns every finding, in the order of spec
//! §1.3: structural `SyntaxError`s, then `SecurityError`s (SEC006 findings are warnings),
//! then `NameError`s; each group in source order. The scope model of §7 that the
//! structural and name checks share is public as `scope::ScopeTree`.
//!
//! ```
//! use mlpy_analysis::{analyze, AnalysisOptions};
//! use mlpy_syntax::ast::{Expr, ExprKind, Ident, Module, Stmt, StmtKind};
//! use mlpy_syntax::Span;
//!
//! // `print(undefined);`
//! let ident = |name: &str, start: u32| Ident {
//!     name: name.to_string(),
//!     span: Span::new(start, start + name.len() as u32),
//! };
//! let call = Expr {
//!     kind: ExprKind::Call {
//!         callee: ident("print", 0),
//!         args: vec![Expr { kind: ExprKind::Name(ident("undefined", 6)), span: Span::new(6, 15) }],
//!         paren: Span::new(5, 6),
//!     },
//!     span: Span::new(0, 16),
//! };
//! let module = Module { body: vec![Stmt { kind: StmtKind::Expr(call), span: Span::new(0, 17) }] };
//! let findings = analyze(&module, &AnalysisOptions { prelude: &["print", "builtin"] });
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].kind, "NameError");
//! assert_eq!(findings[0].message, "unknown identifier `undefined`");
//! ```

#![warn(missing_docs, unreachable_pub)]

use std::collections::HashSet;

use mlpy_syntax::ast::Module;
use mlpy_syntax::{Diagnostic, Span};

use crate::modules::ModuleCatalog;
use crate::scope::ScopeTree;

pub mod modules;
mod names;
pub mod rules;
pub mod scope;
mod security;
mod structural;
pub mod suggest;
mod walk;

#[cfg(test)]
mod tests;

/// What the analysis needs to know beyond the file itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct AnalysisOptions<'a> {
    /// The names bound in the prelude scope (§7.1): the builtin functions and `builtin`.
    pub prelude: &'a [&'a str],
}

/// Every static finding of one file: structural errors, then security findings, then
/// name errors. The file is rejected if any of them `is_error()`. An identifier that a
/// security rule rejects (`eval(…)`) is not reported a second time as unknown.
pub fn analyze(module: &Module, options: &AnalysisOptions<'_>) -> Vec<Diagnostic> {
    analyze_inner(module, options, None)
}

/// `analyze`, plus the hints that know the standard modules (`modules::ModuleCatalog`):
/// an unknown name before a `.` that is a standard module suggests its `import`, and an
/// unknown member of a standard module imported under a name that nothing else binds, or
/// an unknown method of a string or array literal, is a warning naming the nearest member.
pub fn analyze_with_modules(
    module: &Module,
    options: &AnalysisOptions<'_>,
    catalog: &dyn ModuleCatalog,
) -> Vec<Diagnostic> {
    analyze_inner(module, options, Some(catalog))
}

fn analyze_inner(
    module: &Module,
    options: &AnalysisOptions<'_>,
    catalog: Option<&dyn ModuleCatalog>,
) -> Vec<Diagnostic> {
    let tree = ScopeTree::build(module);
    let mut res = structural::check(module, &tree, options.prelude);
    let security = security::check(module);
    let rejected: HashSet<Span> =
        security.iter().filter(|diag| diag.is_error()).map(|diag| diag.span).collect();
    res.extend(security);
    let names = names::check(module, &tree, options.prelude, catalog);
    res.extend(names.into_iter().filter(|diag| !rejected.contains(&diag.span)));
    if let Some(catalog) = catalog {
        res.extend(modules::check(module, &tree, catalog));
    }
    res
}

/// The structural checks of §3.4 (`SyntaxError`s), in source order.
pub fn structural_check(module: &Module) -> Vec<Diagnostic> {
    structural::check(module, &ScopeTree::build(module), &[])
}

/// The security rules of §15 (`SecurityError`s; SEC006 findings are warnings), in source
/// order.
pub fn security_check(module: &Module) -> Vec<Diagnostic> {
    security::check(module)
}

/// The static name check of §7.4 (`NameError`s), in source order. `prelude` lists the
/// names bound in the prelude scope.
pub fn name_check(module: &Module, prelude: &[&str]) -> Vec<Diagnostic> {
    names::check(module, &ScopeTree::build(module), prelude, None)
}
