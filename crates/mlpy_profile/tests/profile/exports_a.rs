//! The pstats (`.prof`), pprof (`.pb.gz`), collapsed-stack (`.folded`) and SVG exports:
//! snapshots of the scripted profiles (the binary formats as a decoded text rendering),
//! and the real readers: Python's `pstats` and `go tool pprof` read the files and their
//! figures are checked against the profile; the SVG parses as XML.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use mlpy_profile::{
    Category, ExportFormat, ExportOptions, FakeClock, FlameWeight, FunctionInfo, FunctionKind,
    Profile, Recorder,
};

use crate::golden::check;
use crate::scenario;

fn scenarios() -> Vec<(&'static str, Profile)> {
    vec![
        ("two_files", scenario::two_files(true)),
        ("no_memory", scenario::two_files(false)),
        ("hot_loop", scenario::hot_loop()),
        ("no_ml_code", scenario::no_ml_code()),
        ("same_line", same_line()),
    ]
}

/// Odd names: a `;` in the file name, a method, and two natives with one pstats key
/// (`len` and `builtins.len`, both `<built-in method builtins.len>`, one pstats entry).
/// Two arrow functions on one line are one function already (the recorder registers
/// equal `FunctionInfo`s once), one calling the other.
fn same_line() -> Profile {
    let mut run = scenario::Run::new(Recorder::new(Box::new(FakeClock::new(1_300)), true));
    let rec = &mut run.rec;
    let module = rec.register(scenario::ml("<module>", "odd;dir/a b.ml", 1));
    let first = rec.register(scenario::ml("<lambda:4>", "odd;dir/a b.ml", 4));
    let second = rec.register(scenario::ml("<lambda:4>", "odd;dir/a b.ml", 4));
    let map = rec.register(scenario::native("functional.map", Category::StandardLibrary));
    let push = rec.register(FunctionInfo {
        name: "array.push".to_owned(),
        file: String::new(),
        line: 0,
        kind: FunctionKind::Method,
        category: Category::StandardLibrary,
    });
    let len = rec.register(scenario::native("len", Category::StandardLibrary));
    let qualified_len = rec.register(scenario::native("builtins.len", Category::StandardLibrary));
    run.enter(module);
    run.enter(len);
    run.exit();
    run.enter(first);
    run.enter(qualified_len);
    run.work(1);
    run.exit();
    run.enter(len);
    run.exit();
    run.exit();
    for _ in 0..3 {
        run.enter(first);
        run.allocate(1, 24);
        run.exit();
    }
    run.enter(map);
    for _ in 0..2 {
        run.enter(second);
        run.enter(first);
        run.enter(push);
        run.allocate(1, 8);
        run.exit();
        run.exit();
        run.exit();
    }
    run.exit();
    run.exit();
    run.rec.finish("odd;dir/a b.ml")
}

fn export(p: &Profile, format: ExportFormat, flame: FlameWeight) -> Vec<u8> {
    p.export(format, &ExportOptions { flame, ..ExportOptions::default() })
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("a text export is UTF-8")
}

/// A fresh file in Cargo's scratch directory for integration tests.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mlpy_profile_exports_a");
    std::fs::create_dir_all(&dir).expect("the scratch directory can be made");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("the scratch file can be written");
    path
}

// ---- snapshots ----

#[test]
fn folded_snapshots() {
    for (stem, p) in scenarios() {
        let time = text(export(&p, ExportFormat::Folded, FlameWeight::Time));
        check(&format!("{stem}.folded"), &time);
        let memory = text(export(&p, ExportFormat::Folded, FlameWeight::Memory));
        check(&format!("{stem}.memory.folded"), &memory);
    }
}

#[test]
fn svg_snapshots() {
    for (stem, p) in scenarios() {
        for (weight, suffix) in [(FlameWeight::Time, ""), (FlameWeight::Memory, ".memory")] {
            let svg = text(export(&p, ExportFormat::Svg, weight));
            check(&format!("{stem}{suffix}.svg"), &svg);
        }
    }
}

#[test]
fn pstats_snapshots() {
    for (stem, p) in scenarios() {
        let value = unmarshal(&export(&p, ExportFormat::Pstats, FlameWeight::Time));
        check(&format!("{stem}.prof.txt"), &render_pstats(&value));
    }
}

#[test]
fn pprof_snapshots() {
    for (stem, p) in scenarios() {
        let proto = gunzip(&export(&p, ExportFormat::Pprof, FlameWeight::Time));
        check(&format!("{stem}.pprof.txt"), &render_pprof(&proto));
    }
}

/// Exports of a profile read back from its JSON form are the original's, byte for byte.
#[test]
fn exports_of_the_json_profile_are_the_same() {
    for (stem, p) in scenarios() {
        let back = Profile::from_json(&p.to_json()).expect("the JSON profile reads back");
        for format in
            [ExportFormat::Pstats, ExportFormat::Pprof, ExportFormat::Folded, ExportFormat::Svg]
        {
            for weight in [FlameWeight::Time, FlameWeight::Memory] {
                assert!(
                    export(&p, format, weight) == export(&back, format, weight),
                    "{stem}: {format} ({weight:?}) differs after the JSON round trip"
                );
            }
        }
    }
}

// ---- collapsed stacks and SVG: properties ----

#[test]
fn folded_weights_add_up() {
    for (stem, p) in scenarios() {
        let time = text(export(&p, ExportFormat::Folded, FlameWeight::Time));
        let exact_ns: u64 = p.cct().iter().map(|n| n.self_ns).sum();
        assert_eq!(exact_ns, p.total_ns(), "{stem}");
        assert_eq!(folded_sum(&time), (exact_ns + 500) / 1000, "{stem}: µs");
        let memory = text(export(&p, ExportFormat::Folded, FlameWeight::Memory));
        let bytes: u64 = p.cct().iter().map(|n| n.alloc_bytes).sum();
        assert_eq!(folded_sum(&memory), bytes, "{stem}: bytes");
        for line in time.lines().chain(memory.lines()) {
            let (stack, count) = line.rsplit_once(' ').expect("`stack count`");
            assert!(count.parse::<u64>().expect("a count") > 0, "{line}");
            assert!(stack.split(';').all(|frame| !frame.is_empty()), "{line}");
        }
    }
}

fn folded_sum(folded: &str) -> u64 {
    folded.lines().map(|l| l.rsplit_once(' ').unwrap().1.parse::<u64>().unwrap()).sum()
}

/// Sub-microsecond nodes are not all rounded away, and each line is within 1 µs.
#[test]
fn folded_rounding_carries_remainders() {
    let p = scenario::hot_loop();
    let folded = text(export(&p, ExportFormat::Folded, FlameWeight::Time));
    let names = ["<module> (hot.ml:1)", "main (hot.ml:3)", "add (hot.ml:10)", "len"];
    for name in names {
        let idx = p.functions().iter().position(|f| {
            let f = &f.info;
            (f.kind == FunctionKind::Ml && name.starts_with(&format!("{} (", f.name)))
                || f.name == name
        });
        let node = p.cct().iter().find(|n| Some(n.function as usize) == idx).unwrap();
        let line = folded.lines().find(|l| l.rsplit_once(' ').unwrap().0.ends_with(name));
        let us = line.map_or(0, |l| l.rsplit_once(' ').unwrap().1.parse::<i64>().unwrap());
        assert!((us * 1000 - node.self_ns as i64).abs() < 1000, "{name}: {us} µs");
    }
}

#[test]
fn svg_is_xml_naming_the_program_and_the_functions() {
    for (stem, p) in scenarios() {
        for weight in [FlameWeight::Time, FlameWeight::Memory] {
            let svg = text(export(&p, ExportFormat::Svg, weight));
            let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
            let doc = roxmltree::Document::parse_with_options(&svg, options)
                .unwrap_or_else(|e| panic!("{stem} {weight:?}: the SVG is not XML: {e}"));
            assert_eq!(doc.root_element().tag_name().name(), "svg");
            let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
            let what = match weight {
                FlameWeight::Time => "self time",
                FlameWeight::Memory => "bytes allocated",
            };
            let title = format!("mlpy flame graph of {}: {what}", p.program());
            assert!(texts.contains(&title.as_str()), "{stem} {weight:?}: {texts:?}");
            let folded = text(export(&p, ExportFormat::Folded, weight));
            for line in folded.lines() {
                let leaf = line.rsplit_once(' ').unwrap().0.rsplit(';').next().unwrap();
                assert!(
                    texts.iter().any(|t| t.starts_with(&format!("{leaf} ("))),
                    "{stem} {weight:?}: no frame {leaf}"
                );
            }
        }
    }
}

// ---- pstats: the marshal decoder, rendering, and Python's reader ----

/// A value as `marshal.loads` sees it (the types the pstats file uses).
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(i128),
    Float(f64),
    Str(String),
    Tuple(Vec<Value>),
    Dict(Vec<(Value, Value)>),
}

fn unmarshal(bytes: &[u8]) -> Value {
    let mut at = 0;
    let value = read_value(bytes, &mut at);
    assert_eq!(at, bytes.len(), "the dictionary is the whole file");
    value
}

fn read_value(b: &[u8], at: &mut usize) -> Value {
    let mut take = |n: usize| {
        let s = &b[*at..*at + n];
        *at += n;
        s
    };
    let code = take(1)[0];
    assert_eq!(code & 0x80, 0, "no back-references are written");
    let i32_at = |s: &[u8]| i32::from_le_bytes(s.try_into().unwrap());
    match code {
        b'i' => Value::Int(i128::from(i32_at(take(4)))),
        b'l' => {
            let n = i32_at(take(4));
            let mut v: i128 = 0;
            let digits: Vec<u16> = (0..n.unsigned_abs())
                .map(|_| u16::from_le_bytes(take(2).try_into().unwrap()))
                .collect();
            for d in digits.iter().rev() {
                v = v << 15 | i128::from(*d);
            }
            Value::Int(if n < 0 { -v } else { v })
        }
        b'g' => Value::Float(f64::from_le_bytes(take(8).try_into().unwrap())),
        b'z' | b'Z' => {
            let n = take(1)[0] as usize;
            Value::Str(String::from_utf8(take(n).to_vec()).unwrap())
        }
        b'u' | b'a' | b'A' => {
            let n = i32_at(take(4)) as usize;
            Value::Str(String::from_utf8(take(n).to_vec()).unwrap())
        }
        b')' => {
            let n = take(1)[0] as usize;
            Value::Tuple((0..n).map(|_| read_value(b, at)).collect())
        }
        b'(' => {
            let n = i32_at(take(4)) as usize;
            Value::Tuple((0..n).map(|_| read_value(b, at)).collect())
        }
        b'{' => {
            let mut items = Vec::new();
            while b[*at] != b'0' {
                let k = read_value(b, at);
                let v = read_value(b, at);
                items.push((k, v));
            }
            *at += 1;
            Value::Dict(items)
        }
        other => panic!("unexpected marshal type {:?}", other as char),
    }
}

/// Python's `repr` of the value, one dictionary item a line.
fn repr(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f:?}"),
        // Python's quotes (the names have no backslashes or control characters).
        Value::Str(s) if s.contains('\'') && !s.contains('"') => format!("\"{s}\""),
        Value::Str(s) => format!("'{}'", s.replace('\'', "\\'")),
        Value::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            format!("({})", parts.join(", "))
        }
        Value::Dict(items) => {
            let parts: Vec<String> =
                items.iter().map(|(k, v)| format!("{}: {}", repr(k), repr(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

fn render_pstats(v: &Value) -> String {
    let Value::Dict(entries) = v else { panic!("a pstats file is a dict") };
    let mut out = String::from("{\n");
    for (key, value) in entries {
        let Value::Tuple(fields) = value else { panic!("an entry is a tuple") };
        let (figures, callers) = fields.split_at(4);
        let figures: Vec<String> = figures.iter().map(repr).collect();
        out.push_str(&format!("  {}: ({}, {{\n", repr(key), figures.join(", ")));
        let Value::Dict(callers) = &callers[0] else { panic!("callers are a dict") };
        for (caller, figures) in callers {
            out.push_str(&format!("      {}: {},\n", repr(caller), repr(figures)));
        }
        out.push_str("  }),\n");
    }
    out.push_str("}\n");
    out
}

const PSTATS_READER: &str = r#"
import io, json, pstats, sys
s = pstats.Stats(sys.argv[1], stream=io.StringIO())
# The usual views must work on the file too.
s.sort_stats("cumulative").print_stats()
s.print_callers()
s.print_callees()
entries = []
for (file, line, name), (cc, nc, tt, ct, callers) in s.stats.items():
    entries.append({"key": [file, line, name], "cc": cc, "nc": nc, "tt": tt, "ct": ct,
                    "callers": [[list(k), list(v)] for k, v in callers.items()]})
print(json.dumps({"total_calls": s.total_calls, "prim_calls": s.prim_calls,
                  "total_tt": s.total_tt, "entries": entries}))
"#;

#[test]
fn python_pstats_reads_the_prof_file() {
    for (stem, p) in scenarios() {
        let path =
            scratch(&format!("{stem}.prof"), &export(&p, ExportFormat::Pstats, FlameWeight::Time));
        let output = match Command::new("python3").arg("-c").arg(PSTATS_READER).arg(&path).output()
        {
            Ok(output) => output,
            Err(e) => return crate::reader_missing("python3", &e.to_string()),
        };
        assert!(
            output.status.success(),
            "{stem}: pstats failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let got: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        check_pstats_figures(stem, &p, &got);
    }
}

fn secs(ns: u64) -> f64 {
    ns as f64 / 1e9
}

fn key_json(p: &Profile, idx: u32) -> serde_json::Value {
    let (file, line, name) = p.function(idx).info.pstats_key();
    serde_json::json!([file, line, name])
}

/// Adds `figures` to the sums kept for `key` (in first-seen order).
fn add_to<K: PartialEq>(sums: &mut Vec<(K, [u64; 4])>, key: K, figures: [u64; 4]) {
    match sums.iter_mut().find(|(k, _)| *k == key) {
        Some((_, s)) => s.iter_mut().zip(figures).for_each(|(s, v)| *s += v),
        None => sums.push((key, figures)),
    }
}

/// Every pstats figure is the profile's: per key (functions with the same key added up),
/// `(cc, nc, tt, ct)` and each caller's `(nc, cc, tt, ct)`, and the totals.
fn check_pstats_figures(stem: &str, p: &Profile, got: &serde_json::Value) {
    let mut expected = Vec::new();
    let mut edges = Vec::new();
    for (idx, f) in p.functions().iter().enumerate() {
        if f.calls > 0 {
            let figures = [f.primitive_calls, f.calls, f.self_ns, f.total_ns];
            add_to(&mut expected, key_json(p, idx as u32), figures);
        }
    }
    for e in p.edges() {
        let pair = (key_json(p, e.callee), key_json(p, e.caller));
        add_to(&mut edges, pair, [e.calls, e.primitive_calls, e.self_ns, e.total_ns]);
    }
    let entries = got["entries"].as_array().unwrap();
    assert_eq!(entries.len(), expected.len(), "{stem}: one entry per key that ran");
    let total_calls: u64 = expected.iter().map(|(_, f)| f[1]).sum();
    let prim_calls: u64 = expected.iter().map(|(_, f)| f[0]).sum();
    let total_tt: f64 = expected.iter().map(|(_, f)| secs(f[2])).sum();
    assert_eq!(got["total_calls"], total_calls, "{stem}");
    assert_eq!(got["prim_calls"], prim_calls, "{stem}");
    assert_eq!(got["total_tt"].as_f64().unwrap(), total_tt, "{stem}");
    for (key, [cc, nc, tt, ct]) in &expected {
        let entry = entries
            .iter()
            .find(|e| e["key"] == *key)
            .unwrap_or_else(|| panic!("{stem}: pstats has no entry {key}"));
        assert_eq!(entry["cc"], *cc, "{stem} {key}: cc");
        assert_eq!(entry["nc"], *nc, "{stem} {key}: nc");
        assert_eq!(entry["tt"].as_f64().unwrap(), secs(*tt), "{stem} {key}: tt");
        assert_eq!(entry["ct"].as_f64().unwrap(), secs(*ct), "{stem} {key}: ct");
        let callers = entry["callers"].as_array().unwrap();
        let mine: Vec<_> = edges.iter().filter(|((callee, _), _)| callee == key).collect();
        assert_eq!(callers.len(), mine.len(), "{stem} {key}: callers");
        for ((_, caller), [nc, cc, tt, ct]) in mine {
            let figures = &callers
                .iter()
                .find(|c| c[0] == *caller)
                .unwrap_or_else(|| panic!("{stem} {key}: no caller {caller}"))[1];
            // pstats reads a caller's figures as (nc, cc, tt, ct).
            assert_eq!(figures[0], *nc, "{stem} {key} from {caller}: nc");
            assert_eq!(figures[1], *cc, "{stem} {key} from {caller}: cc");
            assert_eq!(figures[2].as_f64().unwrap(), secs(*tt), "{stem} {key}: tt");
            assert_eq!(figures[3].as_f64().unwrap(), secs(*ct), "{stem} {key}: ct");
        }
    }
}

// ---- pprof: the protobuf decoder, rendering, and go tool pprof ----

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    assert_eq!(bytes[..2], [0x1f, 0x8b], "a gzip file");
    assert_eq!(bytes[4..8], [0, 0, 0, 0], "no modification time in the gzip header");
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("valid gzip");
    out
}

/// One protobuf field: its number and either a varint or a length-delimited payload.
enum Field<'a> {
    Varint(u64, u64),
    Bytes(u64, &'a [u8]),
}

fn fields(mut b: &[u8]) -> Vec<Field<'_>> {
    fn varint(b: &mut &[u8]) -> u64 {
        let mut v = 0;
        for shift in (0..64).step_by(7) {
            let byte = b[0];
            *b = &b[1..];
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return v;
            }
        }
        panic!("varint too long")
    }
    let mut out = Vec::new();
    while !b.is_empty() {
        let key = varint(&mut b);
        match key & 7 {
            0 => out.push(Field::Varint(key >> 3, varint(&mut b))),
            2 => {
                let len = varint(&mut b) as usize;
                out.push(Field::Bytes(key >> 3, &b[..len]));
                b = &b[len..];
            }
            wire => panic!("unexpected wire type {wire}"),
        }
    }
    out
}

fn packed(mut b: &[u8]) -> Vec<u64> {
    let mut out = Vec::new();
    while !b.is_empty() {
        let mut v = 0;
        let mut shift = 0;
        loop {
            let byte = b[0];
            b = &b[1..];
            v |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte < 0x80 {
                break;
            }
        }
        out.push(v);
    }
    out
}

/// The message as text: strings resolved, stacks spelled out by function name.
fn render_pprof(proto: &[u8]) -> String {
    let top = fields(proto);
    let strings: Vec<String> = top
        .iter()
        .filter_map(|f| match f {
            Field::Bytes(6, s) => Some(String::from_utf8(s.to_vec()).unwrap()),
            _ => None,
        })
        .collect();
    assert_eq!(strings.first().map(String::as_str), Some(""), "string_table[0] is \"\"");
    let s = |i: u64| format!("{:?}", strings[i as usize]);
    let small = |b: &[u8]| -> Vec<(u64, u64)> {
        fields(b)
            .into_iter()
            .map(|f| match f {
                Field::Varint(n, v) => (n, v),
                Field::Bytes(n, _) => panic!("field {n} is a number"),
            })
            .collect()
    };
    let get = |fs: &[(u64, u64)], n: u64| fs.iter().find(|f| f.0 == n).map_or(0, |f| f.1);
    // Function and location names, for the stacks.
    let mut function_names = std::collections::HashMap::new();
    let mut location_functions = std::collections::HashMap::new();
    for f in &top {
        match f {
            Field::Bytes(5, b) => {
                let fs = small(b);
                function_names.insert(get(&fs, 1), strings[get(&fs, 2) as usize].clone());
            }
            Field::Bytes(4, b) => {
                let mut id = 0;
                let mut function = 0;
                for f in fields(b) {
                    match f {
                        Field::Varint(1, v) => id = v,
                        Field::Bytes(4, line) => function = get(&small(line), 1),
                        _ => {}
                    }
                }
                location_functions.insert(id, function);
            }
            _ => {}
        }
    }
    let mut out = String::new();
    for f in &top {
        let line = match f {
            Field::Bytes(1, b) => {
                let fs = small(b);
                format!("sample_type {{ type: {} unit: {} }}", s(get(&fs, 1)), s(get(&fs, 2)))
            }
            Field::Bytes(2, b) => {
                let mut stack = Vec::new();
                let mut values = Vec::new();
                for f in fields(b) {
                    match f {
                        Field::Bytes(1, ids) => stack = packed(ids),
                        Field::Bytes(2, vs) => values = packed(vs),
                        _ => panic!("unexpected sample field"),
                    }
                }
                let names: Vec<&str> = stack
                    .iter()
                    .map(|id| function_names[&location_functions[id]].as_str())
                    .collect();
                format!(
                    "sample {{ value: {values:?} location_id: {stack:?} }}  # {}",
                    names.join(" <- ")
                )
            }
            Field::Bytes(3, b) => {
                let fs = small(b);
                format!(
                    "mapping {{ id: {} filename: {} has_functions: {} has_filenames: {} has_line_numbers: {} }}",
                    get(&fs, 1),
                    s(get(&fs, 5)),
                    get(&fs, 7),
                    get(&fs, 8),
                    get(&fs, 9)
                )
            }
            Field::Bytes(4, b) => {
                let mut parts = Vec::new();
                for f in fields(b) {
                    match f {
                        Field::Varint(1, v) => parts.push(format!("id: {v}")),
                        Field::Varint(2, v) => parts.push(format!("mapping_id: {v}")),
                        Field::Bytes(4, line) => {
                            let fs = small(line);
                            parts.push(format!(
                                "line {{ function_id: {} line: {} }}",
                                get(&fs, 1),
                                get(&fs, 2)
                            ));
                        }
                        _ => panic!("unexpected location field"),
                    }
                }
                format!("location {{ {} }}", parts.join(" "))
            }
            Field::Bytes(5, b) => {
                let fs = small(b);
                format!(
                    "function {{ id: {} name: {} system_name: {} filename: {} start_line: {} }}",
                    get(&fs, 1),
                    s(get(&fs, 2)),
                    s(get(&fs, 3)),
                    s(get(&fs, 4)),
                    get(&fs, 5)
                )
            }
            Field::Bytes(6, b) => format!("string_table: {:?}", String::from_utf8_lossy(b)),
            Field::Varint(10, v) => format!("duration_nanos: {v}"),
            Field::Bytes(11, b) => {
                let fs = small(b);
                format!("period_type {{ type: {} unit: {} }}", s(get(&fs, 1)), s(get(&fs, 2)))
            }
            Field::Varint(12, v) => format!("period: {v}"),
            Field::Bytes(13, b) => {
                let comments: Vec<String> = packed(b).into_iter().map(s).collect();
                format!("comment: [{}]", comments.join(", "))
            }
            Field::Varint(14, v) => format!("default_sample_type: {}", s(*v)),
            Field::Varint(n, v) => panic!("unexpected field {n}: {v}"),
            Field::Bytes(n, _) => panic!("unexpected field {n}"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `go tool pprof -raw` prints every sample with its values: they add up, for each
/// sample type, to the profile's totals; `-top` reads the file for each sample type.
#[test]
fn go_pprof_reads_the_pb_gz_file() {
    for (stem, p) in scenarios() {
        let path =
            scratch(&format!("{stem}.pb.gz"), &export(&p, ExportFormat::Pprof, FlameWeight::Time));
        let Some(raw) = go_pprof(&["-raw"], &path) else { return };
        // Its locations are the profile's functions, with their names, files and lines.
        let locations: Vec<&str> = raw
            .lines()
            .skip_while(|l| *l != "Locations")
            .skip(1)
            .take_while(|l| *l != "Mappings")
            .collect();
        assert_eq!(locations.len(), p.functions().len(), "{stem}\n{raw}");
        // (pprof numbers them anew, in the order the samples use them.)
        for f in p.functions() {
            let place = format!(" {}:{} s={}", f.info.file, f.info.line, f.info.line);
            assert!(
                locations.iter().any(|l| l.contains(&f.info.name) && l.contains(&place)),
                "{stem}: no location for {} at{place}\n{raw}",
                f.info.name
            );
        }
        let sums = raw_sums(&raw);
        let cct = p.cct();
        let expected = [
            ("calls/count", cct.iter().map(|n| n.calls).sum::<u64>()),
            ("time/nanoseconds", p.total_ns()),
            ("alloc_space/bytes", cct.iter().map(|n| n.alloc_bytes).sum()),
            ("alloc_objects/count", cct.iter().map(|n| n.alloc_count).sum()),
        ];
        let calls: u64 = p.functions().iter().map(|f| f.calls).sum();
        assert_eq!(expected[0].1, calls, "{stem}: the tree's calls are the functions' calls");
        assert_eq!(sums, expected.map(|(t, v)| (t.to_owned(), v)).to_vec(), "{stem}\n{raw}");
        // `-top`'s header line: "Showing nodes accounting for X, P% of TOTAL total", with
        // the total in nanoseconds and bytes under `-unit=ns` and `-unit=B`.
        for (ty, total) in expected {
            let (ty, unit) = ty.split_once('/').unwrap();
            let unit = match unit {
                "nanoseconds" => "ns",
                "bytes" => "B",
                _ => "",
            };
            let index = format!("-sample_index={ty}");
            let mut args = vec!["-top", index.as_str()];
            let unit_arg = format!("-unit={unit}");
            if !unit.is_empty() {
                args.push(&unit_arg);
            }
            let Some(top) = go_pprof(&args, &path) else { return };
            // A zero total is printed without its unit.
            let want = if total == 0 {
                "of 0 total".to_owned()
            } else {
                format!("of {total}{unit} total")
            };
            assert!(top.contains(&want), "{stem} {ty}: `{want}` not in\n{top}");
        }
    }
}

/// Runs `go tool pprof ARGS PATH`; `None` (after `reader_missing`) without go.
fn go_pprof(args: &[&str], path: &Path) -> Option<String> {
    let output = match Command::new("go").arg("tool").arg("pprof").args(args).arg(path).output() {
        Ok(output) => output,
        Err(e) => {
            crate::reader_missing("go (Debian's golang-go)", &e.to_string());
            return None;
        }
    };
    assert!(
        output.status.success(),
        "go tool pprof {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("UTF-8"))
}

/// The sum of each sample type's values in `go tool pprof -raw`'s `Samples:` section.
fn raw_sums(raw: &str) -> Vec<(String, u64)> {
    let mut lines = raw.lines().skip_while(|l| *l != "Samples:").skip(1);
    let header = lines.next().expect("the sample types");
    let types: Vec<String> =
        header.split_whitespace().map(|t| t.trim_end_matches("[dflt]").to_owned()).collect();
    let mut sums = vec![0u64; types.len()];
    for line in lines.take_while(|l| !l.starts_with("Locations")) {
        // A sample starts with its values then `:` and the location ids; stack lines
        // that follow start with spaces and a number too, so the colon tells them apart.
        let Some((values, _)) = line.split_once(':') else { continue };
        let values: Vec<u64> =
            values.split_whitespace().map(|v| v.parse().expect("a value")).collect();
        assert_eq!(values.len(), types.len(), "{line}");
        for (sum, v) in sums.iter_mut().zip(values) {
            *sum += v;
        }
    }
    types.into_iter().zip(sums).collect()
}
