//! Unit tests of the recorder's internals: the node cache and the calibration.

use crate::clock::{FakeClock, MonotonicClock};
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
