//! `.prof`: Python's pstats file, as `cProfile.Profile.dump_stats` writes it: the
//! `marshal` encoding of the dictionary
//! `{(file, line, name): (cc, nc, tt, ct, callers)}` with
//! `callers = {(file, line, name): (nc, cc, tt, ct)}`.
//!
//! `cc` is the primitive calls, `nc` every call, `tt` the self time and `ct` the
//! cumulative time, in seconds (floats). Note the order: a function's own tuple starts
//! with the primitive calls, a caller's tuple with all calls (CPython's `cProfile` and
//! `pstats` read them so). Keys are `FunctionInfo::pstats_key`; phases, which pstats has no
//! notion of, are entries `("~", 0, "<mlpy phase NAME>")` with no callers, as cProfile
//! shows built-ins; functions that never ran are left out, and functions with the same key
//! (two arrow functions on one line) are one entry with their figures added.
//!
//! The marshal encoding is written here (it is small): version 4's dictionaries, tuples,
//! ints, binary floats and strings, without back-references (`FLAG_REF`), which
//! `marshal.load` does not need.

use std::collections::HashMap;

use crate::profile::Profile;

/// `marshal`'s type codes (CPython's `Python/marshal.c`).
const TYPE_NULL: u8 = b'0';
const TYPE_INT: u8 = b'i';
const TYPE_LONG: u8 = b'l';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_DICT: u8 = b'{';
const TYPE_TUPLE: u8 = b'(';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_UNICODE: u8 = b'u';
const TYPE_ASCII: u8 = b'a';
const TYPE_SHORT_ASCII: u8 = b'z';

pub(crate) fn write(profile: &Profile) -> Vec<u8> {
    let functions = profile.functions();
    // Functions with the same key (two arrow functions on one line, `<lambda:12>`) are one
    // entry, their figures added, as `pstats.Stats.add` would: a dictionary cannot hold
    // the key twice, and the totals stay exact. `group[f]` is f's entry, numbered in the
    // order of first appearance.
    let keys: Vec<_> = functions.iter().map(|f| f.info.pstats_key()).collect();
    let mut group = Vec::with_capacity(functions.len());
    let mut first: Vec<usize> = Vec::new();
    let mut seen: HashMap<&(&str, u32, String), usize> = HashMap::new();
    for (idx, key) in keys.iter().enumerate() {
        let g = *seen.entry(key).or_insert_with(|| {
            first.push(idx);
            first.len() - 1
        });
        group.push(g);
    }
    let mut totals = vec![[0u64; 4]; first.len()];
    for (idx, f) in functions.iter().enumerate() {
        let t = &mut totals[group[idx]];
        for (sum, v) in t.iter_mut().zip([f.primitive_calls, f.calls, f.self_ns, f.total_ns]) {
            *sum += v;
        }
    }
    // Each entry's callers, by the caller's entry, in the order of `edges()`.
    let mut callers: Vec<Vec<(usize, [u64; 4])>> = vec![Vec::new(); first.len()];
    let mut slot: HashMap<(usize, usize), usize> = HashMap::new();
    for e in profile.edges() {
        let (callee, caller) = (group[e.callee as usize], group[e.caller as usize]);
        let list = &mut callers[callee];
        let figures = [e.calls, e.primitive_calls, e.self_ns, e.total_ns];
        match slot.get(&(callee, caller)) {
            Some(&at) => list[at].1.iter_mut().zip(figures).for_each(|(s, v)| *s += v),
            None => {
                slot.insert((callee, caller), list.len());
                list.push((caller, figures));
            }
        }
    }
    let mut m = Marshal::default();
    m.out.push(TYPE_DICT);
    for (g, &[cc, nc, tt, ct]) in totals.iter().enumerate() {
        if nc == 0 {
            continue;
        }
        m.key(&keys[first[g]]);
        m.tuple_header(5);
        m.int(cc);
        m.int(nc);
        m.float(seconds(tt));
        m.float(seconds(ct));
        m.out.push(TYPE_DICT);
        for &(caller, [nc, cc, tt, ct]) in &callers[g] {
            m.key(&keys[first[caller]]);
            m.tuple_header(4);
            m.int(nc);
            m.int(cc);
            m.float(seconds(tt));
            m.float(seconds(ct));
        }
        m.out.push(TYPE_NULL);
    }
    m.out.push(TYPE_NULL);
    m.out
}

/// Nanoseconds as pstats' seconds: the nearest double to `ns / 1e9` (Python's
/// `ns / 1e9` gives the same double).
pub(crate) fn seconds(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// A `marshal` writer.
#[derive(Default)]
struct Marshal {
    out: Vec<u8>,
}

impl Marshal {
    fn key(&mut self, (file, line, name): &(&str, u32, String)) {
        self.tuple_header(3);
        self.str(file);
        self.int(u64::from(*line));
        self.str(name);
    }

    fn tuple_header(&mut self, len: usize) {
        match u8::try_from(len) {
            Ok(len) => self.out.extend([TYPE_SMALL_TUPLE, len]),
            Err(_) => {
                self.out.push(TYPE_TUPLE);
                self.i32(len as i32);
            }
        }
    }

    fn i32(&mut self, v: i32) {
        self.out.extend(v.to_le_bytes());
    }

    /// A non-negative int: `i` (a 32-bit signed) when it fits, else `l` (a sign-and-size
    /// count of 15-bit digits, least significant first).
    fn int(&mut self, v: u64) {
        if let Ok(small) = i32::try_from(v) {
            self.out.push(TYPE_INT);
            self.i32(small);
            return;
        }
        let mut digits = Vec::new();
        let mut rest = v;
        while rest > 0 {
            digits.push((rest & 0x7fff) as u16);
            rest >>= 15;
        }
        self.out.push(TYPE_LONG);
        self.i32(digits.len() as i32);
        for d in digits {
            self.out.extend(d.to_le_bytes());
        }
    }

    fn float(&mut self, v: f64) {
        self.out.push(TYPE_BINARY_FLOAT);
        self.out.extend(v.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        if s.is_ascii() {
            if let Ok(len) = u8::try_from(s.len()) {
                self.out.extend([TYPE_SHORT_ASCII, len]);
            } else {
                self.out.push(TYPE_ASCII);
                self.i32(s.len() as i32);
            }
        } else {
            self.out.push(TYPE_UNICODE);
            self.i32(s.len() as i32);
        }
        self.out.extend(s.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(m: Marshal) -> String {
        m.out.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The bytes are CPython 3.11's `marshal.dumps` of the same values, with the
    /// `FLAG_REF` bit (0x80) cleared from each type code: `marshal.dumps(2**40)` is
    /// `ec03000000000000000004`.
    #[test]
    fn encodes_as_cpython() {
        type Case<'a> = (&'a dyn Fn(&mut Marshal), &'a str);
        let cases: [Case; 9] = [
            (&|m| m.int(1), "6901000000"),
            (&|m| m.int(2_147_483_647), "69ffffff7f"),
            (&|m| m.int(2_147_483_648), "6c03000000000000000200"),
            (&|m| m.int(1 << 40), "6c03000000000000000004"),
            (&|m| m.float(1.5), "67000000000000f83f"),
            (&|m| m.str("ab"), "7a026162"),
            (&|m| m.str("é"), "7502000000c3a9"),
            (&|m| m.key(&("~", 0, "x".to_owned())), "29037a017e69000000007a0178"),
            (&|m| m.tuple_header(300), "282c010000"),
        ];
        for (write, expected) in cases {
            let mut m = Marshal::default();
            write(&mut m);
            assert_eq!(hex(m), expected);
        }
        let mut m = Marshal::default();
        m.str(&"x".repeat(256));
        assert_eq!(&m.out[..5], &[TYPE_ASCII, 0, 1, 0, 0]);
    }
}
