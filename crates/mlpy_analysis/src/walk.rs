//! One traversal of the syntax tree shared by every check: a `Visitor` gets a callback for
//! each identifier occurrence (with its role), member name, string literal, statement,
//! function, `except` clause and loop body, in source order.

use mlpy_syntax::ast::{
    Block, CapabilityDecl, ExceptClause, Expr, ExprKind, Function, FunctionBody, Ident, Import,
    Module, Stmt, StmtKind,
};
use mlpy_syntax::Span;

/// What an identifier occurrence does at its place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A variable read in an expression.
    Read,
    /// The callee of `name(args)`.
    Callee,
    /// The target of `name = value;`.
    AssignTarget,
    /// A name of a destructuring pattern.
    Pattern,
    /// The variable of a `for` loop.
    ForVar,
    /// The name of a `function` definition.
    FunctionName,
    /// A parameter of a named or arrow function (reported after `enter_function`).
    Param,
    /// The variable of `except (e)` (reported before `enter_handler`).
    ExceptVar,
    /// A component of an imported dotted name.
    ImportPath,
    /// The alias of `import … as alias`.
    ImportAlias,
    /// A name of a `nonlocal` statement.
    Nonlocal,
}

impl Role {
    /// Whether the occurrence gives the name a value in the enclosing scope (§7.2).
    pub(crate) fn is_binding(self) -> bool {
        matches!(self, Role::AssignTarget | Role::Pattern | Role::ForVar | Role::FunctionName)
    }
}

/// Callbacks of `walk_module`. Every method does nothing by default.
pub(crate) trait Visitor<'m> {
    /// Called for every statement before its parts are visited.
    fn statement(&mut self, _stmt: &'m Stmt) {}
    /// An identifier occurrence (spec §15): everything but member names, object keys,
    /// annotations and capability declaration names.
    fn ident(&mut self, _ident: &'m Ident, _role: Role) {}
    /// A member name after `.`, of a member read or of a method call.
    fn member_name(&mut self, _name: &'m Ident) {}
    /// Every expression, before its parts are visited.
    fn expression(&mut self, _expr: &'m Expr) {}
    /// A string literal expression (escapes processed).
    fn string_literal(&mut self, _value: &'m str, _span: Span) {}
    /// An `import` statement, after its identifiers were visited.
    fn import(&mut self, _import: &'m Import) {}
    /// A capability declaration (its items contain no expressions).
    fn capability(&mut self, _decl: &'m CapabilityDecl) {}
    /// Entering a named or arrow function, after its name (if any) was visited.
    fn enter_function(&mut self, _func: &'m Function) {}
    fn exit_function(&mut self, _func: &'m Function) {}
    /// Entering the block of an `except` clause, after its variable (if any) was visited.
    fn enter_handler(&mut self, _clause: &'m ExceptClause) {}
    fn exit_handler(&mut self, _clause: &'m ExceptClause) {}
    /// Entering the body of a `while` or `for` loop.
    fn enter_loop(&mut self) {}
    fn exit_loop(&mut self) {}
}

pub(crate) fn walk_module<'m>(module: &'m Module, v: &mut impl Visitor<'m>) {
    walk_stmts(&module.body, v);
}

fn walk_stmts<'m>(stmts: &'m [Stmt], v: &mut impl Visitor<'m>) {
    for stmt in stmts {
        walk_stmt(stmt, v);
    }
}

fn walk_block<'m>(block: &'m Block, v: &mut impl Visitor<'m>) {
    walk_stmts(&block.stmts, v);
}

fn walk_loop_body<'m>(block: &'m Block, v: &mut impl Visitor<'m>) {
    v.enter_loop();
    walk_block(block, v);
    v.exit_loop();
}

fn walk_stmt<'m>(stmt: &'m Stmt, v: &mut impl Visitor<'m>) {
    v.statement(stmt);
    match &stmt.kind {
        StmtKind::Expr(expr) | StmtKind::Throw(expr) => walk_expr(expr, v),
        StmtKind::Assign { target, value } => {
            match &target.kind {
                ExprKind::Name(ident) => v.ident(ident, Role::AssignTarget),
                _ => walk_expr(target, v),
            }
            walk_expr(value, v);
        }
        StmtKind::Destructure { pattern, value } => {
            for ident in pattern.names() {
                v.ident(ident, Role::Pattern);
            }
            walk_expr(value, v);
        }
        StmtKind::FunctionDef(func) => walk_function(func, v),
        StmtKind::If { branches, else_block } => {
            for (cond, block) in branches {
                walk_expr(cond, v);
                walk_block(block, v);
            }
            if let Some(block) = else_block {
                walk_block(block, v);
            }
        }
        StmtKind::While { cond, body } => {
            walk_expr(cond, v);
            walk_loop_body(body, v);
        }
        StmtKind::For { var, iter, body } => {
            v.ident(var, Role::ForVar);
            walk_expr(iter, v);
            walk_loop_body(body, v);
        }
        StmtKind::Try { body, handlers, finally } => {
            walk_block(body, v);
            for clause in handlers {
                if let Some(var) = &clause.var {
                    v.ident(var, Role::ExceptVar);
                }
                v.enter_handler(clause);
                walk_block(&clause.body, v);
                v.exit_handler(clause);
            }
            if let Some(block) = finally {
                walk_block(block, v);
            }
        }
        StmtKind::Return(value) => {
            if let Some(expr) = value {
                walk_expr(expr, v);
            }
        }
        StmtKind::Break | StmtKind::Continue => {}
        StmtKind::Nonlocal(names) => {
            for ident in names {
                v.ident(ident, Role::Nonlocal);
            }
        }
        StmtKind::Import(import) => {
            for ident in &import.path {
                v.ident(ident, Role::ImportPath);
            }
            if let Some(alias) = &import.alias {
                v.ident(alias, Role::ImportAlias);
            }
            v.import(import);
        }
        StmtKind::Capability(decl) => v.capability(decl),
    }
}

fn walk_function<'m>(func: &'m Function, v: &mut impl Visitor<'m>) {
    if let Some(name) = &func.name {
        v.ident(name, Role::FunctionName);
    }
    v.enter_function(func);
    for param in &func.params {
        v.ident(&param.name, Role::Param);
    }
    match &func.body {
        FunctionBody::Block(block) => walk_block(block, v),
        FunctionBody::Expr(expr) => walk_expr(expr, v),
    }
    v.exit_function(func);
}

fn walk_expr<'m>(expr: &'m Expr, v: &mut impl Visitor<'m>) {
    v.expression(expr);
    match &expr.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::Null => {}
        ExprKind::Str(value) => v.string_literal(value, expr.span),
        ExprKind::Name(ident) => v.ident(ident, Role::Read),
        ExprKind::Array(items) => {
            for item in items {
                walk_expr(item, v);
            }
        }
        ExprKind::Object(entries) => {
            for (_key, value) in entries {
                walk_expr(value, v);
            }
        }
        ExprKind::Unary { operand, .. } => walk_expr(operand, v),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Logical { lhs, rhs, .. } => {
            walk_expr(lhs, v);
            walk_expr(rhs, v);
        }
        ExprKind::Conditional { cond, then, otherwise } => {
            walk_expr(cond, v);
            walk_expr(then, v);
            walk_expr(otherwise, v);
        }
        ExprKind::Index { target, index, .. } => {
            walk_expr(target, v);
            walk_expr(index, v);
        }
        ExprKind::Slice { target, start, end, step, .. } => {
            walk_expr(target, v);
            for part in [start, end, step].into_iter().flatten() {
                walk_expr(part, v);
            }
        }
        ExprKind::Member { target, name, .. } => {
            walk_expr(target, v);
            v.member_name(name);
        }
        ExprKind::Call { callee, args, .. } => {
            v.ident(callee, Role::Callee);
            for arg in args {
                walk_expr(arg, v);
            }
        }
        ExprKind::MethodCall { receiver, name, args, .. } => {
            walk_expr(receiver, v);
            v.member_name(name);
            for arg in args {
                walk_expr(arg, v);
            }
        }
        ExprKind::Arrow(func) => walk_function(func, v),
    }
}
