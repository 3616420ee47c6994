//! Unit tests of the recorder's internals: the node cache and the calibration.

use crate::clock::{Clock, FakeClock, MonotonicClock, ThreadCpuClock};
use crate::profile::{Category, FunctionInfo, FunctionKind};
use crate::recorder::{AllocSample, Calibration, Recorder};

fn native(name: &str) -> FunctionInfo {
    FunctionInfo {
        name: name.to_owned(),
        file: String::new(),
        line: 0,
        kind: FunctionKind::Native,
        category: Category::StandardLibrary,
    }
}

#[test]
fn one_node_per_call_path() {
    let mut rec = Recorder::with_calibration(Box::new(FakeClock::new(1)), true, Calibration::NONE);
    let [a, b, c] = ["a", "b", "c"].map(|name| rec.register(native(name)));
    let alloc = AllocSample::default();
    rec.enter(a, alloc);
    for _ in 0..3 {
        // Alternating children miss the one-entry cache: the child cache answers them.
        for func in [b, c, b] {
            rec.enter(func, alloc);
            rec.exit(alloc);
        }
    }
    rec.exit(alloc);
    // root, a, a→b, a→c
    assert_eq!(rec.nodes.len(), 4);
    assert_eq!(rec.nodes.iter().map(|n| n.calls).collect::<Vec<_>>(), [0, 1, 6, 3]);
}

#[test]
fn registering_twice_gives_the_same_id() {
    let mut rec = Recorder::with_calibration(Box::new(FakeClock::new(1)), true, Calibration::NONE);
    let a = rec.register(native("a"));
    let b = rec.register(native("b"));
    assert_eq!(rec.register(native("a")), a);
    assert_ne!(a, b);
}

#[test]
fn calibration_is_skipped_for_a_fake_clock_and_leaves_no_trace() {
    let rec = Recorder::new(Box::new(FakeClock::new(1_000)), true);
    assert_eq!(rec.calibration(), Calibration::NONE);

    let mut rec = Recorder::new(Box::new(MonotonicClock::new()), true);
    let cal = rec.calibration();
    assert!(cal.event_cost_ps > 0, "{cal:?}");
    assert!(cal.inside_cost_ps <= 2 * cal.event_cost_ps, "{cal:?}");
    assert!(rec.functions.is_empty());
    assert_eq!(rec.nodes.len(), 1);
    assert_eq!(rec.register(native("a")), 0);
}

#[test]
fn the_timeline_logs_events_in_order_up_to_its_cap() {
    let record = |cap: u64| {
        let mut rec =
            Recorder::with_calibration(Box::new(FakeClock::new(10)), true, Calibration::NONE);
        rec.record_timeline(cap);
        let [a, b] = ["a", "b"].map(|name| rec.register(native(name)));
        let at = |live| AllocSample { bytes: live, count: 0, live };
        rec.enter(a, at(0));
        rec.enter(b, at(100));
        rec.exit(at(150));
        rec.enter(b, at(150));
        // `b` is still open when the run ends: `finish` closes it, and `a`, in the log.
        rec.finish("t.ml")
    };
    let whole = record(100);
    let t = whole.timeline().expect("recorded");
    let shape: Vec<_> = t.events.iter().map(|e| (e.ts_ns, e.enter, e.heap_bytes)).collect();
    // Function indices are the profile's; the fake clock advances 10 ns per read.
    let (a, b) = (whole.find_function("a"), whole.find_function("b"));
    assert_eq!(
        shape,
        [(0, a, 0), (10, b, 100), (20, None, 150), (30, b, 150), (40, None, 150), (40, None, 150)]
    );
    assert_eq!((t.cap, t.dropped), (100, 0));
    let back = crate::Profile::from_json(&whole.to_json()).expect("reads back");
    assert_eq!(back, whole, "the JSON profile keeps the timeline");

    let cut = record(3);
    let t = cut.timeline().expect("recorded");
    assert_eq!((t.events.len(), t.dropped), (3, 3));
    assert_eq!(crate::Profile::from_json(&cut.to_json()).expect("reads back"), cut);

    let none = Recorder::with_calibration(Box::new(FakeClock::new(1)), true, Calibration::NONE);
    assert!(none.finish("t.ml").timeline().is_none(), "no timeline unless asked for");
}

#[test]
fn a_timeline_that_does_not_hold_together_is_refused() {
    let mut rec = Recorder::with_calibration(Box::new(FakeClock::new(10)), true, Calibration::NONE);
    rec.record_timeline(10);
    let a = rec.register(native("a"));
    rec.enter(a, AllocSample::default());
    rec.exit(AllocSample::default());
    let json = rec.finish("t.ml").to_json();
    for (from, to, why) in [
        ("[0, 0, 0]", "[0, null, 0]", "exits with nothing entered"),
        ("[0, 0, 0]", "[0, 7, 0]", "names no function"),
        ("[0, 0, 0]", "[99, 0, 0]", "goes back in time"),
        ("[0, 0, 0]", "[0, 0]", "must be [ts_ns"),
    ] {
        assert!(json.contains(from), "{json}");
        let err = crate::Profile::from_json(&json.replacen(from, to, 1)).unwrap_err();
        assert!(err.contains(why), "{err}");
    }
}

#[test]
fn figures_no_report_can_add_up_are_refused() {
    let mut rec = Recorder::with_calibration(Box::new(FakeClock::new(10)), true, Calibration::NONE);
    let a = rec.register(native("a"));
    rec.enter(a, AllocSample::default());
    rec.exit(AllocSample::default());
    let json = rec.finish("t.ml").to_json();
    assert!(crate::Profile::from_json(&json).is_ok());
    let huge = json.replacen("\"self_ns\": 10", &format!("\"self_ns\": {}", u64::MAX), 1);
    assert_ne!(huge, json);
    let err = crate::Profile::from_json(&huge).unwrap_err();
    assert!(err.contains("functions[].self_ns"), "{err}");
}

/// The CPU clock leaves out time the thread was not running: an activation that sleeps
/// 100 ms and then works a little measures the work, not the sleep; one that works
/// measures its work (work is spun for a span of the thread's CPU time). (Not a timing test: the bounds are a factor apart from what a
/// broken clock would give, 100 ms of sleep.) Both forms: the TSC with the off-core gaps
/// taken out, and the OS clock read at every event.
#[test]
fn the_cpu_clock_leaves_out_time_off_the_core() {
    #[cfg(not(target_os = "linux"))]
    return;
    let clocks: Vec<Box<dyn Clock>> = [ThreadCpuClock::new(), ThreadCpuClock::os()]
        .into_iter()
        .flatten()
        .map(|c| Box::new(c) as Box<dyn Clock>)
        .collect();
    assert_eq!(clocks.len(), 2, "Linux has a thread CPU clock");
    for clock in clocks {
        let name = clock.name();
        let mut rec = Recorder::with_calibration(clock, false, Calibration::NONE);
        let [sleeper, worker] = ["sleeper", "worker"].map(|name| rec.register(native(name)));
        // Spins for `ms` of this thread's CPU time (not of elapsed time, which a loaded
        // machine would turn into much less work).
        let spin = |ms: u64| {
            let cpu = || crate::clock::thread_cpu_time().expect("a thread CPU clock");
            let until = cpu() + std::time::Duration::from_millis(ms);
            let mut x = 0u64;
            while cpu() < until {
                x = std::hint::black_box(x.wrapping_add(1));
            }
        };
        rec.enter(sleeper, AllocSample::default());
        std::thread::sleep(std::time::Duration::from_millis(100));
        spin(5);
        rec.exit(AllocSample::default());
        rec.enter(worker, AllocSample::default());
        spin(30);
        rec.exit(AllocSample::default());
        let p = rec.finish("t.ml");
        let ms = |name| p.function(p.find_function(name).unwrap()).total_ns as f64 / 1e6;
        let (slept, worked) = (ms("sleeper"), ms("worker"));
        assert!(slept < 50.0, "{name}: the sleep counted ({slept} ms)");
        assert!(worked > 10.0, "{name}: the work did not count ({worked} ms)");
    }
}
