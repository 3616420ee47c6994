//! The static name check (spec §7.4): every identifier read or called must resolve to a
//! scope of the file or to the prelude; otherwise a `NameError` names it and suggests a
//! visible name that is spelled alike. An unknown name before a `.` that names a standard
//! module (`math.sqrt(2)` without `import math;`) gets the import as its help instead.

use std::collections::{HashMap, HashSet};

use mlpy_syntax::ast::{ExceptClause, Expr, ExprKind, Function, Ident, Module, StmtKind};
use mlpy_syntax::{Diagnostic, Span};

use crate::modules::ModuleCatalog;

use crate::scope::{ScopeId, ScopeStack, ScopeTree};
use crate::suggest;
use crate::walk::{walk_module, Role, Visitor};

/// Every `NameError` of `module`, in source order.
pub(crate) fn check(
    module: &Module,
    tree: &ScopeTree<'_>,
    prelude: &[&str],
    catalog: Option<&dyn ModuleCatalog>,
) -> Vec<Diagnostic> {
    let mut checker = NameChecker {
        tree,
        prelude: prelude.iter().copied().collect(),
        stack: ScopeStack::new(tree),
        diagnostics: Vec::new(),
        catalog,
        member_targets: HashMap::new(),
        aliases: module
            .body
            .iter()
            .filter_map(|stmt| match &stmt.kind {
                StmtKind::Import(import) => {
                    let alias = import.alias.as_ref()?;
                    Some((import.dotted_name(), alias.name.clone()))
                }
                _ => None,
            })
            .collect(),
    };
    walk_module(module, &mut checker);
    let mut res = checker.diagnostics;
    res.sort_by_key(|diag| diag.span.start);
    res
}

/// The names visible from `from`, each with its rank for `suggest::closest`: the number
/// of scopes between it and `from`, the prelude last.
pub(crate) fn visible_names<'t>(
    tree: &'t ScopeTree<'_>,
    from: ScopeId,
    prelude: &[&'t str],
) -> Vec<(usize, &'t str)> {
    let mut res: Vec<(usize, &str)> = Vec::new();
    let mut prelude_rank = 0;
    for (rank, id) in tree.ancestors(from).enumerate() {
        res.extend(tree.scope(id).bindings().map(|name| (rank, name)));
        prelude_rank = rank + 1;
    }
    res.extend(prelude.iter().map(|name| (prelude_rank, *name)));
    res
}

struct NameChecker<'t, 'm> {
    tree: &'t ScopeTree<'m>,
    prelude: HashSet<&'t str>,
    /// The scopes enclosing the current point; the last one is the innermost.
    stack: ScopeStack,
    diagnostics: Vec<Diagnostic>,
    /// The standard modules, when the caller knows them.
    catalog: Option<&'t dyn ModuleCatalog>,
    /// The names directly before a `.` (`math` in `math.sqrt(2)`) by span, with the
    /// member after the `.`.
    member_targets: HashMap<Span, String>,
    /// `(module, alias)` of the file's `import module as alias;` statements.
    aliases: Vec<(String, String)>,
}

impl NameChecker<'_, '_> {
    fn current(&self) -> ScopeId {
        self.stack.current()
    }

    fn check_use(&mut self, ident: &Ident) {
        let current = self.current();
        if self.tree.resolve(current, &ident.name).is_some()
            || self.prelude.contains(ident.name.as_str())
        {
            return;
        }
        let is_module = self.catalog.is_some_and(|c| c.is_module(&ident.name));
        if let (true, Some(member)) = (is_module, self.member_targets.get(&ident.span)) {
            let diag = Diagnostic::error(
                "NameError",
                format!("unknown identifier `{}`", ident.name),
                ident.span,
            )
            .with_help(match self.aliases.iter().find(|(m, _)| *m == ident.name) {
                Some((_, alias)) => {
                    format!("`{}` is imported as `{alias}`: write `{alias}.{member}`", ident.name)
                }
                None => format!(
                    "`{0}` is a standard module: add `import {0};` at the top of the file",
                    ident.name
                ),
            });
            self.diagnostics.push(diag);
            return;
        }
        let prelude: Vec<&str> = self.prelude.iter().copied().collect();
        let candidates = visible_names(self.tree, current, &prelude);
        let mut diag = Diagnostic::error(
            "NameError",
            format!("unknown identifier `{}`", ident.name),
            ident.span,
        );
        if let Some(name) = suggest::closest(&ident.name, candidates) {
            diag = diag.with_help(format!("did you mean `{name}`?"));
        }
        self.diagnostics.push(diag);
    }
}

impl<'m> Visitor<'m> for NameChecker<'_, 'm> {
    fn expression(&mut self, expr: &'m Expr) {
        let (target, name) = match &expr.kind {
            ExprKind::Member { target, name, .. } => (target, name),
            ExprKind::MethodCall { receiver, name, .. } => (receiver, name),
            _ => return,
        };
        if let ExprKind::Name(ident) = &target.kind {
            self.member_targets.insert(ident.span, name.name.clone());
        }
    }

    fn ident(&mut self, ident: &'m Ident, role: Role) {
        if matches!(role, Role::Read | Role::Callee) {
            self.check_use(ident);
        }
    }

    fn enter_function(&mut self, func: &'m Function) {
        self.stack.enter_function(self.tree, func);
    }

    fn exit_function(&mut self, _func: &'m Function) {
        self.stack.exit_function();
    }

    fn enter_handler(&mut self, clause: &'m ExceptClause) {
        self.stack.enter_handler(self.tree, clause);
    }

    fn exit_handler(&mut self, clause: &'m ExceptClause) {
        self.stack.exit_handler(self.tree, clause);
    }
}
