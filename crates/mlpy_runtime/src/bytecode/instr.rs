//! The instruction set, declared once.
//!
//! `instruction_set!` below lists every instruction with its operands, each operand with
//! its role (a register read or written, a run of registers, a branch offset, a constant,
//! a nested function, an upvalue, an import, an immediate), its disassembly template and
//! whether it ends the flow of control. From that one list the macro generates the `Instr`
//! enum, `Instr::name`, `Instr::operands` (from which the registers an instruction reads
//! and writes, its branch target and its highest register are derived), `Instr::ends_flow`
//! and the disassembly, so the verifier (`CodeObject::new`) and the disassembler cannot
//! drift from the instruction set: an operand whose role is not declared does not compile.

#[allow(unused_imports)] // used by the generated `encode`
use super::wire::Field as _;
use super::Reg;

/// How an instruction uses a run of registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
    /// Read, then written.
    Update,
}

/// One operand of an instruction, by role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// The `count` registers from `first` (usually one).
    Regs { first: Reg, count: u32, access: Access },
    /// A branch target, relative to the next instruction.
    Branch(i64),
    /// An index into the code object's constants.
    Const(u32),
    /// An index into the constants that must hold a string (a name).
    Name(u32),
    /// An index into the constants that must hold a native function.
    Native(u32),
    /// An index into the code object's nested functions.
    Function(u32),
    /// An index into the running closure's upvalues (the code object's captures).
    Upvalue(u32),
    /// An index into the program's import statements.
    Import(u32),
    /// An immediate int (a value, a count or a capacity).
    Imm(i64),
    /// An immediate boolean.
    Bool(bool),
}

impl Operand {
    /// The registers the operand names, as `(first, count, access)`.
    pub fn regs(self) -> Option<(Reg, u32, Access)> {
        match self {
            Operand::Regs { first, count, access } => Some((first, count, access)),
            _ => None,
        }
    }
}

/// Builds the `Operand` of a field from its declared role.
macro_rules! operand {
    (read, $f:ident) => { Operand::Regs { first: $f, count: 1, access: Access::Read } };
    (write, $f:ident) => { Operand::Regs { first: $f, count: 1, access: Access::Write } };
    (update, $f:ident) => { Operand::Regs { first: $f, count: 1, access: Access::Update } };
    (reads($($n:tt)*), $f:ident) => {
        Operand::Regs { first: $f, count: ($($n)*) as u32, access: Access::Read }
    };
    (writes($($n:tt)*), $f:ident) => {
        Operand::Regs { first: $f, count: ($($n)*) as u32, access: Access::Write }
    };
    (updates($($n:tt)*), $f:ident) => {
        Operand::Regs { first: $f, count: ($($n)*) as u32, access: Access::Update }
    };
    (branch, $f:ident) => { Operand::Branch(i64::from($f)) };
    (konst, $f:ident) => { Operand::Const(u32::from($f)) };
    (name, $f:ident) => { Operand::Name(u32::from($f)) };
    (native, $f:ident) => { Operand::Native(u32::from($f)) };
    (function, $f:ident) => { Operand::Function(u32::from($f)) };
    (upvalue, $f:ident) => { Operand::Upvalue(u32::from($f)) };
    (import, $f:ident) => { Operand::Import(u32::from($f)) };
    (imm, $f:ident) => { Operand::Imm(i64::from($f)) };
    (flag, $f:ident) => { Operand::Bool($f) };
}

/// An operand as written to the cache: an import index relative to the file's first.
macro_rules! wire_field {
    (import, $ty:ty, $f:ident, $base:expr) => {
        crate::bytecode::wire::Relative($f.checked_sub($base))
    };
    ($role:ident, $ty:ty, $f:ident, $base:expr) => {
        $f
    };
}

/// An operand as read from the cache: an import index is made absolute and checked
/// against the file's import statements.
macro_rules! unwire_field {
    (import, $ty:ty, $v:expr, $base:expr, $n:expr) => {{
        let local: $ty = $v;
        if local >= $n {
            return None;
        }
        local.checked_add($base)?
    }};
    ($role:ident, $ty:ty, $v:expr, $base:expr, $n:expr) => {
        $v
    };
}

macro_rules! ends_flow {
    () => {
        false
    };
    (ends) => {
        true
    };
}

/// Declares the instruction set (see the module doc). Each entry is
/// `Name { field: Type = role, … } => "disassembly template" [, ends];` where a template's
/// `{field}` stands for the operand's display (`r3`, a constant's repr, a branch target).
macro_rules! instruction_set {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $({ $($field:ident : $ty:ty = $role:ident $(($($arg:tt)*))?),* $(,)? })?
            => $template:literal $(, $flow:ident)?;
    )*) => {
        /// One instruction. The doc line of each variant gives its effect on registers.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Instr {
            $( $(#[doc = $doc])* $name $({ $($field: $ty),* })?, )*
        }

        /// The name of every instruction, in declaration order.
        pub const INSTRUCTION_NAMES: &[&str] = &[$(stringify!($name)),*];

        /// The opcode of each instruction in the cache format: its declaration index.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u8)]
        enum Opcode { $($name),* }

        impl Instr {
            pub fn name(&self) -> &'static str {
                match self {
                    $( Instr::$name { .. } => stringify!($name), )*
                }
            }

            /// Calls `f` with the name and the role of each operand, in declaration order.
            pub fn for_each_operand(&self, f: &mut dyn FnMut(&'static str, Operand)) {
                match *self {
                    $( Instr::$name $({ $($field),* })? => {
                        $($( f(stringify!($field), operand!($role $(($($arg)*))?, $field)); )*)?
                    } )*
                }
            }

            /// Appends the instruction in the cache format (`crate::cache`): the opcode
            /// (its declaration index), then each operand in declaration order,
            /// little-endian at its declared width. An import index is written relative
            /// to `import_base` (the file's first entry in the program's import table).
            pub(crate) fn encode(&self, out: &mut Vec<u8>, import_base: u16) -> Option<()> {
                match *self {
                    $( Instr::$name $({ $($field),* })? => {
                        out.push(Opcode::$name as u8);
                        $($( wire_field!($role, $ty, $field, import_base).put(out)?; )*)?
                    } )*
                }
                Some(())
            }

            /// Reads one instruction written by `encode` (`None` on any malformation:
            /// an unknown opcode, a short read, a boolean that is not 0 or 1, an import
            /// index beyond the file's `n_imports`); the import index becomes absolute
            /// again by adding `import_base`.
            pub(crate) fn decode(
                r: &mut crate::bytecode::wire::Reader<'_>,
                import_base: u16,
                n_imports: u16,
            ) -> Option<Instr> {
                let op = r.u8()?;
                $( if op == Opcode::$name as u8 {
                    $($( let $field: $ty = unwire_field!(
                        $role, $ty, <$ty as crate::bytecode::wire::Field>::take(r)?,
                        import_base, n_imports
                    ); )*)?
                    return Some(Instr::$name $({ $($field),* })?);
                } )*
                None
            }

            /// Whether execution never continues with the next instruction.
            pub fn ends_flow(&self) -> bool {
                match self {
                    $( Instr::$name { .. } => ends_flow!($($flow)?), )*
                }
            }

            /// The disassembly template (operands as `{field}`).
            pub(crate) fn template(&self) -> &'static str {
                match self {
                    $( Instr::$name { .. } => $template, )*
                }
            }

            /// Rebuilds the instruction with every operand replaced by `f(name, operand)`
            /// (cast back to the field's type): how tests make each operand invalid in
            /// turn.
            #[cfg(test)]
            pub(crate) fn map_operands(&self, f: &mut dyn FnMut(&'static str, Operand) -> i64) -> Instr {
                match *self {
                    $( Instr::$name $({ $($field),* })? => {
                        $($( let $field = field_from!(
                            $role, $ty, f(stringify!($field), operand!($role $(($($arg)*))?, $field))
                        ); )*)?
                        Instr::$name $({ $($field),* })?
                    } )*
                }
            }
        }

        /// One instance of each instruction, every operand 0 (or false): a sample for
        /// tests that must cover the whole instruction set.
        #[cfg(test)]
        pub(crate) fn sample_instructions() -> Vec<Instr> {
            vec![$( Instr::$name $({ $($field: field_from!($role, $ty, 0)),* })? ),*]
        }
    };
}

/// Converts an `i64` back to an operand field's type (tests only; values are truncated).
#[cfg(test)]
macro_rules! field_from {
    (flag, $ty:ty, $v:expr) => {
        $v != 0
    };
    ($role:ident, $ty:ty, $v:expr) => {
        $v as $ty
    };
}

instruction_set! {
    /// `dst = consts[idx]`
    LoadConst { dst: Reg = write, idx: u32 = konst } => "{dst} <- {idx}";
    /// `dst = val` (a small int)
    LoadInt { dst: Reg = write, val: i32 = imm } => "{dst} <- {val}";
    /// `dst = null`
    LoadNull { dst: Reg = write } => "{dst} <- null";
    /// `dst = val`
    LoadBool { dst: Reg = write, val: bool = flag } => "{dst} <- {val}";
    /// `dst = src`
    Move { dst: Reg = write, src: Reg = read } => "{dst} <- {src}";
    /// raises `NameError` for `consts[name]` if `reg` has no value yet
    CheckInit { reg: Reg = read, name: u16 = name } => "{reg} ({name})";
    /// `reg = new cell(reg)`: the variable in `reg` becomes a captured cell
    MakeCell { reg: Reg = update } => "{reg}";
    /// `dst = cell(src).value` (`NameError` for `consts[name]` if it has no value)
    LoadCell { dst: Reg = write, cell: Reg = read, name: u16 = name } => "{dst} <- cell {cell}";
    /// `cell(dst).value = src`
    StoreCell { cell: Reg = read, src: Reg = read } => "cell {cell} <- {src}";
    /// `dst = upvalues[idx].value` (`NameError` if it has no value)
    LoadUpval { dst: Reg = write, idx: u16 = upvalue } => "{dst} <- upval {idx}";
    /// `upvalues[idx].value = src`
    StoreUpval { idx: u16 = upvalue, src: Reg = read } => "upval {idx} <- {src}";
    /// `dst = a + b`
    Add { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a - b`
    Sub { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a * b`
    Mul { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a / b`
    Div { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a // b`
    FloorDiv { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a % b`
    Mod { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a + imm`
    AddInt { dst: Reg = write, a: Reg = read, imm: i16 = imm } => "{dst} <- {a}, {imm}";
    /// `dst = a - imm`
    SubInt { dst: Reg = write, a: Reg = read, imm: i16 = imm } => "{dst} <- {a}, {imm}";
    /// `dst = a == b`
    Eq { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a != b`
    Ne { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a < b`
    Lt { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a <= b`
    Le { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a > b`
    Gt { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = a >= b`
    Ge { dst: Reg = write, a: Reg = read, b: Reg = read } => "{dst} <- {a}, {b}";
    /// `dst = !src`
    Not { dst: Reg = write, src: Reg = read } => "{dst} <- {src}";
    /// `dst = -src`
    Neg { dst: Reg = write, src: Reg = read } => "{dst} <- {src}";
    /// `pc += offset`
    Jump { offset: i32 = branch } => "-> {offset}", ends;
    /// `if !cond { pc += offset }`
    JumpIfFalse { cond: Reg = read, offset: i32 = branch } => "{cond} -> {offset}";
    /// `if cond { pc += offset }`
    JumpIfTrue { cond: Reg = read, offset: i32 = branch } => "{cond} -> {offset}";
    /// `if !(a < b) { pc += offset }` (fused compare and branch)
    JumpIfNotLt { a: Reg = read, b: Reg = read, offset: i16 = branch } => "{a}, {b} -> {offset}";
    /// `if !(a <= b) { pc += offset }`
    JumpIfNotLe { a: Reg = read, b: Reg = read, offset: i16 = branch } => "{a}, {b} -> {offset}";
    /// `if !(a > b) { pc += offset }`
    JumpIfNotGt { a: Reg = read, b: Reg = read, offset: i16 = branch } => "{a}, {b} -> {offset}";
    /// `if !(a >= b) { pc += offset }`
    JumpIfNotGe { a: Reg = read, b: Reg = read, offset: i16 = branch } => "{a}, {b} -> {offset}";
    /// `if !(a == b) { pc += offset }`
    JumpIfNotEq { a: Reg = read, b: Reg = read, offset: i16 = branch } => "{a}, {b} -> {offset}";
    /// `if !(a != b) { pc += offset }`
    JumpIfNotNe { a: Reg = read, b: Reg = read, offset: i16 = branch } => "{a}, {b} -> {offset}";
    /// `if !(a < imm) { pc += offset }` for a small int constant
    JumpIfNotLtInt { a: Reg = read, imm: i16 = imm, offset: i16 = branch } => "{a}, {imm} -> {offset}";
    /// `if !(a <= imm) { pc += offset }` for a small int constant
    JumpIfNotLeInt { a: Reg = read, imm: i16 = imm, offset: i16 = branch } => "{a}, {imm} -> {offset}";
    /// `if !(a > imm) { pc += offset }` for a small int constant
    JumpIfNotGtInt { a: Reg = read, imm: i16 = imm, offset: i16 = branch } => "{a}, {imm} -> {offset}";
    /// `if !(a >= imm) { pc += offset }` for a small int constant
    JumpIfNotGeInt { a: Reg = read, imm: i16 = imm, offset: i16 = branch } => "{a}, {imm} -> {offset}";
    /// `if !(a == imm) { pc += offset }` for a small int constant
    JumpIfNotEqInt { a: Reg = read, imm: i16 = imm, offset: i16 = branch } => "{a}, {imm} -> {offset}";
    /// `if !(a != imm) { pc += offset }` for a small int constant
    JumpIfNotNeInt { a: Reg = read, imm: i16 = imm, offset: i16 = branch } => "{a}, {imm} -> {offset}";
    /// `dst = [start, start+1, …, start+count-1]`
    NewArray { dst: Reg = write, start: Reg = reads(count), count: u16 = imm } => "{dst} <- [{start}; {count}]";
    /// `dst = {}` with room for `capacity` entries
    NewObject { dst: Reg = write, capacity: u16 = imm } => "{dst} <- {} ({capacity})";
    /// `obj[consts[key]] = src` while building an object literal
    InitProp { obj: Reg = read, key: u16 = name, src: Reg = read } => "{obj}.{key} <- {src}";
    /// `dst = obj[idx]`
    GetIndex { dst: Reg = write, obj: Reg = read, idx: Reg = read } => "{dst} <- {obj}[{idx}]";
    /// `obj[idx] = src`
    SetIndex { obj: Reg = read, idx: Reg = read, src: Reg = read } => "{obj}[{idx}] <- {src}";
    /// `dst = obj[base:base+1:base+2]` (the bounds are null when omitted)
    GetSlice { dst: Reg = write, obj: Reg = read, base: Reg = reads(3) } => "{dst} <- {obj}[{base}..]";
    /// `obj[base:base+1:base+2] = src`
    SetSlice { obj: Reg = read, base: Reg = reads(3), src: Reg = read } => "{obj}[{base}..] <- {src}";
    /// `dst = obj.consts[name]`
    GetProp { dst: Reg = write, obj: Reg = read, name: u16 = name } => "{dst} <- {obj}.{name}";
    /// `obj.consts[name] = src`
    SetProp { obj: Reg = read, name: u16 = name, src: Reg = read } => "{obj}.{name} <- {src}";
    /// `dst = obj[consts[name]]` for object destructuring (`KeyError` if missing)
    GetKey { dst: Reg = write, obj: Reg = read, name: u16 = name } => "{dst} <- {obj}.{name}";
    /// `base..base+count = items of src` (`ValueError` on a count mismatch)
    Unpack { base: Reg = writes(count), count: u16 = imm, src: Reg = read } => "{base}..+{count} <- {src}";
    /// `base = base(base+1, …, base+argc)`
    Call { base: Reg = updates(argc as u32 + 1), argc: u16 = imm } => "{base} <- {base}(argc={argc})";
    /// Looks up the member `consts[name]` of the receiver in `base` before the arguments
    /// of a method call are evaluated (spec §5.11): `AttributeError` if there is none. An
    /// object's or module's member that is a function replaces the receiver, and the
    /// `CallMethod` that follows calls it; any other member is looked up again there.
    /// `known` says, from the name alone, whether strings (`KNOWN_STR`) and arrays
    /// (`KNOWN_ARRAY`) have the method, so that their lookup is one test.
    LookupMethod { base: Reg = updates(1), name: u16 = name, known: u8 = imm }
        => "{base} <- {base}.{name} (known={known})";
    /// `base = base.consts[name](base+1, …, base+argc)`; with `argc > 0` a `LookupMethod`
    /// on `base` precedes it
    CallMethod { base: Reg = updates(argc as u32 + 1), argc: u8 = imm, name: u16 = name }
        => "{base} <- {base}.{name}(argc={argc})";
    /// `dst = arr.append(item)`: arrays append in place; any other receiver takes the
    /// `CallMethod` path with `dst` as its base (`dst + 1` is reserved for the argument).
    /// `arr == dst` when a `LookupMethod` on `dst` precedes it (as for `CallMethod`)
    Append { dst: Reg = writes(2), arr: Reg = read, item: Reg = read } => "{dst} <- {arr}.append({item})";
    /// `dst = len(src)` where `consts[func]` is the builtin `len` (called for other kinds
    /// and when profiling, so the profile still shows the call)
    Len { dst: Reg = write, src: Reg = read, func: u16 = native } => "{dst} <- len({src})";
    /// returns `src` from the current function
    Return { src: Reg = read } => "{src}", ends;
    /// returns null from the current function
    ReturnNull => "", ends;
    /// `dst = closure(functions[proto])`
    MakeClosure { dst: Reg = write, proto: u16 = function } => "{dst} <- closure {proto}";
    /// `dst = the module imports[idx]`, running its top level on first import
    Import { dst: Reg = write, idx: u16 = import } => "{dst} <- import {idx}";
    /// prepares iteration over `base` in place: `base` = the iterable, `base+1` = state
    IterInit { base: Reg = updates(2) } => "{base}";
    /// `dst = next item of base`, or `pc += offset` when exhausted
    IterNext { base: Reg = updates(2), dst: Reg = write, offset: i16 = branch }
        => "{dst} <- next {base} else -> {offset}";
    /// `base+1 = stop`, `base+2 = step` are checked; `base` = start (ints)
    RangeInit { base: Reg = updates(3) } => "{base}";
    /// `dst = base; base += base+2` while before `base+1`, else `pc += offset`
    RangeNext { base: Reg = updates(3), dst: Reg = write, offset: i16 = branch }
        => "{dst} <- next {base} else -> {offset}";
    /// installs an error handler at `pc + offset`; the error goes to `reg`
    PushHandler { reg: Reg = write, offset: i32 = branch } => "{reg} -> {offset}";
    /// like `PushHandler`, but `reg` receives the raw error for re-raising (finally)
    PushFinally { reg: Reg = write, offset: i32 = branch } => "{reg} -> {offset}";
    /// removes the innermost handler
    PopHandler => "";
    /// raises a `UserError` from the object in `src`
    Throw { src: Reg = read } => "{src}", ends;
    /// re-raises the error kept in `src` by a `PushFinally` handler (no-op on null)
    Reraise { src: Reg = read } => "{src}";
}

impl Instr {
    /// The operands, in declaration order.
    pub fn operands(&self) -> Vec<(&'static str, Operand)> {
        let mut out = Vec::with_capacity(3);
        self.for_each_operand(&mut |name, op| out.push((name, op)));
        out
    }

    /// The registers the instruction reads (an updated register counts too), implicit
    /// ones (`base + 1 ..`) included.
    pub fn reads(&self) -> Vec<Reg> {
        self.regs_where(|a| a != Access::Write)
    }

    /// The registers the instruction writes (an updated register counts too).
    pub fn writes(&self) -> Vec<Reg> {
        self.regs_where(|a| a != Access::Read)
    }

    fn regs_where(&self, keep: impl Fn(Access) -> bool) -> Vec<Reg> {
        let mut out = Vec::new();
        self.for_each_operand(&mut |_, op| {
            if let Some((first, count, access)) = op.regs() {
                if keep(access) {
                    out.extend((0..count).map(|i| (u32::from(first) + i) as Reg));
                }
            }
        });
        out
    }

    /// The highest register the instruction reads or writes, including the implicit
    /// ones; `None` when it touches none.
    pub fn highest_reg(&self) -> Option<u32> {
        let mut top = None;
        self.for_each_operand(&mut |_, op| {
            if let Some((first, count, _)) = op.regs() {
                if let Some(last) = count.checked_sub(1) {
                    top = top.max(Some(u32::from(first) + last));
                }
            }
        });
        top
    }

    /// The offset of the instruction's branch target from the next instruction.
    pub fn branch_offset(&self) -> Option<i64> {
        let mut target = None;
        self.for_each_operand(&mut |_, op| {
            if let Operand::Branch(off) = op {
                target = Some(off);
            }
        });
        target
    }
}
