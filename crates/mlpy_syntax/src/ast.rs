//! The syntax tree of one ML file (spec §3). Every node carries the span of its source
//! text; nodes that can raise a runtime error also carry the span the error is reported at
//! (the operator, the `(` of a call, the `[` of an index, the `.` of a member access).

use std::rc::Rc;

use crate::span::Span;

/// A parsed file: capability declarations, imports and statements in source order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

/// A stable identity for the syntax-tree nodes that open a scope (functions and
/// `except` clauses), assigned densely from 0 by the parser as it completes them, one id space
/// per file. Clones of a node keep its id, so a construct compiled more than once (a
/// `finally` body) finds the same scope information each time; tables indexed by it are
/// dense `Vec`s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The id as an index into a dense table.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// From `{` to `}` inclusive.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `expr;`
    Expr(Expr),
    /// `target = value;` where `target` is an `ExprKind::Name`, `Index`, `Slice` or
    /// `Member` expression (the parser guarantees it).
    Assign {
        target: Expr,
        value: Expr,
    },
    /// `[a, b] = value;` or `{a, b} = value;`
    Destructure {
        pattern: Pattern,
        value: Expr,
    },
    /// `function name(params) { body }`
    FunctionDef(Rc<Function>),
    /// `if (c) {…} elif (c) {…} else {…}`: one `(condition, block)` per `if`/`elif`.
    If {
        branches: Vec<(Expr, Block)>,
        else_block: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    For {
        var: Ident,
        iter: Expr,
        body: Block,
    },
    Try {
        body: Block,
        handlers: Vec<ExceptClause>,
        finally: Option<Block>,
    },
    /// `return expr?;`
    Return(Option<Expr>),
    /// `throw {…};` — the expression is always an `ExprKind::Object`.
    /// `span` of the statement starts at the `throw` keyword.
    Throw(Expr),
    Break,
    Continue,
    Nonlocal(Vec<Ident>),
    Import(Import),
    Capability(CapabilityDecl),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    Array(Vec<Ident>),
    Object(Vec<Ident>),
}

impl Pattern {
    pub fn names(&self) -> &[Ident] {
        match self {
            Pattern::Array(names) | Pattern::Object(names) => names,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptClause {
    /// The clause's identity (see `NodeId`).
    pub id: NodeId,
    /// The variable of `except (e)`, if any.
    pub var: Option<Ident>,
    pub body: Block,
    /// The span of the `except` keyword.
    pub span: Span,
}

/// `import a.b.c as alias;`
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The dotted name's components, at least one.
    pub path: Vec<Ident>,
    pub alias: Option<Ident>,
}

impl Import {
    /// The dotted name as written: `a.b.c`.
    pub fn dotted_name(&self) -> String {
        self.path.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(".")
    }

    /// The name this statement binds: the alias, else the first component.
    pub fn binding(&self) -> &Ident {
        self.alias.as_ref().unwrap_or(&self.path[0])
    }
}

/// `capability Name { resource "…"; allow read "…"; }`
#[derive(Clone, Debug, PartialEq)]
pub struct CapabilityDecl {
    pub name: Ident,
    pub items: Vec<CapabilityItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CapabilityItem {
    Resource { pattern: String, span: Span },
    Allow { op: CapabilityOp, target: Option<(String, Span)>, span: Span },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapabilityOp {
    Read,
    Write,
    Execute,
    Network,
    System,
}

/// A named function (`function f(…) {…}`) or an arrow function (`fn(…) => …`).
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// The function's identity (see `NodeId`).
    pub id: NodeId,
    /// `None` for arrow functions.
    pub name: Option<Ident>,
    pub params: Vec<Param>,
    pub body: FunctionBody,
    /// From the `function`/`fn` keyword to the end of the body.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunctionBody {
    Block(Block),
    /// The expression body of an arrow function.
    Expr(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    /// `x: Type` — kept, never resolved.
    pub annotation: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An int literal that fits in an `i64` (the sign is part of the literal).
    Int(i64),
    /// An int literal that does not fit in an `i64`: optional `-`, then decimal digits
    /// without leading zeros.
    BigInt(String),
    Float(f64),
    /// A string literal, escapes processed.
    Str(String),
    Bool(bool),
    Null,
    Name(Ident),
    Array(Vec<Expr>),
    /// `{k: v, …}` in source order; keys are string values.
    Object(Vec<(ObjectKey, Expr)>),
    /// `!e` or `-e`; `op_span` is the operator.
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
        op_span: Span,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        op_span: Span,
    },
    /// `&&` / `||`, short-circuiting.
    Logical {
        op: LogicalOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `cond ? then : otherwise`
    Conditional {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `target[index]`; `bracket` is the `[`.
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        bracket: Span,
    },
    /// `target[start:end:step]`; each part may be omitted.
    Slice {
        target: Box<Expr>,
        start: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
        bracket: Span,
    },
    /// `target.name` not followed by arguments; `dot` is the `.`.
    Member {
        target: Box<Expr>,
        name: Ident,
        dot: Span,
    },
    /// `callee(args)`; `paren` is the `(`.
    Call {
        callee: Ident,
        args: Vec<Expr>,
        paren: Span,
    },
    /// `receiver.name(args)`; `paren` is the `(`, `dot` the `.`.
    MethodCall {
        receiver: Box<Expr>,
        name: Ident,
        args: Vec<Expr>,
        dot: Span,
        paren: Span,
    },
    /// `fn(params) => body`
    Arrow(Rc<Function>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectKey {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Not,
    Neg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Gt => ">",
            BinaryOp::Le => "<=",
            BinaryOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogicalOp {
    And,
    Or,
}
