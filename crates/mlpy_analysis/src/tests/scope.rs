//! Tests of the scope model on hand-built syntax trees, independent of the parser.

use std::rc::Rc;

use mlpy_syntax::ast::{
    Block, ExceptClause, Expr, ExprKind, Function, FunctionBody, Ident, Module, NodeId, Param,
    Stmt, StmtKind,
};
use mlpy_syntax::Span;

use crate::scope::{ScopeKind, ScopeTree};
use crate::tests::PRELUDE;
use crate::{analyze, AnalysisOptions};

/// Builds nodes with distinct, increasing spans, in the order the builder is called.
#[derive(Default)]
struct Builder {
    pos: u32,
    next_id: u32,
}

impl Builder {
    fn node_id(&mut self) -> NodeId {
        self.next_id += 1;
        NodeId(self.next_id - 1)
    }

    fn span(&mut self) -> Span {
        self.pos += 10;
        Span::new(self.pos, self.pos + 5)
    }

    fn ident(&mut self, name: &str) -> Ident {
        Ident { name: name.to_string(), span: self.span() }
    }

    fn name(&mut self, name: &str) -> Expr {
        let ident = self.ident(name);
        Expr { span: ident.span, kind: ExprKind::Name(ident) }
    }

    fn stmt(&mut self, kind: StmtKind) -> Stmt {
        Stmt { kind, span: self.span() }
    }

    fn block(&mut self, stmts: Vec<Stmt>) -> Block {
        Block { stmts, span: self.span() }
    }

    fn assign(&mut self, target: &str, value: Expr) -> Stmt {
        let target = self.name(target);
        self.stmt(StmtKind::Assign { target, value })
    }

    fn read(&mut self, name: &str) -> Stmt {
        let expr = self.name(name);
        self.stmt(StmtKind::Expr(expr))
    }

    fn function(&mut self, name: &str, params: &[&str], body: Vec<Stmt>) -> Rc<Function> {
        let name = self.ident(name);
        let params =
            params.iter().map(|p| Param { name: self.ident(p), annotation: None }).collect();
        let body = FunctionBody::Block(self.block(body));
        Rc::new(Function { id: self.node_id(), name: Some(name), params, body, span: self.span() })
    }

    fn try_except(&mut self, var: &str, handler: Vec<Stmt>) -> Stmt {
        let body = self.block(Vec::new());
        let clause = ExceptClause {
            id: self.node_id(),
            var: Some(self.ident(var)),
            body: self.block(handler),
            span: self.span(),
        };
        self.stmt(StmtKind::Try { body, handlers: vec![clause], finally: None })
    }
}

fn sorted_bindings(tree: &ScopeTree<'_>, id: crate::scope::ScopeId) -> Vec<String> {
    let mut res: Vec<String> = tree.scope(id).bindings().map(str::to_string).collect();
    res.sort();
    res
}

#[test]
fn bindings_and_resolution() {
    // x = 1; function f(p) { nonlocal x; y = p; x = y; } try {} except (e) { e = 2; z = e; }
    let mut b = Builder::default();
    let one = Expr { kind: ExprKind::Int(1), span: b.span() };
    let assign_x = b.assign("x", one);
    let nonlocal = {
        let x = b.ident("x");
        b.stmt(StmtKind::Nonlocal(vec![x]))
    };
    let p = b.name("p");
    let assign_y = b.assign("y", p);
    let y = b.name("y");
    let assign_x2 = b.assign("x", y);
    let func = b.function("f", &["p"], vec![nonlocal, assign_y, assign_x2]);
    let def = b.stmt(StmtKind::FunctionDef(func.clone()));
    let two = Expr { kind: ExprKind::Int(2), span: b.span() };
    let assign_e = b.assign("e", two);
    let e = b.name("e");
    let assign_z = b.assign("z", e);
    let try_stmt = b.try_except("e", vec![assign_e, assign_z]);
    let module = Module { body: vec![assign_x, def, try_stmt] };

    let tree = ScopeTree::build(&module);
    let top = tree.top_level();
    assert_eq!(tree.scope(top).kind(), ScopeKind::TopLevel);
    assert_eq!(sorted_bindings(&tree, top), ["f", "x", "z"]);

    let f = tree.function_scope(&func).expect("f has a scope");
    assert_eq!(tree.scope(f).kind(), ScopeKind::Function);
    assert_eq!(tree.scope(f).parent(), Some(top));
    assert_eq!(sorted_bindings(&tree, f), ["p", "y"]);
    assert!(tree.scope(f).is_nonlocal("x"));
    assert_eq!(tree.resolve(f, "x"), Some(top));
    assert_eq!(tree.resolve(f, "y"), Some(f));
    assert_eq!(tree.resolve(f, "print"), None);

    let StmtKind::Try { handlers, .. } = &module.body[2].kind else { unreachable!() };
    let handler = tree.handler_scope(&handlers[0]).expect("except (e) has a scope");
    assert_eq!(tree.scope(handler).kind(), ScopeKind::Exception);
    assert_eq!(sorted_bindings(&tree, handler), ["e"]);
    assert_eq!(tree.resolve(handler, "e"), Some(handler));
    assert_eq!(tree.resolve(handler, "z"), Some(top));
    assert_eq!(tree.resolve(top, "e"), None);
    assert_eq!(tree.ancestors(handler).collect::<Vec<_>>(), [handler, top]);
}

#[test]
fn first_uses() {
    // function f() { a; b = 1; a; }
    let mut b = Builder::default();
    let read_a = b.read("a");
    let one = Expr { kind: ExprKind::Int(1), span: b.span() };
    let assign_b = b.assign("b", one);
    let read_a2 = b.read("a");
    let a_span = match &read_a.kind {
        StmtKind::Expr(expr) => expr.span,
        _ => unreachable!(),
    };
    let func = b.function("f", &["p"], vec![read_a, assign_b, read_a2]);
    let module = Module { body: vec![b.stmt(StmtKind::FunctionDef(func.clone()))] };
    let tree = ScopeTree::build(&module);
    let f = tree.function_scope(&func).expect("f has a scope");
    assert_eq!(tree.scope(f).first_use("a"), Some(a_span));
    assert!(tree.scope(f).first_use("b").is_some());
    assert_eq!(tree.scope(f).first_use("p"), None);
    // The function's name is an occurrence of the enclosing scope.
    assert!(tree.scope(tree.top_level()).first_use("f").is_some());
}

#[test]
fn analyze_hand_built_tree() {
    // function f() { nonlocal nope; return undefined_thing; } eval;
    let mut b = Builder::default();
    let nonlocal = {
        let nope = b.ident("nope");
        b.stmt(StmtKind::Nonlocal(vec![nope]))
    };
    let ret = {
        let value = b.name("undefined_thing");
        b.stmt(StmtKind::Return(Some(value)))
    };
    let func = b.function("f", &[], vec![nonlocal, ret]);
    let def = b.stmt(StmtKind::FunctionDef(func));
    let eval = b.read("eval");
    let module = Module { body: vec![def, eval] };
    let res = analyze(&module, &AnalysisOptions { prelude: PRELUDE });
    let summary: Vec<(&str, &str)> = res.iter().map(|d| (d.kind, d.message.as_str())).collect();
    assert_eq!(
        summary,
        [
            ("SyntaxError", "no binding for nonlocal `nope` found in an enclosing scope"),
            ("SecurityError", "`eval` is forbidden: ML code cannot run code built at run time"),
            ("NameError", "unknown identifier `undefined_thing`"),
        ]
    );
}

#[test]
fn degenerate_trees_do_not_panic() {
    use mlpy_syntax::ast::Import;
    // An import without components, zero-width spans and an empty module.
    let import = Stmt {
        kind: StmtKind::Import(Import { path: Vec::new(), alias: None }),
        span: Span::default(),
    };
    let jump = Stmt { kind: StmtKind::Break, span: Span::default() };
    let nonlocal = Stmt { kind: StmtKind::Nonlocal(Vec::new()), span: Span::new(5, 2) };
    let module = Module { body: vec![import, jump, nonlocal] };
    let res = analyze(&module, &AnalysisOptions::default());
    assert_eq!(res.len(), 2);
    assert!(analyze(&Module::default(), &AnalysisOptions::default()).is_empty());
}

fn parsed(src: &str) -> Module {
    let file = mlpy_syntax::SourceFile::new("t.ml", src);
    let parsed = mlpy_syntax::parse(&file);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.module
}

#[test]
fn captures_and_binding_order() {
    let module = parsed(
        "b = 1; a = 2; function f(p, q) { z = p; y = fn() => q + b; return y; }
         try { x = 0; } except (e) { g = fn() => e; }",
    );
    let tree = ScopeTree::build(&module);
    let top = tree.scope(tree.top_level());
    assert_eq!(top.bindings_in_order().collect::<Vec<_>>(), ["b", "a", "f", "x", "g"]);
    assert!(top.is_captured("b"));
    assert!(!top.is_captured("a"));
    let StmtKind::FunctionDef(func) = &module.body[2].kind else { panic!("not a function") };
    let f = tree.scope(tree.function_scope(func).expect("f has a scope"));
    assert_eq!(f.bindings_in_order().collect::<Vec<_>>(), ["p", "q", "z", "y"]);
    assert!(f.is_captured("q"));
    assert!(!f.is_captured("p"));
    let StmtKind::Try { handlers, .. } = &module.body[3].kind else { panic!("not a try") };
    let handler = tree.scope(tree.handler_scope(&handlers[0]).expect("a handler scope"));
    assert!(handler.is_captured("e"));
}

#[test]
fn a_cloned_node_finds_the_same_scope() {
    let module = parsed("try { } finally { function g() { y = 5; return y; } }");
    let tree = ScopeTree::build(&module);
    let StmtKind::Try { finally: Some(block), .. } = &module.body[0].kind else {
        panic!("not a try")
    };
    let StmtKind::FunctionDef(func) = &block.stmts[0].kind else { panic!("not a function") };
    // A deep copy lives elsewhere in memory but is the same node.
    let copy: Function = (**func).clone();
    assert!(tree.function_scope(func).is_some());
    assert_eq!(tree.function_scope(&copy), tree.function_scope(func));
}
