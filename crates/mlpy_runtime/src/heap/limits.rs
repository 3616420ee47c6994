//! The limits of the active heap, checked where allocations and long operations happen
//! without a `&mut Vm` at hand (operators, natives, value growth).
//!
//! - Memory: `reserve(bytes)` refuses an allocation that would take the active heap's
//!   live bytes past its limit, *before* it is made. Results whose size is known in
//!   advance (`s * n`, `range(n)`, `split`, big-int products) are reserved first; growth
//!   of existing values is counted as it happens and checked at the next safepoint.
//!   Without `--max-memory` the limit is the implicit ceiling (`implicit_ceiling`): Linux
//!   overcommits, so an allocation that cannot be backed does not fail, the process is
//!   killed later; checking counted bytes against a ceiling is what keeps the run clean.
//! - Time: `check_deadline()` compares the clock with the active heap's deadline; `tick()`
//!   does so every `TICK_INTERVAL` calls, for loops inside natives; `bounded(cost, f)` runs
//!   an operation that cannot be interrupted (a product of two huge ints) on a helper
//!   thread and stops waiting for it at the deadline.
//!
//! Both end the run with `ErrorKind::LimitExceeded`, which no `except` catches (§1.4).

use std::sync::{mpsc, OnceLock};
use std::time::Instant;

use super::{counters, stats, with_slot, ACTIVE};
use crate::error::{ErrorKind, Result, RuntimeError};

/// The slot of the active heap.
#[inline(always)]
fn active_slot() -> u32 {
    ACTIVE.with(|a| a.slot.get())
}

/// Refuses to allocate `bytes` more when the active heap would then hold more than its
/// memory limit. Call it before making a value whose size is known.
#[inline]
pub fn reserve(bytes: u64) -> Result<()> {
    reserve_for(bytes, "")
}

/// `reserve`, naming what needs the memory (`"s * n"`, `"range"`) in the message.
#[inline]
pub fn reserve_for(bytes: u64, what: &str) -> Result<()> {
    let slot = active_slot();
    let live = stats().live_bytes;
    let limit = counters(slot, |c| c.limit.get());
    if live.saturating_add(bytes) <= limit {
        return Ok(());
    }
    Err(memory_error(slot, limit, live, bytes, what))
}

thread_local! {
    /// A limit error found where it could not be returned (while writing a text form):
    /// the VM ends the run with it after the current native call or at its safepoint.
    static PENDING: std::cell::RefCell<Option<RuntimeError>> = const { std::cell::RefCell::new(None) };
    static HAS_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Records a limit error to be raised by the VM at its next check.
#[cold]
pub fn set_pending(e: RuntimeError) {
    PENDING.with(|p| *p.borrow_mut() = Some(e));
    HAS_PENDING.with(|h| h.set(true));
}

/// Whether a limit error is pending (`take_pending` would return it).
#[inline]
pub fn has_pending() -> bool {
    HAS_PENDING.with(|h| h.get())
}

/// The pending limit error, if any (cleared).
#[inline]
pub fn take_pending() -> Result<()> {
    if !has_pending() {
        return Ok(());
    }
    take_pending_slow()
}

#[cold]
fn take_pending_slow() -> Result<()> {
    HAS_PENDING.with(|h| h.set(false));
    match PENDING.with(|p| p.borrow_mut().take()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Whether the active heap holds more than its limit now (the safepoint's check, after
/// growth that was counted as it happened).
pub fn check_memory() -> Result<()> {
    reserve_for(0, "")
}

/// Whether the active heap holds more than its memory limit now: a few loads, cheap
/// enough for the VM to ask after every native call and for natives to ask for every
/// value they make in a loop (`tick`), so that neither a loop of copies between two
/// safepoints nor one call that builds millions of values gets far past the limit.
#[inline]
pub fn over_limit() -> bool {
    stats().live_bytes > counters(active_slot(), |c| c.limit.get())
}

#[cold]
#[inline(never)]
fn memory_error(slot: u32, limit: u64, live: u64, bytes: u64, what: &str) -> RuntimeError {
    let text = with_slot(slot, |d| d.memory_text.clone());
    let name = if text.is_empty() { human_bytes(limit) } else { text };
    let message = if bytes == 0 {
        format!("memory limit of {name} exceeded ({} live)", human_bytes(live))
    } else {
        let what = if what.is_empty() { "an allocation" } else { what };
        format!(
            "memory limit of {name} exceeded: {what} needs {} more, with {} live",
            human_bytes(bytes),
            human_bytes(live)
        )
    };
    RuntimeError::new(ErrorKind::LimitExceeded, message)
}

/// Ends the run when the active heap's deadline has passed.
#[inline]
pub fn check_deadline() -> Result<()> {
    match counters(active_slot(), |c| c.deadline.get()) {
        Some(deadline) if Instant::now() >= deadline => Err(time_limit_error()),
        _ => Ok(()),
    }
}

/// The error of a run past its deadline, naming the time limit.
#[cold]
#[inline(never)]
pub fn time_limit_error() -> RuntimeError {
    let text = with_slot(active_slot(), |d| d.time_text.clone());
    let name = if text.is_empty() { "the time limit".to_owned() } else { text };
    RuntimeError::new(ErrorKind::LimitExceeded, format!("time limit of {name} exceeded"))
}

/// Calls between two reads of the clock by `tick`.
const TICK_INTERVAL: u32 = 4096;

thread_local! {
    static TICKS: std::cell::Cell<u32> = const { std::cell::Cell::new(TICK_INTERVAL) };
}

/// `check_deadline` every `TICK_INTERVAL` calls, and the memory limit at every call: for
/// the loops of natives (sorting, `unique`, factorials, building an array of new values),
/// where reading the clock every step would cost too much.
#[inline]
pub fn tick() -> Result<()> {
    if over_limit() {
        check_memory()?;
    }
    let due = TICKS.with(|t| {
        let n = t.get() - 1;
        if n == 0 {
            t.set(TICK_INTERVAL);
            true
        } else {
            t.set(n);
            false
        }
    });
    if due {
        check_deadline()
    } else {
        Ok(())
    }
}

/// Operations estimated to cost at least this much (in 64-bit limb operations, about a
/// millisecond) run on a helper thread when the run has a deadline.
pub const BOUNDED_COST: u64 = 1 << 21;

/// Runs `f`, whose cost is estimated as `cost` limb operations, so that the deadline
/// interrupts it: a costly operation runs on a helper thread, which this thread stops
/// waiting for at the deadline (the run then ends; the helper's result is dropped). Cheap
/// operations, and every operation of a run without a deadline, run in place.
pub fn bounded<T: Send + 'static>(cost: u64, f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let deadline = counters(active_slot(), |c| c.deadline.get());
    let Some(deadline) = deadline else { return Ok(f()) };
    if cost < BOUNDED_COST {
        return Ok(f());
    }
    check_deadline()?;
    let (tx, rx) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new().name("mlpy-bounded".to_owned()).spawn(move || {
        let _ = tx.send(f());
    });
    if let Err(e) = spawned {
        return Err(RuntimeError::new(
            ErrorKind::LimitExceeded,
            format!("cannot start a thread for a long operation: {e}"),
        ));
    }
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(v) => Ok(v),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(time_limit_error()),
        // The helper panicked (its message is on stderr).
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(RuntimeError::new(
            ErrorKind::LimitExceeded,
            "a long operation failed (out of resources)",
        )),
    }
}

/// Share of the machine's memory that a run without `--max-memory` may use: half of the
/// physical memory, or of the cgroup's memory limit when that is lower.
const CEILING_SHARE: u64 = 2;

/// The implicit memory limit of a run without `--max-memory`, and how messages name it:
/// half of the physical memory (`/proc/meminfo`) or of the cgroup's limit
/// (`/sys/fs/cgroup/memory.max`, or cgroup v1's `memory.limit_in_bytes`), whichever is
/// lower. `None` where neither can be read (not Linux).
pub fn implicit_ceiling() -> Option<(u64, String)> {
    static CEILING: OnceLock<Option<(u64, String)>> = OnceLock::new();
    CEILING.get_or_init(compute_ceiling).clone()
}

fn compute_ceiling() -> Option<(u64, String)> {
    let physical = std::fs::read_to_string("/proc/meminfo").ok().and_then(|text| {
        let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb.saturating_mul(1024))
    });
    let read_number = |path: &str| -> Option<u64> {
        std::fs::read_to_string(path).ok()?.trim().parse::<u64>().ok()
    };
    let cgroup = read_number("/sys/fs/cgroup/memory.max")
        .or_else(|| read_number("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
        // v1 reports "no limit" as a huge number.
        .filter(|&n| n < 1 << 60);
    let (base, of) = match (physical, cgroup) {
        (Some(p), Some(c)) if c < p => (c, "the cgroup's memory limit"),
        (Some(p), _) => (p, "the physical memory"),
        (None, Some(c)) => (c, "the cgroup's memory limit"),
        (None, None) => return None,
    };
    let ceiling = base / CEILING_SHARE;
    Some((
        ceiling,
        format!("{} (half of {of}; set --max-memory to choose another)", human_bytes(ceiling)),
    ))
}

/// `bytes` in binary units: `512 B`, `64 MiB`, `1.5 GiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut unit = 0;
    let mut scaled = bytes as f64;
    while scaled >= 1024.0 && unit + 1 < UNITS.len() {
        scaled /= 1024.0;
        unit += 1;
    }
    if unit == 0 || scaled.fract() == 0.0 {
        format!("{scaled} {}", UNITS[unit])
    } else {
        format!("{scaled:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;
    use std::time::Duration;

    #[test]
    fn reserve_refuses_past_the_limit_of_the_active_heap_only() {
        let heap = Heap::new();
        heap.set_limits(Some(1 << 20), "1M".to_owned(), None, String::new());
        {
            let _active = heap.activate();
            assert!(reserve(1000).is_ok());
            let err = reserve_for(2 << 20, "s * n").unwrap_err();
            assert_eq!(err.kind(), ErrorKind::LimitExceeded);
            assert!(err.message().contains("memory limit of 1M exceeded"), "{}", err.message());
            assert!(err.message().contains("s * n needs 2 MiB more"), "{}", err.message());
            assert!(check_memory().is_ok());
        }
        // Another heap (here the ambient one) has its own limit.
        assert!(reserve(2 << 20).is_ok());
    }

    #[test]
    fn the_deadline_ends_checks_and_bounded_operations() {
        let heap = Heap::new();
        let _active = heap.activate();
        assert!(check_deadline().is_ok());
        assert_eq!(bounded(u64::MAX, || 7).unwrap(), 7, "no deadline: runs in place");
        heap.set_limits(None, String::new(), Some(Instant::now()), "1s".to_owned());
        let err = check_deadline().unwrap_err();
        assert!(err.message().contains("time limit of 1s exceeded"), "{}", err.message());
        let ticked = (0..TICK_INTERVAL * 2).map(|_| tick()).filter(Result::is_err).count();
        assert!(ticked >= 1);
        // A cheap operation runs even past the deadline; a costly one is not waited for.
        assert_eq!(bounded(1, || 3).unwrap(), 3);
        let deadline = Instant::now() + Duration::from_millis(50);
        heap.set_limits(None, String::new(), Some(deadline), "50ms".to_owned());
        let started = Instant::now();
        let slow = bounded(u64::MAX, || std::thread::sleep(Duration::from_secs(5)));
        assert!(slow.is_err());
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(bounded(u64::MAX, || 5).ok(), None, "past the deadline");
    }

    #[test]
    fn human_units() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(64 << 20), "64 MiB");
        assert_eq!(human_bytes(3 << 29), "1.5 GiB");
    }

    #[test]
    fn the_implicit_ceiling_is_half_of_something_real() {
        if let Some((bytes, text)) = implicit_ceiling() {
            assert!(bytes > 1 << 20, "{bytes}");
            assert!(text.contains("half of"), "{text}");
        }
    }
}
