//! Hostile inputs to the exports: a program and files whose names hold every character
//! that means something in one of the formats (`;`, `%`, newlines, control characters,
//! quotes, `</script>`, `-->`, `]]>`, non-ASCII), in every text format, each checked with
//! its own rules (XML well-formedness, collapsed-stack lines, JSON, an inert HTML page).

use std::process::Command;

use mlpy_profile::{
    Category, ExportFormat, ExportOptions, FakeClock, FlameWeight, Profile, Recorder, ReportKind,
};

use crate::scenario::{ml, native, Run};

/// Every character a format could stumble on, in a directory and a file name.
const HOSTILE: &str = "d i<r>&'\";%\n</script><img src=x onerror=alert(1)>-->]]>\u{e9}\
                       /ma;in%0A\"x'-->]]>$\u{e9}\t\u{1}\u{7f}\u{85}.ml";

fn hostile_run() -> Profile {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(1_000)), true));
    run.rec.phase("parsing", Category::Parsing, 20_000, 1_024);
    let module = run.rec.register(ml("<module>", HOSTILE, 1));
    let f = run.rec.register(ml("f\u{1}</script>", HOSTILE, 2));
    let lambda = run.rec.register(ml("<lambda>", HOSTILE, 3));
    let len = run.rec.register(native("len", Category::StandardLibrary));
    run.enter(module);
    run.enter(f);
    run.allocate(2, 64);
    run.enter(lambda);
    run.allocate(1, 32);
    run.exit();
    run.enter(len);
    run.exit();
    run.exit();
    run.exit();
    run.rec.set_peak_memory(4_096);
    run.rec.finish(HOSTILE)
}

fn export(p: &Profile, format: ExportFormat, flame: FlameWeight) -> String {
    let options = ExportOptions { flame, ..ExportOptions::default() };
    String::from_utf8(p.export(format, &options)).expect("the export is UTF-8")
}

#[test]
fn svg_with_a_hostile_program_name_is_well_formed_xml() {
    let p = hostile_run();
    for flame in [FlameWeight::Time, FlameWeight::Memory] {
        let svg = export(&p, ExportFormat::Svg, flame);
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        if let Err(e) = roxmltree::Document::parse_with_options(&svg, options) {
            panic!("{flame:?}: the SVG is not well-formed XML: {e}");
        }
        assert!(svg.contains("onerror=alert(1)&gt;"), "the title is escaped, not dropped");
    }
    // With nothing to draw, the small SVG is well-formed too.
    let empty = Recorder::new(Box::new(FakeClock::new(0)), false).finish(HOSTILE);
    let svg = export(&empty, ExportFormat::Svg, FlameWeight::Memory);
    roxmltree::Document::parse(&svg).expect("the empty SVG is well-formed XML");
}

#[test]
fn collapsed_stacks_stay_one_line_per_stack() {
    let p = hostile_run();
    for flame in [FlameWeight::Time, FlameWeight::Memory] {
        let folded = export(&p, ExportFormat::Folded, flame);
        let mut lines = 0;
        for line in folded.lines() {
            let (stack, weight) = line.rsplit_once(' ').expect("`STACK WEIGHT`");
            assert!(weight.parse::<u64>().is_ok_and(|w| w > 0), "{line:?}");
            assert!(!stack.contains(|c: char| c.is_control()), "{line:?}");
            // `<module>`, `f`, `<lambda>`: at most three frames, as recorded.
            assert!(stack.split(';').count() <= 3, "a `;` of a name split a frame: {line:?}");
            lines += 1;
        }
        assert!(lines >= 2, "{flame:?}: {folded}");
    }
}

#[test]
fn json_exports_parse_and_the_html_stays_inert() {
    let p = hostile_run();
    for format in [ExportFormat::Json, ExportFormat::Speedscope, ExportFormat::Trace] {
        let text = export(&p, format, FlameWeight::Time);
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert!(text.contains("onerror") && v.is_object(), "{format}");
    }
    let html = export(&p, ExportFormat::Html, FlameWeight::Time);
    let lower = html.to_ascii_lowercase();
    // The page's own elements only: one script of data, one of code, one style.
    assert_eq!(lower.matches("</script").count(), 2, "a name closed a script element");
    assert_eq!(lower.matches("<img").count(), 0, "a name became markup");
    assert_eq!(lower.matches("<!--").count(), 0, "a name opened a comment in a script");
}

/// A recursion 10,000 calls deep: as `sampled` stacks its speedscope file would hold 50
/// million frames (some 300 MB); it is written `evented`, two events a node, nested
/// exactly, and ends at the total time.
#[test]
fn a_deep_recursion_gives_a_linear_speedscope_file() {
    const DEPTH: usize = 10_000;
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(100)), true));
    let module = run.rec.register(ml("<module>", "deep.ml", 1));
    let r = run.rec.register(ml("r", "deep.ml", 1));
    run.enter(module);
    for _ in 0..DEPTH {
        run.enter(r);
        run.allocate(1, 16);
    }
    for _ in 0..=DEPTH {
        run.exit();
    }
    let p = run.rec.finish("deep.ml");
    assert!(p.cct().len() > DEPTH);
    let text = export(&p, ExportFormat::Speedscope, FlameWeight::Time);
    assert!(text.len() < 2_000_000, "{} bytes for {} nodes", text.len(), p.cct().len());
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let profiles = file["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2, "time and bytes");
    let totals = [p.total_ns(), p.cct().iter().map(|n| n.alloc_bytes).sum()];
    for (profile, total) in profiles.iter().zip(totals) {
        assert_eq!(profile["type"], "evented");
        assert_eq!(profile["endValue"].as_u64(), Some(total));
        let mut open: Vec<u64> = Vec::new();
        let (mut last, mut deepest) = (0, 0);
        for e in profile["events"].as_array().unwrap() {
            let (frame, at) = (e["frame"].as_u64().unwrap(), e["at"].as_u64().unwrap());
            assert!(at >= last, "events in order");
            last = at;
            match e["type"].as_str().unwrap() {
                "O" => open.push(frame),
                "C" => assert_eq!(open.pop(), Some(frame), "closes the innermost open frame"),
                other => panic!("event type {other}"),
            }
            deepest = deepest.max(open.len());
        }
        assert!(open.is_empty());
        assert_eq!(last, total, "the last close is at the end");
        assert!(deepest > DEPTH, "the whole recursion is drawn ({deepest})");
    }
}

/// `<module>` → `r` called `depth` deep, each `r` allocating 16 bytes.
fn recursion(depth: usize) -> Profile {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(700)), true));
    let module = run.rec.register(ml("<module>", "deep.ml", 1));
    let r = run.rec.register(ml("r", "deep.ml", 1));
    run.enter(module);
    for _ in 0..depth {
        run.enter(r);
        run.allocate(1, 16);
    }
    for _ in 0..=depth {
        run.exit();
    }
    run.rec.finish("deep.ml")
}

/// A recursion 5,000 calls deep: as whole stacks its collapsed stacks would repeat some
/// 12 million frames (and 100,000 deep, 70 GB: the export ran out of memory). Stacks are
/// cut at 1,024 frames, the calls below becoming one `<deeper calls>` frame that keeps
/// their weight, so the lines still add up.
#[test]
fn collapsed_stacks_of_a_deep_recursion_are_cut_and_keep_their_weight() {
    let p = recursion(5_000);
    let total_bytes: u64 = p.cct().iter().map(|n| n.alloc_bytes).sum();
    for (flame, total) in
        [(FlameWeight::Time, p.total_ns().div_ceil(1000)), (FlameWeight::Memory, total_bytes)]
    {
        let folded = export(&p, ExportFormat::Folded, flame);
        assert!(folded.len() < 20_000_000, "{flame:?}: {} bytes", folded.len());
        let (mut sum, mut deepest, mut cut) = (0, 0, 0);
        for line in folded.lines() {
            let (stack, weight) = line.rsplit_once(' ').unwrap();
            sum += weight.parse::<u64>().unwrap();
            let frames: Vec<&str> = stack.split(';').collect();
            deepest = deepest.max(frames.len());
            if frames.last() == Some(&"<deeper calls>") {
                cut += 1;
                assert_eq!(frames.len(), 1_025, "1,024 frames, then the cut");
            }
        }
        assert_eq!(cut, 1, "{flame:?}: the calls below the cut are one line");
        assert_eq!(deepest, 1_025);
        assert!(sum.abs_diff(total) <= 1, "{flame:?}: {sum} of {total}");
        if flame == FlameWeight::Time {
            let svg = export(&p, ExportFormat::Svg, flame);
            let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
            roxmltree::Document::parse_with_options(&svg, options).expect("well-formed SVG");
        }
    }
}

/// The pprof export cuts its stacks at the same depth: one sample for everything below,
/// on a `<deeper calls>` location, which `go tool pprof` names.
#[test]
fn pprof_of_a_deep_recursion_is_cut_and_named() {
    let p = recursion(5_000);
    let gz = p.export(ExportFormat::Pprof, &ExportOptions::default());
    assert!(gz.len() < 200_000, "{} bytes", gz.len());
    let dir = std::env::temp_dir().join(format!("mlpy-hostile-pprof-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("deep.pb.gz");
    std::fs::write(&path, &gz).unwrap();
    let output = Command::new("go")
        .args(["tool", "pprof", "-top", "-sample_index=calls"])
        .arg(&path)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let output = match output {
        Ok(o) => o,
        Err(e) => return crate::reader_missing("go (Debian's golang-go)", &e.to_string()),
    };
    let top = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // 5,000 calls of r plus <module>: 1,023 r above the cut, 3,977 below it.
    assert!(top.contains("Total samples = 5001"), "{top}");
    let deeper = top.lines().find(|l| l.ends_with(" <deeper calls>")).expect("named");
    assert!(deeper.trim_start().starts_with("3977 "), "{deeper}");
}

/// The HTML page of a recursion 3,000 calls deep: its flame graph was a canvas 54,000
/// pixels high, past Chromium's limit, so nothing was drawn. Opened in headless Chromium
/// (`tests/npm/deep-flame.mjs`), the canvas fits and its top row is painted.
#[test]
fn the_html_flame_graph_of_a_deep_recursion_is_drawn() {
    let npm = match std::env::var_os("MLPY_NPM_DIR") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/npm"),
    };
    if Command::new("node").arg("--version").output().is_err() {
        return crate::reader_missing("node", "install Debian's nodejs");
    }
    if !npm.join("node_modules/playwright-core/package.json").is_file() {
        let why = format!("run `npm ci` in {}", npm.display());
        return crate::reader_missing("the npm package playwright-core", &why);
    }
    let dir = std::env::temp_dir().join(format!("mlpy-hostile-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("deep.html");
    std::fs::write(&page, export(&recursion(3_000), ExportFormat::Html, FlameWeight::Time))
        .unwrap();
    let out = Command::new("node")
        .arg(npm.join("deep-flame.mjs"))
        .arg(&page)
        .current_dir(&npm)
        .output()
        .expect("node runs");
    let _ = std::fs::remove_dir_all(&dir);
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "deep-flame.mjs failed:\n{text}");
}

/// 40,000 ML functions, each called once from the top level and calling `len`: the
/// summaries scanned every edge and node for each function (quadratic: 60,000 functions
/// took minutes for `ml-details`). They now take time in proportion to the profile; the
/// time is measured by `benches/export.rs` (every text report of a 100,000-node profile),
/// not here: this test checks what they say of so many functions.
#[test]
fn the_summaries_of_many_functions_name_them() {
    const FUNCTIONS: u32 = 40_000;
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(1_000)), true));
    let module = run.rec.register(ml("<module>", "many.ml", 1));
    let len = run.rec.register(native("len", Category::StandardLibrary));
    run.enter(module);
    for i in 0..FUNCTIONS {
        let f = run.rec.register(ml(&format!("f{i}"), "many.ml", i + 2));
        run.enter(f);
        run.enter(len);
        run.exit();
        run.exit();
    }
    run.exit();
    let p = run.rec.finish("many.ml");
    for report in [ReportKind::MlDetails, ReportKind::MlSummary, ReportKind::DevDetails] {
        let options = ExportOptions { reports: vec![report], ..ExportOptions::default() };
        let text = String::from_utf8(p.export(ExportFormat::Text, &options)).expect("text");
        assert!(text.contains("f0"), "{report:?}: {text}");
        if report == ReportKind::MlDetails {
            // Every function has its row.
            assert!(text.contains("f39999"), "{text}");
        }
    }
}
