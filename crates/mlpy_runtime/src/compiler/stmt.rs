//! Statements: blocks, assignments and destructuring, control flow (`if`, loops,
//! `break`/`continue`, `return`), `try`/`except`/`finally`, definitions and imports.

use mlpy_syntax::ast::{self, Block, ExceptClause, Expr, ExprKind, Pattern, Stmt, StmtKind};
use mlpy_syntax::Span;

use super::expr::{mentions, writes_dst_last};
use super::*;
use crate::bytecode::{Instr, Reg};

impl Compiler<'_, '_> {
    pub(super) fn block(&mut self, stmts: &[Stmt], assigned: &mut Assigned) {
        for stmt in stmts {
            let mark = self.temps_mark();
            self.stmt(stmt, assigned);
            self.free_temps(mark);
            if self.error.is_some() {
                return;
            }
        }
    }

    pub(super) fn stmt(&mut self, stmt: &Stmt, assigned: &mut Assigned) {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.expr_reg(e, assigned);
            }
            StmtKind::Assign { target, value } => self.assign(target, value, assigned),
            StmtKind::Destructure { pattern, value } => {
                // The value is evaluated once (spec §6.3): a source variable that the
                // pattern rebinds is read from a copy.
                let rebinds_source = match &value.kind {
                    ExprKind::Name(src) => pattern.names().iter().any(|id| id.name == src.name),
                    _ => false,
                };
                let src = if rebinds_source || !self.options.fast_paths {
                    let t = self.alloc_temp();
                    self.expr_to(value, t, assigned);
                    t
                } else {
                    self.expr_reg(value, assigned)
                };
                match pattern {
                    Pattern::Array(names) => {
                        let base = self.alloc_temps(names.len());
                        let count = names.len() as u16;
                        self.emit(Instr::Unpack { base, count, src }, value.span);
                        for (i, id) in names.iter().enumerate() {
                            self.store_name(&id.name, base + i as Reg, id.span, assigned);
                        }
                    }
                    Pattern::Object(names) => {
                        let tmp = self.alloc_temp();
                        for id in names {
                            let name = self.name_const(&id.name, id.span);
                            self.emit(Instr::GetKey { dst: tmp, obj: src, name }, id.span);
                            self.store_name(&id.name, tmp, id.span, assigned);
                        }
                    }
                }
            }
            StmtKind::FunctionDef(func) => {
                let name = func.name.as_ref().map_or("", |n| n.name.as_str()).to_owned();
                let proto = self.function(func, None);
                let dst = match self.local_reg(&name) {
                    Some(r) => r,
                    None => self.alloc_temp(),
                };
                self.emit(Instr::MakeClosure { dst, proto }, func.span);
                self.store_name(&name, dst, func.span, assigned);
            }
            StmtKind::If { branches, else_block } => {
                let mut end_jumps = Vec::new();
                let start = assigned.mark();
                let mut result: Option<Vec<Reg>> = None;
                for (i, (cond, block)) in branches.iter().enumerate() {
                    let skip = self.cond_jump_false(cond, assigned);
                    self.block(&block.stmts, assigned);
                    result = Some(intersect(result, assigned.undo_to(start)));
                    // The last branch without an `else` falls through to the end.
                    if i + 1 < branches.len() || else_block.is_some() {
                        end_jumps.push(self.emit(Instr::Jump { offset: 0 }, block.span));
                    }
                    let here = self.pc();
                    for j in skip {
                        self.patch(j, here);
                    }
                }
                match else_block {
                    Some(b) => {
                        self.block(&b.stmts, assigned);
                        result = Some(intersect(result, assigned.undo_to(start)));
                    }
                    None => result = Some(Vec::new()),
                }
                let end = self.pc();
                for j in end_jumps {
                    self.patch(j, end);
                }
                if let Some(r) = result {
                    assigned.apply(&r);
                }
            }
            StmtKind::While { cond, body } => {
                let start = self.pc();
                let exits = self.cond_jump_false(cond, assigned);
                let try_depth = self.f().tries.len();
                self.f().loops.push(LoopCtx {
                    breaks: Vec::new(),
                    continue_target: start,
                    try_depth,
                });
                // The body may not run: what it assigns is forgotten after the loop.
                let before_body = assigned.mark();
                self.block(&body.stmts, assigned);
                assigned.undo_to(before_body);
                self.jump_back(start, body.span);
                let end = self.pc();
                for j in exits {
                    self.patch(j, end);
                }
                self.end_loop(end);
            }
            StmtKind::For { var, iter, body } => self.for_loop(var, iter, body, assigned),
            StmtKind::Try { body, handlers, finally } => {
                self.try_stmt(body, handlers, finally.as_ref(), assigned)
            }
            StmtKind::Return(value) => {
                // With a finally block to run first, the value is copied: the block may
                // assign the returned variable (spec §6.11 step 6).
                let runs_finally = self.f().tries.iter().any(|t| matches!(t, TryCtx::Finally(_)));
                let src = value.as_ref().map(|v| {
                    if runs_finally {
                        let t = self.alloc_temp();
                        self.expr_to(v, t, assigned);
                        t
                    } else {
                        self.expr_reg(v, assigned)
                    }
                });
                self.unwind_tries(0, stmt.span, assigned);
                match src {
                    Some(src) => self.emit(Instr::Return { src }, stmt.span),
                    None => self.emit(Instr::ReturnNull, stmt.span),
                };
            }
            StmtKind::Throw(obj) => {
                let src = self.expr_reg(obj, assigned);
                self.emit(Instr::Throw { src }, stmt.span);
            }
            StmtKind::Break | StmtKind::Continue => {
                let Some(lp) = self.f().loops.last() else {
                    self.fail("`break` or `continue` outside a loop", stmt.span);
                    return;
                };
                let (depth, target) = (lp.try_depth, lp.continue_target);
                self.unwind_tries(depth, stmt.span, assigned);
                if matches!(stmt.kind, StmtKind::Break) {
                    let j = self.emit(Instr::Jump { offset: 0 }, stmt.span);
                    if let Some(lp) = self.f().loops.last_mut() {
                        lp.breaks.push(j);
                    }
                } else {
                    self.jump_back(target, stmt.span);
                }
            }
            StmtKind::Import(import) => {
                let idx = (self.ctx.import_index)(import);
                let binding = import.binding();
                let dst = match self.local_reg(&binding.name) {
                    Some(r) => r,
                    None => self.alloc_temp(),
                };
                self.emit(Instr::Import { dst, idx }, stmt.span);
                self.store_name(&binding.name, dst, binding.span, assigned);
            }
            StmtKind::Nonlocal(_) | StmtKind::Capability(_) => {}
        }
    }

    pub(super) fn end_loop(&mut self, end: usize) {
        if let Some(lp) = self.f().loops.pop() {
            for j in lp.breaks {
                self.patch(j, end);
            }
        }
    }

    /// Pops the handlers of the try statements entered since `depth`, running their
    /// finally blocks, before a `return`, `break` or `continue` leaves them.
    pub(super) fn unwind_tries(&mut self, depth: usize, span: Span, assigned: &mut Assigned) {
        let tries = self.f().tries.clone();
        for i in (depth..tries.len()).rev() {
            self.emit(Instr::PopHandler, span);
            if let TryCtx::Finally(block) = &tries[i] {
                let saved = std::mem::replace(&mut self.f().tries, tries[..i].to_vec());
                let mark = assigned.mark();
                self.block(&block.stmts, assigned);
                assigned.undo_to(mark);
                self.f().tries = saved;
            }
        }
    }

    pub(super) fn for_loop(
        &mut self,
        var: &ast::Ident,
        iter: &Expr,
        body: &Block,
        assigned: &mut Assigned,
    ) {
        // `for (x in range(…))` never materialises the range.
        let range_args = match &iter.kind {
            ExprKind::Call { callee, args, .. }
                if callee.name == "range"
                    && self.options.fast_paths
                    && (1..=3).contains(&args.len())
                    && matches!(self.resolve("range"), Resolved::Prelude(_)) =>
            {
                Some(args)
            }
            _ => None,
        };
        let base = self.alloc_temps(3);
        let var_reg = self.local_reg(&var.name);
        let item = match var_reg {
            Some(r) => r,
            None => self.alloc_temp(),
        };
        let next_at = match range_args {
            Some(args) => {
                let (start, stop, step) = match args.len() {
                    1 => (None, &args[0], None),
                    2 => (Some(&args[0]), &args[1], None),
                    _ => (Some(&args[0]), &args[1], Some(&args[2])),
                };
                match start {
                    Some(e) => self.expr_to(e, base, assigned),
                    None => {
                        self.emit(Instr::LoadInt { dst: base, val: 0 }, iter.span);
                    }
                }
                self.expr_to(stop, base + 1, assigned);
                match step {
                    Some(e) => self.expr_to(e, base + 2, assigned),
                    None => {
                        self.emit(Instr::LoadInt { dst: base + 2, val: 1 }, iter.span);
                    }
                }
                let paren = match &iter.kind {
                    ExprKind::Call { paren, .. } => *paren,
                    _ => iter.span,
                };
                self.emit(Instr::RangeInit { base }, paren);
                self.emit(Instr::RangeNext { base, dst: item, offset: 0 }, var.span)
            }
            None => {
                self.expr_to(iter, base, assigned);
                self.emit(Instr::IterInit { base }, iter.span);
                self.emit(Instr::IterNext { base, dst: item, offset: 0 }, var.span)
            }
        };
        // The body may not run: what it assigns is forgotten after the loop.
        let before_body = assigned.mark();
        self.store_name(&var.name, item, var.span, assigned);
        let try_depth = self.f().tries.len();
        self.f().loops.push(LoopCtx { breaks: Vec::new(), continue_target: next_at, try_depth });
        self.block(&body.stmts, assigned);
        assigned.undo_to(before_body);
        self.jump_back(next_at, body.span);
        let end = self.pc();
        self.patch(next_at, end);
        self.end_loop(end);
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &Block,
        handlers: &[ExceptClause],
        finally: Option<&Block>,
        assigned: &mut Assigned,
    ) {
        let start = assigned.mark();
        let fin_reg = finally.map(|_| self.alloc_temp());
        let push_finally = fin_reg.map(|reg| {
            let at = self.emit(Instr::PushFinally { reg, offset: 0 }, body.span);
            if let Some(block) = finally {
                self.f().tries.push(TryCtx::Finally(block.clone()));
            }
            at
        });
        // The slots assigned when the statement completes normally (before `finally`).
        let mut normal_end;
        if handlers.is_empty() {
            self.block(&body.stmts, assigned);
            normal_end = assigned.undo_to(start);
        } else {
            let err_reg = self.alloc_temp();
            let push = self.emit(Instr::PushHandler { reg: err_reg, offset: 0 }, body.span);
            self.f().tries.push(TryCtx::Except);
            self.block(&body.stmts, assigned);
            normal_end = assigned.undo_to(start);
            self.f().tries.pop();
            self.emit(Instr::PopHandler, body.span);
            let skip = self.emit(Instr::Jump { offset: 0 }, body.span);
            let handler_pc = self.pc();
            self.patch(push, handler_pc);
            // Every clause catches every error, so the first one handles it (spec §6.11).
            let clause = &handlers[0];
            match &clause.var {
                Some(var) => {
                    let handler = self.tree.handler_scope(clause);
                    let captured =
                        handler.is_some_and(|id| self.tree.scope(id).is_captured(&var.name));
                    if captured {
                        self.emit(Instr::MakeCell { reg: err_reg }, var.span);
                    }
                    let slot = if captured { Slot::Cell(err_reg) } else { Slot::Reg(err_reg) };
                    if let Some(id) = handler {
                        self.f().handler_slots.insert(id, slot);
                        self.f().scopes.push(id);
                    }
                    self.block(&clause.body.stmts, assigned);
                    if let Some(id) = handler {
                        self.f().scopes.pop();
                        self.f().handler_slots.remove(&id);
                    }
                }
                None => self.block(&clause.body.stmts, assigned),
            }
            let end = self.pc();
            self.patch(skip, end);
            normal_end = intersect(Some(normal_end), assigned.undo_to(start));
        }
        if let (Some(reg), Some(block), Some(push_at)) = (fin_reg, finally, push_finally) {
            self.f().tries.pop();
            self.emit(Instr::PopHandler, block.span);
            self.block(&block.stmts, assigned);
            let fin = assigned.undo_to(start);
            let skip = self.emit(Instr::Jump { offset: 0 }, block.span);
            let exc_pc = self.pc();
            self.patch(push_at, exc_pc);
            self.block(&block.stmts, assigned);
            assigned.undo_to(start);
            self.emit(Instr::Reraise { src: reg }, block.span);
            let end = self.pc();
            self.patch(skip, end);
            normal_end.extend(fin);
        }
        assigned.apply(&normal_end);
    }

    pub(super) fn assign(&mut self, target: &Expr, value: &Expr, assigned: &mut Assigned) {
        match &target.kind {
            ExprKind::Name(id) => {
                let hint = Some(id.name.as_str());
                match self.local_reg(&id.name) {
                    Some(r) if self.options.fast_paths && writes_dst_last(value) => {
                        let early = self.f().tries.is_empty() && !mentions(value, &id.name);
                        self.f().early_write = early.then_some(r);
                        self.expr_to_named(value, r, hint, assigned);
                        self.f().early_write = None;
                        mark_assigned(assigned, r);
                    }
                    _ => {
                        let mark = self.temps_mark();
                        let tmp = self.alloc_temp();
                        self.expr_to_named(value, tmp, hint, assigned);
                        self.store_name(&id.name, tmp, id.span, assigned);
                        self.free_temps(mark);
                    }
                }
            }
            ExprKind::Index { target: obj, index, bracket } => {
                let src = self.expr_reg(value, assigned);
                let obj = self.expr_reg(obj, assigned);
                let idx = self.expr_reg(index, assigned);
                self.emit(Instr::SetIndex { obj, idx, src }, *bracket);
            }
            ExprKind::Slice { target: obj, start, end, step, bracket } => {
                let src = self.expr_reg(value, assigned);
                let obj = self.expr_reg(obj, assigned);
                let base = self.slice_bounds(start, end, step, assigned);
                self.emit(Instr::SetSlice { obj, base, src }, *bracket);
            }
            ExprKind::Member { target: obj, name, dot } => {
                let src = self.expr_reg(value, assigned);
                let obj = self.expr_reg(obj, assigned);
                let name = self.name_const(&name.name, name.span);
                self.emit(Instr::SetProp { obj, name, src }, *dot);
            }
            _ => self.fail("invalid assignment target", target.span),
        }
    }
}
