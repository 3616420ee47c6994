//! The `csv` and `log` modules end to end.
//!
//! * `csv_agrees_with_cpython`: seeded random cases run through `csv.read_string` and
//!   `csv.write_string` in one `mlpy` run and through CPython's `csv` module in one
//!   `python3` run, compared case by case. Readings compare with Python's blank rows
//!   dropped (mlpy skips blank lines, §12.16 and `stdlib/csv.rs`); header readings follow
//!   the spec's rules (extra cells ignored, missing cells absent), built in Python from
//!   `csv.reader`'s rows. Rows of objects are written as `csv.DictWriter` writes them
//!   (columns from the first row, a missing key an empty cell, another key a
//!   `ValueError`); errors compare by kind.
//! * `log_timestamps_have_their_shapes`: text records carry the local time of the `TZ`
//!   given, JSON records UTC with microseconds; checked by shape, never by clock value.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value as Json;

/// Cases of each kind.
const READ_CASES: usize = 2500;
const HEADER_CASES: usize = 1000;
const WRITE_CASES: usize = 1500;
const OBJECT_WRITE_CASES: usize = 500;
const SEED: u64 = 0x00C5_F00D;

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const DELIMITERS: &[&str] = &[",", ",", ";", "\t", "|"];

/// Pieces of cells: plain text, the special characters of CSV, non-ASCII text.
const CELL_PARTS: &[&str] = &[
    "a", "b", "xyz", "12", " ", ",", ";", "\t", "|", "\"", "\"\"", "\r", "\n", "\r\n", "é", "ß",
    "😀", "名", "'",
];

/// Pieces of raw CSV text, malformed text included (stray and unbalanced quotes).
const TEXT_PARTS: &[&str] = &[
    "a", "b", "1", " ", ",", ",", ";", "\t", "|", "\"", "\"", "\"\"", "\r", "\n", "\n", "\r\n",
    "é", "😀", "\"q,\"", "\"x\ny\"",
];

fn cell(rng: &mut Rng) -> String {
    (0..rng.below(5)).map(|_| rng.pick(CELL_PARTS)).collect()
}

fn text(rng: &mut Rng) -> String {
    (0..rng.below(30)).map(|_| rng.pick(TEXT_PARTS)).collect()
}

/// A CSV text: raw pieces, or rows of generated cells quoted by hand (well-formed).
fn csv_text(rng: &mut Rng, delim: &str) -> String {
    if rng.below(2) == 0 {
        return text(rng);
    }
    let cols = 1 + rng.below(4);
    let mut out = String::new();
    for _ in 0..rng.below(6) {
        let cells: Vec<String> = (0..cols)
            .map(|_| {
                let c = cell(rng);
                let special = c.contains(['"', '\r', '\n']) || c.contains(delim);
                if special || rng.below(4) == 0 {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c
                }
            })
            .collect();
        out.push_str(&cells.join(delim));
        out.push_str(rng.pick(&["\n", "\r\n", "\r"]));
    }
    out
}

/// A row to write: strings, ints and nulls (which both write the same way), never empty.
fn write_row(rng: &mut Rng) -> Json {
    let n = 1 + rng.below(4);
    Json::Array(
        (0..n)
            .map(|_| match rng.below(8) {
                0 => Json::from(rng.below(1000) as i64 - 500),
                1 => Json::Null,
                _ => Json::String(cell(rng)),
            })
            .collect(),
    )
}

fn cases() -> Vec<Json> {
    let mut rng = Rng(SEED);
    let mut cases = Vec::new();
    for i in 0..READ_CASES + HEADER_CASES {
        let delim = rng.pick(DELIMITERS);
        cases.push(serde_json::json!({
            "kind": "read",
            "text": csv_text(&mut rng, delim),
            "delim": delim,
            "headers": i >= READ_CASES,
        }));
    }
    for _ in 0..WRITE_CASES {
        let delim = rng.pick(DELIMITERS);
        let rows: Vec<Json> = (0..rng.below(5)).map(|_| write_row(&mut rng)).collect();
        cases.push(serde_json::json!({"kind": "write", "rows": rows, "delim": delim}));
    }
    // Rows of objects: the first one's keys are the columns; later ones may lack some
    // (empty cells) or, now and then, have another (a ValueError on both sides).
    let names = ["id", "name", "a,b", "q\"", "é"];
    for _ in 0..OBJECT_WRITE_CASES {
        let delim = rng.pick(DELIMITERS);
        let mut rows = Vec::new();
        for r in 0..1 + rng.below(4) {
            let mut obj = serde_json::Map::new();
            for name in names {
                if r == 0 || rng.below(3) > 0 {
                    let v = match rng.below(6) {
                        0 => Json::Null,
                        1 => Json::from(rng.below(100) as i64),
                        _ => Json::String(cell(&mut rng)),
                    };
                    obj.insert(name.to_owned(), v);
                }
            }
            if r > 0 && rng.below(20) == 0 {
                obj.insert("extra".to_owned(), Json::from(1));
            }
            rows.push(Json::Object(obj));
        }
        cases.push(serde_json::json!({"kind": "objects", "rows": rows, "delim": delim}));
    }
    cases
}

const ML_HARNESS: &str = r#"
import csv;
import file;
import json;
cases = json.parse(file.read("cases.json"));
out = [];
for (c in cases) {
    try {
        if (c.kind == "read") {
            rows = csv.read_string(c.text, c.delim, c.headers);
            if (c.headers) {
                pairs = [];
                for (r in rows) {
                    entries = [];
                    for (k in keys(r)) {
                        entries.append([k, r[k]]);
                    }
                    pairs.append([entries]);
                }
                rows = pairs;
            }
            out.append({ok: rows});
        } elif (c.kind == "objects") {
            out.append({ok: csv.write_string(c.rows, c.delim)});
        } else {
            out.append({ok: csv.write_string(c.rows, c.delim, false)});
        }
    } except (e) {
        out.append({error: e.type});
    }
}
print(json.stringify(out));
"#;

const PY_HARNESS: &str = r#"
import csv, io, json

def read(text, delim, headers):
    rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim) if r]
    if not headers:
        return rows
    if not rows:
        return []
    names, out = rows[0], []
    for r in rows[1:]:
        d = {}
        for name, value in zip(names, r):
            d[name] = value
        out.append([[[k, v] for k, v in d.items()]])
    return out

def write(rows, delim):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delim)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()

out = []
with open("cases.json", encoding="utf-8") as f:
    cases = json.load(f)
for c in cases:
    try:
        if c["kind"] == "read":
            out.append({"ok": read(c["text"], c["delim"], c["headers"])})
        elif c["kind"] == "objects":
            buf = io.StringIO(newline="")
            w = csv.DictWriter(buf, fieldnames=list(c["rows"][0].keys()), delimiter=c["delim"])
            w.writeheader()
            for r in c["rows"]:
                w.writerow(r)
            out.append({"ok": buf.getvalue()})
        else:
            out.append({"ok": write(c["rows"], c["delim"])})
    except Exception as e:
        out.append({"error": type(e).__name__})
print(json.dumps(out))
"#;

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mlpy-csvlog-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.stdin(Stdio::null()).output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn mlpy(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlpy"));
    cmd.args(args).current_dir(dir);
    cmd
}

#[test]
fn csv_agrees_with_cpython() {
    let dir = scratch_dir("diff");
    let cases = cases();
    std::fs::write(dir.join("cases.json"), serde_json::to_string(&cases).unwrap()).unwrap();
    std::fs::write(dir.join("harness.ml"), ML_HARNESS).unwrap();
    std::fs::write(dir.join("harness.py"), PY_HARNESS).unwrap();
    let ours = run(&mut mlpy(&dir, &["run", "harness.ml", "--allow-read=cases.json"]), "mlpy");
    let theirs = run(
        Command::new("python3").arg("-S").arg("harness.py").current_dir(&dir),
        "python3 (the oracle; it must be installed)",
    );
    let ours: Vec<Json> = serde_json::from_str(&ours).unwrap();
    let theirs: Vec<Json> = serde_json::from_str(&theirs).unwrap();
    assert_eq!(ours.len(), cases.len());
    assert_eq!(theirs.len(), cases.len());
    // The comparison is not vacuous: most readings have rows, many have quoted or
    // multi-line cells, and no case ended in an error on either side.
    let errors = ours.iter().filter(|o| o.get("error").is_some()).count();
    let rows_read = ours[..READ_CASES + HEADER_CASES]
        .iter()
        .filter(|o| o["ok"].as_array().is_some_and(|rows| !rows.is_empty()))
        .count();
    let multi_line = ours[..READ_CASES + HEADER_CASES]
        .iter()
        .filter(|o| o["ok"].to_string().contains("\\n") || o["ok"].to_string().contains("\\r"))
        .count();
    let quoted_written = ours[READ_CASES + HEADER_CASES..]
        .iter()
        .filter(|o| o["ok"].to_string().contains("\\\""))
        .count();
    eprintln!(
        "csv differential: {} cases ({READ_CASES} readings without headers, {HEADER_CASES} with, \
         {WRITE_CASES} writings of arrays, {OBJECT_WRITE_CASES} of objects, {errors} of them \
         ValueErrors); {rows_read} readings with rows, {multi_line} readings with a line \
         break in a cell, {quoted_written} writings with quoted cells",
        cases.len()
    );
    assert!(rows_read > (READ_CASES + HEADER_CASES) / 2, "{rows_read}");
    assert!(multi_line > 300 && quoted_written > 300, "{multi_line} {quoted_written}");
    assert!(ours[..READ_CASES + HEADER_CASES + WRITE_CASES]
        .iter()
        .all(|o| o.get("error").is_none()));
    assert!(errors > 0, "no object case had a key outside the columns");
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        if ours[i] != theirs[i] {
            failures.push(format!(
                "case {i}: {case}\n  mlpy:    {}\n  CPython: {}",
                ours[i], theirs[i]
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython's csv module:\n{}",
        failures.len(),
        cases.len(),
        failures.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// Each character of `s` by class: digits as `9`, everything else kept.
fn shape(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
}

#[test]
fn log_timestamps_have_their_shapes() {
    let dir = scratch_dir("log");
    std::fs::write(
        dir.join("main.ml"),
        "import log;\nlog.info(\"text\", {n: 1});\nlog.set_format(\"json\");\nlog.warn(\"json\");\n\
         app = log.create_logger(\"app\");\napp.error(\"mine\");\n",
    )
    .unwrap();
    for tz in ["UTC", "Asia/Kolkata", "America/St_Johns", "Nowhere/Invalid"] {
        let out = run(mlpy(&dir, &["run", "main.ml"]).env("TZ", tz), "mlpy");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "TZ={tz}: {out}");
        assert_eq!(shape(lines[0]), "[9999-99-99 99:99:99] INFO: text | n=9", "TZ={tz}");
        let json = shape(lines[1]);
        assert_eq!(
            json,
            "{\"message\": \"json\", \"level\": \"WARN\", \"logger\": \"default\", \"timestamp\": \
             \"9999-99-99T99:99:99.999999Z\"}",
            "TZ={tz}"
        );
        assert_eq!(shape(lines[2]), "[9999-99-99 99:99:99] ERROR: mine", "TZ={tz}");
    }
    // The text record's time is local: with TZ set to a zone 5:30 ahead of UTC, its
    // minutes differ from the JSON record's UTC minutes by 30 (the two are written within
    // the same few milliseconds; a minute boundary between them is retried).
    let mut checked = false;
    for _ in 0..5 {
        let out = run(mlpy(&dir, &["run", "main.ml"]).env("TZ", "Asia/Kolkata"), "mlpy");
        let lines: Vec<&str> = out.lines().collect();
        let local_min: i32 = lines[0][15..17].parse().unwrap();
        let at = lines[1].find("\"timestamp\": \"").unwrap() + 14;
        let utc_min: i32 = lines[1][at + 14..at + 16].parse().unwrap();
        let local_sec: i32 = lines[0][18..20].parse().unwrap();
        if local_sec == 59 {
            continue;
        }
        assert_eq!((local_min - utc_min).rem_euclid(60), 30, "{out}");
        checked = true;
        break;
    }
    assert!(checked, "every try fell on a minute boundary");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Reading a CSV file whose rows would pass `--max-memory` ends the run with the limit's
/// error (exit status 75), before the process holds much more than the limit; so does
/// `--timeout`.
#[test]
fn csv_reads_respect_the_limits() {
    let dir = scratch_dir("limits");
    let mut text = String::from("a,b,c\n");
    for i in 0..200_000 {
        text.push_str(&format!("{i},x{i},\"y, {i}\"\n"));
    }
    std::fs::write(dir.join("big.csv"), &text).unwrap();
    std::fs::write(
        dir.join("main.ml"),
        "import csv;\nrows = csv.read(\"big.csv\");\nprint(len(rows));\n",
    )
    .unwrap();
    let ok = run(&mut mlpy(&dir, &["run", "main.ml", "--allow-read=big.csv"]), "mlpy");
    assert_eq!(ok, "200000\n");
    for limit in [&["--max-memory=20MB"][..], &["--max-memory=1MB"], &["--timeout=0.001"]] {
        let out = mlpy(&dir, &["run", "main.ml", "--allow-read=big.csv"])
            .args(limit)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(75), "{limit:?}: {stderr}");
        assert!(stderr.contains("LimitExceeded") && stderr.contains("limit of"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `log` writes where `print` writes: when the reader of standard output goes away, the
/// run ends quietly with exit status 74, as for `print`.
#[test]
fn log_records_stop_at_a_closed_output() {
    use std::io::{BufRead, BufReader};
    let dir = scratch_dir("closed");
    std::fs::write(
        dir.join("main.ml"),
        "import log;\nlog.set_timestamp(false);\nwhile (true) { log.info(\"record\"); }\n",
    )
    .unwrap();
    let mut child = mlpy(&dir, &["run", "main.ml"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first, "INFO: record\n");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(74), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let _ = std::fs::remove_dir_all(&dir);
}
