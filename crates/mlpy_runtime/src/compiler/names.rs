//! Names: what an identifier refers to at the point being compiled (the scope tree of
//! `mlpy_analysis` says which scope binds it; the functions being compiled say which
//! register, cell or upvalue holds it), and loads and stores of variables.

use mlpy_syntax::Span;

use super::*;
use crate::bytecode::{Capture, Instr, Reg};
use crate::value::Value;

impl Compiler<'_, '_> {
    /// What `name` refers to at the point being compiled: the tree says which scope binds
    /// it; the functions being compiled say where that scope keeps it.
    pub(super) fn resolve(&mut self, name: &str) -> Resolved {
        let level = self.fns.len() - 1;
        let from = self.fns[level].scopes.last().copied().unwrap_or(self.fns[level].scope);
        let Some(binder) = self.tree.resolve(from, name) else {
            return match self.ctx.prelude.lookup(name) {
                Some(v) => Resolved::Prelude(v),
                None => Resolved::Unknown,
            };
        };
        let mut found = None;
        for (l, f) in self.fns.iter().enumerate().rev() {
            if f.scope == binder {
                found = f.vars.get(name).map(|slot| (l, *slot));
                break;
            }
            if let Some(slot) = f.handler_slots.get(&binder) {
                found = Some((l, *slot));
                break;
            }
        }
        let Some((def_level, slot)) = found else { return Resolved::Unknown };
        if def_level == level {
            return Resolved::Slot(slot);
        }
        // Used from a nested function: the tree marked it captured, so it lives in a cell.
        let Slot::Cell(reg) = slot else { return Resolved::Unknown };
        let mut capture = Capture::Local(reg);
        let mut idx = 0;
        for f in &mut self.fns[def_level + 1..=level] {
            idx = match f.capture_index.get(&capture_key(capture)) {
                Some(&i) => i,
                None => {
                    let i = f.captures.len() as u16;
                    f.captures.push(capture);
                    f.capture_index.insert(capture_key(capture), i);
                    f.upvalue_names.push(name.to_owned());
                    i
                }
            };
            capture = Capture::Upvalue(idx);
        }
        Resolved::Upval(idx)
    }

    /// Loads the variable `name` into `dst`.
    pub(super) fn load_name(&mut self, name: &str, dst: Reg, span: Span, assigned: &Assigned) {
        match self.resolve(name) {
            Resolved::Slot(Slot::Reg(r)) => {
                if !is_assigned(assigned, r) {
                    let n = self.name_const(name, span);
                    self.emit(Instr::CheckInit { reg: r, name: n }, span);
                }
                if r != dst {
                    self.emit(Instr::Move { dst, src: r }, span);
                }
            }
            Resolved::Slot(Slot::Cell(r)) => {
                let n = self.name_const(name, span);
                self.emit(Instr::LoadCell { dst, cell: r, name: n }, span);
            }
            Resolved::Upval(idx) => {
                self.emit(Instr::LoadUpval { dst, idx }, span);
            }
            Resolved::Prelude(v) => {
                let idx = self.value_const(v);
                self.emit(Instr::LoadConst { dst, idx }, span);
            }
            Resolved::Unknown => {
                let idx = self.value_const(Value::Uninit);
                self.emit(Instr::LoadConst { dst, idx }, span);
                let n = self.name_const(name, span);
                self.emit(Instr::CheckInit { reg: dst, name: n }, span);
            }
        }
    }

    /// Stores `src` into the variable `name`.
    pub(super) fn store_name(&mut self, name: &str, src: Reg, span: Span, assigned: &mut Assigned) {
        match self.resolve(name) {
            Resolved::Slot(Slot::Reg(r)) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src }, span);
                }
                mark_assigned(assigned, r);
            }
            Resolved::Slot(Slot::Cell(r)) => {
                self.emit(Instr::StoreCell { cell: r, src }, span);
            }
            Resolved::Upval(idx) => {
                self.emit(Instr::StoreUpval { idx, src }, span);
            }
            Resolved::Prelude(_) | Resolved::Unknown => {
                self.fail(&format!("cannot assign to `{name}` here"), span);
            }
        }
    }

    /// The register of `name` if it is a plain local (so a value can be computed straight
    /// into it).
    pub(super) fn local_reg(&mut self, name: &str) -> Option<Reg> {
        if !self.options.fast_paths {
            return None;
        }
        match self.resolve(name) {
            Resolved::Slot(Slot::Reg(r)) => Some(r),
            _ => None,
        }
    }
}
