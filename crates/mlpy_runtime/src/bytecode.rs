//! The instruction set, verified code objects and the disassembler.
//!
//! The VM is register based (as Lua 5): each instruction names the frame slots it reads
//! and writes. Slots `0..n_params` hold the parameters, then the other locals, then
//! temporaries. Instructions are at most 8 bytes (asserted by a test); source positions
//! live in a side table indexed by pc.
//!
//! Every instruction is declared once, in `instr.rs`, with the role of each operand; the
//! verifier and the disassembler work from those roles. A `CodeObject` exists only once
//! it is verified: its fields are private and `CodeObject::new` (the compiler's, and any
//! future loader's, only way to make one) runs `verify` first. The run loop relies on
//! that to index instructions and registers without bounds checks.

mod instr;
#[cfg(test)]
mod tests;
pub mod wire;

use std::cell::Cell;
use std::fmt::{self, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use mlpy_syntax::SourceFile;

use crate::value::Value;

#[cfg(test)]
pub(crate) use instr::sample_instructions;
pub use instr::{Access, Instr, Operand, INSTRUCTION_NAMES};

/// A frame slot.
pub type Reg = u16;

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

/// Everything a code object is made of, as the compiler produces it; `CodeObject::new`
/// verifies it.
#[derive(Debug)]
pub struct CodeParts {
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
    /// The nested functions (verified already: they are code objects).
    pub functions: Vec<Rc<CodeObject>>,
    pub captures: Vec<Capture>,
    /// Names of the upvalues (for `NameError` messages), one per capture.
    pub upvalue_names: Vec<String>,
    /// Names of the locals, by slot.
    pub local_names: Vec<String>,
    /// Slots whose variable is captured: the VM puts a cell in each at entry.
    pub cells: Vec<Reg>,
}

/// A compiled function or module top level, verified (see the module doc).
#[derive(Debug)]
pub struct CodeObject {
    parts: CodeParts,
    /// Inline caches of `GetProp`/`SetProp`, one per constant (used for property names):
    /// the position the name had in the last object it was looked up in.
    prop_cache: Box<[Cell<u32>]>,
    /// A number no other code object of the process has, dense (assigned in order of
    /// creation): profilers keep their ids of code objects in tables indexed by it, so
    /// the shared code object holds no profiler's state.
    index: u32,
}

/// Why a code object was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function's name.
    pub function: String,
    /// The instruction at fault, if one is.
    pub pc: Option<usize>,
    pub problem: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pc {
            Some(pc) => write!(f, "`{}` pc {pc}: {}", self.function, self.problem),
            None => write!(f, "`{}`: {}", self.function, self.problem),
        }
    }
}

impl std::error::Error for VerifyError {}

static NEXT_INDEX: AtomicU32 = AtomicU32::new(0);

impl CodeObject {
    /// Verifies `parts` and makes the code object: the only way to make one.
    pub fn new(parts: CodeParts) -> Result<Rc<CodeObject>, VerifyError> {
        verify(&parts)?;
        let prop_cache = parts.consts.iter().map(|_| Cell::new(u32::MAX)).collect();
        let index = NEXT_INDEX.fetch_add(1, Ordering::Relaxed);
        Ok(Rc::new(CodeObject { parts, prop_cache, index }))
    }

    /// A function that returns null, standing in for code that failed verification while
    /// the compiler finishes reporting the error (it never runs: the compilation fails).
    pub fn placeholder(file: Rc<SourceFile>) -> Rc<CodeObject> {
        let parts = CodeParts {
            name: "<invalid>".to_owned(),
            kind: CodeKind::Function,
            file,
            line: 1,
            n_params: 0,
            n_locals: 0,
            n_regs: 0,
            instrs: vec![Instr::ReturnNull],
            offsets: vec![0],
            consts: Vec::new(),
            functions: Vec::new(),
            captures: Vec::new(),
            upvalue_names: Vec::new(),
            local_names: Vec::new(),
            cells: Vec::new(),
        };
        CodeObject::new(parts).expect("the placeholder is valid code")
    }

    #[inline]
    pub fn name(&self) -> &str {
        &self.parts.name
    }

    #[inline]
    pub fn kind(&self) -> CodeKind {
        self.parts.kind
    }

    #[inline]
    pub fn file(&self) -> &Rc<SourceFile> {
        &self.parts.file
    }

    /// Line of the definition (1 for a module).
    #[inline]
    pub fn line(&self) -> u32 {
        self.parts.line
    }

    #[inline]
    pub fn n_params(&self) -> u16 {
        self.parts.n_params
    }

    /// Slots `n_params..n_locals` are locals that start without a value.
    #[inline]
    pub fn n_locals(&self) -> u16 {
        self.parts.n_locals
    }

    /// The frame size: every register an instruction touches is below it.
    #[inline]
    pub fn n_regs(&self) -> u16 {
        self.parts.n_regs
    }

    /// The instructions: they end with one that does not fall through, and every branch
    /// lands inside them.
    #[inline]
    pub fn instrs(&self) -> &[Instr] {
        &self.parts.instrs
    }

    /// Byte offset in `file` of the operation of each instruction.
    #[inline]
    pub fn offsets(&self) -> &[u32] {
        &self.parts.offsets
    }

    #[inline]
    pub fn consts(&self) -> &[Value] {
        &self.parts.consts
    }

    #[inline]
    pub fn functions(&self) -> &[Rc<CodeObject>] {
        &self.parts.functions
    }

    #[inline]
    pub fn captures(&self) -> &[Capture] {
        &self.parts.captures
    }

    /// Names of the upvalues, one per capture.
    #[inline]
    pub fn upvalue_names(&self) -> &[String] {
        &self.parts.upvalue_names
    }

    /// Names of the locals, by slot.
    #[inline]
    pub fn local_names(&self) -> &[String] {
        &self.parts.local_names
    }

    /// Slots whose variable is captured: the VM puts a cell in each at entry.
    #[inline]
    pub fn cells(&self) -> &[Reg] {
        &self.parts.cells
    }

    /// Inline caches of `GetProp`/`SetProp`, one per constant.
    #[inline]
    pub fn prop_cache(&self) -> &[Cell<u32>] {
        &self.prop_cache
    }

    /// The code object's dense index (see the field).
    #[inline]
    pub fn index(&self) -> u32 {
        self.index
    }

    pub fn line_of_pc(&self, pc: usize) -> u32 {
        let off = self.parts.offsets.get(pc).copied().unwrap_or(0);
        self.parts.file.line_of(off)
    }

    /// The bytecode listing with source lines, as printed by `mlpy compile --disasm`.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        self.disassemble_into(&mut out);
        out
    }

    fn disassemble_into(&self, out: &mut String) {
        let p = &self.parts;
        let _ = writeln!(
            out,
            "== {} ({}:{}) params={} locals={} regs={} ==",
            p.name,
            p.file.name(),
            p.line,
            p.n_params,
            p.n_locals,
            p.n_regs
        );
        let mut last_line = 0;
        for (pc, instr) in p.instrs.iter().enumerate() {
            let line = self.line_of_pc(pc);
            if line != last_line {
                let _ = writeln!(out, "     {line:>4} | {}", p.file.line_text(line).trim());
                last_line = line;
            }
            let _ = write!(out, "{pc:>5}  {:<15}", instr.name());
            out.push_str(&self.operands_text(pc, instr));
            out.push('\n');
        }
        for f in &p.functions {
            out.push('\n');
            f.disassemble_into(out);
        }
    }

    /// An instruction's operands, its template filled in by role.
    fn operands_text(&self, pc: usize, instr: &Instr) -> String {
        let mut values: Vec<(&'static str, String)> = Vec::with_capacity(3);
        instr.for_each_operand(&mut |name, op| values.push((name, self.operand_text(pc, op))));
        let template = instr.template();
        let mut out = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or(0);
            match values.iter().find(|(name, _)| *name == &after[..close]) {
                Some((_, text)) if close > 0 => {
                    out.push_str(text);
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn operand_text(&self, pc: usize, op: Operand) -> String {
        let p = &self.parts;
        let konst = |i: u32| p.consts.get(i as usize).map(crate::display::repr).unwrap_or_default();
        match op {
            Operand::Regs { first, .. } => format!("r{first}"),
            Operand::Branch(off) => (pc as i64 + 1 + off).to_string(),
            Operand::Const(i) | Operand::Name(i) | Operand::Native(i) => konst(i),
            Operand::Function(i) => {
                p.functions.get(i as usize).map_or("?", |f| f.name()).to_owned()
            }
            Operand::Upvalue(i) => {
                let name = p.upvalue_names.get(i as usize).map_or("", String::as_str);
                format!("{i} ({name})")
            }
            Operand::Import(i) => format!("#{i}"),
            Operand::Imm(v) => v.to_string(),
            Operand::Bool(b) => b.to_string(),
        }
    }
}

/// Checks what the run loop relies on to read instructions, registers and tables without
/// bounds checks (DESIGN: the compiler's output is verified once, not at every step): the
/// code ends with an instruction that does not fall through, every branch lands inside
/// the code, every register an instruction touches (implicit ones included) is inside the
/// frame (`n_regs`, which `Vm::push_frame` reserves), and every constant, name, function
/// and upvalue an instruction names exists and is of the kind it needs. Import indices
/// refer to the program's import table, which a code object does not know: the VM checks
/// them against it.
fn verify(p: &CodeParts) -> Result<(), VerifyError> {
    let fail = |pc: Option<usize>, problem: String| {
        Err(VerifyError { function: p.name.clone(), pc, problem })
    };
    let len = p.instrs.len();
    if !p.instrs.last().is_some_and(Instr::ends_flow) {
        return fail(None, "does not end with a return or a jump".to_owned());
    }
    if p.offsets.len() != len {
        return fail(
            None,
            format!("has {} source offsets for {len} instructions", p.offsets.len()),
        );
    }
    if p.n_params > p.n_locals || p.n_locals > p.n_regs {
        return fail(None, "has more locals than registers".to_owned());
    }
    if let Some(&r) = p.cells.iter().find(|&&r| r >= p.n_regs) {
        return fail(None, format!("captures register {r} outside its frame"));
    }
    if p.upvalue_names.len() != p.captures.len() {
        return fail(None, "has a name for each upvalue".to_owned());
    }
    if p.kind == CodeKind::Module && !p.captures.is_empty() {
        return fail(None, "is a module top level with upvalues".to_owned());
    }
    for f in &p.functions {
        for c in f.captures() {
            match *c {
                Capture::Local(r) if r >= p.n_regs => {
                    return fail(
                        None,
                        format!("`{}` captures register {r} of {}", f.name(), p.n_regs),
                    )
                }
                Capture::Upvalue(i) if usize::from(i) >= p.captures.len() => {
                    return fail(None, format!("`{}` captures missing upvalue {i}", f.name()))
                }
                _ => {}
            }
        }
    }
    for (pc, instr) in p.instrs.iter().enumerate() {
        let mut problem = None;
        instr.for_each_operand(&mut |field, op| {
            if problem.is_none() {
                problem = check_operand(p, pc, op)
                    .map(|what| format!("{} {field}: {what}", instr.name()));
            }
        });
        if let Some(problem) = problem {
            return fail(Some(pc), problem);
        }
    }
    Ok(())
}

/// What is wrong with operand `op` of the instruction at `pc`, if anything.
fn check_operand(p: &CodeParts, pc: usize, op: Operand) -> Option<String> {
    let konst = |i: u32| p.consts.get(i as usize);
    match op {
        Operand::Regs { first, count, .. } => {
            let end = u32::from(first) + count;
            (count > 0 && end > u32::from(p.n_regs))
                .then(|| format!("uses register {} of {}", end - 1, p.n_regs))
        }
        Operand::Branch(off) => {
            let target = pc as i64 + 1 + off;
            (target < 0 || target >= p.instrs.len() as i64)
                .then(|| format!("jumps outside the code (to {target})"))
        }
        Operand::Const(i) => konst(i).is_none().then(|| format!("no constant {i}")),
        Operand::Name(i) => match konst(i) {
            Some(Value::Str(_)) => None,
            Some(_) => Some(format!("constant {i} is not a name")),
            None => Some(format!("no constant {i}")),
        },
        Operand::Native(i) => match konst(i) {
            Some(Value::Native(_)) => None,
            Some(_) => Some(format!("constant {i} is not a native function")),
            None => Some(format!("no constant {i}")),
        },
        Operand::Function(i) => {
            (i as usize >= p.functions.len()).then(|| format!("no function {i}"))
        }
        Operand::Upvalue(i) => (i as usize >= p.captures.len()).then(|| format!("no upvalue {i}")),
        Operand::Import(_) | Operand::Imm(_) | Operand::Bool(_) => None,
    }
}
