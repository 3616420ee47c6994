//! Long mode of the differential tester:
//! `cargo run --release -p mlpy_difftest -- --minutes N [--seed S] [--jobs J] [--out DIR]`.
//! Runs generated programs until the time is up, on `J` threads (each with its own
//! Python oracle), shrinks every mismatch and writes it to `DIR`, and reports how many
//! programs ran, the mismatches, and how often each construct was generated.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mlpy_difftest::gen::{generate, Config, Stats};
use mlpy_difftest::run::Oracle;
use mlpy_difftest::{check, shrink, Verdict};

struct Args {
    minutes: f64,
    seed: u64,
    jobs: usize,
    out: PathBuf,
    count: Option<u64>,
    config: Config,
}

const USAGE: &str = "usage: mlpy_difftest [--minutes N] [--count N] [--seed S] [--jobs J] [--out DIR] [--avoid-known-defects]

  --minutes N    run for N minutes (default 1; with --count, no time limit unless given)
  --count N      run at most N programs
  --seed S       base seed (default 1); program i has seed S * 1000003 + i
  --jobs J       worker threads, each with its own python3 oracle (default 2)
  --out DIR      where mismatches are written, shrunk (default difftest-mismatches)
  --avoid-known-defects   leave out the shapes of issue 8's known defects 1-5";

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        minutes: f64::NAN,
        seed: 1,
        jobs: 2,
        out: PathBuf::from("difftest-mismatches"),
        count: None,
        config: Config::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--minutes" => a.minutes = val()?.parse().map_err(|e| format!("--minutes: {e}"))?,
            "--seed" => a.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--jobs" => a.jobs = val()?.parse().map_err(|e| format!("--jobs: {e}"))?,
            "--count" => a.count = Some(val()?.parse().map_err(|e| format!("--count: {e}"))?),
            "--out" => a.out = PathBuf::from(val()?),
            "--avoid-known-defects" => a.config.avoid_known_defects = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.minutes.is_nan() {
        a.minutes = if a.count.is_some() { 1e9 } else { 1.0 };
    }
    if a.jobs == 0 {
        return Err("--jobs must be at least 1".into());
    }
    Ok(a)
}

/// Mismatches of one class that are shrunk (the others are written as generated).
const SHRINK_PER_CLASS: usize = 3;

#[derive(Default)]
struct Totals {
    stats: Stats,
    skipped: BTreeMap<String, u64>,
    /// How the agreeing programs ended: `ok` or the uncaught error kind.
    endings: BTreeMap<String, u64>,
    output_lines: u64,
    mismatches: BTreeMap<String, Vec<u64>>,
}

/// The process's peak resident memory (VmHWM), in MiB; 0 where /proc is missing.
fn peak_rss_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("mlpy_difftest: {e}");
            }
            eprintln!("{USAGE}");
            std::process::exit(if e.is_empty() { 0 } else { 64 });
        }
    };
    let deadline = Instant::now() + Duration::from_secs_f64(args.minutes * 60.0);
    let next = Arc::new(AtomicU64::new(0));
    let ran = Arc::new(AtomicU64::new(0));
    let totals = Arc::new(Mutex::new(Totals::default()));
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("mlpy_difftest: cannot create {}: {e}", args.out.display());
        std::process::exit(1);
    }
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..args.jobs {
        let (next, ran, totals) = (next.clone(), ran.clone(), totals.clone());
        let (seed, out, count, config) = (args.seed, args.out.clone(), args.count, args.config);
        let h = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                let mut oracle = Oracle::start().expect("python3 starts");
                let mut local = Stats::default();
                let mut peak = peak_rss_mib();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if Instant::now() >= deadline || count.is_some_and(|c| i >= c) {
                        break;
                    }
                    let program_seed = seed.wrapping_mul(1_000_003).wrapping_add(i);
                    let (prog, stats) = generate(program_seed, config);
                    local.add(&stats);
                    let report = match check(&prog, &mut oracle) {
                        Ok(r) => r,
                        Err(e) => {
                            eprintln!("seed {program_seed}: oracle failed ({e}); restarting it");
                            oracle = Oracle::start().expect("python3 starts");
                            continue;
                        }
                    };
                    ran.fetch_add(1, Ordering::Relaxed);
                    // A program that made the process's peak memory jump is worth a look.
                    let hwm = peak_rss_mib();
                    if hwm > peak + 1024 {
                        eprintln!(
                            "MEMORY seed {program_seed}: peak resident memory {peak} -> {hwm} MiB"
                        );
                        let _ = std::fs::write(
                            out.join(format!("memory-seed-{program_seed}.ml")),
                            &report.ml,
                        );
                    }
                    peak = peak.max(hwm);
                    match &report.verdict {
                        Verdict::Match => {
                            let mut t = totals.lock().expect("lock");
                            let end = report.oracle.error.clone().unwrap_or_else(|| "ok".into());
                            if std::env::var_os("DIFFTEST_DEBUG_ENDINGS").is_some() && end != "ok" {
                                eprintln!("ENDING {}", report.oracle.detail);
                            }
                            *t.endings.entry(end).or_default() += 1;
                            t.output_lines += report.oracle.out.lines().count() as u64;
                        }
                        Verdict::Skipped(why) => {
                            *totals
                                .lock()
                                .expect("lock")
                                .skipped
                                .entry(why.clone())
                                .or_default() += 1;
                        }
                        Verdict::Mismatch(class) => {
                            // Shrinking costs hundreds of runs: only the first few of a class.
                            let seen = totals
                                .lock()
                                .expect("lock")
                                .mismatches
                                .get(class)
                                .map_or(0, Vec::len);
                            let rep = if seen < SHRINK_PER_CLASS {
                                shrink(&prog, &mut oracle, 400)
                                    .map_or_else(|_| report.clone(), |(_, r)| r)
                            } else {
                                report.clone()
                            };
                            let text = format!(
                                "seed {program_seed}\n{}\n=== unshrunk ML\n{}",
                                rep.render(),
                                report.ml
                            );
                            let _ =
                                std::fs::write(out.join(format!("seed-{program_seed}.txt")), text);
                            let _ = std::fs::write(
                                out.join(format!("seed-{program_seed}.ml")),
                                &rep.ml,
                            );
                            let _ = std::fs::write(
                                out.join(format!("seed-{program_seed}.py")),
                                &rep.py,
                            );
                            eprintln!("MISMATCH seed {program_seed}: {class}");
                            totals
                                .lock()
                                .expect("lock")
                                .mismatches
                                .entry(class.clone())
                                .or_default()
                                .push(program_seed);
                        }
                    }
                }
                totals.lock().expect("lock").stats.add(&local);
            })
            .expect("spawn a worker");
        handles.push(h);
    }
    for h in handles {
        let _ = h.join();
    }
    let t = totals.lock().expect("lock");
    let ran = ran.load(Ordering::Relaxed);
    let secs = started.elapsed().as_secs_f64();
    println!(
        "programs run: {ran} in {secs:.0} s ({:.0}/s), seed {}, jobs {}",
        ran as f64 / secs,
        args.seed,
        args.jobs
    );
    let skipped: u64 = t.skipped.values().sum();
    println!("skipped (a resource limit on one side): {skipped} {:?}", t.skipped);
    println!(
        "agreeing programs ended: {:?}; {:.1} output lines per program",
        t.endings,
        t.output_lines as f64 / ran.max(1) as f64
    );
    let mismatches: usize = t.mismatches.values().map(Vec::len).sum();
    println!("mismatches: {mismatches} (written to {})", args.out.display());
    for (class, seeds) in &t.mismatches {
        let shown: Vec<String> = seeds.iter().take(5).map(|s| s.to_string()).collect();
        println!(
            "  {:>6}  {class}  (seeds {}{})",
            seeds.len(),
            shown.join(", "),
            if seeds.len() > 5 { ", …" } else { "" }
        );
    }
    println!("constructs generated (total count, programs: {ran}):");
    for (k, v) in &t.stats.0 {
        println!("  {v:>10}  {k}");
    }
    if mismatches > 0 {
        std::process::exit(1);
    }
}
