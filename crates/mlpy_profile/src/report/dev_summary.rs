//! `dev-summary`: the report for mlpy developers.
//!
//! Where the whole run went: the category table (every category, in a fixed order so
//! that runs compare line by line), the pipeline phases, and the top functions across all
//! categories, natives and phases included.

use std::fmt::Write;

use crate::format::{self, Align, Table};
use crate::profile::Profile;
use crate::report::analysis;

/// How many functions the table shows.
const TOP: usize = 15;

pub(crate) fn render(p: &Profile) -> String {
    let mut out = String::new();
    let total = p.total_ns();
    let memory = p.memory_tracked();
    out.push_str("MLPY PERFORMANCE SUMMARY\n\n");
    let _ = writeln!(out, "Program: {}", p.program());
    let _ = writeln!(out, "Total Execution Time: {}", format::time(total));
    if memory {
        let _ = writeln!(out, "Peak Memory: {}", format::bytes(p.peak_memory_bytes()));
    } else {
        out.push_str("Peak Memory: not tracked\n");
    }
    let cost = p.profiler();
    let _ = writeln!(
        out,
        "Profiler: {} per event, {} subtracted over {} events (clock: {})\n",
        format::time_ps(cost.event_cost_ps),
        format::time(cost.subtracted_ns),
        format::count(cost.events),
        cost.clock,
    );

    out.push_str("Time Breakdown:\n");
    let mut columns =
        vec![("Category", Align::Left), ("Time", Align::Right), ("% Total", Align::Right)];
    if memory {
        columns.push(("Memory", Align::Right));
    }
    let mut table = Table::new(&columns);
    for cat in p.categories() {
        let mut row = vec![
            cat.category.name().to_owned(),
            format::time(cat.ns),
            format::percent(cat.ns, total),
        ];
        if memory {
            row.push(format::bytes(cat.alloc_bytes));
        }
        table.row(row);
    }
    let mut row = vec!["Total".to_owned(), format::time(total), format::percent(total, total)];
    if memory {
        row.push(format::bytes(p.categories().iter().map(|c| c.alloc_bytes).sum()));
    }
    table.row(row);
    table.render(&mut out);
    out.push('\n');

    if !p.phases().is_empty() {
        out.push_str("Phases:\n");
        let mut columns =
            vec![("Phase", Align::Left), ("Time", Align::Right), ("% Total", Align::Right)];
        if memory {
            columns.push(("Memory", Align::Right));
        }
        let mut table = Table::new(&columns);
        for phase in p.phases() {
            let mut row =
                vec![phase.name.clone(), format::time(phase.ns), format::percent(phase.ns, total)];
            if memory {
                row.push(format::bytes(phase.alloc_bytes));
            }
            table.row(row);
        }
        table.render(&mut out);
        out.push('\n');
    }

    let top = analysis::by_self_time(p, |_| true);
    let _ = writeln!(out, "Top Functions (all categories, by self time):");
    let mut columns = vec![
        ("Function", Align::Left),
        ("Category", Align::Left),
        ("Self", Align::Right),
        ("% Total", Align::Right),
        ("Total", Align::Right),
        ("Calls", Align::Right),
    ];
    if memory {
        columns.push(("Memory", Align::Right));
    }
    let mut table = Table::new(&columns);
    for (_, f) in top.iter().take(TOP) {
        let mut row = vec![
            format::truncate(&analysis::label(f), 50),
            f.info.category.name().to_owned(),
            format::time(f.self_ns),
            format::percent(f.self_ns, total),
            format::time(f.total_ns),
            format::count(f.calls),
        ];
        if memory {
            row.push(format::bytes(f.alloc_bytes));
        }
        table.row(row);
    }
    table.render(&mut out);
    out
}
