//! `.folded`: collapsed stacks, the input of Brendan Gregg's `flamegraph.pl`, inferno
//! and speedscope: one line `root;…;leaf WEIGHT` per calling-context node with a nonzero
//! weight, in depth-first order (children in the tree's order).
//!
//! Weights: with `FlameWeight::Time`, the node's self time in whole microseconds; with
//! `FlameWeight::Memory`, the bytes the node itself allocated. Microseconds are rounded
//! so that the running sum of the lines stays the running sum of the exact times, rounded:
//! a node's weight is `round(S_after / 1000) - round(S_before / 1000)`, where `S` is the
//! exact self time of the nodes written so far. Each line is then within 1 µs of its node's
//! exact self time, the lines add up to the total self time rounded to the microsecond,
//! and many sub-microsecond nodes are not all rounded away (a node whose weight comes out 0
//! is left out).
//!
//! Stacks deeper than `MAX_STACK_DEPTH` frames are cut: everything called below that
//! depth is one more frame, `<deeper calls>`, with the weight of all of it.
//!
//! Frame names: see `frame_name`.

use crate::export::FlameWeight;
use crate::profile::{FunctionInfo, FunctionKind, Profile};

pub(crate) fn write(profile: &Profile, weight: FlameWeight) -> String {
    let mut out = String::new();
    for_each_line(profile, weight, |stack, count| {
        out.push_str(stack);
        out.push(' ');
        out.push_str(&count.to_string());
        out.push('\n');
    });
    out
}

/// The most frames a collapsed stack names: the calls below a node this deep are one
/// frame, `DEEPER`, weighing all of them. Each line repeats its whole stack, so a
/// recursion 100,000 calls deep would otherwise take some 70 GB; a program rarely goes
/// this deep (Python stops at 1,000).
pub(crate) const MAX_STACK_DEPTH: usize = 1024;

/// The frame that stands for the calls cut below `MAX_STACK_DEPTH`.
pub(crate) const DEEPER: &str = "<deeper calls>";

/// Calls `line(stack, weight)` for each line of the collapsed stacks, in order.
fn for_each_line(profile: &Profile, weight: FlameWeight, mut line: impl FnMut(&str, u64)) {
    let names: Vec<String> = profile.functions().iter().map(|f| frame_name(&f.info)).collect();
    let cct = profile.cct();
    let mut exact_ns: u64 = 0;
    // The current path, `;`-joined, and where each open node's name ends in it.
    let mut stack = String::new();
    let mut ends: Vec<usize> = Vec::new();
    // The subtree cut below `MAX_STACK_DEPTH` being added up: its stack, the exact time
    // before it, and its bytes.
    let mut cut: Option<(String, u64, u64)> = None;
    let flush =
        |cut: &mut Option<(String, u64, u64)>, exact_ns: u64, line: &mut dyn FnMut(&str, u64)| {
            if let Some((stack, before, bytes)) = cut.take() {
                let count = match weight {
                    FlameWeight::Time => round_us(exact_ns) - round_us(before),
                    FlameWeight::Memory => bytes,
                };
                if count > 0 {
                    line(&stack, count);
                }
            }
        };
    depth_first(profile, |node, depth| {
        let n = &cct[node];
        if depth >= MAX_STACK_DEPTH {
            let (_, _, bytes) = cut.get_or_insert_with(|| {
                let mut deeper = stack[..ends[MAX_STACK_DEPTH - 1]].to_owned();
                deeper.push(';');
                deeper.push_str(DEEPER);
                (deeper, exact_ns, 0)
            });
            *bytes = bytes.saturating_add(n.alloc_bytes);
            exact_ns = exact_ns.saturating_add(n.self_ns);
            return;
        }
        flush(&mut cut, exact_ns, &mut line);
        ends.truncate(depth);
        stack.truncate(ends.last().copied().unwrap_or(0));
        if depth > 0 {
            stack.push(';');
        }
        stack.push_str(&names[n.function as usize]);
        ends.push(stack.len());
        let count = match weight {
            FlameWeight::Time => {
                let before = exact_ns;
                exact_ns = exact_ns.saturating_add(n.self_ns);
                round_us(exact_ns) - round_us(before)
            }
            FlameWeight::Memory => n.alloc_bytes,
        };
        if count > 0 {
            line(&stack, count);
        }
    });
    flush(&mut cut, exact_ns, &mut line);
}

/// Nanoseconds to the nearest microsecond, halves up.
fn round_us(ns: u64) -> u64 {
    ns.saturating_add(500) / 1000
}

/// Visits the calling-context tree depth first, parents before children, children (and
/// roots) in the tree's order, calling `visit(node, depth)` (roots have depth 0). Linear
/// time, no recursion.
pub(crate) fn depth_first(profile: &Profile, mut visit: impl FnMut(usize, usize)) {
    let cct = profile.cct();
    // Children lists as one array (`first[p]..first[p + 1]` are p's children); index
    // `cct.len()` stands for the virtual root above the top-level nodes.
    let root = cct.len();
    let parent_of = |n: &crate::profile::ContextNode| n.parent.map_or(root, |p| p as usize);
    let mut first = vec![0usize; cct.len() + 2];
    for n in cct {
        first[parent_of(n) + 1] += 1;
    }
    for i in 1..first.len() {
        first[i] += first[i - 1];
    }
    let mut fill = first.clone();
    let mut children = vec![0usize; cct.len()];
    for (idx, n) in cct.iter().enumerate() {
        let p = parent_of(n);
        children[fill[p]] = idx;
        fill[p] += 1;
    }
    // The stack of (node, next child position) still being visited.
    let mut open: Vec<(usize, usize)> = vec![(root, first[root])];
    while let Some(top) = open.last_mut() {
        let (node, next) = *top;
        if next == first[node + 1] {
            open.pop();
            continue;
        }
        top.1 += 1;
        let child = children[next];
        visit(child, open.len() - 1);
        open.push((child, first[child]));
    }
}

/// A function's name in collapsed stacks and flame graphs: ML functions as
/// `name (file:line)` (`fib (examples/main.ml:3)`, `<module> (lib/util.ml:1)`), natives
/// and methods by their name (`len`, `math.sqrt`, `array.append`), phases as
/// `<phase NAME>` (`<phase parsing>`). So that the line format stays unambiguous, `%`,
/// `;` and control characters (newlines among them) are written `%XX` (hex), which no
/// ordinary name contains.
pub(crate) fn frame_name(info: &FunctionInfo) -> String {
    let raw = match info.kind {
        FunctionKind::Ml => format!("{} ({}:{})", info.name, info.file, info.line),
        FunctionKind::Native | FunctionKind::Method => info.name.clone(),
        FunctionKind::Phase => format!("<phase {}>", info.name),
    };
    escape(raw, |c| c == '%' || c == ';' || c.is_control())
}

/// `text` with its control characters (newlines among them) and `%` written `%XX`, for
/// a title that must stay on one line and be valid XML.
pub(crate) fn printable(text: &str) -> String {
    escape(text.to_owned(), |c| c == '%' || c.is_control())
}

/// `raw` with each character `special` picks written `%XX` (hex, per UTF-8 byte).
fn escape(raw: String, special: impl Fn(char) -> bool) -> String {
    if !raw.contains(&special) {
        return raw;
    }
    let mut safe = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        if special(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                safe.push_str(&format!("%{b:02X}"));
            }
        } else {
            safe.push(c);
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Category;

    fn info(name: &str, file: &str, kind: FunctionKind) -> FunctionInfo {
        FunctionInfo {
            name: name.to_owned(),
            file: file.to_owned(),
            line: 7,
            kind,
            category: Category::MlCode,
        }
    }

    #[test]
    fn frame_names_are_readable_and_safe() {
        assert_eq!(frame_name(&info("fib", "a.ml", FunctionKind::Ml)), "fib (a.ml:7)");
        assert_eq!(frame_name(&info("math.sqrt", "", FunctionKind::Native)), "math.sqrt");
        assert_eq!(frame_name(&info("array.append", "", FunctionKind::Method)), "array.append");
        assert_eq!(frame_name(&info("parsing", "", FunctionKind::Phase)), "<phase parsing>");
        assert_eq!(
            frame_name(&info("f", "we;ird\n%.ml", FunctionKind::Ml)),
            "f (we%3Bird%0A%25.ml:7)"
        );
    }

    #[test]
    fn rounding_keeps_the_running_sum() {
        assert_eq!(round_us(499), 0);
        assert_eq!(round_us(500), 1);
        assert_eq!(round_us(1_499), 1);
    }
}
