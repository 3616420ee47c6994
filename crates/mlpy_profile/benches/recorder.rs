//! The profiler's hot path, measured: the cost of a clock read for each clock; of an
//! enter+exit pair on a fib-shaped recursion and on loops calling one or alternating
//! functions; the calibration `Recorder::new` arrives at; and how close the corrected
//! total of a profiled fib-shaped recursion (with some work per call) comes to the same
//! recursion timed without the profiler.
//!
//! `cargo bench -p mlpy_profile` prints one line per measurement (the best of several
//! rounds, in nanoseconds); `cargo bench -p mlpy_profile -- --test` runs each once, briefly.

use std::cell::Cell;
use std::hint::black_box;
use std::time::Instant;

use mlpy_profile::{
    AllocSample, Calibration, Category, Clock, FunctionInfo, FunctionKind, MonotonicClock, Recorder,
};

fn main() {
    let smoke = std::env::args().any(|arg| arg == "--test");
    let scale = if smoke { 1 } else { 100 };
    let rounds = if smoke { 1 } else { 7 };

    let tsc = MonotonicClock::new();
    let os = MonotonicClock::os();
    println!("clock sources: default = {}, fallback = {}", tsc.name(), os.name());
    report("Instant::now()", rounds, 10_000 * scale, || {
        black_box(Instant::now());
    });
    report("MonotonicClock::os().now_ns()", rounds, 10_000 * scale, || {
        black_box(os.now_ns());
    });
    report("MonotonicClock::new().now_ns()", rounds, 10_000 * scale, || {
        black_box(tsc.now_ns());
    });
    let boxed: Box<dyn Clock> = Box::new(tsc);
    report("Box<dyn Clock> (default).now_ns()", rounds, 10_000 * scale, || {
        black_box(boxed.now_ns());
    });

    let n = if smoke { 10 } else { 25 };
    let pairs = fib_calls(n);
    report_batch(&format!("baseline: fib({n}) shape, no recorder"), rounds, pairs, || {
        fib_baseline(n);
    });
    let mut rec = Recorder::with_calibration(Box::new(Counter::default()), true, Calibration::NONE);
    let fib = rec.register(ml("fib"));
    report_batch(
        &format!("bookkeeping only: fib({n}) shape, counter clock"),
        rounds,
        pairs,
        || {
            fib_events(&mut rec, fib, n);
        },
    );

    let n_accuracy = if smoke { 10 } else { 22 };
    for work in [0, 20, 50, 200] {
        accuracy(n_accuracy, work, rounds);
    }

    for (name, clock) in [("default", tsc), ("os", os)] {
        let mut rec = recorder(clock);
        let fib = rec.register(ml("fib"));
        report_batch(
            &format!("enter+exit pair, fib({n}) shape, {name} clock"),
            rounds,
            pairs,
            || {
                fib_events(&mut rec, fib, n);
            },
        );
        let calibration = Recorder::new(Box::new(clock), true).calibration();
        println!(
            "  calibrated by Recorder::new: {:.1} ns per event, {:.1} ns inside",
            calibration.event_cost_ps as f64 / 1e3,
            calibration.inside_cost_ps as f64 / 1e3
        );

        let mut rec = recorder(clock);
        let leaf = rec.register(ml("leaf"));
        let alloc = AllocSample::default();
        report(
            &format!("enter+exit pair, loop over 1 callee, {name} clock"),
            rounds,
            10_000 * scale,
            || {
                rec.enter(leaf, alloc);
                rec.exit(alloc);
            },
        );

        let mut rec = recorder(clock);
        let main = rec.register(ml("main"));
        let funcs: Vec<u32> = (0..4).map(|i| rec.register(ml(&format!("f{i}")))).collect();
        let alloc = AllocSample::default();
        rec.enter(main, alloc);
        report(
            &format!("enter+exit pair, loop over 4 callees, {name} clock"),
            rounds,
            10_000 * scale,
            {
                let mut i = 0;
                move || {
                    rec.enter(funcs[i & 3], alloc);
                    rec.exit(alloc);
                    i += 1;
                }
            },
        );
    }
}

/// How well the calibrated correction recovers the unprofiled time: a fib-shaped
/// recursion doing a little work per call, timed without the profiler, then profiled.
fn accuracy(n: u64, work: u64, rounds: u32) {
    let mut unprofiled = u64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        fib_work(None, 0, n, work);
        unprofiled = unprofiled.min(start.elapsed().as_nanos() as u64);
    }
    let (mut wall, mut reported) = (u64::MAX, u64::MAX);
    for _ in 0..rounds {
        let mut rec = Recorder::new(Box::new(MonotonicClock::new()), true);
        let fib = rec.register(ml("fib"));
        let start = Instant::now();
        fib_work(Some(&mut rec), fib, n, work);
        let elapsed = start.elapsed().as_nanos() as u64;
        let profile = rec.finish("bench.ml");
        if elapsed < wall {
            wall = elapsed;
            reported = profile.total_ns();
        }
    }
    println!(
        "accuracy, fib({n}) shape with {work} work units per call: unprofiled {:.3} ms, \
         profiled {:.3} ms ({:.2}x), reported {:.3} ms ({:+.1}%)",
        unprofiled as f64 / 1e6,
        wall as f64 / 1e6,
        wall as f64 / unprofiled as f64,
        reported as f64 / 1e6,
        (reported as f64 / unprofiled as f64 - 1.0) * 100.0,
    );
}

/// `fib(n)`'s recursion with `work` iterations of busy work per call, recorded when a
/// recorder is given.
#[inline(never)]
fn fib_work(mut rec: Option<&mut Recorder>, fib: u32, n: u64, work: u64) {
    let alloc = AllocSample::default();
    if let Some(rec) = rec.as_deref_mut() {
        rec.enter(fib, alloc);
    }
    let mut acc = n;
    for i in 0..work {
        acc = black_box(acc.wrapping_mul(31).wrapping_add(i));
    }
    black_box(acc);
    if n >= 2 {
        fib_work(rec.as_deref_mut(), fib, n - 1, work);
        fib_work(rec.as_deref_mut(), fib, n - 2, work);
    }
    if let Some(rec) = rec {
        rec.exit(alloc);
    }
}

fn recorder(clock: MonotonicClock) -> Recorder {
    Recorder::with_calibration(Box::new(clock), true, Calibration::NONE)
}

fn ml(name: &str) -> FunctionInfo {
    FunctionInfo {
        name: name.to_owned(),
        file: "bench.ml".to_owned(),
        line: 1,
        kind: FunctionKind::Ml,
        category: Category::MlCode,
    }
}

fn fib_calls(n: u64) -> u64 {
    if n < 2 {
        1
    } else {
        1 + fib_calls(n - 1) + fib_calls(n - 2)
    }
}

/// The events of a naive `fib(n)`, with the allocation counters a runtime would pass.
#[inline(never)]
fn fib_events(rec: &mut Recorder, fib: u32, n: u64) {
    let alloc = AllocSample { bytes: n * 16, count: n, live: 0 };
    rec.enter(fib, alloc);
    if n >= 2 {
        fib_events(rec, fib, n - 1);
        fib_events(rec, fib, n - 2);
    }
    rec.exit(alloc);
}

/// The recursion of `fib_events` without a recorder, to subtract from it.
#[inline(never)]
fn fib_baseline(n: u64) {
    black_box(AllocSample { bytes: n * 16, count: n, live: 0 });
    if n >= 2 {
        fib_baseline(n - 1);
        fib_baseline(n - 2);
    }
    black_box(n);
}

/// A clock that costs nothing: a counter, to isolate the recorder's bookkeeping.
#[derive(Default)]
struct Counter(Cell<u64>);

impl Clock for Counter {
    fn now_ns(&self) -> u64 {
        let now = self.0.get() + 1;
        self.0.set(now);
        now
    }
}

/// Runs `f` `iters` times per round and prints the best round's time per iteration.
fn report(name: &str, rounds: u32, iters: u64, mut f: impl FnMut()) {
    report_batch(name, rounds, iters, || {
        for _ in 0..iters {
            f();
        }
    });
}

/// Runs `f` (which does `iters` iterations) once per round and prints the best round's
/// time per iteration.
fn report_batch(name: &str, rounds: u32, iters: u64, mut f: impl FnMut()) {
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let start = Instant::now();
        f();
        let ns = start.elapsed().as_nanos() as f64 / iters as f64;
        best = best.min(ns);
    }
    println!("{name:<55} {best:>8.2} ns");
}
