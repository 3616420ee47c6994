//! The interpreter loop and the instructions' slow paths.

use std::rc::Rc;

use crate::bytecode::{Capture, CodeObject, Instr};
use crate::dict::{Dict, Key, KeyError};
use crate::error::{
    attribute_error, index_error, key_error, runtime_error, type_error, value_error, ErrorKind,
    Result, RuntimeError,
};
use crate::hooks::Hooks;
use crate::ops::{self, CmpOp};
use crate::value::{
    wrap_index, Array, Closure, Items, IterState, IteratorObj, Object, Upvalues, Value, VarCell,
};
use crate::vm::{FrameKind, Handler, Vm};

/// Where the result of a returning frame goes.
enum Returned {
    /// Into the caller's absolute slot (the callee's register).
    Caller(usize),
    /// To the caller of `run`: the frame was the entry frame.
    Entry,
    /// The frame ran a module's top level for import number `.0`; the binding goes to the
    /// absolute slot `.1`.
    Import(u16, usize),
}

/// What a call instruction did.
enum CallOutcome {
    /// A new ML frame was pushed: reload the frame state.
    Pushed,
    /// A native ran; its result is in place.
    Done,
}

impl Vm {
    /// Runs frames until the frame at index `stop` returns; returns its result.
    // The only `unsafe` of the crate: unchecked instruction fetch and register access,
    // sound because of `CodeObject::verify`. Instructions on fib(25): 106.6 M with bounds
    // checks, 95.6 M without; a 1M-iteration counting loop: 142.6 M and 109.6 M
    // (`bench/callgrind.sh`).
    #[allow(unsafe_code)]
    pub(crate) fn run<H: Hooks>(&mut self, stop: usize) -> Result<Value> {
        if H::ENABLED {
            let code = self.frames[stop].closure.code.clone();
            H::enter_function(self, &code);
        }
        'frame: loop {
            let frame = self.frames.last().expect("run has a frame");
            let closure = frame.closure.clone();
            let code: &CodeObject = &closure.code;
            let instrs: &[Instr] = &code.instrs;
            let base = frame.base;
            let mut pc = frame.pc;

            // Raises `$err` from the current instruction.
            macro_rules! throw {
                ($err:expr) => {{
                    let err = $err;
                    self.frames.last_mut().expect("frame").pc = pc;
                    self.raise::<H>(err, stop)?;
                    continue 'frame;
                }};
            }
            macro_rules! tri {
                ($res:expr) => {
                    match $res {
                        Ok(v) => v,
                        Err(e) => throw!(e),
                    }
                };
            }
            // The registers of the frame, borrowed from `self.stack`: a reference they
            // give cannot outlive anything that takes `self` by `&mut` (raising, calls,
            // imports, safepoints, hooks), which `rustc` checks (see `vm::stack`).
            // SAFETY (all three macros): `base + r` is inside the stack: `CodeObject::verify`
            // (run on every compiled function) proved that each register an instruction
            // names is below `n_regs`, `push_frame` reserved `base + n_regs` slots for
            // this frame, and the stack never shrinks.
            macro_rules! reg {
                ($r:expr) => {
                    (*unsafe { self.stack.reg(base, $r as usize) })
                };
            }
            macro_rules! reg_mut {
                ($r:expr) => {
                    (*unsafe { self.stack.reg_mut(base, $r as usize) })
                };
            }
            // `Some((&src, &mut dst))` when the registers differ (see `Stack::pair`).
            macro_rules! reg_pair {
                ($src:expr, $dst:expr) => {
                    unsafe { self.stack.pair(base, $src as usize, $dst as usize) }
                };
            }
            // `$place = v.clone()`, written kind by kind so that the copy goes straight
            // into the place. A clone through a temporary stores the tag and the payload
            // apart and reloads them whole, and that reload stalls until the stores drain
            // (store-to-load forwarding fails).
            macro_rules! put_copy {
                ($place:expr, $v:expr) => {
                    match $v {
                        Value::Int(i) => {
                            let i = *i;
                            $place.set_int(i)
                        }
                        Value::Function(x) => {
                            let x = Value::Function(x.clone());
                            $place.put(x)
                        }
                        Value::Str(x) => {
                            let x = Value::Str(x.clone());
                            $place.put(x)
                        }
                        Value::Array(x) => {
                            let x = Value::Array(x.clone());
                            $place.put(x)
                        }
                        Value::Object(x) => {
                            let x = Value::Object(x.clone());
                            $place.put(x)
                        }
                        Value::Native(x) => {
                            let x = Value::Native(x.clone());
                            $place.put(x)
                        }
                        v => {
                            let v = v.clone();
                            $place.put(v)
                        }
                    }
                };
            }
            macro_rules! safepoint {
                () => {
                    self.budget -= 1;
                    if self.budget == 0 {
                        tri!(self.safepoint());
                    }
                };
            }

            // `dst = a OP b`: ints (without overflow) and floats inline, the rest in `ops`.
            macro_rules! int_arith {
                ($dst:expr, $a:expr, $b:expr, $checked:ident, $op:tt, $slow:path) => {{
                    let v = match (&reg!($a), &reg!($b)) {
                        (Value::Int(x), Value::Int(y)) => match x.$checked(*y) {
                            Some(r) => {
                                reg_mut!($dst).set_int(r);
                                continue;
                            }
                            None => tri!($slow(&reg!($a), &reg!($b))),
                        },
                        (Value::Float(x), Value::Float(y)) => Value::Float(x $op y),
                        (x, y) => tri!($slow(x, y)),
                    };
                    reg_mut!($dst).put(v);
                }};
            }
            // `dst = a OP imm` for a small int constant.
            macro_rules! int_imm {
                ($dst:expr, $a:expr, $imm:expr, $checked:ident, $slow:path) => {{
                    let v = match &reg!($a) {
                        Value::Int(x) => match x.$checked($imm as i64) {
                            Some(r) => {
                                reg_mut!($dst).set_int(r);
                                continue;
                            }
                            None => tri!($slow(&reg!($a), &Value::Int($imm as i64))),
                        },
                        x => tri!($slow(x, &Value::Int($imm as i64))),
                    };
                    reg_mut!($dst).put(v);
                }};
            }
            // The slow path of a comparison: `$slow` applied to `x` and `y` (written with
            // `_, _` standing for the two operands, and an optional `!` in front).
            macro_rules! holds_slow {
                ($x:expr, $y:expr, !$($slow:ident)::+ (_, _)) => {
                    !tri!($($slow)::+($x, $y))
                };
                ($x:expr, $y:expr, $($slow:ident)::+ ($($pre:expr,)? _, _)) => {
                    tri!($($slow)::+($($pre,)? $x, $y))
                };
            }
            // Whether `a OP b` holds: ints inline, the rest through the slow path.
            macro_rules! holds {
                ($a:expr, $b:expr, $op:tt, $($slow:tt)+) => {
                    match (&reg!($a), &reg!($b)) {
                        (Value::Int(x), Value::Int(y)) => x $op y,
                        (x, y) => holds_slow!(x, y, $($slow)+),
                    }
                };
            }
            // `dst = a OP b` for a comparison.
            macro_rules! compare {
                ($dst:expr, $a:expr, $b:expr, $($rest:tt)+) => {{
                    let v = holds!($a, $b, $($rest)+);
                    reg_mut!($dst).set_bool(v);
                }};
            }
            // `if !(a OP imm) { pc += offset }` for a small int constant.
            macro_rules! branch_unless_int {
                ($a:expr, $imm:expr, $offset:expr, $op:tt, $($slow:tt)+) => {{
                    let holds = match &reg!($a) {
                        Value::Int(x) => *x $op $imm as i64,
                        x => holds_slow!(x, &Value::Int($imm as i64), $($slow)+),
                    };
                    if !holds {
                        pc = (pc as i64 + $offset as i64) as usize;
                    }
                }};
            }
            // The truthiness of a register (spec §4.5), booleans first.
            macro_rules! truthy {
                ($r:expr) => {
                    match &reg!($r) {
                        Value::Bool(b) => *b,
                        Value::Uninit => throw!(uninit_error()),
                        v => v.truthy(),
                    }
                };
            }
            // `if !(a OP b) { pc += offset }`.
            macro_rules! branch_unless {
                ($a:expr, $b:expr, $offset:expr, $($rest:tt)+) => {{
                    if !holds!($a, $b, $($rest)+) {
                        pc = (pc as i64 + $offset as i64) as usize;
                    }
                }};
            }

            loop {
                // SAFETY: `pc < instrs.len()`: `verify` proved that the code ends with an
                // instruction that does not fall through and that every branch target is
                // inside it, and frames resume only after a call or at a handler target.
                let instr = unsafe { instrs.get_unchecked(pc) };
                pc += 1;
                match *instr {
                    Instr::LoadConst { dst, idx } => {
                        put_copy!(reg_mut!(dst), &code.consts[idx as usize])
                    }
                    Instr::LoadInt { dst, val } => reg_mut!(dst).set_int(val as i64),
                    Instr::LoadNull { dst } => reg_mut!(dst).put(Value::Null),
                    Instr::LoadBool { dst, val } => reg_mut!(dst).set_bool(val),
                    Instr::Move { dst, src } => put_copy!(reg_mut!(dst), &reg!(src)),
                    Instr::CheckInit { reg, name } => {
                        if matches!(reg!(reg), Value::Uninit) {
                            throw!(name_error(&code.consts[name as usize]));
                        }
                    }
                    Instr::MakeCell { reg } => {
                        let v = std::mem::take(&mut reg_mut!(reg));
                        reg_mut!(reg).put(Value::Cell(VarCell::new(v)));
                    }
                    Instr::LoadCell { dst, cell, name } => {
                        // Whether the cell had a value; the cell's borrow ends before the
                        // error is raised (raising frees the frame, and with it the cell:
                        // the borrow checker rejects the other order).
                        let loaded = match reg_pair!(cell, dst) {
                            Some((Value::Cell(c), slot)) => {
                                // `slot` does not hold the cell, so overwriting it cannot
                                // free the cell borrowed here.
                                let v = c.value.borrow();
                                let ok = !matches!(*v, Value::Uninit);
                                if ok {
                                    put_copy!(slot, &*v);
                                }
                                ok
                            }
                            Some(_) => false,
                            None => match &reg!(cell) {
                                Value::Cell(c) => {
                                    let v = Value::clone(&c.value.borrow());
                                    let ok = !matches!(v, Value::Uninit);
                                    if ok {
                                        reg_mut!(dst).put(v);
                                    }
                                    ok
                                }
                                _ => false,
                            },
                        };
                        if !loaded {
                            throw!(name_error(&code.consts[name as usize]));
                        }
                    }
                    Instr::StoreCell { cell, src } => {
                        if let Value::Cell(c) = &reg!(cell) {
                            put_copy!(c.value.borrow_mut(), &reg!(src));
                        }
                    }
                    Instr::LoadUpval { dst, idx } => {
                        let loaded = match &*closure.upvalues[idx as usize].value.borrow() {
                            Value::Uninit => false,
                            v => {
                                put_copy!(reg_mut!(dst), v);
                                true
                            }
                        };
                        if !loaded {
                            let name = code.upvalue_names[idx as usize].as_str();
                            throw!(name_error(&Value::str(name)));
                        }
                    }
                    Instr::StoreUpval { idx, src } => {
                        put_copy!(closure.upvalues[idx as usize].value.borrow_mut(), &reg!(src));
                    }
                    Instr::Add { dst, a, b } => int_arith!(dst, a, b, checked_add, +, ops::add),
                    Instr::AddInt { dst, a, imm } => int_imm!(dst, a, imm, checked_add, ops::add),
                    Instr::SubInt { dst, a, imm } => int_imm!(dst, a, imm, checked_sub, ops::sub),
                    Instr::Sub { dst, a, b } => int_arith!(dst, a, b, checked_sub, -, ops::sub),
                    Instr::Mul { dst, a, b } => int_arith!(dst, a, b, checked_mul, *, ops::mul),
                    Instr::Div { dst, a, b } => {
                        let v = tri!(ops::div(&reg!(a), &reg!(b)));
                        reg_mut!(dst).put(v);
                    }
                    Instr::FloorDiv { dst, a, b } => {
                        let v = match (&reg!(a), &reg!(b)) {
                            (Value::Int(x), Value::Int(y)) if *y > 0 => {
                                Value::Int(num_integer::Integer::div_floor(x, y))
                            }
                            (x, y) => tri!(ops::floor_div(x, y)),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::Mod { dst, a, b } => {
                        let v = match (&reg!(a), &reg!(b)) {
                            (Value::Int(x), Value::Int(y)) if *y > 0 => {
                                Value::Int(x.rem_euclid(*y))
                            }
                            (x, y) => tri!(ops::modulo(x, y)),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::Eq { dst, a, b } => compare!(dst, a, b, ==, ops::equals(_, _)),
                    Instr::Ne { dst, a, b } => compare!(dst, a, b, !=, !ops::equals(_, _)),
                    Instr::Lt { dst, a, b } => {
                        compare!(dst, a, b, <, ops::compare(CmpOp::Lt, _, _))
                    }
                    Instr::Le { dst, a, b } => {
                        compare!(dst, a, b, <=, ops::compare(CmpOp::Le, _, _))
                    }
                    Instr::Gt { dst, a, b } => {
                        compare!(dst, a, b, >, ops::compare(CmpOp::Gt, _, _))
                    }
                    Instr::Ge { dst, a, b } => {
                        compare!(dst, a, b, >=, ops::compare(CmpOp::Ge, _, _))
                    }
                    Instr::Not { dst, src } => {
                        let v = !truthy!(src);
                        reg_mut!(dst).set_bool(v);
                    }
                    Instr::Neg { dst, src } => {
                        let v = match &reg!(src) {
                            Value::Int(x) if *x != i64::MIN => Value::Int(-x),
                            Value::Float(x) => Value::Float(-x),
                            x => tri!(ops::neg(x)),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::Jump { offset } => {
                        if offset < 0 {
                            safepoint!();
                        }
                        pc = (pc as i64 + offset as i64) as usize;
                    }
                    Instr::JumpIfFalse { cond, offset } => {
                        if !truthy!(cond) {
                            pc = (pc as i64 + offset as i64) as usize;
                        }
                    }
                    Instr::JumpIfTrue { cond, offset } => {
                        if truthy!(cond) {
                            pc = (pc as i64 + offset as i64) as usize;
                        }
                    }
                    Instr::JumpIfNotLt { a, b, offset } => {
                        branch_unless!(a, b, offset, <, ops::compare(CmpOp::Lt, _, _))
                    }
                    Instr::JumpIfNotLe { a, b, offset } => {
                        branch_unless!(a, b, offset, <=, ops::compare(CmpOp::Le, _, _))
                    }
                    Instr::JumpIfNotGt { a, b, offset } => {
                        branch_unless!(a, b, offset, >, ops::compare(CmpOp::Gt, _, _))
                    }
                    Instr::JumpIfNotGe { a, b, offset } => {
                        branch_unless!(a, b, offset, >=, ops::compare(CmpOp::Ge, _, _))
                    }
                    Instr::JumpIfNotEq { a, b, offset } => {
                        branch_unless!(a, b, offset, ==, ops::equals(_, _))
                    }
                    Instr::JumpIfNotNe { a, b, offset } => {
                        branch_unless!(a, b, offset, !=, !ops::equals(_, _))
                    }
                    Instr::JumpIfNotLtInt { a, imm, offset } => {
                        branch_unless_int!(a, imm, offset, <, ops::compare(CmpOp::Lt, _, _))
                    }
                    Instr::JumpIfNotLeInt { a, imm, offset } => {
                        branch_unless_int!(a, imm, offset, <=, ops::compare(CmpOp::Le, _, _))
                    }
                    Instr::JumpIfNotGtInt { a, imm, offset } => {
                        branch_unless_int!(a, imm, offset, >, ops::compare(CmpOp::Gt, _, _))
                    }
                    Instr::JumpIfNotGeInt { a, imm, offset } => {
                        branch_unless_int!(a, imm, offset, >=, ops::compare(CmpOp::Ge, _, _))
                    }
                    Instr::JumpIfNotEqInt { a, imm, offset } => {
                        branch_unless_int!(a, imm, offset, ==, ops::equals(_, _))
                    }
                    Instr::JumpIfNotNeInt { a, imm, offset } => {
                        branch_unless_int!(a, imm, offset, !=, !ops::equals(_, _))
                    }
                    Instr::NewArray { dst, start, count } => {
                        let s = base + start as usize;
                        let arr = Array::from_slots(&mut self.stack[s..s + count as usize]);
                        reg_mut!(dst).put(Value::Array(arr));
                    }
                    Instr::NewObject { dst, capacity } => {
                        reg_mut!(dst) =
                            Value::Object(Object::new(Dict::with_capacity(capacity as usize)));
                    }
                    Instr::InitProp { obj, key, src } => {
                        let v = std::mem::take(&mut reg_mut!(src));
                        if let (Value::Object(o), Value::Str(k)) =
                            (&reg!(obj), &code.consts[key as usize])
                        {
                            o.dict.borrow_mut().insert(Key::string(k.clone()), v);
                        }
                    }
                    Instr::GetIndex { dst, obj, idx } => {
                        let v = match (&reg!(obj), &reg!(idx)) {
                            // `Array::get_at` inlined: its `Option<Value>` costs copies here.
                            (Value::Array(arr), Value::Int(i)) => {
                                let items = arr.items();
                                let len = items.len();
                                let j = wrap_index(*i, len);
                                if j >= len {
                                    drop(items);
                                    throw!(index_out_of_range("array index", *i, len));
                                }
                                match &*items {
                                    Items::Values(vals) => vals[j].clone(),
                                    Items::Ints(ints) => Value::Int(ints[j]),
                                }
                            }
                            (o, i) => tri!(get_index(o, i)),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::SetIndex { obj, idx, src } => {
                        let v = reg!(src).clone();
                        if let (Value::Array(arr), Value::Int(i)) = (&reg!(obj), &reg!(idx)) {
                            if arr.set_at(*i, v) {
                                continue;
                            }
                            throw!(index_out_of_range("array assignment index", *i, arr.len()));
                        }
                        tri!(set_index(&reg!(obj), &reg!(idx), v));
                    }
                    Instr::GetSlice { dst, obj, base: b } => {
                        let s = base + b as usize;
                        let v = tri!(crate::methods::get_slice(
                            &self.stack[base + obj as usize],
                            &self.stack[s],
                            &self.stack[s + 1],
                            &self.stack[s + 2]
                        ));
                        reg_mut!(dst).put(v);
                    }
                    Instr::SetSlice { obj, base: b, src } => {
                        let s = base + b as usize;
                        let src_v = reg!(src).clone();
                        let items = tri!(crate::methods::collect_items(&src_v, "slice assignment"));
                        tri!(crate::methods::set_slice(
                            &self.stack[base + obj as usize],
                            &self.stack[s],
                            &self.stack[s + 1],
                            &self.stack[s + 2],
                            items
                        ));
                    }
                    Instr::GetProp { dst, obj, name } => {
                        let Value::Str(key) = &code.consts[name as usize] else { continue };
                        if let Some((Value::Object(o), slot)) = reg_pair!(obj, dst) {
                            // `slot` does not hold the object, so overwriting it cannot
                            // free the object borrowed here.
                            let hint = &code.prop_cache[name as usize];
                            match o.dict.borrow().get_str_cached(key, hint) {
                                Some(v) => put_copy!(slot, v),
                                None => slot.put(Value::Null),
                            }
                            continue;
                        }
                        let v = match &reg!(obj) {
                            Value::Object(o) => {
                                let hint = &code.prop_cache[name as usize];
                                match o.dict.borrow().get_str_cached(key, hint) {
                                    Some(v) => v.clone(),
                                    None => Value::Null,
                                }
                            }
                            other => tri!(crate::methods::get_member(other, key)),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::SetProp { obj, name, src } => {
                        match (&reg!(obj), &code.consts[name as usize]) {
                            (Value::Object(o), Value::Str(k)) => {
                                let hint = &code.prop_cache[name as usize];
                                let mut dict = o.dict.borrow_mut();
                                if let Some(slot) = dict.get_str_cached_mut(k, hint) {
                                    // `obj` holds `o`, so dropping the old value cannot
                                    // free the object borrowed here.
                                    put_copy!(slot, &reg!(src));
                                    continue;
                                }
                                let v = reg!(src).clone();
                                let added = dict.set_str_cached(k, hint, v);
                                drop(dict);
                                if added {
                                    o.account();
                                }
                            }
                            (other, k) => throw!(set_member_error(other, k)),
                        }
                    }
                    Instr::GetKey { dst, obj, name } => {
                        let key = code.consts[name as usize].clone();
                        let v = match &reg!(obj) {
                            Value::Object(o) => {
                                let d = o.dict.borrow();
                                match Key::new(key.clone()).ok().and_then(|k| d.get(&k).cloned()) {
                                    Some(v) => v,
                                    None => {
                                        drop(d);
                                        throw!(key_error(format!(
                                            "key {} not found",
                                            crate::display::repr(&key)
                                        )));
                                    }
                                }
                            }
                            other => throw!(type_error(format!(
                                "cannot destructure {} with an object pattern: expected an object",
                                other.type_name()
                            ))),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::Unpack { base: b, count, src } => {
                        let src_v = reg!(src).clone();
                        let items = tri!(crate::methods::collect_items(&src_v, "destructuring"));
                        if items.len() != count as usize {
                            throw!(value_error(format!(
                                "destructuring expected {count} items, got {}",
                                items.len()
                            )));
                        }
                        for (i, item) in items.into_iter().enumerate() {
                            reg_mut!(b as usize + i).put(item);
                        }
                    }
                    Instr::Call { base: b, argc } => {
                        safepoint!();
                        self.frames.last_mut().expect("frame").pc = pc;
                        match self.call::<H>(base + b as usize, argc as usize) {
                            Ok(CallOutcome::Pushed) => continue 'frame,
                            Ok(CallOutcome::Done) => {}
                            Err(e) => throw!(e),
                        }
                    }
                    Instr::CallMethod { base: b, argc, name } => {
                        self.frames.last_mut().expect("frame").pc = pc;
                        let Value::Str(key) = &code.consts[name as usize] else { continue };
                        let abs = base + b as usize;
                        let hint = &code.prop_cache[name as usize];
                        match self.call_method::<H>(abs, argc as usize, key, Some(hint)) {
                            Ok(CallOutcome::Pushed) => continue 'frame,
                            Ok(CallOutcome::Done) => {}
                            Err(e) => throw!(e),
                        }
                    }
                    Instr::Append { dst, arr, item } => {
                        if let Value::Array(a) = &reg!(arr) {
                            let a = a.clone();
                            if H::ENABLED {
                                H::enter_method(self, "array", "append");
                            }
                            match &reg!(item) {
                                Value::Int(n) => a.push_int(*n),
                                v => a.push(v.clone()),
                            }
                            if H::ENABLED {
                                H::exit_native(self);
                            }
                            reg_mut!(dst).put(Value::Null);
                            continue;
                        }
                        // Any other receiver: the generic method call.
                        self.frames.last_mut().expect("frame").pc = pc;
                        let (recv, arg) = (reg!(arr).clone(), reg!(item).clone());
                        reg_mut!(dst).put(recv);
                        reg_mut!(dst + 1).put(arg);
                        let name = crate::value::Str::new("append");
                        match self.call_method::<H>(base + dst as usize, 1, &name, None) {
                            Ok(CallOutcome::Pushed) => continue 'frame,
                            Ok(CallOutcome::Done) => {}
                            Err(e) => throw!(e),
                        }
                    }
                    Instr::Len { dst, src, func } => {
                        let n = match &reg!(src) {
                            Value::Str(s) => Some(s.char_len()),
                            Value::Array(a) => Some(a.len()),
                            Value::Object(o) => Some(o.dict.borrow().len()),
                            _ => None,
                        };
                        if let Some(n) = n {
                            if H::ENABLED {
                                // The profile still shows the call of `len`.
                                if let Value::Native(f) = &code.consts[func as usize] {
                                    H::instant_native(self, f);
                                }
                            }
                            reg_mut!(dst).set_int(n as i64);
                            continue;
                        }
                        // Other kinds are an error: the builtin itself reports it.
                        self.frames.last_mut().expect("frame").pc = pc;
                        let arg = reg!(src).clone();
                        let res = match &code.consts[func as usize] {
                            Value::Native(n) => {
                                let n = n.clone();
                                if H::ENABLED {
                                    H::enter_native(self, &n);
                                }
                                let res = n.call(self, std::slice::from_ref(&arg));
                                if H::ENABLED {
                                    H::exit_native(self);
                                }
                                res
                            }
                            other => Err(not_callable(other)),
                        };
                        let v = tri!(res);
                        reg_mut!(dst).put(v);
                    }
                    Instr::Return { src } => {
                        // An int result is written straight into the caller's register:
                        // building a `Value` first costs a round trip through memory.
                        let (returned, v) = if let Value::Int(i) = reg!(src) {
                            let returned = self.pop_frame::<H>();
                            if let Returned::Caller(slot) = returned {
                                self.stack[slot].set_int(i);
                                continue 'frame;
                            }
                            (returned, Value::Int(i))
                        } else if let Some(FrameKind::Call) = self.frames.last().map(|f| &f.kind) {
                            // Copied (one count update more than a move) for the same
                            // reason: the register was most likely written just before.
                            put_copy!(self.stack[base - 1], &reg!(src));
                            self.pop_frame::<H>();
                            continue 'frame;
                        } else {
                            let v = std::mem::take(&mut reg_mut!(src));
                            (self.pop_frame::<H>(), v)
                        };
                        if let Some(res) = self.deliver(returned, v) {
                            return Ok(res);
                        }
                        continue 'frame;
                    }
                    Instr::ReturnNull => {
                        let returned = self.pop_frame::<H>();
                        if let Some(res) = self.deliver(returned, Value::Null) {
                            return Ok(res);
                        }
                        continue 'frame;
                    }
                    Instr::MakeClosure { dst, proto } => {
                        let proto = code.functions[proto as usize].clone();
                        let upvalues: Upvalues = proto
                            .captures
                            .iter()
                            .map(|c| match *c {
                                Capture::Local(r) => match &reg!(r) {
                                    Value::Cell(cell) => cell.clone(),
                                    _ => VarCell::new(Value::Uninit),
                                },
                                Capture::Upvalue(i) => closure.upvalues[i as usize].clone(),
                            })
                            .collect();
                        reg_mut!(dst).put(Value::Function(Closure::new(proto, upvalues)));
                    }
                    Instr::Import { dst, idx } => {
                        self.frames.last_mut().expect("frame").pc = pc;
                        match self.import::<H>(idx, base + dst as usize) {
                            Ok(true) => continue 'frame,
                            Ok(false) => {}
                            Err(e) => throw!(e),
                        }
                    }
                    Instr::IterInit { base: b } => {
                        let v = std::mem::take(&mut reg_mut!(b));
                        let (it, state) = tri!(iter_init(v));
                        reg_mut!(b).put(it);
                        reg_mut!(b + 1).put(state);
                    }
                    Instr::IterNext { base: b, dst, offset } => {
                        safepoint!();
                        let next = match (&reg!(b), &reg!(b + 1)) {
                            (Value::Array(arr), Value::Int(i)) => {
                                let j = *i as usize;
                                // Packed ints skip the `Option<Value>` and the drop glue.
                                let packed = match &*arr.items() {
                                    Items::Ints(ints) => Some(ints.get(j).copied()),
                                    Items::Values(_) => None,
                                };
                                match packed {
                                    Some(Some(n)) => {
                                        reg_mut!(dst).set_int(n);
                                        reg_mut!(b + 1).set_int(j as i64 + 1);
                                        continue;
                                    }
                                    Some(None) => None,
                                    None => arr.get(j),
                                }
                            }
                            (Value::Iterator(it), _) => tri!(iter_next(it)),
                            _ => None,
                        };
                        match next {
                            Some(v) => {
                                if let Value::Int(i) = &mut reg_mut!(b + 1) {
                                    *i += 1;
                                }
                                reg_mut!(dst).put(v);
                            }
                            None => pc = (pc as i64 + offset as i64) as usize,
                        }
                    }
                    Instr::RangeInit { base: b } => {
                        // Three ints with a nonzero step stay in place for the fast path
                        // of `RangeNext`; anything else takes the general path.
                        let s = base + b as usize;
                        if !matches!(
                            (&self.stack[s], &self.stack[s + 1], &self.stack[s + 2]),
                            (Value::Int(_), Value::Int(_), Value::Int(step)) if *step != 0
                        ) {
                            tri!(self.range_init_slow(s));
                        }
                    }
                    Instr::RangeNext { base: b, dst, offset } => {
                        safepoint!();
                        let s = base + b as usize;
                        if let (Value::Int(cur), Value::Int(end), Value::Int(step)) =
                            (&self.stack[s], &self.stack[s + 1], &self.stack[s + 2])
                        {
                            let (cur, end, step) = (*cur, *end, *step);
                            if (step > 0 && cur < end) || (step < 0 && cur > end) {
                                // An overflowing next item lies beyond `end` (all three
                                // are i64), so the loop ends there.
                                self.stack[s].set_int(cur.checked_add(step).unwrap_or(end));
                                reg_mut!(dst).set_int(cur);
                                continue;
                            }
                        } else if let Some(v) = tri!(self.range_next_slow(s)) {
                            reg_mut!(dst).put(v);
                            continue;
                        }
                        pc = (pc as i64 + offset as i64) as usize;
                    }
                    Instr::PushHandler { reg, offset } | Instr::PushFinally { reg, offset } => {
                        self.handlers.push(Handler {
                            frame: self.frames.len() - 1,
                            pc: (pc as i64 + offset as i64) as usize,
                            slot: base + reg as usize,
                            finally: matches!(instr, Instr::PushFinally { .. }),
                        });
                    }
                    Instr::PopHandler => {
                        self.handlers.pop();
                    }
                    Instr::Throw { src } => {
                        let fields = match &reg!(src) {
                            Value::Object(o) => o.dict.borrow().clone(),
                            _ => Dict::default(),
                        };
                        throw!(RuntimeError::thrown(fields));
                    }
                    Instr::Reraise { src } => {
                        if let Value::Raised(e) = &reg!(src) {
                            throw!((**e).clone());
                        }
                    }
                }
            }
        }
    }

    /// Pops the current frame (dropping its handlers and releasing its registers) and
    /// tells where its result goes.
    // Inlined into the run loop: 8% fewer instructions on fib(25) (callgrind). The frame
    // is read field by field and dropped in place: moving it out whole copied it with
    // 16-byte loads that straddle the narrower stores `push_frame` made moments before,
    // and every such load waits for the stores to drain (store-to-load forwarding fails).
    #[inline(always)]
    fn pop_frame<H: Hooks>(&mut self) -> Returned {
        if H::ENABLED {
            H::exit_function(self);
        }
        let depth = self.frames.len() - 1;
        while self.handlers.last().is_some_and(|h| h.frame >= depth) {
            self.handlers.pop();
        }
        let frame = &self.frames[depth];
        let returned = match &frame.kind {
            FrameKind::Call => Returned::Caller(frame.base - 1),
            FrameKind::Import { import, dst } => Returned::Import(*import, *dst),
            FrameKind::Entry => Returned::Entry,
        };
        let window = frame.base..frame.top();
        self.stack.release(window);
        self.frames.truncate(depth);
        returned
    }

    /// Delivers the result `v` of a frame that `pop_frame` popped. Returns `Some` when the
    /// frame was the one `run` was started for (its result is `run`'s).
    #[inline(always)]
    fn deliver(&mut self, returned: Returned, v: Value) -> Option<Value> {
        match returned {
            Returned::Caller(slot) => self.stack[slot].put(v),
            Returned::Import(import, dst) => self.finish_import(import, dst),
            Returned::Entry => return Some(v),
        }
        None
    }

    /// Raises `err` at the current frame's saved pc: finds the innermost handler at or
    /// above `stop` and continues there, or unwinds everything down to `stop`.
    #[cold]
    #[inline(never)]
    fn raise<H: Hooks>(&mut self, mut err: RuntimeError, stop: usize) -> Result<()> {
        self.annotate(&mut err);
        let handler = if err.is_catchable() {
            self.handlers.last().copied().filter(|h| h.frame >= stop)
        } else {
            None
        };
        let Some(h) = handler else {
            while self.frames.len() > stop {
                if H::ENABLED {
                    H::exit_function(self);
                }
                if let Some(f) = self.frames.pop() {
                    self.clear_window(&f);
                }
            }
            while self.handlers.last().is_some_and(|h| h.frame >= stop) {
                self.handlers.pop();
            }
            return Err(err);
        };
        self.handlers.pop();
        while self.frames.len() > h.frame + 1 {
            if H::ENABLED {
                H::exit_function(self);
            }
            if let Some(f) = self.frames.pop() {
                self.clear_window(&f);
            }
        }
        let frame = self.frames.last_mut().expect("handler frame");
        frame.pc = h.pc;
        self.stack[h.slot] = if h.finally { Value::Raised(Rc::new(err)) } else { err.to_object() };
        Ok(())
    }

    /// `RangeInit` when its registers `s..s + 3` are not three ints with a nonzero step:
    /// ints beyond `i64` stay as they are and `RangeNext` steps them exactly (as the
    /// builtin `range` does); anything else is the error the builtin raises for it.
    #[cold]
    #[inline(never)]
    fn range_init_slow(&mut self, s: usize) -> Result<()> {
        let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_));
        let args = &self.stack[s..s + 3];
        let zero_step = match &args[2] {
            Value::Int(n) => *n == 0,
            _ => false,
        };
        if args.iter().all(is_int) && !zero_step {
            return Ok(());
        }
        // The builtin raises the error (the same kind and message as `range(...)` in any
        // other place); it cannot succeed on these arguments.
        let args = args.to_vec();
        match crate::builtins::collections::range(self, &args) {
            Err(e) => Err(e),
            Ok(_) => Err(type_error("range() arguments must be ints")),
        }
    }

    /// `RangeNext` when some bound is beyond `i64`: the next item, or `None` at the end.
    #[cold]
    #[inline(never)]
    fn range_next_slow(&mut self, s: usize) -> Result<Option<Value>> {
        let (cur, end, step) = (&self.stack[s], &self.stack[s + 1], &self.stack[s + 2]);
        let up = ops::compare(CmpOp::Gt, step, &Value::Int(0))?;
        if !ops::compare(if up { CmpOp::Lt } else { CmpOp::Gt }, cur, end)? {
            return Ok(None);
        }
        let next = ops::add(cur, step)?;
        Ok(Some(std::mem::replace(&mut self.stack[s], next)))
    }

    /// Calls the function in `abs` with the `argc` arguments above it.
    // Inlined into the run loop, like `pop_frame`.
    #[inline(always)]
    fn call<H: Hooks>(&mut self, abs: usize, argc: usize) -> Result<CallOutcome> {
        if let Value::Function(c) = &self.stack[abs] {
            if argc != c.code.n_params as usize {
                return Err(arity_error(&c.code, argc));
            }
            if self.frames.len() >= self.limits.max_depth {
                return Err(recursion_error(self.limits.max_depth));
            }
            // The callee's reference moves out of its register (which receives the
            // result): an ML frame owns it without a count update on call or return.
            let Some(c) = self.stack[abs].take_function() else {
                unreachable!("the register holds a function")
            };
            if H::ENABLED {
                H::enter_function(self, &c.code);
            }
            self.push_frame(c, abs + 1, FrameKind::Call);
            return Ok(CallOutcome::Pushed);
        }
        if let Some(n) = self.stack[abs].take_native() {
            let mut args = std::mem::take(&mut self.arg_buf);
            args.extend(self.stack[abs + 1..abs + 1 + argc].iter_mut().map(std::mem::take));
            if H::ENABLED {
                H::enter_native(self, &n);
            }
            let res = n.call(self, &args);
            if H::ENABLED {
                H::exit_native(self);
            }
            args.clear();
            self.arg_buf = args;
            self.stack[abs].put(res?);
            return Ok(CallOutcome::Done);
        }
        match std::mem::take(&mut self.stack[abs]) {
            Value::Bound(b) => {
                let mut args = std::mem::take(&mut self.arg_buf);
                args.extend(self.stack[abs + 1..abs + 1 + argc].iter_mut().map(std::mem::take));
                if H::ENABLED {
                    H::enter_method(self, b.receiver.type_name(), b.name.as_str());
                }
                let res = crate::methods::call_method(self, &b.receiver, &b.name, &args);
                if H::ENABLED {
                    H::exit_native(self);
                }
                args.clear();
                self.arg_buf = args;
                self.stack[abs] = res?;
                Ok(CallOutcome::Done)
            }
            other => Err(not_callable(&other)),
        }
    }

    /// `receiver.name(args)` with the receiver in `abs` and the arguments above it. An
    /// object's property is looked up through `hint`, the call site's inline cache.
    fn call_method<H: Hooks>(
        &mut self,
        abs: usize,
        argc: usize,
        name: &Rc<crate::value::Str>,
        hint: Option<&std::cell::Cell<u32>>,
    ) -> Result<CallOutcome> {
        let func = match &self.stack[abs] {
            Value::Object(o) => match hint.map_or_else(
                || o.dict.borrow().get_str(name).cloned(),
                |hint| o.dict.borrow().get_str_cached(name, hint).cloned(),
            ) {
                Some(f) => f,
                None => {
                    return Err(attribute_error(format!(
                        "object has no property `{}` to call",
                        name.as_str()
                    )))
                }
            },
            Value::Module(m) => match hint
                .map_or_else(|| m.get(name.as_str()), |hint| m.get_cached(name.as_str(), hint))
            {
                Some(f) => f,
                None => {
                    return Err(attribute_error(format!(
                        "module `{}` has no member `{}`",
                        m.name,
                        name.as_str()
                    )))
                }
            },
            _ => {
                let recv = std::mem::take(&mut self.stack[abs]);
                let mut args = std::mem::take(&mut self.arg_buf);
                args.extend(self.stack[abs + 1..abs + 1 + argc].iter_mut().map(std::mem::take));
                if H::ENABLED {
                    H::enter_method(self, recv.type_name(), name.as_str());
                }
                let res = crate::methods::call_method(self, &recv, name, &args);
                if H::ENABLED {
                    H::exit_native(self);
                }
                args.clear();
                self.arg_buf = args;
                self.stack[abs] = res?;
                return Ok(CallOutcome::Done);
            }
        };
        if !func.is_callable() {
            return Err(type_error(format!(
                "property `{}` is not a function: it is {}",
                name.as_str(),
                func.type_name()
            )));
        }
        self.stack[abs] = func;
        self.call::<H>(abs, argc)
    }

    /// Runs `import` number `idx`; returns true when the module's top level was started
    /// (a frame was pushed).
    fn import<H: Hooks>(&mut self, idx: u16, dst: usize) -> Result<bool> {
        let spec = &self.program.imports[idx as usize];
        if let Some(name) = spec.standard {
            let module = match self.std_modules.iter().find(|m| m.name == name) {
                Some(m) => m.clone(),
                None => {
                    let m = crate::stdlib::build(name).ok_or_else(|| {
                        runtime_error(format!("the standard module `{name}` is not available"))
                    })?;
                    self.std_modules.push(m.clone());
                    m
                }
            };
            self.stack[dst] = Value::Module(module);
            return Ok(false);
        }
        let module = spec.module;
        if self.modules[module].object.is_some() {
            self.finish_import(idx, dst);
            return Ok(false);
        }
        let info = &self.program.modules[module];
        let code = info.code.clone();
        let name = info.name.clone();
        if self.frames.len() >= self.limits.max_depth {
            return Err(recursion_error(self.limits.max_depth));
        }
        let closure = Closure::new(code.clone(), Upvalues::none());
        let top = self.frame_top();
        if H::ENABLED {
            H::enter_function(self, &code);
        }
        self.push_frame(closure, top + 1, FrameKind::Import { import: idx, dst });
        let object = crate::value::Module::new(name);
        for &r in &code.cells {
            if let Value::Cell(cell) = &self.stack[top + 1 + r as usize] {
                let var = code.local_names.get(r as usize).cloned().unwrap_or_default();
                object.add(&var, crate::value::ModuleMember::Variable(cell.clone()));
            }
        }
        self.modules[module].object = Some(object);
        Ok(true)
    }

    /// Binds the module of import `idx` (now loaded) into the absolute slot `dst`.
    fn finish_import(&mut self, idx: u16, dst: usize) {
        let spec = &self.program.imports[idx as usize];
        let Some(module) = self.modules[spec.module].object.clone() else { return };
        let value = if spec.alias || spec.path.len() == 1 {
            Value::Module(module)
        } else {
            let key = (spec.file.clone(), spec.path[0].clone());
            let root = self
                .namespaces
                .entry(key)
                .or_insert_with(|| crate::value::Module::new(spec.path[0].clone()))
                .clone();
            let mut ns = root.clone();
            for (i, part) in spec.path.iter().enumerate().skip(1) {
                let last = i == spec.path.len() - 1;
                let existing = ns.get(part);
                let next = match existing {
                    Some(Value::Module(m)) if !last => m,
                    _ if last => {
                        ns.add(
                            part,
                            crate::value::ModuleMember::Value(Value::Module(module.clone())),
                        );
                        break;
                    }
                    _ => {
                        let dotted = spec.path[..=i].join(".");
                        let m = crate::value::Module::new(dotted);
                        ns.add(part, crate::value::ModuleMember::Value(Value::Module(m.clone())));
                        m
                    }
                };
                ns = next;
            }
            Value::Module(root)
        };
        self.stack[dst] = value;
    }
}

#[cold]
fn name_error(name: &Value) -> RuntimeError {
    RuntimeError::new(
        ErrorKind::NameError,
        format!("variable `{}` is used before it has a value", crate::display::display(name)),
    )
}

#[cold]
fn uninit_error() -> RuntimeError {
    RuntimeError::new(ErrorKind::NameError, "variable used before it has a value")
}

#[cold]
pub(crate) fn arity_error(code: &CodeObject, got: usize) -> RuntimeError {
    let n = code.n_params;
    type_error(format!(
        "{}() takes {n} argument{} but {got} {} given",
        code.name,
        if n == 1 { "" } else { "s" },
        if got == 1 { "was" } else { "were" }
    ))
}

#[cold]
pub(crate) fn recursion_error(limit: usize) -> RuntimeError {
    RuntimeError::new(ErrorKind::RecursionError, format!("maximum call depth of {limit} exceeded"))
}

#[cold]
pub(crate) fn not_callable(v: &Value) -> RuntimeError {
    type_error(format!("{} is not callable", v.type_name()))
}

#[cold]
fn set_member_error(target: &Value, name: &Value) -> RuntimeError {
    let name = crate::display::display(name);
    match target {
        Value::Module(m) => {
            type_error(format!("cannot assign to member `{name}` of module `{}`", m.name))
        }
        other => type_error(format!("cannot set member `{name}` on {}", other.type_name())),
    }
}

pub(crate) fn key_of(v: &Value) -> Result<Key> {
    Key::new(v.clone()).map_err(|e| match e {
        KeyError::Kind => type_error(format!("{} cannot be an object key", v.type_name())),
        KeyError::Nan => value_error("NaN cannot be an object key"),
    })
}

/// The `IndexError` of `a[i]` (`what` is "array index") or `a[i] = v` ("array assignment
/// index") with an int `i` out of range for an array of `len` items.
#[cold]
fn index_out_of_range(what: &str, i: i64, len: usize) -> RuntimeError {
    index_error(format!("{what} {i} out of range for length {len}"))
}

/// `obj[idx]` for everything but the array/int fast path.
#[cold]
pub(crate) fn get_index(obj: &Value, idx: &Value) -> Result<Value> {
    match (obj, idx) {
        (Value::Array(arr), Value::Int(_) | Value::BigInt(_)) => {
            let i = ops::to_index(idx).unwrap_or(0);
            arr.get_at(i).ok_or_else(|| {
                index_error(format!(
                    "array index {} out of range for length {}",
                    crate::display::display(idx),
                    arr.len()
                ))
            })
        }
        (Value::Str(s), Value::Int(_) | Value::BigInt(_)) => {
            let i = ops::to_index(idx).unwrap_or(0);
            let len = s.char_len() as i64;
            let j = if i < 0 { i.saturating_add(len) } else { i };
            match (0..len).contains(&j).then(|| s.char_at(j as usize)).flatten() {
                Some(c) => Ok(Value::str(c)),
                None => Err(index_error(format!(
                    "string index {} out of range for length {len}",
                    crate::display::display(idx)
                ))),
            }
        }
        (Value::Object(o), k) => {
            let key = key_of(k)?;
            match o.dict.borrow().get(&key) {
                Some(v) => Ok(v.clone()),
                None => Err(key_error(format!("key {} not found", crate::display::repr(k)))),
            }
        }
        (Value::Array(_) | Value::Str(_), i) => Err(type_error(format!(
            "{} indices must be ints, not {}",
            obj.type_name(),
            i.type_name()
        ))),
        (o, _) => Err(type_error(format!("{} cannot be indexed", o.type_name()))),
    }
}

/// `obj[idx] = v` for everything but the array/int fast path.
#[cold]
fn set_index(obj: &Value, idx: &Value, v: Value) -> Result<()> {
    match (obj, idx) {
        (Value::Array(arr), Value::Int(_) | Value::BigInt(_)) => {
            let i = ops::to_index(idx).unwrap_or(0);
            if arr.set_at(i, v) {
                Ok(())
            } else {
                Err(index_error(format!(
                    "array assignment index {} out of range for length {}",
                    crate::display::display(idx),
                    arr.len()
                )))
            }
        }
        (Value::Array(_), i) => {
            Err(type_error(format!("array indices must be ints, not {}", i.type_name())))
        }
        (Value::Object(o), k) => {
            let key = key_of(k)?;
            o.dict.borrow_mut().insert(key, v);
            o.account();
            Ok(())
        }
        (Value::Str(_), _) => Err(type_error("strings are immutable: cannot assign to an index")),
        (o, _) => Err(type_error(format!("{} does not support item assignment", o.type_name()))),
    }
}

/// Prepares `for` iteration: arrays iterate in place by position; everything else goes
/// through an `Iterator`.
fn iter_init(v: Value) -> Result<(Value, Value)> {
    let it = match v {
        Value::Array(_) => return Ok((v, Value::Int(0))),
        Value::Iterator(_) => return Ok((v, Value::Null)),
        Value::Str(s) => IterState::Str { text: s, byte_pos: 0 },
        Value::Object(o) => {
            let version = o.dict.borrow().version();
            IterState::Keys { object: o, pos: 0, version }
        }
        other => {
            return Err(type_error(format!("cannot iterate over {}", other.type_name())));
        }
    };
    Ok((Value::Iterator(IteratorObj::new(it)), Value::Null))
}

/// The next item of an iterator, or `None` when it is exhausted.
pub fn iter_next(it: &IteratorObj) -> Result<Option<Value>> {
    let mut state = it.state.borrow_mut();
    match &mut *state {
        IterState::Array { array, pos } => {
            let v = array.get(*pos);
            *pos += 1;
            Ok(v)
        }
        IterState::Str { text, byte_pos } => {
            let s = text.as_str();
            match s[*byte_pos..].chars().next() {
                Some(c) => {
                    let start = *byte_pos;
                    *byte_pos += c.len_utf8();
                    Ok(Some(Value::str(&s[start..*byte_pos])))
                }
                None => Ok(None),
            }
        }
        IterState::Keys { object, pos, version } => {
            let d = object.dict.borrow();
            if d.version() != *version {
                return Err(runtime_error("object keys changed while iterating over it"));
            }
            let k = d.get_index(*pos).map(|(k, _)| k.clone());
            *pos += 1;
            Ok(k)
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.checked_add(*step).unwrap_or(*stop);
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        IterState::Done => Ok(None),
    }
}
