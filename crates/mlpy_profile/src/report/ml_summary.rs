//! `ml-summary`: the report for people optimizing their ML code (the default).
//!
//! mlpy's internals are hidden: stdlib time is charged to the ML function that called it,
//! everything else (startup, parsing, compilation, runtime services) is "mlpy overhead".
//!
//! The recommendations are computed from this run's figures, and each states the figures
//! it rests on. The profile records calls, times, allocations and callers, not argument
//! values or the types of allocated objects: a rule that needs more says "if". The rules:
//!
//! - Floor: a function gets recommendations only when its ML time (own code plus the
//!   stdlib calls charged to it) is at least 5% of ML code time and at least 1 ms; at most
//!   the three most expensive such functions. When ML code took less than 1 ms in all,
//!   there is no recommendation at all (the section says so, with the figure); when no
//!   function reaches the floor, the section names the most expensive one and its share.
//! - Recursive and allocation-free (memoize, if the arguments repeat): the function calls
//!   itself directly, memory was tracked, and neither it nor its stdlib calls allocated.
//! - Many cheap calls: at least 1,000 calls of under 2 µs of ML time each.
//! - Mostly standard library: its stdlib calls took longer than its own code.
//! - Allocation-heavy: it allocated at least 64 KB and at least 25% of all ML allocation
//!   (memory tracked). Collecting string pieces in an array joined once is suggested only
//!   when, besides, at least 1,000 allocations holding at least half of those bytes were
//!   made by its own code and it calls no `join` and no array method.
//! - A function above the floor with none of these findings: its self time per call.
//! - mlpy overhead: mlpy's own time is at least half of the run (ML code above 1 ms).

use std::fmt::Write;

use crate::format::{self, Align, Table};
use crate::profile::{Category, FunctionKind, Profile};
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

/// The floor of significance: a function gets recommendations only when its ML time (its
/// own code and the stdlib calls charged to it) is at least this share of ML code time...
pub(crate) const FLOOR_SHARE: f64 = 0.05;
/// ...and at least this long (1 ms). A run whose ML code took less gets none at all.
pub(crate) const FLOOR_NS: u64 = 1_000_000;
/// At most this many functions get recommendations (the most expensive above the floor).
const MAX_FUNCS: usize = 3;
/// "Many cheap calls": at least this many calls...
const CHEAP_CALLS: u64 = 1_000;
/// ...of at most this much ML time each.
const CHEAP_NS: u64 = 2_000;
/// "Allocation-heavy": at least this many bytes...
const HEAVY_BYTES: u64 = 64 * 1024;
/// ...and this share of all the bytes ML code allocated.
const HEAVY_SHARE: f64 = 0.25;
/// "Collect string pieces": at least this many allocations in the function's own code.
const PIECES_ALLOCS: u64 = 1_000;
/// The overhead finding: mlpy's own time is at least this share of the run.
const OVERHEAD_SHARE: f64 = 0.5;

/// The recommendations, each with the figures it rests on; see the module docs of
/// `report.rs` and docs/profile-format.md for the rules.
fn recommendations(p: &Profile, view: &MlView) -> Vec<Advice> {
    let mut res = Vec::new();
    let floor = format::time(FLOOR_NS);
    if view.ml_ns < FLOOR_NS {
        // Too little ML code for any advice: say so, with the figures, and advise nothing.
        let rest = p.total_ns().saturating_sub(view.ml_ns);
        res.push(Advice::new(format!(
            "None: ML code ran for {} in all (the run's other {} were mlpy's own), below the \
             {floor} a function needs for a recommendation.",
            format::time(view.ml_ns),
            format::time(rest),
        )));
        return res;
    }
    for f in view.funcs.iter().take(MAX_FUNCS) {
        if f.own_ns < FLOOR_NS || format::share(f.own_ns, view.ml_ns) < FLOOR_SHARE {
            break;
        }
        res.push(function_advice(p, view, f));
    }

    let total = p.total_ns();
    let overhead = total.saturating_sub(view.ml_ns);
    if format::share(overhead, total) >= OVERHEAD_SHARE {
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
            "Optimizing the ML code can save at most the rest of the run: measure it on a \
             larger input before optimizing it."
                .to_owned(),
        );
        res.push(advice);
    }

    if res.is_empty() {
        let top = &view.funcs[0];
        let mut advice = Advice::new(format!(
            "No function reaches the floor for a recommendation ({:.0}% of ML code time and \
             {floor}): the most expensive, {}, takes {} ({}).",
            FLOOR_SHARE * 100.0,
            analysis::label(p.function(top.idx)),
            format::percent(top.own_ns, view.ml_ns),
            format::time(top.own_ns),
        ));
        if format::share(top.own_ns, view.ml_ns) < FLOOR_SHARE {
            advice.points.push(
                "No single function dominates: look for work repeated across functions rather \
                 than for one hot spot."
                    .to_owned(),
            );
        }
        res.push(advice);
    }
    res
}

/// How often `idx` calls itself directly (the edge from it to itself).
fn self_calls(p: &Profile, idx: u32) -> u64 {
    p.edges().iter().filter(|e| e.caller == idx && e.callee == idx).map(|e| e.calls).sum()
}

/// Whether `idx` calls a `join` (a native or method named `join` or `TYPE.join`) directly.
fn calls_join(p: &Profile, idx: u32) -> bool {
    p.edges().iter().filter(|e| e.caller == idx).any(|e| {
        let info = &p.function(e.callee).info;
        info.kind.is_native() && (info.name == "join" || info.name.ends_with(".join"))
    })
}

/// Whether `idx` calls an array method (`array.append`, …) directly: it already builds
/// arrays.
fn calls_array_method(p: &Profile, idx: u32) -> bool {
    p.edges().iter().filter(|e| e.caller == idx).any(|e| {
        let info = &p.function(e.callee).info;
        info.kind == FunctionKind::Method && info.name.starts_with("array.")
    })
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
    let memory = p.memory_tracked();
    let own_allocs = stats.alloc_count + f.stdlib_allocs;
    let recursive = stats.calls - stats.primitive_calls.min(stats.calls);
    let itself = self_calls(p, f.idx);
    if itself > 0 && memory && f.own_bytes == 0 && own_allocs == 0 {
        // The profile does not record arguments: whether they repeat is for the reader to
        // check. Allocation-free recursion is what a pure function of its arguments looks
        // like; a function that allocates (quicksort's fresh arrays) gets no such advice.
        points.push(format!(
            "Recursive and allocation-free: it calls itself {} times (of its {}) and \
             allocates nothing. The profile does not record arguments: if the same ones \
             recur, memoize it (keep results in an object keyed by the arguments) or compute \
             its values bottom-up in a loop.",
            format::count(itself),
            format::plural(stats.calls, "call"),
        ));
    }
    let per_call = f.own_ns / stats.calls.max(1);
    if stats.calls >= CHEAP_CALLS && per_call < CHEAP_NS {
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
    if memory
        && f.own_bytes >= HEAVY_BYTES
        && format::share(f.own_bytes, view.ml_bytes) >= HEAVY_SHARE
    {
        let average = f
            .own_bytes
            .checked_div(own_allocs)
            .map(|avg| format!(", {} on average", format::bytes(avg)))
            .unwrap_or_default();
        points.push(format!(
            "Allocation-heavy: it allocates {} ({} of all ML allocation) in {}{average}. Reuse \
             arrays and objects instead of building new ones in loops.",
            format::bytes(f.own_bytes),
            format::percent(f.own_bytes, view.ml_bytes),
            format::plural(own_allocs, "allocation"),
        ));
        // String building by `+` allocates in the function's own code, many times; a
        // function that joins, or builds arrays with their methods, already collects pieces.
        if stats.alloc_count >= PIECES_ALLOCS
            && stats.alloc_bytes * 2 >= f.own_bytes
            && !calls_join(p, f.idx)
            && !calls_array_method(p, f.idx)
        {
            points.push(format!(
                "{} of those allocations ({}) are in its own code, and it calls no join: if \
                 it builds a string piece by piece (`s = s + piece`), collect the pieces in an \
                 array and join them once.",
                format::count(stats.alloc_count),
                format::bytes(stats.alloc_bytes),
            ));
        }
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
