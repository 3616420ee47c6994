//! Heap accounting and the cycle collector.
//!
//! Every heap value the runtime creates is counted here (bytes and count), and every
//! container that can take part in a reference cycle (objects, arrays once they can hold
//! more than ints, closures that capture variables, and the cells of captured variables)
//! is registered with the cycle collector. The sandbox's
//! memory limit and the profiler read the same counters.
//!
//! Values are reference counted (`Rc`). Reference cycles are reclaimed by a backup
//! collector that uses CPython's trial-deletion algorithm: for every registered container,
//! count the references held by other registered containers; a container whose strong
//! count exceeds that number is referenced from outside (the VM stack, a Rust local, an
//! unregistered value) and is alive, and so is everything reachable from it. What remains
//! is garbage held only by cycles; clearing its contents breaks the cycles and lets the
//! reference counts free it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::value::Value;

/// Allocation counters of the current thread. `allocated_*` only grow; `live_bytes`
/// follows frees too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    pub allocated_bytes: u64,
    pub allocated_count: u64,
    pub live_bytes: u64,
    pub peak_live_bytes: u64,
}

thread_local! {
    static STATS: Cell<HeapStats> = const { Cell::new(HeapStats {
        allocated_bytes: 0,
        allocated_count: 0,
        live_bytes: 0,
        peak_live_bytes: 0,
    }) };
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
    /// The allocation site of new objects; 0 when not profiling.
    static SITE: Cell<u32> = const { Cell::new(0) };
    /// Live bytes per allocation site, for the first `SITE_SLOTS` sites: a plain array of
    /// cells, so that updating it (at every allocation and free of a profiled run) is a
    /// load and a store.
    static SITE_LIVE: [Cell<i64>; SITE_SLOTS] = const { [const { Cell::new(0) }; SITE_SLOTS] };
    /// Live bytes of the sites beyond the array, indexed from `SITE_SLOTS`.
    static SITE_LIVE_MORE: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
}

/// Sites kept in the array `SITE_LIVE` (functions, natives and methods that ran).
const SITE_SLOTS: usize = 512;

/// The current thread's allocation counters.
pub fn stats() -> HeapStats {
    STATS.with(|s| s.get())
}

/// Records an allocation of `bytes` and returns its site: the profiled function running
/// now (0 when the run is not profiled). The object keeps the site and gives it back to
/// `on_free`, so the profiler can tell which function's allocations are still live.
#[inline]
pub fn on_alloc(bytes: usize) -> u32 {
    STATS.with(|s| {
        let mut st = s.get();
        st.allocated_bytes += bytes as u64;
        st.allocated_count += 1;
        st.live_bytes += bytes as u64;
        if st.live_bytes > st.peak_live_bytes {
            st.peak_live_bytes = st.live_bytes;
        }
        s.set(st);
    });
    let site = SITE.with(Cell::get);
    if site != 0 {
        site_add(site, bytes as i64);
    }
    site
}

/// Records growth of an existing allocation made at `site` (counted as allocated bytes,
/// not as a new allocation).
#[inline]
pub fn on_grow(bytes: usize, site: u32) {
    STATS.with(|s| {
        let mut st = s.get();
        st.allocated_bytes += bytes as u64;
        st.live_bytes += bytes as u64;
        if st.live_bytes > st.peak_live_bytes {
            st.peak_live_bytes = st.live_bytes;
        }
        s.set(st);
    });
    if site != 0 {
        site_add(site, bytes as i64);
    }
}

/// Records a free of `bytes` previously counted by `on_alloc`/`on_grow` at `site`.
#[inline]
pub fn on_free(bytes: usize, site: u32) {
    STATS.with(|s| {
        let mut st = s.get();
        st.live_bytes = st.live_bytes.saturating_sub(bytes as u64);
        s.set(st);
    });
    if site != 0 {
        site_add(site, -(bytes as i64));
    }
}

/// Adds `delta` to the live bytes of `site` (called for every allocation and free of a
/// profiled run that tracks memory).
#[inline]
fn site_add(site: u32, delta: i64) {
    let idx = site as usize;
    if idx < SITE_SLOTS {
        SITE_LIVE.with(|t| t[idx].set(t[idx].get().wrapping_add(delta)));
    } else {
        site_add_more(idx - SITE_SLOTS, delta);
    }
}

#[cold]
#[inline(never)]
fn site_add_more(idx: usize, delta: i64) {
    SITE_LIVE_MORE.with(|t| {
        let mut t = t.borrow_mut();
        if t.len() <= idx {
            t.resize(idx + 1, 0);
        }
        t[idx] = t[idx].wrapping_add(delta);
    });
}

/// Sets the allocation site of new objects (the profiler sets its running function).
pub fn set_site(site: u32) {
    SITE.with(|s| s.set(site));
}

pub fn site() -> u32 {
    SITE.with(Cell::get)
}

/// Bytes still live per allocation site, for the sites that have any.
pub fn live_by_site() -> Vec<(u32, u64)> {
    let mut live: Vec<i64> = SITE_LIVE.with(|t| t.iter().map(Cell::get).collect());
    SITE_LIVE_MORE.with(|t| live.extend(t.borrow().iter()));
    live.iter()
        .enumerate()
        .filter(|(_, &b)| b > 0)
        .map(|(site, &b)| (site as u32, b as u64))
        .collect()
}

/// A heap value that can hold references to other values.
pub trait Trace {
    /// Calls `f` with every value this container references directly.
    fn trace(&self, f: &mut dyn FnMut(&Value));
    /// Drops every reference this container holds (used only on garbage, to break cycles).
    fn clear(&self);
}

/// The containers the cycle collector knows, in a slab: each container keeps its index
/// in a `GcSlot` and gives it back when it is freed.
#[derive(Default)]
struct Registry {
    slots: Vec<Option<Weak<dyn Trace>>>,
    /// Indices of empty slots, reused last-in first-out.
    free: Vec<u32>,
    /// Containers registered since the last full collection.
    since_full: usize,
    /// Values traced by the last full collection (its cost).
    last_work: usize,
    collections: u64,
}

impl Registry {
    fn add(&mut self, obj: Weak<dyn Trace>) -> u32 {
        self.since_full += 1;
        match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = Some(obj);
                i
            }
            None => {
                self.slots.push(Some(obj));
                (self.slots.len() - 1) as u32
            }
        }
    }

    fn release(&mut self, i: u32) {
        if let Some(slot) = self.slots.get_mut(i as usize) {
            *slot = None;
            self.free.push(i);
        }
    }
}

const MIN_THRESHOLD: usize = 20_000;

/// A container's place in the cycle collector's registry: a field of every container
/// type. `track` fills it once the container is in its `Rc`; dropping it, when the
/// container is freed, empties the place. The registry holds a weak reference, which
/// keeps the allocation itself alive, so emptying the place at once is what lets freed
/// containers go back to the allocator right away (with a sweep over dead weak
/// references instead, 1M short-lived closures spent a quarter of their instructions in
/// `malloc` and `free` of batched frees).
#[derive(Debug)]
pub struct GcSlot(Cell<u32>);

const UNTRACKED: u32 = u32::MAX;

impl GcSlot {
    pub const fn new() -> GcSlot {
        GcSlot(Cell::new(UNTRACKED))
    }
}

impl Default for GcSlot {
    fn default() -> GcSlot {
        GcSlot::new()
    }
}

impl Drop for GcSlot {
    fn drop(&mut self) {
        let i = self.0.get();
        if i != UNTRACKED {
            // At thread exit the registry may be gone already: nothing left to forget.
            let _ = REGISTRY.try_with(|r| r.borrow_mut().release(i));
        }
    }
}

/// Registers a container (whose `GcSlot` field is `slot`) with the cycle collector; a
/// container already registered stays as it is.
pub fn track<T: Trace + 'static>(obj: &Rc<T>, slot: &GcSlot) {
    if slot.0.get() != UNTRACKED {
        return;
    }
    let weak: Weak<dyn Trace> = Rc::downgrade(obj) as Weak<dyn Trace>;
    let i = REGISTRY.with(|r| r.borrow_mut().add(weak));
    slot.0.set(i);
}

/// Whether enough containers were made since the last full collection to pay for
/// tracing the live heap again: tracing then costs O(1) per allocation however large
/// the live heap is (the role generations play in CPython).
pub fn collection_due() -> bool {
    REGISTRY.with(|r| {
        let r = r.borrow();
        r.since_full >= (r.last_work / 4).max(MIN_THRESHOLD)
    })
}

/// The number of full collections run so far on this thread.
pub fn collections() -> u64 {
    REGISTRY.with(|r| r.borrow().collections)
}

/// The number of containers registered with the cycle collector and not yet freed.
pub fn tracked_count() -> usize {
    REGISTRY.with(|r| {
        let r = r.borrow();
        r.slots.len() - r.free.len()
    })
}

/// Runs the cycle collector. Must be called where no `RefCell` of a value is borrowed
/// (the VM calls it between instructions). Returns the number of containers freed.
pub fn collect() -> usize {
    // Each `live` entry adds one strong reference of its own, and keeps every registered
    // container alive until the end: the garbage is freed when `live` is dropped.
    let live: Vec<Rc<dyn Trace>> =
        REGISTRY.with(|r| r.borrow().slots.iter().flatten().filter_map(Weak::upgrade).collect());
    let index: HashMap<*const (), usize> =
        live.iter().enumerate().map(|(i, o)| (Rc::as_ptr(o) as *const (), i)).collect();
    let mut refs: Vec<isize> = live.iter().map(|o| Rc::strong_count(o) as isize - 1).collect();
    let mut work = 0;
    for obj in &live {
        obj.trace(&mut |v| {
            work += 1;
            if let Some(p) = v.container_ptr() {
                if let Some(&i) = index.get(&p) {
                    refs[i] -= 1;
                }
            }
        });
    }
    let mut reachable = vec![false; live.len()];
    let mut stack: Vec<usize> = (0..live.len()).filter(|&i| refs[i] > 0).collect();
    for &i in &stack {
        reachable[i] = true;
    }
    while let Some(i) = stack.pop() {
        live[i].trace(&mut |v| {
            if let Some(p) = v.container_ptr() {
                if let Some(&j) = index.get(&p) {
                    if !reachable[j] {
                        reachable[j] = true;
                        stack.push(j);
                    }
                }
            }
        });
    }
    let mut freed = 0;
    for (obj, &alive) in live.iter().zip(&reachable) {
        if !alive {
            obj.clear();
            freed += 1;
        }
    }
    drop(live);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.since_full = 0;
        r.last_work = work;
        r.collections += 1;
    });
    freed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Array;

    /// An array the collector tracks (one of ints only is packed and holds no reference).
    fn tracked_array() -> Rc<Array> {
        Array::new(vec![Value::Null])
    }

    #[test]
    fn freed_containers_leave_the_registry_at_once() {
        let before = tracked_count();
        let arrays: Vec<_> = (0..100).map(|_| tracked_array()).collect();
        assert_eq!(tracked_count(), before + 100);
        drop(arrays);
        assert_eq!(tracked_count(), before);
        // Their places are reused.
        let again: Vec<_> = (0..100).map(|_| tracked_array()).collect();
        assert_eq!(REGISTRY.with(|r| r.borrow().slots.len()), before + 100);
        drop(again);
    }

    #[test]
    fn a_cycle_is_freed_by_collect_and_nothing_else() {
        let before = tracked_count();
        let kept = tracked_array();
        let a = tracked_array();
        let b = Array::new(vec![Value::Array(a.clone()), Value::Array(kept.clone())]);
        a.push(Value::Array(b.clone()));
        let (weak_a, weak_b) = (Rc::downgrade(&a), Rc::downgrade(&b));
        drop((a, b));
        assert_eq!(tracked_count(), before + 3, "reference counting alone cannot free a cycle");
        assert_eq!(collect(), 2);
        assert!(weak_a.upgrade().is_none() && weak_b.upgrade().is_none());
        assert_eq!(tracked_count(), before + 1);
        assert_eq!(Rc::strong_count(&kept), 1);
    }

    #[test]
    fn an_int_array_is_tracked_once_it_can_hold_references() {
        let before = tracked_count();
        let ints = Array::new(vec![Value::Int(1)]);
        assert_eq!(tracked_count(), before);
        ints.push(Value::Null);
        ints.push(Value::Null);
        assert_eq!(tracked_count(), before + 1);
        drop(ints);
        assert_eq!(tracked_count(), before);
    }
}
