//! `raw`: cProfile's text format, as Python's `pstats.Stats.print_stats` prints it.
//!
//! ```text
//!          242785 function calls (1 primitive calls) in 0.061 seconds
//!
//!    Ordered by: cumulative time
//!
//!    ncalls  tottime  percall  cumtime  percall filename:lineno(function)
//!  242785/1    0.061    0.000    0.061    0.061 fib.ml:1(fib)
//! ```
//!
//! Column widths, rounding and the header lines are pstats's. `ncalls` is
//! `total/primitive` when they differ; the first `percall` is tottime per call, the second
//! cumtime per primitive call. ML functions print as `file:line(name)`. Entries with no
//! source are printed the way pstats prints its `('~', 0, '<...>')` entries, in braces:
//! natives as `{built-in function NAME}` (cProfile's own form for builtins) and phases as
//! `{mlpy phase NAME}`. Unlike pstats, the report does not end with two blank lines.

use std::cmp::Ordering;
use std::fmt::Write;

use crate::profile::{FunctionKind, FunctionStats, Profile};
use crate::report::{analysis, SortKey};

pub(crate) fn render(p: &Profile, sort: SortKey) -> String {
    let mut rows: Vec<&FunctionStats> = p.functions().iter().filter(|f| f.calls > 0).collect();
    rows.sort_by(|a, b| compare(a, b, sort).then_with(|| analysis::order(a, b)));
    let calls: u64 = rows.iter().map(|f| f.calls).sum();
    let primitive: u64 = rows.iter().map(|f| f.primitive_calls).sum();
    let total: u64 = rows.iter().map(|f| f.self_ns).sum();

    let mut out = String::new();
    let _ = write!(out, "         {calls} function calls ");
    if calls != primitive {
        let _ = write!(out, "({primitive} primitive calls) ");
    }
    let _ = writeln!(out, "in {:.3} seconds\n", seconds(total));
    let _ = writeln!(out, "   Ordered by: {}\n", ordered_by(sort));
    out.push_str("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n");
    for f in rows {
        let mut ncalls = f.calls.to_string();
        if f.calls != f.primitive_calls {
            let _ = write!(ncalls, "/{}", f.primitive_calls);
        }
        let _ = write!(out, "{ncalls:>9} {} ", f8(f.self_ns));
        out.push_str(&per_call(f.self_ns, f.calls));
        let _ = write!(out, " {} ", f8(f.total_ns));
        out.push_str(&per_call(f.total_ns, f.primitive_calls));
        let _ = writeln!(out, " {}", location(f));
    }
    out
}

/// The `filename:lineno(function)` column.
pub(crate) fn location(f: &FunctionStats) -> String {
    match f.info.kind {
        FunctionKind::Ml => format!("{}:{}({})", f.info.file, f.info.line, f.info.name),
        FunctionKind::Native | FunctionKind::Method | FunctionKind::Phase => {
            let (_, _, name) = f.info.pstats_key();
            format!("{{{}}}", &name[1..name.len() - 1])
        }
    }
}

fn compare(a: &FunctionStats, b: &FunctionStats, sort: SortKey) -> Ordering {
    match sort {
        SortKey::TotTime => b.self_ns.cmp(&a.self_ns),
        SortKey::CumTime => b.total_ns.cmp(&a.total_ns),
        SortKey::Calls => b.calls.cmp(&a.calls),
        SortKey::Name => a.info.name.cmp(&b.info.name),
    }
}

/// pstats's description of the order.
fn ordered_by(sort: SortKey) -> &'static str {
    match sort {
        SortKey::TotTime => "internal time",
        SortKey::CumTime => "cumulative time",
        SortKey::Calls => "call count",
        SortKey::Name => "function name",
    }
}

fn seconds(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// pstats's `f8`: seconds as `%8.3f`.
fn f8(ns: u64) -> String {
    format!("{:8.3}", seconds(ns))
}

/// Time per call, or eight blanks when there were no calls.
fn per_call(ns: u64, calls: u64) -> String {
    if calls == 0 {
        " ".repeat(8)
    } else {
        format!("{:8.3}", seconds(ns) / calls as f64)
    }
}
