//! Heap accounting and the cycle collector, per VM.
//!
//! Every heap value the runtime creates is counted (bytes and count), and every container
//! that can take part in a reference cycle (objects, arrays once they can hold more than
//! ints, closures that capture variables, and the cells of captured variables) is
//! registered with a cycle collector. The sandbox's memory limit and the profiler read the
//! same counters.
//!
//! # One heap per VM
//!
//! Each `Vm` owns a `Heap`: its counters, its allocation sites (the profiler's live bytes
//! per function) and its collector's registry. Two VMs of one thread are independent:
//! neither sees the other's allocations, limits or garbage.
//!
//! Allocation is hot, so a value does not carry a pointer to its heap. A heap is one of
//! `MAX_HEAPS` numbered *slots* of its thread: the slot's counters and allocation site in
//! a thread-local array, its registry and site table in a thread-local table beside it.
//! The `Heap` value is the VM's lease on its slot. A VM makes its heap the *active* one
//! while it runs (`Heap::activate`, on entry to `run_main` and `call_value`; the previous
//! one is restored on exit, so a VM run from inside another's native nests correctly).
//! The active heap's counters and site are moved to a fixed thread-local place (`Active`)
//! while it is active, so counting an allocation, and the profiler's change of site at
//! every event, is a load and a store as with a single global heap. New values are
//! charged to the active heap, and each records the heap's slot in a 32-bit *tag* (with
//! the allocation site), which it gives back when it is freed: **a free is charged to the
//! heap that made the value**, whichever VM runs when it happens. So a value of VM A
//! dropped while VM B runs lowers A's live bytes, never B's (the one compare this costs
//! on every free sends it to A's slot, out of line); a container is removed from the
//! registry of the heap that registered it, and each heap's collector traces only its own
//! containers (references from another heap's containers count as outside references,
//! which keeps their targets alive: conservative, never unsound).
//!
//! Values can outlive their VM (a `Value` a test keeps after dropping the VM). The slot
//! of a dropped `Heap` is therefore retired, not freed: frees keep being charged to it,
//! and it is reused (its counters reset) only once no value it counted is alive: every
//! value counts a positive number of bytes and gives back exactly what it counted, so
//! that is when its live bytes are 0. Slot 0 is the thread's *ambient* heap: values made
//! when no VM runs (the compiler's constants, tests) are charged to it, and a VM that
//! finds every other slot leased shares it (then, and only then, its accounting mixes
//! with others'). Accounting is only figures: a miscount could misreport memory, never
//! corrupt it.
//!
//! # Allocation sites: who allocated the bytes
//!
//! While a profiled run tracks memory, the active heap has an allocation *site*: the
//! running function (the profiler sets it at every enter and exit). The rule is one:
//! **bytes are charged to the site that was running when they were allocated**, both
//! as allocated (the profiler's `alloc_bytes`/`alloc_count`, from the heap's counters
//! sampled at every event) and as live (`live_by_site`, the profiler's `retained_bytes`).
//! A value's growth (an array's buffer, an object's table: a reallocation) is an
//! allocation like any other: it adds to `allocated_count` as well as to the bytes, and
//! it is charged to the site running when the value grows, not to the one that made the
//! value; so `array.append` growing an array `main` made is charged to `array.append`.
//! Since a site's live bytes only ever come from its own allocations, what a function
//! retains never exceeds what it allocated.
//!
//! For frees to give the bytes back to the sites they were charged to, a value grown by
//! another site than its own carries a *ledger* instead of a site in its tag (the top bit
//! of the site field says which; sites are below `LEDGER`): the list of (site, bytes)
//! charged to it, the maker's first, in its heap's table. A shrink gives bytes back
//! newest first, a free gives back everything, and the emptied ledger is reused. Only
//! values that grew under another site get one (outside profiling the site is 0 and no
//! value does), and growth is amortized (buffers double), so ledgers are few and short.
//! The collector's own tables and registry are memory of no site: allocated (charged to
//! the running function's `alloc_bytes`) but never retained by one.
//!
//! # The collector
//!
//! Values are reference counted (`Rc`). Reference cycles are reclaimed by a backup
//! collector that uses CPython's trial-deletion algorithm, over one heap's registered
//! containers: for each, count the references held by other registered containers of the
//! heap; a container whose strong count exceeds that number is referenced from outside
//! (the VM stack, a Rust local, an unregistered value, another heap's container) and is
//! alive, and so is everything reachable from it. What remains is garbage held only by
//! cycles; clearing its contents breaks the cycles and lets the reference counts free it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::time::Instant;

use crate::value::Value;

mod limits;
pub use limits::{
    bounded, check_deadline, check_memory, has_pending, human_bytes, implicit_ceiling, over_limit,
    reserve, reserve_for, set_pending, take_pending, tick, time_limit_error, BOUNDED_COST,
};

/// Allocation counters of one heap. `allocated_*` only grow; `live_bytes` follows frees
/// too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    pub allocated_bytes: u64,
    pub allocated_count: u64,
    pub live_bytes: u64,
    pub peak_live_bytes: u64,
}

/// Heaps a thread can have at once (slot 0, the ambient heap, included).
pub const MAX_HEAPS: usize = 64;
/// Bits of a tag that hold the slot; the rest hold the allocation site.
const SLOT_BITS: u32 = 6;
const SLOT_MASK: u32 = (1 << SLOT_BITS) - 1;
/// The largest allocation site a tag can hold; sites beyond are not tracked.
pub const MAX_SITE: u32 = (u32::MAX >> SLOT_BITS) >> 1;
/// The site bit of a tag that marks a *ledger* (see the module doc, "Allocation sites"):
/// the rest of the site field is the ledger's index in its heap's `ledgers`.
const LEDGER: u32 = MAX_SITE + 1;

const _: () = assert!(MAX_HEAPS == 1 << SLOT_BITS);

/// The counters of one slot while its heap is not active.
struct Counters {
    /// Every value counts a positive number of bytes, and gives back exactly what it
    /// counted: so `live_bytes` is 0 exactly when no value the heap counted is alive,
    /// and only then is a retired slot reused.
    stats: Cell<HeapStats>,
    /// The allocation site of new values (0: none).
    site: Cell<u32>,
    /// The heap's memory limit in bytes (`u64::MAX`: none; see `reserve`).
    limit: Cell<u64>,
    /// When the heap's run must end (`check_deadline`).
    deadline: Cell<Option<Instant>>,
}

#[allow(clippy::declare_interior_mutable_const)]
const ZERO_COUNTERS: Counters = Counters {
    stats: Cell::new(ZERO_STATS),
    site: Cell::new(0),
    limit: Cell::new(u64::MAX),
    deadline: Cell::new(None),
};

const ZERO_STATS: HeapStats =
    HeapStats { allocated_bytes: 0, allocated_count: 0, live_bytes: 0, peak_live_bytes: 0 };

/// The active heap: its slot, and its counters and site, which live here (at a fixed
/// place, so counting is a load and a store, and so is the profiler's change of site)
/// while it is active and go back to its slot when another heap is activated.
struct Active {
    slot: Cell<u32>,
    site: Cell<u32>,
    stats: Cell<HeapStats>,
}

/// What a slot is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lease {
    Free,
    /// A `Heap` owns it.
    Leased,
    /// Its `Heap` was dropped while values it counted were alive.
    Retired,
}

/// The cold part of a slot.
// The ambient slot 0 is never leased by `Heap::new`, so it needs no lease of its own.
struct SlotData {
    lease: Lease,
    registry: Registry,
    /// Live bytes per allocation site (the profiler's retained memory).
    site_live: Vec<i64>,
    /// The ledgers of values grown by another site than the one that made them: each
    /// entry a site and the bytes of the value charged to it, oldest first (see the
    /// module doc). Emptied ledgers go to `free_ledgers`.
    ledgers: Vec<Vec<(u32, u64)>>,
    free_ledgers: Vec<u32>,
    /// How limit messages name the memory limit and the time limit (`64M`, `1s`).
    memory_text: String,
    time_text: String,
}

#[allow(clippy::declare_interior_mutable_const)]
const FREE_SLOT: SlotData = SlotData {
    lease: Lease::Free,
    registry: Registry::EMPTY,
    site_live: Vec::new(),
    ledgers: Vec::new(),
    free_ledgers: Vec::new(),
    memory_text: String::new(),
    time_text: String::new(),
};

thread_local! {
    static COUNTERS: [Counters; MAX_HEAPS] = const { [ZERO_COUNTERS; MAX_HEAPS] };
    static ACTIVE: Active = const {
        Active { slot: Cell::new(0), site: Cell::new(0), stats: Cell::new(ZERO_STATS) }
    };
    static SLOTS: RefCell<[SlotData; MAX_HEAPS]> = const { RefCell::new([FREE_SLOT; MAX_HEAPS]) };
}

/// Runs `f` on the cold data of `slot`.
#[inline]
fn with_slot<R>(slot: u32, f: impl FnOnce(&mut SlotData) -> R) -> R {
    SLOTS.with(|s| f(&mut s.borrow_mut()[(slot & SLOT_MASK) as usize]))
}

#[inline(always)]
fn counters<R>(slot: u32, f: impl FnOnce(&Counters) -> R) -> R {
    COUNTERS.with(|c| f(&c[(slot & SLOT_MASK) as usize]))
}

/// The counters of heap `slot`, active or not.
fn slot_stats(slot: u32) -> HeapStats {
    ACTIVE.with(|a| {
        if a.slot.get() == slot {
            a.stats.get()
        } else {
            counters(slot, |c| c.stats.get())
        }
    })
}

/// A VM's heap: its lease on a slot of the thread (see the module doc). Not `Clone`: the
/// slot is retired when the heap is dropped.
#[derive(Debug)]
pub struct Heap {
    slot: u32,
}

impl Heap {
    /// A heap of its own, or the ambient heap when the thread has `MAX_HEAPS` already.
    pub fn new() -> Heap {
        // The first slot that is free, or retired with nothing alive; the scan stops
        // there (a VM's start-up cost, `bench/programs/empty.ml`).
        let found = SLOTS.with(|s| {
            let mut s = s.borrow_mut();
            for (i, d) in s.iter_mut().enumerate().skip(1) {
                let usable = match d.lease {
                    Lease::Free => true,
                    Lease::Retired => slot_stats(i as u32).live_bytes == 0,
                    Lease::Leased => false,
                };
                if usable {
                    d.lease = Lease::Leased;
                    d.registry = Registry::EMPTY;
                    d.site_live = Vec::new();
                    d.ledgers = Vec::new();
                    d.free_ledgers = Vec::new();
                    d.memory_text = String::new();
                    d.time_text = String::new();
                    return Some(i as u32);
                }
            }
            None
        });
        match found {
            Some(slot) => {
                counters(slot, |c| {
                    c.stats.set(HeapStats::default());
                    c.site.set(0);
                    c.limit.set(u64::MAX);
                    c.deadline.set(None);
                });
                Heap { slot }
            }
            None => Heap { slot: 0 },
        }
    }

    /// The thread's ambient heap (values made when no VM runs).
    pub fn ambient() -> Heap {
        Heap { slot: 0 }
    }

    /// Makes this heap the one new values are charged to, until the returned guard is
    /// dropped (which restores the previous one).
    #[inline]
    pub fn activate(&self) -> Activation {
        Activation { previous: switch_to(self.slot) }
    }

    /// This heap's counters, provided it is the active one (the profiler's reading at
    /// every event: see `set_running_site`).
    #[inline(always)]
    pub fn running_stats(&self) -> HeapStats {
        ACTIVE.with(|a| {
            debug_assert_eq!(a.slot.get(), self.slot);
            a.stats.get()
        })
    }

    /// Sets this heap's limits: at most `max_bytes` live (`reserve` refuses more), named
    /// `memory_text` in messages; and a `deadline`, named `time_text`.
    pub fn set_limits(
        &self,
        max_bytes: Option<u64>,
        memory_text: String,
        deadline: Option<Instant>,
        time_text: String,
    ) {
        counters(self.slot, |c| {
            c.limit.set(max_bytes.unwrap_or(u64::MAX));
            c.deadline.set(deadline);
        });
        with_slot(self.slot, |d| {
            d.memory_text = memory_text;
            d.time_text = time_text;
        });
    }

    /// Sets this heap's deadline (named as `set_limits` said).
    pub fn set_deadline(&self, deadline: Option<Instant>) {
        counters(self.slot, |c| c.deadline.set(deadline));
    }

    /// The bytes this heap's collector registry counts for itself (its places, kept
    /// once made, so live bytes come back to this figure, not to 0).
    pub fn registry_bytes(&self) -> u64 {
        with_slot(self.slot, |d| d.registry.counted as u64)
    }

    /// This heap's counters.
    #[inline]
    pub fn stats(&self) -> HeapStats {
        slot_stats(self.slot)
    }

    /// Sets the allocation site of new values (the profiler sets its running function;
    /// 0 for none). Sites above `MAX_SITE` are not tracked.
    /// `set_site` for a heap known to be active: one store into the active tag. The
    /// profiler calls it at every event, from the VM's run loop, which runs only while its
    /// heap is active. (Were the heap not active, values would be charged to the wrong
    /// heap's sites: wrong figures, never unsound.)
    #[inline(always)]
    pub fn set_running_site(&self, site: u32) {
        ACTIVE.with(|a| {
            debug_assert_eq!(a.slot.get(), self.slot);
            // A site beyond `MAX_SITE` (33M functions, which no recorder reaches within a
            // memory limit) would read as a ledger in tags: wrong figures, never unsound
            // (ledgers are looked up checked). Not clamped: this is on every event.
            a.site.set(site);
        });
    }

    pub fn set_site(&self, site: u32) {
        let site = if site > MAX_SITE { 0 } else { site };
        ACTIVE.with(|a| {
            if a.slot.get() == self.slot {
                a.site.set(site);
            } else {
                counters(self.slot, |c| c.site.set(site));
            }
        });
    }

    pub fn site(&self) -> u32 {
        ACTIVE.with(|a| {
            if a.slot.get() == self.slot {
                a.site.get()
            } else {
                counters(self.slot, |c| c.site.get())
            }
        })
    }

    /// Bytes still live per allocation site, for the sites that have any.
    pub fn live_by_site(&self) -> Vec<(u32, u64)> {
        with_slot(self.slot, |d| {
            d.site_live
                .iter()
                .enumerate()
                .filter(|(_, &b)| b > 0)
                .map(|(site, &b)| (site as u32, b as u64))
                .collect()
        })
    }

    /// Whether enough containers were made since the last full collection to pay for
    /// tracing the live heap again: tracing then costs O(1) per allocation however large
    /// the live heap is (the role generations play in CPython).
    pub fn collection_due(&self) -> bool {
        with_slot(self.slot, |d| {
            d.registry.since_full >= (d.registry.last_work / 4).max(MIN_THRESHOLD)
        })
    }

    /// The number of full collections of this heap so far.
    pub fn collections(&self) -> u64 {
        with_slot(self.slot, |d| d.registry.collections)
    }

    /// The number of containers registered with this heap's collector and not yet freed.
    pub fn tracked_count(&self) -> usize {
        with_slot(self.slot, |d| d.registry.slots.len() - d.registry.free.len())
    }

    /// Runs the cycle collector over this heap. Must be called where no `RefCell` of a
    /// value is borrowed (the VM calls it between instructions). Returns the number of
    /// containers freed.
    pub fn collect(&self) -> usize {
        collect_slot(self.slot)
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        if self.slot == 0 {
            return;
        }
        // The registry's own bytes go with the heap (its places stay for the values
        // that outlive it, which give them back when freed).
        let slot = self.slot;
        let _ = SLOTS.try_with(|s| {
            let registry = &mut s.borrow_mut()[slot as usize].registry;
            on_free(registry.counted, slot);
            registry.counted = 0;
        });
        let live = slot_stats(self.slot).live_bytes;
        // At thread exit the table may be gone already: nothing left to retire.
        let _ = SLOTS.try_with(|s| {
            s.borrow_mut()[self.slot as usize].lease =
                if live == 0 { Lease::Free } else { Lease::Retired };
        });
    }
}

/// Keeps a heap active; dropping it restores the heap that was active before.
#[must_use]
pub struct Activation {
    previous: u32,
}

impl Drop for Activation {
    #[inline]
    fn drop(&mut self) {
        switch_to(self.previous);
    }
}

/// Makes heap `slot` the active one and returns the slot that was: the active heap's
/// counters and site go back to its slot, the new one's come out of its slot.
#[inline]
fn switch_to(slot: u32) -> u32 {
    ACTIVE.with(|a| {
        let current = a.slot.get();
        if current != slot {
            counters(current, |c| {
                c.stats.set(a.stats.get());
                c.site.set(a.site.get());
            });
            counters(slot, |c| {
                a.stats.set(c.stats.get());
                a.site.set(c.site.get());
            });
            a.slot.set(slot);
        }
        current
    })
}

/// The counters of the heap active on this thread (the running VM's, else the ambient
/// heap's).
pub fn stats() -> HeapStats {
    ACTIVE.with(|a| a.stats.get())
}

/// Runs the collector over the active heap (see `Heap::collect`).
pub fn collect() -> usize {
    collect_slot(ACTIVE.with(|a| a.slot.get()))
}

/// The bytes the active heap's collector registry counts for itself.
pub fn registry_bytes() -> usize {
    let slot = ACTIVE.with(|a| a.slot.get());
    with_slot(slot, |d| d.registry.counted)
}

/// The number of containers registered with the active heap.
pub fn tracked_count() -> usize {
    let slot = ACTIVE.with(|a| a.slot.get());
    with_slot(slot, |d| d.registry.slots.len() - d.registry.free.len())
}

/// Records an allocation of `bytes` in the active heap and returns the value's tag (the
/// heap's slot and its current allocation site), which the value gives back to `on_free`
/// and `on_grow`, so that they are charged to the same heap and site.
#[inline]
pub fn on_alloc(bytes: usize) -> u32 {
    let tag = ACTIVE.with(|a| {
        let mut st = a.stats.get();
        st.allocated_bytes += bytes as u64;
        st.allocated_count += 1;
        st.live_bytes += bytes as u64;
        if st.live_bytes > st.peak_live_bytes {
            st.peak_live_bytes = st.live_bytes;
        }
        a.stats.set(st);
        a.slot.get() | (a.site.get() << SLOT_BITS)
    });
    if tag > SLOT_MASK {
        site_add(tag, bytes as i64);
    }
    tag
}

/// Counts `bytes` more allocated and live, in one allocation (a value's growth is a
/// reallocation: it counts as an allocation, see the module doc).
#[inline(always)]
fn grow(stats: &Cell<HeapStats>, bytes: u64) {
    let mut st = stats.get();
    st.allocated_bytes += bytes;
    st.allocated_count += 1;
    st.live_bytes += bytes;
    if st.live_bytes > st.peak_live_bytes {
        st.peak_live_bytes = st.live_bytes;
    }
    stats.set(st);
}

/// Counts `bytes` fewer live.
#[inline(always)]
fn shrink(stats: &Cell<HeapStats>, bytes: u64) {
    let mut st = stats.get();
    st.live_bytes = st.live_bytes.saturating_sub(bytes);
    stats.set(st);
}

/// Applies `change` to the counters of the heap in `tag`: the active heap's, or (out of
/// line) those of a heap that is not active (a value freed while another VM runs).
#[inline(always)]
fn charge_tag(tag: u32, bytes: u64, change: fn(&Cell<HeapStats>, u64)) {
    let active = ACTIVE.with(|a| {
        let active = a.slot.get() == tag & SLOT_MASK;
        if active {
            change(&a.stats, bytes);
        }
        active
    });
    if !active {
        charge_inactive(tag, bytes, change);
    }
}

#[cold]
#[inline(never)]
fn charge_inactive(tag: u32, bytes: u64, change: fn(&Cell<HeapStats>, u64)) {
    counters(tag, |c| change(&c.stats, bytes));
}

/// Records that a value tagged `tag`, `old` bytes counted so far, grew by `bytes`, and
/// returns its tag from now on (which the value keeps: `GcSlot::grow` does). The growth is
/// an allocation of the heap that made the value, charged to the allocation site running
/// in that heap now, like a new value (see the module doc, "Allocation sites").
#[inline]
#[must_use]
pub fn on_grow(old: usize, bytes: usize, tag: u32) -> u32 {
    let site = ACTIVE.with(|a| {
        if a.slot.get() == tag & SLOT_MASK {
            grow(&a.stats, bytes as u64);
            Some(a.site.get())
        } else {
            None
        }
    });
    let site = match site {
        Some(site) => site,
        None => grow_inactive(tag, bytes),
    };
    if tag > SLOT_MASK || site != 0 {
        return grow_sited(tag, old as u64, bytes as u64, site);
    }
    tag
}

/// `on_grow` for a value of a heap that is not active: its counters, and the site that
/// heap was running when it was left.
#[cold]
#[inline(never)]
fn grow_inactive(tag: u32, bytes: usize) -> u32 {
    counters(tag, |c| {
        grow(&c.stats, bytes as u64);
        c.site.get()
    })
}

/// Records growth of memory of the heap in `tag` that no allocation site accounts for
/// (the collector's registry and tables): allocated, and live until given back with
/// `on_free` and the same tag.
#[inline]
fn on_grow_unsited(bytes: usize, tag: u32) {
    debug_assert!(tag <= SLOT_MASK);
    charge_tag(tag, bytes as u64, grow);
}

/// Charges `bytes` of growth of a value (tagged `tag`, `old` bytes counted) to `site`:
/// the site that made the value keeps its bytes, the growth goes to the site running now.
/// Returns the value's new tag: the same while one site holds all its bytes, a ledger's
/// once a second one does.
#[cold]
#[inline(never)]
fn grow_sited(tag: u32, old: u64, bytes: u64, site: u32) -> u32 {
    let slot = tag & SLOT_MASK;
    let own = tag >> SLOT_BITS;
    if own & LEDGER == 0 && own == site {
        site_add(tag, bytes as i64);
        return tag;
    }
    if site != 0 {
        site_add(slot | (site << SLOT_BITS), bytes as i64);
    }
    let new_tag = SLOTS.try_with(|s| {
        let d = &mut s.borrow_mut()[slot as usize];
        if own & LEDGER != 0 {
            if let Some(ledger) = d.ledgers.get_mut((own & !LEDGER) as usize) {
                match ledger.last_mut() {
                    Some(last) if last.0 == site => last.1 += bytes,
                    _ => ledger.push((site, bytes)),
                }
            }
            return Some(tag);
        }
        let index = match d.free_ledgers.pop() {
            Some(i) => i,
            None if d.ledgers.len() < LEDGER as usize => {
                d.ledgers.push(Vec::new());
                (d.ledgers.len() - 1) as u32
            }
            None => return None,
        };
        d.ledgers[index as usize] = vec![(own, old), (site, bytes)];
        Some(slot | ((LEDGER | index) << SLOT_BITS))
    });
    match new_tag {
        Ok(Some(new_tag)) => new_tag,
        // Beyond 2^25 ledgers at once (each one a live value: no real heap gets there),
        // the growth goes to the value's own site.
        Ok(None) => {
            if site != 0 {
                site_add(slot | (site << SLOT_BITS), -(bytes as i64));
            }
            if own != 0 {
                site_add(tag, bytes as i64);
            }
            tag
        }
        // At thread exit the table may be gone already: nothing left to account.
        Err(_) => tag,
    }
}

/// Records the free of a value tagged `tag` that had `bytes` counted, or that a value
/// gave back `bytes` of what it counted (an array that shrank).
#[inline]
pub fn on_free(bytes: usize, tag: u32) {
    charge_tag(tag, bytes as u64, shrink);
    if tag > SLOT_MASK {
        site_add(tag, -(bytes as i64));
    }
}

/// The counted size of a buffer owned by the runtime rather than by a value (the VM's
/// value stack and frames): `set` follows its capacity, and dropping it gives the bytes
/// back to the heap that counted them.
#[derive(Debug, Default)]
pub struct Counted {
    /// The tag from `on_alloc` (meaningful while `bytes > 0`).
    tag: u32,
    bytes: usize,
}

impl Counted {
    /// Counts the buffer as `bytes` large now (charged to the active heap the first time).
    pub fn set(&mut self, bytes: usize) {
        if self.bytes == 0 {
            if bytes > 0 {
                self.tag = on_alloc(bytes);
            }
        } else if bytes > self.bytes {
            self.tag = on_grow(self.bytes, bytes - self.bytes, self.tag);
        } else {
            on_free(self.bytes - bytes, self.tag);
        }
        self.bytes = bytes;
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        if self.bytes > 0 {
            on_free(self.bytes, self.tag);
        }
    }
}

/// Adds `delta` to the live bytes of the site in `tag` (every allocation and free of a
/// profiled run that tracks memory).
#[cold]
#[inline(never)]
fn site_add(tag: u32, delta: i64) {
    let site = (tag >> SLOT_BITS) as usize;
    // At thread exit the table may be gone already: nothing left to account.
    let _ = SLOTS.try_with(|s| {
        let d = &mut s.borrow_mut()[(tag & SLOT_MASK) as usize];
        if site as u32 & LEDGER != 0 {
            // Only frees and shrinks (`delta < 0`) reach a ledger this way.
            release(d, site as u32 & !LEDGER, delta.unsigned_abs());
            return;
        }
        if d.site_live.len() <= site {
            d.site_live.resize(site + 1, 0);
        }
        d.site_live[site] = d.site_live[site].wrapping_add(delta);
    });
}

/// Gives back `bytes` of the value whose ledger is `index`, newest growth first, from the
/// live bytes of the sites it was charged to; an emptied ledger (the value is freed) is
/// reused.
fn release(d: &mut SlotData, index: u32, mut bytes: u64) {
    let Some(ledger) = d.ledgers.get_mut(index as usize) else { return };
    while bytes > 0 {
        let Some(last) = ledger.last_mut() else { break };
        let take = bytes.min(last.1);
        let site = last.0 as usize;
        last.1 -= take;
        bytes -= take;
        if last.1 == 0 {
            ledger.pop();
        }
        if site != 0 {
            if d.site_live.len() <= site {
                d.site_live.resize(site + 1, 0);
            }
            d.site_live[site] = d.site_live[site].wrapping_sub(take as i64);
        }
    }
    if ledger.is_empty() {
        *ledger = Vec::new();
        d.free_ledgers.push(index);
    }
}

/// A heap value that can hold references to other values.
pub trait Trace {
    /// Calls `f` with every value this container references directly.
    fn trace(&self, f: &mut dyn FnMut(&Value));
    /// Drops every reference this container holds (used only on garbage, to break cycles).
    fn clear(&self);
}

/// The containers one heap's collector knows, in a slab: each container keeps its index
/// in its `GcSlot` and gives it back when it is freed.
struct Registry {
    slots: Vec<Option<Weak<dyn Trace>>>,
    /// Indices of empty slots, reused last-in first-out.
    free: Vec<u32>,
    /// Containers registered since the last full collection.
    since_full: usize,
    /// Values traced by the last full collection (its cost).
    last_work: usize,
    collections: u64,
    /// The bytes of `slots` and `free` counted on the heap.
    counted: usize,
}

impl Registry {
    const EMPTY: Registry = Registry {
        slots: Vec::new(),
        free: Vec::new(),
        since_full: 0,
        last_work: 0,
        collections: 0,
        counted: 0,
    };

    fn add(&mut self, obj: Weak<dyn Trace>, slot: u32) -> u32 {
        self.since_full += 1;
        match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = Some(obj);
                i
            }
            None => {
                let before = self.slots.capacity();
                self.slots.push(Some(obj));
                if self.slots.capacity() != before {
                    self.account(slot);
                }
                (self.slots.len() - 1) as u32
            }
        }
    }

    /// The registry's own memory (16 bytes a container, 4 more for each free place)
    /// counts toward its heap's limit: a heap of small containers is a fifth registry.
    fn account(&mut self, slot: u32) {
        let bytes = self.slots.capacity() * std::mem::size_of::<Option<Weak<dyn Trace>>>()
            + self.free.capacity() * 4;
        if bytes > self.counted {
            on_grow_unsited(bytes - self.counted, slot);
        } else {
            on_free(self.counted - bytes, slot);
        }
        self.counted = bytes;
    }

    fn release(&mut self, i: u32) {
        if let Some(slot) = self.slots.get_mut(i as usize) {
            *slot = None;
            self.free.push(i);
        }
    }
}

const MIN_THRESHOLD: usize = 20_000;

/// A container's accounting: its tag (heap and allocation site, from `on_alloc`) and its
/// place in that heap's collector registry. A field of every container type. `track`
/// fills the place once the container is in its `Rc`; dropping the slot, when the
/// container is freed, empties the place. The registry holds a weak reference, which
/// keeps the allocation itself alive, so emptying the place at once is what lets freed
/// containers go back to the allocator right away (with a sweep over dead weak
/// references instead, 1M short-lived closures spent a quarter of their instructions in
/// `malloc` and `free` of batched frees).
#[derive(Debug)]
pub struct GcSlot {
    tag: Cell<u32>,
    index: Cell<u32>,
}

const UNTRACKED: u32 = u32::MAX;

impl GcSlot {
    /// The slot of a container whose allocation returned `tag`.
    pub const fn new(tag: u32) -> GcSlot {
        GcSlot { tag: Cell::new(tag), index: Cell::new(UNTRACKED) }
    }

    /// The container's tag: the one `on_alloc` returned, or `on_grow` since.
    #[inline]
    pub fn tag(&self) -> u32 {
        self.tag.get()
    }

    /// Records that the container, `old` bytes counted so far, grew by `bytes`. Out of
    /// line: growth is rare (buffers double), and the callers' checks for it (an object's
    /// `account` on every store of a field) stay small enough to inline.
    #[cold]
    #[inline(never)]
    pub fn grow(&self, old: usize, bytes: usize) {
        self.tag.set(on_grow(old, bytes, self.tag.get()));
    }
}

impl Drop for GcSlot {
    fn drop(&mut self) {
        let i = self.index.get();
        if i != UNTRACKED {
            // At thread exit the table may be gone already: nothing left to forget.
            let _ = SLOTS.try_with(|s| {
                s.borrow_mut()[(self.tag.get() & SLOT_MASK) as usize].registry.release(i);
            });
        }
    }
}

/// Registers a container (whose `GcSlot` field is `slot`) with the collector of the heap
/// that made it; a container already registered stays as it is.
pub fn track<T: Trace + 'static>(obj: &Rc<T>, slot: &GcSlot) {
    if slot.index.get() != UNTRACKED {
        return;
    }
    let weak: Weak<dyn Trace> = Rc::downgrade(obj) as Weak<dyn Trace>;
    let heap = slot.tag.get() & SLOT_MASK;
    let i = with_slot(heap, |d| d.registry.add(weak, heap));
    slot.index.set(i);
}

/// Runs the collector over the containers of heap `slot`.
fn collect_slot(slot: u32) -> usize {
    // Each `live` entry adds one strong reference of its own, and keeps every registered
    // container alive until the end: the garbage is freed when `live` is dropped (with no
    // borrow of the slot table held, as freeing updates it).
    // The collection's own tables (about 96 bytes a container: the list, the index, the
    // counts, the marks) are real memory: a collection that would take the heap past its
    // memory limit does not run (the limit then ends the run, its figure honest), and
    // one that runs counts them, so the peak figures include them.
    let registered = with_slot(slot, |d| d.registry.slots.len() - d.registry.free.len());
    let tables = registered * 96;
    let fits = counters(slot, |c| {
        let live = slot_stats(slot).live_bytes;
        live.saturating_add(tables as u64) <= c.limit.get()
    });
    if !fits {
        return 0;
    }
    if tables > 0 {
        on_grow_unsited(tables, slot);
    }
    let live: Vec<Rc<dyn Trace>> =
        with_slot(slot, |d| d.registry.slots.iter().flatten().filter_map(Weak::upgrade).collect());
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
    if tables > 0 {
        on_free(tables, slot);
    }
    with_slot(slot, |d| {
        d.registry.since_full = 0;
        d.registry.last_work = work;
        d.registry.collections += 1;
    });
    freed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Array, Str};

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
        assert_eq!(with_slot(0, |d| d.registry.slots.len()), before + 100);
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

    #[test]
    fn a_heap_whose_values_outlive_it_is_not_reused_until_they_are_freed() {
        let heap = Heap::new();
        let slot = heap.slot;
        assert_ne!(slot, 0);
        let kept = {
            let _active = heap.activate();
            tracked_array()
        };
        let live = heap.stats().live_bytes;
        assert!(live > 0);
        drop(heap);
        // Retired: a new heap gets another slot, and the value's free is still charged
        // to the old one.
        let other = Heap::new();
        assert_ne!(other.slot, slot);
        drop(kept);
        assert_eq!(slot_stats(slot).live_bytes, 0);
        assert_eq!(other.stats(), HeapStats::default());
        // Now the slot is free again, with its counters reset.
        let again = Heap::new();
        assert_eq!(again.slot, slot);
        assert_eq!(again.stats(), HeapStats::default());
        assert_eq!(again.tracked_count(), 0);
    }

    #[test]
    fn activation_nests_and_restores() {
        let (a, b) = (Heap::new(), Heap::new());
        let ambient = stats();
        {
            let _a = a.activate();
            let x = Str::new("a string long enough to be counted on the heap");
            {
                let _b = b.activate();
                let y = Str::new("another string, allocated while b is active");
                drop(x); // charged to a
                assert_eq!(b.stats().allocated_count, 1);
                drop(y);
            }
            assert_eq!(a.stats().allocated_count, 1);
            assert_eq!(a.stats().live_bytes, 0);
            let _z = Str::new("z");
            assert_eq!(a.stats().allocated_count, 2);
        }
        assert_eq!(b.stats().allocated_count, 1);
        assert_eq!(b.stats().live_bytes, 0);
        assert_eq!(stats(), ambient, "the ambient heap saw none of it");
    }

    #[test]
    fn sites_follow_the_heap_that_sets_them() {
        let (a, b) = (Heap::new(), Heap::new());
        let _a = a.activate();
        a.set_running_site(3);
        b.set_site(5);
        let x = Str::new("x");
        {
            let _b = b.activate();
            let _y = Str::new("y");
            assert_eq!(b.live_by_site().len(), 1);
            assert_eq!(b.live_by_site()[0].0, 5);
        }
        assert_eq!(a.site(), 3);
        assert_eq!(a.live_by_site().iter().map(|s| s.0).collect::<Vec<_>>(), vec![3]);
        drop(x);
        assert!(a.live_by_site().is_empty());
    }

    #[test]
    fn growth_is_charged_to_the_running_site_and_given_back_by_site() {
        let heap = Heap::new();
        let _active = heap.activate();
        let live =
            |site: u32| heap.live_by_site().iter().find(|s| s.0 == site).map_or(0, |s| s.1 as i64);
        heap.set_running_site(3);
        let a = Array::new(vec![Value::Null]);
        let made = live(3);
        assert!(made > 0);
        let count = heap.stats().allocated_count;
        // Site 5 grows it: the growth is its allocation, and counts as one.
        heap.set_running_site(5);
        for _ in 0..100 {
            a.push(Value::Null);
        }
        let grown = live(5);
        assert!(grown > 0);
        assert_eq!(live(3), made);
        assert!(heap.stats().allocated_count > count);
        // Site 7 grows it further; a shrink gives back the newest growth first.
        heap.set_running_site(7);
        for _ in 0..300 {
            a.push(Value::Null);
        }
        let third = live(7);
        assert!(third > 0);
        heap.set_running_site(0);
        a.clear();
        assert_eq!(live(7), 0, "the newest growth went first");
        assert!(live(3) + live(5) <= made + grown);
        // The free gives every site its bytes back, and the ledger is reused.
        drop(a);
        assert!(heap.live_by_site().is_empty(), "{:?}", heap.live_by_site());
        heap.set_running_site(3);
        let b = Array::new(vec![Value::Null]);
        heap.set_running_site(5);
        for _ in 0..100 {
            b.push(Value::Null);
        }
        assert_eq!(with_slot(heap.slot, |d| d.ledgers.len()), 1);
        drop(b);
        assert!(heap.live_by_site().is_empty());
    }

    #[test]
    fn a_thread_with_every_slot_leased_shares_the_ambient_heap() {
        let heaps: Vec<Heap> = (1..MAX_HEAPS).map(|_| Heap::new()).collect();
        assert!(heaps.iter().all(|h| h.slot != 0));
        assert_eq!(Heap::new().slot, 0);
        drop(heaps);
        assert_ne!(Heap::new().slot, 0);
    }
}
