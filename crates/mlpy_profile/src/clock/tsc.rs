//! The x86-64 time-stamp counter, the only `unsafe` code of the crate.
//!
//! Reading the TSC (`rdtsc`) costs a few nanoseconds, against twenty or more for
//! `clock_gettime` through the vDSO (see `benches/recorder.rs`). It is used only when
//! CPUID reports an invariant TSC (leaf 0x8000_0007, EDX bit 8): such a counter ticks at
//! a constant rate whatever the frequency or power state of the core, and is synchronized
//! across cores, so differences of readings are durations. Its rate is calibrated against
//! the OS monotonic clock when the clock is created, briefly, and again over a whole run
//! when a recorder finishes.
#![allow(unsafe_code)]

use std::time::{Duration, Instant};

/// How long the calibration against the OS clock spins when the clock is created. The
/// error of the rate is about the OS clock's read latency (tens of nanoseconds) divided
/// by this span: a few parts in 10,000, enough for readings taken during a run. A
/// recorder measures the rate again over the whole run when it finishes (`rescaled`).
const CALIBRATION_SPAN: Duration = Duration::from_micros(100);

/// The shortest span `rescaled` measures the rate over (else the first rate stays).
const RESCALE_SPAN: Duration = Duration::from_millis(1);

/// The conversion of TSC readings to nanoseconds: `(tsc - origin) * mult >> 32`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TscScale {
    origin: u64,
    /// The OS clock's reading at `origin`.
    origin_instant: Instant,
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
        let mult = rate(t0, i0, t1, i1)?;
        Some(TscScale { origin: t0, origin_instant: i0, mult })
    }

    /// The same origin with the rate measured again, from the origin to now, when at
    /// least `RESCALE_SPAN` has passed (a longer span gives a more precise rate), and the
    /// measured rate is plausible; else `self`.
    pub(crate) fn rescaled(&self) -> TscScale {
        if self.origin_instant.elapsed() < RESCALE_SPAN {
            return *self;
        }
        let (t1, i1) = reading_pair();
        match rate(self.origin, self.origin_instant, t1, i1) {
            Some(mult) => TscScale { mult, ..*self },
            None => *self,
        }
    }

    /// Nanoseconds since the calibration started.
    #[inline]
    pub(crate) fn now_ns(&self) -> u64 {
        self.ticks_to_ns(read_tsc().saturating_sub(self.origin))
    }

    /// A number of nanoseconds in ticks.
    #[inline]
    pub(crate) fn ns_to_ticks(&self, ns: u64) -> u64 {
        ((u128::from(ns) << 32) / u128::from(self.mult.max(1))) as u64
    }

    /// A number of ticks in nanoseconds.
    #[inline]
    pub(crate) fn ticks_to_ns(&self, ticks: u64) -> u64 {
        ((u128::from(ticks) * u128::from(self.mult)) >> 32) as u64
    }
}

/// The conversion factor (nanoseconds per tick, times 2^32) between two reading pairs,
/// or `None` when the TSC went back or its rate is implausible.
fn rate(t0: u64, i0: Instant, t1: u64, i1: Instant) -> Option<u64> {
    let ns = i1.duration_since(i0).as_nanos();
    let ticks = u128::from(t1.checked_sub(t0)?);
    // Plausible rates lie between 100 MHz and 20 GHz.
    if ticks == 0 || ticks * 10 < ns || ticks > ns * 20 {
        return None;
    }
    u64::try_from((ns << 32) / ticks).ok()
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
