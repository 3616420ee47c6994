//! Figures derived from a profile and shared by several reports: the ML user's view (stdlib
//! time charged to the ML function that called it, files), orderings and labels.

use std::collections::HashMap;

use crate::profile::{Category, FunctionKind, FunctionStats, Profile};

/// The ML user's view of a profile.
pub(crate) struct MlView {
    /// ML functions that ran, most expensive first (by `own_ns`).
    pub(crate) funcs: Vec<MlFunc>,
    /// Files with ML code, most expensive first.
    pub(crate) files: Vec<MlFile>,
    /// Time of ML code: ML self time plus the stdlib time charged to ML functions.
    pub(crate) ml_ns: u64,
    /// Bytes allocated by ML code, stdlib calls included.
    pub(crate) ml_bytes: u64,
    /// Allocations made by ML code, stdlib calls included.
    pub(crate) ml_allocs: u64,
}

/// An ML function with the stdlib work charged to it.
pub(crate) struct MlFunc {
    pub(crate) idx: u32,
    /// Self time of stdlib functions called by it (directly, or through other natives).
    pub(crate) stdlib_ns: u64,
    /// Allocations made by those stdlib calls.
    pub(crate) stdlib_allocs: u64,
    /// Its own time plus `stdlib_ns`: what the user can act on in this function.
    pub(crate) own_ns: u64,
    /// Its allocated bytes plus `stdlib_bytes`.
    pub(crate) own_bytes: u64,
    /// The stdlib function that took most of `stdlib_ns`, with its time and calls.
    pub(crate) top_stdlib: Option<(u32, u64, u64)>,
}

/// A source file's share of the ML code.
pub(crate) struct MlFile {
    pub(crate) file: String,
    pub(crate) own_ns: u64,
    pub(crate) own_bytes: u64,
    /// Indices into `MlView::funcs`, most expensive first.
    pub(crate) funcs: Vec<usize>,
}

impl MlView {
    pub(crate) fn new(p: &Profile) -> MlView {
        let funcs = p.functions();
        // The nearest ML function on each node's path (itself included).
        let mut nearest_ml: Vec<Option<u32>> = Vec::with_capacity(p.cct().len());
        let mut stdlib: HashMap<u32, (u64, u64, u64)> = HashMap::new();
        let mut stdlib_by_callee: HashMap<(u32, u32), (u64, u64)> = HashMap::new();
        for node in p.cct() {
            let info = &funcs[node.function as usize].info;
            let above = node.parent.and_then(|parent| nearest_ml[parent as usize]);
            if info.kind == FunctionKind::Ml {
                nearest_ml.push(Some(node.function));
                continue;
            }
            nearest_ml.push(above);
            if info.category != Category::StandardLibrary || !info.kind.is_native() {
                continue;
            }
            if let Some(ml) = above {
                let entry = stdlib.entry(ml).or_default();
                entry.0 += node.self_ns;
                entry.1 += node.alloc_bytes;
                entry.2 += node.alloc_count;
                let by_callee = stdlib_by_callee.entry((ml, node.function)).or_default();
                by_callee.0 += node.self_ns;
                by_callee.1 += node.calls;
            }
        }
        // Each ML function's costliest stdlib callee (ties to the lowest index), in one
        // pass: scanning every pair for every function took quadratic time (60,000
        // functions: seconds).
        let mut top_stdlib: HashMap<u32, (u32, u64, u64)> = HashMap::new();
        for (&(ml, callee), &(ns, calls)) in &stdlib_by_callee {
            let best = top_stdlib.entry(ml).or_insert((callee, ns, calls));
            if (ns, std::cmp::Reverse(callee)) > (best.1, std::cmp::Reverse(best.0)) {
                *best = (callee, ns, calls);
            }
        }
        let mut ml_funcs: Vec<MlFunc> = funcs
            .iter()
            .enumerate()
            .filter(|(_, f)| f.info.kind == FunctionKind::Ml && f.calls > 0)
            .map(|(idx, f)| {
                let idx = idx as u32;
                let (stdlib_ns, stdlib_bytes, stdlib_allocs) =
                    stdlib.get(&idx).copied().unwrap_or_default();
                let top_stdlib = top_stdlib.get(&idx).copied();
                MlFunc {
                    idx,
                    stdlib_ns,
                    stdlib_allocs,
                    own_ns: f.self_ns + stdlib_ns,
                    own_bytes: f.alloc_bytes + stdlib_bytes,
                    top_stdlib,
                }
            })
            .collect();
        ml_funcs.sort_by(|a, b| {
            b.own_ns.cmp(&a.own_ns).then_with(|| order(p.function(a.idx), p.function(b.idx)))
        });

        let mut files: Vec<MlFile> = Vec::new();
        let mut file_at: HashMap<&str, usize> = HashMap::new();
        for (pos, f) in ml_funcs.iter().enumerate() {
            let file = &p.function(f.idx).info.file;
            let at = *file_at.entry(file.as_str()).or_insert_with(|| {
                files.push(MlFile {
                    file: file.clone(),
                    own_ns: 0,
                    own_bytes: 0,
                    funcs: Vec::new(),
                });
                files.len() - 1
            });
            let entry = &mut files[at];
            entry.own_ns += f.own_ns;
            entry.own_bytes += f.own_bytes;
            entry.funcs.push(pos);
        }
        files.sort_by(|a, b| b.own_ns.cmp(&a.own_ns).then_with(|| a.file.cmp(&b.file)));

        let ml_ns = ml_funcs.iter().map(|f| f.own_ns).sum();
        let ml_bytes = ml_funcs.iter().map(|f| f.own_bytes).sum();
        let ml_allocs =
            ml_funcs.iter().map(|f| p.function(f.idx).alloc_count + f.stdlib_allocs).sum();
        MlView { funcs: ml_funcs, files, ml_ns, ml_bytes, ml_allocs }
    }
}

/// The tie-breaking order of functions: by name, file, line.
pub(crate) fn order(a: &FunctionStats, b: &FunctionStats) -> std::cmp::Ordering {
    (&a.info.name, &a.info.file, a.info.line).cmp(&(&b.info.name, &b.info.file, b.info.line))
}

/// Functions by self time, most expensive first.
pub(crate) fn by_self_time(
    p: &Profile,
    keep: impl Fn(&FunctionStats) -> bool,
) -> Vec<(u32, &FunctionStats)> {
    let mut res: Vec<(u32, &FunctionStats)> = p
        .functions()
        .iter()
        .enumerate()
        .filter(|(_, f)| f.calls > 0 && keep(f))
        .map(|(idx, f)| (idx as u32, f))
        .collect();
    res.sort_by(|a, b| b.1.self_ns.cmp(&a.1.self_ns).then_with(|| order(a.1, b.1)));
    res
}

/// `fib (fib.ml:1)` for ML functions, `len (native)` and `parsing (phase)` for the rest.
pub(crate) fn label(f: &FunctionStats) -> String {
    match f.info.kind {
        FunctionKind::Ml => format!("{} ({}:{})", f.info.name, f.info.file, f.info.line),
        FunctionKind::Native | FunctionKind::Method => format!("{} (native)", f.info.name),
        FunctionKind::Phase => format!("{} (phase)", f.info.name),
    }
}

/// Every function's callers and its calls from the top level, gathered in one pass, for
/// `top_callers` (scanning every edge and node for each function took quadratic time:
/// `ml-details` of 60,000 functions ran for minutes).
pub(crate) struct Callers {
    by_callee: Vec<Vec<(u32, u64)>>,
    top_level: Vec<u64>,
}

impl Callers {
    pub(crate) fn new(p: &Profile) -> Callers {
        let n = p.functions().len();
        let mut by_callee = vec![Vec::new(); n];
        for e in p.edges() {
            by_callee[e.callee as usize].push((e.caller, e.calls));
        }
        let mut top_level = vec![0u64; n];
        for node in p.cct().iter().filter(|node| node.parent.is_none()) {
            let sum = &mut top_level[node.function as usize];
            *sum = sum.saturating_add(node.calls);
        }
        Callers { by_callee, top_level }
    }

    /// The top callers of `idx` by number of calls: `main (12), <module> (1)`.
    pub(crate) fn top(&self, p: &Profile, idx: u32, max: usize) -> String {
        let mut callers = self.by_callee[idx as usize].clone();
        callers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order(p.function(a.0), p.function(b.0))));
        let top_level = self.top_level[idx as usize];
        let mut parts: Vec<String> = callers
            .iter()
            .take(max)
            .map(|&(caller, calls)| {
                format!("{} ({})", p.function(caller).info.name, crate::format::count(calls))
            })
            .collect();
        if top_level > 0 && parts.len() < max {
            parts.push(format!("(top level) ({})", crate::format::count(top_level)));
        }
        if parts.is_empty() {
            "-".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// The time of ML code, and the rest ("mlpy overhead").
pub(crate) fn ml_and_overhead(p: &Profile, view: &MlView) -> (u64, u64) {
    (view.ml_ns, p.total_ns().saturating_sub(view.ml_ns))
}

/// The width recommendations are wrapped to.
const ADVICE_WIDTH: usize = 88;

/// A recommendation: a headline with its evidence, and the points that follow from it.
pub(crate) struct Advice {
    pub(crate) head: String,
    pub(crate) points: Vec<String>,
}

impl Advice {
    pub(crate) fn new(head: String) -> Advice {
        Advice { head, points: Vec::new() }
    }

    /// A bullet, wrapped, then its points, then a blank line.
    pub(crate) fn render(&self, out: &mut String) {
        crate::format::wrap(out, &self.head, "- ", "  ", ADVICE_WIDTH);
        for point in &self.points {
            crate::format::wrap(out, point, "  * ", "    ", ADVICE_WIDTH);
        }
        out.push('\n');
    }
}
