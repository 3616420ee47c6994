//! The calling thread's CPU time, from `clock_gettime` with `CLOCK_THREAD_CPUTIME_ID`:
//! time the thread ran, in user and kernel mode, and not time it waited for a core.
//! Unlike the monotonic clock, the kernel answers it with a system call (no vDSO), so a
//! read costs from a few hundred nanoseconds to a microsecond (on a virtual machine);
//! `ThreadCpuClock` reads it only after long gaps between events when it can.
#![allow(unsafe_code)]

/// Reads the thread's CPU time in nanoseconds, or `None` where the OS has no such clock.
pub(crate) fn thread_cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable `timespec` for the duration of the call, and
    // `clock_gettime` writes nothing else.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}
