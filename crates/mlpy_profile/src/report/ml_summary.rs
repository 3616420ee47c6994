//! `ml-summary`: the report for people optimizing their ML code (the default).
//!
//! mlpy's internals are hidden: stdlib time is charged to the ML function that called it,
//! everything else (startup, parsing, compilation, runtime services) is "mlpy overhead".
//! The recommendations are computed from this run's figures: each names a function, its
//! share, the evidence, and what to try.

use std::fmt::Write;

use crate::format::{self, Align, Table};
use crate::profile::{Category, Profile};
use crate::report::analysis::{self, Advice, MlFunc, MlView};

/// How many functions the table shows.
const TOP: usize = 10;

pub(crate) fn render(p: &Profile) -> String {
    let view = MlView::new(p);
    let mut out = String::new();
    out.push_str("ML CODE PERFORMANCE SUMMARY\n\n");
    let _ = writeln!(out, "Program: {}", p.program());
    let _ = writeln!(out, "Total Execution Time: {}", format::time(p.total_ns()));
    if view.funcs.is_empty() {
        no_ml_code(p, &mut out);
        return out;
    }
    let (ml_ns, overhead_ns) = analysis::ml_and_overhead(p, &view);
    let total = p.total_ns();
    let _ = writeln!(
        out,
        "ML Code Execution Time: {} ({})",
        format::time(ml_ns),
        format::percent(ml_ns, total)
    );
    let _ = writeln!(
        out,
        "mlpy Overhead: {} ({})",
        format::time(overhead_ns),
        format::percent(overhead_ns, total)
    );
    out.push('\n');

    out.push_str("Memory Usage:\n");
    if p.memory_tracked() {
        let _ = writeln!(out, "  Peak Memory: {}", format::bytes(p.peak_memory_bytes()));
        let _ = writeln!(
            out,
            "  Allocated by ML code: {} in {} allocations",
            format::bytes(view.ml_bytes),
            format::count(view.ml_allocs)
        );
        let live: u64 = view.funcs.iter().map(|f| p.function(f.idx).retained_bytes).sum();
        if live > 0 {
            let _ = writeln!(out, "  Still live at exit: {}", format::bytes(live));
        }
    } else {
        out.push_str("  not tracked (memory tracking was off)\n");
    }
    out.push('\n');

    let memory = p.memory_tracked();
    let mut columns = vec![
        ("Function", Align::Left),
        ("Self", Align::Right),
        ("Stdlib", Align::Right),
        ("Total", Align::Right),
        ("Calls", Align::Right),
    ];
    if memory {
        columns.push(("Memory", Align::Right));
    }
    let mut table = Table::new(&columns);
    for f in view.funcs.iter().take(TOP) {
        let stats = p.function(f.idx);
        let mut row = vec![
            format::truncate(&analysis::label(stats), 50),
            format::time(stats.self_ns),
            if f.stdlib_ns == 0 { "-".to_owned() } else { format::time(f.stdlib_ns) },
            format::time(stats.total_ns),
            format::count(stats.calls),
        ];
        if memory {
            row.push(format::bytes(f.own_bytes));
        }
        table.row(row);
    }
    if view.funcs.len() > TOP {
        let _ = writeln!(out, "Top ML Functions ({TOP} of {}):", view.funcs.len());
    } else {
        out.push_str("Top ML Functions:\n");
    }
    table.render(&mut out);
    out.push_str("  Self: time in the function's own code; Stdlib: time in the standard library\n");
    out.push_str("  functions it called; Total: from call to return, callees included.\n\n");

    out.push_str("ML Files:\n");
    let mut columns = vec![
        ("File", Align::Left),
        ("Time", Align::Right),
        ("% Total", Align::Right),
        ("Functions", Align::Right),
    ];
    if memory {
        columns.push(("Memory", Align::Right));
    }
    let mut table = Table::new(&columns);
    for file in &view.files {
        let mut row = vec![
            file.file.clone(),
            format::time(file.own_ns),
            format::percent(file.own_ns, total),
            format::count(file.funcs.len() as u64),
        ];
        if memory {
            row.push(format::bytes(file.own_bytes));
        }
        table.row(row);
    }
    table.render(&mut out);
    out.push('\n');

    out.push_str("OPTIMIZATION RECOMMENDATIONS:\n\n");
    for advice in recommendations(p, &view) {
        advice.render(&mut out);
    }
    out
}

/// The report when no ML function ran (the program failed before running, or was empty).
fn no_ml_code(p: &Profile, out: &mut String) {
    out.push('\n');
    out.push_str("No ML user code detected: no ML function ran in this run.\n");
    let mut cats: Vec<_> = p.categories().iter().filter(|c| c.ns > 0).collect();
    cats.sort_by(|a, b| b.ns.cmp(&a.ns).then_with(|| a.category.cmp(&b.category)));
    if !cats.is_empty() {
        out.push_str("The time went to mlpy itself:\n");
        for c in cats {
            let _ = writeln!(
                out,
                "  {}: {} ({})",
                c.category.name(),
                format::time(c.ns),
                format::percent(c.ns, p.total_ns())
            );
        }
    }
}

/// Functions below this share of ML time get no recommendation of their own.
const MIN_SHARE: f64 = 0.10;
/// At most this many functions get recommendations.
const MAX_FUNCS: usize = 3;

fn recommendations(p: &Profile, view: &MlView) -> Vec<Advice> {
    let mut res = Vec::new();
    for f in view.funcs.iter().take(MAX_FUNCS) {
        let share = format::share(f.own_ns, view.ml_ns);
        if share < MIN_SHARE {
            break;
        }
        res.push(function_advice(p, view, f));
    }

    let total = p.total_ns();
    let overhead = total.saturating_sub(view.ml_ns);
    if format::share(overhead, total) >= 0.5 {
        let mut cats: Vec<_> = p
            .categories()
            .iter()
            .filter(|c| !matches!(c.category, Category::MlCode | Category::StandardLibrary))
            .filter(|c| c.ns > 0)
            .collect();
        cats.sort_by(|a, b| b.ns.cmp(&a.ns).then_with(|| a.category.cmp(&b.category)));
        let parts: Vec<String> = cats
            .iter()
            .take(3)
            .map(|c| format!("{} {}", c.category.name(), format::time(c.ns)))
            .collect();
        let mut advice = Advice::new(format!(
            "mlpy overhead is {} of this run ({}), against {} for ML code.",
            format::percent(overhead, total),
            parts.join(", "),
            format::time(view.ml_ns),
        ));
        advice.points.push(
            "The program runs too briefly for its own code to matter: measure it on a larger \
             input before optimizing it."
                .to_owned(),
        );
        res.push(advice);
    }

    if res.is_empty() {
        let top = &view.funcs[0];
        let mut advice = Advice::new(format!(
            "No single function dominates: the most expensive, {}, takes {} of ML code time.",
            analysis::label(p.function(top.idx)),
            format::percent(top.own_ns, view.ml_ns),
        ));
        advice.points.push(
            "Look for work repeated across functions rather than for one hot spot.".to_owned(),
        );
        res.push(advice);
    }
    res
}

/// The caller (other than itself) that calls `idx` most.
fn hottest_other_caller(p: &Profile, idx: u32) -> Option<(String, u64)> {
    p.edges()
        .iter()
        .filter(|e| e.callee == idx && e.caller != idx)
        .max_by(|a, b| {
            a.calls
                .cmp(&b.calls)
                .then_with(|| analysis::order(p.function(b.caller), p.function(a.caller)))
        })
        .map(|e| (analysis::label(p.function(e.caller)), e.calls))
}

/// The advice for one expensive function: its share, then each finding with its evidence
/// and what to try.
fn function_advice(p: &Profile, view: &MlView, f: &MlFunc) -> Advice {
    let stats = p.function(f.idx);
    let mut advice = Advice::new(format!(
        "{}: {} of ML code time ({} in {}).",
        analysis::label(stats),
        format::percent(f.own_ns, view.ml_ns),
        format::time(f.own_ns),
        format::plural(stats.calls, "call"),
    ));
    let points = &mut advice.points;
    let recursive = stats.calls - stats.primitive_calls.min(stats.calls);
    if recursive > 0 {
        points.push(format!(
            "Recursive: {} of its {} start while it is already running. If it is called again \
             with the same arguments, memoize it (keep results in an object keyed by the \
             arguments) or rewrite the recursion as a loop.",
            format::count(recursive),
            format::plural(stats.calls, "call"),
        ));
    }
    let per_call = f.own_ns / stats.calls.max(1);
    if stats.calls >= 1_000 && per_call < 2_000 {
        let what = match hottest_other_caller(p, f.idx) {
            _ if recursive > 0 => {
                "Handle small inputs without recursing (a larger base case) to make fewer calls."
                    .to_owned()
            }
            Some((caller, calls)) => format!(
                "Inline it into its hottest caller, {caller}, which calls it {} times, or pass \
                 it batches of work instead of single items.",
                format::count(calls),
            ),
            None => "Pass it batches of work instead of single items.".to_owned(),
        };
        points.push(format!(
            "Many cheap calls: {} at {} each, so the calls themselves are a large part of its \
             cost. {what}",
            format::plural(stats.calls, "call"),
            format::time(per_call),
        ));
    }
    if let Some((callee, ns, calls)) = f.top_stdlib {
        if f.stdlib_ns > stats.self_ns {
            points.push(format!(
                "Mostly standard library: {} of its time is in stdlib calls, above all {} ({} \
                 in {}). Hoist those calls out of loops, or call them once on more data.",
                format::percent(f.stdlib_ns, f.own_ns),
                p.function(callee).info.name,
                format::time(ns),
                format::plural(calls, "call"),
            ));
        }
    }
    if p.memory_tracked()
        && f.own_bytes >= 4096
        && format::share(f.own_bytes, view.ml_bytes) >= 0.25
    {
        let allocs = stats.alloc_count + f.stdlib_allocs;
        points.push(format!(
            "Allocation-heavy: it allocates {} ({} of all ML allocation) in {}. Reuse arrays \
             and objects instead of building new ones in loops, and collect string pieces in an \
             array joined once instead of concatenating them.",
            format::bytes(f.own_bytes),
            format::percent(f.own_bytes, view.ml_bytes),
            format::plural(allocs, "allocation"),
        ));
    }
    if points.is_empty() {
        points.push(format!(
            "The time is in its own code ({} self, {} per call): look at its loops and at the \
             data structures it searches.",
            format::time(stats.self_ns),
            format::time(per_call),
        ));
    }
    advice
}
