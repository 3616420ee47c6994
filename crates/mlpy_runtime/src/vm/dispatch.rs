//! The dispatch loop: one `match` on the instruction, with the fast paths inline.

use crate::bytecode::{Capture, CodeObject, Instr};
use crate::dict::{Dict, Key};
use crate::error::{key_error, type_error, value_error, Result, RuntimeError};
use crate::hooks::Hooks;
use crate::ops::{self, CmpOp};
use crate::value::{wrap_index, Array, Closure, Items, Object, Upvalues, Value, VarCell};
use crate::vm::{FrameKind, Handler, Vm};

use super::calls::{not_callable, CallOutcome, Returned};
use super::slow::{
    get_index, index_out_of_range, iter_init, iter_next, name_error, set_index, set_member_error,
    uninit_error,
};

impl Vm {
    /// Runs frames until the frame at index `stop` returns; returns its result.
    // Unchecked instruction fetch and register access (`Stack::reg`), sound because of
    // `CodeObject::verify`. Instructions on fib(25): 106.6 M with bounds checks, 95.6 M
    // without; a 1M-iteration counting loop: 142.6 M and 109.6 M (`bench/callgrind.sh`).
    // Register references borrow `self.stack`, so none outlives a raise or a call.
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
            let instrs: &[Instr] = code.instrs();
            let base = frame.base;
            // The next instruction, as a pointer into `instrs` rather than an index: the
            // fetch then needs one value, which LLVM keeps in a register on the hot paths
            // (with `instrs` and an index `pc`, it spilled `pc` to the stack after the
            // merge of the VM, bytecode and heap branches: a load and a store on every
            // dispatch, +5% instructions on bench/loop). Register allocation in this
            // function is sensitive to small changes: check `bench/callgrind-compare.sh`.
            // Moving `ip` is safe pointer arithmetic (`wrapping_*`); only the fetch reads
            // through it.
            let mut ip: *const Instr = instrs.as_ptr().wrapping_add(frame.pc);

            // The index of the next instruction, stored in the frame when it is left.
            macro_rules! pc {
                () => {
                    (ip as usize - instrs.as_ptr() as usize) / std::mem::size_of::<Instr>()
                };
            }
            // Branches: `pc += $offset`.
            macro_rules! jump {
                ($offset:expr) => {
                    ip = ip.wrapping_offset($offset as isize)
                };
            }

            // Raises `$err` from the current instruction.
            macro_rules! throw {
                ($err:expr) => {{
                    let err = $err;
                    self.frames.last_mut().expect("frame").pc = pc!();
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
                        jump!($offset);
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
                        jump!($offset);
                    }
                }};
            }

            loop {
                // SAFETY: `ip` points into `instrs` (`pc!() < instrs.len()`): `verify`
                // proved that the code ends with an instruction that does not fall through
                // and that every branch target is inside it, and frames resume only after a
                // call or at a handler target.
                let instr = unsafe { &*ip };
                ip = ip.wrapping_add(1);
                match *instr {
                    Instr::LoadConst { dst, idx } => {
                        put_copy!(reg_mut!(dst), &code.consts()[idx as usize])
                    }
                    Instr::LoadInt { dst, val } => reg_mut!(dst).set_int(val as i64),
                    Instr::LoadNull { dst } => reg_mut!(dst).put(Value::Null),
                    Instr::LoadBool { dst, val } => reg_mut!(dst).set_bool(val),
                    Instr::Move { dst, src } => put_copy!(reg_mut!(dst), &reg!(src)),
                    Instr::CheckInit { reg, name } => {
                        if matches!(reg!(reg), Value::Uninit) {
                            throw!(name_error(&code.consts()[name as usize]));
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
                            throw!(name_error(&code.consts()[name as usize]));
                        }
                    }
                    Instr::StoreCell { cell, src } => {
                        if let Value::Cell(c) = &reg!(cell) {
                            put_copy!(c.value.borrow_mut(), &reg!(src));
                        }
                    }
                    Instr::LoadUpval { dst, idx } => {
                        let v = closure.upvalues[idx as usize].value.borrow();
                        if !matches!(*v, Value::Uninit) {
                            put_copy!(reg_mut!(dst), &*v);
                            continue;
                        }
                        // The cell's borrow ends before the error is raised.
                        drop(v);
                        let name = code.upvalue_names()[idx as usize].as_str();
                        throw!(name_error(&Value::str(name)));
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
                                let r = num_integer::Integer::div_floor(x, y);
                                reg_mut!(dst).set_int(r);
                                continue;
                            }
                            (x, y) => tri!(ops::floor_div(x, y)),
                        };
                        reg_mut!(dst).put(v);
                    }
                    Instr::Mod { dst, a, b } => {
                        let v = match (&reg!(a), &reg!(b)) {
                            (Value::Int(x), Value::Int(y)) if *y > 0 => {
                                let r = x.rem_euclid(*y);
                                reg_mut!(dst).set_int(r);
                                continue;
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
                        jump!(offset);
                    }
                    Instr::JumpIfFalse { cond, offset } => {
                        if !truthy!(cond) {
                            jump!(offset);
                        }
                    }
                    Instr::JumpIfTrue { cond, offset } => {
                        if truthy!(cond) {
                            jump!(offset);
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
                            (&reg!(obj), &code.consts()[key as usize])
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
                        let Value::Str(key) = &code.consts()[name as usize] else { continue };
                        if let Some((Value::Object(o), slot)) = reg_pair!(obj, dst) {
                            // `slot` does not hold the object, so overwriting it cannot
                            // free the object borrowed here.
                            let hint = &code.prop_cache()[name as usize];
                            match o.dict.borrow().get_str_cached(key, hint) {
                                Some(v) => put_copy!(slot, v),
                                None => slot.put(Value::Null),
                            }
                            continue;
                        }
                        let v = match &reg!(obj) {
                            Value::Object(o) => {
                                let hint = &code.prop_cache()[name as usize];
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
                        match (&reg!(obj), &code.consts()[name as usize]) {
                            (Value::Object(o), Value::Str(k)) => {
                                let hint = &code.prop_cache()[name as usize];
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
                        let key = code.consts()[name as usize].clone();
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
                        self.frames.last_mut().expect("frame").pc = pc!();
                        match self.call::<H>(base + b as usize, argc as usize) {
                            Ok(CallOutcome::Pushed) => continue 'frame,
                            Ok(CallOutcome::Done) => {}
                            Err(e) => throw!(e),
                        }
                    }
                    Instr::LookupMethod { base: b, name, known } => {
                        // A string's or an array's methods are known from the name.
                        let kind_has_it = match &reg!(b) {
                            Value::Str(_) => known & crate::methods::KNOWN_STR != 0,
                            Value::Array(_) => known & crate::methods::KNOWN_ARRAY != 0,
                            _ => false,
                        };
                        if !kind_has_it {
                            if let Err(e) = self.lookup_method(base + b as usize, code, name) {
                                self.frames.last_mut().expect("frame").pc = pc!();
                                throw!(e)
                            }
                        }
                    }
                    Instr::CallMethod { base: b, argc, name } => {
                        self.frames.last_mut().expect("frame").pc = pc!();
                        let Value::Str(key) = &code.consts()[name as usize] else { continue };
                        let abs = base + b as usize;
                        // With arguments, `LookupMethod` has already put an object's or a
                        // module's function in place of the receiver.
                        if argc > 0 && self.stack[abs].is_callable() {
                            match self.call_looked_up::<H>(abs, argc as usize) {
                                Ok(CallOutcome::Pushed) => continue 'frame,
                                Ok(CallOutcome::Done) => {}
                                Err(e) => throw!(e),
                            }
                            continue;
                        }
                        let hint = &code.prop_cache()[name as usize];
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
                        self.frames.last_mut().expect("frame").pc = pc!();
                        let (recv, arg) = (reg!(arr).clone(), reg!(item).clone());
                        reg_mut!(dst).put(recv);
                        reg_mut!(dst + 1).put(arg);
                        // `arr == dst`: `LookupMethod` ran on the receiver, and an object's
                        // function under `append` is in its place.
                        if arr == dst && self.stack[base + dst as usize].is_callable() {
                            match self.call_looked_up::<H>(base + dst as usize, 1) {
                                Ok(CallOutcome::Pushed) => continue 'frame,
                                Ok(CallOutcome::Done) => {}
                                Err(e) => throw!(e),
                            }
                            continue;
                        }
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
                                if let Value::Native(f) = &code.consts()[func as usize] {
                                    H::instant_native(self, f);
                                }
                            }
                            reg_mut!(dst).set_int(n as i64);
                            continue;
                        }
                        // Other kinds are an error: the builtin itself reports it.
                        self.frames.last_mut().expect("frame").pc = pc!();
                        let arg = reg!(src).clone();
                        let res = match &code.consts()[func as usize] {
                            Value::Native(n) => {
                                let n = n.clone();
                                if H::ENABLED {
                                    H::enter_native(self, &n);
                                }
                                let res = n.call(self, std::slice::from_ref(&arg));
                                if H::ENABLED {
                                    H::exit_native(self);
                                }
                                res.and_then(|v| self.check_interrupt().map(|()| v))
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
                        let proto = code.functions()[proto as usize].clone();
                        let upvalues: Upvalues = proto
                            .captures()
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
                        self.frames.last_mut().expect("frame").pc = pc!();
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
                            None => jump!(offset),
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
                        if let (Value::Int(cur), Value::Int(end), Value::Int(step)) =
                            (&reg!(b), &reg!(b + 1), &reg!(b + 2))
                        {
                            let (cur, end, step) = (*cur, *end, *step);
                            if (step > 0 && cur < end) || (step < 0 && cur > end) {
                                // An overflowing next item lies beyond `end` (all three
                                // are i64), so the loop ends there.
                                reg_mut!(b).set_int(cur.checked_add(step).unwrap_or(end));
                                reg_mut!(dst).set_int(cur);
                                continue;
                            }
                        } else if let Some(v) = tri!(self.range_next_slow(base + b as usize)) {
                            reg_mut!(dst).put(v);
                            continue;
                        }
                        jump!(offset);
                    }
                    Instr::PushHandler { reg, offset } | Instr::PushFinally { reg, offset } => {
                        self.handlers.push(Handler {
                            frame: self.frames.len() - 1,
                            pc: (pc!() as i64 + offset as i64) as usize,
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
}
