//! `raw`, `callers` and `callees`: cProfile's text views, as Python 3.11's
//! `pstats.Stats` prints them with `print_stats()`, `print_callers()` and
//! `print_callees()` after `sort_stats(KEY)`.
//!
//! ```text
//!          242786 function calls (2 primitive calls) in 0.061 seconds
//!
//!    Ordered by: cumulative time
//!    List reduced from 9 to 2 due to restriction <2>
//!
//!    ncalls  tottime  percall  cumtime  percall filename:lineno(function)
//!         1    0.000    0.000    0.061    0.061 fib.ml:1(<module>)
//!  242785/1    0.061    0.000    0.061    0.061 fib.ml:3(fib)
//!
//!
//! ```
//!
//! The figures are those of pstats' dictionary `{(file, line, name): (cc, nc, tt, ct,
//! callers)}` built from the profile: one entry per `FunctionInfo::pstats_key` (functions
//! with the same key, such as two arrow functions on one line, are added together, as
//! pstats adds entries), `nc` the calls, `cc` the primitive calls, `tt` the self time,
//! `ct` the total time, and per caller the figures of `Profile::edges`. ML functions print
//! as `file:line(name)` (the path as given on the command line, as pstats prints it
//! without `strip_dirs()`), everything else with cProfile's names for built-ins, in
//! braces: `{built-in method builtins.len}`, `{built-in method math.sqrt}`,
//! `{method 'append' of 'array' objects}`, and `{mlpy phase parsing}` for phases.
//!
//! Everything else is pstats' own format: the header, the column widths, `%8.3f`
//! seconds, `total/primitive` calls, the per-call columns (self time per call, total time
//! per primitive call, blank when there were none), `Ordered by:` with pstats' description
//! of the sort, the `List reduced from A to B due to restriction <N>` line of a limit, the
//! call views' `<-`/`->` arrows, their continuation lines and name column width, and the
//! two blank lines after the rows. A limit of 0 leaves no rows: `raw` is then its first
//! two lines and `callers`/`callees` are empty, as in pstats.
//!
//! Rows that the sort finds equal are ordered by their printed name (where pstats keeps
//! the order of its dictionary). `tests/profile/oracle.rs` compares every view, for every
//! sort and several limits, with what CPython's pstats prints for the same figures.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt::Write;

use crate::profile::Profile;
use crate::report::{RenderOptions, SortKey};

/// The figures of one caller → callee pair, as pstats keeps them: `(nc, cc, tt, ct)`.
#[derive(Clone, Copy, Default)]
struct Pair {
    calls: u64,
    primitive_calls: u64,
    self_ns: u64,
    total_ns: u64,
}

impl Pair {
    fn add(&mut self, other: Pair) {
        self.calls += other.calls;
        self.primitive_calls += other.primitive_calls;
        self.self_ns += other.self_ns;
        self.total_ns += other.total_ns;
    }
}

/// One entry of pstats' dictionary.
struct Entry {
    file: String,
    line: u32,
    name: String,
    /// pstats' `func_std_string`: `file:line(name)`, or `{...}` for built-ins.
    std: String,
    /// `(cc, nc, tt, ct)`: primitive calls, calls, self time, total time.
    primitive_calls: u64,
    calls: u64,
    self_ns: u64,
    total_ns: u64,
    /// Callers (entry index, figures), ordered by the callers' keys.
    callers: Vec<(usize, Pair)>,
    /// Callees (entry index, figures), ordered by the callees' keys.
    callees: Vec<(usize, Pair)>,
}

impl Entry {
    fn key(&self) -> (&str, u32, &str) {
        (&self.file, self.line, &self.name)
    }
}

/// pstats' view of a profile: its entries in our tie order (by printed name, then key).
struct Stats {
    entries: Vec<Entry>,
}

impl Stats {
    fn new(p: &Profile) -> Stats {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_key: HashMap<(String, u32, String), usize> = HashMap::new();
        let mut entry_of: Vec<usize> = Vec::with_capacity(p.functions().len());
        for f in p.functions() {
            let (file, line, name) = f.info.pstats_key();
            let key = (file.to_owned(), line, name);
            let idx = *by_key.entry(key.clone()).or_insert_with(|| {
                entries.push(Entry {
                    std: std_string(&key.0, key.1, &key.2),
                    file: key.0,
                    line: key.1,
                    name: key.2,
                    primitive_calls: 0,
                    calls: 0,
                    self_ns: 0,
                    total_ns: 0,
                    callers: Vec::new(),
                    callees: Vec::new(),
                });
                entries.len() - 1
            });
            let e = &mut entries[idx];
            e.primitive_calls += f.primitive_calls;
            e.calls += f.calls;
            e.self_ns += f.self_ns;
            e.total_ns += f.total_ns;
            entry_of.push(idx);
        }

        // The tie order, then the pairs with indices into it.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&entries[a], &entries[b]);
            a.std.cmp(&b.std).then_with(|| a.key().cmp(&b.key()))
        });
        let mut position = vec![0; entries.len()];
        for (pos, &idx) in order.iter().enumerate() {
            position[idx] = pos;
        }
        let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        let mut entries: Vec<Entry> =
            order.iter().map(|&idx| slots[idx].take().expect("each entry once")).collect();

        let mut pairs: HashMap<(usize, usize), Pair> = HashMap::new();
        for edge in p.edges() {
            let caller = position[entry_of[edge.caller as usize]];
            let callee = position[entry_of[edge.callee as usize]];
            pairs.entry((caller, callee)).or_default().add(Pair {
                calls: edge.calls,
                primitive_calls: edge.primitive_calls,
                self_ns: edge.self_ns,
                total_ns: edge.total_ns,
            });
        }
        for (&(caller, callee), &pair) in &pairs {
            entries[callee].callers.push((caller, pair));
            entries[caller].callees.push((callee, pair));
        }
        // pstats prints a function's callers (callees) in the order of their keys.
        let keys: Vec<(String, u32, String)> =
            entries.iter().map(|e| (e.file.clone(), e.line, e.name.clone())).collect();
        for e in &mut entries {
            e.callers.sort_by(|a, b| keys[a.0].cmp(&keys[b.0]));
            e.callees.sort_by(|a, b| keys[a.0].cmp(&keys[b.0]));
        }
        Stats { entries }
    }

    /// pstats' `get_print_list`: the rows to print (sorted, cut to the limit), the
    /// `Ordered by:` message (already followed by its blank line), and the width of the
    /// name column of the call views; `None` when no row is left.
    fn print_list(&self, options: RenderOptions) -> Option<(Vec<usize>, String, usize)> {
        let mut rows: Vec<usize> = (0..self.entries.len()).collect();
        // Stable, as pstats' sort: rows the key finds equal stay in the tie order.
        rows.sort_by(|&a, &b| compare(&self.entries[a], &self.entries[b], options.sort));
        let mut msg = format!("   Ordered by: {}\n", options.sort.description());
        if let Some(limit) = options.limit {
            if limit < rows.len() {
                let _ = writeln!(
                    msg,
                    "   List reduced from {} to {limit} due to restriction <{limit}>",
                    rows.len()
                );
                rows.truncate(limit);
            }
        }
        if rows.is_empty() {
            return None;
        }
        msg.push('\n');
        // The widest name of the printed rows, or of all entries when none was cut.
        let widest = if rows.len() < self.entries.len() {
            rows.iter().map(|&idx| width(&self.entries[idx].std)).max()
        } else {
            self.entries.iter().map(|e| width(&e.std)).max()
        };
        Some((rows, msg, widest.unwrap_or(0) + 2))
    }
}

pub(crate) fn render_stats(p: &Profile, options: RenderOptions) -> String {
    let stats = Stats::new(p);
    let calls: u64 = stats.entries.iter().map(|e| e.calls).sum();
    let primitive: u64 = stats.entries.iter().map(|e| e.primitive_calls).sum();
    // pstats adds the entries' seconds as floats, in its dictionary's order (here, the
    // tie order): the same sum, rounded the same way.
    let total: f64 = stats.entries.iter().map(|e| seconds(e.self_ns)).sum();

    let mut out = String::new();
    let _ = write!(out, "         {calls} function calls ");
    if calls != primitive {
        let _ = write!(out, "({primitive} primitive calls) ");
    }
    let _ = writeln!(out, "in {total:.3} seconds\n");
    let Some((rows, msg, _)) = stats.print_list(options) else { return out };
    out.push_str(&msg);
    out.push_str("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n");
    for idx in rows {
        let e = &stats.entries[idx];
        let mut ncalls = e.calls.to_string();
        if e.calls != e.primitive_calls {
            let _ = write!(ncalls, "/{}", e.primitive_calls);
        }
        let _ = writeln!(
            out,
            "{ncalls:>9} {} {} {} {} {}",
            f8(seconds(e.self_ns)),
            per_call(e.self_ns, e.calls),
            f8(seconds(e.total_ns)),
            per_call(e.total_ns, e.primitive_calls),
            e.std
        );
    }
    out.push_str("\n\n");
    out
}

pub(crate) fn render_callers(p: &Profile, options: RenderOptions) -> String {
    render_calls(p, options, "was called by...", "<-", |e| &e.callers)
}

pub(crate) fn render_callees(p: &Profile, options: RenderOptions) -> String {
    render_calls(p, options, "called...", "->", |e| &e.callees)
}

/// pstats' `print_callers`/`print_callees`: `print_call_heading`, then `print_call_line`
/// for each row.
fn render_calls(
    p: &Profile,
    options: RenderOptions,
    title: &str,
    arrow: &str,
    pairs: impl Fn(&Entry) -> &[(usize, Pair)],
) -> String {
    let stats = Stats::new(p);
    let Some((rows, msg, width)) = stats.print_list(options) else { return String::new() };
    let mut out = msg;
    let _ = writeln!(out, "{}{title}", pad("Function ", width));
    // pstats prints the sub-header only for cProfile's tuples of figures, which it looks
    // for in the first entry with callers: ours are always tuples, so whenever a pair
    // exists.
    if stats.entries.iter().any(|e| !e.callers.is_empty()) {
        let _ = writeln!(out, "{}    ncalls  tottime  cumtime", " ".repeat(width));
    }
    for idx in rows {
        let e = &stats.entries[idx];
        let _ = write!(out, "{}{arrow} ", pad(&e.std, width));
        let list = pairs(e);
        if list.is_empty() {
            out.push('\n');
        }
        for (pos, &(other, pair)) in list.iter().enumerate() {
            let mut ncalls = pair.calls.to_string();
            if pair.calls != pair.primitive_calls {
                let _ = write!(ncalls, "/{}", pair.primitive_calls);
            }
            // The first pair follows the arrow; the others are indented under it, their
            // count right-aligned two columns wider, so the columns line up.
            let count_width = if pos == 0 { 7 } else { 9 };
            if pos > 0 {
                out.push_str(&" ".repeat(width + 1));
            }
            let _ = writeln!(
                out,
                "{ncalls:>count_width$} {} {}  {}",
                f8(seconds(pair.self_ns)),
                f8(seconds(pair.total_ns)),
                stats.entries[other].std
            );
        }
    }
    out.push_str("\n\n");
    out
}

/// pstats' `func_std_string`: `file:line(name)`, or for a built-in's key `("~", 0,
/// "<...>")` the name in braces.
fn std_string(file: &str, line: u32, name: &str) -> String {
    if file == "~" && line == 0 {
        match name.strip_prefix('<').and_then(|n| n.strip_suffix('>')) {
            Some(inner) => format!("{{{inner}}}"),
            None => name.to_owned(),
        }
    } else {
        format!("{file}:{line}({name})")
    }
}

/// pstats' order for `sort`; equal rows keep their order.
fn compare(a: &Entry, b: &Entry, sort: SortKey) -> Ordering {
    match sort {
        SortKey::Calls => b.calls.cmp(&a.calls),
        SortKey::CumTime => b.total_ns.cmp(&a.total_ns),
        SortKey::Filename => a.file.cmp(&b.file),
        SortKey::Line => a.line.cmp(&b.line),
        SortKey::Name => a.name.cmp(&b.name),
        SortKey::Nfl => {
            a.name.cmp(&b.name).then_with(|| a.file.cmp(&b.file)).then(a.line.cmp(&b.line))
        }
        SortKey::PrimitiveCalls => b.primitive_calls.cmp(&a.primitive_calls),
        SortKey::StdName => a.std.cmp(&b.std),
        SortKey::TotTime => b.self_ns.cmp(&a.self_ns),
    }
}

/// Python's `str.ljust`: `s` padded with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let mut res = s.to_owned();
    res.push_str(&" ".repeat(width.saturating_sub(self::width(s))));
    res
}

/// A string's length as Python counts it (code points).
fn width(s: &str) -> usize {
    s.chars().count()
}

fn seconds(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// pstats's `f8`: seconds as `%8.3f` (Rust rounds the exact binary value half to even,
/// as Python does).
fn f8(secs: f64) -> String {
    format!("{secs:8.3}")
}

/// Time per call, or eight blanks when there were no calls.
fn per_call(ns: u64, calls: u64) -> String {
    if calls == 0 {
        " ".repeat(8)
    } else {
        f8(seconds(ns) / calls as f64)
    }
}
