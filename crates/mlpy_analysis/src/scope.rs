//! The scope model of one file (spec §7.1–§7.3), computed once from the AST: the
//! top-level scope, one scope per named or arrow function and one per `except (e)` clause,
//! each with the names it binds and which of them nested functions capture. The prelude
//! is not part of the tree; callers test it last.
//!
//! This is the one resolver of the project: the static checks (structural, names) and
//! the compiler (frame slots, cells, upvalues) all read this tree, so they cannot
//! disagree about what a name refers to. Functions and `except` clauses are found by
//! their `NodeId` in dense tables (constant time, and a clone of a node, such as a
//! `finally` block compiled once per exit path, finds the same scope).

use std::collections::{HashMap, HashSet};
use std::marker::PhantomData;

use mlpy_syntax::ast::{ExceptClause, Function, Ident, Import, Module, NodeId};
use mlpy_syntax::Span;

use crate::walk::{walk_module, Role, Visitor};

/// Index of a scope in its `ScopeTree`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(usize);

/// The three kinds of scope of a file (§7.1); the prelude is not in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The file's top-level scope, the outermost function scope (§7.1).
    TopLevel,
    /// The scope of a named or arrow function.
    Function,
    /// The scope of an `except (e)` clause, binding only `e` and covering only its block.
    Exception,
}

/// One scope and the names it binds (§7.2).
#[derive(Clone, Debug)]
pub struct Scope {
    kind: ScopeKind,
    parent: Option<ScopeId>,
    /// Bound name → its first binding occurrence (parameters included, names declared
    /// `nonlocal` excluded, except at the top level).
    bindings: HashMap<String, Span>,
    /// The bound names in the order of their first binding occurrence (parameters
    /// first): the compiler numbers frame slots in this order.
    order: Vec<String>,
    /// Bound names that a nested function uses (the compiler keeps them in cells).
    captured: HashSet<String>,
    /// The names of the `nonlocal` statements directly in this scope's body, in order.
    nonlocals: Vec<Ident>,
    /// Name → the first identifier occurrence of that name in this scope's own body
    /// (nested function bodies, parameters and `nonlocal` names excluded).
    first_uses: HashMap<String, Span>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            parent,
            bindings: HashMap::new(),
            order: Vec::new(),
            captured: HashSet::new(),
            nonlocals: Vec::new(),
            first_uses: HashMap::new(),
        }
    }

    /// What created the scope.
    pub fn kind(&self) -> ScopeKind {
        self.kind
    }

    /// The lexically enclosing scope; `None` for the top-level scope.
    pub fn parent(&self) -> Option<ScopeId> {
        self.parent
    }

    /// Whether the scope binds `name` (§7.2).
    pub fn binds(&self, name: &str) -> bool {
        self.bindings.contains_key(name)
    }

    /// The span of the first occurrence that binds `name` in this scope.
    pub fn binding_span(&self, name: &str) -> Option<Span> {
        self.bindings.get(name).copied()
    }

    /// The bound names, in no particular order.
    pub fn bindings(&self) -> impl Iterator<Item = &str> {
        self.bindings.keys().map(String::as_str)
    }

    /// The bound names in the order of their first binding occurrence in the source
    /// (parameters first, in order).
    pub fn bindings_in_order(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// Whether a nested function uses the variable `name` bound here (§7.5): such a
    /// variable outlives its frame, in a cell.
    pub fn is_captured(&self, name: &str) -> bool {
        self.captured.contains(name)
    }

    fn add_binding(&mut self, ident: &Ident) {
        if let std::collections::hash_map::Entry::Vacant(slot) =
            self.bindings.entry(ident.name.clone())
        {
            slot.insert(ident.span);
            self.order.push(ident.name.clone());
        }
    }

    /// The names declared `nonlocal` in this scope, in source order.
    pub fn nonlocals(&self) -> &[Ident] {
        &self.nonlocals
    }

    /// Whether the scope's body declares `name` nonlocal.
    pub fn is_nonlocal(&self, name: &str) -> bool {
        self.nonlocals.iter().any(|ident| ident.name == name)
    }

    /// The first place where this scope's own body uses or assigns `name` (any
    /// identifier occurrence except parameters and `nonlocal` names).
    pub fn first_use(&self, name: &str) -> Option<Span> {
        self.first_uses.get(name).copied()
    }
}

/// The scopes of one file. Functions and `except` clauses are looked up by their
/// `NodeId` (dense tables); the tree borrows the module it was built from.
#[derive(Debug)]
pub struct ScopeTree<'m> {
    scopes: Vec<Scope>,
    functions: Vec<Option<ScopeId>>,
    handlers: Vec<Option<ScopeId>>,
    module: PhantomData<&'m Module>,
}

/// Sets `table[id] = value`, growing the dense table as needed.
fn set_dense(table: &mut Vec<Option<ScopeId>>, id: NodeId, value: ScopeId) {
    if table.len() <= id.index() {
        table.resize(id.index() + 1, None);
    }
    table[id.index()] = Some(value);
}

impl<'m> ScopeTree<'m> {
    /// Computes every scope of `module` and its bindings.
    pub fn build(module: &'m Module) -> ScopeTree<'m> {
        let top = ScopeId(0);
        let mut builder = Builder {
            tree: ScopeTree {
                scopes: vec![Scope::new(ScopeKind::TopLevel, None)],
                functions: Vec::new(),
                handlers: Vec::new(),
                module: PhantomData,
            },
            current: top,
            owner: top,
            saved: Vec::new(),
        };
        walk_module(module, &mut builder);
        let mut tree = builder.tree;
        // A top-level `nonlocal` is a structural error of its own; keeping its names bound
        // avoids a second, misleading `NameError` for every use of them.
        for scope in tree.scopes.iter_mut().filter(|s| s.kind != ScopeKind::TopLevel) {
            for ident in &scope.nonlocals {
                scope.bindings.remove(&ident.name);
            }
            if !scope.nonlocals.is_empty() {
                let bindings = &scope.bindings;
                scope.order.retain(|name| bindings.contains_key(name));
            }
        }
        let mut marker = CaptureMarker { tree, stack: vec![top] };
        walk_module(module, &mut marker);
        marker.tree
    }

    /// The file's top-level scope, the root of the tree.
    pub fn top_level(&self) -> ScopeId {
        ScopeId(0)
    }

    /// The scope with this id (an id of this tree).
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0]
    }

    /// The scope of a named or arrow function of the module.
    pub fn function_scope(&self, func: &Function) -> Option<ScopeId> {
        self.functions.get(func.id.index()).copied().flatten()
    }

    /// The scope of an `except (e)` clause of the module; `None` for a clause without a
    /// variable, which creates no scope.
    pub fn handler_scope(&self, clause: &ExceptClause) -> Option<ScopeId> {
        self.handlers.get(clause.id.index()).copied().flatten()
    }

    /// `from` and its enclosing scopes, innermost first, ending with the top-level scope.
    pub fn ancestors(&self, from: ScopeId) -> impl Iterator<Item = ScopeId> + '_ {
        std::iter::successors(Some(from), |id| self.scope(*id).parent)
    }

    /// The innermost scope, starting at `from` and going outward, that binds `name`
    /// (§7.3). `None` means that only the prelude can bind it.
    pub fn resolve(&self, from: ScopeId, name: &str) -> Option<ScopeId> {
        self.ancestors(from).find(|id| self.scope(*id).binds(name))
    }
}

/// Walks the module once, creating scopes and recording bindings.
struct Builder<'m> {
    tree: ScopeTree<'m>,
    /// The innermost scope at the current point: an exception scope or `owner`.
    current: ScopeId,
    /// The function or top-level scope whose body is being walked.
    owner: ScopeId,
    /// `(current, owner)` of the enclosing points, restored on exit.
    saved: Vec<(ScopeId, ScopeId)>,
}

impl Builder<'_> {
    fn push_scope(&mut self, kind: ScopeKind) -> ScopeId {
        let id = ScopeId(self.tree.scopes.len());
        self.tree.scopes.push(Scope::new(kind, Some(self.current)));
        self.saved.push((self.current, self.owner));
        self.current = id;
        id
    }

    fn pop_scope(&mut self) {
        if let Some((current, owner)) = self.saved.pop() {
            self.current = current;
            self.owner = owner;
        }
    }

    fn owner_mut(&mut self) -> &mut Scope {
        &mut self.tree.scopes[self.owner.0]
    }

    /// Records a binding occurrence: it binds the nearest exception scope between here
    /// and the owner that already binds the name (§7.2), else the owner.
    fn bind(&mut self, ident: &Ident) {
        let caught = self
            .tree
            .ancestors(self.current)
            .take_while(|id| *id != self.owner)
            .any(|id| self.tree.scope(id).binds(&ident.name));
        if !caught {
            self.owner_mut().add_binding(ident);
        }
    }
}

impl<'m> Visitor<'m> for Builder<'m> {
    fn ident(&mut self, ident: &'m Ident, role: Role) {
        match role {
            Role::Nonlocal => {
                self.owner_mut().nonlocals.push(ident.clone());
                return;
            }
            Role::Param => {
                self.owner_mut().add_binding(ident);
                return;
            }
            _ => {}
        }
        let first = self.owner_mut().first_uses.entry(ident.name.clone()).or_insert(ident.span);
        if ident.span.start < first.start {
            *first = ident.span;
        }
        if role.is_binding() {
            self.bind(ident);
        }
    }

    fn import(&mut self, import: &'m Import) {
        if let Some(ident) = import.alias.as_ref().or(import.path.first()) {
            self.bind(ident);
        }
    }

    fn enter_function(&mut self, func: &'m Function) {
        let id = self.push_scope(ScopeKind::Function);
        self.owner = id;
        set_dense(&mut self.tree.functions, func.id, id);
    }

    fn exit_function(&mut self, _func: &'m Function) {
        self.pop_scope();
    }

    fn enter_handler(&mut self, clause: &'m ExceptClause) {
        if let Some(var) = &clause.var {
            let id = self.push_scope(ScopeKind::Exception);
            self.tree.scopes[id.0].add_binding(var);
            set_dense(&mut self.tree.handlers, clause.id, id);
        }
    }

    fn exit_handler(&mut self, clause: &'m ExceptClause) {
        if clause.var.is_some() {
            self.pop_scope();
        }
    }
}

/// The second walk, once every binding is known: resolves every identifier that reads or
/// assigns a variable and marks the variables that nested functions use as captured.
struct CaptureMarker<'m> {
    tree: ScopeTree<'m>,
    /// The scopes enclosing the current point, innermost last.
    stack: Vec<ScopeId>,
}

impl<'m> Visitor<'m> for CaptureMarker<'m> {
    fn ident(&mut self, ident: &'m Ident, role: Role) {
        if matches!(role, Role::Param | Role::ExceptVar | Role::ImportPath | Role::ImportAlias) {
            return;
        }
        let Some(&from) = self.stack.last() else { return };
        let mut crossed_function = false;
        let mut found = None;
        for id in self.tree.ancestors(from) {
            let scope = self.tree.scope(id);
            if scope.binds(&ident.name) {
                found = Some(id);
                break;
            }
            crossed_function |= scope.kind == ScopeKind::Function;
        }
        if let (Some(id), true) = (found, crossed_function) {
            self.tree.scopes[id.0].captured.insert(ident.name.clone());
        }
    }

    fn enter_function(&mut self, func: &'m Function) {
        if let Some(id) = self.tree.function_scope(func) {
            self.stack.push(id);
        }
    }

    fn exit_function(&mut self, func: &'m Function) {
        if self.tree.function_scope(func).is_some() {
            self.stack.pop();
        }
    }

    fn enter_handler(&mut self, clause: &'m ExceptClause) {
        if let Some(id) = self.tree.handler_scope(clause) {
            self.stack.push(id);
        }
    }

    fn exit_handler(&mut self, clause: &'m ExceptClause) {
        if self.tree.handler_scope(clause).is_some() {
            self.stack.pop();
        }
    }
}

/// The scopes enclosing the current point of a walk over a module, innermost last: the
/// visitors of the static checks push a function's or handler's scope on entering it and
/// pop it on leaving.
pub(crate) struct ScopeStack(Vec<ScopeId>);

impl ScopeStack {
    pub(crate) fn new(tree: &ScopeTree<'_>) -> ScopeStack {
        ScopeStack(vec![tree.top_level()])
    }

    /// The innermost scope.
    pub(crate) fn current(&self) -> ScopeId {
        self.0.last().copied().unwrap_or(ScopeId(0))
    }

    /// Enters `func` (a function without a scope of its own stays in the current one).
    pub(crate) fn enter_function(&mut self, tree: &ScopeTree<'_>, func: &Function) {
        let id = tree.function_scope(func).unwrap_or_else(|| self.current());
        self.0.push(id);
    }

    pub(crate) fn exit_function(&mut self) {
        self.0.pop();
    }

    /// Enters an `except` clause (one without a variable creates no scope).
    pub(crate) fn enter_handler(&mut self, tree: &ScopeTree<'_>, clause: &ExceptClause) {
        if let Some(id) = tree.handler_scope(clause) {
            self.0.push(id);
        }
    }

    pub(crate) fn exit_handler(&mut self, tree: &ScopeTree<'_>, clause: &ExceptClause) {
        if tree.handler_scope(clause).is_some() {
            self.0.pop();
        }
    }
}
