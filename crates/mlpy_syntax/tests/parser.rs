//! Data-driven parser tests: every `test_data/parser/ok/*.ml` must parse without diagnostics
//! and render to the AST in its `.golden` file; every `test_data/parser/err/*.ml` must produce
//! at least one diagnostic, and the rendered diagnostics must match its `.golden` file.
//!
//! Run `MLPY_REGENERATE_GOLDEN=1 cargo test -p mlpy_syntax --test parser` to rewrite the
//! golden files after an intended change, then review the difference.

use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

use mlpy_syntax::ast::{
    Block, CapabilityItem, Expr, ExprKind, Function, FunctionBody, Module, Pattern, Stmt, StmtKind,
};
use mlpy_syntax::span::Span;
use mlpy_syntax::{parse, SourceFile};

const REGENERATE_VAR: &str = "MLPY_REGENERATE_GOLDEN";
const HEADER: &str =
    "// @generated: MLPY_REGENERATE_GOLDEN=1 cargo test -p mlpy_syntax --test parser\n";

#[test]
fn ok_fixtures() {
    run_fixtures("ok", |name, text| {
        let file = SourceFile::new(name, text);
        let parsed = parse(&file);
        if !parsed.diagnostics.is_empty() {
            let rendered: String = parsed.diagnostics.iter().map(|d| d.render(&file)).collect();
            return Err(format!("expected no diagnostics, got:\n{rendered}"));
        }
        Ok(render_module(&parsed.module))
    });
}

#[test]
fn err_fixtures() {
    run_fixtures("err", |name, text| {
        let file = SourceFile::new(name, text);
        let parsed = parse(&file);
        if parsed.diagnostics.is_empty() {
            return Err("expected at least one diagnostic, got none".to_string());
        }
        Ok(parsed.diagnostics.iter().map(|d| d.render(&file) + "\n").collect())
    });
}

/// Runs `render` on every fixture of `test_data/parser/<dir>` and compares the result with
/// the fixture's golden file (or rewrites it when `MLPY_REGENERATE_GOLDEN` is set).
fn run_fixtures(dir: &str, render: impl Fn(&str, String) -> Result<String, String>) {
    let regenerate = std::env::var_os(REGENERATE_VAR).is_some();
    let dir_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/parser").join(dir);
    let mut fixtures: Vec<PathBuf> = fs::read_dir(&dir_path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir_path.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ml"))
        .collect();
    fixtures.sort();
    assert!(!fixtures.is_empty(), "no fixtures in {}", dir_path.display());

    let mut failures = Vec::new();
    for path in &fixtures {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let text = fs::read_to_string(path).expect("fixtures are UTF-8");
        let actual = match render(&name, text) {
            Ok(out) => format!("{HEADER}{out}"),
            Err(problem) => {
                failures.push(format!("{dir}/{name}: {problem}"));
                continue;
            }
        };
        let golden = path.with_extension("golden");
        if regenerate {
            fs::write(&golden, &actual).expect("write golden file");
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{dir}/{name}: output differs from {} (- expected, + actual):\n{}",
                golden.display(),
                diff(&expected, &actual)
            )),
            Err(_) => failures.push(format!(
                "{dir}/{name}: missing golden file {}; run with {REGENERATE_VAR}=1",
                golden.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed (set {REGENERATE_VAR}=1 to accept the new output):\n\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n\n")
    );
}

/// A line diff (longest common subsequence), `-` for expected lines and `+` for actual ones.
fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            let _ = writeln!(out, "  {}", old[i]);
            i += 1;
            j += 1;
        } else if j < new.len() && (i == old.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "+ {}", new[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "- {}", old[i]);
            i += 1;
        }
    }
    out
}

// A compact, indented rendering of the tree: one node per line with its span.

fn render_module(module: &Module) -> String {
    let mut out = Printer::default();
    for stmt in &module.body {
        out.stmt(stmt);
    }
    out.text
}

#[derive(Default)]
struct Printer {
    text: String,
    indent: usize,
}

fn sp(span: Span) -> String {
    format!("@{}..{}", span.start, span.end)
}

impl Printer {
    fn line(&mut self, line: impl AsRef<str>) {
        let _ = writeln!(self.text, "{}{}", "  ".repeat(self.indent), line.as_ref());
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.indent += 1;
        f(self);
        self.indent -= 1;
    }

    fn block(&mut self, label: &str, block: &Block) {
        self.line(format!("{label} {}", sp(block.span)));
        self.nested(|p| block.stmts.iter().for_each(|stmt| p.stmt(stmt)));
    }

    fn labeled(&mut self, label: &str, expr: &Expr) {
        self.line(format!("{label}:"));
        self.nested(|p| p.expr(expr));
    }

    fn function(&mut self, func: &Function) {
        let params: Vec<String> = func
            .params
            .iter()
            .map(|param| match &param.annotation {
                Some(ty) => format!(
                    "{}{}: {}{}",
                    param.name.name,
                    sp(param.name.span),
                    ty.name,
                    sp(ty.span)
                ),
                None => format!("{}{}", param.name.name, sp(param.name.span)),
            })
            .collect();
        let name =
            func.name.as_ref().map_or(String::new(), |n| format!(" {}{}", n.name, sp(n.span)));
        self.line(format!("Function{name} {} params({})", sp(func.span), params.join(", ")));
        self.nested(|p| match &func.body {
            FunctionBody::Block(block) => p.block("Block", block),
            FunctionBody::Expr(expr) => p.labeled("body", expr),
        });
    }

    fn stmt(&mut self, stmt: &Stmt) {
        let span = sp(stmt.span);
        match &stmt.kind {
            StmtKind::Expr(expr) => {
                self.line(format!("Expr {span}"));
                self.nested(|p| p.expr(expr));
            }
            StmtKind::Assign { target, value } => {
                self.line(format!("Assign {span}"));
                self.nested(|p| {
                    p.expr(target);
                    p.expr(value);
                });
            }
            StmtKind::Destructure { pattern, value } => {
                let (kind, names) = match pattern {
                    Pattern::Array(names) => ("Array", names),
                    Pattern::Object(names) => ("Object", names),
                };
                let names: Vec<String> =
                    names.iter().map(|n| format!("{}{}", n.name, sp(n.span))).collect();
                self.line(format!("Destructure {kind} [{}] {span}", names.join(", ")));
                self.nested(|p| p.expr(value));
            }
            StmtKind::FunctionDef(func) => {
                self.line(format!("FunctionDef {span}"));
                self.nested(|p| p.function(func));
            }
            StmtKind::If { branches, else_block } => {
                self.line(format!("If {span}"));
                self.nested(|p| {
                    for (cond, block) in branches {
                        p.labeled("cond", cond);
                        p.block("then", block);
                    }
                    if let Some(block) = else_block {
                        p.block("else", block);
                    }
                });
            }
            StmtKind::While { cond, body } => {
                self.line(format!("While {span}"));
                self.nested(|p| {
                    p.labeled("cond", cond);
                    p.block("body", body);
                });
            }
            StmtKind::For { var, iter, body } => {
                self.line(format!("For {}{} {span}", var.name, sp(var.span)));
                self.nested(|p| {
                    p.labeled("iter", iter);
                    p.block("body", body);
                });
            }
            StmtKind::Try { body, handlers, finally } => {
                self.line(format!("Try {span}"));
                self.nested(|p| {
                    p.block("body", body);
                    for handler in handlers {
                        let var = handler
                            .var
                            .as_ref()
                            .map_or(String::new(), |v| format!(" ({}{})", v.name, sp(v.span)));
                        p.block(&format!("except{var} kw{}", sp(handler.span)), &handler.body);
                    }
                    if let Some(block) = finally {
                        p.block("finally", block);
                    }
                });
            }
            StmtKind::Return(value) => {
                self.line(format!("Return {span}"));
                if let Some(value) = value {
                    self.nested(|p| p.expr(value));
                }
            }
            StmtKind::Throw(value) => {
                self.line(format!("Throw {span}"));
                self.nested(|p| p.expr(value));
            }
            StmtKind::Break => self.line(format!("Break {span}")),
            StmtKind::Continue => self.line(format!("Continue {span}")),
            StmtKind::Nonlocal(names) => {
                let names: Vec<String> =
                    names.iter().map(|n| format!("{}{}", n.name, sp(n.span))).collect();
                self.line(format!("Nonlocal [{}] {span}", names.join(", ")));
            }
            StmtKind::Import(import) => {
                let path: Vec<String> =
                    import.path.iter().map(|n| format!("{}{}", n.name, sp(n.span))).collect();
                let alias = import
                    .alias
                    .as_ref()
                    .map_or(String::new(), |a| format!(" as {}{}", a.name, sp(a.span)));
                self.line(format!("Import {}{alias} {span}", path.join(".")));
            }
            StmtKind::Capability(decl) => {
                self.line(format!("Capability {}{} {span}", decl.name.name, sp(decl.name.span)));
                self.nested(|p| {
                    for item in &decl.items {
                        match item {
                            CapabilityItem::Resource { pattern, span } => {
                                p.line(format!("resource {pattern:?} {}", sp(*span)));
                            }
                            CapabilityItem::Allow { op, target, span } => {
                                let target = target
                                    .as_ref()
                                    .map_or(String::new(), |(t, s)| format!(" {t:?}{}", sp(*s)));
                                p.line(format!("allow {op:?}{target} {}", sp(*span)));
                            }
                        }
                    }
                });
            }
        }
    }

    fn expr(&mut self, expr: &Expr) {
        let span = sp(expr.span);
        match &expr.kind {
            ExprKind::Int(value) => self.line(format!("Int {value} {span}")),
            ExprKind::BigInt(digits) => self.line(format!("BigInt {digits} {span}")),
            ExprKind::Float(value) => self.line(format!("Float {value:?} {span}")),
            ExprKind::Str(value) => self.line(format!("Str {value:?} {span}")),
            ExprKind::Bool(value) => self.line(format!("Bool {value} {span}")),
            ExprKind::Null => self.line(format!("Null {span}")),
            ExprKind::Name(ident) => {
                let inner = if ident.span == expr.span {
                    String::new()
                } else {
                    format!(" ident{}", sp(ident.span))
                };
                self.line(format!("Name {}{inner} {span}", ident.name));
            }
            ExprKind::Array(items) => {
                self.line(format!("Array {span}"));
                self.nested(|p| items.iter().for_each(|item| p.expr(item)));
            }
            ExprKind::Object(entries) => {
                self.line(format!("Object {span}"));
                self.nested(|p| {
                    for (key, value) in entries {
                        p.labeled(&format!("key {:?}{}", key.name, sp(key.span)), value);
                    }
                });
            }
            ExprKind::Unary { op, operand, op_span } => {
                self.line(format!("Unary {op:?} op{} {span}", sp(*op_span)));
                self.nested(|p| p.expr(operand));
            }
            ExprKind::Binary { op, lhs, rhs, op_span } => {
                self.line(format!("Binary {} op{} {span}", op.symbol(), sp(*op_span)));
                self.nested(|p| {
                    p.expr(lhs);
                    p.expr(rhs);
                });
            }
            ExprKind::Logical { op, lhs, rhs } => {
                self.line(format!("Logical {op:?} {span}"));
                self.nested(|p| {
                    p.expr(lhs);
                    p.expr(rhs);
                });
            }
            ExprKind::Conditional { cond, then, otherwise } => {
                self.line(format!("Conditional {span}"));
                self.nested(|p| {
                    p.expr(cond);
                    p.expr(then);
                    p.expr(otherwise);
                });
            }
            ExprKind::Index { target, index, bracket } => {
                self.line(format!("Index bracket{} {span}", sp(*bracket)));
                self.nested(|p| {
                    p.expr(target);
                    p.expr(index);
                });
            }
            ExprKind::Slice { target, start, end, step, bracket } => {
                self.line(format!("Slice bracket{} {span}", sp(*bracket)));
                self.nested(|p| {
                    p.expr(target);
                    for (label, part) in [("start", start), ("end", end), ("step", step)] {
                        match part {
                            Some(part) => p.labeled(label, part),
                            None => p.line(format!("{label}: -")),
                        }
                    }
                });
            }
            ExprKind::Member { target, name, dot } => {
                self.line(format!("Member {}{} dot{} {span}", name.name, sp(name.span), sp(*dot)));
                self.nested(|p| p.expr(target));
            }
            ExprKind::Call { callee, args, paren } => {
                self.line(format!(
                    "Call {}{} paren{} {span}",
                    callee.name,
                    sp(callee.span),
                    sp(*paren)
                ));
                self.nested(|p| args.iter().for_each(|arg| p.expr(arg)));
            }
            ExprKind::MethodCall { receiver, name, args, dot, paren } => {
                self.line(format!(
                    "MethodCall {}{} dot{} paren{} {span}",
                    name.name,
                    sp(name.span),
                    sp(*dot),
                    sp(*paren)
                ));
                self.nested(|p| {
                    p.labeled("receiver", receiver);
                    args.iter().for_each(|arg| p.expr(arg));
                });
            }
            ExprKind::Arrow(func) => {
                self.line(format!("Arrow {span}"));
                self.nested(|p| p.function(func));
            }
        }
    }
}
