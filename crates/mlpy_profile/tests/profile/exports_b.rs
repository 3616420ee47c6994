//! The speedscope, Chrome trace and HTML exports: byte-for-byte snapshots of the scripted
//! profiles (`tests/golden/*.speedscope.json`, `*.trace.json`, `*.html`), the trace's
//! structure checked in Rust, and each file opened by a real reader: speedscope's own
//! schema (from the `speedscope` npm package) with ajv, and the HTML page in headless
//! Chromium driven by playwright-core. The readers come from `tests/npm` (`npm ci` there,
//! or `MLPY_NPM_DIR` naming another directory with those packages installed).

use std::path::{Path, PathBuf};
use std::process::Command;

use mlpy_profile::{
    Category, ExportFormat, ExportOptions, FakeClock, Profile, Recorder, Timeline, TimelineEvent,
};
use serde_json::Value;

use crate::golden::check;
use crate::reader_missing;
use crate::scenario::{self, ml, native, Run};

fn export(p: &Profile, format: ExportFormat) -> String {
    let bytes = p.export(format, &ExportOptions::default());
    let text = String::from_utf8(bytes).expect("the export is UTF-8");
    // The exporter's version would change every golden file at each release.
    text.replace(concat!("mlpy ", env!("CARGO_PKG_VERSION")), "mlpy VERSION")
}

/// `fib.ml`: `<module>` → `main` → `fib(2)` (→ `fib(1)`, `fib(0)`), then `len`.
fn small_run() -> Profile {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(1_000)), true));
    run.rec.phase("parsing", Category::Parsing, 20_000, 1_024);
    let module = run.rec.register(ml("<module>", "fib.ml", 1));
    let main = run.rec.register(ml("main", "fib.ml", 8));
    let fib = run.rec.register(ml("fib", "fib.ml", 2));
    let len = run.rec.register(native("len", Category::StandardLibrary));
    run.enter(module);
    run.enter(main);
    run.fib(fib, 2);
    run.enter(len);
    run.exit();
    run.exit();
    run.exit();
    run.rec.set_peak_memory(4_096);
    run.rec.finish("fib.ml")
}

/// The timeline of `small_run`, by hand: times as they passed, the heap growing as fib
/// allocates.
fn small_timeline() -> Vec<TimelineEvent> {
    let (module, main, fib, len) = (0, 1, 2, 3);
    let p = small_run();
    for (idx, name) in [(module, "<module>"), (main, "main"), (fib, "fib"), (len, "len")] {
        assert_eq!(p.find_function(name), Some(idx + 1), "functions after the phase");
    }
    let ev = |ts_ns, enter: Option<u32>, heap_bytes| TimelineEvent {
        ts_ns,
        enter: enter.map(|f| f + 1),
        heap_bytes,
    };
    vec![
        ev(0, Some(module), 1_000),
        ev(1_000, Some(main), 1_000),
        ev(2_000, Some(fib), 1_064),
        ev(3_000, Some(fib), 1_064),
        ev(4_500, None, 1_064),
        ev(5_000, Some(fib), 1_096),
        ev(6_250, None, 1_096),
        ev(7_000, None, 1_128),
        ev(8_000, Some(len), 1_128),
        ev(8_100, None, 1_128),
        ev(9_000, None, 1_000),
        ev(10_000, None, 1_000),
    ]
}

fn with_full_timeline() -> Profile {
    small_run().with_timeline(Timeline { events: small_timeline(), cap: 100, dropped: 0 })
}

/// The timeline cut after 6 events: `<module>`, `main` and two `fib`s are still open.
fn with_truncated_timeline() -> Profile {
    let mut events = small_timeline();
    events.truncate(6);
    small_run().with_timeline(Timeline { events, cap: 6, dropped: 6 })
}

// ---- snapshots ----

#[test]
fn speedscope_snapshots() {
    check(
        "two_files.speedscope.json",
        &export(&scenario::two_files(true), ExportFormat::Speedscope),
    );
    check(
        "no_memory.speedscope.json",
        &export(&scenario::two_files(false), ExportFormat::Speedscope),
    );
    check("no_ml_code.speedscope.json", &export(&scenario::no_ml_code(), ExportFormat::Speedscope));
}

#[test]
fn trace_snapshots() {
    check("two_files.trace.json", &export(&scenario::two_files(true), ExportFormat::Trace));
    check("no_ml_code.trace.json", &export(&scenario::no_ml_code(), ExportFormat::Trace));
    check("timeline.trace.json", &export(&with_full_timeline(), ExportFormat::Trace));
    check(
        "timeline_truncated.trace.json",
        &export(&with_truncated_timeline(), ExportFormat::Trace),
    );
}

#[test]
fn html_snapshots() {
    check("two_files.html", &export(&scenario::two_files(true), ExportFormat::Html));
    check("no_memory.html", &export(&scenario::two_files(false), ExportFormat::Html));
}

// ---- speedscope: content ----

#[test]
fn speedscope_weights_are_the_tree_self_times_and_bytes() {
    let p = scenario::two_files(true);
    let file: Value = serde_json::from_str(&export(&p, ExportFormat::Speedscope)).unwrap();
    let frames = file["shared"]["frames"].as_array().unwrap();
    assert_eq!(frames.len(), p.functions().len());
    assert_eq!(frames[8]["name"], "fib");
    assert_eq!(frames[8]["file"], "examples/main.ml");
    assert_eq!(frames[8]["line"], 3);
    assert_eq!(file["name"], "examples/main.ml");
    let profiles = file["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2, "time and memory");
    for (profile, unit, total) in [
        (&profiles[0], "nanoseconds", p.total_ns()),
        (&profiles[1], "bytes", p.cct().iter().map(|n| n.alloc_bytes).sum()),
    ] {
        assert_eq!(profile["type"], "sampled");
        assert_eq!(profile["unit"], unit);
        let weights: Vec<u64> =
            profile["weights"].as_array().unwrap().iter().map(|w| w.as_u64().unwrap()).collect();
        assert_eq!(weights.iter().sum::<u64>(), total, "{unit}");
        assert_eq!(profile["endValue"].as_u64(), Some(total));
        let samples = profile["samples"].as_array().unwrap();
        assert_eq!(samples.len(), weights.len());
    }
    // The deepest fib path: <module> → main → fib × 15 … and its self time.
    let samples = profiles[0]["samples"].as_array().unwrap();
    let weights = profiles[0]["weights"].as_array().unwrap();
    let deepest = samples.iter().map(|s| s.as_array().unwrap().len()).max().unwrap();
    assert_eq!(deepest, 2 + 15, "<module>, main and fib(15) down to fib(1)");
    for (stack, weight) in samples.iter().zip(weights) {
        let stack: Vec<u64> =
            stack.as_array().unwrap().iter().map(|f| f.as_u64().unwrap()).collect();
        let node = p
            .cct()
            .iter()
            .position(|n| {
                let mut path = vec![u64::from(n.function)];
                let mut up = n.parent;
                while let Some(q) = up {
                    path.push(u64::from(p.cct()[q as usize].function));
                    up = p.cct()[q as usize].parent;
                }
                path.reverse();
                path == stack
            })
            .expect("every stack is a path of the tree");
        assert_eq!(weight.as_u64(), Some(p.cct()[node].self_ns));
    }
    let no_memory: Value =
        serde_json::from_str(&export(&scenario::two_files(false), ExportFormat::Speedscope))
            .unwrap();
    assert_eq!(no_memory["profiles"].as_array().unwrap().len(), 1, "no bytes profile");
}

// ---- trace: structure ----

/// A complete event: (name, ts, dur) in nanoseconds.
type Span = (String, u64, u64);

/// Microseconds with up to three decimals, as nanoseconds.
fn ns(v: &Value) -> u64 {
    let us = v.as_f64().expect("a number");
    assert!(us >= 0.0, "non-negative time {us}");
    (us * 1_000.0).round() as u64
}

/// Checks that the trace's complete events nest on every thread and that counters are
/// non-negative; returns the complete events per thread id, in file order.
fn check_trace(text: &str) -> std::collections::BTreeMap<u64, Vec<Span>> {
    let trace: Value = serde_json::from_str(text).expect("the trace is JSON");
    assert_eq!(trace["displayTimeUnit"], "ns");
    assert!(trace["otherData"].is_object());
    let mut threads: std::collections::BTreeMap<u64, Vec<Span>> = Default::default();
    for event in trace["traceEvents"].as_array().expect("traceEvents") {
        let ph = event["ph"].as_str().expect("ph");
        assert_eq!(event["pid"], 1);
        match ph {
            "X" => {
                let tid = event["tid"].as_u64().expect("tid");
                let name = event["name"].as_str().expect("name").to_owned();
                threads.entry(tid).or_default().push((name, ns(&event["ts"]), ns(&event["dur"])));
            }
            "C" => {
                ns(&event["ts"]);
                for (key, value) in event["args"].as_object().expect("counter args") {
                    assert!(value.as_f64().is_some_and(|v| v >= 0.0), "counter {key} = {value}");
                }
            }
            "M" | "i" => {}
            other => panic!("unexpected event type {other}"),
        }
    }
    for (tid, spans) in &threads {
        let mut sorted = spans.clone();
        sorted.sort_by_key(|s| (s.1, std::cmp::Reverse(s.2)));
        let mut open: Vec<&Span> = Vec::new();
        for span in &sorted {
            // A span starting at or after the top's end is not inside it (a zero-length
            // span at the very end is).
            while open.last().is_some_and(|top| {
                let end = top.1 + top.2;
                span.1 > end || (span.1 == end && span.2 > 0)
            }) {
                open.pop();
            }
            if let Some(top) = open.last() {
                assert!(
                    span.1 + span.2 <= top.1 + top.2,
                    "thread {tid}: {span:?} overlaps {top:?} without nesting"
                );
            }
            open.push(span);
        }
    }
    threads
}

#[test]
fn trace_events_nest_and_follow_the_tree() {
    let p = scenario::two_files(true);
    let threads = check_trace(&export(&p, ExportFormat::Trace));
    let phases = &threads[&1];
    assert_eq!(phases.len(), p.phases().len());
    let mut at = 0;
    for (span, phase) in phases.iter().zip(p.phases()) {
        assert_eq!((span.0.as_str(), span.1, span.2), (phase.name.as_str(), at, phase.ns));
        at += phase.ns;
    }
    let execution = phases.iter().find(|s| s.0 == "execution").unwrap();
    let calls = &threads[&2];
    assert_eq!(calls.len(), p.cct().iter().filter(|n| n.parent.is_some()).count() + 2);
    // The top-level calls fill the execution phase exactly.
    let top: Vec<&Span> = calls.iter().filter(|s| s.0 == "<module>").collect();
    assert_eq!(top[0].1, execution.1);
    assert_eq!(top.iter().map(|s| s.2).sum::<u64>(), execution.2);
    // Each call path's duration is its total time.
    let fib_total: u64 = calls.iter().filter(|s| s.0 == "fib").map(|s| s.2).max().unwrap();
    assert_eq!(fib_total, p.function(p.find_function("fib").unwrap()).total_ns);
    let trace: Value = serde_json::from_str(&export(&p, ExportFormat::Trace)).unwrap();
    assert!(trace["otherData"]["calls"].as_str().unwrap().contains("--timeline"));
    assert!(!export(&p, ExportFormat::Trace).contains("\"ph\":\"C\""), "no invented heap track");
}

#[test]
fn trace_from_a_timeline_has_the_real_calls_and_the_heap() {
    let p = with_full_timeline();
    let text = export(&p, ExportFormat::Trace);
    let threads = check_trace(&text);
    let exec_start = 20_000; // after the parsing phase
    let calls: Vec<(&str, u64, u64)> =
        threads[&2].iter().map(|s| (s.0.as_str(), s.1 - exec_start, s.2)).collect();
    assert_eq!(
        calls,
        [
            ("<module>", 0, 10_000),
            ("main", 1_000, 8_000),
            ("fib", 2_000, 5_000),
            ("fib", 3_000, 1_500),
            ("fib", 5_000, 1_250),
            ("len", 8_000, 100),
        ]
    );
    let trace: Value = serde_json::from_str(&text).unwrap();
    let heap: Vec<(u64, u64)> = trace["traceEvents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["ph"] == "C")
        .map(|e| (ns(&e["ts"]) - exec_start, e["args"]["live bytes"].as_u64().unwrap()))
        .collect();
    assert_eq!(heap, [(0, 1_000), (2_000, 1_064), (5_000, 1_096), (7_000, 1_128), (9_000, 1_000)]);
    assert!(trace["otherData"].get("timeline").is_none(), "nothing dropped, nothing left open");
}

#[test]
fn a_truncated_timeline_closes_open_calls_and_says_so() {
    let text = export(&with_truncated_timeline(), ExportFormat::Trace);
    let threads = check_trace(&text);
    let calls: Vec<(&str, u64, u64)> =
        threads[&2].iter().map(|s| (s.0.as_str(), s.1 - 20_000, s.2)).collect();
    assert_eq!(
        calls,
        [
            ("<module>", 0, 5_000),
            ("main", 1_000, 4_000),
            ("fib", 2_000, 3_000),
            ("fib", 3_000, 1_500),
            ("fib", 5_000, 0)
        ]
    );
    let trace: Value = serde_json::from_str(&text).unwrap();
    let note = trace["otherData"]["timeline"].as_str().unwrap();
    assert!(note.contains("at most 6 events") && note.contains("6 later events"), "{note}");
    let instant = trace["traceEvents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ph"] == "i")
        .expect("an instant event marks the cap");
    assert_eq!(instant["name"], "timeline cap reached");
    assert_eq!(ns(&instant["ts"]), 25_000);
}

// ---- the outside readers ----

/// The directory whose `node_modules` holds the readers.
fn npm_dir() -> PathBuf {
    match std::env::var_os("MLPY_NPM_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("npm"),
    }
}

/// The npm directory when node and `packages` are there, or says which is missing.
fn readers(packages: &[&str]) -> Option<PathBuf> {
    if Command::new("node").arg("--version").output().is_err() {
        reader_missing("node", "install Debian's nodejs");
        return None;
    }
    let dir = npm_dir();
    for package in packages {
        if !dir.join("node_modules").join(package).join("package.json").is_file() {
            reader_missing(
                &format!("the npm package {package}"),
                &format!("run `npm ci` in {}", dir.display()),
            );
            return None;
        }
    }
    Some(dir)
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mlpy-exports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// Removes a test's directory, or keeps it (and says where) under `MLPY_KEEP_EXPORTS=1`,
/// to look at the files and screenshots.
fn done(dir: &Path) {
    if std::env::var_os("MLPY_KEEP_EXPORTS").is_some_and(|v| v == "1") {
        eprintln!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Runs `node SCRIPT ARGS` in the npm directory; panics with its output on failure.
fn node(dir: &Path, script: &str, args: &[&Path], extra: &[&str]) -> String {
    let out = Command::new("node")
        .arg(dir.join(script))
        .args(args)
        .args(extra)
        .current_dir(dir)
        .output()
        .expect("node runs");
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{script} failed:\n{text}");
    text
}

#[test]
fn speedscope_files_validate_against_speedscope_schema() {
    let Some(dir) = readers(&["speedscope", "ajv"]) else { return };
    let tmp = scratch("speedscope");
    let mut files = Vec::new();
    for (name, p) in [
        ("two_files", scenario::two_files(true)),
        ("no_memory", scenario::two_files(false)),
        ("no_ml_code", scenario::no_ml_code()),
        ("hot_loop", scenario::hot_loop()),
    ] {
        let path = tmp.join(format!("{name}.speedscope.json"));
        std::fs::write(&path, p.export(ExportFormat::Speedscope, &ExportOptions::default()))
            .unwrap();
        files.push(path);
    }
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let out = node(&dir, "validate-speedscope.mjs", &refs, &[]);
    assert_eq!(out.matches("valid: ").count(), files.len(), "{out}");
    done(&tmp);
}

/// Beyond the schema: speedscope itself (the app its npm package ships) imports the files
/// and lists their profiles.
#[test]
fn speedscope_files_open_in_speedscope() {
    if !have_chromium() {
        return;
    }
    let Some(dir) = readers(&["speedscope", "playwright-core"]) else { return };
    let tmp = scratch("speedscope-app");
    for (name, p, profiles) in [
        (
            "two_files",
            scenario::two_files(true),
            vec!["examples/main.ml: self time", "examples/main.ml: allocated bytes"],
        ),
        ("no_memory", scenario::two_files(false), vec!["examples/main.ml: self time"]),
    ] {
        let file = tmp.join(format!("{name}.speedscope.json"));
        let png = tmp.join(format!("{name}.png"));
        std::fs::write(&file, p.export(ExportFormat::Speedscope, &ExportOptions::default()))
            .unwrap();
        let out = node(&dir, "open-speedscope.mjs", &[&file, &png], &profiles);
        eprintln!("{name}.speedscope.json in speedscope:\n{out}");
        assert!(!out.contains("FAILED"), "{out}");
    }
    done(&tmp);
}

/// Whether Debian's chromium (or `MLPY_CHROMIUM`, which the node scripts also read) is
/// there; says so when it is missing.
fn have_chromium() -> bool {
    let path = std::env::var_os("MLPY_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !path.is_file() {
        reader_missing("chromium", &format!("{} does not exist", path.display()));
        return false;
    }
    true
}

/// A profile whose function names are markup, to show they stay text.
fn hostile_names() -> Profile {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(1_000)), true));
    let module = run.rec.register(ml("<module>", "evil.ml", 1));
    let script = run.rec.register(ml(
        "</script><script>fetch('http://example.com/x')</script>",
        "evil.ml",
        2,
    ));
    let img = run.rec.register(ml(
        "<img src=\"x.png\" onerror=\"location='http://example.com/'\">",
        "evil.ml",
        3,
    ));
    let comment = run.rec.register(ml("<!--<script>", "evil.ml", 4));
    run.enter(module);
    for func in [script, img, comment] {
        run.enter(func);
        run.work(3);
        run.exit();
    }
    run.exit();
    run.rec.finish("evil.ml")
}

#[test]
fn the_html_page_opens_in_chromium_and_fetches_nothing() {
    if !have_chromium() {
        return;
    }
    let Some(dir) = readers(&["playwright-core"]) else { return };
    let tmp = scratch("html");
    for (name, p, names) in [
        (
            "two_files",
            scenario::two_files(true),
            vec!["fib", "main", "process", "len", "<lambda:31>"],
        ),
        ("no_memory", scenario::two_files(false), vec!["fib", "array.sort"]),
        ("no_ml_code", scenario::no_ml_code(), vec!["parsing", "startup"]),
        (
            "hostile",
            hostile_names(),
            vec![
                "</script><script>fetch('http://example.com/x')</script>",
                "<img src=\"x.png\" onerror=\"location='http://example.com/'\">",
                "<!--<script>",
            ],
        ),
    ] {
        let html = tmp.join(format!("{name}.html"));
        let png = tmp.join(format!("{name}.png"));
        std::fs::write(&html, p.export(ExportFormat::Html, &ExportOptions::default())).unwrap();
        let out = node(&dir, "open-html.mjs", &[&html, &png], &names);
        eprintln!("{name}.html in chromium:\n{out}");
        assert!(!out.contains("FAILED"), "{out}");
        let shot = std::fs::read(&png).expect("the screenshot was written");
        assert!(shot.starts_with(b"\x89PNG\r\n\x1a\n") && shot.len() > 10_000, "{name}: a PNG");
    }
    done(&tmp);
}

/// The Chromium check is not vacuous: a page that loads an image (or anything else) fails it.
#[test]
fn the_chromium_check_catches_a_page_that_fetches() {
    if !have_chromium() {
        return;
    }
    let Some(dir) = readers(&["playwright-core"]) else { return };
    let tmp = scratch("fetching");
    let html = tmp.join("fetching.html");
    let page = "<!DOCTYPE html><title>mlpy profile: x</title><img src=\"pixel.png\">\
                <img src=\"http://192.0.2.1/remote.png\">";
    std::fs::write(&html, page).unwrap();
    let out = Command::new("node")
        .arg(dir.join("open-html.mjs"))
        .args([&html, &tmp.join("fetching.png")])
        .current_dir(&dir)
        .output()
        .expect("node runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("FAILED: the page requested nothing but its own file"), "{text}");
    assert!(text.contains("pixel.png") && text.contains("192.0.2.1"), "{text}");
    done(&tmp);
}

#[test]
fn html_embeds_names_as_inert_json() {
    let html = export(&hostile_names(), ExportFormat::Html);
    let (_, data) =
        html.split_once("<script type=\"application/json\" id=\"profile-data\">").unwrap();
    let (data, _) = data.split_once("</script>").unwrap();
    assert!(!data.contains('<'), "no `<` inside the data");
    let value: Value = serde_json::from_str(data).expect("the data is JSON");
    let names = value["functions"]["name"].as_array().unwrap();
    assert!(names.iter().any(|n| n == "</script><script>fetch('http://example.com/x')</script>"));
    // Outside the data, the page is ours: no markup from strings, no fetching.
    let page = html.replace(data, "");
    for banned in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "fetch(",
        "XMLHttpRequest",
        "http://",
        "https://",
        "url(",
        "@import",
        " src=",
        " href=\"http",
    ] {
        assert!(!page.contains(banned), "the page contains {banned}");
    }
}
