//! `.pb.gz`: pprof's `profile.proto` (github.com/google/pprof, `proto/profile.proto`),
//! gzipped, as `go tool pprof`, Pyroscope, Parca and Grafana read it.
//!
//! - Sample types, in this order: `calls/count`, `time/nanoseconds` (self time),
//!   `alloc_space/bytes`, `alloc_objects/count`; `time` is the default.
//! - One `Sample` per calling-context node, its locations the node's stack, leaf first,
//!   its values the node's own calls, self time, bytes and allocations, so each sample
//!   type adds up to the profile's totals. Below `folded::MAX_STACK_DEPTH` (1,024) frames
//!   the stacks are cut: a node that deep is one sample, its stack the frames above it and
//!   `<deeper calls>` (a location and function of its own, id = the functions' count + 1,
//!   present only then), its values those of everything under it, so a recursion 100,000
//!   calls deep stays small.
//! - One `Location` and one `Function` per profile function, both with id = the
//!   function's index + 1: the function's `name` is its frame name (`folded::frame_name`:
//!   `fib (main.ml:3)`, `len`, `<phase parsing>`, unique within a profile, so that tools
//!   that aggregate by name keep two `<module>`s apart), `system_name` its plain name,
//!   `filename` and `start_line` its source file and line (empty and 0 for natives and
//!   phases); the location's one line is the same line.
//! - One `Mapping` (id 1, the program's path) saying that functions, file names and line
//!   numbers are all there, so readers do not try to symbolize.
//! - `period_type` `time/nanoseconds` with `period` 1 (every call was recorded, nothing
//!   was sampled), `duration_nanos` the run's total time, `time_nanos` unset (a profile
//!   keeps no start date, and the file stays the same for the same profile), and a
//!   comment naming the program.
//!
//! The protobuf encoding is written by hand (varints and length-delimited fields of five
//! small messages); the gzip header has no file name and no modification time, so the
//! bytes depend on the profile only.

use std::collections::HashMap;
use std::io::Write;

use flate2::{Compression, GzBuilder};

use crate::export::folded::{frame_name, DEEPER, MAX_STACK_DEPTH};
use crate::profile::Profile;

/// Wire types.
const VARINT: u64 = 0;
const LEN: u64 = 2;

pub(crate) fn write(profile: &Profile) -> Vec<u8> {
    let proto = encode(profile);
    let mut gz = GzBuilder::new().mtime(0).write(Vec::new(), Compression::default());
    gz.write_all(&proto).expect("writing to memory cannot fail");
    gz.finish().expect("writing to memory cannot fail")
}

/// The uncompressed `Profile` message.
pub(crate) fn encode(profile: &Profile) -> Vec<u8> {
    let mut strings = Strings::default();
    let mut out = Vec::new();
    let mut msg = Vec::new();

    // sample_type = 1
    let types = [
        ("calls", "count"),
        ("time", "nanoseconds"),
        ("alloc_space", "bytes"),
        ("alloc_objects", "count"),
    ];
    for (ty, unit) in types {
        msg.clear();
        uint(&mut msg, 1, strings.id(ty));
        uint(&mut msg, 2, strings.id(unit));
        bytes(&mut out, 1, &msg);
    }

    // sample = 2
    let cct = profile.cct();
    // Below `MAX_STACK_DEPTH` frames, a node's values go to the sample of its ancestor at
    // that depth (the cut), whose stack is the frames above it and `<deeper calls>`.
    let deeper_id = profile.functions().len() as u64 + 1;
    let mut depth = vec![0usize; cct.len()];
    let mut cut_at = vec![usize::MAX; cct.len()];
    let mut values = vec![[0u64; 4]; cct.len()];
    for (idx, node) in cct.iter().enumerate() {
        let parent = node.parent.map(|q| q as usize);
        depth[idx] = parent.map_or(0, |q| depth[q] + 1);
        let own = [node.calls, node.self_ns, node.alloc_bytes, node.alloc_count];
        let into = match parent {
            _ if depth[idx] < MAX_STACK_DEPTH => idx,
            Some(q) if depth[idx] > MAX_STACK_DEPTH => cut_at[q],
            _ => idx,
        };
        cut_at[idx] = into;
        for (sum, v) in values[into].iter_mut().zip(own) {
            *sum = sum.saturating_add(v);
        }
    }
    let mut any_cut = false;
    let mut ids = Vec::new();
    for (idx, node) in cct.iter().enumerate() {
        if depth[idx] > MAX_STACK_DEPTH {
            continue;
        }
        msg.clear();
        ids.clear();
        let mut at = Some(node);
        if depth[idx] == MAX_STACK_DEPTH {
            any_cut = true;
            ids.push(deeper_id);
            at = node.parent.map(|p| &cct[p as usize]);
        }
        while let Some(n) = at {
            ids.push(u64::from(n.function) + 1);
            at = n.parent.map(|p| &cct[p as usize]);
        }
        packed(&mut msg, 1, &ids);
        packed(&mut msg, 2, &values[idx]);
        bytes(&mut out, 2, &msg);
    }

    // mapping = 3
    msg.clear();
    uint(&mut msg, 1, 1);
    uint(&mut msg, 5, strings.id(profile.program()));
    for has in 7..=9 {
        uint(&mut msg, has, 1); // has_functions, has_filenames, has_line_numbers
    }
    bytes(&mut out, 3, &msg);

    // location = 4
    let mut line = Vec::new();
    let deeper = any_cut.then_some((DEEPER, 0));
    let lines = profile.functions().iter().map(|f| (f.info.name.as_str(), f.info.line));
    for (idx, (_, number)) in lines.clone().chain(deeper).enumerate() {
        let id = idx as u64 + 1;
        line.clear();
        uint(&mut line, 1, id);
        uint(&mut line, 2, u64::from(number));
        msg.clear();
        uint(&mut msg, 1, id);
        uint(&mut msg, 2, 1);
        bytes(&mut msg, 4, &line);
        bytes(&mut out, 4, &msg);
    }

    // function = 5
    for (idx, f) in profile.functions().iter().enumerate() {
        msg.clear();
        uint(&mut msg, 1, idx as u64 + 1);
        uint(&mut msg, 2, strings.id(&frame_name(&f.info)));
        uint(&mut msg, 3, strings.id(&f.info.name));
        uint(&mut msg, 4, strings.id(&f.info.file));
        uint(&mut msg, 5, u64::from(f.info.line));
        bytes(&mut out, 5, &msg);
    }
    if any_cut {
        msg.clear();
        uint(&mut msg, 1, deeper_id);
        // No system name: pprof demangles a name equal to it, and `<…>` demangles to "".
        uint(&mut msg, 2, strings.id(DEEPER));
        bytes(&mut out, 5, &msg);
    }

    // The fields after the string table refer to it, so their ids are taken first.
    let mut tail = Vec::new();
    uint(&mut tail, 10, profile.total_ns()); // duration_nanos
    msg.clear();
    uint(&mut msg, 1, strings.id("time"));
    uint(&mut msg, 2, strings.id("nanoseconds"));
    bytes(&mut tail, 11, &msg); // period_type
    uint(&mut tail, 12, 1); // period
    let comment = strings.id(&format!("mlpy profile of {}", profile.program()));
    packed(&mut tail, 13, &[comment]);
    uint(&mut tail, 14, strings.id("time")); // default_sample_type

    // string_table = 6
    for s in &strings.table {
        bytes(&mut out, 6, s.as_bytes());
    }
    out.extend(tail);
    out
}

/// The string table, `""` first.
struct Strings {
    table: Vec<String>,
    ids: HashMap<String, u64>,
}

impl Default for Strings {
    fn default() -> Strings {
        Strings { table: vec![String::new()], ids: HashMap::from([(String::new(), 0)]) }
    }
}

impl Strings {
    fn id(&mut self, s: &str) -> u64 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.table.len() as u64;
        self.table.push(s.to_owned());
        self.ids.insert(s.to_owned(), id);
        id
    }
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A varint field, left out when zero (proto3's default).
fn uint(out: &mut Vec<u8>, field: u64, v: u64) {
    if v != 0 {
        varint(out, field << 3 | VARINT);
        varint(out, v);
    }
}

/// A length-delimited field: a string, bytes or a message.
fn bytes(out: &mut Vec<u8>, field: u64, data: &[u8]) {
    varint(out, field << 3 | LEN);
    varint(out, data.len() as u64);
    out.extend_from_slice(data);
}

/// A packed repeated varint field.
fn packed(out: &mut Vec<u8>, field: u64, values: &[u64]) {
    let mut body = Vec::with_capacity(values.len() * 2);
    for &v in values {
        varint(&mut body, v);
    }
    bytes(out, field, &body);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_as_protobuf() {
        let mut out = Vec::new();
        varint(&mut out, 1);
        varint(&mut out, 300);
        varint(&mut out, u64::MAX);
        assert_eq!(out[..3], [0x01, 0xac, 0x02]);
        assert_eq!(out[3..], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        let mut field = Vec::new();
        uint(&mut field, 14, 0);
        assert!(field.is_empty(), "zero is proto3's default and is left out");
        uint(&mut field, 14, 3);
        packed(&mut field, 1, &[3, 270]);
        assert_eq!(field, [0x70, 0x03, 0x0a, 0x03, 0x03, 0x8e, 0x02]);
    }
}
