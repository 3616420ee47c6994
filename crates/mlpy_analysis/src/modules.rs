//! Hints that know the standard modules: warnings, before the run, for a member that a
//! standard module does not have (`random.seed` → did you mean `random.setSeed`?) and for
//! a method that a string or array literal does not have (`[1, 2].map(f)` → use
//! `functional.map`). The analysis knows no module itself: the caller (the CLI, from the
//! runtime's declarations) answers through a `ModuleCatalog`.
//!
//! A member is checked only where its module is known statically: the name before the
//! `.` resolves to a variable whose only binding is an `import` of a standard module
//! (under its name or an alias). Anything else — a variable that is also assigned, a
//! second import under the same name, a parameter that shadows it — is left to the run.

use std::collections::{HashMap, HashSet};

use mlpy_syntax::ast::{
    ExceptClause, Expr, ExprKind, Function, Ident, Import, Module, Stmt, StmtKind,
};
use mlpy_syntax::{Diagnostic, Span};

use crate::scope::{ScopeId, ScopeStack, ScopeTree};
use crate::walk::{walk_module, Role, Visitor};

/// The kinds of value whose methods are checked on literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Receiver {
    /// A string literal (`"a".upper()`).
    String,
    /// An array literal (`[1, 2].map(f)`).
    Array,
}

impl Receiver {
    /// The kind name of spec §4.1.
    pub fn kind_name(self) -> &'static str {
        match self {
            Receiver::String => "string",
            Receiver::Array => "array",
        }
    }
}

/// What the analysis is told about the standard modules and the built-in kinds' methods.
/// The runtime owns the declarations; `mlpy_runtime::stdlib::CATALOG` implements this.
pub trait ModuleCatalog {
    /// Whether `import name;` finds the standard module `name` in this version.
    fn is_module(&self, name: &str) -> bool;
    /// Whether the standard module `module` has the member (function or constant) `member`.
    fn has_member(&self, module: &str, member: &str) -> bool;
    /// The member of `module` nearest to the unknown `member`, if one is near.
    fn nearest_member(&self, module: &str, member: &str) -> Option<String>;
    /// Whether values of `receiver`'s kind have the member `name` (a method or `length`).
    fn has_method(&self, receiver: Receiver, name: &str) -> bool;
    /// A help line for the unknown method `name` of `receiver`'s kind: the nearest method,
    /// or the `functional` function that does the work.
    fn method_help(&self, receiver: Receiver, name: &str) -> Option<String>;
}

/// The warnings about unknown members of standard modules and of literals, in source
/// order.
pub(crate) fn check(
    module: &Module,
    tree: &ScopeTree<'_>,
    catalog: &dyn ModuleCatalog,
) -> Vec<Diagnostic> {
    let mut bindings = Bindings {
        tree,
        catalog,
        stack: ScopeStack::new(tree),
        counts: HashMap::new(),
        imports: HashMap::new(),
    };
    walk_module(module, &mut bindings);
    let mut checker = MemberChecker {
        tree,
        catalog,
        stack: ScopeStack::new(tree),
        modules: bindings.modules(),
        assigned: HashSet::new(),
        diagnostics: Vec::new(),
    };
    walk_module(module, &mut checker);
    let mut res = checker.diagnostics;
    res.sort_by_key(|diag| diag.span.start);
    res
}

/// The first walk: how many binding occurrences each variable has, and which variables an
/// `import` of a standard module binds.
struct Bindings<'t, 'm> {
    tree: &'t ScopeTree<'m>,
    catalog: &'t dyn ModuleCatalog,
    stack: ScopeStack,
    counts: HashMap<(ScopeId, String), usize>,
    /// Variable → the standard module its import binds.
    imports: HashMap<(ScopeId, String), String>,
}

impl Bindings<'_, '_> {
    fn current(&self) -> ScopeId {
        self.stack.current()
    }

    fn count(&mut self, name: &str) -> Option<(ScopeId, String)> {
        let scope = self.tree.resolve(self.current(), name)?;
        let key = (scope, name.to_owned());
        *self.counts.entry(key.clone()).or_insert(0) += 1;
        Some(key)
    }

    /// The variables bound only by the import of a standard module, with the module.
    fn modules(self) -> HashMap<(ScopeId, String), String> {
        let counts = self.counts;
        self.imports.into_iter().filter(|(key, _)| counts.get(key) == Some(&1)).collect()
    }
}

impl<'m> Visitor<'m> for Bindings<'_, 'm> {
    fn ident(&mut self, ident: &'m Ident, role: Role) {
        if role.is_binding() || role == Role::Param {
            self.count(&ident.name);
        }
    }

    fn import(&mut self, import: &'m Import) {
        let Some(bound) = import.alias.as_ref().or(import.path.first()) else { return };
        let Some(key) = self.count(&bound.name) else { return };
        let dotted = import.dotted_name();
        if import.path.len() == 1 && self.catalog.is_module(&dotted) {
            self.imports.insert(key, dotted);
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

/// The second walk: every `x.name` and `x.name(…)` whose `x` is a known module or a
/// string or array literal.
struct MemberChecker<'t, 'm> {
    tree: &'t ScopeTree<'m>,
    catalog: &'t dyn ModuleCatalog,
    stack: ScopeStack,
    modules: HashMap<(ScopeId, String), String>,
    /// The spans of member assignment targets (`m.x = v` is a `TypeError` for a module,
    /// not an unknown member).
    assigned: HashSet<Span>,
    diagnostics: Vec<Diagnostic>,
}

impl MemberChecker<'_, '_> {
    fn current(&self) -> ScopeId {
        self.stack.current()
    }

    fn check_member(&mut self, target: &Expr, name: &Ident) {
        match &target.kind {
            ExprKind::Name(var) => self.check_module_member(var, name),
            ExprKind::Str(_) => self.check_method(Receiver::String, name),
            ExprKind::Array(_) => self.check_method(Receiver::Array, name),
            _ => {}
        }
    }

    fn check_module_member(&mut self, var: &Ident, name: &Ident) {
        let Some(scope) = self.tree.resolve(self.current(), &var.name) else { return };
        let Some(module) = self.modules.get(&(scope, var.name.clone())) else { return };
        if self.catalog.has_member(module, &name.name) {
            return;
        }
        let shown = if var.name == *module {
            format!("module `{module}`")
        } else {
            format!("module `{module}` (imported as `{}`)", var.name)
        };
        let diag = Diagnostic::warning(
            "AttributeError",
            format!("{shown} has no member `{}`", name.name),
            name.span,
        );
        let help = match self.catalog.nearest_member(module, &name.name) {
            Some(near) => format!("did you mean `{}.{near}`?", var.name),
            None => format!("`help({})` lists the module's functions", var.name),
        };
        self.diagnostics.push(diag.with_help(help));
    }

    fn check_method(&mut self, receiver: Receiver, name: &Ident) {
        if self.catalog.has_method(receiver, &name.name) {
            return;
        }
        let mut diag = Diagnostic::warning(
            "AttributeError",
            format!("{} has no method `{}`", receiver.kind_name(), name.name),
            name.span,
        );
        if let Some(help) = self.catalog.method_help(receiver, &name.name) {
            diag = diag.with_help(help);
        }
        self.diagnostics.push(diag);
    }
}

impl<'m> Visitor<'m> for MemberChecker<'_, 'm> {
    fn statement(&mut self, stmt: &'m Stmt) {
        if let StmtKind::Assign { target, .. } = &stmt.kind {
            self.assigned.insert(target.span);
        }
    }

    fn expression(&mut self, expr: &'m Expr) {
        if self.assigned.contains(&expr.span) {
            return;
        }
        match &expr.kind {
            ExprKind::Member { target, name, .. } => self.check_member(target, name),
            ExprKind::MethodCall { receiver, name, .. } => self.check_member(receiver, name),
            _ => {}
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
