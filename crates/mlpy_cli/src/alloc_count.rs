//! The process's allocator: the system allocator, counting the bytes allocated while a
//! profiled run loads its program. The runtime counts the ML heap itself (`heap.rs`);
//! this gives the profiler the memory of the phases before execution (parsing, the
//! static checks, compilation), which is Rust data the runtime never sees.
//!
//! When counting is off (every run without `--profile`, and execution) an allocation
//! costs one relaxed load more.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

pub struct CountingAllocator;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCATED: AtomicU64 = AtomicU64::new(0);

#[inline]
fn count(bytes: usize) {
    if COUNTING.load(Relaxed) {
        ALLOCATED.fetch_add(bytes as u64, Relaxed);
    }
}

// SAFETY: every method passes its arguments unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the counting touches only the two atomics above.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwarded as is (see above).
        unsafe { System.alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwarded as is.
        unsafe { System.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        // SAFETY: forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Starts or stops counting.
pub fn set_counting(on: bool) {
    COUNTING.store(on, Relaxed);
}

/// Bytes allocated while counting was on (growth by `realloc` included).
pub fn allocated() -> u64 {
    ALLOCATED.load(Relaxed)
}

/// One malloc arena for the whole process (glibc). The interpreter runs on its own thread
/// (for its large stack), and glibc gives each new thread an arena of its own, which grows
/// and shrinks in small `mprotect`/`madvise` steps: every page it gives back is faulted
/// in and zeroed again. With the main arena (grown by `brk`, trimmed only past its
/// dynamic threshold) `regex_scan` went from about 0.86 s to 0.66 s of CPU time (user +
/// sys, `/usr/bin/time`, `MALLOC_ARENA_MAX=1`) and `csv_sum` from 0.25 s to 0.23 s. The
/// few other threads (the watchdog, HTTP helpers) barely allocate. Called before any
/// thread is spawned.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn one_arena() {
    // SAFETY: `mallopt` only sets an allocator tunable; it is called once, on the main
    // thread, before any other thread exists, and its result (0 on failure) is only advice.
    #[allow(unsafe_code)]
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Other platforms keep their allocator's defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn one_arena() {}
