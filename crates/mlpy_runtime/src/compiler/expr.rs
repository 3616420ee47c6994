//! Expressions: evaluation into a given register or a fresh one, operators, calls and
//! method calls (with the `len`/`append` fast paths), and conditions compiled as jumps.

use mlpy_syntax::ast::{BinaryOp, Expr, ExprKind, LogicalOp, UnaryOp};
use mlpy_syntax::Span;
use num_bigint::BigInt;

use super::*;
use crate::bytecode::{Instr, Reg};
use crate::methods::{known_method, KNOWN_ARRAY, KNOWN_STR};
use crate::value::Value;

impl Compiler<'_, '_> {
    /// Evaluates `e` into some register: a plain local's own register when possible.
    pub(super) fn expr_reg(&mut self, e: &Expr, assigned: &Assigned) -> Reg {
        if !self.options.fast_paths {
            let t = self.alloc_temp();
            self.expr_to(e, t, assigned);
            return t;
        }
        if let ExprKind::Name(id) = &e.kind {
            if let Some(r) = self.local_reg(&id.name) {
                if is_assigned(assigned, r) {
                    return r;
                }
            }
        }
        match &e.kind {
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } => {
                // A call leaves its result in its base register.
                self.call(e, assigned)
            }
            ExprKind::Binary { op, lhs, rhs, op_span } => {
                self.binary(*op, lhs, rhs, *op_span, None, assigned)
            }
            _ => {
                let t = self.alloc_temp();
                self.expr_to(e, t, assigned);
                t
            }
        }
    }

    /// `lhs OP rhs` into `dst`, or into a new temp that may reuse an operand's temp (the
    /// run loop reads the operands before it writes the result). Reusing keeps frames
    /// small: `f(a) + f(b)` needs one register less, and a return releases fewer.
    pub(super) fn binary(
        &mut self,
        op: BinaryOp,
        lhs: &Expr,
        rhs: &Expr,
        op_span: Span,
        dst: Option<Reg>,
        assigned: &Assigned,
    ) -> Reg {
        let mark = self.temps_mark();
        let a = self.expr_reg(lhs, assigned);
        let imm = match (op, &rhs.kind) {
            (BinaryOp::Add | BinaryOp::Sub, ExprKind::Int(i)) if self.options.fast_paths => {
                i16::try_from(*i).ok()
            }
            _ => None,
        };
        let b = match imm {
            Some(_) => 0,
            None => self.expr_reg(rhs, assigned),
        };
        self.free_temps(mark);
        let dst = match dst {
            Some(dst) => dst,
            None => self.alloc_temp(),
        };
        let instr = match (op, imm) {
            (BinaryOp::Add, Some(imm)) => Instr::AddInt { dst, a, imm },
            (BinaryOp::Sub, Some(imm)) => Instr::SubInt { dst, a, imm },
            (BinaryOp::Add, None) => Instr::Add { dst, a, b },
            (BinaryOp::Sub, None) => Instr::Sub { dst, a, b },
            (BinaryOp::Mul, _) => Instr::Mul { dst, a, b },
            (BinaryOp::Div, _) => Instr::Div { dst, a, b },
            (BinaryOp::FloorDiv, _) => Instr::FloorDiv { dst, a, b },
            (BinaryOp::Mod, _) => Instr::Mod { dst, a, b },
            (BinaryOp::Eq, _) => Instr::Eq { dst, a, b },
            (BinaryOp::Ne, _) => Instr::Ne { dst, a, b },
            (BinaryOp::Lt, _) => Instr::Lt { dst, a, b },
            (BinaryOp::Le, _) => Instr::Le { dst, a, b },
            (BinaryOp::Gt, _) => Instr::Gt { dst, a, b },
            (BinaryOp::Ge, _) => Instr::Ge { dst, a, b },
        };
        self.emit(instr, op_span);
        dst
    }

    pub(super) fn expr_to(&mut self, e: &Expr, dst: Reg, assigned: &Assigned) {
        self.expr_to_named(e, dst, None, assigned)
    }

    /// Evaluates `e` into `dst`. `name_hint` names an arrow function by its binding.
    pub(super) fn expr_to_named(
        &mut self,
        e: &Expr,
        dst: Reg,
        name_hint: Option<&str>,
        assigned: &Assigned,
    ) {
        let mark = self.temps_mark();
        match &e.kind {
            ExprKind::Int(i) => match i32::try_from(*i) {
                Ok(val) => {
                    self.emit(Instr::LoadInt { dst, val }, e.span);
                }
                Err(_) => {
                    let idx = self.add_const(ConstKey::Int(*i), || Value::Int(*i));
                    self.emit(Instr::LoadConst { dst, idx }, e.span);
                }
            },
            ExprKind::BigInt(digits) => {
                let n: BigInt = digits.parse().unwrap_or_default();
                let idx = self.add_const(ConstKey::BigInt(digits.clone()), || Value::bigint(n));
                self.emit(Instr::LoadConst { dst, idx }, e.span);
            }
            ExprKind::Float(x) => {
                let idx = self.add_const(ConstKey::Float(x.to_bits()), || Value::Float(*x));
                self.emit(Instr::LoadConst { dst, idx }, e.span);
            }
            ExprKind::Str(s) => {
                let idx = self.str_const(s);
                self.emit(Instr::LoadConst { dst, idx }, e.span);
            }
            ExprKind::Bool(b) => {
                self.emit(Instr::LoadBool { dst, val: *b }, e.span);
            }
            ExprKind::Null => {
                self.emit(Instr::LoadNull { dst }, e.span);
            }
            ExprKind::Name(id) => self.load_name(&id.name, dst, id.span, assigned),
            ExprKind::Array(items) => {
                let start = self.alloc_temps(items.len());
                for (i, item) in items.iter().enumerate() {
                    self.expr_to(item, start + i as Reg, assigned);
                }
                let count = u16::try_from(items.len()).unwrap_or_else(|_| {
                    self.fail("array literal too long", e.span);
                    0
                });
                self.emit(Instr::NewArray { dst, start, count }, e.span);
            }
            ExprKind::Object(entries) => {
                let obj = self.alloc_temp();
                let capacity = entries.len().min(u16::MAX as usize) as u16;
                self.emit(Instr::NewObject { dst: obj, capacity }, e.span);
                for (key, value) in entries {
                    let src = self.alloc_temp();
                    self.expr_to_named(value, src, Some(&key.name), assigned);
                    let key = self.name_const(&key.name, key.span);
                    self.emit(Instr::InitProp { obj, key, src }, e.span);
                    self.free_temps(src as u32);
                }
                self.emit(Instr::Move { dst, src: obj }, e.span);
            }
            ExprKind::Unary { op, operand, op_span } => {
                let src = self.expr_reg(operand, assigned);
                let instr = match op {
                    UnaryOp::Not => Instr::Not { dst, src },
                    UnaryOp::Neg => Instr::Neg { dst, src },
                };
                self.emit(instr, *op_span);
            }
            ExprKind::Binary { op, lhs, rhs, op_span } => {
                self.binary(*op, lhs, rhs, *op_span, Some(dst), assigned);
            }
            ExprKind::Logical { op, lhs, rhs } => {
                self.expr_to(lhs, dst, assigned);
                let j = match op {
                    LogicalOp::And => Instr::JumpIfFalse { cond: dst, offset: 0 },
                    LogicalOp::Or => Instr::JumpIfTrue { cond: dst, offset: 0 },
                };
                let j = self.emit(j, e.span);
                self.expr_to(rhs, dst, assigned);
                let end = self.pc();
                self.patch(j, end);
            }
            ExprKind::Conditional { cond, then, otherwise } => {
                let skip = self.cond_jump_false(cond, assigned);
                self.expr_to(then, dst, assigned);
                let j = self.emit(Instr::Jump { offset: 0 }, e.span);
                let else_pc = self.pc();
                for s in skip {
                    self.patch(s, else_pc);
                }
                self.expr_to(otherwise, dst, assigned);
                let end = self.pc();
                self.patch(j, end);
            }
            ExprKind::Index { target, index, bracket } => {
                let obj = self.expr_reg(target, assigned);
                let idx = self.expr_reg(index, assigned);
                self.emit(Instr::GetIndex { dst, obj, idx }, *bracket);
            }
            ExprKind::Slice { target, start, end, step, bracket } => {
                let obj = self.expr_reg(target, assigned);
                let base = self.slice_bounds(start, end, step, assigned);
                self.emit(Instr::GetSlice { dst, obj, base }, *bracket);
            }
            ExprKind::Member { target, name, dot } => {
                let obj = self.expr_reg(target, assigned);
                let name = self.name_const(&name.name, name.span);
                self.emit(Instr::GetProp { dst, obj, name }, *dot);
            }
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } => {
                // A call into the newest temp uses it as its base: no move needed. A local
                // register is a base only where the register rule allows it.
                let fast = self.options.fast_paths;
                let f = self.f();
                let is_temp = dst as u32 >= f.n_locals as u32 || f.early_write == Some(dst);
                let base = if is_temp && fast && dst as u32 + 1 == self.temps_mark() {
                    self.call_at(e, dst, assigned)
                } else {
                    self.call(e, assigned)
                };
                if base != dst {
                    self.emit(Instr::Move { dst, src: base }, e.span);
                }
            }
            ExprKind::Arrow(func) => {
                let proto = self.function(func, name_hint);
                self.emit(Instr::MakeClosure { dst, proto }, func.span);
            }
        }
        self.free_temps(mark);
    }

    pub(super) fn slice_bounds(
        &mut self,
        start: &Option<Box<Expr>>,
        end: &Option<Box<Expr>>,
        step: &Option<Box<Expr>>,
        assigned: &Assigned,
    ) -> Reg {
        let base = self.alloc_temps(3);
        for (i, part) in [start, end, step].into_iter().enumerate() {
            let r = base + i as Reg;
            match part {
                Some(e) => self.expr_to(e, r, assigned),
                None => {
                    self.emit(Instr::LoadNull { dst: r }, Span::default());
                }
            }
        }
        base
    }

    /// Whether evaluating `e` can neither raise nor have an effect (a literal, or a local
    /// surely assigned): the order of its evaluation and a member lookup is then moot.
    fn evaluates_quietly(&mut self, e: &Expr, assigned: &Assigned) -> bool {
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Null => true,
            ExprKind::Name(id) => {
                self.local_reg(&id.name).is_some_and(|r| is_assigned(assigned, r))
            }
            _ => false,
        }
    }

    /// Compiles a call; the result is left in the returned base register (a new temp).
    pub(super) fn call(&mut self, e: &Expr, assigned: &Assigned) -> Reg {
        let base = self.alloc_temp();
        self.call_at(e, base, assigned)
    }

    /// Compiles a call whose base is `base`, the newest temp.
    pub(super) fn call_at(&mut self, e: &Expr, base: Reg, assigned: &Assigned) -> Reg {
        match &e.kind {
            ExprKind::Call { callee, args, paren }
                if callee.name == "len" && args.len() == 1 && self.options.fast_paths =>
            {
                match self.resolve("len") {
                    Resolved::Prelude(len) => {
                        let src = self.expr_reg(&args[0], assigned);
                        let func = self.value_const(len);
                        let func = self.const_operand(func, *paren);
                        self.emit(Instr::Len { dst: base, src, func }, *paren);
                    }
                    _ => self.call_value(&callee.name, callee.span, args, *paren, base, assigned),
                }
            }
            ExprKind::Call { callee, args, paren } => {
                self.call_value(&callee.name, callee.span, args, *paren, base, assigned)
            }
            ExprKind::MethodCall { receiver, name, args, paren, .. }
                if name.name == "append" && args.len() == 1 && self.options.fast_paths =>
            {
                // `base + 1` stays free for the generic path's argument.
                let _arg_slot = self.alloc_temp();
                let arr = if self.evaluates_quietly(&args[0], assigned) {
                    self.expr_reg(receiver, assigned)
                } else {
                    // The member is looked up before the argument is evaluated (§5.11):
                    // the receiver goes to `base`, where `LookupMethod` may put an
                    // object's function, and `Append` then calls it.
                    self.expr_to(receiver, base, assigned);
                    let known = known_method("append");
                    let name = self.name_const(&name.name, name.span);
                    self.emit(Instr::LookupMethod { base, name, known }, *paren);
                    base
                };
                let item = self.expr_reg(&args[0], assigned);
                self.emit(Instr::Append { dst: base, arr, item }, *paren);
            }
            ExprKind::MethodCall { receiver, name, args, paren, .. } => {
                self.expr_to(receiver, base, assigned);
                let method = name.name.as_str();
                let name = self.name_const(&name.name, name.span);
                // The member is looked up before the arguments are evaluated (§5.11);
                // without arguments, `CallMethod` itself looks it up, and a literal
                // receiver's method (`"-".join(…)`) is known to exist. (`CallMethod` calls
                // a function in the receiver's place when there are arguments, so the
                // lookup cannot be left out for arguments that evaluate quietly.)
                let known = known_method(method);
                let literal_has_it = match &receiver.kind {
                    ExprKind::Str(_) => known & KNOWN_STR != 0,
                    ExprKind::Array(_) => known & KNOWN_ARRAY != 0,
                    _ => false,
                };
                if !args.is_empty() && !literal_has_it {
                    self.emit(Instr::LookupMethod { base, name, known }, *paren);
                }
                self.args(args, base, assigned);
                let Ok(argc) = u8::try_from(args.len()) else {
                    self.fail("too many arguments in a method call (at most 255)", *paren);
                    return base;
                };
                self.emit(Instr::CallMethod { base, argc, name }, *paren);
            }
            _ => self.fail("internal error: not a call", e.span),
        }
        self.free_temps(base as u32 + 1);
        base
    }

    /// Calls the function named `callee` with `args`; the result goes to `base`.
    pub(super) fn call_value(
        &mut self,
        callee: &str,
        callee_span: Span,
        args: &[Expr],
        paren: Span,
        base: Reg,
        assigned: &Assigned,
    ) {
        self.load_name(callee, base, callee_span, assigned);
        self.args(args, base, assigned);
        let argc = args.len() as u16;
        self.emit(Instr::Call { base, argc }, paren);
    }

    pub(super) fn args(&mut self, args: &[Expr], base: Reg, assigned: &Assigned) {
        for (i, arg) in args.iter().enumerate() {
            let r = self.alloc_temp();
            debug_assert_eq!(r, base + 1 + i as Reg);
            self.expr_to(arg, r, assigned);
        }
    }

    /// Compiles a condition; returns the jumps to patch to the false branch.
    pub(super) fn cond_jump_false(&mut self, cond: &Expr, assigned: &Assigned) -> Vec<usize> {
        let mark = self.temps_mark();
        if !self.options.fast_paths {
            let r = self.expr_reg(cond, assigned);
            let at = self.emit(Instr::JumpIfFalse { cond: r, offset: 0 }, cond.span);
            self.free_temps(mark);
            return vec![at];
        }
        let res = match &cond.kind {
            ExprKind::Binary {
                op:
                    op @ (BinaryOp::Lt
                    | BinaryOp::Le
                    | BinaryOp::Gt
                    | BinaryOp::Ge
                    | BinaryOp::Eq
                    | BinaryOp::Ne),
                lhs,
                rhs,
                op_span,
            } => {
                let a = self.expr_reg(lhs, assigned);
                let offset = 0;
                // A comparison with a small int literal needs no register for it.
                if let ExprKind::Int(i) = rhs.kind {
                    if let Ok(imm) = i16::try_from(i) {
                        let instr = match op {
                            BinaryOp::Lt => Instr::JumpIfNotLtInt { a, imm, offset },
                            BinaryOp::Le => Instr::JumpIfNotLeInt { a, imm, offset },
                            BinaryOp::Gt => Instr::JumpIfNotGtInt { a, imm, offset },
                            BinaryOp::Ge => Instr::JumpIfNotGeInt { a, imm, offset },
                            BinaryOp::Eq => Instr::JumpIfNotEqInt { a, imm, offset },
                            _ => Instr::JumpIfNotNeInt { a, imm, offset },
                        };
                        let at = self.emit(instr, *op_span);
                        self.free_temps(mark);
                        return vec![at];
                    }
                }
                let b = self.expr_reg(rhs, assigned);
                let instr = match op {
                    BinaryOp::Lt => Instr::JumpIfNotLt { a, b, offset },
                    BinaryOp::Le => Instr::JumpIfNotLe { a, b, offset },
                    BinaryOp::Gt => Instr::JumpIfNotGt { a, b, offset },
                    BinaryOp::Ge => Instr::JumpIfNotGe { a, b, offset },
                    BinaryOp::Eq => Instr::JumpIfNotEq { a, b, offset },
                    _ => Instr::JumpIfNotNe { a, b, offset },
                };
                vec![self.emit(instr, *op_span)]
            }
            ExprKind::Logical { op: LogicalOp::And, lhs, rhs } => {
                let mut jumps = self.cond_jump_false(lhs, assigned);
                jumps.extend(self.cond_jump_false(rhs, assigned));
                jumps
            }
            _ => {
                let r = self.expr_reg(cond, assigned);
                vec![self.emit(Instr::JumpIfFalse { cond: r, offset: 0 }, cond.span)]
            }
        };
        self.free_temps(mark);
        res
    }
}

/// Whether `e` may be evaluated straight into a local's register: it reads all its
/// operands before writing the destination, with its last instruction (calls only under
/// the conditions of the register rule, see `Compiler::alloc_temp`).
pub(super) fn writes_dst_last(e: &Expr) -> bool {
    !matches!(e.kind, ExprKind::Logical { .. } | ExprKind::Conditional { .. })
}

/// Whether `name` occurs in `e` (read or called), outside nested functions (a plain
/// local register is never read by a nested function: captured variables live in cells).
pub(super) fn mentions(e: &Expr, name: &str) -> bool {
    let mut found = false;
    visit_subexprs(e, &mut |sub| {
        match &sub.kind {
            ExprKind::Name(id) if id.name == name => found = true,
            ExprKind::Call { callee, .. } if callee.name == name => found = true,
            _ => {}
        }
        !found
    });
    found
}

/// Calls `f` on `expr` and, while `f` returns true, on its sub-expressions (pre-order).
fn visit_subexprs(expr: &Expr, f: &mut dyn FnMut(&Expr) -> bool) {
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
