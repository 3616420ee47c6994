//! Scripted runs: event sequences a runtime would send, on a fake clock, so that every
//! figure (and so every report) is deterministic.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use mlpy_profile::{
    AllocSample, Calibration, Category, Clock, FakeClock, FunctionInfo, FunctionKind, Profile,
    Recorder,
};

/// The fake clock's step in the main golden scenario: 10 µs, so that the raw report's
/// seconds with three decimals show something.
pub(crate) const STEP_NS: u64 = 10_000;

pub(crate) fn ml(name: &str, file: &str, line: u32) -> FunctionInfo {
    FunctionInfo {
        name: name.to_owned(),
        file: file.to_owned(),
        line,
        kind: FunctionKind::Ml,
        category: Category::MlCode,
    }
}

pub(crate) fn native(name: &str, category: Category) -> FunctionInfo {
    FunctionInfo {
        name: name.to_owned(),
        file: String::new(),
        line: 0,
        kind: FunctionKind::Native,
        category,
    }
}

/// A method of a built-in type, named `TYPE.NAME` (`array.append`), as the runtime
/// registers them.
pub(crate) fn method(name: &str) -> FunctionInfo {
    FunctionInfo {
        name: name.to_owned(),
        file: "<builtin>".to_owned(),
        line: 0,
        kind: FunctionKind::Method,
        category: Category::StandardLibrary,
    }
}

/// A recorder plus the runtime's running allocation counters.
pub(crate) struct Run {
    pub(crate) rec: Recorder,
    pub(crate) alloc: AllocSample,
}

impl Run {
    pub(crate) fn new(rec: Recorder) -> Run {
        Run { rec, alloc: AllocSample::default() }
    }

    pub(crate) fn enter(&mut self, func: u32) {
        self.rec.enter(func, self.alloc);
    }

    pub(crate) fn exit(&mut self) {
        self.rec.exit(self.alloc);
    }

    /// The running function allocates `n` objects of `size` bytes.
    pub(crate) fn allocate(&mut self, n: u64, size: u64) {
        self.alloc.count += n;
        self.alloc.bytes += n * size;
    }

    /// The running function works for `steps` clock reads.
    pub(crate) fn work(&mut self, steps: u32) {
        for _ in 0..steps {
            self.rec.now_ns();
        }
    }

    /// `fib(n)`: naive double recursion, each call allocating one 32-byte integer.
    pub(crate) fn fib(&mut self, fib: u32, n: u32) {
        self.enter(fib);
        if n >= 2 {
            self.fib(fib, n - 1);
            self.fib(fib, n - 2);
            self.allocate(1, 32);
        }
        self.exit();
    }
}

/// The main golden scenario: two files, recursion, natives (one calling back into ML),
/// a runtime service, every pipeline phase, allocations, retained memory, and a
/// calibrated profiler cost.
pub(crate) fn two_files(track_memory: bool) -> Profile {
    let cal = Calibration { event_cost_ps: 10_000, inside_cost_ps: 5_000, slow_enter_ps: 0 };
    let mut run =
        Run::new(Recorder::with_calibration(Box::new(FakeClock::new(STEP_NS)), track_memory, cal));
    let rec = &mut run.rec;
    rec.phase("startup", Category::SandboxStartup, 2_000_000, 65_536);
    rec.phase("cache", Category::Cache, 1_500_000, 0);
    rec.phase("parsing", Category::Parsing, 4_000_000, 32_768);
    rec.phase("security analysis", Category::SecurityAnalysis, 1_200_000, 8_192);
    rec.phase("compilation", Category::Compilation, 3_000_000, 24_576);
    // The imported file, parsed and compiled after the main one.
    rec.phase("parsing", Category::Parsing, 2_500_000, 16_384);
    rec.phase("compilation", Category::Compilation, 1_500_000, 12_288);
    rec.phase("module loading", Category::RuntimeOverhead, 500_000, 2_048);

    let module = rec.register(ml("<module>", "examples/main.ml", 1));
    let main = rec.register(ml("main", "examples/main.ml", 20));
    let fib = rec.register(ml("fib", "examples/main.ml", 3));
    let process = rec.register(ml("process", "lib/util.ml", 5));
    let util_module = rec.register(ml("<module>", "lib/util.ml", 1));
    let key = rec.register(ml("<lambda:31>", "examples/main.ml", 31));
    let len = rec.register(native("len", Category::StandardLibrary));
    let append = rec.register(method("array.append"));
    let sort = rec.register(method("array.sort"));
    let print = rec.register(native("print", Category::StandardLibrary));
    let gc = rec.register(native("gc", Category::RuntimeOverhead));
    let never_called = rec.register(ml("unused", "lib/util.ml", 40));

    run.enter(util_module);
    run.work(2);
    run.allocate(4, 64);
    run.exit();
    run.enter(module);
    run.work(3);
    run.enter(main);
    run.allocate(1, 48);
    run.fib(fib, 15);
    for _ in 0..40 {
        run.enter(process);
        run.work(6);
        run.allocate(3, 96);
        run.enter(len);
        run.exit();
        run.enter(append);
        run.work(1);
        run.allocate(1, 512);
        run.exit();
        run.exit();
    }
    run.enter(sort);
    run.work(20);
    for _ in 0..12 {
        run.enter(key);
        run.work(1);
        run.exit();
    }
    run.allocate(2, 1_024);
    run.exit();
    run.enter(gc);
    run.work(30);
    run.exit();
    run.enter(print);
    run.work(4);
    run.exit();
    run.exit();
    run.exit();
    run.rec.set_retained(process, 3_072);
    run.rec.set_retained(main, 48);
    run.rec.set_retained(never_called, 0);
    run.rec.set_peak_memory(180_224);
    run.rec.finish("examples/main.ml")
}

/// A loop calling a cheap ML function and a native, with a large profiler correction: the
/// scenario of the "many cheap calls", "mostly standard library" and runtime
/// recommendations.
pub(crate) fn hot_loop() -> Profile {
    let cal = Calibration { event_cost_ps: 200_000, inside_cost_ps: 80_000, slow_enter_ps: 0 };
    let mut run = Run::new(Recorder::with_calibration(Box::new(FakeClock::new(400)), true, cal));
    let rec = &mut run.rec;
    rec.phase("startup", Category::SandboxStartup, 300_000, 16_384);
    rec.phase("parsing", Category::Parsing, 50_000, 2_048);
    rec.phase("compilation", Category::Compilation, 40_000, 1_024);
    let module = rec.register(ml("<module>", "hot.ml", 1));
    let main = rec.register(ml("main", "hot.ml", 3));
    let add = rec.register(ml("add", "hot.ml", 10));
    let len = rec.register(native("len", Category::StandardLibrary));
    run.enter(module);
    run.enter(main);
    for _ in 0..5_000 {
        run.enter(add);
        run.allocate(1, 256);
        run.exit();
        run.enter(len);
        run.work(2);
        run.exit();
    }
    run.exit();
    run.exit();
    run.rec.set_peak_memory(65_536);
    run.rec.finish("hot.ml")
}

/// A run that never reached the VM: startup and a parse that failed.
pub(crate) fn no_ml_code() -> Profile {
    let mut rec = Recorder::new(Box::new(FakeClock::new(STEP_NS)), true);
    rec.phase("startup", Category::SandboxStartup, 1_500_000, 40_960);
    rec.phase("parsing", Category::Parsing, 1_200_000, 4_096);
    rec.set_peak_memory(45_056);
    rec.finish("broken.ml")
}

/// A run that read its files from the bytecode cache but had to compile one.
pub(crate) fn no_ml_code_cached() -> Profile {
    let mut rec = Recorder::new(Box::new(FakeClock::new(STEP_NS)), true);
    rec.phase("startup", Category::SandboxStartup, 1_500_000, 40_960);
    rec.phase("cache", Category::Cache, 100_000, 1_024);
    rec.phase("parsing", Category::Parsing, 1_200_000, 4_096);
    rec.set_peak_memory(45_056);
    rec.finish("broken.ml")
}

/// A clock the test sets by hand.
#[derive(Clone, Default)]
pub(crate) struct ManualClock(Arc<AtomicU64>);

impl ManualClock {
    pub(crate) fn set(&self, ns: u64) {
        self.0.store(ns, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ns(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    fn is_deterministic(&self) -> bool {
        true
    }
}

/// `func(n)` calling itself on `n - 1` and `n - 2` (fib's call tree), `each` run in every
/// call.
fn double_recursion(run: &mut Run, func: u32, n: u32, each: &mut dyn FnMut(&mut Run)) {
    run.enter(func);
    each(run);
    if n >= 2 {
        double_recursion(run, func, n - 1, each);
        double_recursion(run, func, n - 2, each);
    }
    run.exit();
}

/// A recorder on a fake clock of `step` ns, its startup recorded: the start of the advice
/// scenarios.
fn advice_run(step: u64, track_memory: bool) -> Run {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(step)), track_memory));
    run.rec.phase("startup", Category::SandboxStartup, 2_000_000, 16_384);
    run
}

/// fib(15) that allocates nothing, 1 µs a step: the memoization advice fires (with memory
/// tracked; without, nothing shows that it does not allocate).
pub(crate) fn pure_recursion(track_memory: bool) -> Profile {
    let mut run = advice_run(1_000, track_memory);
    let module = run.rec.register(ml("<module>", "rec.ml", 1));
    let fib = run.rec.register(ml("fib", "rec.ml", 3));
    run.enter(module);
    double_recursion(&mut run, fib, 15, &mut |_| {});
    run.exit();
    run.rec.finish("rec.ml")
}

/// A list quicksort: recursive, but each call builds three fresh arrays and appends to
/// them: no memoization advice, allocation advice without the string advice.
pub(crate) fn quicksort() -> Profile {
    fn sort(run: &mut Run, qs: u32, append: u32, len: u32, n: u32) {
        run.enter(qs);
        run.rec.instant(len);
        run.allocate(3, 64);
        for _ in 0..n {
            run.work(1);
            run.enter(append);
            run.allocate(1, 16);
            run.exit();
        }
        if n > 1 {
            sort(run, qs, append, len, n / 2);
            sort(run, qs, append, len, n - n / 2 - 1);
        }
        run.exit();
    }
    let mut run = advice_run(1_000, true);
    let module = run.rec.register(ml("<module>", "qs.ml", 1));
    let qs = run.rec.register(ml("quicksort", "qs.ml", 3));
    let append = run.rec.register(method("array.append"));
    let len = run.rec.register(native("len", Category::StandardLibrary));
    run.enter(module);
    sort(&mut run, qs, append, len, 400);
    run.exit();
    run.rec.finish("qs.ml")
}

/// A function making 2,000 ever longer strings in its own code; with `join`, it joins
/// pieces with `str.join` at the end instead: the string advice fires only without.
pub(crate) fn string_building(join: bool) -> Profile {
    let mut run = advice_run(1_000, true);
    let module = run.rec.register(ml("<module>", "text.ml", 1));
    let build = run.rec.register(ml("build", "text.ml", 2));
    let joiner = run.rec.register(method("str.join"));
    run.enter(module);
    run.enter(build);
    for i in 0..2_000 {
        run.work(1);
        run.allocate(1, 16 + if join { 32 } else { i });
    }
    if join {
        run.enter(joiner);
        run.allocate(1, 16_000);
        run.exit();
    }
    run.exit();
    run.exit();
    run.rec.finish("text.ml")
}

/// An empty program: 630 ns of ML code after 2 ms of startup. No recommendation.
pub(crate) fn tiny() -> Profile {
    let mut run = advice_run(630, true);
    run.rec.phase("parsing", Category::Parsing, 9_000, 0);
    let module = run.rec.register(ml("<module>", "empty.ml", 1));
    run.enter(module);
    run.exit();
    run.rec.finish("empty.ml")
}

/// Twenty-five functions of 3.8% of ML time each (200 µs a step): none reaches the floor's
/// share, so no function gets advice.
pub(crate) fn spread() -> Profile {
    let mut run = advice_run(200_000, true);
    let module = run.rec.register(ml("<module>", "spread.ml", 1));
    let funcs: Vec<u32> = (0..25)
        .map(|i| run.rec.register(ml(&format!("step{i:02}"), "spread.ml", 10 + i)))
        .collect();
    run.enter(module);
    for func in funcs {
        run.enter(func);
        run.work(20);
        run.exit();
    }
    run.exit();
    run.rec.finish("spread.ml")
}

/// Two functions of 2 ms of ML code: `long` (1.2 ms, 60%) passes the floor, `short`
/// (0.8 ms, 40%) does not reach its 1 ms.
pub(crate) fn short_run() -> Profile {
    let mut run = advice_run(100_000, true);
    let module = run.rec.register(ml("<module>", "short.ml", 1));
    let short = run.rec.register(ml("short", "short.ml", 2));
    let long = run.rec.register(ml("long", "short.ml", 8));
    run.enter(module);
    run.enter(short);
    run.work(7);
    run.exit();
    run.enter(long);
    run.work(11);
    run.exit();
    run.exit();
    run.rec.finish("short.ml")
}
