//! The x86-64 time-stamp counter, the only `unsafe` code of the crate.
//!
//! Reading the TSC (`rdtsc`) costs a few nanoseconds, against twenty or more for
//! `clock_gettime` through the vDSO (see `benches/recorder.rs`). It is used only when
//! CPUID reports an invariant TSC (leaf 0x8000_0007, EDX bit 8): such a counter ticks at
//! a constant rate whatever the frequency or power state of the core, and is synchronized
//! across cores, so differences of readings are durations. Its rate is calibrated against
//! the OS monotonic clock when the clock is created.
#![allow(unsafe_code)]

use std::time::{Duration, Instant};

/// How long the calibration against the OS clock spins. The error of the rate is about
/// the OS clock's read latency (tens of nanoseconds) divided by this span.
const CALIBRATION_SPAN: Duration = Duration::from_millis(1);

/// The conversion of TSC readings to nanoseconds: `(tsc - origin) * mult >> 32`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TscScale {
    origin: u64,
    mult: u64,
}

impl TscScale {
    /// Measures the TSC's rate against `Instant`, or `None` when the CPU has no invariant
    /// TSC or the measured rate is implausible.
    pub(crate) fn calibrate() -> Option<TscScale> {
        if !has_invariant_tsc() {
            return None;
        }
        let (t0, i0) = reading_pair();
        while i0.elapsed() < CALIBRATION_SPAN {
            std::hint::spin_loop();
        }
        let (t1, i1) = reading_pair();
        let ns = i1.duration_since(i0).as_nanos();
        let ticks = u128::from(t1.checked_sub(t0)?);
        // Plausible rates lie between 100 MHz and 20 GHz.
        if ticks == 0 || ticks * 10 < ns || ticks > ns * 20 {
            return None;
        }
        let mult = u64::try_from((ns << 32) / ticks).ok()?;
        Some(TscScale { origin: t0, mult })
    }

    /// Nanoseconds since the calibration started.
    #[inline]
    pub(crate) fn now_ns(&self) -> u64 {
        self.ticks_to_ns(read_tsc().saturating_sub(self.origin))
    }

    /// A number of ticks in nanoseconds.
    #[inline]
    pub(crate) fn ticks_to_ns(&self, ticks: u64) -> u64 {
        ((u128::from(ticks) * u128::from(self.mult)) >> 32) as u64
    }
}

/// A TSC reading and an `Instant` taken as close together as possible: the TSC is read
/// before and after `Instant::now()`, and the midpoint of the tightest of a few tries is
/// kept.
fn reading_pair() -> (u64, Instant) {
    let mut best: Option<(u64, u64, Instant)> = None;
    for _ in 0..5 {
        let before = read_tsc();
        let instant = Instant::now();
        let after = read_tsc();
        let width = after.saturating_sub(before);
        if best.is_none_or(|(w, _, _)| width < w) {
            best = Some((width, before + width / 2, instant));
        }
    }
    let (_, tsc, instant) = best.expect("the loop runs at least once");
    (tsc, instant)
}

#[cfg(target_arch = "x86_64")]
fn has_invariant_tsc() -> bool {
    use std::arch::x86_64::__cpuid;
    // `cpuid` is a safe intrinsic. Leaf 0x8000_0000 gives the highest extended leaf;
    // leaf 0x8000_0007 (advanced power management) is queried only when it exists.
    if __cpuid(0x8000_0000).eax < 0x8000_0007 {
        return false;
    }
    __cpuid(0x8000_0007).edx & (1 << 8) != 0
}

#[cfg(not(target_arch = "x86_64"))]
fn has_invariant_tsc() -> bool {
    false
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn read_tsc() -> u64 {
    // SAFETY: `rdtsc` exists on every x86-64 CPU and only reads the time-stamp counter.
    unsafe { std::arch::x86_64::_rdtsc() }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub(crate) fn read_tsc() -> u64 {
    // Never reached: `has_invariant_tsc` is false, so no `TscScale` exists.
    0
}
