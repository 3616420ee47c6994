//! `.speedscope.json`: speedscope's file format
//! (<https://www.speedscope.app/file-format-schema.json>), built from the exact
//! calling-context tree rather than from samples.
//!
//! The frames are the profile's functions, in order (`name`, and `file` and `line` for ML
//! code). The first profile is a `sampled` one in nanoseconds: one "sample" per tree node
//! with self time, its stack the node's path from the top level, its weight the node's
//! self time; the weights add up to the profile's total time. When memory was tracked, a
//! second `sampled` profile in bytes weighs the same stacks by the bytes each node
//! allocated itself. Nodes with a zero weight are left out of a profile (they would draw
//! nothing).
//!
//! A stack per node makes the file grow with the square of the depth (a recursion 20,000
//! calls deep: 400 MB). When the stacks would hold more than `MAX_SAMPLED_FRAMES`
//! frames, both profiles are `evented` instead, two events per node: the tree drawn as a
//! flame chart, each node opened at its start and closed after its inclusive weight (its
//! own plus its children's, recomputed so that they nest exactly), its children one after
//! another from its start, in the tree's order; the top-level nodes likewise from 0, so
//! the profile ends at the total. Subtrees that weigh nothing are left out.

use std::fmt::Write;

use crate::export::folded;
use crate::profile::Profile;

/// The value of the file's `$schema` field, which speedscope requires.
const SCHEMA: &str = "https://www.speedscope.app/file-format-schema.json";

pub(crate) fn write(p: &Profile) -> String {
    let mut out = String::with_capacity(64 + p.cct().len() * 48);
    out.push_str("{\"$schema\":");
    string(&mut out, SCHEMA);
    out.push_str(",\n\"name\":");
    string(&mut out, p.program());
    out.push_str(",\n\"exporter\":");
    string(&mut out, &format!("mlpy {}", env!("CARGO_PKG_VERSION")));
    out.push_str(",\n\"activeProfileIndex\":0,\n\"shared\":{\"frames\":[");
    for (idx, f) in p.functions().iter().enumerate() {
        out.push_str(if idx == 0 { "\n" } else { ",\n" });
        out.push_str("{\"name\":");
        string(&mut out, &f.info.name);
        if !f.info.file.is_empty() {
            out.push_str(",\"file\":");
            string(&mut out, &f.info.file);
        }
        if f.info.line != 0 {
            let _ = write!(out, ",\"line\":{}", f.info.line);
        }
        out.push('}');
    }
    out.push_str("\n]},\n\"profiles\":[\n");
    let time: Vec<u64> = p.cct().iter().map(|n| n.self_ns).collect();
    let profile = if sampled_frames(p) <= MAX_SAMPLED_FRAMES { sampled } else { evented };
    profile(&mut out, p, &format!("{}: self time", p.program()), "nanoseconds", &time);
    if p.memory_tracked() {
        out.push_str(",\n");
        let bytes: Vec<u64> = p.cct().iter().map(|n| n.alloc_bytes).collect();
        profile(&mut out, p, &format!("{}: allocated bytes", p.program()), "bytes", &bytes);
    }
    out.push_str("\n]}\n");
    out
}

/// One `sampled` profile: a stack per tree node with a non-zero weight.
fn sampled(out: &mut String, p: &Profile, name: &str, unit: &str, weights: &[u64]) {
    let total: u64 = weights.iter().sum();
    out.push_str("{\"type\":\"sampled\",\"name\":");
    string(out, name);
    let _ =
        write!(out, ",\"unit\":\"{unit}\",\"startValue\":0,\"endValue\":{total},\n\"samples\":[");
    let cct = p.cct();
    let mut stack = Vec::new();
    let mut first = true;
    for (idx, &weight) in weights.iter().enumerate() {
        if weight == 0 {
            continue;
        }
        stack.clear();
        let mut node = Some(idx as u32);
        while let Some(n) = node {
            let n = &cct[n as usize];
            stack.push(n.function);
            node = n.parent;
        }
        out.push_str(if first { "\n[" } else { ",\n[" });
        first = false;
        for (depth, func) in stack.iter().rev().enumerate() {
            if depth > 0 {
                out.push(',');
            }
            let _ = write!(out, "{func}");
        }
        out.push(']');
    }
    out.push_str("\n],\n\"weights\":[");
    let mut first = true;
    for &weight in weights.iter().filter(|&&w| w != 0) {
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, "{weight}");
    }
    out.push_str("]}");
}

/// The most frames the stacks of a `sampled` file may hold in all (about 200 MB of
/// JSON); a tree whose stacks would hold more is written `evented`.
const MAX_SAMPLED_FRAMES: u64 = 32_000_000;

/// How many frames the `sampled` form's stacks would hold: each node with self time or
/// allocations brings its depth (counted for both, a bound for the bytes profile).
fn sampled_frames(p: &Profile) -> u64 {
    let cct = p.cct();
    let mut depth = vec![0u64; cct.len()];
    let mut frames = 0u64;
    for (idx, n) in cct.iter().enumerate() {
        depth[idx] = n.parent.map_or(1, |q| depth[q as usize].saturating_add(1));
        if n.self_ns != 0 || n.alloc_bytes != 0 {
            frames = frames.saturating_add(depth[idx]);
        }
    }
    frames
}

/// One `evented` profile: the tree laid out as a flame chart, each node opened (`O`) at
/// its start and closed (`C`) after its own weight and its children's, the children one
/// after another from the node's start, in the tree's order. Each node costs two events,
/// so a deep recursion stays linear in size, where a `sampled` profile writes every
/// node's whole stack (400 MB for a recursion 20,000 calls deep).
fn evented(out: &mut String, p: &Profile, name: &str, unit: &str, weights: &[u64]) {
    let cct = p.cct();
    // Inclusive weights, children added to their parents (a parent comes before its
    // children, so one pass from the end adds every subtree up); saturating, so that a
    // hand-made profile cannot overflow.
    let mut inclusive = weights.to_vec();
    for idx in (0..cct.len()).rev() {
        if let Some(parent) = cct[idx].parent {
            let parent = parent as usize;
            inclusive[parent] = inclusive[parent].saturating_add(inclusive[idx]);
        }
    }
    let total = cct
        .iter()
        .zip(&inclusive)
        .filter(|(n, _)| n.parent.is_none())
        .fold(0u64, |sum, (_, &w)| sum.saturating_add(w));
    out.push_str("{\"type\":\"evented\",\"name\":");
    string(out, name);
    let _ =
        write!(out, ",\"unit\":\"{unit}\",\"startValue\":0,\"endValue\":{total},\n\"events\":[");
    let mut first = true;
    let mut event = |out: &mut String, kind: char, frame: u32, at: u64| {
        out.push_str(if first { "\n" } else { ",\n" });
        first = false;
        let _ = write!(out, "{{\"type\":\"{kind}\",\"frame\":{frame},\"at\":{at}}}");
    };
    // The open nodes, innermost last: the node (`None` for a skipped one, whose subtree
    // weighs nothing), where it ends, and where its next child starts.
    struct Open {
        node: Option<usize>,
        end: u64,
        next: u64,
    }
    let mut open: Vec<Open> = Vec::new();
    let mut next_root = 0u64;
    folded::depth_first(p, |node, depth| {
        while open.len() > depth {
            let closed = open.pop().expect("an open node");
            if let Some(n) = closed.node {
                event(out, 'C', cct[n].function, closed.end);
            }
        }
        let next = match open.last_mut() {
            Some(parent) => &mut parent.next,
            None => &mut next_root,
        };
        let at = *next;
        let weight = inclusive[node];
        if weight == 0 {
            open.push(Open { node: None, end: at, next: at });
            return;
        }
        *next = at.saturating_add(weight);
        event(out, 'O', cct[node].function, at);
        open.push(Open { node: Some(node), end: at.saturating_add(weight), next: at });
    });
    while let Some(closed) = open.pop() {
        if let Some(n) = closed.node {
            event(out, 'C', cct[n].function, closed.end);
        }
    }
    out.push_str("\n]}");
}

/// A JSON string literal.
fn string(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).expect("a string always serializes"));
}
