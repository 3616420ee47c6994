//! The instruction set, code objects and the disassembler.
//!
//! The VM is register based (as Lua 5): each instruction names the frame slots it reads
//! and writes. Slots `0..n_params` hold the parameters, then the other locals, then
//! temporaries. Instructions are at most 8 bytes (asserted by a test); source positions
//! live in a side table indexed by pc.

use std::fmt::Write;
use std::rc::Rc;

use mlpy_syntax::SourceFile;

use crate::value::Value;

/// A frame slot.
pub type Reg = u16;

/// One instruction. The doc line of each variant gives its effect on registers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// `dst = consts[idx]`
    LoadConst { dst: Reg, idx: u32 },
    /// `dst = val` (a small int)
    LoadInt { dst: Reg, val: i32 },
    /// `dst = null`
    LoadNull { dst: Reg },
    /// `dst = val`
    LoadBool { dst: Reg, val: bool },
    /// `dst = src`
    Move { dst: Reg, src: Reg },
    /// raises `NameError` for `consts[name]` if `reg` has no value yet
    CheckInit { reg: Reg, name: u16 },
    /// `reg = new cell(reg)`: the variable in `reg` becomes a captured cell
    MakeCell { reg: Reg },
    /// `dst = cell(src).value` (`NameError` for `consts[name]` if it has no value)
    LoadCell { dst: Reg, cell: Reg, name: u16 },
    /// `cell(dst).value = src`
    StoreCell { cell: Reg, src: Reg },
    /// `dst = upvalues[idx].value` (`NameError` if it has no value)
    LoadUpval { dst: Reg, idx: u16 },
    /// `upvalues[idx].value = src`
    StoreUpval { idx: u16, src: Reg },
    /// `dst = a + b`
    Add { dst: Reg, a: Reg, b: Reg },
    /// `dst = a - b`
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `dst = a * b`
    Mul { dst: Reg, a: Reg, b: Reg },
    /// `dst = a / b`
    Div { dst: Reg, a: Reg, b: Reg },
    /// `dst = a // b`
    FloorDiv { dst: Reg, a: Reg, b: Reg },
    /// `dst = a % b`
    Mod { dst: Reg, a: Reg, b: Reg },
    /// `dst = a + imm`
    AddInt { dst: Reg, a: Reg, imm: i16 },
    /// `dst = a - imm`
    SubInt { dst: Reg, a: Reg, imm: i16 },
    /// `dst = a == b`
    Eq { dst: Reg, a: Reg, b: Reg },
    /// `dst = a != b`
    Ne { dst: Reg, a: Reg, b: Reg },
    /// `dst = a < b`
    Lt { dst: Reg, a: Reg, b: Reg },
    /// `dst = a <= b`
    Le { dst: Reg, a: Reg, b: Reg },
    /// `dst = a > b`
    Gt { dst: Reg, a: Reg, b: Reg },
    /// `dst = a >= b`
    Ge { dst: Reg, a: Reg, b: Reg },
    /// `dst = !src`
    Not { dst: Reg, src: Reg },
    /// `dst = -src`
    Neg { dst: Reg, src: Reg },
    /// `pc += offset`
    Jump { offset: i32 },
    /// `if !cond { pc += offset }`
    JumpIfFalse { cond: Reg, offset: i32 },
    /// `if cond { pc += offset }`
    JumpIfTrue { cond: Reg, offset: i32 },
    /// `if !(a < b) { pc += offset }` (fused compare and branch)
    JumpIfNotLt { a: Reg, b: Reg, offset: i16 },
    /// `if !(a <= b) { pc += offset }`
    JumpIfNotLe { a: Reg, b: Reg, offset: i16 },
    /// `if !(a > b) { pc += offset }`
    JumpIfNotGt { a: Reg, b: Reg, offset: i16 },
    /// `if !(a >= b) { pc += offset }`
    JumpIfNotGe { a: Reg, b: Reg, offset: i16 },
    /// `if !(a == b) { pc += offset }`
    JumpIfNotEq { a: Reg, b: Reg, offset: i16 },
    /// `if !(a != b) { pc += offset }`
    JumpIfNotNe { a: Reg, b: Reg, offset: i16 },
    /// `if !(a < imm) { pc += offset }` for a small int constant
    JumpIfNotLtInt { a: Reg, imm: i16, offset: i16 },
    /// `if !(a <= imm) { pc += offset }` for a small int constant
    JumpIfNotLeInt { a: Reg, imm: i16, offset: i16 },
    /// `if !(a > imm) { pc += offset }` for a small int constant
    JumpIfNotGtInt { a: Reg, imm: i16, offset: i16 },
    /// `if !(a >= imm) { pc += offset }` for a small int constant
    JumpIfNotGeInt { a: Reg, imm: i16, offset: i16 },
    /// `if !(a == imm) { pc += offset }` for a small int constant
    JumpIfNotEqInt { a: Reg, imm: i16, offset: i16 },
    /// `if !(a != imm) { pc += offset }` for a small int constant
    JumpIfNotNeInt { a: Reg, imm: i16, offset: i16 },
    /// `dst = [start, start+1, …, start+count-1]`
    NewArray { dst: Reg, start: Reg, count: u16 },
    /// `dst = {}` with room for `capacity` entries
    NewObject { dst: Reg, capacity: u16 },
    /// `obj[consts[key]] = src` while building an object literal
    InitProp { obj: Reg, key: u16, src: Reg },
    /// `dst = obj[idx]`
    GetIndex { dst: Reg, obj: Reg, idx: Reg },
    /// `obj[idx] = src`
    SetIndex { obj: Reg, idx: Reg, src: Reg },
    /// `dst = obj[base:base+1:base+2]` (the bounds are null when omitted)
    GetSlice { dst: Reg, obj: Reg, base: Reg },
    /// `obj[base:base+1:base+2] = src`
    SetSlice { obj: Reg, base: Reg, src: Reg },
    /// `dst = obj.consts[name]`
    GetProp { dst: Reg, obj: Reg, name: u16 },
    /// `obj.consts[name] = src`
    SetProp { obj: Reg, name: u16, src: Reg },
    /// `dst = obj[consts[name]]` for object destructuring (`KeyError` if missing)
    GetKey { dst: Reg, obj: Reg, name: u16 },
    /// `base..base+count = items of src` (`ValueError` on a count mismatch)
    Unpack { base: Reg, count: u16, src: Reg },
    /// `base = base(base+1, …, base+argc)`
    Call { base: Reg, argc: u16 },
    /// `base = base.consts[name](base+1, …, base+argc)`
    CallMethod { base: Reg, argc: u8, name: u16 },
    /// `dst = arr.append(item)`: arrays append in place; any other receiver takes the
    /// `CallMethod` path with `dst` as its base (`dst + 1` is reserved for the argument)
    Append { dst: Reg, arr: Reg, item: Reg },
    /// `dst = len(src)` where `consts[func]` is the builtin `len` (called for other kinds
    /// and when profiling, so the profile still shows the call)
    Len { dst: Reg, src: Reg, func: u16 },
    /// returns `src` from the current function
    Return { src: Reg },
    /// returns null from the current function
    ReturnNull,
    /// `dst = closure(functions[proto])`
    MakeClosure { dst: Reg, proto: u16 },
    /// `dst = the module imports[idx]`, running its top level on first import
    Import { dst: Reg, idx: u16 },
    /// prepares iteration over `base` in place: `base` = the iterable, `base+1` = state
    IterInit { base: Reg },
    /// `dst = next item of base`, or `pc += offset` when exhausted
    IterNext { base: Reg, dst: Reg, offset: i16 },
    /// `base+1 = stop`, `base+2 = step` are checked; `base` = start (ints)
    RangeInit { base: Reg },
    /// `dst = base; base += base+2` while before `base+1`, else `pc += offset`
    RangeNext { base: Reg, dst: Reg, offset: i16 },
    /// installs an error handler at `pc + offset`; the error goes to `reg`
    PushHandler { reg: Reg, offset: i32 },
    /// like `PushHandler`, but `reg` receives the raw error for re-raising (finally)
    PushFinally { reg: Reg, offset: i32 },
    /// removes the innermost handler
    PopHandler,
    /// raises a `UserError` from the object in `src`
    Throw { src: Reg },
    /// re-raises the error kept in `src` by a `PushFinally` handler (no-op on null)
    Reraise { src: Reg },
}

impl Instr {
    pub fn name(&self) -> &'static str {
        match self {
            Instr::LoadConst { .. } => "LoadConst",
            Instr::LoadInt { .. } => "LoadInt",
            Instr::LoadNull { .. } => "LoadNull",
            Instr::LoadBool { .. } => "LoadBool",
            Instr::Move { .. } => "Move",
            Instr::CheckInit { .. } => "CheckInit",
            Instr::MakeCell { .. } => "MakeCell",
            Instr::LoadCell { .. } => "LoadCell",
            Instr::StoreCell { .. } => "StoreCell",
            Instr::LoadUpval { .. } => "LoadUpval",
            Instr::StoreUpval { .. } => "StoreUpval",
            Instr::Add { .. } => "Add",
            Instr::Sub { .. } => "Sub",
            Instr::Mul { .. } => "Mul",
            Instr::Div { .. } => "Div",
            Instr::FloorDiv { .. } => "FloorDiv",
            Instr::Mod { .. } => "Mod",
            Instr::AddInt { .. } => "AddInt",
            Instr::SubInt { .. } => "SubInt",
            Instr::Eq { .. } => "Eq",
            Instr::Ne { .. } => "Ne",
            Instr::Lt { .. } => "Lt",
            Instr::Le { .. } => "Le",
            Instr::Gt { .. } => "Gt",
            Instr::Ge { .. } => "Ge",
            Instr::Not { .. } => "Not",
            Instr::Neg { .. } => "Neg",
            Instr::Jump { .. } => "Jump",
            Instr::JumpIfFalse { .. } => "JumpIfFalse",
            Instr::JumpIfTrue { .. } => "JumpIfTrue",
            Instr::JumpIfNotLt { .. } => "JumpIfNotLt",
            Instr::JumpIfNotLe { .. } => "JumpIfNotLe",
            Instr::JumpIfNotGt { .. } => "JumpIfNotGt",
            Instr::JumpIfNotGe { .. } => "JumpIfNotGe",
            Instr::JumpIfNotEq { .. } => "JumpIfNotEq",
            Instr::JumpIfNotNe { .. } => "JumpIfNotNe",
            Instr::JumpIfNotLtInt { .. } => "JumpIfNotLtInt",
            Instr::JumpIfNotLeInt { .. } => "JumpIfNotLeInt",
            Instr::JumpIfNotGtInt { .. } => "JumpIfNotGtInt",
            Instr::JumpIfNotGeInt { .. } => "JumpIfNotGeInt",
            Instr::JumpIfNotEqInt { .. } => "JumpIfNotEqInt",
            Instr::JumpIfNotNeInt { .. } => "JumpIfNotNeInt",
            Instr::NewArray { .. } => "NewArray",
            Instr::NewObject { .. } => "NewObject",
            Instr::InitProp { .. } => "InitProp",
            Instr::GetIndex { .. } => "GetIndex",
            Instr::SetIndex { .. } => "SetIndex",
            Instr::GetSlice { .. } => "GetSlice",
            Instr::SetSlice { .. } => "SetSlice",
            Instr::GetProp { .. } => "GetProp",
            Instr::SetProp { .. } => "SetProp",
            Instr::GetKey { .. } => "GetKey",
            Instr::Unpack { .. } => "Unpack",
            Instr::Call { .. } => "Call",
            Instr::CallMethod { .. } => "CallMethod",
            Instr::Append { .. } => "Append",
            Instr::Len { .. } => "Len",
            Instr::Return { .. } => "Return",
            Instr::ReturnNull => "ReturnNull",
            Instr::MakeClosure { .. } => "MakeClosure",
            Instr::Import { .. } => "Import",
            Instr::IterInit { .. } => "IterInit",
            Instr::IterNext { .. } => "IterNext",
            Instr::RangeInit { .. } => "RangeInit",
            Instr::RangeNext { .. } => "RangeNext",
            Instr::PushHandler { .. } => "PushHandler",
            Instr::PushFinally { .. } => "PushFinally",
            Instr::PopHandler => "PopHandler",
            Instr::Throw { .. } => "Throw",
            Instr::Reraise { .. } => "Reraise",
        }
    }
}

impl Instr {
    /// The highest register the instruction reads or writes, including the implicit
    /// ones (`base + 1`, `base .. base + argc`, …); `None` when it touches none.
    /// `CodeObject::verify` checks it against the frame size.
    pub fn highest_reg(&self) -> Option<u32> {
        use Instr::*;
        let top = |regs: &[Reg]| regs.iter().copied().max().map(u32::from);
        // The last of `count` registers from `start` (none when `count` is 0).
        let range = |start: Reg, count: u32| count.checked_sub(1).map(|n| u32::from(start) + n);
        match *self {
            LoadConst { dst, .. }
            | LoadInt { dst, .. }
            | LoadNull { dst }
            | LoadBool { dst, .. }
            | LoadUpval { dst, .. }
            | NewObject { dst, .. }
            | MakeClosure { dst, .. }
            | Import { dst, .. } => top(&[dst]),
            CheckInit { reg, .. } | MakeCell { reg } => top(&[reg]),
            Move { dst, src } | Not { dst, src } | Neg { dst, src } => top(&[dst, src]),
            LoadCell { dst, cell, .. } => top(&[dst, cell]),
            StoreCell { cell, src } => top(&[cell, src]),
            StoreUpval { src, .. } | Return { src } | Throw { src } | Reraise { src } => {
                top(&[src])
            }
            Add { dst, a, b }
            | Sub { dst, a, b }
            | Mul { dst, a, b }
            | Div { dst, a, b }
            | FloorDiv { dst, a, b }
            | Mod { dst, a, b }
            | Eq { dst, a, b }
            | Ne { dst, a, b }
            | Lt { dst, a, b }
            | Le { dst, a, b }
            | Gt { dst, a, b }
            | Ge { dst, a, b } => top(&[dst, a, b]),
            AddInt { dst, a, .. } | SubInt { dst, a, .. } => top(&[dst, a]),
            Jump { .. } | ReturnNull | PopHandler => None,
            JumpIfFalse { cond, .. } | JumpIfTrue { cond, .. } => top(&[cond]),
            JumpIfNotLt { a, b, .. }
            | JumpIfNotLe { a, b, .. }
            | JumpIfNotGt { a, b, .. }
            | JumpIfNotGe { a, b, .. }
            | JumpIfNotEq { a, b, .. }
            | JumpIfNotNe { a, b, .. } => top(&[a, b]),
            JumpIfNotLtInt { a, .. }
            | JumpIfNotLeInt { a, .. }
            | JumpIfNotGtInt { a, .. }
            | JumpIfNotGeInt { a, .. }
            | JumpIfNotEqInt { a, .. }
            | JumpIfNotNeInt { a, .. } => top(&[a]),
            NewArray { dst, start, count } => top(&[dst]).max(range(start, u32::from(count))),
            InitProp { obj, src, .. } | SetProp { obj, src, .. } => top(&[obj, src]),
            GetIndex { dst, obj, idx } => top(&[dst, obj, idx]),
            SetIndex { obj, idx, src } => top(&[obj, idx, src]),
            GetSlice { dst, obj, base } => top(&[dst, obj]).max(range(base, 3)),
            SetSlice { obj, base, src } => top(&[obj, src]).max(range(base, 3)),
            GetProp { dst, obj, .. } | GetKey { dst, obj, .. } => top(&[dst, obj]),
            Unpack { base, count, src } => top(&[src]).max(range(base, u32::from(count))),
            Call { base, argc } => range(base, u32::from(argc) + 1),
            CallMethod { base, argc, .. } => range(base, u32::from(argc) + 1),
            Append { dst, arr, item } => top(&[arr, item]).max(range(dst, 2)),
            Len { dst, src, .. } => top(&[dst, src]),
            IterInit { base } => range(base, 2),
            IterNext { base, dst, .. } => top(&[dst]).max(range(base, 2)),
            RangeInit { base } => range(base, 3),
            RangeNext { base, dst, .. } => top(&[dst]).max(range(base, 3)),
            PushHandler { reg, .. } | PushFinally { reg, .. } => top(&[reg]),
        }
    }

    /// The offset of the instruction's branch target from the next instruction.
    pub fn branch_offset(&self) -> Option<i64> {
        use Instr::*;
        match *self {
            Jump { offset }
            | JumpIfFalse { offset, .. }
            | JumpIfTrue { offset, .. }
            | PushHandler { offset, .. }
            | PushFinally { offset, .. } => Some(i64::from(offset)),
            JumpIfNotLt { offset, .. }
            | JumpIfNotLe { offset, .. }
            | JumpIfNotGt { offset, .. }
            | JumpIfNotGe { offset, .. }
            | JumpIfNotEq { offset, .. }
            | JumpIfNotNe { offset, .. }
            | JumpIfNotLtInt { offset, .. }
            | JumpIfNotLeInt { offset, .. }
            | JumpIfNotGtInt { offset, .. }
            | JumpIfNotGeInt { offset, .. }
            | JumpIfNotEqInt { offset, .. }
            | JumpIfNotNeInt { offset, .. }
            | IterNext { offset, .. }
            | RangeNext { offset, .. } => Some(i64::from(offset)),
            _ => None,
        }
    }

    /// Whether execution never continues with the next instruction.
    pub fn ends_flow(&self) -> bool {
        matches!(
            self,
            Instr::Return { .. } | Instr::ReturnNull | Instr::Jump { .. } | Instr::Throw { .. }
        )
    }
}

/// How a closure captures a variable when it is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// The cell in the creating frame's register.
    Local(Reg),
    /// The creating closure's own upvalue.
    Upvalue(u16),
}

/// What kind of code a code object holds (used for names in reports and traces).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A file's top level, shown as `<module>`.
    Module,
    Function,
    Arrow,
}

/// A compiled function or module top level.
#[derive(Debug)]
pub struct CodeObject {
    /// `fib`, `<module>`, the binding of an arrow function, or `<lambda:LINE>`.
    pub name: String,
    pub kind: CodeKind,
    pub file: Rc<SourceFile>,
    /// Line of the definition (1 for a module).
    pub line: u32,
    pub n_params: u16,
    /// Slots `n_params..n_locals` are locals that start without a value.
    pub n_locals: u16,
    pub n_regs: u16,
    pub instrs: Vec<Instr>,
    /// Byte offset in `file` of the operation of each instruction.
    pub offsets: Vec<u32>,
    pub consts: Vec<Value>,
    pub functions: Vec<Rc<CodeObject>>,
    pub captures: Vec<Capture>,
    /// Names of the upvalues (for `NameError` messages).
    pub upvalue_names: Vec<String>,
    /// Names of the locals, by slot.
    pub local_names: Vec<String>,
    /// Slots whose variable is captured: the VM puts a cell in each at entry.
    pub cells: Vec<Reg>,
    /// Inline caches of `GetProp`/`SetProp`, one per constant (used for property names):
    /// the position the name had in the last object it was looked up in.
    pub prop_cache: Box<[std::cell::Cell<u32>]>,
    /// The id this function has in the profiler's function table.
    pub profile_id: std::cell::Cell<u32>,
}

impl CodeObject {
    /// Checks what the run loop relies on to read instructions and registers without
    /// bounds checks (DESIGN: the compiler's output is verified once, not at every
    /// step): the code ends with an instruction that does not fall through, every branch
    /// lands inside the code, and every register an instruction touches is inside the
    /// frame (`n_regs`), which `Vm::push_frame` reserves on the stack.
    pub fn verify(&self) -> Result<(), String> {
        let len = self.instrs.len();
        if !self.instrs.last().is_some_and(Instr::ends_flow) {
            return Err(format!("`{}` does not end with a return or a jump", self.name));
        }
        if self.n_params > self.n_locals || self.n_locals > self.n_regs {
            return Err(format!("`{}` has more locals than registers", self.name));
        }
        if let Some(&r) = self.cells.iter().find(|&&r| r >= self.n_regs) {
            return Err(format!("`{}` captures register {r} outside its frame", self.name));
        }
        for (pc, instr) in self.instrs.iter().enumerate() {
            if let Some(top) = instr.highest_reg() {
                if top >= u32::from(self.n_regs) {
                    return Err(format!(
                        "`{}` pc {pc}: {} uses register {top} of {}",
                        self.name,
                        instr.name(),
                        self.n_regs
                    ));
                }
            }
            if let Some(offset) = instr.branch_offset() {
                let target = pc as i64 + 1 + offset;
                if target < 0 || target >= len as i64 {
                    return Err(format!(
                        "`{}` pc {pc}: {} jumps outside the code (to {target})",
                        self.name,
                        instr.name()
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn line_of_pc(&self, pc: usize) -> u32 {
        let off = self.offsets.get(pc).copied().unwrap_or(0);
        self.file.line_of(off)
    }

    /// The bytecode listing with source lines, as printed by `mlpy compile --disasm`.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        self.disassemble_into(&mut out);
        out
    }

    fn disassemble_into(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "== {} ({}:{}) params={} locals={} regs={} ==",
            self.name,
            self.file.name(),
            self.line,
            self.n_params,
            self.n_locals,
            self.n_regs
        );
        let mut last_line = 0;
        for (pc, instr) in self.instrs.iter().enumerate() {
            let line = self.line_of_pc(pc);
            if line != last_line {
                let _ = writeln!(out, "     {line:>4} | {}", self.file.line_text(line).trim());
                last_line = line;
            }
            let _ = write!(out, "{pc:>5}  {:<15}", instr.name());
            let _ = write!(out, "{}", self.operands(pc, instr));
            out.push('\n');
        }
        for f in &self.functions {
            out.push('\n');
            f.disassemble_into(out);
        }
    }

    fn operands(&self, pc: usize, instr: &Instr) -> String {
        let konst = |i: usize| self.consts.get(i).map(crate::display::repr).unwrap_or_default();
        let target = |off: i64| (pc as i64 + 1 + off).to_string();
        let r = |reg: Reg| format!("r{reg}");
        match *instr {
            Instr::LoadConst { dst, idx } => format!("{} <- {}", r(dst), konst(idx as usize)),
            Instr::LoadInt { dst, val } => format!("{} <- {val}", r(dst)),
            Instr::LoadNull { dst } => format!("{} <- null", r(dst)),
            Instr::LoadBool { dst, val } => format!("{} <- {val}", r(dst)),
            Instr::Move { dst, src } => format!("{} <- {}", r(dst), r(src)),
            Instr::CheckInit { reg, name } => format!("{} ({})", r(reg), konst(name as usize)),
            Instr::MakeCell { reg } => r(reg),
            Instr::LoadCell { dst, cell, .. } => format!("{} <- cell {}", r(dst), r(cell)),
            Instr::StoreCell { cell, src } => format!("cell {} <- {}", r(cell), r(src)),
            Instr::LoadUpval { dst, idx } => {
                let name = self.upvalue_names.get(idx as usize).cloned().unwrap_or_default();
                format!("{} <- upval {idx} ({name})", r(dst))
            }
            Instr::StoreUpval { idx, src } => {
                let name = self.upvalue_names.get(idx as usize).cloned().unwrap_or_default();
                format!("upval {idx} ({name}) <- {}", r(src))
            }
            Instr::Add { dst, a, b }
            | Instr::Sub { dst, a, b }
            | Instr::Mul { dst, a, b }
            | Instr::Div { dst, a, b }
            | Instr::FloorDiv { dst, a, b }
            | Instr::Mod { dst, a, b }
            | Instr::Eq { dst, a, b }
            | Instr::Ne { dst, a, b }
            | Instr::Lt { dst, a, b }
            | Instr::Le { dst, a, b }
            | Instr::Gt { dst, a, b }
            | Instr::Ge { dst, a, b } => format!("{} <- {}, {}", r(dst), r(a), r(b)),
            Instr::AddInt { dst, a, imm } | Instr::SubInt { dst, a, imm } => {
                format!("{} <- {}, {imm}", r(dst), r(a))
            }
            Instr::Not { dst, src } | Instr::Neg { dst, src } => {
                format!("{} <- {}", r(dst), r(src))
            }
            Instr::Jump { offset } => format!("-> {}", target(offset as i64)),
            Instr::JumpIfFalse { cond, offset } | Instr::JumpIfTrue { cond, offset } => {
                format!("{} -> {}", r(cond), target(offset as i64))
            }
            Instr::JumpIfNotLt { a, b, offset }
            | Instr::JumpIfNotLe { a, b, offset }
            | Instr::JumpIfNotGt { a, b, offset }
            | Instr::JumpIfNotGe { a, b, offset }
            | Instr::JumpIfNotEq { a, b, offset }
            | Instr::JumpIfNotNe { a, b, offset } => {
                format!("{}, {} -> {}", r(a), r(b), target(offset as i64))
            }
            Instr::JumpIfNotLtInt { a, imm, offset }
            | Instr::JumpIfNotLeInt { a, imm, offset }
            | Instr::JumpIfNotGtInt { a, imm, offset }
            | Instr::JumpIfNotGeInt { a, imm, offset }
            | Instr::JumpIfNotEqInt { a, imm, offset }
            | Instr::JumpIfNotNeInt { a, imm, offset } => {
                format!("{}, {imm} -> {}", r(a), target(offset as i64))
            }
            Instr::NewArray { dst, start, count } => {
                format!("{} <- [{}; {count}]", r(dst), r(start))
            }
            Instr::NewObject { dst, capacity } => format!("{} <- {{}} ({capacity})", r(dst)),
            Instr::InitProp { obj, key, src } | Instr::SetProp { obj, name: key, src } => {
                format!("{}.{} <- {}", r(obj), konst(key as usize), r(src))
            }
            Instr::GetIndex { dst, obj, idx } => format!("{} <- {}[{}]", r(dst), r(obj), r(idx)),
            Instr::SetIndex { obj, idx, src } => format!("{}[{}] <- {}", r(obj), r(idx), r(src)),
            Instr::GetSlice { dst, obj, base } => {
                format!("{} <- {}[{}..]", r(dst), r(obj), r(base))
            }
            Instr::SetSlice { obj, base, src } => {
                format!("{}[{}..] <- {}", r(obj), r(base), r(src))
            }
            Instr::GetProp { dst, obj, name } | Instr::GetKey { dst, obj, name } => {
                format!("{} <- {}.{}", r(dst), r(obj), konst(name as usize))
            }
            Instr::Unpack { base, count, src } => format!("{}..+{count} <- {}", r(base), r(src)),
            Instr::Call { base, argc } => format!("{} <- {}(argc={argc})", r(base), r(base)),
            Instr::CallMethod { base, argc, name } => {
                format!("{} <- {}.{}(argc={argc})", r(base), r(base), konst(name as usize))
            }
            Instr::Append { dst, arr, item } => {
                format!("{} <- {}.append({})", r(dst), r(arr), r(item))
            }
            Instr::Len { dst, src, .. } => format!("{} <- len({})", r(dst), r(src)),
            Instr::Return { src } => r(src),
            Instr::ReturnNull | Instr::PopHandler => String::new(),
            Instr::MakeClosure { dst, proto } => {
                let name = self.functions.get(proto as usize).map_or("?", |f| f.name.as_str());
                format!("{} <- closure {name}", r(dst))
            }
            Instr::Import { dst, idx } => format!("{} <- import #{idx}", r(dst)),
            Instr::IterInit { base } | Instr::RangeInit { base } => r(base),
            Instr::IterNext { base, dst, offset } | Instr::RangeNext { base, dst, offset } => {
                format!("{} <- next {} else -> {}", r(dst), r(base), target(offset as i64))
            }
            Instr::PushHandler { reg, offset } | Instr::PushFinally { reg, offset } => {
                format!("{} -> {}", r(reg), target(offset as i64))
            }
            Instr::Throw { src } | Instr::Reraise { src } => r(src),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instruction_is_at_most_8_bytes() {
        assert!(std::mem::size_of::<Instr>() <= 8, "{}", std::mem::size_of::<Instr>());
    }

    fn code(n_regs: u16, instrs: Vec<Instr>) -> CodeObject {
        CodeObject {
            name: "f".to_owned(),
            kind: CodeKind::Function,
            file: Rc::new(SourceFile::new("t.ml", "")),
            line: 1,
            n_params: 0,
            n_locals: 0,
            n_regs,
            offsets: vec![0; instrs.len()],
            instrs,
            consts: Vec::new(),
            functions: Vec::new(),
            captures: Vec::new(),
            upvalue_names: Vec::new(),
            local_names: Vec::new(),
            cells: Vec::new(),
            prop_cache: Box::new([]),
            profile_id: std::cell::Cell::new(u32::MAX),
        }
    }

    #[test]
    fn verify_accepts_code_inside_its_frame() {
        let ok = code(
            3,
            vec![
                Instr::LoadInt { dst: 0, val: 1 },
                Instr::JumpIfNotLtInt { a: 0, imm: 2, offset: 1 },
                Instr::Call { base: 1, argc: 1 },
                Instr::Return { src: 0 },
            ],
        );
        assert_eq!(ok.verify(), Ok(()));
    }

    #[test]
    fn verify_rejects_what_the_run_loop_cannot_index() {
        let cases = [
            // A register outside the frame, directly or through an implicit operand.
            (vec![Instr::LoadInt { dst: 2, val: 1 }, Instr::ReturnNull], "uses register 2"),
            (vec![Instr::Call { base: 1, argc: 1 }, Instr::ReturnNull], "uses register 2"),
            (vec![Instr::Append { dst: 1, arr: 0, item: 0 }, Instr::ReturnNull], "register 2"),
            (vec![Instr::RangeNext { base: 0, dst: 0, offset: 0 }, Instr::ReturnNull], "2"),
            // Branches that leave the code, and code that runs off its end.
            (vec![Instr::Jump { offset: 1 }], "jumps outside"),
            (vec![Instr::Jump { offset: -2 }], "jumps outside"),
            (vec![Instr::PushHandler { reg: 0, offset: 5 }, Instr::ReturnNull], "jumps outside"),
            (vec![Instr::LoadNull { dst: 0 }], "does not end"),
            (vec![], "does not end"),
        ];
        for (instrs, expected) in cases {
            let listing = format!("{instrs:?}");
            let err = code(2, instrs).verify().expect_err(&listing);
            assert!(err.contains(expected), "{listing}: {err}");
        }
    }
}
