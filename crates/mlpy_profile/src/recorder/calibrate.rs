//! Calibration of the recorder's own cost, at start.
//!
//! What must be subtracted is the time profiling adds to a run, and on an out-of-order
//! CPU that is less than the cost of back-to-back events: part of the clock read and of
//! the bookkeeping overlaps the program's own work. So the recorder times a small piece
//! of filler work (standing in for the interpreter's work around a call) alone, and then
//! wrapped in an enter/exit pair of a scratch function, on itself (same clock, same
//! code). The difference is the cost of a pair; the scratch function's measured time
//! minus the filler's is the part of a pair that falls between its two clock readings.
//! Each figure is the best of a few rounds, since interruptions only ever add time. The
//! scratch records are then forgotten.

use std::hint::black_box;

use crate::profile::{Category, FunctionInfo, FunctionKind};
use crate::recorder::{AllocSample, Calibration, Recorder, ROOT};

const ROUNDS: u32 = 5;
const PAIRS_PER_ROUND: u64 = 4_000;
/// Steps of filler work per pair (a few tens of nanoseconds).
const FILLER_STEPS: u64 = 8;

pub(crate) fn calibrate(rec: &mut Recorder) -> Calibration {
    let func = rec.register(FunctionInfo {
        name: "<profiler calibration>".to_owned(),
        file: String::new(),
        line: 0,
        kind: FunctionKind::Native,
        category: Category::RuntimeOverhead,
    });
    let sample = AllocSample::default();
    let mut acc = 1u64;
    let (mut filler_ns, mut paired_ns, mut inside_ns) = (u64::MAX, u64::MAX, u64::MAX);
    for _ in 0..ROUNDS {
        let start = rec.now_ns();
        for _ in 0..PAIRS_PER_ROUND {
            acc = filler(acc);
        }
        filler_ns = filler_ns.min(rec.now_ns().saturating_sub(start));

        rec.clear_nodes();
        let start = rec.now_ns();
        for _ in 0..PAIRS_PER_ROUND {
            rec.enter(black_box(func), sample);
            acc = filler(acc);
            rec.exit(sample);
        }
        paired_ns = paired_ns.min(rec.now_ns().saturating_sub(start));
        let node = rec.nodes[rec.nodes[ROOT as usize].last_child as usize];
        inside_ns = inside_ns.min(node.incl_ns);
    }
    black_box(acc);
    rec.clear();
    let per_pair = |ns: u64| ns * 1000 / PAIRS_PER_ROUND;
    let pair_ps = per_pair(paired_ns.saturating_sub(filler_ns));
    let inside_ps = per_pair(inside_ns.saturating_sub(filler_ns));
    Calibration { event_cost_ps: pair_ps / 2, inside_cost_ps: inside_ps.min(pair_ps) }
}

/// A few dependent multiply-adds the optimizer cannot remove.
#[inline(never)]
fn filler(mut acc: u64) -> u64 {
    for step in 0..FILLER_STEPS {
        acc = black_box(acc.wrapping_mul(0x9E37_79B9).wrapping_add(step));
    }
    acc
}
