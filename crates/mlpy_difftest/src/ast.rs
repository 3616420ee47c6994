//! The generated program: a small syntax tree written out twice, as ML and as Python
//! that calls the oracle's prelude (`prelude.py`). The shrinker edits this tree.

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
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

impl BinOp {
    fn ml(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
        }
    }

    fn py(self) -> &'static str {
        match self {
            BinOp::Add => "ml_add",
            BinOp::Sub => "ml_sub",
            BinOp::Mul => "ml_mul",
            BinOp::Div => "ml_div",
            BinOp::FloorDiv => "ml_floordiv",
            BinOp::Mod => "ml_mod",
            BinOp::Eq => "ml_eq",
            BinOp::Ne => "ml_ne",
            BinOp::Lt => "ml_lt",
            BinOp::Gt => "ml_gt",
            BinOp::Le => "ml_le",
            BinOp::Ge => "ml_ge",
        }
    }
}

/// Who is called by `Call`.
#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// A builtin of spec §11 (`print`, `len`, …); Python calls `ml_NAME`.
    Builtin(&'static str),
    /// A variable holding an ML function.
    Var(String),
    /// A function of a standard module (`math.sqrt`); the ML program imports the module,
    /// Python calls `mod_MODULE.NAME` of the prelude.
    Module(&'static str, &'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// An int or float literal, spelled the same in both languages (may start with `-`).
    Num(String),
    Str(String),
    Bool(bool),
    Null,
    Var(String),
    Array(Vec<Expr>),
    Object(Vec<(String, Expr)>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Member(Box<Expr>, String),
    Call(Callee, Vec<Expr>),
    Method(Box<Expr>, String, Vec<Expr>),
    /// `fn(params) => …`.
    Arrow(Vec<String>, Box<ArrowBody>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ArrowBody {
    Expr(Expr),
    Block { nonlocals: Vec<String>, body: Vec<Stmt> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    Assign(String, Expr),
    SetIndex(Expr, Expr, Expr),
    SetMember(Expr, String, Expr),
    /// `a[lo:hi:step] = v;` (slice assignment, spec §6.2); `step` `None` writes `a[lo:hi]`.
    SetSlice(Expr, Option<Expr>, Option<Expr>, Option<Expr>, Expr),
    DestrArray(Vec<String>, Expr),
    DestrObject(Vec<String>, Expr),
    Expr(Expr),
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    /// A loop whose iterations are bounded by a hidden counter `guard` (not deletable).
    While {
        guard: String,
        limit: u32,
        cond: Expr,
        body: Vec<Stmt>,
    },
    For {
        guard: String,
        limit: u32,
        var: String,
        iter: Expr,
        body: Vec<Stmt>,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    Throw(Vec<(String, Expr)>),
    Try {
        body: Vec<Stmt>,
        handler: Option<(Option<String>, Vec<Stmt>)>,
        finally: Option<Vec<Stmt>>,
    },
    Func {
        name: String,
        params: Vec<String>,
        nonlocals: Vec<String>,
        body: Vec<Stmt>,
    },
}

pub type Program = Vec<Stmt>;

// ---------------------------------------------------------------------------------------
// ML

fn ml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn ml_expr(e: &Expr) -> String {
    match e {
        Expr::Num(t) => {
            if t.starts_with('-') {
                format!("({t})")
            } else {
                t.clone()
            }
        }
        Expr::Str(s) => ml_string(s),
        Expr::Bool(b) => b.to_string(),
        Expr::Null => "null".into(),
        Expr::Var(v) => v.clone(),
        Expr::Array(items) => format!("[{}]", ml_list(items)),
        Expr::Object(entries) => {
            let parts: Vec<String> =
                entries.iter().map(|(k, v)| format!("{k}: {}", ml_expr(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        Expr::Bin(op, a, b) => format!("({} {} {})", ml_expr(a), op.ml(), ml_expr(b)),
        Expr::Neg(a) => format!("(-{})", ml_operand(a)),
        Expr::Not(a) => format!("(!{})", ml_operand(a)),
        Expr::And(a, b) => format!("({} && {})", ml_expr(a), ml_expr(b)),
        Expr::Or(a, b) => format!("({} || {})", ml_expr(a), ml_expr(b)),
        Expr::Cond(c, a, b) => format!("({} ? {} : {})", ml_expr(c), ml_expr(a), ml_expr(b)),
        Expr::Index(a, i) => format!("{}[{}]", ml_postfix(a), ml_expr(i)),
        Expr::Slice(a, lo, hi, st) => {
            let part = |x: &Option<Box<Expr>>| x.as_ref().map(|e| ml_expr(e)).unwrap_or_default();
            match st {
                None => format!("{}[{}:{}]", ml_postfix(a), part(lo), part(hi)),
                Some(_) => format!("{}[{}:{}:{}]", ml_postfix(a), part(lo), part(hi), part(st)),
            }
        }
        Expr::Member(a, name) => format!("{}.{name}", ml_postfix(a)),
        Expr::Call(c, args) => {
            let name = match c {
                Callee::Builtin(n) => n.to_string(),
                Callee::Var(v) => v.clone(),
                Callee::Module(m, n) => format!("{m}.{n}"),
            };
            format!("{name}({})", ml_list(args))
        }
        Expr::Method(r, name, args) => format!("{}.{name}({})", ml_postfix(r), ml_list(args)),
        Expr::Arrow(params, body) => match &**body {
            ArrowBody::Expr(e) => {
                let text = ml_expr(e);
                let text = if matches!(e, Expr::Object(_)) { format!("({text})") } else { text };
                format!("(fn({}) => {text})", params.join(", "))
            }
            ArrowBody::Block { nonlocals, body } => {
                let mut out = String::new();
                let _ = writeln!(out, "(fn({}) => {{", params.join(", "));
                if !nonlocals.is_empty() {
                    let _ = writeln!(out, "nonlocal {};", nonlocals.join(", "));
                }
                for s in body {
                    ml_stmt(s, 0, &mut out);
                }
                out.push_str("})");
                out
            }
        },
    }
}

/// An operand of a prefix operator: atoms as they are, everything else parenthesised.
fn ml_operand(e: &Expr) -> String {
    let t = ml_expr(e);
    if t.starts_with('(') || matches!(e, Expr::Var(_) | Expr::Call(..)) {
        t
    } else {
        format!("({t})")
    }
}

/// The head of an index, member or method suffix.
fn ml_postfix(e: &Expr) -> String {
    match e {
        Expr::Var(_) | Expr::Call(..) | Expr::Method(..) | Expr::Member(..) | Expr::Index(..) => {
            ml_expr(e)
        }
        Expr::Str(_) | Expr::Array(_) => ml_expr(e),
        _ => {
            let t = ml_expr(e);
            if t.starts_with('(') && !matches!(e, Expr::Num(_)) {
                t
            } else {
                format!("({t})")
            }
        }
    }
}

fn ml_list(items: &[Expr]) -> String {
    items.iter().map(ml_expr).collect::<Vec<_>>().join(", ")
}

fn ml_block(body: &[Stmt], depth: usize, out: &mut String) {
    out.push_str("{\n");
    for s in body {
        ml_stmt(s, depth + 1, out);
    }
    indent(out, depth);
    out.push('}');
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("    ");
    }
}

fn ml_stmt(s: &Stmt, depth: usize, out: &mut String) {
    indent(out, depth);
    match s {
        Stmt::Assign(v, e) => {
            let _ = write!(out, "{v} = {};", ml_expr(e));
        }
        Stmt::SetIndex(a, i, v) => {
            let _ = write!(out, "{}[{}] = {};", ml_postfix(a), ml_expr(i), ml_expr(v));
        }
        Stmt::SetMember(a, k, v) => {
            let _ = write!(out, "{}.{k} = {};", ml_postfix(a), ml_expr(v));
        }
        Stmt::SetSlice(a, lo, hi, st, v) => {
            let part = |x: &Option<Expr>| x.as_ref().map(ml_expr).unwrap_or_default();
            let bounds = match st {
                None => format!("{}:{}", part(lo), part(hi)),
                Some(_) => format!("{}:{}:{}", part(lo), part(hi), part(st)),
            };
            let _ = write!(out, "{}[{bounds}] = {};", ml_postfix(a), ml_expr(v));
        }
        Stmt::DestrArray(names, e) => {
            let _ = write!(out, "[{}] = {};", names.join(", "), ml_expr(e));
        }
        Stmt::DestrObject(names, e) => {
            let _ = write!(out, "{{{}}} = {};", names.join(", "), ml_expr(e));
        }
        Stmt::Expr(e) => {
            let _ = write!(out, "{};", ml_expr(e));
        }
        Stmt::If(arms, els) => {
            for (i, (c, body)) in arms.iter().enumerate() {
                let kw = if i == 0 { "if" } else { " elif" };
                let _ = write!(out, "{kw} ({}) ", ml_expr(c));
                ml_block(body, depth, out);
            }
            if let Some(b) = els {
                out.push_str(" else ");
                ml_block(b, depth, out);
            }
        }
        Stmt::While { guard, limit, cond, body } => {
            let _ = writeln!(out, "{guard} = 0;");
            indent(out, depth);
            let _ = writeln!(out, "while ({}) {{", ml_expr(cond));
            ml_guard(guard, *limit, depth + 1, out);
            for s in body {
                ml_stmt(s, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
        Stmt::For { guard, limit, var, iter, body } => {
            let _ = writeln!(out, "{guard} = 0;");
            indent(out, depth);
            let _ = writeln!(out, "for ({var} in {}) {{", ml_expr(iter));
            ml_guard(guard, *limit, depth + 1, out);
            for s in body {
                ml_stmt(s, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
        Stmt::Break => out.push_str("break;"),
        Stmt::Continue => out.push_str("continue;"),
        Stmt::Return(None) => out.push_str("return;"),
        Stmt::Return(Some(e)) => {
            let _ = write!(out, "return {};", ml_expr(e));
        }
        Stmt::Throw(fields) => {
            let _ = write!(out, "throw {};", ml_expr(&Expr::Object(fields.clone())));
        }
        Stmt::Try { body, handler, finally } => {
            out.push_str("try ");
            ml_block(body, depth, out);
            if let Some((var, h)) = handler {
                match var {
                    Some(v) => {
                        let _ = write!(out, " except ({v}) ");
                    }
                    None => out.push_str(" except "),
                }
                ml_block(h, depth, out);
            }
            if let Some(f) = finally {
                out.push_str(" finally ");
                ml_block(f, depth, out);
            }
        }
        Stmt::Func { name, params, nonlocals, body } => {
            let _ = writeln!(out, "function {name}({}) {{", params.join(", "));
            if !nonlocals.is_empty() {
                indent(out, depth + 1);
                let _ = writeln!(out, "nonlocal {};", nonlocals.join(", "));
            }
            for s in body {
                ml_stmt(s, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
    }
    out.push('\n');
}

fn ml_guard(guard: &str, limit: u32, depth: usize, out: &mut String) {
    indent(out, depth);
    let _ = writeln!(out, "{guard} = {guard} + 1;");
    indent(out, depth);
    let _ = writeln!(out, "if ({guard} > {limit}) {{ break; }}");
}

/// The standard modules that `p` calls, in name order.
pub fn modules_used(p: &[Stmt]) -> std::collections::BTreeSet<&'static str> {
    fn expr(e: &Expr, m: &mut std::collections::BTreeSet<&'static str>) {
        match e {
            Expr::Num(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Null | Expr::Var(_) => {}
            Expr::Array(items) => items.iter().for_each(|x| expr(x, m)),
            Expr::Object(items) => items.iter().for_each(|(_, x)| expr(x, m)),
            Expr::Bin(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) | Expr::Index(a, b) => {
                expr(a, m);
                expr(b, m);
            }
            Expr::Neg(a) | Expr::Not(a) | Expr::Member(a, _) => expr(a, m),
            Expr::Cond(c, a, b) => {
                expr(c, m);
                expr(a, m);
                expr(b, m);
            }
            Expr::Slice(a, x, y, z) => {
                expr(a, m);
                [x, y, z].into_iter().flatten().for_each(|p| expr(p, m));
            }
            Expr::Call(c, args) => {
                if let Callee::Module(name, _) = c {
                    m.insert(name);
                }
                args.iter().for_each(|x| expr(x, m));
            }
            Expr::Method(r, _, args) => {
                expr(r, m);
                args.iter().for_each(|x| expr(x, m));
            }
            Expr::Arrow(_, body) => match &**body {
                ArrowBody::Expr(e) => expr(e, m),
                ArrowBody::Block { body, .. } => stmts(body, m),
            },
        }
    }
    fn stmts(p: &[Stmt], m: &mut std::collections::BTreeSet<&'static str>) {
        for s in p {
            match s {
                Stmt::Assign(_, e) | Stmt::Expr(e) | Stmt::DestrArray(_, e) => expr(e, m),
                Stmt::DestrObject(_, e) | Stmt::Return(Some(e)) => expr(e, m),
                Stmt::SetIndex(a, i, v) => [a, i, v].into_iter().for_each(|x| expr(x, m)),
                Stmt::SetMember(a, _, v) => {
                    expr(a, m);
                    expr(v, m);
                }
                Stmt::SetSlice(a, lo, hi, st, v) => {
                    expr(a, m);
                    [lo, hi, st].into_iter().flatten().for_each(|x| expr(x, m));
                    expr(v, m);
                }
                Stmt::If(arms, els) => {
                    for (c, b) in arms {
                        expr(c, m);
                        stmts(b, m);
                    }
                    if let Some(b) = els {
                        stmts(b, m);
                    }
                }
                Stmt::While { cond, body, .. } => {
                    expr(cond, m);
                    stmts(body, m);
                }
                Stmt::For { iter, body, .. } => {
                    expr(iter, m);
                    stmts(body, m);
                }
                Stmt::Throw(fields) => fields.iter().for_each(|(_, x)| expr(x, m)),
                Stmt::Try { body, handler, finally } => {
                    stmts(body, m);
                    if let Some((_, h)) = handler {
                        stmts(h, m);
                    }
                    if let Some(f) = finally {
                        stmts(f, m);
                    }
                }
                Stmt::Func { body, .. } => stmts(body, m),
                Stmt::Break | Stmt::Continue | Stmt::Return(None) => {}
            }
        }
    }
    let mut m = std::collections::BTreeSet::new();
    stmts(p, &mut m);
    m
}

/// The program as ML source.
pub fn to_ml(p: &Program) -> String {
    let mut out = String::new();
    for m in modules_used(p) {
        let _ = writeln!(out, "import {m};");
    }
    for s in p {
        ml_stmt(s, 0, &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Python

fn py_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Py {
    out: String,
    /// Counter for hoisted arrow functions and temporaries.
    next: u32,
}

impl Py {
    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    fn line(&mut self, depth: usize, text: &str) {
        indent(&mut self.out, depth);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Renders `e`; arrow functions are emitted as `def`s at `depth` before the statement.
    fn expr(&mut self, e: &Expr, depth: usize) -> String {
        match e {
            Expr::Num(t) => format!("({t})"),
            Expr::Str(s) => py_string(s),
            Expr::Bool(true) => "True".into(),
            Expr::Bool(false) => "False".into(),
            Expr::Null => "None".into(),
            Expr::Var(v) => v.clone(),
            Expr::Array(items) => format!("[{}]", self.list(items, depth)),
            Expr::Object(entries) => {
                let mut parts = Vec::new();
                for (k, v) in entries {
                    let v = self.expr(v, depth);
                    parts.push(format!("{}: {v}", py_string(k)));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Expr::Bin(op, a, b) => {
                let a = self.expr(a, depth);
                let b = self.expr(b, depth);
                format!("{}({a}, {b})", op.py())
            }
            Expr::Neg(a) => format!("ml_neg({})", self.expr(a, depth)),
            Expr::Not(a) => format!("(not {})", self.expr(a, depth)),
            Expr::And(a, b) => format!("({} and {})", self.expr(a, depth), self.expr(b, depth)),
            Expr::Or(a, b) => format!("({} or {})", self.expr(a, depth), self.expr(b, depth)),
            Expr::Cond(c, a, b) => {
                let c = self.expr(c, depth);
                let a = self.expr(a, depth);
                let b = self.expr(b, depth);
                format!("({a} if {c} else {b})")
            }
            Expr::Index(a, i) => {
                format!("ml_index({}, {})", self.expr(a, depth), self.expr(i, depth))
            }
            Expr::Slice(a, lo, hi, st) => {
                let a = self.expr(a, depth);
                let mut part = |x: &Option<Box<Expr>>| match x {
                    Some(e) => self.expr(e, depth),
                    None => "None".into(),
                };
                let (lo, hi, st) = (part(lo), part(hi), part(st));
                format!("ml_slice({a}, {lo}, {hi}, {st})")
            }
            Expr::Member(a, name) => {
                format!("ml_member({}, {})", self.expr(a, depth), py_string(name))
            }
            Expr::Call(c, args) => {
                let name = match c {
                    // `ml_iter` is the bridge of `for`.
                    Callee::Builtin("iter") => "ml_iter_builtin".into(),
                    Callee::Builtin(n) => format!("ml_{n}"),
                    Callee::Var(v) => v.clone(),
                    Callee::Module(m, n) => format!("mod_{m}.{n}"),
                };
                format!("{name}({})", self.list(args, depth))
            }
            Expr::Method(r, name, args) => {
                let r = self.expr(r, depth);
                format!("ml_m({r}, {})({})", py_string(name), self.list(args, depth))
            }
            Expr::Arrow(params, body) => {
                let name = self.fresh("_arrow");
                match &**body {
                    ArrowBody::Expr(e) => {
                        // The body's own arrows are hoisted into the def.
                        let mut inner = Py { out: String::new(), next: self.next };
                        let text = inner.expr(e, depth + 1);
                        self.next = inner.next;
                        self.line(depth, &format!("def {name}({}):", params.join(", ")));
                        self.out.push_str(&inner.out);
                        self.line(depth + 1, &format!("return {text}"));
                    }
                    ArrowBody::Block { nonlocals, body } => {
                        self.def(&name, params, nonlocals, body, depth);
                    }
                }
                name
            }
        }
    }

    fn list(&mut self, items: &[Expr], depth: usize) -> String {
        let parts: Vec<String> = items.iter().map(|e| self.expr(e, depth)).collect();
        parts.join(", ")
    }

    fn def(
        &mut self,
        name: &str,
        params: &[String],
        nonlocals: &[String],
        body: &[Stmt],
        depth: usize,
    ) {
        self.line(depth, &format!("def {name}({}):", params.join(", ")));
        if !nonlocals.is_empty() {
            self.line(depth + 1, &format!("nonlocal {}", nonlocals.join(", ")));
        }
        self.block(body, depth + 1);
    }

    fn block(&mut self, body: &[Stmt], depth: usize) {
        if body.is_empty() {
            self.line(depth, "pass");
        }
        for s in body {
            self.stmt(s, depth);
        }
    }

    fn stmt(&mut self, s: &Stmt, depth: usize) {
        match s {
            Stmt::Assign(v, e) => {
                let e = self.expr(e, depth);
                self.line(depth, &format!("{v} = {e}"));
            }
            Stmt::SetIndex(a, i, v) => {
                // ML evaluates the value, then the container, then the index: so does
                // Python's subscript assignment.
                let v = self.expr(v, depth);
                let a = self.expr(a, depth);
                let i = self.expr(i, depth);
                self.line(depth, &format!("{a}[ml_key({i})] = {v}"));
            }
            Stmt::SetMember(a, k, v) => {
                let v = self.expr(v, depth);
                let a = self.expr(a, depth);
                self.line(depth, &format!("ml_obj({a})[{}] = {v}", py_string(k)));
            }
            Stmt::SetSlice(a, lo, hi, st, v) => {
                // The value, then the container, then the bounds (§6.2): Python evaluates
                // the call's arguments left to right.
                let v = self.expr(v, depth);
                let a = self.expr(a, depth);
                let mut part = |x: &Option<Expr>| match x {
                    Some(e) => self.expr(e, depth),
                    None => "None".into(),
                };
                let (lo, hi, st) = (part(lo), part(hi), part(st));
                self.line(depth, &format!("ml_set_slice({v}, {a}, {lo}, {hi}, {st})"));
            }
            Stmt::DestrArray(names, e) => {
                let e = self.expr(e, depth);
                self.line(
                    depth,
                    &format!("[{}] = ml_unpack({e}, {})", names.join(", "), names.len()),
                );
            }
            Stmt::DestrObject(names, e) => {
                let e = self.expr(e, depth);
                let tmp = self.fresh("_src");
                self.line(depth, &format!("{tmp} = ml_obj({e})"));
                for n in names {
                    self.line(depth, &format!("{n} = ml_index({tmp}, {})", py_string(n)));
                }
            }
            Stmt::Expr(e) => {
                let e = self.expr(e, depth);
                self.line(depth, &e);
            }
            Stmt::If(arms, els) => {
                let (c, body) = &arms[0];
                let c = self.expr(c, depth);
                self.line(depth, &format!("if {c}:"));
                self.block(body, depth + 1);
                if arms.len() > 1 || els.is_some() {
                    self.line(depth, "else:");
                    if arms.len() > 1 {
                        self.stmt(&Stmt::If(arms[1..].to_vec(), els.clone()), depth + 1);
                    } else if let Some(b) = els {
                        self.block(b, depth + 1);
                    }
                }
            }
            Stmt::While { guard, limit, cond, body } => {
                self.line(depth, &format!("{guard} = 0"));
                self.line(depth, "while True:");
                let c = self.expr(cond, depth + 1);
                self.line(depth + 1, &format!("if not ({c}): break"));
                self.py_guard(guard, *limit, depth + 1);
                self.block(body, depth + 1);
            }
            Stmt::For { guard, limit, var, iter, body } => {
                self.line(depth, &format!("{guard} = 0"));
                // `for (x in range(…))`: the fresh array cannot be seen or changed by the
                // body, so iterating a lazy Python range is the same, and needs no memory
                // for ranges of astronomical length (which mlpy also iterates lazily).
                let it = match iter {
                    Expr::Call(Callee::Builtin("range"), args) => {
                        format!("ml_range_lazy({})", self.list(args, depth))
                    }
                    _ => format!("ml_iter({})", self.expr(iter, depth)),
                };
                self.line(depth, &format!("for {var} in {it}:"));
                self.py_guard(guard, *limit, depth + 1);
                self.block(body, depth + 1);
            }
            Stmt::Break => self.line(depth, "break"),
            Stmt::Continue => self.line(depth, "continue"),
            Stmt::Return(None) => self.line(depth, "return"),
            Stmt::Return(Some(e)) => {
                let e = self.expr(e, depth);
                self.line(depth, &format!("return {e}"));
            }
            Stmt::Throw(fields) => {
                let o = self.expr(&Expr::Object(fields.clone()), depth);
                self.line(depth, &format!("raise MLThrow({o})"));
            }
            Stmt::Try { body, handler, finally } => {
                if handler.is_none() && finally.is_none() {
                    self.line(depth, "if True:");
                    self.block(body, depth + 1);
                    return;
                }
                self.line(depth, "try:");
                self.block(body, depth + 1);
                if let Some((var, h)) = handler {
                    let x = self.fresh("_exc");
                    self.line(depth, &format!("except Exception as {x}:"));
                    self.line(depth + 1, &format!("ml_chk({x})"));
                    if let Some(v) = var {
                        self.line(depth + 1, &format!("{v} = ml_errobj({x})"));
                    }
                    self.block(h, depth + 1);
                }
                if let Some(f) = finally {
                    self.line(depth, "finally:");
                    self.block(f, depth + 1);
                }
            }
            Stmt::Func { name, params, nonlocals, body } => {
                self.def(name, params, nonlocals, body, depth);
                self.line(depth, &format!("{name}.ml_name = {}", py_string(name)));
            }
        }
    }

    fn py_guard(&mut self, guard: &str, limit: u32, depth: usize) {
        self.line(depth, &format!("{guard} = {guard} + 1"));
        self.line(depth, &format!("if {guard} > {limit}: break"));
    }
}

/// The program as Python for the oracle: a function `ml_main` (ML's top level is the
/// outermost function scope, spec §7.1, so `nonlocal` maps to `nonlocal`).
pub fn to_python(p: &Program) -> String {
    let mut py = Py { out: String::new(), next: 0 };
    py.line(0, "def ml_main():");
    py.block(p, 1);
    py.out
}
