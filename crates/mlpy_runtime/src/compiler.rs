//! The compiler: syntax tree to register bytecode.
//!
//! Names are resolved once, by `mlpy_analysis::scope::ScopeTree` (spec §7), the same
//! model the static checks use: parameters and locals become frame slots, variables
//! captured by nested functions live in cells, variables of enclosing functions are
//! upvalues, and unbound names are the prelude's builtins (constants). A read of a local
//! that is not definitely assigned at that point is preceded by `CheckInit`, which raises
//! `NameError`; every other read costs nothing.
//!
//! Layout: this file holds the API (`compile_module`, `CompileContext`,
//! `CompileOptions`) and the per-function state; `emit` the emission (registers, with
//! the register rule, constants, jumps), `names` name resolution, loads and stores,
//! `stmt` the statements and `expr` the expressions.

mod emit;
mod expr;
mod names;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use mlpy_syntax::ast::{self, Block, Function, FunctionBody, StmtKind};
use mlpy_syntax::{Diagnostic, SourceFile, Span};

use crate::bytecode::{Capture, CodeKind, CodeObject, CodeParts, Instr, Reg};
use crate::value::Value;
use mlpy_analysis::scope::{ScopeId, ScopeTree};

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
    /// How to compile (`CompileOptions::default()` is what `mlpy run` uses).
    pub options: CompileOptions,
}

/// Code generation choices that must not change what a program does: a program
/// compiled with any options prints the same output and raises the same errors, which
/// makes the slow form an oracle for the fast one (the differential tester compares
/// them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// Use the fast paths (the default). With `false` the compiler emits only the
    /// general instruction forms: no `AddInt`/`SubInt` immediates, no fused
    /// compare-and-branch (`JumpIfNot*`), no `RangeInit`/`RangeNext` for
    /// `for (x in range(…))`, no `Len`/`Append`, no short-circuit lowering of `&&` in
    /// conditions, no value computed straight into a variable's register or a call's
    /// base, and every operand that is a local variable is first copied to a temp.
    pub fast_paths: bool,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions { fast_paths: true }
    }
}

/// Compiles one file's top level into verified bytecode. `module` is the file's parsed
/// (and statically checked) tree, `file` its source (for positions). Errors are limits
/// of the bytecode format (too many registers or constants, jumps too far), reported as
/// diagnostics.
///
/// A whole program of one file, compiled both ways and run (the test helper
/// `tests/support/mod.rs` does the same and also runs the static checks first):
///
/// ```
/// use std::rc::Rc;
/// use mlpy_runtime::builtins::BuiltinTable;
/// use mlpy_runtime::compiler::{compile_module, CompileContext, CompileOptions};
/// use mlpy_runtime::program::Program;
/// use mlpy_runtime::vm::{Limits, Vm};
/// use mlpy_syntax::SourceFile;
///
/// let file = Rc::new(SourceFile::new("main.ml", "x = 5; x = abs(x - 10); print(x);"));
/// let parsed = mlpy_syntax::parse(&file);
/// let builtins = BuiltinTable::new();
/// for fast_paths in [true, false] {
///     let ctx = CompileContext {
///         prelude: &builtins,
///         import_index: &mut |_| 0, // no imports
///         is_imported_module: false,
///         options: CompileOptions { fast_paths },
///     };
///     let main = compile_module(&parsed.module, file.clone(), ctx).expect("compiles");
///     let program = Program { main, modules: Vec::new(), imports: Vec::new() };
///     let mut vm = Vm::new(Rc::new(program), Limits::default());
///     let (out, err, input) = (std::io::sink(), std::io::sink(), std::io::empty());
///     vm.set_io(Box::new(out), Box::new(err), Box::new(input)); // where `print` goes
///     vm.run_main().expect("runs");
/// }
/// ```
pub fn compile_module(
    module: &ast::Module,
    file: Rc<SourceFile>,
    ctx: CompileContext<'_>,
) -> Result<Rc<CodeObject>, Box<Diagnostic>> {
    // The one resolver (shared with the static checks): which names each scope binds and
    // which of them nested functions capture.
    let tree = ScopeTree::build(module);
    let options = ctx.options;
    let mut c = Compiler { file, tree: &tree, fns: Vec::new(), ctx, options, error: None };
    // Top-level imports take the first slots, then the other bindings in source order.
    let imports: Vec<&str> = module
        .body
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::Import(import) => Some(import.binding().name.as_str()),
            _ => None,
        })
        .collect();
    c.begin_function(tree.top_level(), &imports, "<module>".to_owned(), CodeKind::Module, 1);
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

/// Definite assignment of the local slots (true once a value is surely stored), with a
/// log of the slots set since the function began: a branch is compiled in place and
/// then undone back to a mark (`undo_to`), so the cost of branching is proportional to
/// what the branch assigns, not to the number of locals (compiling stays linear).
#[derive(Clone, Default)]
struct Assigned {
    slots: Vec<bool>,
    log: Vec<Reg>,
}

impl Assigned {
    /// A position in the log to come back to.
    fn mark(&self) -> usize {
        self.log.len()
    }

    /// Forgets the assignments made since `mark` and returns their slots.
    fn undo_to(&mut self, mark: usize) -> Vec<Reg> {
        let added = self.log.split_off(mark);
        for &r in &added {
            self.slots[r as usize] = false;
        }
        added
    }

    /// Marks every slot of `regs` assigned.
    fn apply(&mut self, regs: &[Reg]) {
        for &r in regs {
            mark_assigned(self, r);
        }
    }
}

/// A `Capture` as a hash key.
type CaptureKey = (bool, u16);

fn capture_key(c: Capture) -> CaptureKey {
    match c {
        Capture::Local(r) => (true, r),
        Capture::Upvalue(i) => (false, i),
    }
}

struct FnState {
    name: String,
    kind: CodeKind,
    line: u32,
    n_params: u16,
    n_locals: u16,
    next_reg: u32,
    max_reg: u32,
    /// The function's scope in the tree.
    scope: ScopeId,
    /// The variables the function's scope binds (parameters and locals).
    vars: HashMap<String, Slot>,
    /// The scopes enclosing the point being compiled, innermost last: the function's
    /// scope, then the `except (e)` clauses entered since.
    scopes: Vec<ScopeId>,
    /// The slot of the variable of each `except (e)` clause being compiled.
    handler_slots: HashMap<ScopeId, Slot>,
    instrs: Vec<Instr>,
    offsets: Vec<u32>,
    consts: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    functions: Vec<Rc<CodeObject>>,
    captures: Vec<Capture>,
    /// `captures` by value, for constant-time lookup.
    capture_index: HashMap<CaptureKey, u16>,
    upvalue_names: Vec<String>,
    local_names: Vec<String>,
    cells: Vec<Reg>,
    loops: Vec<LoopCtx>,
    tries: Vec<TryCtx>,
    assigned: Assigned,
    /// A local register that the expression being compiled into it may write before its
    /// operands are evaluated (see the register rule at `alloc_temp`).
    early_write: Option<Reg>,
}

struct Compiler<'a, 's> {
    file: Rc<SourceFile>,
    tree: &'s ScopeTree<'s>,
    fns: Vec<FnState>,
    ctx: CompileContext<'a>,
    options: CompileOptions,
    error: Option<Diagnostic>,
}

const MAX_REGS: u32 = u16::MAX as u32;

impl<'s> Compiler<'_, 's> {
    fn f(&mut self) -> &mut FnState {
        self.fns.last_mut().expect("a function is being compiled")
    }

    fn fail(&mut self, message: &str, span: Span) {
        if self.error.is_none() {
            self.error = Some(Diagnostic::error("SyntaxError", message, span));
        }
    }

    // ----- functions -------------------------------------------------------------------

    /// Starts compiling the function (or top level) with scope `scope_id`; `params` are
    /// its parameters (for the top level, the import bindings, which take the first
    /// slots).
    fn begin_function(
        &mut self,
        scope_id: ScopeId,
        params: &[&str],
        name: String,
        kind: CodeKind,
        line: u32,
    ) {
        let tree = self.tree;
        let scope = tree.scope(scope_id);
        let all_cells = kind == CodeKind::Module && self.ctx.is_imported_module;
        let mut vars: HashMap<String, Slot> = HashMap::new();
        let mut local_names = Vec::new();
        let mut cells = Vec::new();
        let mut add = |name: &str, reg: Reg, vars: &mut HashMap<String, Slot>| {
            let slot = if all_cells || scope.is_captured(name) {
                cells.push(reg);
                Slot::Cell(reg)
            } else {
                Slot::Reg(reg)
            };
            // A parameter declared `nonlocal` keeps its slot but is not bound here.
            if scope.binds(name) {
                vars.insert(name.to_owned(), slot);
            }
            local_names.push(name.to_owned());
        };
        let n_params = if kind == CodeKind::Module { 0 } else { params.len() };
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (i, name) in params.iter().enumerate() {
            seen.insert(name);
            add(name, i as Reg, &mut vars);
        }
        let mut n_locals = params.len();
        for name in scope.bindings_in_order() {
            if seen.insert(name) {
                add(name, n_locals as Reg, &mut vars);
                n_locals += 1;
            }
        }
        let n_locals = n_locals as u32;
        let n_params = n_params as u16;
        if n_locals >= MAX_REGS {
            self.fail("too many variables in one function", Span::default());
        }
        let mut slots = vec![false; n_locals as usize];
        for a in slots.iter_mut().take(n_params as usize) {
            *a = true;
        }
        let assigned = Assigned { slots, log: Vec::new() };
        self.fns.push(FnState {
            name,
            kind,
            line,
            n_params,
            n_locals: n_locals as u16,
            next_reg: n_locals,
            max_reg: n_locals,
            scope: scope_id,
            vars,
            scopes: vec![scope_id],
            handler_slots: HashMap::new(),
            instrs: Vec::new(),
            offsets: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            functions: Vec::new(),
            captures: Vec::new(),
            capture_index: HashMap::new(),
            upvalue_names: Vec::new(),
            local_names,
            cells,
            loops: Vec::new(),
            tries: Vec::new(),
            assigned,
            early_write: None,
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
        let Some(scope) = self.tree.function_scope(func) else {
            self.fail("internal compiler error: a function without a scope", func.span);
            return 0;
        };
        let params: Vec<&str> = func.params.iter().map(|p| p.name.name.as_str()).collect();
        self.begin_function(scope, &params, name, kind, line);
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
}

/// Whether slot `r` surely holds a value (registers above the locals always do).
fn is_assigned(assigned: &Assigned, r: Reg) -> bool {
    assigned.slots.get(r as usize).copied().unwrap_or(true)
}

fn mark_assigned(assigned: &mut Assigned, r: Reg) {
    if let Some(a) = assigned.slots.get_mut(r as usize) {
        if !*a {
            *a = true;
            assigned.log.push(r);
        }
    }
}

/// The slots assigned on every path so far (`acc`, `None` before the first path) and on
/// `other`.
fn intersect(acc: Option<Vec<Reg>>, other: Vec<Reg>) -> Vec<Reg> {
    match acc {
        None => other,
        Some(mut acc) => {
            let other: std::collections::HashSet<Reg> = other.into_iter().collect();
            acc.retain(|r| other.contains(r));
            acc
        }
    }
}
