//! End-to-end tests of `mlpy run --profile`: exact counts on real runs, reports on stderr
//! and in files, a failing program's profile, and usage errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn programs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profile_programs")
}

fn mlpy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .args(args)
        .current_dir(programs())
        .output()
        .expect("mlpy runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `program` with a JSON profile output and returns the parsed profile.
fn json_profile(program: &str, extra: &[&str]) -> (Output, Value) {
    let dir = std::env::temp_dir().join(format!("mlpy-profile-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.json", program.replace(['/', '.'], "_")));
    let path_s = path.to_str().unwrap();
    let mut args = vec!["run", program, "--profile", "--profile-output", path_s];
    args.extend_from_slice(extra);
    let out = mlpy(&args);
    let text = std::fs::read_to_string(&path).expect("the profile file is written");
    std::fs::remove_file(&path).unwrap();
    (out, serde_json::from_str(&text).expect("the profile is JSON"))
}

fn function<'a>(profile: &'a Value, name: &str) -> &'a Value {
    profile["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no function `{name}` in the profile"))
}

fn num(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

#[test]
fn a_saved_profile_renders_the_same_reports() {
    let dir = std::env::temp_dir().join(format!("mlpy-profile-show-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("p.json");
    let txt = dir.join("p.txt");
    let (j, t) = (json.to_str().unwrap(), txt.to_str().unwrap());
    let args = ["run", "fib25.ml", "--report", "raw", "--profile-output", j, "--profile-output", t];
    assert!(mlpy(&args).status.success());
    let shown = mlpy(&["profile", "show", j, "--report", "raw"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert_eq!(String::from_utf8_lossy(&shown.stdout), std::fs::read_to_string(&txt).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(mlpy(&["profile", "show", "fib25.ml"]).status.code(), Some(64));
}

#[test]
fn recursive_calls_are_exact() {
    let (out, profile) = json_profile("fib25.ml", &[]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "75025\n");
    assert_eq!(profile["schema"], "mlpy-profile/1");
    assert_eq!(profile["program"], "fib25.ml");
    let fib = function(&profile, "fib");
    assert_eq!(num(&fib["calls"]), 242_785);
    assert_eq!(num(&fib["primitive_calls"]), 1);
    assert_eq!(fib["kind"], "ml");
    assert_eq!(fib["file"], "fib25.ml");
    assert_eq!(num(&fib["line"]), 1);
    // Counted once per outermost activation: total never exceeds the run.
    assert!(num(&fib["total_ns"]) <= num(&profile["total_ns"]));
    assert_eq!(num(&function(&profile, "<module>")["calls"]), 1);
}

#[test]
fn natives_and_methods_carry_their_qualified_names() {
    let (out, profile) = json_profile("qualified_names.ml", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "str.split",
        "array.append",
        "str.upper",
        "math.sqrt",
        "len",
        "path.basename",
        "args.create_parser",
        "ArgParser.add_flag",
        "ArgParser.parse",
        "ParsedArgs.get_bool",
    ] {
        assert_eq!(num(&function(&profile, name)["calls"]), 1, "{name}");
    }
}

#[test]
fn loading_phases_are_measured() {
    // A miss of the bytecode cache (`--force-transpile`): every loading phase runs, and
    // so does the cache's (looking up and writing).
    let (_, profile) = json_profile("fib25.ml", &["--force-transpile"]);
    let phases = profile["phases"].as_array().expect("phases");
    let phase = |name: &str| {
        phases.iter().find(|p| p["name"] == name).unwrap_or_else(|| panic!("no phase {name}"))
    };
    // Each step of loading the program takes time and builds data (tree, scopes, code).
    for name in ["parsing", "security analysis", "compilation"] {
        assert!(num(&phase(name)["ns"]) > 0, "{name}: {profile}");
        assert!(num(&phase(name)["alloc_bytes"]) > 1000, "{name}: {profile}");
    }
    assert!(num(&phase("execution")["ns"]) > 0);
    assert!(num(&phase("cache")["ns"]) > 0);
}

#[test]
fn self_time_follows_the_work() {
    // CPU time, which other programs sharing the machine do not inflate (wall-clock
    // ratios ranged from 1.2 to 8.4 under contention); the median of five runs.
    let mut ratios: Vec<f64> = (0..5)
        .map(|_| {
            let (_, profile) = json_profile("work_split.ml", &["--clock", "cpu"]);
            let heavy = num(&function(&profile, "heavy")["self_ns"]) as f64;
            let light = num(&function(&profile, "light")["self_ns"]) as f64;
            heavy / light
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let ratio = ratios[2];
    assert!((2.2..4.0).contains(&ratio), "heavy/light self time is {ratios:?}, expected about 3");
}

#[test]
fn allocations_are_charged_to_the_allocating_function() {
    let (_, profile) = json_profile("allocations.ml", &[]);
    let build = num(&function(&profile, "build")["alloc_bytes"]);
    let read = num(&function(&profile, "read")["alloc_bytes"]);
    assert!(build > 50_000 * 40, "build allocated only {build} bytes");
    assert!(build > 100 * read.max(1), "build {build} bytes vs read {read} bytes");
    assert!(num(&function(&profile, "build")["alloc_count"]) >= 50_000);
    assert!(num(&profile["peak_memory_bytes"]) > 50_000 * 40);
    // `items` is still alive when the top level ends: its objects are `build`'s.
    let retained = num(&function(&profile, "build")["retained_bytes"]);
    assert!(retained > 50_000 * 40, "build retains only {retained} bytes");
    assert_eq!(num(&function(&profile, "read")["retained_bytes"]), 0);
    // Without memory tracking every memory figure is zero.
    let (_, profile) = json_profile("allocations.ml", &["--no-memory"]);
    assert_eq!(num(&function(&profile, "build")["alloc_bytes"]), 0);
}

#[test]
fn ml_details_groups_functions_by_file() {
    let out = mlpy(&["run", "two_files/main.ml", "--profile", "--report", "ml-details"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "171\n");
    let err = stderr(&out);
    assert!(err.starts_with("ML CODE DETAILED ANALYSIS"), "{err}");
    let main_at = err.find("| two_files/main.ml (").expect("a header for main.ml");
    let helpers_at = err.find("helpers.ml (").expect("a header for helpers.ml");
    let square_at = err.find("| square (line 1)").expect("square is listed");
    let main_fn_at = err.find("| main (line 2)").expect("main is listed");
    // Each function sits under its own file's header, whichever file comes first.
    let under = |header: usize, func: usize, other: usize| {
        header < func && (other < header || func < other)
    };
    assert!(under(main_at, main_fn_at, helpers_at), "{err}");
    assert!(under(helpers_at, square_at, main_at), "{err}");
}

#[test]
fn every_report_is_selectable() {
    let out = mlpy(&["run", "fib25.ml", "--profile", "--report", "all", "--sort", "tottime"]);
    let err = stderr(&out);
    let titles = [
        "ML CODE PERFORMANCE SUMMARY",
        "ML CODE DETAILED ANALYSIS",
        "MLPY PERFORMANCE SUMMARY",
        "MLPY INTERNAL PERFORMANCE ANALYSIS",
        "function calls (",
    ];
    let mut last = 0;
    for t in titles {
        let at = err[last..].find(t).unwrap_or_else(|| panic!("`{t}` missing or out of order"));
        last += at;
    }
    assert!(err.contains("242785/1"), "raw report shows total/primitive calls:\n{err}");
    assert!(err.contains("ncalls  tottime  percall  cumtime  percall filename:lineno(function)"));
    // The default is ml-summary only.
    let out = mlpy(&["run", "fib25.ml", "--profile"]);
    let err = stderr(&out);
    assert!(err.starts_with("ML CODE PERFORMANCE SUMMARY"), "{err}");
    assert!(!err.contains("ML CODE DETAILED ANALYSIS"));
    assert!(!err.contains("No ML user code detected"));
}

#[test]
fn a_failing_program_keeps_its_output_and_gets_its_profile() {
    let plain = mlpy(&["run", "failing.ml"]);
    let profiled = mlpy(&["run", "failing.ml", "--profile", "--report", "raw"]);
    assert_eq!(plain.status.code(), Some(1));
    assert_eq!(profiled.status.code(), Some(1));
    assert_eq!(plain.stdout, profiled.stdout);
    let plain_err = stderr(&plain);
    let err = stderr(&profiled);
    assert!(err.starts_with(&plain_err), "the error report comes first:\n{err}");
    let report = &err[plain_err.len()..];
    assert!(report.contains("function calls"), "{report}");
    assert!(report.contains("failing.ml:1(check)"), "{report}");
}

#[test]
fn text_output_files_and_usage_errors() {
    let dir = std::env::temp_dir().join(format!("mlpy-profile-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let txt = dir.join("report.txt");
    let out = mlpy(&["run", "fib25.ml", "--profile-output", txt.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "", "reports go to the file, not stderr");
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.starts_with("ML CODE PERFORMANCE SUMMARY"));
    std::fs::remove_dir_all(&dir).unwrap();

    let out = mlpy(&["run", "fib25.ml", "--profile", "--report", "everything"]);
    assert_eq!(out.status.code(), Some(64));
    let err = stderr(&out);
    for name in ["ml-summary", "ml-details", "dev-summary", "dev-details", "raw", "all"] {
        assert!(err.contains(name), "the error lists `{name}`:\n{err}");
    }
    let out = mlpy(&["run", "fib25.ml", "--profile", "--profile-output", "p.out"]);
    assert_eq!(out.status.code(), Some(64));
    assert!(out.stdout.is_empty(), "nothing runs after a usage error");
}

/// The calling-context nodes of `name`: (the caller's name, calls).
fn callers_in_tree(profile: &Value, name: &str) -> Vec<(String, u64)> {
    let functions = profile["functions"].as_array().unwrap();
    let cct = profile["cct"].as_array().unwrap();
    let mut out: Vec<(String, u64)> = cct
        .iter()
        .filter(|n| functions[n["function"].as_u64().unwrap() as usize]["name"] == name)
        .map(|n| {
            let parent = &cct[n["parent"].as_u64().expect("nested") as usize];
            let caller = &functions[parent["function"].as_u64().unwrap() as usize]["name"];
            (caller.as_str().unwrap().to_owned(), num(&n["calls"]))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn error_unwinding_is_an_entry_of_the_runtime_overhead_nested_where_raised() {
    let plain = mlpy(&["run", "unwinding.ml"]);
    let (out, profile) = json_profile("unwinding.ml", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, plain.stdout, "profiling changes nothing the program does");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "14\n");
    let unwinding = function(&profile, "<error unwinding>");
    assert_eq!(unwinding["kind"], "native");
    assert_eq!(unwinding["category"], "Runtime Overhead");
    assert_eq!(num(&unwinding["calls"]), 6);
    assert!(num(&unwinding["alloc_bytes"]) > 0, "the error objects are its allocations");
    assert_eq!(
        callers_in_tree(&profile, "<error unwinding>"),
        [("deep", 1), ("deep", 3), ("rethrow", 1), ("shallow", 1)].map(|(f, n)| (f.to_owned(), n))
    );
    // The unwound activations were all closed: every call of `deep` is counted once.
    assert_eq!(num(&function(&profile, "deep")["calls"]), 3 * 31 + 1);
    assert_eq!(num(&function(&profile, "main")["calls"]), 1);
    let overhead = profile["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Runtime Overhead")
        .expect("the category");
    assert!(num(&overhead["ns"]) >= num(&unwinding["self_ns"]));
}

#[test]
fn garbage_collection_is_an_entry_of_the_runtime_overhead_nested_where_it_ran() {
    let plain = mlpy(&["run", "collection.ml"]);
    let (out, profile) = json_profile("collection.ml", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, plain.stdout);
    let gc = function(&profile, "<garbage collection>");
    assert_eq!(gc["kind"], "native");
    assert_eq!(gc["category"], "Runtime Overhead");
    let runs = num(&gc["calls"]);
    // 200,000 objects in cycles: a collection at least every 20,000 new containers.
    assert!(runs >= 5, "{runs} collections");
    assert_eq!(
        callers_in_tree(&profile, "<garbage collection>"),
        vec![("cycles".to_owned(), runs)]
    );
    assert!(num(&gc["alloc_bytes"]) > 0, "the collector's tables are its allocations");
    assert_eq!(num(&gc["retained_bytes"]), 0);
}

#[test]
fn no_function_retains_more_than_it_allocated() {
    // `grow` appends to the array `main` made: the array's growth is allocated, and
    // retained, by `array.append`, which runs when it happens; the strings appended are
    // `grow`'s.
    let (_, profile) = json_profile("collection.ml", &[]);
    for f in profile["functions"].as_array().unwrap() {
        assert!(num(&f["retained_bytes"]) <= num(&f["alloc_bytes"]), "{f}");
    }
    let append = function(&profile, "array.append");
    assert!(num(&append["retained_bytes"]) > 0, "{append}");
    assert!(num(&append["alloc_count"]) > 0, "growths count as allocations: {append}");
    let grow = function(&profile, "grow");
    assert_eq!(num(&grow["retained_bytes"]), num(&grow["alloc_bytes"]), "{grow}");
    assert!(num(&function(&profile, "main")["retained_bytes"]) > 0);
}
