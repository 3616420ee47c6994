//! `ml-details`: every ML function, grouped by file.
//!
//! Each file gets a table headed by its time, share of the run and memory; each function
//! its self time, the stdlib time charged to it, total time, share of its file, calls,
//! memory, average time per call and its top callers.

use std::fmt::Write;

use crate::format::{self, Align, Table};
use crate::profile::Profile;
use crate::report::analysis::{self, MlView};

pub(crate) fn render(p: &Profile) -> String {
    let view = MlView::new(p);
    let mut out = String::new();
    out.push_str("ML CODE DETAILED ANALYSIS\n\n");
    let _ = writeln!(out, "Program: {}", p.program());
    if view.funcs.is_empty() {
        let _ = writeln!(out, "Total Execution Time: {}", format::time(p.total_ns()));
        out.push_str("\nNo ML user code detected: no ML function ran in this run.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "ML Code Execution Time: {} ({} of {})",
        format::time(view.ml_ns),
        format::percent(view.ml_ns, p.total_ns()),
        format::time(p.total_ns()),
    );
    let _ = writeln!(
        out,
        "{} ML functions in {} files\n",
        format::count(view.funcs.len() as u64),
        format::count(view.files.len() as u64)
    );

    let memory = p.memory_tracked();
    let live = memory && view.funcs.iter().any(|f| p.function(f.idx).retained_bytes > 0);
    let callers = analysis::Callers::new(p);
    for file in &view.files {
        let title = if memory {
            format!(
                "{} ({}, {}, {})",
                file.file,
                format::time(file.own_ns),
                format::percent(file.own_ns, p.total_ns()),
                format::bytes(file.own_bytes)
            )
        } else {
            format!(
                "{} ({}, {})",
                file.file,
                format::time(file.own_ns),
                format::percent(file.own_ns, p.total_ns())
            )
        };
        let mut columns = vec![
            ("Function", Align::Left),
            ("Self", Align::Right),
            ("Stdlib", Align::Right),
            ("Total", Align::Right),
            ("% File", Align::Right),
            ("Calls", Align::Right),
        ];
        if memory {
            columns.push(("Memory", Align::Right));
        }
        if live {
            columns.push(("Live", Align::Right));
        }
        columns.push(("Avg/Call", Align::Right));
        columns.push(("Top Callers", Align::Left));
        let mut table = Table::new(&columns).with_title(title);
        for &pos in &file.funcs {
            let f = &view.funcs[pos];
            let stats = p.function(f.idx);
            let mut row = vec![
                format::truncate(&format!("{} (line {})", stats.info.name, stats.info.line), 40),
                format::time(stats.self_ns),
                if f.stdlib_ns == 0 { "-".to_owned() } else { format::time(f.stdlib_ns) },
                format::time(stats.total_ns),
                format::percent(f.own_ns, file.own_ns),
                format::count(stats.calls),
            ];
            if memory {
                row.push(format::bytes(f.own_bytes));
            }
            if live {
                row.push(format::bytes(stats.retained_bytes));
            }
            row.push(format::time(f.own_ns / stats.calls.max(1)));
            row.push(format::truncate(&callers.top(p, f.idx, 3), 48));
            table.row(row);
        }
        table.render(&mut out);
        out.push('\n');
    }
    let mut legend = String::from(
        "Self: time in the function's own code. Stdlib: time in the standard library \
         functions it called. Total: from call to return, callees included (counted once for \
         recursive functions). % File and Avg/Call use Self + Stdlib.",
    );
    if memory {
        legend.push_str(" Memory: bytes allocated by the function and its stdlib calls.");
    }
    if live {
        legend.push_str(" Live: bytes it allocated that were still live at exit.");
    }
    format::wrap(&mut out, &legend, "", "", 88);
    out
}
