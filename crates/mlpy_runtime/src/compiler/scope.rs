//! Scope analysis for the compiler (spec §7): which names each function binds, and which
//! of them are captured by nested functions (those live in cells).
//!
//! Bindings belong to whole scopes, regardless of textual order, so the analysis runs in
//! two passes: `collect_bindings` computes each function's bound names, then `mark_captures`
//! resolves every use through the chain of enclosing scopes and marks variables used from
//! nested functions as captured.

use std::collections::HashSet;

use mlpy_syntax::ast::{
    Block, ExceptClause, Expr, ExprKind, Function, FunctionBody, Module, NodeId, Stmt, StmtKind,
};

/// Identity of a function (or of the module top level, `None`) in the syntax tree.
pub(crate) type FuncKey = Option<NodeId>;

/// What the compiler needs to know about one function scope.
#[derive(Debug, Default)]
pub(crate) struct FuncScope {
    pub params: Vec<String>,
    /// Bound names other than parameters, in order of first appearance.
    pub locals: Vec<String>,
    /// `params` and `locals` as a set (constant-time `binds`).
    bound: HashSet<String>,
    pub nonlocals: HashSet<String>,
    /// Names (params or locals) that nested functions use.
    pub captured: HashSet<String>,
}

impl FuncScope {
    pub fn binds(&self, name: &str) -> bool {
        !self.nonlocals.contains(name) && self.bound.contains(name)
    }

    fn with_params(params: Vec<String>) -> FuncScope {
        let bound = params.iter().cloned().collect();
        FuncScope { params, bound, ..FuncScope::default() }
    }
}

/// The scopes of one file, indexed by `NodeId` (dense tables: constant-time lookup, and
/// the compiler reads them by shared reference, so a construct compiled twice sees the
/// same information both times).
#[derive(Debug, Default)]
pub(crate) struct ScopeInfo {
    top: FuncScope,
    functions: Vec<Option<FuncScope>>,
    /// `except (e)` clauses whose variable is captured by a nested function.
    captured_except: Vec<bool>,
}

impl ScopeInfo {
    /// The scope of a function (`None`: the top level). A function the analysis never saw
    /// (impossible for a parsed tree) gets an empty scope.
    pub fn function(&self, key: FuncKey) -> &FuncScope {
        static EMPTY: std::sync::OnceLock<FuncScope> = std::sync::OnceLock::new();
        match key {
            None => &self.top,
            Some(id) => self
                .functions
                .get(id.index())
                .and_then(Option::as_ref)
                .unwrap_or_else(|| EMPTY.get_or_init(FuncScope::default)),
        }
    }

    /// Whether a nested function captures the variable of this `except (e)` clause.
    pub fn except_captured(&self, clause: &ExceptClause) -> bool {
        self.captured_except.get(clause.id.index()).copied().unwrap_or(false)
    }

    fn function_mut(&mut self, key: FuncKey) -> Option<&mut FuncScope> {
        match key {
            None => Some(&mut self.top),
            Some(id) => self.functions.get_mut(id.index()).and_then(Option::as_mut),
        }
    }

    fn insert_function(&mut self, id: NodeId, scope: FuncScope) {
        if self.functions.len() <= id.index() {
            self.functions.resize_with(id.index() + 1, || None);
        }
        self.functions[id.index()] = Some(scope);
    }

    fn mark_except_captured(&mut self, id: NodeId) {
        if self.captured_except.len() <= id.index() {
            self.captured_except.resize(id.index() + 1, false);
        }
        self.captured_except[id.index()] = true;
    }
}

pub(crate) fn analyze(module: &Module, all_toplevel_captured: bool) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    let mut top = FuncScope::default();
    for stmt in &module.body {
        if let StmtKind::Import(import) = &stmt.kind {
            add_local(&mut top, &import.binding().name);
        }
    }
    collect_block(&module.body, &mut top, &mut info, &mut Vec::new());
    remove_nonlocals(&mut top);
    if all_toplevel_captured {
        top.captured.extend(top.locals.iter().cloned());
    }
    info.top = top;
    let mut walker = CaptureWalker { info: &mut info, stack: Vec::new() };
    walker.stack.push(ScopeRef::Function(None));
    walker.block(&module.body);
    info
}

fn add_local(scope: &mut FuncScope, name: &str) {
    if !scope.bound.contains(name) {
        scope.bound.insert(name.to_owned());
        scope.locals.push(name.to_owned());
    }
}

/// A `nonlocal` declaration anywhere in a function removes the name from its bindings.
fn remove_nonlocals(scope: &mut FuncScope) {
    if !scope.nonlocals.is_empty() {
        let nonlocals = &scope.nonlocals;
        scope.locals.retain(|l| !nonlocals.contains(l));
    }
}

/// Pass 1: the names bound by each function. `except_vars` holds the variables of the
/// enclosing `except` clauses of the current function (they shadow function bindings).
fn collect_block(
    stmts: &[Stmt],
    scope: &mut FuncScope,
    info: &mut ScopeInfo,
    except_vars: &mut Vec<String>,
) {
    for stmt in stmts {
        collect_stmt(stmt, scope, info, except_vars);
    }
}

fn bind(scope: &mut FuncScope, except_vars: &[String], name: &str) {
    if !except_vars.iter().any(|e| e == name) {
        add_local(scope, name);
    }
}

fn collect_stmt(
    stmt: &Stmt,
    scope: &mut FuncScope,
    info: &mut ScopeInfo,
    except_vars: &mut Vec<String>,
) {
    match &stmt.kind {
        StmtKind::Expr(e) => collect_expr(e, info),
        StmtKind::Assign { target, value } => {
            if let ExprKind::Name(id) = &target.kind {
                bind(scope, except_vars, &id.name);
            } else {
                collect_expr(target, info);
            }
            collect_expr(value, info);
        }
        StmtKind::Destructure { pattern, value } => {
            for id in pattern.names() {
                bind(scope, except_vars, &id.name);
            }
            collect_expr(value, info);
        }
        StmtKind::FunctionDef(func) => {
            bind(scope, except_vars, func.name.as_ref().map_or("", |n| &n.name));
            collect_function(func, info);
        }
        StmtKind::If { branches, else_block } => {
            for (cond, block) in branches {
                collect_expr(cond, info);
                collect_block(&block.stmts, scope, info, except_vars);
            }
            if let Some(b) = else_block {
                collect_block(&b.stmts, scope, info, except_vars);
            }
        }
        StmtKind::While { cond, body } => {
            collect_expr(cond, info);
            collect_block(&body.stmts, scope, info, except_vars);
        }
        StmtKind::For { var, iter, body } => {
            bind(scope, except_vars, &var.name);
            collect_expr(iter, info);
            collect_block(&body.stmts, scope, info, except_vars);
        }
        StmtKind::Try { body, handlers, finally } => {
            collect_block(&body.stmts, scope, info, except_vars);
            for h in handlers {
                let pushed = h.var.as_ref().map(|v| except_vars.push(v.name.clone())).is_some();
                collect_block(&h.body.stmts, scope, info, except_vars);
                if pushed {
                    except_vars.pop();
                }
            }
            if let Some(f) = finally {
                collect_block(&f.stmts, scope, info, except_vars);
            }
        }
        StmtKind::Return(Some(e)) | StmtKind::Throw(e) => collect_expr(e, info),
        StmtKind::Nonlocal(names) => {
            for n in names {
                scope.nonlocals.insert(n.name.clone());
            }
        }
        StmtKind::Return(None)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Import(_)
        | StmtKind::Capability(_) => {}
    }
}

fn collect_function(func: &Function, info: &mut ScopeInfo) {
    let mut scope =
        FuncScope::with_params(func.params.iter().map(|p| p.name.name.clone()).collect());
    match &func.body {
        FunctionBody::Block(b) => collect_block(&b.stmts, &mut scope, info, &mut Vec::new()),
        FunctionBody::Expr(e) => collect_expr(e, info),
    }
    remove_nonlocals(&mut scope);
    info.insert_function(func.id, scope);
}

/// Arrow functions can appear inside any expression.
fn collect_expr(expr: &Expr, info: &mut ScopeInfo) {
    visit_subexprs(expr, &mut |e| {
        if let ExprKind::Arrow(func) = &e.kind {
            collect_function(func, info);
            false
        } else {
            true
        }
    });
}

/// Calls `f` on `expr` and, while `f` returns true, on its sub-expressions (pre-order).
pub(crate) fn visit_subexprs(expr: &Expr, f: &mut dyn FnMut(&Expr) -> bool) {
    if !f(expr) {
        return;
    }
    match &expr.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::Null
        | ExprKind::Name(_)
        | ExprKind::Arrow(_) => {}
        ExprKind::Array(items) => items.iter().for_each(|e| visit_subexprs(e, f)),
        ExprKind::Object(entries) => entries.iter().for_each(|(_, e)| visit_subexprs(e, f)),
        ExprKind::Unary { operand, .. } => visit_subexprs(operand, f),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logical { lhs, rhs, .. } => {
            visit_subexprs(lhs, f);
            visit_subexprs(rhs, f);
        }
        ExprKind::Conditional { cond, then, otherwise } => {
            visit_subexprs(cond, f);
            visit_subexprs(then, f);
            visit_subexprs(otherwise, f);
        }
        ExprKind::Index { target, index, .. } => {
            visit_subexprs(target, f);
            visit_subexprs(index, f);
        }
        ExprKind::Slice { target, start, end, step, .. } => {
            visit_subexprs(target, f);
            for part in [start, end, step].into_iter().flatten() {
                visit_subexprs(part, f);
            }
        }
        ExprKind::Member { target, .. } => visit_subexprs(target, f),
        ExprKind::Call { args, .. } => args.iter().for_each(|e| visit_subexprs(e, f)),
        ExprKind::MethodCall { receiver, args, .. } => {
            visit_subexprs(receiver, f);
            args.iter().for_each(|e| visit_subexprs(e, f));
        }
    }
}

enum ScopeRef {
    Function(FuncKey),
    /// An `except (e)` clause and its variable.
    Except(NodeId, String),
}

/// Pass 2: resolves every use and marks captured variables.
struct CaptureWalker<'a> {
    info: &'a mut ScopeInfo,
    stack: Vec<ScopeRef>,
}

impl CaptureWalker<'_> {
    fn use_name(&mut self, name: &str) {
        let mut crossed_function = false;
        let mut innermost = true;
        for scope in self.stack.iter().rev() {
            match scope {
                ScopeRef::Except(clause, var) => {
                    if var == name {
                        if crossed_function {
                            self.info.mark_except_captured(*clause);
                        }
                        return;
                    }
                }
                ScopeRef::Function(key) => {
                    let scope = self.info.function(*key);
                    let skip = innermost && scope.nonlocals.contains(name);
                    if !skip && scope.binds(name) {
                        if crossed_function {
                            if let Some(s) = self.info.function_mut(*key) {
                                s.captured.insert(name.to_owned());
                            }
                        }
                        return;
                    }
                    crossed_function = true;
                    innermost = false;
                }
            }
        }
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { target, value } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::Destructure { pattern, value } => {
                for id in pattern.names() {
                    self.use_name(&id.name);
                }
                self.expr(value);
            }
            StmtKind::FunctionDef(func) => {
                if let Some(name) = &func.name {
                    self.use_name(&name.name);
                }
                self.function(func);
            }
            StmtKind::If { branches, else_block } => {
                for (cond, block) in branches {
                    self.expr(cond);
                    self.block(&block.stmts);
                }
                if let Some(b) = else_block {
                    self.block(&b.stmts);
                }
            }
            StmtKind::While { cond, body } => {
                self.expr(cond);
                self.block(&body.stmts);
            }
            StmtKind::For { var, iter, body } => {
                self.use_name(&var.name);
                self.expr(iter);
                self.block(&body.stmts);
            }
            StmtKind::Try { body, handlers, finally } => {
                self.block(&body.stmts);
                for h in handlers {
                    self.except_clause(h);
                }
                if let Some(f) = finally {
                    self.block(&f.stmts);
                }
            }
            StmtKind::Return(Some(e)) | StmtKind::Throw(e) => self.expr(e),
            StmtKind::Nonlocal(names) => {
                for n in names {
                    self.use_name(&n.name);
                }
            }
            StmtKind::Return(None)
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Import(_)
            | StmtKind::Capability(_) => {}
        }
    }

    fn except_clause(&mut self, clause: &ExceptClause) {
        match &clause.var {
            Some(var) => {
                self.stack.push(ScopeRef::Except(clause.id, var.name.clone()));
                self.block(&clause.body.stmts);
                self.stack.pop();
            }
            None => self.block(&clause.body.stmts),
        }
    }

    fn function(&mut self, func: &Function) {
        self.stack.push(ScopeRef::Function(Some(func.id)));
        match &func.body {
            FunctionBody::Block(b) => self.block_of(b),
            FunctionBody::Expr(e) => self.expr(e),
        }
        self.stack.pop();
    }

    fn block_of(&mut self, block: &Block) {
        self.block(&block.stmts);
    }

    fn expr(&mut self, expr: &Expr) {
        let mut names = Vec::new();
        let mut arrows = Vec::new();
        visit_subexprs(expr, &mut |e| match &e.kind {
            ExprKind::Name(id) => {
                names.push(id.name.clone());
                true
            }
            ExprKind::Call { callee, .. } => {
                names.push(callee.name.clone());
                true
            }
            ExprKind::Arrow(func) => {
                arrows.push(func.clone());
                false
            }
            _ => true,
        });
        for name in names {
            self.use_name(&name);
        }
        for func in arrows {
            self.function(&func);
        }
    }
}
