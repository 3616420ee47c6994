//! The differential tester (issue 8, "the safety net"): random terminating ML programs,
//! each also written as Python for an oracle whose prelude bridges ML's semantics;
//! mlpy's standard output and uncaught error kind must agree with the oracle's.
//!
//! * [`gen`] makes programs (a seed names a program), [`ast`] writes them as ML and as
//!   Python, [`run`] runs mlpy in-process and the oracle batched in one `python3`.
//! * [`check`] compares one program; [`shrink`] deletes statements from a mismatching
//!   program while it keeps mismatching; [`corpus`] replays saved programs.
//!
//! docs/difftest.md explains how to run it and what it covers.

pub mod ast;
pub mod gen;
pub mod rng;
pub mod run;

use std::path::Path;

use ast::{ArrowBody, Expr, Program, Stmt};
use run::{Oracle, Outcome};

/// The result of one comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Match,
    /// A resource limit ended one side: not comparable.
    Skipped(String),
    /// The sides disagree; the string names the class of disagreement.
    Mismatch(String),
}

/// Both sides' outcomes for one program.
#[derive(Clone, Debug)]
pub struct Report {
    pub ml: String,
    pub py: String,
    pub mlpy: Outcome,
    pub oracle: Outcome,
    /// The unoptimised mlpy run, when the second oracle is available.
    pub unoptimised: Option<Outcome>,
    pub verdict: Verdict,
}

impl Report {
    pub fn render(&self) -> String {
        let side = |name: &str, o: &Outcome| {
            format!(
                "--- {name}: error {:?}{}\n{}\n--- {name} detail: {}\n",
                o.error,
                if o.limit { " (limit)" } else { "" },
                o.out,
                o.detail
            )
        };
        let mut s = format!(
            "=== verdict: {:?}\n=== ML source\n{}\n=== Python source\n{}\n",
            self.verdict, self.ml, self.py
        );
        s.push_str(&side("mlpy", &self.mlpy));
        s.push_str(&side("oracle", &self.oracle));
        if let Some(u) = &self.unoptimised {
            s.push_str(&side("mlpy without fast paths", u));
        }
        s
    }
}

/// Compares two outcomes: the output and the uncaught error kind must agree.
pub fn compare(mlpy: &Outcome, oracle: &Outcome) -> Verdict {
    if mlpy.limit || oracle.limit {
        return Verdict::Skipped(if mlpy.limit { "mlpy limit" } else { "oracle limit" }.into());
    }
    if let Some(e) = &mlpy.error {
        if e.starts_with("Static:") || e == "Panic" {
            return Verdict::Mismatch(format!("mlpy {e}: {}", message_class(&mlpy.detail)));
        }
    }
    if let Some(e) = &oracle.error {
        if e.starts_with("Python:") {
            return Verdict::Mismatch(format!("oracle {e} (tester bug)"));
        }
    }
    if mlpy.error != oracle.error {
        return Verdict::Mismatch(format!(
            "error kind: mlpy {} vs oracle {}",
            mlpy.error.as_deref().unwrap_or("none"),
            oracle.error.as_deref().unwrap_or("none")
        ));
    }
    if mlpy.out != oracle.out {
        return Verdict::Mismatch("stdout".into());
    }
    Verdict::Match
}

/// The first line of a message with the names in backquotes and the numbers blanked,
/// so that mismatches of one kind fall into one class.
fn message_class(detail: &str) -> String {
    let line = detail.lines().next().unwrap_or_default();
    let mut out = String::new();
    let mut quoted = false;
    for ch in line.chars() {
        if ch == '`' {
            quoted = !quoted;
            out.push(ch);
            if quoted {
                out.push('_');
            }
        } else if !quoted {
            out.push(if ch.is_ascii_digit() { '0' } else { ch });
        }
    }
    out
}

/// Runs one program on mlpy, on mlpy without fast paths and on the Python oracle.
pub fn check(prog: &Program, oracle: &mut Oracle) -> std::io::Result<Report> {
    let ml = ast::to_ml(prog);
    let py = ast::to_python(prog);
    let mlpy = run::run_mlpy(&ml, true);
    let oracle_out = oracle.run(&py)?;
    let mut verdict = compare(&mlpy, &oracle_out);
    let unoptimised = run::run_mlpy(&ml, false);
    // A resource limit is not a semantic difference: without fast paths, `for` over
    // `range(…)` builds the array, and a range too large to build hits a limit that the
    // lazy fast path never meets. Such a program is compared with the oracle only.
    let comparable = !unoptimised.limit && !mlpy.limit;
    if verdict == Verdict::Match
        && comparable
        && (unoptimised.out != mlpy.out || unoptimised.error != mlpy.error)
    {
        verdict = Verdict::Mismatch("fast paths: optimised and unoptimised mlpy differ".into());
    }
    let unoptimised = Some(unoptimised);
    Ok(Report { ml, py, mlpy, oracle: oracle_out, unoptimised, verdict })
}

// ---------------------------------------------------------------------------------------
// Shrinking

/// Every program obtained by deleting one statement (at any depth), or by replacing a
/// compound statement by one of its blocks.
fn candidates(p: &[Stmt]) -> Vec<Vec<Stmt>> {
    let mut out = Vec::new();
    for i in 0..p.len() {
        let mut q = p.to_vec();
        q.remove(i);
        out.push(q);
    }
    for i in 0..p.len() {
        for (inner, rebuild) in children(&p[i]) {
            for c in candidates(&inner) {
                let mut q = p.to_vec();
                q[i] = rebuild(c);
                out.push(q);
            }
        }
    }
    out
}

type Rebuild = Box<dyn Fn(Vec<Stmt>) -> Stmt>;

/// The blocks of a statement, each with a function that rebuilds the statement around a
/// replacement of that block.
fn children(s: &Stmt) -> Vec<(Vec<Stmt>, Rebuild)> {
    let mut out: Vec<(Vec<Stmt>, Rebuild)> = Vec::new();
    match s {
        Stmt::If(arms, els) => {
            for i in 0..arms.len() {
                let (a, e) = (arms.clone(), els.clone());
                out.push((
                    arms[i].1.clone(),
                    Box::new(move |b| {
                        let mut a = a.clone();
                        a[i].1 = b;
                        Stmt::If(a, e.clone())
                    }),
                ));
            }
            if let Some(b) = els {
                let a = arms.clone();
                out.push((b.clone(), Box::new(move |b| Stmt::If(a.clone(), Some(b)))));
            }
        }
        Stmt::While { guard, limit, cond, body } => {
            let (g, l, c) = (guard.clone(), *limit, cond.clone());
            out.push((
                body.clone(),
                Box::new(move |b| Stmt::While {
                    guard: g.clone(),
                    limit: l,
                    cond: c.clone(),
                    body: b,
                }),
            ));
        }
        Stmt::For { guard, limit, var, iter, body } => {
            let (g, l, v, it) = (guard.clone(), *limit, var.clone(), iter.clone());
            out.push((
                body.clone(),
                Box::new(move |b| Stmt::For {
                    guard: g.clone(),
                    limit: l,
                    var: v.clone(),
                    iter: it.clone(),
                    body: b,
                }),
            ));
        }
        Stmt::Try { body, handler, finally } => {
            let (h, f) = (handler.clone(), finally.clone());
            out.push((
                body.clone(),
                Box::new(move |b| Stmt::Try { body: b, handler: h.clone(), finally: f.clone() }),
            ));
            if let Some((var, hb)) = handler {
                let (b0, v, f) = (body.clone(), var.clone(), finally.clone());
                out.push((
                    hb.clone(),
                    Box::new(move |b| Stmt::Try {
                        body: b0.clone(),
                        handler: Some((v.clone(), b)),
                        finally: f.clone(),
                    }),
                ));
            }
            if let Some(fb) = finally {
                let (b0, h) = (body.clone(), handler.clone());
                out.push((
                    fb.clone(),
                    Box::new(move |b| Stmt::Try {
                        body: b0.clone(),
                        handler: h.clone(),
                        finally: Some(b),
                    }),
                ));
            }
        }
        Stmt::Func { name, params, nonlocals, body } => {
            let (n, p, nl) = (name.clone(), params.clone(), nonlocals.clone());
            out.push((
                body.clone(),
                Box::new(move |b| Stmt::Func {
                    name: n.clone(),
                    params: p.clone(),
                    nonlocals: nl.clone(),
                    body: b,
                }),
            ));
        }
        Stmt::Assign(v, Expr::Arrow(params, body)) => {
            if let ArrowBody::Block { nonlocals, body } = &**body {
                let (v, p, nl) = (v.clone(), params.clone(), nonlocals.clone());
                out.push((
                    body.clone(),
                    Box::new(move |b| {
                        Stmt::Assign(
                            v.clone(),
                            Expr::Arrow(
                                p.clone(),
                                Box::new(ArrowBody::Block { nonlocals: nl.clone(), body: b }),
                            ),
                        )
                    }),
                ));
            }
        }
        _ => {}
    }
    out
}

fn size(p: &[Stmt]) -> usize {
    p.iter().map(|s| 1 + children(s).iter().map(|(b, _)| size(b)).sum::<usize>()).sum()
}

/// What must stay the same while a mismatch shrinks: the failing side's error kind and
/// message (names and numbers blanked) when one side raised and the other did not agree,
/// otherwise the class of the mismatch.
fn shrink_key(r: &Report) -> Option<String> {
    let Verdict::Mismatch(class) = &r.verdict else { return None };
    if r.mlpy.error != r.oracle.error {
        if let Some(e) = &r.mlpy.error {
            return Some(format!("mlpy {e}: {}", message_class(&r.mlpy.detail)));
        }
        if let Some(e) = &r.oracle.error {
            return Some(format!("oracle {e}: {}", message_class(&r.oracle.detail)));
        }
    }
    Some(class.clone())
}

/// Deletes statements while the program keeps mismatching in the same way (greedy, to a
/// fixpoint, at most `max_runs` comparisons). Returns the smallest program found.
pub fn shrink(
    prog: &Program,
    oracle: &mut Oracle,
    max_runs: usize,
) -> std::io::Result<(Program, Report)> {
    let first = check(prog, oracle)?;
    let Some(key) = shrink_key(&first) else { return Ok((prog.clone(), first)) };
    let same = |r: &Report| shrink_key(r).as_ref() == Some(&key);
    let mut best = prog.clone();
    let mut best_report = first;
    let mut runs = 0;
    // Large chunks of the top level first.
    let mut chunk = best.len() / 2;
    while chunk >= 2 && runs < max_runs {
        let mut i = 0;
        while i + chunk <= best.len() && runs < max_runs {
            let mut q = best.clone();
            q.drain(i..i + chunk);
            runs += 1;
            let r = check(&q, oracle)?;
            if same(&r) {
                best = q;
                best_report = r;
            } else {
                i += chunk;
            }
        }
        chunk /= 2;
    }
    let mut progress = true;
    while progress && runs < max_runs {
        progress = false;
        let mut cands = candidates(&best);
        cands.sort_by_key(|c| size(c));
        for q in cands {
            if runs >= max_runs {
                break;
            }
            if size(&q) >= size(&best) {
                continue;
            }
            runs += 1;
            let r = check(&q, oracle)?;
            if same(&r) {
                best = q;
                best_report = r;
                progress = true;
                break;
            }
        }
    }
    Ok((best, best_report))
}

// ---------------------------------------------------------------------------------------
// Corpus

/// The expected-output file of a corpus program: its standard output, then, if it ends
/// with an uncaught error, a last line `!error: KIND`.
pub fn expected_text(o: &Outcome) -> String {
    let mut s = o.out.clone();
    if let Some(e) = &o.error {
        s.push_str(&format!("!error: {e}\n"));
    }
    s
}

/// Replays every `NAME.ml` of `dir` against its `NAME.expected`; returns the failures.
pub fn replay_corpus(dir: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ml"))
            .collect(),
        Err(e) => return vec![format!("cannot read {}: {e}", dir.display())],
    };
    entries.sort();
    for path in entries {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let expected = match std::fs::read_to_string(path.with_extension("expected")) {
            Ok(e) => e,
            Err(e) => {
                failures.push(format!("{}: no .expected file: {e}", path.display()));
                continue;
            }
        };
        let sides = [
            ("mlpy", run::run_mlpy(&src, true)),
            ("mlpy without fast paths", run::run_mlpy(&src, false)),
        ];
        for (name, got) in sides {
            let text = expected_text(&got);
            if text != expected {
                failures.push(format!(
                    "{} ({name}):\n--- source\n{src}\n--- expected\n{expected}\n--- got\n{text}--- detail: {}\n",
                    path.display(),
                    got.detail
                ));
            }
        }
    }
    failures
}
