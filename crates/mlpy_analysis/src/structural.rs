//! The structural checks of spec §3.4, reported as `SyntaxError`s: `break`/`continue`
//! outside a loop of the same function, misplaced or unresolvable `nonlocal` statements,
//! and duplicate parameter names.

use mlpy_syntax::ast::{Function, Ident, Module, Stmt, StmtKind};
use mlpy_syntax::{Diagnostic, Span};

use crate::names::visible_names;
use crate::scope::{ScopeId, ScopeTree};
use crate::suggest;
use crate::walk::{walk_module, Visitor};

/// Every structural error of `module`, in source order. `prelude` only improves the help
/// of a `nonlocal` naming a builtin.
pub(crate) fn check(module: &Module, tree: &ScopeTree<'_>, prelude: &[&str]) -> Vec<Diagnostic> {
    let mut checker = StructuralChecker {
        tree,
        prelude,
        frames: vec![Frame { func: None, scope: tree.top_level(), loops: 0 }],
        diagnostics: Vec::new(),
    };
    walk_module(module, &mut checker);
    let mut res = checker.diagnostics;
    res.sort_by_key(|diag| diag.span.start);
    res
}

/// The function (or the top level) whose body is being walked.
struct Frame<'m> {
    /// `None` at the top level of the file.
    func: Option<&'m Function>,
    scope: ScopeId,
    /// How many loop bodies of this function enclose the current point.
    loops: u32,
}

struct StructuralChecker<'t, 'm> {
    tree: &'t ScopeTree<'m>,
    prelude: &'t [&'t str],
    /// Never empty: the first frame is the top level.
    frames: Vec<Frame<'m>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'m> StructuralChecker<'_, 'm> {
    fn frame_mut(&mut self) -> Option<&mut Frame<'m>> {
        self.frames.last_mut()
    }

    fn check_jump(&mut self, stmt: &Stmt, keyword: &str) {
        let Some((frame, outer)) = self.frames.split_last() else { return };
        if frame.loops > 0 {
            return;
        }
        let mut diag = Diagnostic::syntax(
            format!("`{keyword}` outside of a loop"),
            keyword_span(stmt.span, keyword),
        );
        if outer.iter().any(|frame| frame.loops > 0) {
            diag = diag.with_help(
                "a loop outside the enclosing function does not count; return a value and test \
                 it in the loop instead",
            );
        }
        self.diagnostics.push(diag);
    }

    fn check_nonlocal(&mut self, stmt: &Stmt, names: &[Ident]) {
        let Some(frame) = self.frames.last() else { return };
        let Some(func) = frame.func else {
            self.diagnostics.push(
                Diagnostic::syntax(
                    "`nonlocal` at the top level of a file",
                    keyword_span(stmt.span, "nonlocal"),
                )
                .with_help(
                    "`nonlocal` belongs in a function; at the top level, assign the variable \
                     directly",
                ),
            );
            return;
        };
        let scope = self.tree.scope(frame.scope);
        for ident in names {
            let name = ident.name.as_str();
            let diag = if let Some(param) = func.params.iter().find(|p| p.name.name == name) {
                Diagnostic::syntax(
                    format!("`{name}` is a parameter of {} and cannot be nonlocal", describe(func)),
                    ident.span,
                )
                .with_label(param.name.span, "parameter declared here")
            } else if let Some(used) =
                scope.first_use(name).filter(|used| used.start < stmt.span.start)
            {
                Diagnostic::syntax(
                    format!("`{name}` is used before its `nonlocal` declaration"),
                    ident.span,
                )
                .with_label(used, "first used here")
                .with_help(format!("move `nonlocal {name};` to the start of the function"))
            } else {
                match scope.parent() {
                    Some(parent) if self.tree.resolve(parent, name).is_some() => continue,
                    parent => self.unbound_nonlocal(ident, parent),
                }
            };
            self.diagnostics.push(diag);
        }
    }

    fn unbound_nonlocal(&self, ident: &Ident, enclosing: Option<ScopeId>) -> Diagnostic {
        let name = ident.name.as_str();
        let diag = Diagnostic::syntax(
            format!("no binding for nonlocal `{name}` found in an enclosing scope"),
            ident.span,
        );
        if self.prelude.contains(&name) {
            return diag.with_help(format!(
                "`{name}` is a builtin, and `nonlocal` never refers to builtins; assign `{name}` \
                 without `nonlocal` to make a variable of this function"
            ));
        }
        let candidates = enclosing.map(|id| visible_names(self.tree, id, &[])).unwrap_or_default();
        match suggest::closest(name, candidates) {
            Some(similar) => diag.with_help(format!("did you mean `{similar}`?")),
            None => diag.with_help(format!(
                "`nonlocal` refers to a variable assigned in an enclosing function or at the \
                 top level of the file; assign `{name}` there first"
            )),
        }
    }

    fn check_params(&mut self, func: &Function) {
        for (idx, param) in func.params.iter().enumerate() {
            let earlier = func.params[..idx].iter().find(|p| p.name.name == param.name.name);
            if let Some(first) = earlier {
                self.diagnostics.push(
                    Diagnostic::syntax(
                        format!("duplicate parameter `{}` in {}", param.name.name, describe(func)),
                        param.name.span,
                    )
                    .with_label(first.name.span, "first declared here"),
                );
            }
        }
    }
}

impl<'m> Visitor<'m> for StructuralChecker<'_, 'm> {
    fn statement(&mut self, stmt: &'m Stmt) {
        match &stmt.kind {
            StmtKind::Break => self.check_jump(stmt, "break"),
            StmtKind::Continue => self.check_jump(stmt, "continue"),
            StmtKind::Nonlocal(names) => self.check_nonlocal(stmt, names),
            _ => {}
        }
    }

    fn enter_function(&mut self, func: &'m Function) {
        self.check_params(func);
        let scope = match self.tree.function_scope(func) {
            Some(id) => id,
            None => self.frames.last().map_or_else(|| self.tree.top_level(), |f| f.scope),
        };
        self.frames.push(Frame { func: Some(func), scope, loops: 0 });
    }

    fn exit_function(&mut self, _func: &'m Function) {
        self.frames.pop();
    }

    fn enter_loop(&mut self) {
        if let Some(frame) = self.frame_mut() {
            frame.loops += 1;
        }
    }

    fn exit_loop(&mut self) {
        if let Some(frame) = self.frame_mut() {
            frame.loops = frame.loops.saturating_sub(1);
        }
    }
}

/// "function `f`" or "an arrow function", for messages.
fn describe(func: &Function) -> String {
    match &func.name {
        Some(name) => format!("function `{}`", name.name),
        None => "an arrow function".to_string(),
    }
}

/// The span of the keyword that starts a statement.
fn keyword_span(stmt: Span, keyword: &str) -> Span {
    let end = stmt.start.saturating_add(keyword.len() as u32);
    if end <= stmt.end {
        Span::new(stmt.start, end)
    } else {
        stmt
    }
}
