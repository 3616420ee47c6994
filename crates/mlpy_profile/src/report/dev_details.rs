//! `dev-details`: mlpy's internals, for developers optimizing the runtime.
//!
//! For every category that ran, its top items (natives by time, runtime services by kind,
//! phases); the profiler's own calibrated cost; and recommendations for the runtime,
//! each computed from this run's figures and stating them. Each rule has a share and the
//! absolute floor of 1 ms (`ml_summary::FLOOR_NS`), so a short run gets none:
//!
//! - a category other than ML code with at least 20% of the run and 1 ms, with its
//!   largest item (the front-end advice speaks of the bytecode cache only when the run
//!   used it);
//! - a native with at least 10% of the run, 1 ms and 1,000 calls;
//! - the profiler's subtracted cost at least 25% of the measured run and 1 ms;
//! - allocation (memory tracked): at least 1 MB allocated and ten times the peak.
//!
//! Features the run did not use have no items, and so no recommendation.

use std::fmt::Write;

use crate::format::{self, Align, Table};
use crate::profile::{Category, FunctionKind, Profile};
use crate::report::analysis::{self, Advice, MlView};

/// How many items each category shows.
const TOP: usize = 10;

pub(crate) fn render(p: &Profile) -> String {
    let view = MlView::new(p);
    let total = p.total_ns();
    let memory = p.memory_tracked();
    let mut out = String::new();
    out.push_str("MLPY INTERNAL PERFORMANCE ANALYSIS\n\n");
    let _ = writeln!(out, "Program: {}", p.program());
    let (_, overhead) = analysis::ml_and_overhead(p, &view);
    let _ = writeln!(
        out,
        "Total mlpy Overhead: {} ({} of {})",
        format::time(overhead),
        format::percent(overhead, total),
        format::time(total),
    );
    let stdlib = &p.categories()[Category::StandardLibrary.index()];
    let _ = writeln!(
        out,
        "Standard Library: {} ({}), charged to the calling ML functions in ml-summary\n",
        format::time(stdlib.ns),
        format::percent(stdlib.ns, total),
    );

    for cat in p.categories() {
        let items = analysis::by_self_time(p, |f| f.info.category == cat.category);
        if items.is_empty() {
            continue;
        }
        let title = if memory {
            format!(
                "{} ({}, {}, {})",
                cat.category.name().to_uppercase(),
                format::time(cat.ns),
                format::percent(cat.ns, total),
                format::bytes(cat.alloc_bytes)
            )
        } else {
            format!(
                "{} ({}, {})",
                cat.category.name().to_uppercase(),
                format::time(cat.ns),
                format::percent(cat.ns, total)
            )
        };
        let mut columns = vec![
            ("Function", Align::Left),
            ("Self", Align::Right),
            ("% Total", Align::Right),
            ("Calls", Align::Right),
            ("Avg/Call", Align::Right),
        ];
        if memory {
            columns.push(("Memory", Align::Right));
        }
        let mut table = Table::new(&columns).with_title(title);
        for (_, f) in items.iter().take(TOP) {
            let mut row = vec![
                format::truncate(&analysis::label(f), 50),
                format::time(f.self_ns),
                format::percent(f.self_ns, total),
                format::count(f.calls),
                format::time(f.self_ns / f.calls.max(1)),
            ];
            if memory {
                row.push(format::bytes(f.alloc_bytes));
            }
            table.row(row);
        }
        table.render(&mut out);
        if items.len() > TOP {
            let _ = writeln!(out, "  ... and {} more", items.len() - TOP);
        }
        out.push('\n');
    }

    let cost = p.profiler();
    let measured = total + cost.subtracted_ns;
    out.push_str("Profiler Self-Cost:\n");
    let _ = writeln!(
        out,
        "  {} per event (an enter or an exit), of which {} per call fall inside the callee's\n  \
         own timing (clock: {})",
        format::time_ps(cost.event_cost_ps),
        format::time_ps(cost.inside_cost_ps),
        cost.clock,
    );
    let _ = writeln!(
        out,
        "  {} events recorded; {} subtracted from the reported times ({} of the measured run)\n",
        format::count(cost.events),
        format::time(cost.subtracted_ns),
        format::percent(cost.subtracted_ns, measured),
    );

    out.push_str("RUNTIME RECOMMENDATIONS:\n\n");
    for advice in recommendations(p) {
        advice.render(&mut out);
    }
    out
}

/// A category above this share of the run (and `FLOOR_NS`) gets a recommendation.
const CATEGORY_SHARE: f64 = 0.20;
/// The absolute floor of every rule: 1 ms.
const FLOOR_NS: u64 = crate::report::ml_summary::FLOOR_NS;
/// A native above this share of the run, with many calls, gets a recommendation.
const NATIVE_SHARE: f64 = 0.10;

fn recommendations(p: &Profile) -> Vec<Advice> {
    let total = p.total_ns();
    let used_cache = p
        .functions()
        .iter()
        .any(|f| f.info.kind == FunctionKind::Phase && f.info.category == Category::Cache);
    let mut res = Vec::new();
    for cat in p.categories() {
        let share = format::share(cat.ns, total);
        if cat.category == Category::MlCode || share < CATEGORY_SHARE || cat.ns < FLOOR_NS {
            continue;
        }
        let items = analysis::by_self_time(p, |f| f.info.category == cat.category);
        let Some((_, top)) = items.first() else { continue };
        let what = match cat.category {
            Category::MlCode => continue,
            Category::StandardLibrary | Category::RuntimeOverhead => {
                "Make that path cheaper, or have the VM call it less often."
            }
            // Only a run that used the bytecode cache has a cache phase: the advice
            // speaks of the cache only then.
            Category::Parsing | Category::SecurityAnalysis | Category::Compilation
                if used_cache =>
            {
                "The bytecode cache lets later runs of unchanged files skip the front end; if \
                 this run should have used it, find out why it did not."
            }
            Category::Parsing | Category::SecurityAnalysis | Category::Compilation => {
                "The front end runs on every run of this program: make that phase cheaper."
            }
            Category::SandboxStartup => {
                "Create the stdlib registry and the capability context lazily, on first use."
            }
            Category::Cache => "Check the size of the cache files and the cost of validating them.",
        };
        let mut advice = Advice::new(format!(
            "{} is {} of the run ({}); its largest item is {} ({} in {}, {} per call).",
            cat.category.name(),
            format::percent(cat.ns, total),
            format::time(cat.ns),
            analysis::label(top),
            format::time(top.self_ns),
            format::plural(top.calls, "call"),
            format::time(top.self_ns / top.calls.max(1)),
        ));
        advice.points.push(what.to_owned());
        res.push(advice);
    }

    for (_, f) in analysis::by_self_time(p, |f| f.info.kind.is_native()) {
        if format::share(f.self_ns, total) < NATIVE_SHARE || f.calls < 1_000 || f.self_ns < FLOOR_NS
        {
            continue;
        }
        let mut advice = Advice::new(format!(
            "Native {} is called {} times for {} of the run ({} per call).",
            f.info.name,
            format::count(f.calls),
            format::percent(f.self_ns, total),
            format::time(f.self_ns / f.calls.max(1)),
        ));
        advice
            .points
            .push("A candidate for a dedicated instruction or a fast path in the VM.".to_owned());
        res.push(advice);
    }

    let cost = p.profiler();
    let measured = total + cost.subtracted_ns;
    if format::share(cost.subtracted_ns, measured) >= 0.25 && cost.subtracted_ns >= FLOOR_NS {
        let mut advice = Advice::new(format!(
            "Profiler bookkeeping was {} of the measured run ({} events at {} each).",
            format::percent(cost.subtracted_ns, measured),
            format::count(cost.events),
            format::time_ps(cost.event_cost_ps),
        ));
        advice.points.push(
            "The reported times are corrected for it, but functions shorter than a few events \
             carry a larger relative error."
                .to_owned(),
        );
        res.push(advice);
    }

    if p.memory_tracked() {
        let allocated: u64 = p.categories().iter().map(|c| c.alloc_bytes).sum();
        let peak = p.peak_memory_bytes();
        if allocated >= 1 << 20 && peak > 0 && allocated >= 10 * peak {
            let mut advice = Advice::new(format!(
                "The run allocated {} for a peak of {} ({:.0} times over).",
                format::bytes(allocated),
                format::bytes(peak),
                allocated as f64 / peak as f64,
            ));
            advice.points.push(
                "Most objects are short-lived: a free list or an arena for small objects would \
                 save allocator work."
                    .to_owned(),
            );
            res.push(advice);
        }
    }

    if res.is_empty() {
        let ml = p.categories()[Category::MlCode.index()].ns;
        let mut advice = Advice::new(format!(
            "No runtime hot spot: no category but ML code reaches {:.0}% of the run and {}, and \
             ML code itself takes {} ({}).",
            CATEGORY_SHARE * 100.0,
            format::time(FLOOR_NS),
            format::time(ml),
            format::percent(ml, total),
        ));
        advice.points.push("See ml-summary for the program's own hot spots.".to_owned());
        res.push(advice);
    }
    res
}
