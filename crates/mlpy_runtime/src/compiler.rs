//! The compiler: syntax tree to register bytecode.
//!
//! Names are resolved here, once (spec §7): parameters and locals become frame slots,
//! variables captured by nested functions live in cells, variables of enclosing functions
//! are upvalues, and unbound names are the prelude's builtins (constants). A read of a
//! local that is not definitely assigned at that point is preceded by `CheckInit`, which
//! raises `NameError`; every other read costs nothing.

mod scope;

use std::collections::HashMap;
use std::rc::Rc;

use mlpy_syntax::ast::{
    self, BinaryOp, Block, ExceptClause, Expr, ExprKind, Function, FunctionBody, LogicalOp,
    Pattern, Stmt, StmtKind, UnaryOp,
};
use mlpy_syntax::{Diagnostic, SourceFile, Span};
use num_bigint::BigInt;

use crate::bytecode::{Capture, CodeKind, CodeObject, CodeParts, Instr, Reg};
use crate::value::Value;
use scope::{FuncKey, ScopeInfo};

/// Names bound in the prelude scope and their values.
pub trait Prelude {
    fn lookup(&self, name: &str) -> Option<Value>;
}

/// What the compiler needs from the program loader.
pub struct CompileContext<'a> {
    pub prelude: &'a dyn Prelude,
    /// Maps an import statement of this file to the program-wide import index.
    pub import_index: &'a mut dyn FnMut(&ast::Import) -> u16,
    /// Imported modules keep every top-level variable in a cell (module members).
    pub is_imported_module: bool,
}

/// Compiles one file's top level. Errors are limits of the bytecode format (too many
/// registers or constants, jumps too far), reported as diagnostics.
pub fn compile_module(
    module: &ast::Module,
    file: Rc<SourceFile>,
    ctx: CompileContext<'_>,
) -> Result<Rc<CodeObject>, Box<Diagnostic>> {
    let scopes = scope::analyze(module, ctx.is_imported_module);
    let mut c = Compiler { file, scopes, fns: Vec::new(), ctx, error: None };
    c.begin_function(None, "<module>".to_owned(), CodeKind::Module, 1);
    let mut assigned = c.fns[0].assigned.clone();
    c.block(&module.body, &mut assigned);
    c.emit(Instr::ReturnNull, module.body.last().map_or(Span::default(), |s| s.span));
    let code = c.end_function();
    match c.error {
        Some(d) => Err(Box::new(d)),
        None => Ok(code),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Reg(Reg),
    /// The register holds the variable's cell.
    Cell(Reg),
}

#[derive(Clone, Debug)]
enum Resolved {
    Slot(Slot),
    Upval(u16),
    Prelude(Value),
    Unknown,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(String),
    BigInt(String),
}

struct LoopCtx {
    /// Jumps to patch to the loop's exit.
    breaks: Vec<usize>,
    /// Where `continue` jumps (known when the loop starts).
    continue_target: usize,
    /// Number of active try contexts when the loop started.
    try_depth: usize,
}

#[derive(Clone)]
enum TryCtx {
    /// A `PushHandler` for the except clauses is active.
    Except,
    /// A `PushFinally` is active; leaving early runs the finally block first.
    Finally(Block),
}

/// Definite assignment of the local slots (true once a value is surely stored).
type Assigned = Vec<bool>;

struct FnState {
    name: String,
    kind: CodeKind,
    line: u32,
    n_params: u16,
    n_locals: u16,
    next_reg: u32,
    max_reg: u32,
    vars: HashMap<String, Slot>,
    nonlocals: std::collections::HashSet<String>,
    except_scopes: Vec<(String, Slot)>,
    instrs: Vec<Instr>,
    offsets: Vec<u32>,
    consts: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    functions: Vec<Rc<CodeObject>>,
    captures: Vec<Capture>,
    upvalue_names: Vec<String>,
    local_names: Vec<String>,
    cells: Vec<Reg>,
    loops: Vec<LoopCtx>,
    tries: Vec<TryCtx>,
    assigned: Assigned,
}

struct Compiler<'a> {
    file: Rc<SourceFile>,
    scopes: ScopeInfo,
    fns: Vec<FnState>,
    ctx: CompileContext<'a>,
    error: Option<Diagnostic>,
}

const MAX_REGS: u32 = u16::MAX as u32;

impl Compiler<'_> {
    fn f(&mut self) -> &mut FnState {
        self.fns.last_mut().expect("a function is being compiled")
    }

    fn fail(&mut self, message: &str, span: Span) {
        if self.error.is_none() {
            self.error = Some(Diagnostic::error("SyntaxError", message, span));
        }
    }

    // ----- functions -------------------------------------------------------------------

    fn begin_function(&mut self, key: FuncKey, name: String, kind: CodeKind, line: u32) {
        let scope = self.scopes.functions.remove(&key).unwrap_or_default();
        let mut vars = HashMap::new();
        let mut local_names = Vec::new();
        let mut cells = Vec::new();
        for (i, name) in scope.params.iter().chain(scope.locals.iter()).enumerate() {
            let reg = i as Reg;
            let slot = if scope.captured.contains(name) {
                cells.push(reg);
                Slot::Cell(reg)
            } else {
                Slot::Reg(reg)
            };
            vars.insert(name.clone(), slot);
            local_names.push(name.clone());
        }
        let n_params = scope.params.len() as u16;
        let n_locals = (scope.params.len() + scope.locals.len()) as u32;
        if n_locals >= MAX_REGS {
            self.fail("too many variables in one function", Span::default());
        }
        let mut assigned = vec![false; n_locals as usize];
        for a in assigned.iter_mut().take(n_params as usize) {
            *a = true;
        }
        self.fns.push(FnState {
            name,
            kind,
            line,
            n_params,
            n_locals: n_locals as u16,
            next_reg: n_locals,
            max_reg: n_locals,
            vars,
            nonlocals: scope.nonlocals,
            except_scopes: Vec::new(),
            instrs: Vec::new(),
            offsets: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            functions: Vec::new(),
            captures: Vec::new(),
            upvalue_names: Vec::new(),
            local_names,
            cells,
            loops: Vec::new(),
            tries: Vec::new(),
            assigned,
        });
    }

    fn end_function(&mut self) -> Rc<CodeObject> {
        let f = self.fns.pop().expect("a function is being compiled");
        let parts = CodeParts {
            name: f.name,
            kind: f.kind,
            file: self.file.clone(),
            line: f.line,
            n_params: f.n_params,
            n_locals: f.n_locals,
            n_regs: f.max_reg.min(MAX_REGS) as u16,
            instrs: f.instrs,
            offsets: f.offsets,
            consts: f.consts,
            functions: f.functions,
            captures: f.captures,
            upvalue_names: f.upvalue_names,
            local_names: f.local_names,
            cells: f.cells,
        };
        // The run loop indexes instructions and registers unchecked on the strength of
        // this check; a failure is a compiler bug, reported instead of running the code.
        match CodeObject::new(parts) {
            Ok(code) => code,
            Err(problem) => {
                self.fail(&format!("internal compiler error: {problem}"), Span::default());
                CodeObject::placeholder(self.file.clone())
            }
        }
    }

    /// Compiles a nested function and returns its index in the current function's
    /// `functions` table.
    fn function(&mut self, func: &Rc<Function>, name_hint: Option<&str>) -> u16 {
        let line = self.file.line_of(func.span.start);
        let (name, kind) = match (&func.name, name_hint) {
            (Some(n), _) => (n.name.clone(), CodeKind::Function),
            (None, Some(hint)) => (hint.to_owned(), CodeKind::Arrow),
            (None, None) => (format!("<lambda:{line}>"), CodeKind::Arrow),
        };
        let key: FuncKey = Some(Rc::as_ptr(func));
        self.begin_function(key, name, kind, line);
        let mut assigned = self.f().assigned.clone();
        match &func.body {
            FunctionBody::Block(b) => {
                self.block(&b.stmts, &mut assigned);
                self.emit(Instr::ReturnNull, Span::new(b.span.end.saturating_sub(1), b.span.end));
            }
            FunctionBody::Expr(e) => {
                let r = self.expr_reg(e, &assigned);
                self.emit(Instr::Return { src: r }, e.span);
            }
        }
        let code = self.end_function();
        let f = self.f();
        f.functions.push(code);
        let idx = f.functions.len() - 1;
        if idx > u16::MAX as usize {
            self.fail("too many functions in one scope", func.span);
        }
        idx as u16
    }

    // ----- emission --------------------------------------------------------------------

    fn emit(&mut self, instr: Instr, span: Span) -> usize {
        let f = self.f();
        f.instrs.push(instr);
        f.offsets.push(span.start);
        f.instrs.len() - 1
    }

    fn pc(&mut self) -> usize {
        self.f().instrs.len()
    }

    fn jump_offset(&mut self, from: usize, to: usize) -> i32 {
        to as i32 - (from as i32 + 1)
    }

    /// Points the jump at `at` to `target`.
    fn patch(&mut self, at: usize, target: usize) {
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

    fn jump_back(&mut self, target: usize, span: Span) {
        let at = self.pc();
        let off = self.jump_offset(at, target);
        self.emit(Instr::Jump { offset: off }, span);
    }

    fn alloc_temp(&mut self) -> Reg {
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

    fn temps_mark(&mut self) -> u32 {
        self.f().next_reg
    }

    fn free_temps(&mut self, mark: u32) {
        self.f().next_reg = mark;
    }

    fn add_const(&mut self, key: ConstKey, value: impl FnOnce() -> Value) -> u32 {
        let f = self.f();
        if let Some(&i) = f.const_index.get(&key) {
            return i;
        }
        f.consts.push(value());
        let i = (f.consts.len() - 1) as u32;
        f.const_index.insert(key, i);
        i
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.add_const(ConstKey::Str(s.to_owned()), || Value::str(s))
    }

    /// A string constant addressed by a 16-bit operand.
    fn name_const(&mut self, s: &str, span: Span) -> u16 {
        let i = self.str_const(s);
        match u16::try_from(i) {
            Ok(i) => i,
            Err(_) => {
                self.fail("too many distinct names in one function", span);
                0
            }
        }
    }

    fn value_const(&mut self, v: Value) -> u32 {
        let f = self.f();
        f.consts.push(v);
        (f.consts.len() - 1) as u32
    }

    // ----- names -----------------------------------------------------------------------

    fn resolve(&mut self, name: &str) -> Resolved {
        let level = self.fns.len() - 1;
        if let Some(slot) = Self::local_slot(&self.fns[level], name) {
            return Resolved::Slot(slot);
        }
        if let Some(idx) = self.resolve_upvalue(level, name) {
            return Resolved::Upval(idx);
        }
        match self.ctx.prelude.lookup(name) {
            Some(v) => Resolved::Prelude(v),
            None => Resolved::Unknown,
        }
    }

    fn local_slot(f: &FnState, name: &str) -> Option<Slot> {
        if let Some((_, slot)) = f.except_scopes.iter().rev().find(|(n, _)| n == name) {
            return Some(*slot);
        }
        if f.nonlocals.contains(name) {
            return None;
        }
        f.vars.get(name).copied()
    }

    fn resolve_upvalue(&mut self, level: usize, name: &str) -> Option<u16> {
        if level == 0 {
            return None;
        }
        let capture = match Self::local_slot(&self.fns[level - 1], name) {
            Some(Slot::Cell(r)) => Capture::Local(r),
            // Not marked as captured (cannot happen for a well-formed tree): treat as unknown.
            Some(Slot::Reg(_)) => return None,
            None => Capture::Upvalue(self.resolve_upvalue(level - 1, name)?),
        };
        let f = &mut self.fns[level];
        if let Some(i) = f.captures.iter().position(|c| *c == capture) {
            return Some(i as u16);
        }
        f.captures.push(capture);
        f.upvalue_names.push(name.to_owned());
        Some((f.captures.len() - 1) as u16)
    }

    /// Loads the variable `name` into `dst`.
    fn load_name(&mut self, name: &str, dst: Reg, span: Span, assigned: &Assigned) {
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
    fn store_name(&mut self, name: &str, src: Reg, span: Span, assigned: &mut Assigned) {
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
    fn local_reg(&mut self, name: &str) -> Option<Reg> {
        match self.resolve(name) {
            Resolved::Slot(Slot::Reg(r)) => Some(r),
            _ => None,
        }
    }

    // ----- statements ------------------------------------------------------------------

    fn block(&mut self, stmts: &[Stmt], assigned: &mut Assigned) {
        for stmt in stmts {
            let mark = self.temps_mark();
            self.stmt(stmt, assigned);
            self.free_temps(mark);
            if self.error.is_some() {
                return;
            }
        }
    }

    fn stmt(&mut self, stmt: &Stmt, assigned: &mut Assigned) {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.expr_reg(e, assigned);
            }
            StmtKind::Assign { target, value } => self.assign(target, value, assigned),
            StmtKind::Destructure { pattern, value } => {
                let src = self.expr_reg(value, assigned);
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
                let start = assigned.clone();
                let mut result: Option<Assigned> = None;
                for (i, (cond, block)) in branches.iter().enumerate() {
                    let skip = self.cond_jump_false(cond, assigned);
                    let mut branch = start.clone();
                    self.block(&block.stmts, &mut branch);
                    result = Some(intersect(result, &branch));
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
                        let mut branch = start.clone();
                        self.block(&b.stmts, &mut branch);
                        result = Some(intersect(result, &branch));
                    }
                    None => result = Some(intersect(result, &start)),
                }
                let end = self.pc();
                for j in end_jumps {
                    self.patch(j, end);
                }
                if let Some(r) = result {
                    *assigned = r;
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
                let mut inner = assigned.clone();
                self.block(&body.stmts, &mut inner);
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

    fn alloc_temps(&mut self, n: usize) -> Reg {
        let base = self.f().next_reg as Reg;
        for _ in 0..n {
            self.alloc_temp();
        }
        base
    }

    fn end_loop(&mut self, end: usize) {
        if let Some(lp) = self.f().loops.pop() {
            for j in lp.breaks {
                self.patch(j, end);
            }
        }
    }

    /// Pops the handlers of the try statements entered since `depth`, running their
    /// finally blocks, before a `return`, `break` or `continue` leaves them.
    fn unwind_tries(&mut self, depth: usize, span: Span, assigned: &Assigned) {
        let tries = self.f().tries.clone();
        for i in (depth..tries.len()).rev() {
            self.emit(Instr::PopHandler, span);
            if let TryCtx::Finally(block) = &tries[i] {
                let saved = std::mem::replace(&mut self.f().tries, tries[..i].to_vec());
                let mut fin = assigned.clone();
                self.block(&block.stmts, &mut fin);
                self.f().tries = saved;
            }
        }
    }

    fn for_loop(&mut self, var: &ast::Ident, iter: &Expr, body: &Block, assigned: &mut Assigned) {
        // `for (x in range(…))` never materialises the range.
        let range_args = match &iter.kind {
            ExprKind::Call { callee, args, .. }
                if callee.name == "range"
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
        let mut inner = assigned.clone();
        self.store_name(&var.name, item, var.span, &mut inner);
        let try_depth = self.f().tries.len();
        self.f().loops.push(LoopCtx { breaks: Vec::new(), continue_target: next_at, try_depth });
        self.block(&body.stmts, &mut inner);
        self.jump_back(next_at, body.span);
        let end = self.pc();
        self.patch(next_at, end);
        self.end_loop(end);
    }

    fn try_stmt(
        &mut self,
        body: &Block,
        handlers: &[ExceptClause],
        finally: Option<&Block>,
        assigned: &mut Assigned,
    ) {
        let start = assigned.clone();
        let fin_reg = finally.map(|_| self.alloc_temp());
        let push_finally = fin_reg.map(|reg| {
            let at = self.emit(Instr::PushFinally { reg, offset: 0 }, body.span);
            if let Some(block) = finally {
                self.f().tries.push(TryCtx::Finally(block.clone()));
            }
            at
        });
        let mut normal_end = start.clone();
        if handlers.is_empty() {
            self.block(&body.stmts, &mut normal_end);
        } else {
            let err_reg = self.alloc_temp();
            let push = self.emit(Instr::PushHandler { reg: err_reg, offset: 0 }, body.span);
            self.f().tries.push(TryCtx::Except);
            self.block(&body.stmts, &mut normal_end);
            self.f().tries.pop();
            self.emit(Instr::PopHandler, body.span);
            let skip = self.emit(Instr::Jump { offset: 0 }, body.span);
            let handler_pc = self.pc();
            self.patch(push, handler_pc);
            // Every clause catches every error, so the first one handles it (spec §6.11).
            let clause = &handlers[0];
            let mut handler_assigned = start.clone();
            match &clause.var {
                Some(var) => {
                    let captured = self.scopes.captured_except.contains(&(clause as *const _));
                    if captured {
                        self.emit(Instr::MakeCell { reg: err_reg }, var.span);
                    }
                    let slot = if captured { Slot::Cell(err_reg) } else { Slot::Reg(err_reg) };
                    self.f().except_scopes.push((var.name.clone(), slot));
                    self.block(&clause.body.stmts, &mut handler_assigned);
                    self.f().except_scopes.pop();
                }
                None => self.block(&clause.body.stmts, &mut handler_assigned),
            }
            let end = self.pc();
            self.patch(skip, end);
            normal_end = intersect(Some(normal_end), &handler_assigned);
        }
        if let (Some(reg), Some(block), Some(push_at)) = (fin_reg, finally, push_finally) {
            self.f().tries.pop();
            self.emit(Instr::PopHandler, block.span);
            let mut fin = start.clone();
            self.block(&block.stmts, &mut fin);
            let skip = self.emit(Instr::Jump { offset: 0 }, block.span);
            let exc_pc = self.pc();
            self.patch(push_at, exc_pc);
            let mut fin_exc = start.clone();
            self.block(&block.stmts, &mut fin_exc);
            self.emit(Instr::Reraise { src: reg }, block.span);
            let end = self.pc();
            self.patch(skip, end);
            for (n, f) in normal_end.iter_mut().zip(&fin) {
                *n |= *f;
            }
        }
        *assigned = normal_end;
    }

    fn assign(&mut self, target: &Expr, value: &Expr, assigned: &mut Assigned) {
        match &target.kind {
            ExprKind::Name(id) => {
                let hint = Some(id.name.as_str());
                match self.local_reg(&id.name) {
                    Some(r) if is_direct(value) => {
                        self.expr_to_named(value, r, hint, assigned);
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

    // ----- expressions -----------------------------------------------------------------

    /// Evaluates `e` into some register: a plain local's own register when possible.
    fn expr_reg(&mut self, e: &Expr, assigned: &Assigned) -> Reg {
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
    fn binary(
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
            (BinaryOp::Add | BinaryOp::Sub, ExprKind::Int(i)) => i16::try_from(*i).ok(),
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

    fn expr_to(&mut self, e: &Expr, dst: Reg, assigned: &Assigned) {
        self.expr_to_named(e, dst, None, assigned)
    }

    /// Evaluates `e` into `dst`. `name_hint` names an arrow function by its binding.
    fn expr_to_named(&mut self, e: &Expr, dst: Reg, name_hint: Option<&str>, assigned: &Assigned) {
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
                // A call into the newest temp uses it as its base: no move needed.
                let base = if dst as u32 + 1 == self.temps_mark() {
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

    fn slice_bounds(
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

    /// Compiles a call; the result is left in the returned base register (a new temp).
    fn call(&mut self, e: &Expr, assigned: &Assigned) -> Reg {
        let base = self.alloc_temp();
        self.call_at(e, base, assigned)
    }

    /// Compiles a call whose base is `base`, the newest temp.
    fn call_at(&mut self, e: &Expr, base: Reg, assigned: &Assigned) -> Reg {
        match &e.kind {
            ExprKind::Call { callee, args, paren } if callee.name == "len" && args.len() == 1 => {
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
                if name.name == "append" && args.len() == 1 =>
            {
                // `base + 1` stays free for the generic path's argument.
                let _arg_slot = self.alloc_temp();
                let arr = self.expr_reg(receiver, assigned);
                let item = self.expr_reg(&args[0], assigned);
                self.emit(Instr::Append { dst: base, arr, item }, *paren);
            }
            ExprKind::MethodCall { receiver, name, args, paren, .. } => {
                self.expr_to(receiver, base, assigned);
                self.args(args, base, assigned);
                let name = self.name_const(&name.name, name.span);
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
    fn call_value(
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

    /// A constant index as a 16-bit operand.
    fn const_operand(&mut self, idx: u32, span: Span) -> u16 {
        u16::try_from(idx).unwrap_or_else(|_| {
            self.fail("too many constants in one function", span);
            0
        })
    }

    fn args(&mut self, args: &[Expr], base: Reg, assigned: &Assigned) {
        for (i, arg) in args.iter().enumerate() {
            let r = self.alloc_temp();
            debug_assert_eq!(r, base + 1 + i as Reg);
            self.expr_to(arg, r, assigned);
        }
    }

    /// Compiles a condition; returns the jumps to patch to the false branch.
    fn cond_jump_false(&mut self, cond: &Expr, assigned: &Assigned) -> Vec<usize> {
        let mark = self.temps_mark();
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
/// operands before writing the destination.
fn is_direct(e: &Expr) -> bool {
    !matches!(e.kind, ExprKind::Logical { .. } | ExprKind::Conditional { .. })
}

fn is_assigned(assigned: &Assigned, r: Reg) -> bool {
    assigned.get(r as usize).copied().unwrap_or(true)
}

fn mark_assigned(assigned: &mut Assigned, r: Reg) {
    if let Some(a) = assigned.get_mut(r as usize) {
        *a = true;
    }
}

fn intersect(acc: Option<Assigned>, other: &Assigned) -> Assigned {
    match acc {
        None => other.clone(),
        Some(mut a) => {
            for (x, y) in a.iter_mut().zip(other) {
                *x &= *y;
            }
            a
        }
    }
}
