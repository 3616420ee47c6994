//! The generator of random, terminating ML programs.
//!
//! Every variable has one static type for the whole program, so the generator knows what
//! each expression produces; errors still happen (indexes out of range, missing items,
//! zero divisors, deliberately ill-typed operands) and both implementations must agree
//! on them. Termination: every loop carries a hidden iteration guard, user functions can
//! only call functions defined before them (no recursion), and the estimated work of
//! every call is bounded. Growth: an assignment that could grow a value geometrically
//! (it multiplies, or reads sized variables twice) is guarded by a size test.

use std::collections::{BTreeMap, HashMap};

use crate::ast::{ArrowBody, BinOp, Callee, Expr, Program, Stmt};
use crate::rng::Rng;

#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Int,
    Float,
    Str,
    Bool,
    ArrInt,
    ArrStr,
    ArrAny,
    /// An object of the shape with this index (keys and value types fixed).
    Obj(usize),
    Func(Vec<Ty>, Box<Ty>),
    /// Any value (the generator does not track which).
    Dyn,
    /// The error object of an `except (e)` clause.
    Err,
}

impl Ty {
    fn sized(&self) -> bool {
        matches!(self, Ty::Int | Ty::Str | Ty::ArrInt | Ty::ArrStr | Ty::ArrAny | Ty::Dyn)
    }

    fn printable(&self) -> bool {
        !matches!(self, Ty::Func(..) | Ty::Err)
    }
}

/// How often each construct was generated.
#[derive(Clone, Debug, Default)]
pub struct Stats(pub BTreeMap<&'static str, u64>);

impl Stats {
    pub fn add(&mut self, other: &Stats) {
        for (k, v) in &other.0 {
            *self.0.entry(k).or_default() += v;
        }
    }
}

/// Variables with their types.
type Vars = Vec<(String, Ty)>;

struct Scope {
    /// Assigned and assignable here: own locals (once assigned), parameters, nonlocals.
    vars: Vec<(String, Ty)>,
    /// Readable from enclosing scopes, not assignable.
    outer: Vec<(String, Ty)>,
    /// The function's return type (`None` at the top level).
    ret: Option<Ty>,
    /// Loops around the current point, inside this function.
    loops: u32,
    /// The current point can run more than once (loop body or function body).
    repeat: bool,
    /// Product of the iteration limits of the enclosing loops of this function.
    mult: u64,
    /// Estimated work of this function body so far.
    work: u64,
    /// Arrow bodies call no user functions (keeps every arrow's work constant).
    no_calls: bool,
}

/// What the generator produces.
#[derive(Clone, Copy, Debug, Default)]
pub struct Config {
    /// Leave out the shapes of the known defects of issue 8 (1–5), so that a branch where
    /// they are not fixed yet can run the tester: `x = call(… x …)` is split through a
    /// temporary, and no functions or arrows in `finally`, no object destructuring whose
    /// source is one of its names, no `range` with bounds beyond 64 bits, no reading of a
    /// captured local before its assignment.
    pub avoid_known_defects: bool,
}

pub struct Gen {
    config: Config,
    /// `finally` blocks around the current point.
    in_finally: u32,
    /// Library callbacks around the current point (they must not change arrays).
    in_callback: u32,
    rng: Rng,
    shapes: Vec<Vec<(String, Ty)>>,
    scopes: Vec<Scope>,
    /// Estimated work of one call of each named function.
    weights: HashMap<String, u64>,
    next: u32,
    budget: i32,
    /// The variable being assigned: expressions prefer to read it.
    target: Option<String>,
    pub stats: Stats,
}

const MAX_WORK: u64 = 3000;
const BIG_GUARD: &str = "10000000000000000000000000000000000000000";

impl Gen {
    pub fn new(seed: u64, config: Config) -> Gen {
        Gen {
            config,
            in_finally: 0,
            in_callback: 0,
            rng: Rng::new(seed),
            shapes: Vec::new(),
            scopes: Vec::new(),
            weights: HashMap::new(),
            next: 0,
            budget: 0,
            target: None,
            stats: Stats::default(),
        }
    }

    /// Known defect 2: functions and arrows defined in `finally` blocks.
    fn avoid_in_finally(&self) -> bool {
        self.config.avoid_known_defects && self.in_finally > 0
    }

    fn count(&mut self, what: &'static str) {
        *self.stats.0.entry(what).or_default() += 1;
    }

    fn scope(&mut self) -> &mut Scope {
        self.scopes.last_mut().expect("a scope")
    }

    fn fresh(&mut self, ty: &Ty) -> String {
        self.next += 1;
        let p = match ty {
            Ty::Int => "i",
            Ty::Float => "f",
            Ty::Str => "s",
            Ty::Bool => "b",
            Ty::ArrInt => "a",
            Ty::ArrStr => "t",
            Ty::ArrAny => "m",
            Ty::Obj(_) => "o",
            Ty::Func(..) => "g",
            Ty::Dyn => "d",
            Ty::Err => "e",
        };
        format!("{p}{}", self.next)
    }

    fn guard_name(&mut self) -> String {
        self.next += 1;
        format!("k{}", self.next)
    }

    fn declare(&mut self, name: &str, ty: &Ty) {
        let s = self.scope();
        if !s.vars.iter().any(|(n, _)| n == name) {
            s.vars.push((name.to_owned(), ty.clone()));
        }
    }

    fn visible(&self, ty: &Ty) -> Vec<String> {
        let s = self.scopes.last().expect("a scope");
        s.vars
            .iter()
            .chain(s.outer.iter())
            .filter(|(_, t)| t == ty)
            .map(|(n, _)| n.clone())
            .collect()
    }

    fn assignable(&self, ty: &Ty) -> Vec<String> {
        let s = self.scopes.last().expect("a scope");
        s.vars.iter().filter(|(_, t)| t == ty).map(|(n, _)| n.clone()).collect()
    }

    fn is_outer(&self, name: &str) -> bool {
        let s = self.scopes.last().expect("a scope");
        s.outer.iter().any(|(n, _)| n == name) && !s.vars.iter().any(|(n, _)| n == name)
    }

    fn type_of(&self, name: &str) -> Option<Ty> {
        let s = self.scopes.last().expect("a scope");
        s.vars.iter().chain(s.outer.iter()).find(|(n, _)| n == name).map(|(_, t)| t.clone())
    }

    fn pick_var(&mut self, ty: &Ty) -> Option<String> {
        if let Some(t) = self.target.clone() {
            if self.type_of(&t).as_ref() == Some(ty) && self.rng.chance(40) {
                self.count("expr.reads_target");
                return Some(t);
            }
        }
        let vs = self.visible(ty);
        if vs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vs).clone())
        }
    }

    // -----------------------------------------------------------------------------------
    // Literals

    fn int_lit(&mut self) -> Expr {
        match self.rng.weighted(&[70, 18, 12]) {
            0 => Expr::Num(self.rng.range(-5, 60).to_string()),
            1 => {
                self.count("int.big_literal");
                let digits = self.rng.range(19, 42) as usize;
                let mut s = String::new();
                if self.rng.chance(30) {
                    s.push('-');
                }
                s.push(char::from(b'1' + self.rng.below(9) as u8));
                for _ in 1..digits {
                    s.push(char::from(b'0' + self.rng.below(10) as u8));
                }
                Expr::Num(s)
            }
            _ => {
                self.count("int.edge_literal");
                let edges = [
                    "9223372036854775807",
                    "-9223372036854775808",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "4294967296",
                    "2147483647",
                    "0",
                    "18446744073709551616",
                ];
                Expr::Num(self.rng.pick(&edges).to_string())
            }
        }
    }

    /// A length for a literal: below `n`, rarely zero (empty strings and arrays make most
    /// indexing fail and end the program early).
    fn length(&mut self, n: usize) -> usize {
        if self.rng.chance(8) {
            0
        } else {
            1 + self.rng.below(n - 1)
        }
    }

    fn small_int(&mut self, lo: i64, hi: i64) -> Expr {
        Expr::Num(self.rng.range(lo, hi).to_string())
    }

    fn float_lit(&mut self) -> Expr {
        let fl = [
            "0.5", "2.5", "0.1", "0.2", "3.0", "1e16", "1.5e-7", "123.456", "1e300", "-0.0",
            "-2.75", "7.0", "0.3", "1e-5", "100.0", "2.675", "-1.5",
        ];
        Expr::Num(self.rng.pick(&fl).to_string())
    }

    fn str_lit(&mut self) -> Expr {
        let pieces = [
            "a", "b", "ab", "-", " ", "x", "Hello", "é", "\"", "\\", "\n", "\t", "ß", "A", "1",
            "2", ",", "0",
        ];
        let n = self.length(5);
        let mut s = String::new();
        for _ in 0..n {
            let p = self.rng.below(pieces.len());
            let p = pieces[p];
            s.push_str(p);
        }
        Expr::Str(s)
    }

    fn one_char(&mut self) -> Expr {
        Expr::Str(self.rng.pick(&["*", "-", "a", " ", "0"]).to_string())
    }

    fn sep(&mut self) -> Expr {
        Expr::Str(self.rng.pick(&["-", ",", "", ", ", "a", "ab"]).to_string())
    }

    // -----------------------------------------------------------------------------------
    // Expressions

    fn leaf(&mut self, ty: &Ty) -> Expr {
        let no_arrows = self.avoid_in_finally() && matches!(ty, Ty::Obj(_));
        if !matches!(ty, Ty::Func(..)) && (no_arrows || self.rng.chance(65)) {
            if let Some(v) = self.pick_var(ty) {
                return Expr::Var(v);
            }
        }
        match ty {
            Ty::Int => self.int_lit(),
            Ty::Float => self.float_lit(),
            Ty::Str => self.str_lit(),
            Ty::Bool => Expr::Bool(self.rng.chance(50)),
            Ty::ArrInt => {
                let n = self.length(5);
                Expr::Array((0..n).map(|_| self.small_int(-3, 20)).collect())
            }
            Ty::ArrStr => {
                let n = self.length(4);
                Expr::Array((0..n).map(|_| self.str_lit()).collect())
            }
            Ty::ArrAny => {
                let n = self.length(4);
                Expr::Array((0..n).map(|_| self.any_leaf()).collect())
            }
            Ty::Obj(s) => {
                let keys = self.shapes[*s].clone();
                Expr::Object(keys.iter().map(|(k, t)| (k.clone(), self.leaf(t))).collect())
            }
            Ty::Func(params, ret) => {
                let (p, r) = (params.clone(), (**ret).clone());
                self.arrow(&p, &r, 0)
            }
            Ty::Dyn => self.any_leaf(),
            Ty::Err => Expr::Null,
        }
    }

    fn any_leaf(&mut self) -> Expr {
        match self.rng.below(6) {
            0 => self.int_lit(),
            1 => self.float_lit(),
            2 => self.str_lit(),
            3 => Expr::Bool(self.rng.chance(50)),
            4 => Expr::Null,
            _ => {
                if let Some(v) = self.pick_var(&Ty::Dyn) {
                    Expr::Var(v)
                } else {
                    self.small_int(0, 9)
                }
            }
        }
    }

    fn scalar_ty(&mut self) -> Ty {
        self.rng.pick(&[Ty::Int, Ty::Float, Ty::Str, Ty::Bool]).clone()
    }

    fn printable_ty(&mut self) -> Ty {
        let mut tys = vec![
            Ty::Int,
            Ty::Int,
            Ty::Float,
            Ty::Str,
            Ty::Str,
            Ty::Bool,
            Ty::ArrInt,
            Ty::ArrStr,
            Ty::ArrAny,
            Ty::Dyn,
        ];
        for i in 0..self.shapes.len() {
            tys.push(Ty::Obj(i));
        }
        self.rng.pick(&tys).clone()
    }

    fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::Bin(op, Box::new(a), Box::new(b))
    }

    fn call(name: &'static str, args: Vec<Expr>) -> Expr {
        Expr::Call(Callee::Builtin(name), args)
    }

    fn method(r: Expr, name: &str, args: Vec<Expr>) -> Expr {
        Expr::Method(Box::new(r), name.to_owned(), args)
    }

    /// A call of a user function (variable or object member) returning `ty`, if one is
    /// visible and affordable.
    fn user_call(&mut self, ty: &Ty, d: u32) -> Option<Expr> {
        if self.scopes.last().expect("scope").no_calls {
            return None;
        }
        let s = self.scopes.last().expect("scope");
        let mut cands: Vec<(Option<String>, String, Vec<Ty>)> = Vec::new();
        for (n, t) in s.vars.iter().chain(s.outer.iter()) {
            match t {
                Ty::Func(ps, r) if **r == *ty => cands.push((None, n.clone(), ps.clone())),
                Ty::Obj(i) => {
                    for (k, kt) in &self.shapes[*i] {
                        if let Ty::Func(ps, r) = kt {
                            if **r == *ty {
                                cands.push((Some(n.clone()), k.clone(), ps.clone()));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        if cands.is_empty() {
            return None;
        }
        let (obj, name, params) = self.rng.pick(&cands).clone();
        let w = self.weights.get(&name).copied().unwrap_or(2);
        let s = self.scope();
        let cost = w.saturating_mul(s.mult);
        if s.work.saturating_add(cost) > MAX_WORK {
            return None;
        }
        s.work += cost;
        let args: Vec<Expr> = params.iter().map(|p| self.expr(p, d.saturating_sub(1))).collect();
        Some(match obj {
            Some(o) => {
                self.count("call.object_member");
                Self::method(Expr::Var(o), &name, args)
            }
            None => {
                self.count("call.user_function");
                Expr::Call(Callee::Var(name), args)
            }
        })
    }

    fn member_of(&mut self, ty: &Ty) -> Option<Expr> {
        let s = self.scopes.last().expect("scope");
        let mut cands = Vec::new();
        for (n, t) in s.vars.iter().chain(s.outer.iter()) {
            if let Ty::Obj(i) = t {
                for (k, kt) in &self.shapes[*i] {
                    if kt == ty {
                        cands.push((n.clone(), k.clone()));
                    }
                }
            }
        }
        if cands.is_empty() {
            return None;
        }
        let (o, k) = self.rng.pick(&cands).clone();
        self.count("expr.member_read");
        Some(if self.rng.chance(75) {
            Expr::Member(Box::new(Expr::Var(o)), k)
        } else {
            Expr::Index(Box::new(Expr::Var(o)), Box::new(Expr::Str(k)))
        })
    }

    fn index_expr(&mut self, d: u32) -> Expr {
        if self.rng.chance(90) {
            Expr::Num(self.rng.pick(&["0", "0", "0", "-1", "-1", "1", "-2"]).to_string())
        } else {
            self.expr(&Ty::Int, d.min(1))
        }
    }

    pub fn expr(&mut self, ty: &Ty, d: u32) -> Expr {
        if d == 0 {
            return self.leaf(ty);
        }
        let d1 = d - 1;
        if self.rng.chance(10) {
            if let Some(e) = self.extra_expr(ty, d1) {
                return e;
            }
        }
        let r = match ty {
            Ty::Int => self.int_expr(d1),
            Ty::Float => self.float_expr(d1),
            Ty::Str => self.str_expr(d1),
            Ty::Bool => self.bool_expr(d1),
            Ty::ArrInt => self.arr_int_expr(d1),
            Ty::ArrStr => self.arr_str_expr(d1),
            Ty::ArrAny => self.arr_any_expr(d1),
            Ty::Obj(s) => {
                let s = *s;
                if self.rng.chance(50) || self.avoid_in_finally() {
                    None
                } else {
                    let keys = self.shapes[s].clone();
                    Some(Expr::Object(
                        keys.iter().map(|(k, t)| (k.clone(), self.expr(t, d1))).collect(),
                    ))
                }
            }
            Ty::Func(ps, r) => {
                let (p, r) = (ps.clone(), (**r).clone());
                Some(self.arrow(&p, &r, d1))
            }
            Ty::Dyn => {
                if self.rng.chance(20) {
                    let o = self.visible_objects();
                    if !o.is_empty() {
                        self.count("expr.missing_member_null");
                        let o = self.rng.pick(&o).clone();
                        return Expr::Member(Box::new(Expr::Var(o)), "nokey".into());
                    }
                }
                let t = self.printable_ty();
                if t == Ty::Dyn {
                    None
                } else {
                    Some(self.expr(&t, d1))
                }
            }
            Ty::Err => None,
        };
        match r {
            Some(e) => e,
            None => self.leaf(ty),
        }
    }

    fn visible_objects(&self) -> Vec<String> {
        let s = self.scopes.last().expect("scope");
        s.vars
            .iter()
            .chain(s.outer.iter())
            .filter(|(_, t)| matches!(t, Ty::Obj(_)))
            .map(|(n, _)| n.clone())
            .collect()
    }

    fn cond(&mut self, ty: &Ty, d: u32) -> Expr {
        self.count("expr.conditional");
        let c = self.expr(&Ty::Bool, d);
        Expr::Cond(Box::new(c), Box::new(self.expr(ty, d)), Box::new(self.expr(ty, d)))
    }

    fn int_expr(&mut self, d: u32) -> Option<Expr> {
        let i = Ty::Int;
        Some(match self.rng.below(22) {
            0 | 1 => {
                let op = *self.rng.pick(&[BinOp::Add, BinOp::Sub]);
                Self::bin(op, self.expr(&i, d), self.expr(&i, d))
            }
            2 => {
                self.count("int.mul");
                Self::bin(BinOp::Mul, self.expr(&i, d), self.expr(&i, d))
            }
            3 | 4 => {
                let op = *self.rng.pick(&[BinOp::FloorDiv, BinOp::Mod]);
                self.count("int.floordiv_mod");
                let div = if self.rng.chance(75) {
                    Expr::Num(self.rng.pick(&["3", "-3", "7", "2", "-5", "10"]).to_string())
                } else {
                    self.expr(&i, d)
                };
                Self::bin(op, self.expr(&i, d), div)
            }
            5 => Expr::Neg(Box::new(self.expr(&i, d))),
            6 => {
                self.count("builtin.abs");
                Self::call("abs", vec![self.expr(&i, d)])
            }
            7 => {
                let f = if self.rng.chance(50) { "min" } else { "max" };
                Self::call(f, vec![self.expr(&i, d), self.expr(&i, d)])
            }
            8 => {
                let t = self.rng.pick(&[Ty::Str, Ty::ArrInt, Ty::ArrStr]).clone();
                let e = self.expr(&t, d);
                if self.rng.chance(50) {
                    Self::call("len", vec![e])
                } else {
                    self.count("expr.length_member");
                    Expr::Member(Box::new(e), "length".into())
                }
            }
            9 => {
                self.count("method.str.find");
                let s = self.expr(&Ty::Str, d);
                let sub = self.expr(&Ty::Str, d);
                let mut args = vec![sub];
                if self.rng.chance(60) {
                    args.push(self.expr(&i, d));
                }
                let m = *self.rng.pick(&["find", "rfind", "count"]);
                Self::method(s, m, args)
            }
            10 => {
                self.count("expr.index.array");
                let a = self.expr(&Ty::ArrInt, d);
                Expr::Index(Box::new(a), Box::new(self.index_expr(d)))
            }
            11 => return self.member_of(&i),
            12 | 13 => return self.user_call(&i, d),
            14 => self.cond(&i, d),
            15 => Self::call("int", vec![self.expr(&Ty::Float, d)]),
            16 => {
                self.count("builtin.sum");
                Self::call("sum", vec![self.expr(&Ty::ArrInt, d)])
            }
            17 => {
                self.count("expr.logical_value");
                if self.rng.chance(50) {
                    Expr::And(Box::new(self.expr(&i, d)), Box::new(self.expr(&i, d)))
                } else {
                    Expr::Or(Box::new(self.expr(&i, d)), Box::new(self.expr(&i, d)))
                }
            }
            18 => {
                let vs = self.visible(&Ty::ArrInt);
                if vs.is_empty() || self.in_callback > 0 {
                    return None;
                }
                self.count("method.array.pop");
                let a = self.rng.pick(&vs).clone();
                Self::method(Expr::Var(a), "pop", vec![])
            }
            19 => {
                let m = *self.rng.pick(&["index", "count", "count", "count"]);
                self.count("method.array.index_count");
                Self::method(self.expr(&Ty::ArrInt, d), m, vec![self.expr(&i, d)])
            }
            20 => Self::call("round", vec![self.expr(&i, d), self.small_int(-2, 1)]),
            _ => {
                self.count("builtin.ord");
                let s = self.expr(&Ty::Str, d);
                let s = Self::bin(BinOp::Add, s, Expr::Str("z".into()));
                Self::call("ord", vec![Expr::Index(Box::new(s), Box::new(Expr::Num("0".into())))])
            }
        })
    }

    fn float_expr(&mut self, d: u32) -> Option<Expr> {
        let f = Ty::Float;
        Some(match self.rng.below(11) {
            0 | 1 => {
                let op = *self.rng.pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul]);
                let other = if self.rng.chance(30) { Ty::Int } else { Ty::Float };
                if self.rng.chance(50) {
                    Self::bin(op, self.expr(&f, d), self.expr(&other, d))
                } else {
                    Self::bin(op, self.expr(&other, d), self.expr(&f, d))
                }
            }
            2 => {
                self.count("float.div");
                let a = self.rng.pick(&[Ty::Int, Ty::Float]).clone();
                let b = self.rng.pick(&[Ty::Int, Ty::Float]).clone();
                Self::bin(BinOp::Div, self.expr(&a, d), self.expr(&b, d))
            }
            3 => Self::call("float", vec![self.expr(&Ty::Int, d)]),
            4 => {
                self.count("builtin.round");
                if self.rng.chance(50) {
                    Self::call("round", vec![self.expr(&f, d)])
                } else {
                    Self::call("round", vec![self.expr(&f, d), self.small_int(-1, 3)])
                }
            }
            5 => Expr::Neg(Box::new(self.expr(&f, d))),
            6 => Self::call("abs", vec![self.expr(&f, d)]),
            7 => {
                self.count("float.floordiv_mod");
                let op = *self.rng.pick(&[BinOp::FloorDiv, BinOp::Mod]);
                let b = if self.rng.chance(70) { self.float_lit() } else { self.expr(&Ty::Int, d) };
                Self::bin(op, self.expr(&f, d), b)
            }
            8 => self.cond(&f, d),
            9 => return self.member_of(&f),
            _ => return self.user_call(&f, d),
        })
    }

    fn str_expr(&mut self, d: u32) -> Option<Expr> {
        let s = Ty::Str;
        Some(match self.rng.below(20) {
            0 | 1 => Self::bin(BinOp::Add, self.expr(&s, d), self.expr(&s, d)),
            2 => {
                self.count("str.concat_display");
                let t = self.printable_ty();
                if self.rng.chance(50) {
                    Self::bin(BinOp::Add, self.expr(&s, d), self.expr(&t, d))
                } else {
                    Self::bin(BinOp::Add, self.expr(&t, d), self.expr(&s, d))
                }
            }
            3 => {
                self.count("builtin.str");
                let t = self.printable_ty();
                Self::call("str", vec![self.expr(&t, d)])
            }
            4 => {
                self.count("expr.index.string");
                Expr::Index(Box::new(self.expr(&s, d)), Box::new(self.index_expr(d)))
            }
            5 => {
                self.count("expr.slice");
                let a = self.expr(&s, d);
                self.slice(a)
            }
            6 => {
                let m = *self.rng.pick(&[
                    "upper",
                    "lower",
                    "strip",
                    "title",
                    "capitalize",
                    "swapcase",
                    "lstrip",
                    "rstrip",
                ]);
                self.count("method.str.case_strip");
                Self::method(self.expr(&s, d), m, vec![])
            }
            7 => {
                self.count("method.str.replace");
                let mut args = vec![self.expr(&s, d), self.expr(&s, d)];
                if self.rng.chance(30) {
                    args.push(self.small_int(-1, 2));
                }
                Self::method(self.expr(&s, d), "replace", args)
            }
            8 => {
                self.count("method.str.join");
                let sep = self.sep();
                Self::method(sep, "join", vec![self.expr(&Ty::ArrStr, d)])
            }
            9 => {
                self.count("str.repeat");
                Self::bin(BinOp::Mul, self.expr(&s, d), self.small_int(-1, 3))
            }
            10 => {
                self.count("builtin.repr");
                let t = self.printable_ty();
                Self::call("repr", vec![self.expr(&t, d)])
            }
            11 => {
                let t = self.printable_ty();
                Self::call("typeof", vec![self.expr(&t, d)])
            }
            12 => {
                self.count("method.str.pad");
                let m = *self.rng.pick(&["center", "ljust", "rjust"]);
                let mut args = vec![self.small_int(0, 9)];
                if self.rng.chance(60) {
                    args.push(self.one_char());
                }
                Self::method(self.expr(&s, d), m, args)
            }
            13 => self.cond(&s, d),
            14 => return self.member_of(&s),
            15 => return self.user_call(&s, d),
            16 => {
                self.count("expr.index.array");
                Expr::Index(Box::new(self.expr(&Ty::ArrStr, d)), Box::new(self.index_expr(d)))
            }
            17 => {
                // The self-join of the issue: `s = "-".join([s, s])`.
                self.count("method.str.join_self");
                let a = self.expr(&s, d);
                let b = self.expr(&s, d);
                let sep = self.sep();
                Self::method(sep, "join", vec![Expr::Array(vec![a, b])])
            }
            18 => Self::call(
                "chr",
                vec![Self::bin(BinOp::Add, self.small_int(65, 90), self.small_int(0, 5))],
            ),
            _ => {
                self.count("expr.logical_value");
                Expr::Or(Box::new(self.expr(&s, d)), Box::new(self.expr(&s, d)))
            }
        })
    }

    fn slice(&mut self, a: Expr) -> Expr {
        let lo = if self.rng.chance(60) { Some(Box::new(self.small_int(-4, 5))) } else { None };
        let hi = if self.rng.chance(60) { Some(Box::new(self.small_int(-4, 6))) } else { None };
        let st = if self.rng.chance(25) {
            Some(Box::new(Expr::Num(
                self.rng
                    .pick(&["-1", "2", "-2", "1", "-1", "3", "-3", "-7", "-1", "2"])
                    .to_string(),
            )))
        } else {
            None
        };
        Expr::Slice(Box::new(a), lo, hi, st)
    }

    fn bool_expr(&mut self, d: u32) -> Option<Expr> {
        Some(match self.rng.below(11) {
            0..=2 => {
                let op = *self.rng.pick(&[BinOp::Lt, BinOp::Gt, BinOp::Le, BinOp::Ge]);
                let (a, b) = match self.rng.below(5) {
                    0 | 1 => (Ty::Int, Ty::Int),
                    2 => (Ty::Float, Ty::Int),
                    3 => (Ty::Str, Ty::Str),
                    _ => {
                        self.count("cmp.arrays");
                        (Ty::ArrInt, Ty::ArrInt)
                    }
                };
                Self::bin(op, self.expr(&a, d), self.expr(&b, d))
            }
            3 | 4 => {
                self.count("cmp.equality");
                let op = *self.rng.pick(&[BinOp::Eq, BinOp::Ne]);
                let a = self.printable_ty();
                let b = if self.rng.chance(70) { a.clone() } else { self.printable_ty() };
                Self::bin(op, self.expr(&a, d), self.expr(&b, d))
            }
            5 => Expr::Not(Box::new(self.expr(&Ty::Bool, d))),
            6 => {
                let (a, b) = (self.expr(&Ty::Bool, d), self.expr(&Ty::Bool, d));
                if self.rng.chance(50) {
                    Expr::And(Box::new(a), Box::new(b))
                } else {
                    Expr::Or(Box::new(a), Box::new(b))
                }
            }
            7 => {
                let m = *self.rng.pick(&["startswith", "endswith"]);
                Self::method(self.expr(&Ty::Str, d), m, vec![self.expr(&Ty::Str, d)])
            }
            8 => {
                let m = *self.rng.pick(&["isdigit", "isalpha", "isspace", "isupper", "islower"]);
                Self::method(self.expr(&Ty::Str, d), m, vec![])
            }
            9 => {
                let t = self.printable_ty();
                let k = *self.rng.pick(&[
                    "int", "float", "number", "string", "array", "object", "boolean", "null",
                ]);
                Self::call("isinstance", vec![self.expr(&t, d), Expr::Str(k.into())])
            }
            _ => {
                let t = self.printable_ty();
                Self::call("bool", vec![self.expr(&t, d)])
            }
        })
    }

    fn arr_int_expr(&mut self, d: u32) -> Option<Expr> {
        let a = Ty::ArrInt;
        Some(match self.rng.below(10) {
            0 => {
                self.count("builtin.range");
                if self.rng.chance(20) && !self.config.avoid_known_defects {
                    self.count("builtin.range.big");
                    let lo = self.int_lit();
                    let hi = Self::bin(BinOp::Add, lo.clone(), self.small_int(0, 4));
                    Self::call("range", vec![lo, hi])
                } else {
                    Self::call("range", vec![self.small_int(-3, 3), self.small_int(-2, 6)])
                }
            }
            1 => Self::bin(BinOp::Add, self.expr(&a, d), self.expr(&a, d)),
            2 => {
                self.count("expr.slice");
                let x = self.expr(&a, d);
                self.slice(x)
            }
            3 => {
                self.count("builtin.sorted");
                let mut args = vec![self.expr(&a, d)];
                if self.rng.chance(30) {
                    args.push(Expr::Bool(true));
                }
                Self::call("sorted", args)
            }
            4 => Self::call("reversed", vec![self.expr(&a, d)]),
            5 => Self::method(self.expr(&a, d), "copy", vec![]),
            6 => {
                self.count("array.repeat");
                Self::bin(BinOp::Mul, self.expr(&a, d), self.small_int(0, 2))
            }
            7 => self.cond(&a, d),
            8 => {
                let n = self.length(4);
                Expr::Array((0..n).map(|_| self.expr(&Ty::Int, d)).collect())
            }
            _ => return self.member_of(&a).or_else(|| self.user_call(&a, d)),
        })
    }

    fn arr_str_expr(&mut self, d: u32) -> Option<Expr> {
        let a = Ty::ArrStr;
        Some(match self.rng.below(8) {
            0 => {
                self.count("method.str.split");
                let s = self.expr(&Ty::Str, d);
                if self.rng.chance(30) {
                    Self::method(s, "split", vec![])
                } else {
                    let sep =
                        Expr::Str(self.rng.pick(&["-", ",", ", ", "a", "ab", " "]).to_string());
                    Self::method(s, "split", vec![sep])
                }
            }
            1 => Self::bin(BinOp::Add, self.expr(&a, d), self.expr(&a, d)),
            2 => {
                self.count("builtin.sorted");
                let t = if self.rng.chance(50) { Ty::Str } else { a.clone() };
                Self::call("sorted", vec![self.expr(&t, d)])
            }
            3 => {
                let o = self.visible_objects();
                if o.is_empty() {
                    return None;
                }
                self.count("builtin.keys");
                let o = self.rng.pick(&o).clone();
                Self::call("keys", vec![Expr::Var(o)])
            }
            4 => {
                self.count("expr.slice");
                let x = self.expr(&a, d);
                self.slice(x)
            }
            5 => {
                let n = self.length(4);
                Expr::Array((0..n).map(|_| self.expr(&Ty::Str, d)).collect())
            }
            6 => Self::call("reversed", vec![self.expr(&Ty::Str, d)]),
            _ => return self.member_of(&a),
        })
    }

    fn arr_any_expr(&mut self, d: u32) -> Option<Expr> {
        let a = Ty::ArrAny;
        Some(match self.rng.below(6) {
            0 | 1 => {
                let n = self.length(4);
                Expr::Array(
                    (0..n)
                        .map(|_| {
                            let t = self.printable_ty();
                            self.expr(&t, d)
                        })
                        .collect(),
                )
            }
            2 => Self::bin(BinOp::Add, self.expr(&a, d), self.expr(&a, d)),
            3 => {
                self.count("builtin.enumerate_zip");
                if self.rng.chance(50) {
                    Self::call("enumerate", vec![self.expr(&Ty::ArrStr, d)])
                } else {
                    Self::call("zip", vec![self.expr(&Ty::ArrInt, d), self.expr(&Ty::Str, d)])
                }
            }
            4 => {
                let o = self.visible_objects();
                if o.is_empty() {
                    return None;
                }
                let o = self.rng.pick(&o).clone();
                Self::call("values", vec![Expr::Var(o)])
            }
            _ => {
                self.count("expr.slice");
                let x = self.expr(&a, d);
                self.slice(x)
            }
        })
    }

    /// `fn(params) => …`: an expression body, or a block body that may update variables
    /// of the enclosing function through `nonlocal`.
    fn arrow(&mut self, params: &[Ty], ret: &Ty, d: u32) -> Expr {
        let names: Vec<String> = params.iter().map(|t| self.fresh(t)).collect();
        let block = self.rng.chance(40) && self.budget > 0 && self.in_callback == 0;
        let (nonlocals, outer) = self.new_scope_parts(block, false);
        let mut scope = Scope {
            vars: names.iter().cloned().zip(params.iter().cloned()).collect(),
            outer,
            ret: Some(ret.clone()),
            loops: 0,
            repeat: true,
            mult: 1,
            work: 0,
            no_calls: true,
        };
        scope.vars.extend(nonlocals.iter().cloned());
        let saved_target = self.target.take();
        self.scopes.push(scope);
        let body = if block {
            self.count("closure.block_arrow");
            if !nonlocals.is_empty() {
                self.count("closure.nonlocal");
            }
            let mut body = Vec::new();
            for (n, t) in &nonlocals {
                if let Some(s) = self.update_of(n, t) {
                    body.push(s);
                }
            }
            let n = self.rng.below(3);
            body.extend(self.stmts(n, 1));
            body.push(Stmt::Return(Some(self.expr(ret, 2))));
            ArrowBody::Block { nonlocals: nonlocals.into_iter().map(|(n, _)| n).collect(), body }
        } else {
            self.count("closure.expr_arrow");
            ArrowBody::Expr(self.expr(ret, d.min(2)))
        };
        self.scopes.pop();
        self.target = saved_target;
        Expr::Arrow(names, Box::new(body))
    }

    /// For a new function scope: the `nonlocal` names (when `with_nonlocals`) and what it
    /// can read from outside. Error variables are only visible to named functions (they
    /// cannot escape the handler, which is what ML and Python agree on).
    fn new_scope_parts(&mut self, with_nonlocals: bool, errs: bool) -> (Vars, Vars) {
        let s = self.scopes.last().expect("scope");
        let outer: Vec<(String, Ty)> = s
            .vars
            .iter()
            .chain(s.outer.iter())
            .filter(|(_, t)| errs || *t != Ty::Err)
            .cloned()
            .collect();
        let mut nonlocals = Vec::new();
        if with_nonlocals {
            let cands: Vec<(String, Ty)> = outer
                .iter()
                .filter(|(_, t)| !matches!(t, Ty::Err | Ty::Func(..) | Ty::Obj(_)))
                .cloned()
                .collect();
            if !cands.is_empty() {
                let n = self.rng.below(3).min(cands.len());
                for _ in 0..n {
                    let c = self.rng.pick(&cands).clone();
                    if !nonlocals.iter().any(|(x, _): &(String, Ty)| *x == c.0) {
                        nonlocals.push(c);
                    }
                }
            }
        }
        let outer =
            outer.into_iter().filter(|(n, _)| !nonlocals.iter().any(|(x, _)| x == n)).collect();
        (nonlocals, outer)
    }

    // -----------------------------------------------------------------------------------
    // Statements

    fn stmts(&mut self, n: usize, d: u32) -> Vec<Stmt> {
        let mut out = Vec::new();
        for _ in 0..n {
            if self.budget <= 0 {
                break;
            }
            self.budget -= 1;
            out.extend(self.stmt(d));
        }
        out
    }

    /// A top-level statement; simple ones are often protected by a `try`, so that an
    /// error does not end the program before most of it has run.
    fn top_stmt(&mut self) -> Vec<Stmt> {
        let len = self.scope().vars.len();
        let s = self.stmt(3);
        let simple = s.len() == 1
            && matches!(
                s[0],
                Stmt::Assign(..)
                    | Stmt::Expr(_)
                    | Stmt::SetIndex(..)
                    | Stmt::SetMember(..)
                    | Stmt::SetSlice(..)
                    | Stmt::DestrArray(..)
                    | Stmt::If(..)
            );
        if !simple || !self.rng.chance(45) {
            return s;
        }
        // Names first assigned inside the `try` may stay unassigned.
        self.scope().vars.truncate(len);
        self.count("try.protecting_top_level");
        let e = self.fresh(&Ty::Err);
        let h = vec![Stmt::Expr(Self::call(
            "print",
            vec![
                Expr::Str("error".into()),
                Expr::Member(Box::new(Expr::Var(e.clone())), "type".into()),
            ],
        ))];
        vec![Stmt::Try { body: s, handler: Some((Some(e), h)), finally: None }]
    }

    /// A block: variables first assigned inside it are forgotten after it.
    fn block(&mut self, n: usize, d: u32) -> Vec<Stmt> {
        let len = self.scope().vars.len();
        let b = self.stmts(n, d);
        self.scope().vars.truncate(len);
        b
    }

    /// An assignment that reads its own target, in one of the shapes of the issue.
    fn update_of(&mut self, name: &str, ty: &Ty) -> Option<Stmt> {
        self.target = Some(name.to_owned());
        let v = Expr::Var(name.to_owned());
        let rhs = match ty {
            Ty::Int => match self.rng.below(6) {
                0 => {
                    self.count("update.abs_of_self");
                    Self::call("abs", vec![Self::bin(BinOp::Sub, v, self.small_int(0, 20))])
                }
                1 => {
                    self.count("update.find_from_self");
                    let s = self.expr(&Ty::Str, 1);
                    let sub = self.str_lit();
                    Self::method(
                        s,
                        "find",
                        vec![sub, Self::bin(BinOp::Add, v, Expr::Num("1".into()))],
                    )
                }
                2 => {
                    self.count("update.self_plus");
                    Self::bin(BinOp::Add, v, self.expr(&Ty::Int, 1))
                }
                3 => {
                    self.count("update.minmax_self");
                    Self::call("max", vec![v, self.expr(&Ty::Int, 1)])
                }
                _ => self.expr(&Ty::Int, 2),
            },
            Ty::Str => match self.rng.below(4) {
                0 => {
                    self.count("update.join_self");
                    Self::method(
                        Expr::Str("-".into()),
                        "join",
                        vec![Expr::Array(vec![v.clone(), v])],
                    )
                }
                1 => {
                    self.count("update.method_on_self");
                    Self::method(v, "replace", vec![self.str_lit(), self.str_lit()])
                }
                _ => self.expr(&Ty::Str, 2),
            },
            Ty::Bool => Expr::Not(Box::new(v)),
            Ty::Float => Self::bin(BinOp::Add, v, self.float_lit()),
            Ty::ArrInt => match self.rng.below(3) {
                0 => {
                    self.count("update.concat_self");
                    Self::bin(BinOp::Add, v, self.expr(&Ty::ArrInt, 1))
                }
                _ => self.expr(ty, 2),
            },
            Ty::ArrStr | Ty::ArrAny | Ty::Dyn | Ty::Obj(_) => self.expr(ty, 2),
            Ty::Func(..) | Ty::Err => return None,
        };
        self.target = None;
        Some(self.guarded(name, ty, Stmt::Assign(name.to_owned(), rhs)))
    }

    /// Wraps a statement that could grow `name` geometrically when it repeats.
    fn guarded(&mut self, name: &str, ty: &Ty, s: Stmt) -> Stmt {
        let s = self.split_known_defect_1(name, s);
        // Everywhere, not only in loops: 31 top-level `s = s + s;` reach 4 GiB before
        // mlpy's memory limit is checked, and one huge int product cannot be interrupted.
        if !ty.sized() {
            return s;
        }
        let grows = match &s {
            Stmt::Assign(_, e) => growth_prone(e, self),
            _ => true,
        };
        if !grows {
            return s;
        }
        self.count("guard.size");
        let v = Expr::Var(name.to_owned());
        let cond = match ty {
            Ty::Int => {
                Self::bin(BinOp::Lt, Self::call("abs", vec![v]), Expr::Num(BIG_GUARD.into()))
            }
            Ty::Dyn => Self::bin(
                BinOp::Lt,
                Self::call("len", vec![Self::call("str", vec![v])]),
                Expr::Num("200".into()),
            ),
            _ => Self::bin(BinOp::Lt, Self::call("len", vec![v]), Expr::Num("200".into())),
        };
        Stmt::If(vec![(cond, vec![s])], None)
    }

    /// With `avoid_known_defects`: `x = call(… x …)` becomes `tmp = call(… x …); x = tmp;`
    /// (known defect 1: the call was compiled into `x`'s register before its arguments).
    fn split_known_defect_1(&mut self, name: &str, s: Stmt) -> Stmt {
        if !self.config.avoid_known_defects {
            return s;
        }
        let Stmt::Assign(target, rhs) = &s else { return s };
        let root_call = matches!(rhs, Expr::Call(..) | Expr::Method(..));
        if !root_call || !reads_var(rhs, name) {
            return s;
        }
        let tmp = self.fresh(&Ty::Dyn);
        Stmt::If(
            vec![(
                Expr::Bool(true),
                vec![
                    Stmt::Assign(tmp.clone(), rhs.clone()),
                    Stmt::Assign(target.clone(), Expr::Var(tmp)),
                ],
            )],
            None,
        )
    }

    fn assign(&mut self) -> Vec<Stmt> {
        let ty = self.printable_ty();
        let existing = self.assignable(&ty);
        if !existing.is_empty() && self.rng.chance(70) {
            // The newest variable is often the highest-numbered register: the shape of
            // known defect 1.
            let name = if self.rng.chance(40) {
                existing.last().expect("non-empty").clone()
            } else {
                self.rng.pick(&existing).clone()
            };
            self.count("assign.existing");
            return self.update_of(&name, &ty).into_iter().collect();
        }
        self.count("assign.new");
        let name = self.fresh(&ty);
        let e = self.expr(&ty, 2);
        self.declare(&name, &ty);
        let mut out = vec![Stmt::Assign(name.clone(), e)];
        if self.rng.chance(35) {
            self.count("assign.new_then_update");
            out.extend(self.update_of(&name, &ty));
        }
        out
    }

    fn print(&mut self) -> Stmt {
        self.count("print");
        let n = 1 + self.rng.below(3);
        let args = (0..n)
            .map(|_| {
                let t = self.printable_ty();
                self.expr(&t, 2)
            })
            .collect();
        Stmt::Expr(Self::call("print", args))
    }

    fn array_mutation(&mut self) -> Option<Stmt> {
        let ty = self.rng.pick(&[Ty::ArrInt, Ty::ArrStr, Ty::ArrAny]).clone();
        let vs = self.visible(&ty);
        if vs.is_empty() {
            return None;
        }
        let a = self.rng.pick(&vs).clone();
        let elem = match ty {
            Ty::ArrInt => Ty::Int,
            Ty::ArrStr => Ty::Str,
            _ => self.scalar_ty(),
        };
        let v = Expr::Var(a.clone());
        let (name, args) = match self.rng.below(9) {
            0 | 1 => ("append", vec![self.expr(&elem, 1)]),
            2 => ("extend", vec![self.expr(&ty, 1)]),
            3 => ("insert", vec![self.small_int(-3, 4), self.expr(&elem, 1)]),
            4 => ("pop", if self.rng.chance(50) { vec![] } else { vec![self.small_int(-1, 0)] }),
            5 if self.rng.chance(40) => ("remove", vec![self.expr(&elem, 1)]),
            6 if ty != Ty::ArrAny => ("sort", vec![]),
            7 => ("reverse", vec![]),
            8 if self.rng.chance(30) => ("clear", vec![]),
            _ => ("append", vec![self.expr(&elem, 1)]),
        };
        self.count(match name {
            "append" => "method.array.append",
            "extend" => "method.array.extend",
            "insert" => "method.array.insert",
            "pop" => "method.array.pop",
            "remove" => "method.array.remove",
            "sort" => "method.array.sort",
            "reverse" => "method.array.reverse",
            _ => "method.array.clear",
        });
        let s = Stmt::Expr(Self::method(v, name, args));
        Some(if matches!(name, "append" | "extend" | "insert") {
            self.guarded(&a, &ty, s)
        } else {
            s
        })
    }

    fn set_item(&mut self) -> Option<Stmt> {
        if self.rng.chance(50) {
            let ty = self.rng.pick(&[Ty::ArrInt, Ty::ArrStr]).clone();
            let vs = self.visible(&ty);
            if vs.is_empty() {
                return None;
            }
            let a = self.rng.pick(&vs).clone();
            let idx = Expr::Num(self.rng.pick(&["0", "-1", "1", "2"]).to_string());
            let cur = Expr::Index(Box::new(Expr::Var(a.clone())), Box::new(idx.clone()));
            let rhs = if ty == Ty::ArrInt && self.rng.chance(50) {
                self.count("update.element_self");
                Self::bin(BinOp::Mul, cur, Expr::Num("2".into()))
            } else if self.rng.chance(30) {
                Self::bin(
                    BinOp::Add,
                    cur,
                    self.expr(&if ty == Ty::ArrInt { Ty::Int } else { Ty::Str }, 1),
                )
            } else {
                self.expr(&if ty == Ty::ArrInt { Ty::Int } else { Ty::Str }, 2)
            };
            self.count("assign.index");
            let s = Stmt::SetIndex(Expr::Var(a.clone()), idx, rhs);
            return Some(if self.scopes.last().expect("scope").repeat && ty == Ty::ArrStr {
                self.guarded(&a, &ty, s)
            } else {
                s
            });
        }
        let objs = self.visible_objects();
        if objs.is_empty() {
            return None;
        }
        let o = self.rng.pick(&objs).clone();
        let Some(Ty::Obj(si)) = self.type_of(&o) else { return None };
        let keys = self.shapes[si].clone();
        let (k, kt) = self.rng.pick(&keys).clone();
        if matches!(kt, Ty::Func(..)) && (self.rng.chance(70) || self.avoid_in_finally()) {
            return None;
        }
        self.target = Some(o.clone());
        let mut rhs = self.expr(&kt, 2);
        if kt == Ty::Int && self.rng.chance(40) {
            self.count("update.member_self");
            rhs = Self::bin(
                BinOp::Add,
                Expr::Member(Box::new(Expr::Var(o.clone())), k.clone()),
                self.small_int(1, 5),
            );
        }
        self.target = None;
        self.count("assign.member");
        let s = if self.rng.chance(70) {
            Stmt::SetMember(Expr::Var(o), k, rhs)
        } else {
            Stmt::SetIndex(Expr::Var(o), Expr::Str(k), rhs)
        };
        // Object members hold sized values too; keep them from growing in loops.
        if self.scopes.last().expect("scope").repeat && kt.sized() && kt != Ty::Int {
            return None;
        }
        Some(s)
    }

    fn if_stmt(&mut self, d: u32) -> Stmt {
        self.count("stmt.if");
        let n = 1 + self.rng.below(3);
        let mut arms = Vec::new();
        for i in 0..n {
            if i > 0 {
                self.count("stmt.elif");
            }
            let c = self.expr(&Ty::Bool, 2);
            let k = 1 + self.rng.below(3);
            arms.push((c, self.block(k, d - 1)));
        }
        let els = if self.rng.chance(50) {
            let k = 1 + self.rng.below(3);
            Some(self.block(k, d - 1))
        } else {
            None
        };
        Stmt::If(arms, els)
    }

    fn loop_body(&mut self, limit: u32, d: u32, pre: impl FnOnce(&mut Gen)) -> Vec<Stmt> {
        let s = self.scope();
        let (saved_repeat, saved_mult) = (s.repeat, s.mult);
        s.repeat = true;
        s.loops += 1;
        s.mult = s.mult.saturating_mul(limit as u64);
        let len = s.vars.len();
        pre(self);
        let k = 1 + self.rng.below(4);
        let mut body = self.stmts(k, d - 1);
        if self.rng.chance(40) {
            let c = self.expr(&Ty::Bool, 1);
            let j = if self.rng.chance(50) {
                self.count("stmt.break");
                Stmt::Break
            } else {
                self.count("stmt.continue");
                Stmt::Continue
            };
            let at = self.rng.below(body.len() + 1);
            body.insert(at, Stmt::If(vec![(c, vec![j])], None));
        }
        let s = self.scope();
        s.vars.truncate(len);
        s.loops -= 1;
        s.repeat = saved_repeat;
        s.mult = saved_mult;
        body
    }

    fn while_stmt(&mut self, d: u32) -> Stmt {
        self.count("stmt.while");
        let guard = self.guard_name();
        let limit = 2 + self.rng.below(6) as u32;
        let cond = if self.rng.chance(50) {
            let vs = self.assignable(&Ty::Int);
            if vs.is_empty() {
                self.expr(&Ty::Bool, 1)
            } else {
                let v = self.rng.pick(&vs).clone();
                Self::bin(BinOp::Lt, Expr::Var(v), self.small_int(0, 30))
            }
        } else {
            self.expr(&Ty::Bool, 1)
        };
        let body = self.loop_body(limit, d, |_| {});
        Stmt::While { guard, limit, cond, body }
    }

    fn for_stmt(&mut self, d: u32) -> Stmt {
        self.count("stmt.for");
        let guard = self.guard_name();
        let limit = 2 + self.rng.below(7) as u32;
        let (iter, elem) = match self.rng.below(6) {
            0 | 1 => {
                self.count("for.range");
                if self.rng.chance(25) && !self.config.avoid_known_defects {
                    self.count("for.range.big");
                    let lo = self.int_lit();
                    let hi = Self::bin(BinOp::Add, lo.clone(), self.small_int(0, 4));
                    (Self::call("range", vec![lo, hi]), Ty::Int)
                } else {
                    let lo = if self.config.avoid_known_defects {
                        self.small_int(-3, 3)
                    } else {
                        self.expr(&Ty::Int, 0)
                    };
                    (Self::call("range", vec![lo, self.small_int(-2, 8)]), Ty::Int)
                }
            }
            2 => {
                self.count("for.array");
                (self.expr(&Ty::ArrInt, 1), Ty::Int)
            }
            3 => {
                self.count("for.string");
                (self.expr(&Ty::Str, 1), Ty::Str)
            }
            4 => {
                self.count("for.array");
                (self.expr(&Ty::ArrStr, 1), Ty::Str)
            }
            _ => {
                let o = self.visible_objects();
                if o.is_empty() {
                    (self.expr(&Ty::ArrStr, 1), Ty::Str)
                } else {
                    self.count("for.object_keys");
                    (Expr::Var(self.rng.pick(&o).clone()), Ty::Str)
                }
            }
        };
        let existing = self.assignable(&elem);
        let var = if !existing.is_empty() && self.rng.chance(40) {
            self.rng.pick(&existing).clone()
        } else {
            self.fresh(&elem)
        };
        let v2 = var.clone();
        let mut body = self.loop_body(limit, d, move |g| g.declare(&v2, &elem));
        let over_object =
            matches!(&iter, Expr::Var(v) if matches!(self.type_of(v), Some(Ty::Obj(_))));
        if over_object && self.rng.chance(25) {
            // A key added while the loop runs: the next step raises `RuntimeError` (§6.7).
            self.count("for.object_key_added");
            let Expr::Var(o) = &iter else { unreachable!() };
            let key = Expr::Str(self.rng.pick(&["extra", "more"]).to_string());
            let at = self.rng.below(body.len() + 1);
            body.insert(at, Stmt::SetIndex(Expr::Var(o.clone()), key, self.small_int(0, 9)));
        }
        Stmt::For { guard, limit, var, iter, body }
    }

    fn handler_body(&mut self, var: &Option<String>, d: u32) -> Vec<Stmt> {
        let mut h = Vec::new();
        if let Some(e) = var {
            self.declare(e, &Ty::Err);
            let ev = || Box::new(Expr::Var(e.clone()));
            h.push(Stmt::Expr(Self::call(
                "print",
                vec![
                    Expr::Str("caught".into()),
                    Expr::Member(ev(), "type".into()),
                    Expr::Member(ev(), "code".into()),
                ],
            )));
            h.push(Stmt::If(
                vec![(
                    Self::bin(
                        BinOp::Eq,
                        Expr::Member(ev(), "type".into()),
                        Expr::Str("UserError".into()),
                    ),
                    vec![Stmt::Expr(Self::call(
                        "print",
                        vec![Expr::Member(ev(), "message".into())],
                    ))],
                )],
                None,
            ));
        }
        let k = self.rng.below(3);
        h.extend(self.block(k, d - 1));
        h
    }

    fn try_stmt(&mut self, d: u32) -> Stmt {
        self.count("stmt.try");
        let len = self.scope().vars.len();
        let k = 1 + self.rng.below(4);
        let mut body = self.stmts(k, d - 1);
        if self.rng.chance(30) {
            self.count("stmt.throw");
            let t = self.throw();
            let at = self.rng.below(body.len() + 1);
            body.insert(at, t);
        }
        self.scope().vars.truncate(len);
        let handler = if self.rng.chance(75) {
            self.count("try.except");
            let var = if self.rng.chance(75) { Some(self.fresh(&Ty::Err)) } else { None };
            let h = self.handler_body(&var, d);
            self.scope().vars.truncate(len);
            Some((var, h))
        } else {
            None
        };
        let finally = if self.rng.chance(45) || handler.is_none() && self.rng.chance(70) {
            self.count("try.finally");
            self.in_finally += 1;
            let mut f = Vec::new();
            if self.rng.chance(25) && self.budget > 0 && !self.avoid_in_finally() {
                self.count("finally.nested_function");
                f.extend(self.func_def(d.min(2)));
            }
            let k = self.rng.below(3);
            f.extend(self.block(k, d - 1));
            let (ret, loops) = {
                let s = self.scopes.last().expect("scope");
                (s.ret.clone(), s.loops)
            };
            let arrow_ret = matches!(ret, Some(Ty::Func(..))) && self.config.avoid_known_defects;
            if let (Some(r), true, false) = (ret, self.rng.chance(15), arrow_ret) {
                self.count("finally.return");
                f.push(Stmt::Return(Some(self.expr(&r, 1))));
            } else if loops > 0 && self.rng.chance(15) {
                self.count("finally.break_continue");
                f.push(if self.rng.chance(50) { Stmt::Break } else { Stmt::Continue });
            }
            self.scope().vars.truncate(len);
            self.in_finally -= 1;
            Some(f)
        } else {
            None
        };
        Stmt::Try { body, handler, finally }
    }

    fn throw(&mut self) -> Stmt {
        let mut fields = Vec::new();
        match self.rng.below(4) {
            0 => {}
            1 => fields.push(("message".to_owned(), self.expr(&Ty::Str, 1))),
            2 => {
                fields.push(("message".to_owned(), self.expr(&Ty::Str, 1)));
                fields.push(("code".to_owned(), self.expr(&Ty::Int, 1)));
            }
            _ => fields.push(("code".to_owned(), self.expr(&Ty::Int, 1))),
        }
        Stmt::Throw(fields)
    }

    /// A named function definition followed by a use of it.
    fn func_def(&mut self, d: u32) -> Vec<Stmt> {
        self.count("stmt.function");
        let nparams = self.rng.below(4);
        let ptys: Vec<Ty> = (0..nparams)
            .map(|_| self.rng.pick(&[Ty::Int, Ty::Int, Ty::Str, Ty::ArrInt]).clone())
            .collect();
        let factory = self.rng.chance(15);
        let ret = if factory {
            self.count("closure.factory");
            Ty::Func(vec![], Box::new(self.rng.pick(&[Ty::Int, Ty::Str]).clone()))
        } else {
            self.rng.pick(&[Ty::Int, Ty::Int, Ty::Str, Ty::Bool, Ty::ArrInt, Ty::Float]).clone()
        };
        let name = self.fresh(&Ty::Func(vec![], Box::new(Ty::Int)));
        let params: Vec<String> = ptys.iter().map(|t| self.fresh(t)).collect();
        let (nonlocals, outer) = self.new_scope_parts(true, true);
        let no_calls = self.scopes.last().expect("scope").no_calls;
        if !nonlocals.is_empty() {
            self.count("function.nonlocal");
        }
        if self.scopes.len() > 1 {
            self.count("function.nested");
        }
        let mut scope = Scope {
            vars: params.iter().cloned().zip(ptys.iter().cloned()).collect(),
            outer,
            ret: Some(ret.clone()),
            loops: 0,
            repeat: true,
            mult: 1,
            work: 0,
            no_calls,
        };
        scope.vars.extend(nonlocals.iter().cloned());
        let saved_target = self.target.take();
        self.scopes.push(scope);
        let mut body = Vec::new();
        for (n, t) in &nonlocals {
            if let Some(s) = self.update_of(n, t) {
                body.push(s);
            }
        }
        let k = 1 + self.rng.below(4);
        body.extend(self.stmts(k, d.saturating_sub(1).max(1)));
        if self.rng.chance(40) {
            body.extend(self.newest_local_update());
        }
        body.push(Stmt::Return(Some(self.expr(&ret, 2))));
        let work = self.scopes.last().expect("scope").work + 10;
        self.scopes.pop();
        self.target = saved_target;
        self.weights.insert(name.clone(), work);
        let fty = Ty::Func(ptys.clone(), Box::new(ret.clone()));
        let def = Stmt::Func {
            name: name.clone(),
            params,
            nonlocals: nonlocals.into_iter().map(|(n, _)| n).collect(),
            body,
        };
        self.declare(&name, &fty);
        let mut out = vec![def];
        // Use it at once: `r = g(r, …)` when a variable of the result type exists.
        let cost = work.saturating_mul(self.scopes.last().expect("scope").mult);
        if self.scopes.last().expect("scope").work + cost > MAX_WORK {
            return out;
        }
        self.scope().work += cost;
        if let Ty::Func(_, inner) = &ret {
            let c = self.fresh(&ret);
            let args = ptys.iter().map(|t| self.expr(t, 1)).collect();
            out.push(Stmt::Assign(c.clone(), Expr::Call(Callee::Var(name), args)));
            let inner = (**inner).clone();
            self.declare(&c, &ret);
            self.weights.insert(c.clone(), 2);
            let call = || Expr::Call(Callee::Var(c.clone()), vec![]);
            out.push(Stmt::Expr(Self::call("print", vec![call(), call()])));
            let _ = inner;
            return out;
        }
        let targets = self.assignable(&ret);
        if !targets.is_empty() && self.rng.chance(60) {
            let t = self.rng.pick(&targets).clone();
            self.target = Some(t.clone());
            self.count("update.call_with_self");
            let args = ptys.iter().map(|p| self.expr(p, 1)).collect();
            self.target = None;
            let s = Stmt::Assign(t.clone(), Expr::Call(Callee::Var(name), args));
            out.push(self.guarded(&t, &ret, s));
        } else {
            let args = ptys.iter().map(|p| self.expr(p, 1)).collect();
            out.push(Stmt::Expr(Self::call("print", vec![Expr::Call(Callee::Var(name), args)])));
        }
        out
    }

    fn destructure(&mut self) -> Vec<Stmt> {
        if self.rng.chance(50) {
            self.count("destructure.array");
            let n = 1 + self.rng.below(3);
            let ty = self.rng.pick(&[Ty::Int, Ty::Str]).clone();
            let existing = self.assignable(&ty);
            let mut names = Vec::new();
            for _ in 0..n {
                let nm = if !existing.is_empty() && self.rng.chance(60) {
                    self.rng.pick(&existing).clone()
                } else {
                    self.fresh(&ty)
                };
                if !names.contains(&nm) {
                    names.push(nm);
                }
            }
            let src = match self.rng.below(4) {
                0 if ty == Ty::Int => {
                    // `[x, y] = [y, x]`: the swap.
                    self.count("destructure.array.swap");
                    let mut items: Vec<Expr> = names
                        .iter()
                        .map(|n| {
                            if self.assignable(&ty).contains(n) {
                                Expr::Var(n.clone())
                            } else {
                                self.expr(&ty, 0)
                            }
                        })
                        .collect();
                    items.reverse();
                    Expr::Array(items)
                }
                1 if self.rng.chance(30) => {
                    self.expr(if ty == Ty::Int { &Ty::ArrInt } else { &Ty::ArrStr }, 1)
                }
                2 if ty == Ty::Str => self.expr(&Ty::Str, 1),
                _ => Expr::Array(names.iter().map(|_| self.expr(&ty, 1)).collect()),
            };
            for n in &names {
                self.declare(n, &ty);
            }
            // `[s, t] = [f(s, t), g(t, s)]` in a loop grows like Fibonacci: guard the
            // names that already have values.
            let mut st = Stmt::DestrArray(names.clone(), src);
            for n in &names {
                if existing.contains(n) && growth_prone_any(&st) {
                    st = self.guarded(n, &ty, st);
                }
            }
            return vec![st];
        }
        // Object destructuring: the names are keys of the source's shape.
        if self.rng.chance(35) && !self.config.avoid_known_defects {
            return self.self_destructure();
        }
        let objs = self.visible_objects();
        if objs.is_empty() {
            return vec![];
        }
        let o = self.rng.pick(&objs).clone();
        let Some(Ty::Obj(si)) = self.type_of(&o) else { return vec![] };
        let mut names = Vec::new();
        let mut tys = Vec::new();
        for (k, t) in self.shapes[si].clone() {
            if self.is_outer(&k) || matches!(t, Ty::Func(..)) || !self.rng.chance(70) {
                continue;
            }
            names.push(k);
            tys.push(t);
        }
        if names.is_empty() {
            return vec![];
        }
        self.count("destructure.object");
        for (n, t) in names.iter().zip(&tys) {
            self.declare(n, t);
        }
        vec![Stmt::DestrObject(names, Expr::Var(o))]
    }

    /// A new variable updated at once by a call that reads it, as the last assignment of
    /// its function: its register is then the highest-numbered one (known defect 1).
    fn newest_local_update(&mut self) -> Vec<Stmt> {
        self.count("update.newest_local");
        let ty = self.rng.pick(&[Ty::Int, Ty::Str, Ty::ArrInt]).clone();
        let name = self.fresh(&ty);
        let e = self.expr(&ty, 1);
        self.declare(&name, &ty);
        self.target = Some(name.clone());
        let v = Expr::Var(name.clone());
        let rhs = match ty {
            Ty::Int => match self.rng.below(3) {
                0 => Self::call("abs", vec![Self::bin(BinOp::Sub, v, self.small_int(0, 20))]),
                1 => {
                    let s = self.expr(&Ty::Str, 1);
                    Self::method(
                        s,
                        "find",
                        vec![self.str_lit(), Self::bin(BinOp::Add, v, Expr::Num("1".into()))],
                    )
                }
                _ => Self::call("max", vec![v, self.expr(&Ty::Int, 1)]),
            },
            Ty::Str => {
                if self.rng.chance(50) {
                    Self::method(
                        Expr::Str("-".into()),
                        "join",
                        vec![Expr::Array(vec![v.clone(), v])],
                    )
                } else {
                    Self::method(v, "replace", vec![self.str_lit(), self.str_lit()])
                }
            }
            _ => Self::call("sorted", vec![Self::bin(BinOp::Add, v, self.expr(&Ty::ArrInt, 1))]),
        };
        self.target = None;
        let upd = self.guarded(&name, &ty, Stmt::Assign(name.clone(), rhs));
        vec![
            Stmt::Assign(name.clone(), e),
            upd,
            Stmt::Expr(Self::call("print", vec![Expr::Var(name)])),
        ]
    }

    /// `d = {d: …, x: …}; {d, x} = d;`: the source is one of the names it binds.
    fn self_destructure(&mut self) -> Vec<Stmt> {
        let ds = self.assignable(&Ty::Dyn);
        let d = if !ds.is_empty() && self.rng.chance(50) {
            self.rng.pick(&ds).clone()
        } else {
            self.fresh(&Ty::Dyn)
        };
        if self.is_outer(&d) {
            return vec![];
        }
        let xs = self.assignable(&Ty::Int);
        let x = if !xs.is_empty() && self.rng.chance(50) {
            self.rng.pick(&xs).clone()
        } else {
            self.fresh(&Ty::Int)
        };
        let inner = self.expr(&Ty::Dyn, 1);
        let xv = self.expr(&Ty::Int, 1);
        self.count("destructure.object.self_source");
        let first_d = self.rng.chance(50);
        let names = if first_d { vec![d.clone(), x.clone()] } else { vec![x.clone(), d.clone()] };
        let entries = if first_d {
            vec![(d.clone(), inner), (x.clone(), xv)]
        } else {
            vec![(x.clone(), xv), (d.clone(), inner)]
        };
        self.declare(&d, &Ty::Dyn);
        self.declare(&x, &Ty::Int);
        vec![
            Stmt::Assign(d.clone(), Expr::Object(entries)),
            Stmt::DestrObject(names, Expr::Var(d.clone())),
            Stmt::Expr(Self::call("print", vec![Expr::Var(d), Expr::Var(x)])),
        ]
    }

    /// Reading a captured local before it has a value, inside `try` (defect 5's shape).
    fn early_captured_read(&mut self) -> Vec<Stmt> {
        self.count("template.captured_read_before_assign");
        let f = self.fresh(&Ty::Func(vec![], Box::new(Ty::Int)));
        let x = self.fresh(&Ty::Int);
        let g = self.fresh(&Ty::Func(vec![], Box::new(Ty::Int)));
        let e = self.fresh(&Ty::Err);
        let body = vec![
            Stmt::Expr(Self::call("print", vec![Expr::Var(x.clone())])),
            Stmt::Assign(x.clone(), Expr::Num("1".into())),
            Stmt::Assign(g.clone(), Expr::Arrow(vec![], Box::new(ArrowBody::Expr(Expr::Var(x))))),
            Stmt::Return(Some(Expr::Num("0".into()))),
        ];
        vec![
            Stmt::Func { name: f.clone(), params: vec![], nonlocals: vec![], body },
            Stmt::Try {
                body: vec![Stmt::Expr(Expr::Call(Callee::Var(f), vec![]))],
                handler: Some((
                    Some(e.clone()),
                    vec![Stmt::Expr(Self::call(
                        "print",
                        vec![Expr::Member(Box::new(Expr::Var(e)), "type".into())],
                    ))],
                )),
                finally: None,
            },
        ]
    }

    fn stmt(&mut self, d: u32) -> Vec<Stmt> {
        let (loops, in_fn, returns_function, no_calls) = {
            let s = self.scopes.last().expect("scope");
            (s.loops, s.ret.is_some(), matches!(s.ret, Some(Ty::Func(..))), s.no_calls)
        };
        let deep = d > 0;
        let w = [
            24,                                                                          // 0 assign
            12,                                                                          // 1 print
            7,                                                    // 2 array mutation
            7,                                                    // 3 set item / member
            if deep { 8 } else { 0 },                             // 4 if
            if deep { 3 } else { 0 },                             // 5 while
            if deep { 5 } else { 0 },                             // 6 for
            if deep { 8 } else { 0 },                             // 7 try
            if deep && !self.avoid_in_finally() { 5 } else { 0 }, // 8 function
            5,                                                    // 9 destructuring
            2,                                                    // 10 throw
            if loops > 0 { 3 } else { 0 },                        // 11 break / continue
            if in_fn && !(self.avoid_in_finally() && returns_function) { 2 } else { 0 }, // 12 return
            if deep && !self.config.avoid_known_defects { 1 } else { 0 }, // 13 captured read before assignment
            3, // 14 expression statement: a call
            4, // 15 slice assignment
            if deep && !no_calls && self.budget > 0 { 3 } else { 0 }, // 16 recursive functions
            if !no_calls { 2 } else { 0 }, // 17 self-recursive arrow
            if deep { 2 } else { 0 }, // 18 an iterator consumed in steps
        ];
        match self.rng.weighted(&w) {
            0 => self.assign(),
            1 => vec![self.print()],
            2 => self.array_mutation().into_iter().collect(),
            3 => self.set_item().into_iter().collect(),
            4 => vec![self.if_stmt(d)],
            5 => vec![self.while_stmt(d)],
            6 => vec![self.for_stmt(d)],
            7 => vec![self.try_stmt(d)],
            8 => self.func_def(d),
            9 => self.destructure(),
            10 => {
                self.count("stmt.throw");
                let c = self.expr(&Ty::Bool, 1);
                let t = self.throw();
                vec![Stmt::If(vec![(c, vec![t])], None)]
            }
            11 => {
                let c = self.expr(&Ty::Bool, 1);
                let j = if self.rng.chance(50) { Stmt::Break } else { Stmt::Continue };
                vec![Stmt::If(vec![(c, vec![j])], None)]
            }
            12 => {
                self.count("stmt.return_early");
                let r = self.scopes.last().expect("scope").ret.clone().expect("in a function");
                let c = self.expr(&Ty::Bool, 1);
                let v = self.expr(&r, 1);
                vec![Stmt::If(vec![(c, vec![Stmt::Return(Some(v))])], None)]
            }
            13 => self.early_captured_read(),
            15 => self.set_slice().into_iter().collect(),
            16 => self.rec_def(d),
            17 => self.rec_arrow(),
            18 => self.iterator_steps(d),
            _ => {
                let t = self.rng.pick(&[Ty::Int, Ty::Str, Ty::Bool]).clone();
                match self.user_call(&t, 1) {
                    Some(c) => vec![Stmt::Expr(c)],
                    None => vec![self.print()],
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------
    // Constructs beyond the first generator: standard modules, more methods and builtins,
    // slice assignment, recursion.

    fn module(m: &'static str, name: &'static str, args: Vec<Expr>) -> Expr {
        Expr::Call(Callee::Module(m, name), args)
    }

    /// A callback for a library function: an arrow of the given type.
    fn callback(&mut self, params: &[Ty], ret: &Ty) -> Expr {
        self.count("stdlib.callback");
        // A callback that changes the array being walked leaves the result unspecified.
        self.in_callback += 1;
        let a = self.arrow(params, ret, 1);
        self.in_callback -= 1;
        a
    }

    /// Expressions the typed generators above do not produce; `None` when the chosen
    /// shape does not fit.
    fn extra_expr(&mut self, ty: &Ty, d: u32) -> Option<Expr> {
        let (i, f, s) = (Ty::Int, Ty::Float, Ty::Str);
        Some(match ty {
            Ty::Int => match self.rng.below(13) {
                12 => {
                    // The member is looked up before the argument prints (§5.11).
                    self.count("call.missing_member_before_arguments");
                    let objs = self.visible_objects();
                    let (recv, name) = match self.rng.below(3) {
                        0 if !objs.is_empty() => (Expr::Var(self.rng.pick(&objs).clone()), "nokey"),
                        1 => (self.expr(&s, 0), *self.rng.pick(&["append", "nosuch"])),
                        _ => (self.expr(&i, 0), "nosuch"),
                    };
                    let arg = Self::call("print", vec![Expr::Str("argument".into())]);
                    Self::method(recv, name, vec![arg])
                }
                0 => {
                    self.count("method.str.index_range");
                    let m = *self.rng.pick(&["index", "rindex", "find", "rfind", "count"]);
                    let mut args = vec![self.expr(&s, d)];
                    if self.rng.chance(70) {
                        args.push(self.small_int(-4, 5));
                        if self.rng.chance(60) {
                            args.push(self.small_int(-3, 8));
                        }
                    }
                    Self::method(self.expr(&s, d), m, args)
                }
                1 => {
                    self.count("builtin.min_max_array");
                    let m = if self.rng.chance(50) { "min" } else { "max" };
                    Self::call(m, vec![self.expr(&Ty::ArrInt, d)])
                }
                2 => {
                    self.count("stdlib.math.int");
                    let m = *self.rng.pick(&["floor", "ceil", "round"]);
                    Self::module("math", m, vec![self.expr(&f, d)])
                }
                3 => {
                    self.count("stdlib.math.int");
                    match self.rng.below(5) {
                        0 => Self::module("math", "sign", vec![self.expr(&f, d)]),
                        1 => Self::module("math", "abs", vec![self.expr(&i, d)]),
                        2 => Self::module("math", "factorial", vec![self.small_int(-2, 25)]),
                        3 => {
                            let m = if self.rng.chance(50) { "gcd" } else { "lcm" };
                            Self::module("math", m, vec![self.expr(&i, d), self.expr(&i, d)])
                        }
                        _ => {
                            let m = if self.rng.chance(50) { "min" } else { "max" };
                            Self::module("math", m, vec![self.expr(&i, d), self.expr(&i, d)])
                        }
                    }
                }
                4 => {
                    self.count("stdlib.math.pow");
                    Self::module(
                        "math",
                        "pow",
                        vec![self.small_int(-12, 12), self.small_int(-2, 40)],
                    )
                }
                5 => {
                    self.count("stdlib.collections.reduce");
                    let a = self.expr(&Ty::ArrInt, d);
                    let cb = self.callback(&[Ty::Int, Ty::Int], &i);
                    if self.rng.chance(50) {
                        let init = self.expr(&i, d);
                        Self::module("collections", "reduce", vec![a, cb, init])
                    } else {
                        Self::module("functional", "reduce", vec![cb, a])
                    }
                }
                6 => {
                    self.count("stdlib.collections.int");
                    let a = self.expr(&Ty::ArrInt, d);
                    match self.rng.below(3) {
                        0 => Self::module("collections", "indexOf", vec![a, self.expr(&i, d)]),
                        1 => Self::module("collections", "length", vec![a]),
                        _ => {
                            let g = *self.rng.pick(&["get", "first", "last"]);
                            let mut args = vec![a];
                            if g == "get" {
                                args.push(self.small_int(-4, 5));
                            }
                            // `get` and friends give null on an empty array: `|| 0`.
                            Expr::Or(
                                Box::new(Self::module("collections", g, args)),
                                Box::new(Expr::Num("0".into())),
                            )
                        }
                    }
                }
                7 => {
                    self.count("expr.recursive_call");
                    return self.user_call(&i, d);
                }
                8 => {
                    self.count("builtin.len_object");
                    let o = self.visible_objects();
                    if o.is_empty() {
                        return None;
                    }
                    let o = self.rng.pick(&o).clone();
                    Self::call("len", vec![Expr::Var(o)])
                }
                9 => {
                    self.count("int.big_product");
                    Self::bin(BinOp::Mul, self.int_lit(), self.int_lit())
                }
                10 => {
                    self.count("builtin.int_of_string");
                    let t = if self.rng.chance(50) {
                        Self::call("str", vec![self.expr(&i, d)])
                    } else {
                        Expr::Str(
                            self.rng
                                .pick(&[
                                    " -12 ",
                                    "1_000",
                                    "1__0",
                                    "3.99",
                                    "-1e2",
                                    "inf",
                                    "nan",
                                    "+5",
                                    "0x10",
                                    "12345678901234567890123",
                                    "-0",
                                    "1e400",
                                    "_1",
                                    "",
                                    "2.5e1",
                                    "\t7\n",
                                ])
                                .to_string(),
                        )
                    };
                    Self::call("int", vec![t])
                }
                _ => {
                    self.count("stdlib.json.roundtrip");
                    let v = Self::module("json", "stringify", vec![self.expr(&i, d)]);
                    Self::module("json", "parse", vec![v])
                }
            },
            Ty::Float => match self.rng.below(4) {
                0 => {
                    self.count("stdlib.math.float");
                    Self::module("math", "sqrt", vec![self.expr(&f, d)])
                }
                1 => {
                    self.count("stdlib.math.pow");
                    let b = self.rng.pick(&["2.5", "-2.0", "0.5", "10.0", "-1.5", "0.0"]);
                    let e = self.rng.pick(&["2", "-1", "0.5", "3.0", "400", "-0.5", "7"]);
                    Self::module(
                        "math",
                        "pow",
                        vec![Expr::Num(b.to_string()), Expr::Num(e.to_string())],
                    )
                }
                2 => {
                    self.count("float.text_forms");
                    let t = *self.rng.pick(&[
                        "1e22",
                        "1e21",
                        "123456789012345678.0",
                        "0.00001",
                        "1e-7",
                        "5e-324",
                        "1.7976931348623157e308",
                        "1e400",
                        "0.1",
                        "9007199254740993.0",
                        "4.35",
                        "1e15",
                        "999999999999999.9",
                        "0.000123",
                    ]);
                    let x = Expr::Num(t.to_string());
                    if self.rng.chance(50) {
                        Self::bin(
                            *self.rng.pick(&[BinOp::Mul, BinOp::Div, BinOp::Add]),
                            x,
                            self.expr(&f, d),
                        )
                    } else {
                        x
                    }
                }
                _ => {
                    self.count("builtin.float_of_string");
                    let t = self.rng.pick(&[
                        "Infinity",
                        "+1_0.5",
                        "1__0",
                        "-.5e-3",
                        "1e400",
                        "0.1e-400",
                        " ",
                        "12345678901234567890",
                        " 1_000.5 ",
                        "-inf",
                        "1e3",
                        "2.5E-3",
                        ".5",
                        "5.",
                        "nan",
                        "x1",
                    ]);
                    Self::call("float", vec![Expr::Str(t.to_string())])
                }
            },
            Ty::Str => match self.rng.below(7) {
                0 => {
                    self.count("builtin.hex_bin_oct");
                    let m = *self.rng.pick(&["hex", "bin", "oct"]);
                    Self::call(m, vec![self.expr(&i, d)])
                }
                1 => {
                    self.count("method.str.strip_chars");
                    let m = *self.rng.pick(&["strip", "lstrip", "rstrip"]);
                    let c = Expr::Str(self.rng.pick(&["ab", "-", " a", "é", "x\n"]).to_string());
                    Self::method(self.expr(&s, d), m, vec![c])
                }
                2 => {
                    self.count("stdlib.json.stringify");
                    let t = self.printable_ty();
                    Self::module("json", "stringify", vec![self.expr(&t, d)])
                }
                3 => {
                    self.count("builtin.format");
                    let t = self.rng.pick(&[Ty::Int, Ty::Float, Ty::Float, Ty::Str]).clone();
                    let spec = *self.rng.pick(&[
                        ".2f", "05d", "x", "#X", ">6", "^7", "<5", "+d", " d", ",", "_b", ".3",
                        ".0f", "e", ".3e", "g", ".2%", "=+8", "*^9", ",.2f", "08.3f", "s", ".2s",
                        "", "#o", "10.4g", "-^5", ".1", "G", "E", "_", "+.1e",
                    ]);
                    Self::call("format", vec![self.expr(&t, d), Expr::Str(spec.into())])
                }
                4 => {
                    self.count("method.str.split_join_max");
                    let m = if self.rng.chance(50) { "split" } else { "rsplit" };
                    let sep = if self.rng.chance(30) {
                        Expr::Null
                    } else {
                        Expr::Str(self.rng.pick(&["-", ",", "a", " "]).to_string())
                    };
                    let parts = Self::method(self.expr(&s, d), m, vec![sep, self.small_int(-1, 3)]);
                    Self::method(Expr::Str("|".into()), "join", vec![parts])
                }
                5 => {
                    self.count("builtin.str_of_container");
                    let t = self.rng.pick(&[Ty::ArrAny, Ty::Dyn]).clone();
                    Self::call("str", vec![self.expr(&t, d)])
                }
                _ => {
                    self.count("expr.recursive_call");
                    return self.user_call(&s, d);
                }
            },
            Ty::Bool => match self.rng.below(6) {
                0 => {
                    self.count("method.str.predicates2");
                    let m = *self.rng.pick(&["isalnum", "istitle", "isdigit", "isupper"]);
                    Self::method(self.expr(&s, d), m, vec![])
                }
                1 => {
                    self.count("stdlib.collections.bool");
                    let a = self.expr(&Ty::ArrInt, d);
                    if self.rng.chance(40) {
                        Self::module("collections", "contains", vec![a, self.expr(&i, d)])
                    } else {
                        let m = *self.rng.pick(&["every", "some"]);
                        let cb = self.callback(&[Ty::Int], &Ty::Bool);
                        if self.rng.chance(50) {
                            Self::module("collections", m, vec![a, cb])
                        } else {
                            Self::module("functional", m, vec![cb, a])
                        }
                    }
                }
                2 => {
                    self.count("builtin.all_any");
                    let m = if self.rng.chance(50) { "all" } else { "any" };
                    let t = self.rng.pick(&[Ty::ArrInt, Ty::ArrStr, Ty::ArrAny, Ty::Str]).clone();
                    Self::call(m, vec![self.expr(&t, d)])
                }
                3 => {
                    self.count("cmp.containers");
                    let t = self.rng.pick(&[Ty::ArrAny, Ty::ArrStr, Ty::Dyn]).clone();
                    let op = *self.rng.pick(&[BinOp::Eq, BinOp::Ne, BinOp::Lt, BinOp::Ge]);
                    Self::bin(op, self.expr(&t, d), self.expr(&t, d))
                }
                4 => {
                    self.count("builtin.callable");
                    let t = self.printable_ty();
                    Self::call("callable", vec![self.expr(&t, d)])
                }
                _ => {
                    self.count("expr.recursive_call");
                    return self.user_call(&Ty::Bool, d);
                }
            },
            Ty::ArrInt => match self.rng.below(7) {
                0 => {
                    self.count("stdlib.collections.array");
                    let a = self.expr(&Ty::ArrInt, d);
                    match self.rng.below(8) {
                        0 => {
                            let cb = self.callback(&[Ty::Int], &i);
                            Self::module("collections", "map", vec![a, cb])
                        }
                        1 => {
                            let cb = self.callback(&[Ty::Int], &Ty::Bool);
                            Self::module("collections", "filter", vec![a, cb])
                        }
                        2 => {
                            let cb = self.callback(&[Ty::Int], &i);
                            let mut args = vec![a, cb];
                            if self.rng.chance(40) {
                                args.push(Expr::Bool(true));
                            }
                            Self::module("collections", "sortBy", args)
                        }
                        3 => Self::module("collections", "unique", vec![a]),
                        4 => {
                            let m = *self.rng.pick(&["take", "drop", "removeAt"]);
                            Self::module("collections", m, vec![a, self.small_int(-2, 5)])
                        }
                        5 => Self::module("collections", "reverse", vec![a]),
                        6 => {
                            let m = *self.rng.pick(&["append", "prepend"]);
                            Self::module("collections", m, vec![a, self.expr(&i, d)])
                        }
                        _ => {
                            let mut args = vec![a];
                            if self.rng.chance(40) {
                                args.push(Expr::Bool(true));
                            }
                            Self::module("collections", "sort", args)
                        }
                    }
                }
                1 => {
                    self.count("stdlib.functional.array");
                    let a = self.expr(&Ty::ArrInt, d);
                    match self.rng.below(7) {
                        0 => {
                            let cb = self.callback(&[Ty::Int], &i);
                            Self::module("functional", "map", vec![cb, a])
                        }
                        1 => {
                            let cb = self.callback(&[Ty::Int], &Ty::Bool);
                            let m = *self.rng.pick(&["filter", "takeWhile"]);
                            Self::module("functional", m, vec![cb, a])
                        }
                        2 => {
                            let cb = self.callback(&[Ty::Int], &i);
                            Self::module("functional", "times", vec![self.small_int(0, 6), cb])
                        }
                        3 => {
                            let cb = self.callback(&[Ty::Int, Ty::Int], &i);
                            let b = self.expr(&Ty::ArrInt, d);
                            Self::module("functional", "zipWith", vec![cb, a, b])
                        }
                        4 => {
                            let m = *self.rng.pick(&["take", "drop"]);
                            Self::module("functional", m, vec![self.small_int(0, 5), a])
                        }
                        5 => Self::module("functional", "unique", vec![a]),
                        _ => {
                            let mut args = vec![self.small_int(-5, 5), self.small_int(-5, 9)];
                            if self.rng.chance(50) {
                                args.push(Expr::Num(
                                    self.rng.pick(&["2", "-1", "-2", "3"]).to_string(),
                                ));
                            }
                            Self::module("functional", "range", args)
                        }
                    }
                }
                2 => {
                    self.count("expr.recursive_call");
                    return self.user_call(&Ty::ArrInt, d);
                }
                3 => {
                    self.count("expr.slice.wide");
                    let a = self.expr(&Ty::ArrInt, d);
                    let b = |g: &mut Gen| {
                        if g.rng.chance(50) {
                            Some(Box::new(g.expr(&Ty::Int, 0)))
                        } else {
                            None
                        }
                    };
                    let (lo, hi) = (b(self), b(self));
                    let st = Some(Box::new(self.small_int(-4, 4)));
                    Expr::Slice(Box::new(a), lo, hi, st)
                }
                _ => return None,
            },
            Ty::ArrStr => match self.rng.below(3) {
                0 => {
                    self.count("method.str.split_max");
                    let m = if self.rng.chance(50) { "split" } else { "rsplit" };
                    let sep = if self.rng.chance(30) {
                        Expr::Null
                    } else {
                        Expr::Str(self.rng.pick(&["-", ",", "a", " ", "ab"]).to_string())
                    };
                    Self::method(self.expr(&s, d), m, vec![sep, self.small_int(-1, 3)])
                }
                1 => {
                    self.count("builtin.sorted_string_reverse");
                    Self::call("sorted", vec![self.expr(&s, d), Expr::Bool(true)])
                }
                _ => return None,
            },
            Ty::ArrAny => match self.rng.below(4) {
                0 => {
                    self.count("stdlib.collections.chunk_zip");
                    let a = self.expr(&Ty::ArrInt, d);
                    if self.rng.chance(50) {
                        Self::module("collections", "chunk", vec![a, self.small_int(-1, 4)])
                    } else {
                        Self::module("collections", "zip", vec![a, self.expr(&Ty::ArrStr, d)])
                    }
                }
                1 => {
                    self.count("stdlib.functional.partition");
                    let cb = self.callback(&[Ty::Int], &Ty::Bool);
                    Self::module("functional", "partition", vec![cb, self.expr(&Ty::ArrInt, d)])
                }
                2 => {
                    self.count("builtin.enumerate_start");
                    Self::call("enumerate", vec![self.expr(&Ty::ArrStr, d), self.small_int(-3, 5)])
                }
                _ => {
                    self.count("stdlib.collections.flatten");
                    Self::module("collections", "flatten", vec![self.expr(&Ty::ArrAny, d)])
                }
            },
            Ty::Dyn => match self.rng.below(3) {
                0 => {
                    self.count("stdlib.functional.groupBy");
                    let cb = self.callback(&[Ty::Int], &i);
                    Self::module("functional", "groupBy", vec![cb, self.expr(&Ty::ArrInt, d)])
                }
                1 => {
                    self.count("stdlib.json.roundtrip");
                    let t = self.printable_ty();
                    let v = Self::module("json", "stringify", vec![self.expr(&t, d)]);
                    Self::module("json", "parse", vec![v])
                }
                _ => {
                    self.count("stdlib.collections.find");
                    let cb = self.callback(&[Ty::Int], &Ty::Bool);
                    Self::module("collections", "find", vec![self.expr(&Ty::ArrInt, d), cb])
                }
            },
            _ => return None,
        })
    }

    /// `it = iter(v);`, then `next`, a `for` loop and destructuring take its items in
    /// turn (the iterator variable is not given to the rest of the program).
    fn iterator_steps(&mut self, d: u32) -> Vec<Stmt> {
        self.count("builtin.iter_next");
        let (src_ty, elem) = match self.rng.below(3) {
            0 => (Ty::ArrInt, Ty::Int),
            1 => (Ty::Str, Ty::Str),
            _ => (Ty::ArrStr, Ty::Str),
        };
        let it = self.fresh(&Ty::Dyn);
        let src = self.expr(&src_ty, 1);
        let itv = || Expr::Var(it.clone());
        let mut out = vec![Stmt::Assign(it.clone(), Self::call("iter", vec![src]))];
        if self.rng.chance(30) {
            out.push(Stmt::Assign(it.clone(), Self::call("iter", vec![itv()])));
        }
        let next_default = |g: &mut Gen| {
            let dflt = if g.rng.chance(20) { Expr::Null } else { g.leaf(&elem) };
            Self::call("next", vec![itv(), dflt])
        };
        let n = next_default(self);
        out.push(Stmt::Expr(Self::call("print", vec![n])));
        if self.rng.chance(50) {
            let var = self.fresh(&elem);
            let guard = self.guard_name();
            let limit = 2 + self.rng.below(4) as u32;
            let v2 = var.clone();
            let e2 = elem.clone();
            let body = self.loop_body(limit, d, move |g| g.declare(&v2, &e2));
            self.count("for.iterator");
            out.push(Stmt::For { guard, limit, var, iter: itv(), body });
        }
        if self.rng.chance(30) {
            self.count("destructure.iterator");
            let names: Vec<String> =
                (0..1 + self.rng.below(2)).map(|_| self.fresh(&elem)).collect();
            out.push(Stmt::DestrArray(names, itv()));
        }
        let last = match self.rng.below(4) {
            0 => Self::call("next", vec![itv()]),
            1 => Self::module(
                "functional",
                "map",
                vec![self.callback(std::slice::from_ref(&elem), &elem), itv()],
            ),
            2 => Self::call("sorted", vec![itv()]),
            _ => next_default(self),
        };
        let shown = vec![
            last,
            Self::call("typeof", vec![itv()]),
            Self::call("isinstance", vec![itv(), Expr::Str("Iterator".into())]),
            Self::call("str", vec![itv()]),
        ];
        out.push(Stmt::Expr(Self::call("print", shown)));
        out
    }

    /// `a[lo:hi] = v;` or `a[lo:hi:step] = v;`.
    fn set_slice(&mut self) -> Option<Stmt> {
        let ty = self.rng.pick(&[Ty::ArrInt, Ty::ArrStr, Ty::ArrAny]).clone();
        let vs = self.visible(&ty);
        if vs.is_empty() {
            return None;
        }
        let a = self.rng.pick(&vs).clone();
        let b = |g: &mut Gen| if g.rng.chance(70) { Some(g.small_int(-5, 6)) } else { None };
        let (lo, hi) = (b(self), b(self));
        let st = if self.rng.chance(65) {
            None
        } else if self.rng.chance(5) {
            Some(Expr::Num("0".into()))
        } else {
            Some(Expr::Num(self.rng.pick(&["1", "-1", "-1", "2", "-2", "3"]).to_string()))
        };
        let src_ty = match ty {
            Ty::ArrStr if self.rng.chance(30) => Ty::Str,
            _ => ty.clone(),
        };
        self.target = Some(a.clone());
        let v = if st.is_some() && self.rng.chance(60) {
            // As many items as the positions selected: `a[::2] = reversed(a[::2]);`.
            let sel = Expr::Slice(
                Box::new(Expr::Var(a.clone())),
                lo.clone().map(Box::new),
                hi.clone().map(Box::new),
                st.clone().map(Box::new),
            );
            Self::call("reversed", vec![sel])
        } else {
            self.expr(&src_ty, 2)
        };
        self.target = None;
        self.count(if st.is_some() { "assign.slice_step" } else { "assign.slice" });
        let s = Stmt::SetSlice(Expr::Var(a.clone()), lo, hi, st, v);
        Some(self.guarded(&a, &ty, s))
    }

    /// A recursive named function, or two mutually recursive ones: the first parameter is
    /// a depth that ends the recursion outside `1..=LIMIT`, so any int argument terminates.
    fn rec_def(&mut self, d: u32) -> Vec<Stmt> {
        let mutual = self.rng.chance(35);
        let tree = !mutual && self.rng.chance(25);
        let limit: u64 = if tree { 4 } else { 7 };
        self.count(if mutual {
            "function.mutual_recursion"
        } else if tree {
            "function.tree_recursion"
        } else {
            "function.recursion"
        });
        let nextra = self.rng.below(3);
        let ptys: Vec<Ty> =
            (0..nextra).map(|_| self.rng.pick(&[Ty::Int, Ty::Str, Ty::ArrInt]).clone()).collect();
        let ret =
            self.rng.pick(&[Ty::Int, Ty::Int, Ty::Str, Ty::ArrInt, Ty::Bool, Ty::Float]).clone();
        let fty = Ty::Func([vec![Ty::Int], ptys.clone()].concat(), Box::new(ret.clone()));
        let names: Vec<String> =
            (0..if mutual { 2 } else { 1 }).map(|_| self.fresh(&fty)).collect();
        let no_calls = self.scopes.last().expect("scope").no_calls;
        let mut out = Vec::new();
        let mut work = 0u64;
        for idx in 0..names.len() {
            let name = names[idx].clone();
            let callee = names[(idx + 1) % names.len()].clone();
            let n = self.fresh(&Ty::Int);
            let params: Vec<String> = ptys.iter().map(|t| self.fresh(t)).collect();
            let with_nonlocals = self.rng.chance(30);
            let (nonlocals, outer) = self.new_scope_parts(with_nonlocals, true);
            let mut scope = Scope {
                vars: params.iter().cloned().zip(ptys.iter().cloned()).collect(),
                outer,
                ret: Some(ret.clone()),
                loops: 0,
                repeat: true,
                mult: 1,
                work: 0,
                no_calls,
            };
            scope.vars.extend(nonlocals.iter().cloned());
            let saved_target = self.target.take();
            self.scopes.push(scope);
            let nv = || Expr::Var(n.clone());
            let stop = Expr::Or(
                Box::new(Self::bin(BinOp::Le, nv(), Expr::Num("0".into()))),
                Box::new(Self::bin(BinOp::Gt, nv(), Expr::Num(limit.to_string()))),
            );
            let base = self.expr(&ret, 1);
            let mut body = vec![Stmt::If(vec![(stop, vec![Stmt::Return(Some(base))])], None)];
            for (nl, t) in &nonlocals {
                if let Some(s) = self.update_of(nl, t) {
                    body.push(s);
                }
            }
            let k = self.rng.below(3);
            body.extend(self.stmts(k, d.saturating_sub(1).max(1)));
            let call = |g: &mut Gen| {
                let mut args = vec![Self::bin(BinOp::Sub, nv(), Expr::Num("1".into()))];
                args.extend(ptys.iter().map(|t| g.expr(t, 1)));
                Expr::Call(Callee::Var(callee.clone()), args)
            };
            let first = call(self);
            let rhs = if tree {
                let second = call(self);
                match ret {
                    Ty::Bool => Expr::Or(Box::new(first), Box::new(second)),
                    _ => Self::bin(BinOp::Add, first, second),
                }
            } else {
                first
            };
            // The call is guarded by the depth test too: the shrinker may delete the `if`.
            let stop = Expr::Or(
                Box::new(Self::bin(BinOp::Le, nv(), Expr::Num("0".into()))),
                Box::new(Self::bin(BinOp::Gt, nv(), Expr::Num(limit.to_string()))),
            );
            let rhs = Expr::Cond(Box::new(stop), Box::new(self.expr(&ret, 0)), Box::new(rhs));
            let v = self.fresh(&ret);
            let rec_stmt = Stmt::Assign(v.clone(), rhs);
            // The recursive call sometimes inside a `try`, whose handler sees the errors
            // of deeper levels.
            if self.rng.chance(25) {
                self.count("recursion.call_in_try");
                let e = self.fresh(&Ty::Err);
                let fallback = Stmt::Assign(v.clone(), self.expr(&ret, 1));
                let h = vec![
                    Stmt::Expr(Self::call(
                        "print",
                        vec![
                            Expr::Str("rec caught".into()),
                            Expr::Member(Box::new(Expr::Var(e.clone())), "type".into()),
                        ],
                    )),
                    fallback,
                ];
                let fin = if self.rng.chance(50) {
                    Some(vec![Stmt::Expr(Self::call(
                        "print",
                        vec![Expr::Str("rec finally".into()), nv()],
                    ))])
                } else {
                    None
                };
                body.push(Stmt::Try {
                    body: vec![rec_stmt],
                    handler: Some((Some(e), h)),
                    finally: fin,
                });
            } else {
                body.push(rec_stmt);
            }
            self.declare(&v, &ret);
            let k = self.rng.below(2);
            self.target = Some(v.clone());
            body.extend(self.stmts(k, 1));
            let vv = Expr::Var(v.clone());
            let result = if self.rng.chance(60) {
                let piece = self.expr(&ret, 1);
                match ret {
                    Ty::Int | Ty::ArrInt => Self::bin(BinOp::Add, vv, piece),
                    Ty::Str => Self::bin(BinOp::Add, piece, vv),
                    Ty::Float => Self::bin(
                        BinOp::Add,
                        Self::bin(BinOp::Mul, vv, Expr::Num("0.5".into())),
                        piece,
                    ),
                    _ => Expr::Cond(
                        Box::new(piece),
                        Box::new(Expr::Not(Box::new(vv.clone()))),
                        Box::new(vv),
                    ),
                }
            } else {
                self.expr(&ret, 2)
            };
            self.target = None;
            body.push(Stmt::Return(Some(result)));
            work = work.max(self.scopes.last().expect("scope").work + 10);
            self.scopes.pop();
            self.target = saved_target;
            out.push(Stmt::Func {
                name,
                params: [vec![n.clone()], params].concat(),
                nonlocals: nonlocals.into_iter().map(|(n, _)| n).collect(),
                body,
            });
        }
        let calls = if tree { 1u64 << (limit + 1) } else { limit + 1 };
        let weight = work.saturating_mul(calls);
        for n in &names {
            self.declare(n, &fty);
            self.weights.insert(n.clone(), weight);
        }
        let cost = weight.saturating_mul(self.scopes.last().expect("scope").mult);
        if self.scopes.last().expect("scope").work + cost > MAX_WORK {
            return out;
        }
        self.scope().work += cost;
        let depth =
            Expr::Num(self.rng.pick(&["0", "1", "2", "3", "5", "7", "9", "-1"]).to_string());
        let mut args = vec![depth];
        args.extend(ptys.iter().map(|t| self.expr(t, 1)));
        let f = self.rng.pick(&names).clone();
        out.push(Stmt::Expr(Self::call("print", vec![Expr::Call(Callee::Var(f), args)])));
        out
    }

    /// `g = fn(n) => n <= 0 || n > 6 ? BASE : … g(n - 1) …;`: an arrow that calls itself
    /// through the variable it is assigned to.
    fn rec_arrow(&mut self) -> Vec<Stmt> {
        self.count("closure.recursive_arrow");
        let ret = self.rng.pick(&[Ty::Int, Ty::Str, Ty::ArrInt, Ty::Bool, Ty::Float]).clone();
        let fty = Ty::Func(vec![Ty::Int], Box::new(ret.clone()));
        let g = self.fresh(&fty);
        let n = self.fresh(&Ty::Int);
        let (_, outer) = self.new_scope_parts(false, false);
        self.scopes.push(Scope {
            vars: Vec::new(),
            outer,
            ret: Some(ret.clone()),
            loops: 0,
            repeat: true,
            mult: 1,
            work: 0,
            no_calls: true,
        });
        let saved_target = self.target.take();
        let base = self.expr(&ret, 1);
        let piece = self.expr(&ret, 1);
        self.scopes.pop();
        self.target = saved_target;
        let nv = || Expr::Var(n.clone());
        let call = Expr::Call(
            Callee::Var(g.clone()),
            vec![Self::bin(BinOp::Sub, nv(), Expr::Num("1".into()))],
        );
        let step = match ret {
            Ty::Int | Ty::Str => Self::bin(BinOp::Add, piece, call),
            Ty::ArrInt => Self::bin(BinOp::Add, call, Expr::Array(vec![nv()])),
            Ty::Float => {
                Self::bin(BinOp::Add, Self::bin(BinOp::Mul, call, Expr::Num("0.5".into())), piece)
            }
            _ => Expr::Cond(
                Box::new(piece),
                Box::new(Expr::Not(Box::new(call.clone()))),
                Box::new(call),
            ),
        };
        let stop = Expr::Or(
            Box::new(Self::bin(BinOp::Le, nv(), Expr::Num("0".into()))),
            Box::new(Self::bin(BinOp::Gt, nv(), Expr::Num("6".into()))),
        );
        let body = Expr::Cond(Box::new(stop), Box::new(base), Box::new(step));
        let arrow = Expr::Arrow(vec![n.clone()], Box::new(ArrowBody::Expr(body)));
        self.declare(&g, &fty);
        self.weights.insert(g.clone(), 20);
        let mut out = vec![Stmt::Assign(g.clone(), arrow)];
        let s = self.scope();
        if s.work + 20 * s.mult <= MAX_WORK {
            s.work += 20 * s.mult;
            let k = Expr::Num(self.rng.pick(&["0", "1", "3", "6", "8"]).to_string());
            out.push(Stmt::Expr(Self::call("print", vec![Expr::Call(Callee::Var(g), vec![k])])));
        }
        out
    }

    /// A whole program.
    pub fn program(&mut self) -> Program {
        self.scopes.push(Scope {
            vars: Vec::new(),
            outer: Vec::new(),
            ret: None,
            loops: 0,
            repeat: false,
            mult: 1,
            work: 0,
            no_calls: false,
        });
        // Object shapes: keys are variable names, so object destructuring can bind them.
        let nshapes = 1 + self.rng.below(3);
        for _ in 0..nshapes {
            let nk = 1 + self.rng.below(4);
            let mut keys = Vec::new();
            for _ in 0..nk {
                let t = self
                    .rng
                    .pick(&[
                        Ty::Int,
                        Ty::Int,
                        Ty::Str,
                        Ty::Float,
                        Ty::Bool,
                        Ty::ArrInt,
                        Ty::ArrStr,
                        Ty::Func(vec![Ty::Int], Box::new(Ty::Int)),
                    ])
                    .clone();
                let k = self.fresh(&t);
                keys.push((k, t));
            }
            self.shapes.push(keys);
        }
        let mut prog = Vec::new();
        // A few variables of every kind to start with.
        let mut start = vec![
            Ty::Int,
            Ty::Int,
            Ty::Str,
            Ty::Str,
            Ty::Float,
            Ty::ArrInt,
            Ty::ArrStr,
            Ty::Bool,
            Ty::ArrAny,
            Ty::Dyn,
        ];
        for i in 0..self.shapes.len() {
            start.push(Ty::Obj(i));
        }
        for t in start {
            let n = self.fresh(&t);
            let e = self.expr(&t, 1);
            self.declare(&n, &t);
            prog.push(Stmt::Assign(n, e));
        }
        self.budget = 20 + self.rng.below(40) as i32;
        while self.budget > 0 {
            self.budget -= 1;
            let s = self.top_stmt();
            prog.extend(s);
        }
        if self.rng.chance(50) {
            prog.extend(self.newest_local_update());
        }
        // The final state of every top-level variable.
        let vars: Vec<Expr> = self.scopes[0]
            .vars
            .iter()
            .filter(|(_, t)| t.printable())
            .map(|(n, _)| Expr::Var(n.clone()))
            .collect();
        for chunk in vars.chunks(4) {
            prog.push(Stmt::Expr(Self::call("print", chunk.to_vec())));
        }
        prog
    }
}

/// Whether a destructuring source reads variables (a literal of literals cannot grow).
fn growth_prone_any(s: &Stmt) -> bool {
    match s {
        Stmt::DestrArray(_, src) => {
            !matches!(src, Expr::Array(items) if items.iter().all(|e| matches!(e, Expr::Num(_) | Expr::Str(_) | Expr::Var(_))))
        }
        _ => true,
    }
}

fn reads_var(e: &Expr, name: &str) -> bool {
    match e {
        Expr::Var(v) => v == name,
        Expr::Num(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Null | Expr::Arrow(..) => false,
        Expr::Array(items) | Expr::Call(_, items) => items.iter().any(|x| reads_var(x, name)),
        Expr::Object(items) => items.iter().any(|(_, x)| reads_var(x, name)),
        Expr::Neg(a) | Expr::Not(a) | Expr::Member(a, _) => reads_var(a, name),
        Expr::Bin(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) | Expr::Index(a, b) => {
            reads_var(a, name) || reads_var(b, name)
        }
        Expr::Cond(c, a, b) => reads_var(c, name) || reads_var(a, name) || reads_var(b, name),
        Expr::Slice(a, x, y, z) => {
            reads_var(a, name) || [x, y, z].into_iter().flatten().any(|p| reads_var(p, name))
        }
        Expr::Method(r, _, args) => reads_var(r, name) || args.iter().any(|x| reads_var(x, name)),
    }
}

/// Whether repeating `x = e` could grow `x` geometrically: `e` multiplies, or reads
/// sized variables more than once.
fn growth_prone(e: &Expr, g: &Gen) -> bool {
    fn walk(e: &Expr, g: &Gen, vars: &mut u32, mul: &mut bool) {
        match e {
            Expr::Var(v) => {
                if g.type_of(v).is_some_and(|t| t.sized() || matches!(t, Ty::Obj(_))) {
                    *vars += 1;
                }
            }
            Expr::Bin(op, a, b) => {
                if *op == BinOp::Mul {
                    *mul = true;
                }
                walk(a, g, vars, mul);
                walk(b, g, vars, mul);
            }
            // The literal form of a container escapes its strings again (`s = str([s])`
            // doubles the backslashes each time): growth without a product.
            Expr::Array(items) => {
                *mul = true;
                items.iter().for_each(|x| walk(x, g, vars, mul))
            }
            Expr::Object(items) => {
                *mul = true;
                items.iter().for_each(|(_, x)| walk(x, g, vars, mul))
            }
            Expr::Call(
                Callee::Builtin("str" | "repr") | Callee::Module("json", "stringify"),
                args,
            ) => {
                *mul = true;
                args.iter().for_each(|x| walk(x, g, vars, mul))
            }
            Expr::Neg(a) | Expr::Not(a) | Expr::Member(a, _) => walk(a, g, vars, mul),
            Expr::And(a, b) | Expr::Or(a, b) | Expr::Index(a, b) => {
                walk(a, g, vars, mul);
                walk(b, g, vars, mul);
            }
            Expr::Cond(c, a, b) => {
                walk(c, g, vars, mul);
                walk(a, g, vars, mul);
                walk(b, g, vars, mul);
            }
            Expr::Slice(a, x, y, z) => {
                walk(a, g, vars, mul);
                for p in [x, y, z].into_iter().flatten() {
                    walk(p, g, vars, mul);
                }
            }
            Expr::Call(_, args) => args.iter().for_each(|x| walk(x, g, vars, mul)),
            Expr::Method(r, _, args) => {
                walk(r, g, vars, mul);
                args.iter().for_each(|x| walk(x, g, vars, mul));
            }
            Expr::Num(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Null | Expr::Arrow(..) => {}
        }
    }
    let (mut vars, mut mul) = (0, false);
    walk(e, g, &mut vars, &mut mul);
    mul || vars >= 2
}

/// The program of `seed`, and what it contains.
pub fn generate(seed: u64, config: Config) -> (Program, Stats) {
    let mut g = Gen::new(seed, config);
    let p = g.program();
    (p, g.stats)
}
