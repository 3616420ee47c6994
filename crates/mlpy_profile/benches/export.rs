//! Writing every export format for a large profile: a generated call tree of 100,000
//! calling-context nodes over a few thousand functions (wide near the top, long chains
//! and one deep recursion below), recorded through the public `Recorder` API on a
//! `FakeClock`. Prints the median time of `Profile::export` per format (`ExportFormat::ALL`)
//! and the file's size, then the Chrome trace again with a timeline of every enter and
//! exit attached, and the total. The bar (issue 11): every format together under 1 s.
//!
//! `cargo bench -p mlpy_profile --bench export` (release); `-- --test` runs a small tree
//! once, as a smoke test. With `MLPY_EXPORT_BENCH_DIR=DIR`, the files are also written to
//! `DIR/bench.EXT`, to open them in their readers.

use std::time::{Duration, Instant};

use mlpy_profile::{
    AllocSample, Category, ExportFormat, ExportOptions, FakeClock, FunctionInfo, FunctionKind,
    Profile, Recorder,
};

fn main() {
    let smoke = std::env::args().any(|arg| arg == "--test");
    let nodes = if smoke { 5_000 } else { 100_000 };
    let rounds = if smoke { 1 } else { 7 };

    let started = Instant::now();
    let profile = generate(nodes, false);
    let with_timeline = generate(nodes, true);
    let timeline = with_timeline.timeline().expect("recorded");
    let depth = max_depth(&profile);
    println!(
        "profile: {} calling-context nodes, {} functions, depth {}, {} timeline events \
         (generated and recorded in {:.0} ms)",
        profile.cct().len(),
        profile.functions().len(),
        depth,
        timeline.events.len(),
        started.elapsed().as_secs_f64() * 1e3
    );

    // Every text report (the summaries once took time quadratic in the functions).
    let options = ExportOptions {
        reports: mlpy_profile::ReportKind::EVERY.to_vec(),
        ..ExportOptions::default()
    };
    let keep = std::env::var_os("MLPY_EXPORT_BENCH_DIR").map(std::path::PathBuf::from);
    let mut total = Duration::ZERO;
    for format in ExportFormat::ALL {
        let (median, size) = measure(rounds, || profile.export(format, &options));
        total += median;
        if let Some(dir) = &keep {
            let path = dir.join(format!("bench{}", format.extension()));
            std::fs::write(&path, profile.export(format, &options)).expect("writable directory");
        }
        println!("{:<22} {:>9.1} ms {:>13} bytes", format.name(), ms(median), size);
    }
    println!("{:<22} {:>9.1} ms (bar: under 1000 ms)", "all nine formats", ms(total));
    let (median, size) = measure(rounds, || with_timeline.export(ExportFormat::Trace, &options));
    println!("{:<22} {:>9.1} ms {:>13} bytes", "trace, with timeline", ms(median), size);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The median time of `rounds` runs of `write`, and the size of what it wrote.
fn measure(rounds: usize, write: impl Fn() -> Vec<u8>) -> (Duration, usize) {
    let mut times = Vec::with_capacity(rounds);
    let mut size = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let bytes = std::hint::black_box(write());
        times.push(start.elapsed());
        size = bytes.len();
    }
    times.sort();
    (times[times.len() / 2], size)
}

/// A small deterministic generator (64-bit LCG, high bits).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const ML_FUNCTIONS: u32 = 3_000;
const NATIVES: u32 = 60;
const STEP_NS: u64 = 1_000;

struct Gen {
    rec: Recorder,
    rng: Rng,
    alloc: AllocSample,
    funcs: Vec<u32>,
    recursive: u32,
}

impl Gen {
    fn enter(&mut self, func: u32) {
        self.rec.enter(func, self.alloc);
    }

    fn exit(&mut self) {
        self.rec.exit(self.alloc);
    }

    fn allocate(&mut self) {
        let bytes = 16 * (1 + self.rng.below(64));
        self.alloc.count += 1;
        self.alloc.bytes += bytes;
        self.alloc.live += bytes;
    }

    /// `budget` new nodes below the current one: a few distinct callees (never the same
    /// function twice under one parent, so every call is a new path), sharing the budget.
    fn expand(&mut self, budget: u64, depth: u32) {
        if budget == 0 {
            return;
        }
        let fanout = match depth {
            0 => 40,
            1 | 2 => 8,
            _ => [1, 1, 1, 2, 2, 3, 4, 6][self.rng.below(8) as usize],
        };
        let kids = fanout.min(budget);
        let mut left = budget - kids;
        let first = self.rng.below(self.funcs.len() as u64) as usize;
        for i in 0..kids {
            // 7,919 is prime, so the callees of one parent are distinct.
            let func = self.funcs[(first + i as usize * 7_919) % self.funcs.len()];
            let share = left / (kids - i);
            left -= share;
            let repeats = 1 + self.rng.below(3);
            for call in 0..repeats {
                self.enter(func);
                self.rec.now_ns();
                if self.rng.below(4) == 0 {
                    self.allocate();
                }
                if call == 0 {
                    self.expand(share, depth + 1);
                }
                self.exit();
            }
        }
    }

    /// A recursion `depth` deep: `depth` more nodes.
    fn recurse(&mut self, depth: u32) {
        self.enter(self.recursive);
        if depth > 1 {
            self.recurse(depth - 1);
        }
        self.allocate();
        self.exit();
    }
}

/// A profile of about `nodes` calling-context nodes; with the recorder's timeline of the
/// run (every enter and exit) when `timeline`.
fn generate(nodes: u64, timeline: bool) -> Profile {
    let mut rec = Recorder::new(Box::new(FakeClock::new(STEP_NS)), true);
    if timeline {
        rec.record_timeline(u64::MAX);
    }
    rec.phase("startup", Category::SandboxStartup, 2_000_000, 65_536);
    rec.phase("parsing", Category::Parsing, 40_000_000, 1_048_576);
    rec.phase("compilation", Category::Compilation, 30_000_000, 524_288);
    let mut funcs = Vec::new();
    for idx in 0..ML_FUNCTIONS {
        funcs.push(rec.register(FunctionInfo {
            name: format!("function_{idx}"),
            file: format!("src/module_{}.ml", idx % 40),
            line: 1 + idx * 7 % 900,
            kind: FunctionKind::Ml,
            category: Category::MlCode,
        }));
    }
    for idx in 0..NATIVES {
        funcs.push(rec.register(FunctionInfo {
            name: format!("native_{idx}"),
            file: String::new(),
            line: 0,
            kind: if idx % 3 == 0 { FunctionKind::Method } else { FunctionKind::Native },
            category: Category::StandardLibrary,
        }));
    }
    let module = rec.register(FunctionInfo {
        name: "<module>".to_owned(),
        file: "src/main.ml".to_owned(),
        line: 1,
        kind: FunctionKind::Ml,
        category: Category::MlCode,
    });
    let recursive = rec.register(FunctionInfo {
        name: "walk".to_owned(),
        file: "src/main.ml".to_owned(),
        line: 10,
        kind: FunctionKind::Ml,
        category: Category::MlCode,
    });
    let mut gen = Gen { rec, rng: Rng(0x5eed), alloc: AllocSample::default(), funcs, recursive };
    let deep = 500.min(nodes / 10);
    gen.enter(module);
    gen.recurse(deep as u32);
    // The module node and the recursion are nodes too.
    gen.expand(nodes - 1 - deep, 0);
    gen.exit();
    gen.rec.set_peak_memory(gen.alloc.live);
    gen.rec.finish("src/main.ml")
}

fn max_depth(p: &Profile) -> usize {
    let mut depth = vec![0usize; p.cct().len()];
    for (idx, node) in p.cct().iter().enumerate() {
        depth[idx] = node.parent.map_or(1, |parent| depth[parent as usize] + 1);
    }
    depth.into_iter().max().unwrap_or(0)
}
