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

use std::fmt::Write;

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
    sampled(&mut out, p, &format!("{}: self time", p.program()), "nanoseconds", &time);
    if p.memory_tracked() {
        out.push_str(",\n");
        let bytes: Vec<u64> = p.cct().iter().map(|n| n.alloc_bytes).collect();
        sampled(&mut out, p, &format!("{}: allocated bytes", p.program()), "bytes", &bytes);
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

/// A JSON string literal.
fn string(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).expect("a string always serializes"));
}
