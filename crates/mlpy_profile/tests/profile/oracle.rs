//! The pstats views (`raw`, `callers`, `callees`) against CPython's own `pstats`.
//!
//! For each profile (the golden scenarios and many random ones), `pstats_oracle.py`
//! builds the dictionary cProfile hands to pstats from the profile's JSON figures, loads it
//! into a real `pstats.Stats`, and prints `print_stats()`, `print_callers()` and
//! `print_callees()` after `sort_stats(KEY)`, for every sort key, with and without a
//! limit. Our reports must be the same, byte for byte.
//!
//! Normalisation: none of the output. Two choices make pstats' output deterministic:
//! - the script hands pstats an object with `create_stats()` (as `cProfile.Profile` is)
//!   rather than a `.prof` file, so `print_stats` prints no file name and date line;
//! - pstats keeps its dictionary's order for rows its sort finds equal; the script fills
//!   the dictionary in the order our reports give such rows (by printed name, then key),
//!   which is the one documented choice of ours the comparison relies on.
//!
//! A missing `python3` skips the test visibly (and fails it under CI). Profiles of real
//! runs can be added with `MLPY_ORACLE_PROFILES=a.json:b.json`.

use std::path::PathBuf;
use std::process::Command;

use mlpy_profile::{
    Calibration, Category, FakeClock, FunctionInfo, FunctionKind, Profile, Recorder, RenderOptions,
    SortKey,
};
use serde_json::Value;

use crate::scenario::{self, method, ml, native, Run};

/// How many random profiles are compared.
const RANDOM_PROFILES: usize = 200;

/// A small deterministic generator (SplitMix64), so that a failure can be reproduced.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A random run: a random walk of calls among ML functions (some with the same key, which
/// pstats adds together), natives, methods and instantaneous calls, recursion direct and
/// mutual, phases, on a fake clock whose step ranges from 1 ns to 3.3 ms (so that times
/// round at every digit of pstats' `%8.3f`, and often tie).
fn random_profile(rng: &mut Rng) -> Profile {
    let step = rng.pick(&[1, 3, 7, 100, 999, 10_000, 250_000, 500_000, 1_000_000, 3_333_333]);
    let memory = rng.chance(70);
    let rec = if rng.chance(50) {
        Recorder::new(Box::new(FakeClock::new(step)), memory)
    } else {
        let event_cost_ps = rng.below(2_000 * step);
        let cal =
            Calibration { event_cost_ps, inside_cost_ps: event_cost_ps / 2, slow_enter_ps: 0 };
        Recorder::with_calibration(Box::new(FakeClock::new(step)), memory, cal)
    };
    let mut run = Run::new(rec);
    for _ in 0..rng.below(4) {
        let (name, category) = rng.pick(&[
            ("startup", Category::SandboxStartup),
            ("parsing", Category::Parsing),
            ("compilation", Category::Compilation),
            ("cache", Category::Cache),
        ]);
        run.rec.phase(name, category, 500_000 * rng.below(8) + rng.below(3), rng.below(4096));
    }

    let files = ["a.ml", "lib/b.ml", "dir with space/naïve.ml", "z.ml", "A.ml"];
    let names = ["f", "g", "main", "<module>", "<lambda:7>", "fib", "héllo", "x", "Zed"];
    let mut funcs: Vec<u32> = Vec::new();
    let mut infos: Vec<FunctionInfo> = Vec::new();
    for _ in 0..1 + rng.below(12) {
        let info = if !infos.is_empty() && rng.chance(10) {
            // The same key again: pstats adds the two entries.
            infos[rng.below(infos.len() as u64) as usize].clone()
        } else {
            ml(rng.pick(&names), rng.pick(&files), 1 + rng.below(60) as u32)
        };
        infos.push(info.clone());
        funcs.push(run.rec.register(info));
    }
    for _ in 0..rng.below(5) {
        let info = match rng.below(3) {
            0 => native(
                rng.pick(&["len", "math.sqrt", "print", "<gc>", "json.parse"]),
                Category::StandardLibrary,
            ),
            1 => method(rng.pick(&["array.append", "str.join", "dict.get", "array.sort"])),
            _ => native("gc", Category::RuntimeOverhead),
        };
        funcs.push(run.rec.register(info));
    }

    let mut depth = 0;
    for _ in 0..20 + rng.below(300) {
        if depth == 0 || (depth < 14 && rng.chance(52)) {
            let func = rng.pick(&funcs);
            if depth > 0 && rng.chance(10) {
                run.rec.instant(func);
                continue;
            }
            run.enter(func);
            depth += 1;
        } else {
            run.exit();
            depth -= 1;
        }
        run.work(rng.below(4) as u32);
        if rng.chance(20) {
            run.allocate(1 + rng.below(3), 16 << rng.below(6));
        }
    }
    // Some runs end with activations open (an error stopped the program).
    if rng.chance(70) {
        for _ in 0..depth {
            run.exit();
        }
    }
    run.rec.finish("random.ml")
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn limit_json(limit: Option<usize>) -> Value {
    limit.map_or(Value::Null, |n| Value::from(n as u64))
}

#[test]
fn raw_callers_and_callees_print_what_pstats_prints() {
    let mut profiles: Vec<(String, Profile)> = vec![
        ("two_files".to_owned(), scenario::two_files(true)),
        ("no_memory".to_owned(), scenario::two_files(false)),
        ("hot_loop".to_owned(), scenario::hot_loop()),
        ("no_ml_code".to_owned(), scenario::no_ml_code()),
        ("no_ml_code_cached".to_owned(), scenario::no_ml_code_cached()),
        ("pure_recursion".to_owned(), scenario::pure_recursion(true)),
        ("quicksort".to_owned(), scenario::quicksort()),
        ("string_building".to_owned(), scenario::string_building(true)),
        ("tiny".to_owned(), scenario::tiny()),
        ("spread".to_owned(), scenario::spread()),
    ];
    // Profiles of real runs can be added: `MLPY_ORACLE_PROFILES=a.json:b.json`.
    for path in std::env::var("MLPY_ORACLE_PROFILES").unwrap_or_default().split(':') {
        if !path.is_empty() {
            let text = std::fs::read_to_string(path).expect("MLPY_ORACLE_PROFILES names files");
            let p = Profile::from_json(&text).expect("a JSON profile");
            profiles.push((path.to_owned(), p));
        }
    }
    let golden = profiles.len();
    let mut rng = Rng(0x006d_6c70_792d_3131);
    for n in 0..RANDOM_PROFILES {
        profiles.push((format!("random #{n}"), random_profile(&mut rng)));
    }

    // Every run: (sort key as typed, limit). The golden scenarios get all thirteen names
    // and some abbreviations; the random ones each sort, each with no limit, a limit of 0
    // (no rows), a random cut, and a limit as large as the list (no cut).
    let dir = std::env::temp_dir().join(format!("mlpy-pstats-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let mut jobs = Vec::new();
    let mut runs_of: Vec<Vec<(String, Option<usize>)>> = Vec::new();
    for (idx, (_, p)) in profiles.iter().enumerate() {
        let path = dir.join(format!("{idx}.json"));
        std::fs::write(&path, p.to_json()).expect("the temporary directory is writable");
        let rows = p.functions().len();
        let mut runs = Vec::new();
        if idx < golden {
            let words = SortKey::NAMES.iter().copied().chain(["cu", "to", "file", "nf", "s"]);
            for word in words {
                for limit in [None, Some(3)] {
                    runs.push((word.to_owned(), limit));
                }
            }
        } else {
            for key in SortKey::ALL {
                let cut = 1 + rng.below(rows.max(1) as u64) as usize;
                for limit in [None, Some(0), Some(cut), Some(rows)] {
                    runs.push((key.name().to_owned(), limit));
                }
            }
        }
        let runs_json: Vec<Value> = runs
            .iter()
            .map(|(word, limit)| Value::Array(vec![Value::from(word.as_str()), limit_json(*limit)]))
            .collect();
        jobs.push(serde_json::json!({"path": path.to_str().unwrap(), "runs": runs_json}));
        runs_of.push(runs);
    }
    let jobs_path = dir.join("jobs.json");
    let jobs = serde_json::json!({ "profiles": jobs });
    std::fs::write(&jobs_path, jobs.to_string()).unwrap();

    let script = manifest_dir().join("tests").join("profile").join("pstats_oracle.py");
    let output = match Command::new("python3").arg(&script).arg(&jobs_path).output() {
        Ok(output) => output,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            crate::reader_missing("python3", &format!("cannot run python3: {e}"));
            return;
        }
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "the pstats oracle failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let res: Value = serde_json::from_slice(&output.stdout).expect("the oracle prints JSON");
    let python = res["python"].as_str().unwrap_or("?").to_owned();

    // The sort keys: exactly the words pstats accepts, each with pstats' description.
    let defs = res["sort_arg_defs"].as_object().expect("the sort keys");
    let ours = SortKey::accepted();
    let mut theirs: Vec<(&str, &str)> =
        defs.iter().map(|(w, d)| (w.as_str(), d.as_str().unwrap())).collect();
    theirs.sort();
    let mut mine: Vec<(&str, &str)> =
        ours.iter().map(|(w, key)| (w.as_str(), key.description())).collect();
    mine.sort();
    assert_eq!(mine, theirs, "the sort keys pstats {python} accepts");

    let mut compared = 0;
    for (idx, (name, p)) in profiles.iter().enumerate() {
        let results = res["results"][idx].as_array().expect("one result per profile");
        for ((word, limit), outs) in runs_of[idx].iter().zip(results) {
            let sort: SortKey = word.parse().expect("a sort key pstats accepts");
            let options = RenderOptions { sort, limit: *limit };
            let views = [
                ("raw", p.raw_report(options)),
                ("callers", p.callers_report(options)),
                ("callees", p.callees_report(options)),
            ];
            for (pos, (view, ours)) in views.iter().enumerate() {
                let theirs = outs[pos].as_str().expect("pstats' output");
                if ours != theirs {
                    let line = ours
                        .lines()
                        .zip(theirs.lines())
                        .position(|(a, b)| a != b)
                        .unwrap_or_else(|| ours.lines().count().min(theirs.lines().count()));
                    panic!(
                        "{name}: `{view}` sorted by `{word}`, limit {limit:?}, differs from \
                         pstats ({python}) at line {}\n---- pstats\n{theirs}\n---- ours\n{ours}\n\
                         ---- profile\n{}",
                        line + 1,
                        p.to_json()
                    );
                }
                compared += 1;
            }
        }
    }
    // The scenarios (and added profiles) x 18 keys x 2 limits + 200 random x 9 keys x 4
    // limits, 3 views each.
    assert_eq!(compared, 3 * (golden * 18 * 2 + RANDOM_PROFILES * 9 * 4));
    eprintln!("pstats oracle ({python}): {compared} outputs identical");
}

/// The kinds the random profiles use, so that a new kind is not forgotten here.
#[test]
fn the_random_profiles_use_every_kind_of_function() {
    let mut rng = Rng(1);
    let mut seen = Vec::new();
    for _ in 0..20 {
        for f in random_profile(&mut rng).functions() {
            if !seen.contains(&f.info.kind) {
                seen.push(f.info.kind);
            }
        }
    }
    for kind in [FunctionKind::Ml, FunctionKind::Native, FunctionKind::Method, FunctionKind::Phase]
    {
        assert!(seen.contains(&kind), "{kind:?}");
    }
}
