//! The `regex` module checked against CPython's `re` (spec §12.7), on generated patterns
//! and texts.
//!
//! A seeded generator makes random patterns from the supported syntax (literals,
//! classes, categories, anchors, groups, named groups, back-references, look-around,
//! alternation, greedy/lazy/possessive repeats, inline flags, and some malformed ones)
//! and random texts over a small alphabet with newlines and non-ASCII characters chosen
//! for Python's traps (`İ ı K ſ ς` under IGNORECASE, `²` and a combining mark for `\w`,
//! `\x1c` for `\s`, `٣` for `\d`). A batch of cases becomes one ML program and one Python
//! program; each prints one JSON line per case (validity, `search`, `match`,
//! `fullmatch` with every group's span, `findall`, `split`, `sub` with group
//! references, `search` with `pos`/`endpos`, `lastGroup`) and the lines are compared.
//! Cases where mlpy stops a pattern at its backtracking budget, or refuses it as one the
//! engine would match differently, are counted, not compared. Scoped `(?a:…)` groups are
//! not generated: CPython 3.11's search ignores them in its first-character prefilter
//! (`re.search(r"(?a:\W)", "σ")` is None while `re.match` and `(?:x|)(?a:\W)` match),
//! and mlpy follows the documented meaning.
//!
//! `cargo test -p mlpy_cli --test regex_oracle` runs a short fixed-seed batch. The long
//! mode: `MLPY_REGEX_ORACLE_SECONDS=600 cargo test --release -p mlpy_cli --test
//! regex_oracle -- --nocapture` runs batches with successive seeds for that long
//! (`MLPY_REGEX_ORACLE_SEED` sets the first seed, `MLPY_REGEX_ORACLE_CASES` the batch).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// SplitMix64: a small deterministic generator.
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

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The characters of texts (and of literals in patterns).
const ALPHABET: &[char] = &[
    'a', 'b', 'a', 'b', 'c', 'A', 'B', '\n', ' ', '1', '_', '-', '.', 'é', 'É', 'İ', 'ı', 'i', 'I',
    'k', 'K', '\u{212a}', '#', 's', 'ſ', 'ß', 'σ', 'ς', 'Σ', '²', '٣', '\u{301}', '\u{1c}', 'x',
    'y',
];
/// Characters that get a backslash in a pattern.
const SPECIAL: &str = ".^$*+?{}[]\\|()";

struct Gen<'a> {
    rng: &'a mut Rng,
    /// Groups closed so far, and the named ones.
    groups: usize,
    names: Vec<String>,
    depth: usize,
}

impl Gen<'_> {
    fn literal(&mut self, out: &mut String) {
        let c = *self.rng.pick(ALPHABET);
        if SPECIAL.contains(c) {
            out.push('\\');
        }
        match c {
            '\n' if self.rng.chance(50) => out.push_str("\\n"),
            c => out.push(c),
        }
    }

    fn class(&mut self, out: &mut String) {
        out.push('[');
        if self.rng.chance(30) {
            out.push('^');
        }
        for _ in 0..1 + self.rng.below(3) {
            match self.rng.below(6) {
                0 => out.push_str(self.rng.word(&["\\d", "\\w", "\\s", "\\W", "\\D", "\\S"])),
                1 => out.push_str(self.rng.word(&["a-c", "A-Z", "0-9", "a-z", "é-ı", "ſ-ſ"])),
                2 => out.push_str(
                    self.rng.word(&["-", "]", "\\]", "\\-", "\\n", "\\b", "&&", "[", "^"]),
                ),
                _ => {
                    let c = *self.rng.pick(ALPHABET);
                    if "]\\^-[".contains(c) {
                        out.push('\\');
                    }
                    out.push(c);
                }
            }
        }
        out.push(']');
    }

    fn atom(&mut self, out: &mut String) {
        let deep = self.depth >= 3;
        match self.rng.below(if deep { 6 } else { 16 }) {
            0..=2 => self.literal(out),
            3 => out.push('.'),
            4 => self.class(out),
            5 => out.push_str(self.rng.word(&[
                "\\d", "\\w", "\\s", "\\W", "\\D", "\\S", "\\b", "\\B", "^", "$", "\\A", "\\Z",
            ])),
            6 | 7 => {
                out.push('(');
                self.nested(out);
                out.push(')');
                self.groups += 1;
            }
            8 => {
                let name = format!("n{}", self.names.len());
                let _ = write!(out, "(?P<{name}>");
                self.nested(out);
                out.push(')');
                self.groups += 1;
                self.names.push(name);
            }
            9 => {
                out.push_str(self.rng.word(&["(?:", "(?i:", "(?-i:", "(?s:", "(?m:", "(?>"]));
                self.nested(out);
                out.push(')');
            }
            10 => {
                out.push_str(self.rng.word(&["(?=", "(?!"]));
                self.nested(out);
                out.push(')');
            }
            11 => {
                // A fixed-width look-behind.
                out.push_str(self.rng.word(&["(?<=", "(?<!"]));
                for _ in 0..1 + self.rng.below(2) {
                    match self.rng.below(3) {
                        0 => self.class(out),
                        1 => out.push_str(self.rng.word(&["\\w", "\\s", ".", "\\b"])),
                        _ => self.literal(out),
                    }
                }
                out.push(')');
            }
            12 if self.groups > 0 => {
                let g = 1 + self.rng.below(self.groups);
                let _ = write!(out, "\\{g}");
            }
            13 if !self.names.is_empty() => {
                let name = self.rng.pick(&self.names).clone();
                let _ = write!(out, "(?P={name})");
            }
            14 if self.groups > 0 => {
                let g = 1 + self.rng.below(self.groups);
                let _ = write!(out, "(?({g})");
                self.sequence(out);
                if self.rng.chance(50) {
                    out.push('|');
                    self.sequence(out);
                }
                out.push(')');
            }
            _ => self.literal(out),
        }
        if self.rng.chance(30) {
            out.push_str(
                self.rng.word(&["*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}", "{0}", "{", "{1,"]),
            );
            if self.rng.chance(25) {
                out.push_str(self.rng.word(&["?", "+"]));
            }
        }
    }

    fn nested(&mut self, out: &mut String) {
        self.depth += 1;
        self.alternation(out);
        self.depth -= 1;
    }

    fn sequence(&mut self, out: &mut String) {
        for _ in 0..self.rng.below(4) {
            self.atom(out);
        }
    }

    fn alternation(&mut self, out: &mut String) {
        self.sequence(out);
        while self.rng.chance(20) {
            out.push('|');
            self.sequence(out);
        }
    }
}

struct Case {
    pattern: String,
    flags: u32,
    text: String,
    repl: String,
    pos: i64,
    endpos: i64,
}

fn gen_case(rng: &mut Rng) -> Case {
    let mut pattern = String::new();
    if rng.chance(10) {
        pattern.push_str(rng.word(&["(?i)", "(?m)", "(?s)", "(?x)", "(?a)", "(?im)"]));
    }
    let mut g = Gen { rng, groups: 0, names: Vec::new(), depth: 0 };
    g.alternation(&mut pattern);
    let groups = g.groups;
    let names = g.names.clone();
    if rng.chance(3) {
        // Malformed on purpose, sometimes.
        let junk = *rng
            .pick(&["(", ")", "*", "[", "\\", "(?P<", "(?<x)", "{1,0}", "\\9", "(?z)", "[z-a]"]);
        let at = rng.below(pattern.chars().count() + 1);
        let byte = pattern.char_indices().nth(at).map_or(pattern.len(), |(b, _)| b);
        pattern.insert_str(byte, junk);
    }
    let flags = [0, 0, 0, 2, 8, 16, 2 + 8, 64, 256, 2 + 256][rng.below(10)];
    let len = rng.below(12);
    let text: String = (0..len).map(|_| *rng.pick(ALPHABET)).collect();
    let mut repl = String::from(rng.word(&["<", "", "-", "\\n", "\\\\"]));
    if groups > 0 && rng.chance(70) {
        let g = 1 + rng.below(groups);
        repl.push_str(&[format!("\\{g}"), format!("\\g<{g}>"), "\\g<0>".to_owned()][rng.below(3)]);
    }
    if let Some(name) = names.first() {
        if rng.chance(50) {
            let _ = write!(repl, "\\g<{name}>");
        }
    }
    repl.push('>');
    let n = len as i64;
    let pos = rng.below(len + 2) as i64 - 1;
    let endpos = rng.below(len + 3) as i64 - 1;
    let _ = n;
    Case { pattern, flags, text, repl, pos, endpos }
}

/// An ML string literal for `s` (everything outside printable ASCII as `\u{…}`).
fn ml_literal(s: &str) -> String {
    quoted(s, |out, c| {
        let _ = write!(out, "\\u{{{c:x}}}");
    })
}

/// A Python string literal for `s` (everything outside printable ASCII as `\U…`).
fn py_literal(s: &str) -> String {
    quoted(s, |out, c| {
        let _ = write!(out, "\\U{c:08x}");
    })
}

/// `s` in double quotes with `"` and `\` escaped and every character outside printable
/// ASCII written by `escape` (its code point).
fn quoted(s: &str, escape: impl Fn(&mut String, u32)) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => escape(&mut out, c as u32),
        }
    }
    out.push('"');
    out
}

const ML_PROGRAM: &str = r#"
import regex;
import json;

function spans(m) {
    if (m == null) { return null; }
    out = [];
    for (g in range(m.groupCount() + 1)) { out.append(m.span(g)); }
    return out;
}

function run(c) {
    r = {};
    try {
        p = regex.compile(c[0], c[1]);
    } except (e) {
        if (e.type != "ValueError") { return {"crash": e.type + ": " + e.message}; }
        if (e.message.find("not supported") >= 0) { return {"unsupported": e.message}; }
        return {"invalid": true};
    }
    try {
        text = c[2];
        m = p.search(text);
        r["search"] = spans(m);
        r["last"] = m == null ? null : m.lastGroup();
        r["match"] = spans(p.match(text));
        r["fullmatch"] = spans(p.fullmatch(text));
        r["findall"] = p.findall(text);
        r["split"] = p.split(text);
        r["window"] = spans(p.search(text, c[4], c[5]));
        r["windowall"] = p.findall(text, c[4], c[5]);
        try {
            r["sub"] = p.sub(c[3], text);
        } except (e) {
            r["sub"] = "error " + e.type;
        }
    } except (e) {
        if (e.type == "RuntimeError") { return {"budget": true}; }
        if (e.type == "ValueError" && e.message.find("as Python does") >= 0) { return {"unsupported": e.message}; }
        return {"crash": e.type + ": " + e.message};
    }
    return r;
}

for (c in CASES) {
    print(json.stringify(run(c)));
}
"#;

const PY_PROGRAM: &str = r#"
import re, json, sys

def spans(m):
    if m is None: return None
    return [None if m.span(g) == (-1, -1) else list(m.span(g)) for g in range(m.re.groups + 1)]

def run(c):
    r = {}
    try:
        p = re.compile(c[0], c[1])
    except (re.error, OverflowError, RecursionError):
        return {"invalid": True}
    text = c[2]
    m = p.search(text)
    r["search"] = spans(m)
    r["last"] = None if m is None else m.lastgroup
    r["match"] = spans(p.match(text))
    r["fullmatch"] = spans(p.fullmatch(text))
    r["findall"] = [list(x) if isinstance(x, tuple) else x for x in p.findall(text)]
    r["split"] = p.split(text)
    r["window"] = spans(p.search(text, max(c[4], 0), max(c[5], 0)))
    r["windowall"] = [list(x) if isinstance(x, tuple) else x for x in p.findall(text, max(c[4], 0), max(c[5], 0))]
    try:
        r["sub"] = p.sub(c[3], text)
    except IndexError:
        r["sub"] = "error IndexError"
    except re.error as e:
        # A group that does not exist is an IndexError in ML (spec §9.2), whatever the
        # template says; Python raises re.error for a missing group number.
        r["sub"] = "error IndexError" if str(e).startswith("invalid group reference") else "error ValueError"
    return r

for c in CASES:
    print(json.dumps(run(c)))
"#;

fn mlpy() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mlpy"))
}

/// Outcome counts of a batch.
#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    valid: usize,
    budget: usize,
    unsupported: usize,
    unsupported_examples: Vec<String>,
    mismatches: Vec<String>,
}

fn run_batch(seed: u64, n: usize, dir: &std::path::Path, tally: &mut Tally) {
    let mut rng = Rng(seed);
    let cases: Vec<Case> = (0..n).map(|_| gen_case(&mut rng)).collect();
    let mut ml = String::from("CASES = [\n");
    let mut py = String::from("CASES = [\n");
    for c in &cases {
        // Python clamps a negative pos to 0; ML takes the same values.
        let _ = writeln!(
            ml,
            "[{}, {}, {}, {}, {}, {}],",
            ml_literal(&c.pattern),
            c.flags,
            ml_literal(&c.text),
            ml_literal(&c.repl),
            c.pos,
            c.endpos
        );
        let _ = writeln!(
            py,
            "[{}, {}, {}, {}, {}, {}],",
            py_literal(&c.pattern),
            c.flags,
            py_literal(&c.text),
            py_literal(&c.repl),
            c.pos,
            c.endpos
        );
    }
    ml.truncate(ml.len() - 2);
    ml.push_str("\n];\n");
    py.push_str("]\n");
    ml.push_str(ML_PROGRAM);
    py.push_str(PY_PROGRAM);
    let ml_file = dir.join(format!("oracle_{seed}.ml"));
    let py_file = dir.join(format!("oracle_{seed}.py"));
    std::fs::write(&ml_file, ml).expect("write the ML program");
    std::fs::write(&py_file, py).expect("write the Python program");
    let ml_out = Command::new(mlpy()).arg("run").arg(&ml_file).output().expect("run mlpy");
    let py_out = Command::new("python3").arg("-S").arg(&py_file).output().expect("run python3");
    assert!(
        py_out.status.success(),
        "python3 failed on seed {seed}: {}",
        String::from_utf8_lossy(&py_out.stderr)
    );
    assert!(
        ml_out.status.success(),
        "mlpy failed on seed {seed} ({}): {}",
        ml_file.display(),
        String::from_utf8_lossy(&ml_out.stderr)
    );
    let ml_lines: Vec<&str> = std::str::from_utf8(&ml_out.stdout).expect("utf-8").lines().collect();
    let py_lines: Vec<&str> = std::str::from_utf8(&py_out.stdout).expect("utf-8").lines().collect();
    assert_eq!(ml_lines.len(), cases.len(), "mlpy printed a line per case (seed {seed})");
    assert_eq!(py_lines.len(), cases.len(), "python printed a line per case (seed {seed})");
    for (i, c) in cases.iter().enumerate() {
        tally.cases += 1;
        let ours: serde_json::Value = serde_json::from_str(ml_lines[i]).expect("mlpy JSON");
        let theirs: serde_json::Value = serde_json::from_str(py_lines[i]).expect("python JSON");
        if ours.get("budget").is_some() {
            tally.budget += 1;
            continue;
        }
        if let Some(why) = ours.get("unsupported") {
            // Refused on purpose (a construct the engine would match differently), or
            // by the engine: either way a clear ValueError, never a different result.
            tally.unsupported += 1;
            if theirs.get("invalid").is_none() && tally.unsupported_examples.len() < 5 {
                tally.unsupported_examples.push(format!("{:?}: {why}", c.pattern));
            }
            continue;
        }
        if theirs.get("invalid").is_none() {
            tally.valid += 1;
        }
        if ours != theirs {
            tally.mismatches.push(format!(
                "seed {seed} case {i}: pattern {:?} flags {} text {:?} repl {:?} pos {} endpos {}\n  mlpy:   {ours}\n  python: {theirs}",
                c.pattern, c.flags, c.text, c.repl, c.pos, c.endpos
            ));
        }
    }
    let _ = std::fs::remove_file(ml_file);
    let _ = std::fs::remove_file(py_file);
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn regex_agrees_with_cpython_re() {
    let dir = std::env::temp_dir().join(format!("mlpy_regex_oracle_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let first_seed = env_num("MLPY_REGEX_ORACLE_SEED", 20261207);
    let batch = env_num("MLPY_REGEX_ORACLE_CASES", 400) as usize;
    let seconds = env_num("MLPY_REGEX_ORACLE_SECONDS", 0);
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut seed = first_seed;
    loop {
        run_batch(seed, batch, &dir, &mut tally);
        seed += 1;
        if started.elapsed() >= Duration::from_secs(seconds) || tally.mismatches.len() > 50 {
            break;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "regex oracle: {} cases ({} valid patterns, {} stopped by the budget, {} refused as unsupported) over seeds {first_seed}..{}, {} mismatches, {:.1}s",
        tally.cases,
        tally.valid,
        tally.budget,
        tally.unsupported,
        seed - 1,
        tally.mismatches.len(),
        started.elapsed().as_secs_f64()
    );
    for u in &tally.unsupported_examples {
        println!("refused: {u}");
    }
    for m in tally.mismatches.iter().take(30) {
        println!("{m}");
    }
    assert!(
        tally.mismatches.is_empty(),
        "{} mismatches with CPython (see above)",
        tally.mismatches.len()
    );
}
