//! Clocks: the cheap monotonic clock used in production and the fake clock used in tests.
//!
//! The recorder reads its clock twice per call (once at enter, once at exit), so the clock
//! is the largest part of the profiler's per-call cost. `MonotonicClock` therefore uses
//! the CPU's time-stamp counter where the CPU guarantees an invariant TSC (one that ticks
//! at a constant rate in every power state), calibrated against the OS monotonic clock,
//! and falls back to `std::time::Instant` elsewhere. `FakeClock` advances a fixed step
//! per read, which makes every recorded figure, and so every report, deterministic.

use std::cell::Cell;
use std::time::Instant;

mod cpu;
mod tsc;

pub(crate) use cpu::thread_cpu_ns;

/// A monotonic source of nanoseconds.
pub trait Clock: Send {
    /// The current reading, in nanoseconds since an arbitrary origin.
    fn now_ns(&self) -> u64;

    /// A short name of the clock's source, recorded in the profile (`"tsc"`, `"os"`, …).
    fn name(&self) -> &'static str {
        "custom"
    }

    /// Whether readings are deterministic (a test clock). The recorder skips the
    /// calibration of its own per-event cost for such clocks, since it would only measure
    /// the clock's step.
    fn is_deterministic(&self) -> bool {
        false
    }

    /// The clock's source when the recorder can read it itself, without a call through
    /// the trait object on every event (only the crate's own clocks have one).
    fn direct(&self) -> Option<DirectClock> {
        None
    }
}

/// A clock source the recorder reads inline on its hot path (see `Clock::direct`): the
/// time-stamp counter. The recorder keeps raw ticks while running and converts their
/// sums to nanoseconds once, when it finishes.
#[derive(Clone, Copy, Debug)]
pub struct DirectClock {
    scale: tsc::TscScale,
    /// Whether time off the core is taken out (`ThreadCpuClock`).
    pub(crate) off_cpu: bool,
}

impl DirectClock {
    /// A raw reading, in ticks since an arbitrary origin.
    #[inline(always)]
    pub(crate) fn ticks(self) -> u64 {
        tsc::read_tsc()
    }

    /// A number of ticks (a difference or a sum of differences) in nanoseconds.
    #[inline]
    pub(crate) fn ticks_to_ns(self, ticks: u64) -> u64 {
        self.scale.ticks_to_ns(ticks)
    }

    /// A number of nanoseconds in ticks.
    #[inline]
    pub(crate) fn ns_to_ticks(self, ns: u64) -> u64 {
        self.scale.ns_to_ticks(ns)
    }

    /// The current reading in nanoseconds, as `Clock::now_ns` of the clock it came from.
    pub(crate) fn now_ns(self) -> u64 {
        self.scale.now_ns()
    }

    /// The same clock with its rate measured again over its whole life so far (more
    /// precise than the short calibration made when it was created).
    pub(crate) fn rescaled(self) -> DirectClock {
        DirectClock { scale: self.scale.rescaled(), ..self }
    }
}

impl<C: Clock + ?Sized> Clock for Box<C> {
    #[inline]
    fn now_ns(&self) -> u64 {
        (**self).now_ns()
    }
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn is_deterministic(&self) -> bool {
        (**self).is_deterministic()
    }
    fn direct(&self) -> Option<DirectClock> {
        (**self).direct()
    }
}

/// The production clock: the invariant TSC where available, else the OS monotonic clock.
#[derive(Clone, Copy, Debug)]
pub struct MonotonicClock {
    origin: Instant,
    tsc: Option<tsc::TscScale>,
}

impl MonotonicClock {
    /// The cheapest clock available: the TSC when the CPU reports an invariant TSC and its
    /// rate could be calibrated against the OS clock (this spins for 0.1 ms), the OS
    /// monotonic clock otherwise.
    pub fn new() -> MonotonicClock {
        MonotonicClock { origin: Instant::now(), tsc: tsc::TscScale::calibrate() }
    }

    /// The OS monotonic clock (`std::time::Instant`), whatever the CPU offers.
    pub fn os() -> MonotonicClock {
        MonotonicClock { origin: Instant::now(), tsc: None }
    }

    /// Whether this clock reads the time-stamp counter.
    pub fn uses_tsc(&self) -> bool {
        self.tsc.is_some()
    }
}

impl Default for MonotonicClock {
    fn default() -> MonotonicClock {
        MonotonicClock::new()
    }
}

impl Clock for MonotonicClock {
    #[inline]
    fn now_ns(&self) -> u64 {
        match &self.tsc {
            Some(scale) => scale.now_ns(),
            None => self.origin.elapsed().as_nanos() as u64,
        }
    }

    fn name(&self) -> &'static str {
        if self.tsc.is_some() {
            "tsc"
        } else {
            "os"
        }
    }

    fn direct(&self) -> Option<DirectClock> {
        self.tsc.map(|scale| DirectClock { scale, off_cpu: false })
    }
}

/// The calling thread's CPU time (`--clock cpu`): time the thread ran, not time it
/// waited for a core.
///
/// The OS's thread CPU clock is a system call (hundreds of nanoseconds: more than the
/// rest of an event), so where the TSC is usable the recorder reads the TSC as for wall
/// time and takes out the time the thread spent off its core: a thread that is switched
/// out stops sending events, so every switch shows as a long gap between two events, and
/// after a gap of more than `OFF_CPU_GAP` the recorder asks the OS clock how much of the
/// time since the run began was CPU time, and takes the difference out of that gap (see
/// `recorder.rs`, `OffCpu`). Switches shorter than the gap threshold go unseen until the
/// next long gap. Without a usable TSC every read is the system call.
#[derive(Clone, Copy, Debug)]
pub struct ThreadCpuClock {
    origin: u64,
    tsc: Option<tsc::TscScale>,
}

/// The shortest gap between two events after which a CPU-time clock asks the OS how much
/// of the run the thread was off its core: 50 µs, so that the system call (about 1 µs on
/// a virtual machine) costs at most 2% of a gap.
pub(crate) const OFF_CPU_GAP_NS: u64 = 50_000;

impl ThreadCpuClock {
    /// The calling thread's CPU clock, or `None` where the OS has none. Readings are only
    /// meaningful on the thread that created it.
    pub fn new() -> Option<ThreadCpuClock> {
        let origin = cpu::thread_cpu_ns()?;
        Some(ThreadCpuClock { origin, tsc: tsc::TscScale::calibrate() })
    }

    /// The OS's thread CPU clock on every read, whatever the CPU offers.
    pub fn os() -> Option<ThreadCpuClock> {
        let origin = cpu::thread_cpu_ns()?;
        Some(ThreadCpuClock { origin, tsc: None })
    }
}

impl Clock for ThreadCpuClock {
    #[inline]
    fn now_ns(&self) -> u64 {
        cpu::thread_cpu_ns().unwrap_or(self.origin).saturating_sub(self.origin)
    }

    fn name(&self) -> &'static str {
        if self.tsc.is_some() {
            "tsc-thread-cpu"
        } else {
            "thread-cpu"
        }
    }

    fn direct(&self) -> Option<DirectClock> {
        self.tsc.map(|scale| DirectClock { scale, off_cpu: true })
    }
}

/// The calling thread's CPU time since it started, where the OS has a thread CPU clock
/// (for timing what happens outside the recorder with the same clock, as the CLI's
/// loading phases under `--clock cpu`).
pub fn thread_cpu_time() -> Option<std::time::Duration> {
    cpu::thread_cpu_ns().map(std::time::Duration::from_nanos)
}

/// Which clock times a profiled run (`--clock`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ClockKind {
    /// Elapsed time (`MonotonicClock`), the default.
    #[default]
    Wall,
    /// The thread's CPU time (`ThreadCpuClock`).
    Cpu,
}

impl ClockKind {
    /// The clock of this kind, or an error where the OS has none.
    pub fn clock(self) -> Result<Box<dyn Clock>, String> {
        match self {
            ClockKind::Wall => Ok(Box::new(MonotonicClock::new())),
            ClockKind::Cpu => match ThreadCpuClock::new() {
                Some(clock) => Ok(Box::new(clock)),
                None => Err("this system has no per-thread CPU clock: use `--clock wall`".into()),
            },
        }
    }
}

impl std::str::FromStr for ClockKind {
    type Err = String;
    fn from_str(s: &str) -> Result<ClockKind, String> {
        match s {
            "wall" => Ok(ClockKind::Wall),
            "cpu" => Ok(ClockKind::Cpu),
            _ => Err(format!("unknown clock `{s}` (valid: wall, cpu)")),
        }
    }
}

/// A test clock: every read advances the time by `step` nanoseconds and returns it.
#[derive(Debug)]
pub struct FakeClock {
    step: u64,
    now: Cell<u64>,
}

impl FakeClock {
    /// A clock at zero whose every read advances by `step` nanoseconds.
    pub fn new(step: u64) -> FakeClock {
        FakeClock { step, now: Cell::new(0) }
    }

    /// The step added by every read.
    pub fn step(&self) -> u64 {
        self.step
    }
}

impl Clock for FakeClock {
    fn now_ns(&self) -> u64 {
        let now = self.now.get() + self.step;
        self.now.set(now);
        now
    }

    fn name(&self) -> &'static str {
        "fake"
    }

    fn is_deterministic(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests;
