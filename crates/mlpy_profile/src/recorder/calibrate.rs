//! Calibration of the profiler's own cost, at start.
//!
//! What must be subtracted is the time profiling adds to a run, and on an out-of-order
//! CPU that is less than the cost of back-to-back events: part of the clock read and of
//! the bookkeeping overlaps the program's own work. So the calibration times a small
//! piece of filler work (standing in for the interpreter's work around a call) alone, and
//! then wrapped in an enter/exit pair of a scratch function sent through the same path
//! real events take (`EventPath`: for a runtime, its hooks with their function-id lookup
//! and allocation sampling; for a bare recorder, `Recorder::enter`/`exit`), on the same
//! clock. The difference is the cost of a pair; the scratch function's measured time
//! minus the filler's is the part of a pair that falls between its two clock readings.
//! Each figure is the median of several short rounds, each round measuring the filler
//! alone and paired back to back, so that an interruption or a change of clock speed
//! spoils one round and not the result. The scratch records are then forgotten.

use std::hint::black_box;

use crate::profile::{Category, FunctionInfo, FunctionKind};
use crate::recorder::{AllocSample, Calibration, Recorder, ROOT};

const ROUNDS: usize = 11;
const PAIRS_PER_ROUND: u64 = 2_000;
/// Steps of filler work per pair (a few tens of nanoseconds).
const FILLER_STEPS: u64 = 8;

/// The path an event takes from a runtime to its recorder, for
/// `Recorder::calibrate_through`: the calibration sends enter/exit pairs of one scratch
/// function through it, exactly as the runtime sends real events.
pub trait EventPath {
    /// The recorder the events reach.
    fn recorder(&mut self) -> &mut Recorder;
    /// The scratch function starts, as a real function's start is reported.
    fn enter(&mut self);
    /// The scratch function ends, as a real function's end is reported.
    fn exit(&mut self);
}

/// A bare recorder's own path: `enter`/`exit` of a scratch function registered here.
struct RecorderPath<'a> {
    rec: &'a mut Recorder,
    func: u32,
}

impl EventPath for RecorderPath<'_> {
    fn recorder(&mut self) -> &mut Recorder {
        self.rec
    }
    #[inline(always)]
    fn enter(&mut self) {
        self.rec.enter(black_box(self.func), AllocSample::default());
    }
    #[inline(always)]
    fn exit(&mut self) {
        black_box(self.rec.exit(AllocSample::default()));
    }
}

/// Calibrates a bare recorder (`Recorder::new`).
pub(crate) fn calibrate(rec: &mut Recorder) -> Calibration {
    let func = rec.register(FunctionInfo {
        name: "<profiler calibration>".to_owned(),
        file: String::new(),
        line: 0,
        kind: FunctionKind::Native,
        category: Category::RuntimeOverhead,
    });
    calibrate_through(&mut RecorderPath { rec, func })
}

/// Calibrates the cost of events sent through `path`, then forgets every record and
/// registration the calibration made (the caller forgets its own ids of them).
pub(crate) fn calibrate_through(path: &mut impl EventPath) -> Calibration {
    let mut acc = 1u64;
    let mut pair = Vec::with_capacity(ROUNDS);
    let mut inside = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        // Times in clock units (the recorder's own), converted at the end.
        let start = path.recorder().read();
        for _ in 0..PAIRS_PER_ROUND {
            acc = filler(acc);
        }
        let filler_units = path.recorder().read().saturating_sub(start);

        path.recorder().clear_nodes();
        let start = path.recorder().read();
        for _ in 0..PAIRS_PER_ROUND {
            path.enter();
            acc = filler(acc);
            path.exit();
        }
        let rec = path.recorder();
        let paired = rec.read().saturating_sub(start);
        let node = rec.nodes[rec.nodes[ROOT as usize].last_child as usize];
        pair.push(paired.saturating_sub(filler_units));
        inside.push(node.incl.saturating_sub(filler_units));
    }
    black_box(acc);
    let rec = path.recorder();
    rec.clear();
    let per_pair = |units: u64| rec.units_to_ns(units * 1000) / PAIRS_PER_ROUND;
    let pair_ps = per_pair(median(&mut pair));
    let inside_ps = per_pair(median(&mut inside));
    let event_cost_ps = pair_ps / 2;
    Calibration {
        event_cost_ps,
        inside_cost_ps: inside_ps.min(2 * event_cost_ps),
        slow_enter_ps: 0,
    }
}

fn median(values: &mut [u64]) -> u64 {
    values.sort_unstable();
    values[values.len() / 2]
}

/// A few dependent multiply-adds the optimizer cannot remove.
#[inline(never)]
fn filler(mut acc: u64) -> u64 {
    for step in 0..FILLER_STEPS {
        acc = black_box(acc.wrapping_mul(0x9E37_79B9).wrapping_add(step));
    }
    acc
}
