//! The calling thread's CPU time (`--clock cpu`), from `clock_gettime` with
//! `CLOCK_THREAD_CPUTIME_ID`: time the thread ran, in user and kernel mode, and not time
//! it waited for a core. Under contention this is what a function cost, where wall time
//! also counts the other programs sharing the core. Unlike the monotonic clock, the
//! kernel answers it with a system call (no vDSO), so each read costs a few hundred
//! nanoseconds: the recorder's calibration measures that cost and subtracts it.
#![allow(unsafe_code)]

/// Reads the thread's CPU time in nanoseconds, or `None` where the OS has no such clock.
pub(crate) fn thread_cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable `timespec` for the duration of the call, and
    // `clock_gettime` writes nothing else.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}
