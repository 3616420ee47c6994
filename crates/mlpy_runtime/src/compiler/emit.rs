//! Emission: instructions and their source offsets, jumps and their patching, temp
//! registers (the register layout and the register rule are documented at
//! `alloc_temp`), and the constant table.

use mlpy_syntax::Span;

use super::*;
use crate::bytecode::{Instr, Reg};
use crate::value::Value;

impl Compiler<'_, '_> {
    pub(super) fn emit(&mut self, instr: Instr, span: Span) -> usize {
        let f = self.f();
        f.instrs.push(instr);
        f.offsets.push(span.start);
        f.instrs.len() - 1
    }

    pub(super) fn pc(&mut self) -> usize {
        self.f().instrs.len()
    }

    pub(super) fn jump_offset(&mut self, from: usize, to: usize) -> i32 {
        to as i32 - (from as i32 + 1)
    }

    /// Points the jump at `at` to `target`.
    pub(super) fn patch(&mut self, at: usize, target: usize) {
        let off = self.jump_offset(at, target);
        let short = i16::try_from(off);
        let span_at = self.f().offsets[at];
        let f = self.f();
        let ok = match &mut f.instrs[at] {
            Instr::Jump { offset }
            | Instr::JumpIfFalse { offset, .. }
            | Instr::JumpIfTrue { offset, .. }
            | Instr::PushHandler { offset, .. }
            | Instr::PushFinally { offset, .. } => {
                *offset = off;
                true
            }
            Instr::JumpIfNotLt { offset, .. }
            | Instr::JumpIfNotLe { offset, .. }
            | Instr::JumpIfNotGt { offset, .. }
            | Instr::JumpIfNotGe { offset, .. }
            | Instr::JumpIfNotEq { offset, .. }
            | Instr::JumpIfNotNe { offset, .. }
            | Instr::JumpIfNotLtInt { offset, .. }
            | Instr::JumpIfNotLeInt { offset, .. }
            | Instr::JumpIfNotGtInt { offset, .. }
            | Instr::JumpIfNotGeInt { offset, .. }
            | Instr::JumpIfNotEqInt { offset, .. }
            | Instr::JumpIfNotNeInt { offset, .. }
            | Instr::IterNext { offset, .. }
            | Instr::RangeNext { offset, .. } => match short {
                Ok(s) => {
                    *offset = s;
                    true
                }
                Err(_) => false,
            },
            _ => true,
        };
        if !ok {
            self.fail(
                "this loop or condition is too large to compile (over 32767 instructions); \
                 split it into functions",
                Span::new(span_at, span_at),
            );
        }
    }

    pub(super) fn jump_back(&mut self, target: usize, span: Span) {
        let at = self.pc();
        let off = self.jump_offset(at, target);
        self.emit(Instr::Jump { offset: off }, span);
    }

    /// Registers are laid out as `[params | locals | temps]`: each parameter and plain
    /// local has a fixed register, and temps are allocated above them as a stack
    /// (`temps_mark`/`free_temps`).
    ///
    /// **The register rule.** An assignment's target is written only after every operand
    /// that reads it has been evaluated. A value is therefore computed straight into a
    /// local's register (`assign`) only by an expression that writes its destination
    /// with its last instruction, after reading all its operands (`writes_dst_last`);
    /// every other expression is computed into a temp and moved. The one exception is a
    /// call, whose callee and arguments are laid out from its destination upwards: it may
    /// use the local's register as its base (`FnState::early_write`) only when the value
    /// does not mention the target at all and no `try` of this function is active, so
    /// that neither an operand nor an exception handler can observe the early write.
    /// Object destructuring reads its source after each store, so a source that is one of
    /// the bound names is first copied to a temp. The tests in
    /// `tests/register_rule.rs` check every expression kind against the rule.
    pub(super) fn alloc_temp(&mut self) -> Reg {
        let f = self.f();
        let r = f.next_reg;
        f.next_reg += 1;
        f.max_reg = f.max_reg.max(f.next_reg);
        if f.next_reg >= MAX_REGS {
            self.fail("expression too complex (out of registers)", Span::default());
            return 0;
        }
        r as Reg
    }

    pub(super) fn temps_mark(&mut self) -> u32 {
        self.f().next_reg
    }

    pub(super) fn free_temps(&mut self, mark: u32) {
        self.f().next_reg = mark;
    }

    pub(super) fn add_const(&mut self, key: ConstKey, value: impl FnOnce() -> Value) -> u32 {
        let f = self.f();
        if let Some(&i) = f.const_index.get(&key) {
            return i;
        }
        f.consts.push(value());
        let i = (f.consts.len() - 1) as u32;
        f.const_index.insert(key, i);
        i
    }

    pub(super) fn str_const(&mut self, s: &str) -> u32 {
        self.add_const(ConstKey::Str(s.to_owned()), || Value::str(s))
    }

    /// A string constant addressed by a 16-bit operand.
    pub(super) fn name_const(&mut self, s: &str, span: Span) -> u16 {
        let i = self.str_const(s);
        match u16::try_from(i) {
            Ok(i) => i,
            Err(_) => {
                self.fail("too many distinct names in one function", span);
                0
            }
        }
    }

    pub(super) fn value_const(&mut self, v: Value) -> u32 {
        let f = self.f();
        f.consts.push(v);
        (f.consts.len() - 1) as u32
    }

    pub(super) fn alloc_temps(&mut self, n: usize) -> Reg {
        let base = self.f().next_reg as Reg;
        for _ in 0..n {
            self.alloc_temp();
        }
        base
    }

    /// A constant index as a 16-bit operand.
    pub(super) fn const_operand(&mut self, idx: u32, span: Span) -> u16 {
        u16::try_from(idx).unwrap_or_else(|_| {
            self.fail("too many constants in one function", span);
            0
        })
    }
}
