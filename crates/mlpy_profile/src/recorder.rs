//! The recorder: the hot path that turns enter/exit events into a calling-context tree.
//!
//! Every activation is a node of the calling-context tree (one node per distinct call
//! path). `enter` finds or creates the child of the current node for the function (a
//! one-entry cache per node answers repeated calls such as a loop or a recursion, a small
//! direct-mapped cache of (parent, function) pairs answers calls that alternate, a short
//! walk over the node's children or a hash map the rest) and pushes a frame holding the
//! clock reading and the allocation counters; `exit` pops it, counts the call and adds
//! the differences to the node. Only inclusive figures are kept while running: self
//! figures, per-function figures (with cProfile's rules for recursion) and caller → callee
//! edges are derived once, by `finish` (see `recorder/build.rs`).
//!
//! The hot path is a few dozen instructions and two clock reads per call: the cache
//! lookups are inline, everything else (`child`, growing the stack) is out of line. The
//! production clock is read inline (`Clock::direct`: the time-stamp counter) and kept in
//! raw ticks, converted to nanoseconds once by `finish`; other clocks are called through
//! the trait object and give nanoseconds. A call the runtime knows did no work of its own
//! (`instant`) is counted without reading the clock.
//!
//! The clock is read last in `enter` and first in `exit`, so that as little of the
//! recorder's own work as possible falls inside the activation it measures; the rest is
//! calibrated when the recorder is created (`recorder/calibrate.rs`) and subtracted when
//! it finishes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::clock::{Clock, DirectClock};
use crate::profile::{Category, FunctionInfo, FunctionKind, Profile};

mod build;
mod calibrate;

pub use calibrate::EventPath;

/// The runtime's allocation counters at an event. Both only grow; the recorder charges
/// the differences between events to the running function.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AllocSample {
    /// Bytes allocated since the runtime started.
    pub bytes: u64,
    /// Allocations made since the runtime started.
    pub count: u64,
    /// Bytes live now (read only for the timeline's heap track).
    pub live: u64,
}

/// The profiler's own cost per event, subtracted from the measured times.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calibration {
    /// The cost of one event (an enter or an exit), in picoseconds. An activation's
    /// inclusive time loses two events for every activation nested inside it.
    pub event_cost_ps: u64,
    /// The part of an enter/exit pair between its two clock readings, in picoseconds: the
    /// time an empty function appears to take. Every activation loses it once.
    pub inside_cost_ps: u64,
    /// What an enter costs on top of `event_cost_ps` when the function is not the one the
    /// caller called last (the recorder's one-entry cache misses), in picoseconds; paid
    /// before the activation's first clock reading, so its caller loses it.
    pub slow_enter_ps: u64,
}

impl Calibration {
    /// No correction: measured times are reported as they are (for tests with a fake
    /// clock).
    pub const NONE: Calibration =
        Calibration { event_cost_ps: 0, inside_cost_ps: 0, slow_enter_ps: 0 };
}

/// Records one run. See the module documentation.
pub struct Recorder {
    clock: Box<dyn Clock>,
    /// `clock.direct()`: when present, activations are timed in its raw ticks.
    direct: Option<DirectClock>,
    nodes: Vec<Node>,
    stack: Vec<Frame>,
    /// The node of the innermost open activation (`ROOT` when none is open).
    current: u32,
    /// The allocation counters at the last exit. With the innermost open activation's
    /// (counters only grow), they give those of the last event, used to close activations
    /// left open.
    last_exit_alloc: AllocSample,
    /// A direct-mapped cache of `child`'s answers, in front of it.
    child_cache: Box<[CachedChild; CHILD_CACHE]>,
    children: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    functions: Vec<FunctionSlot>,
    function_ids: HashMap<FunctionInfo, u32>,
    phase_order: Vec<PhaseSlot>,
    track_memory: bool,
    calibration: Calibration,
    peak_memory: u64,
    /// For a CPU-time clock on the TSC: the time the thread spent off its core so far.
    off_cpu: Option<Box<OffCpu>>,
    /// The event log of `--timeline` (`record_timeline`).
    timeline: Option<Box<TimelineLog>>,
    /// `off_cpu` or `timeline` is present (`update_extras`).
    extras: bool,
}

/// The timeline's events while recording: readings in clock units, functions as
/// registered (`NO_FUNC` for an exit).
#[derive(Debug)]
struct TimelineLog {
    events: Vec<(u64, u32, u64)>,
    cap: u64,
    dropped: u64,
}

impl TimelineLog {
    // Out of line: the hot path only tests whether a log exists.
    #[inline(never)]
    fn record(&mut self, reading: u64, func: u32, live: u64) {
        if (self.events.len() as u64) < self.cap {
            self.events.push((reading, func, live));
        } else {
            self.dropped += 1;
        }
    }
}

/// A recorder's records, taken out by `Recorder::set_aside`.
#[derive(Debug)]
pub struct SetAside {
    nodes: Vec<Node>,
    functions: Vec<FunctionSlot>,
    function_ids: HashMap<FunctionInfo, u32>,
    phase_order: Vec<PhaseSlot>,
    children: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    last_exit_alloc: AllocSample,
    timeline: Option<Box<TimelineLog>>,
}

/// A CPU-time clock read through the TSC (`ThreadCpuClock`): readings are TSC ticks less
/// the ticks the thread spent off its core. A thread that is switched out sends no
/// events, so a switch shows as a gap between two readings; after a gap longer than
/// `OFF_CPU_GAP_NS` the OS's thread CPU clock says how much of the run so far was off the
/// core, and what is new of it is taken out of that gap (at most the whole gap, so that
/// readings never go back). Time in the gap is then charged to the activation that was
/// running, as CPU time should be.
#[derive(Debug)]
struct OffCpu {
    /// `OFF_CPU_GAP_NS` in ticks.
    gap_ticks: u64,
    /// The last TSC reading.
    last: u64,
    /// Ticks taken out so far.
    off: u64,
    /// The TSC and the thread's CPU time (ns) when the recorder was made.
    origin_ticks: u64,
    origin_cpu_ns: u64,
    clock: DirectClock,
}

impl OffCpu {
    fn new(clock: DirectClock) -> Option<OffCpu> {
        let origin_cpu_ns = crate::clock::thread_cpu_ns()?;
        let origin_ticks = clock.ticks();
        Some(OffCpu {
            gap_ticks: clock.ns_to_ticks(crate::clock::OFF_CPU_GAP_NS),
            last: origin_ticks,
            off: 0,
            origin_ticks,
            origin_cpu_ns,
            clock,
        })
    }

    /// The reading for TSC value `ticks`.
    #[inline(always)]
    fn on_cpu_ticks(&mut self, ticks: u64) -> u64 {
        if ticks.wrapping_sub(self.last) > self.gap_ticks {
            self.after_gap(ticks);
        }
        self.last = ticks;
        ticks.wrapping_sub(self.off)
    }

    /// A long gap ended at `ticks`: takes out of it the time off the core not yet taken
    /// out.
    #[cold]
    #[inline(never)]
    fn after_gap(&mut self, ticks: u64) {
        let Some(cpu_ns) = crate::clock::thread_cpu_ns() else { return };
        let wall = ticks.saturating_sub(self.origin_ticks);
        let cpu = self.clock.ns_to_ticks(cpu_ns.saturating_sub(self.origin_cpu_ns));
        let gap = ticks.saturating_sub(self.last);
        let new_off = wall.saturating_sub(cpu).saturating_sub(self.off);
        self.off += new_off.min(gap);
    }
}

/// The virtual root of the calling-context tree; its children are the top-level
/// activations and phases.
const ROOT: u32 = 0;
/// "No function": never a registered id.
const NO_FUNC: u32 = u32::MAX;
/// How many siblings `child` walks before asking the map.
const SIBLING_SCAN: u32 = 8;
/// Slots of `Recorder::child_cache` (a power of two).
const CHILD_CACHE: usize = 256;

/// A slot of `Recorder::child_cache`: `child` is the child of `parent` for `func`.
#[derive(Clone, Copy, Debug)]
struct CachedChild {
    parent: u32,
    func: u32,
    child: u32,
}

/// An empty slot: no node is its own parent's `NO_FUNC` child.
const NO_CACHED_CHILD: CachedChild = CachedChild { parent: NO_FUNC, func: NO_FUNC, child: ROOT };

/// The slot of `(parent, func)` in `Recorder::child_cache`.
#[inline(always)]
fn child_slot(parent: u32, func: u32) -> usize {
    let h = (parent ^ func.rotate_left(16)).wrapping_mul(0x9E37_79B1);
    (h >> 24) as usize % CHILD_CACHE
}

#[derive(Clone, Copy, Debug)]
struct Node {
    func: u32,
    parent: u32,
    /// A one-entry cache of the child found last: its function and node.
    last_func: u32,
    last_child: u32,
    /// The children form a list through `first_child` and `next_sibling` (`ROOT` ends
    /// it, since the root is nobody's child).
    first_child: u32,
    next_sibling: u32,
    /// Activations that ended (counted by `exit`; `finish` counts those left open), and
    /// calls recorded by `instant`.
    calls: u64,
    /// The calls recorded by `instant`: no clock was read for them.
    untimed: u64,
    /// Enters that missed the parent's one-entry cache (they cost more: see
    /// `Calibration::slow_enter_ps`).
    slow: u64,
    /// Inclusive figures, summed over this path's activations. The time is in clock units
    /// while recording (raw ticks for a direct clock) and in nanoseconds after `finish`.
    incl: u64,
    alloc_bytes: u64,
    alloc_count: u64,
}

impl Node {
    fn new(func: u32, parent: u32) -> Node {
        Node {
            func,
            parent,
            last_func: NO_FUNC,
            last_child: ROOT,
            first_child: ROOT,
            next_sibling: ROOT,
            calls: 0,
            untimed: 0,
            slow: 0,
            incl: 0,
            alloc_bytes: 0,
            alloc_count: 0,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    node: u32,
    /// The function of the enclosing activation (`NO_FUNC` for none), returned by `exit`.
    outer: u32,
    /// The clock reading at the start, in clock units.
    start: u64,
    /// The allocation counters at the start (`AllocSample::bytes`, `count`).
    alloc_bytes: u64,
    alloc_count: u64,
}

#[derive(Clone, Debug)]
struct FunctionSlot {
    info: FunctionInfo,
    retained_bytes: u64,
}

/// The order in which phases first appeared; `Execution` stands for the VM's run and is
/// placed where the first activation happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PhaseSlot {
    Named(u32),
    Execution,
}

impl Recorder {
    /// A recorder reading `clock`. For a real clock, the recorder's own per-event cost is
    /// calibrated here (about a millisecond); for a deterministic clock
    /// (`Clock::is_deterministic`) no correction is made.
    pub fn new(clock: Box<dyn Clock>, track_memory: bool) -> Recorder {
        let deterministic = clock.is_deterministic();
        let mut res = Recorder::with_calibration(clock, track_memory, Calibration::NONE);
        if !deterministic {
            res.calibration = calibrate::calibrate(&mut res);
        }
        res
    }

    /// A recorder with a given correction for its own cost (`Calibration::NONE` for
    /// none).
    pub fn with_calibration(
        clock: Box<dyn Clock>,
        track_memory: bool,
        calibration: Calibration,
    ) -> Recorder {
        let direct = clock.direct();
        let off_cpu = direct.filter(|d| d.off_cpu).and_then(OffCpu::new).map(Box::new);
        Recorder {
            extras: off_cpu.is_some(),
            timeline: None,
            off_cpu,
            direct,
            clock,
            nodes: vec![Node::new(NO_FUNC, ROOT)],
            stack: Vec::with_capacity(256),
            current: ROOT,
            last_exit_alloc: AllocSample::default(),
            child_cache: Box::new([NO_CACHED_CHILD; CHILD_CACHE]),
            children: HashMap::default(),
            functions: Vec::new(),
            function_ids: HashMap::new(),
            phase_order: Vec::new(),
            track_memory,
            calibration,
            peak_memory: 0,
        }
    }

    /// The most timeline events `--timeline` keeps by default: about 24 MB of log.
    pub const DEFAULT_TIMELINE_CAP: u64 = 1_000_000;

    /// Turns on the timeline (`Profile::timeline`): every enter and exit from now on is
    /// logged with its time and the live heap, up to `cap` events (24 bytes each; the
    /// log grows as events come, so the cap bounds its memory). Later events are counted,
    /// not kept.
    pub fn record_timeline(&mut self, cap: u64) {
        self.timeline = Some(Box::new(TimelineLog { events: Vec::new(), cap, dropped: 0 }));
        self.update_extras();
    }

    /// Calibrates the profiler's cost again, through the path a runtime's events take
    /// (its hooks: function-id lookup, allocation sampling, then `enter`/`exit`), and
    /// uses that correction from now on. Everything recorded and registered so far is
    /// forgotten: call it before the run, and forget the ids the path registered. A
    /// deterministic clock keeps no correction.
    pub fn calibrate_through(path: &mut impl EventPath) -> Calibration {
        let calibration = if path.recorder().clock.is_deterministic() {
            path.recorder().clear();
            Calibration::NONE
        } else {
            calibrate::calibrate_through(path)
        };
        path.recorder().calibration = calibration;
        calibration
    }

    /// Uses `calibration` as the correction for the profiler's cost from now on.
    pub fn set_calibration(&mut self, calibration: Calibration) {
        self.calibration = calibration;
    }

    /// Forgets everything recorded and registered (between a runtime's calibration runs).
    pub fn forget_records(&mut self) {
        self.clear();
    }

    /// Takes everything recorded and registered so far out of the recorder, which is
    /// then as new (with its clock and calibration), so that a runtime can calibrate on
    /// it; `restore` puts the records back.
    ///
    /// # Panics
    ///
    /// If activations are open.
    pub fn set_aside(&mut self) -> SetAside {
        assert!(self.stack.is_empty(), "no activation is open while calibrating");
        let saved = SetAside {
            nodes: std::mem::replace(&mut self.nodes, vec![Node::new(NO_FUNC, ROOT)]),
            functions: std::mem::take(&mut self.functions),
            function_ids: std::mem::take(&mut self.function_ids),
            phase_order: std::mem::take(&mut self.phase_order),
            children: std::mem::take(&mut self.children),
            last_exit_alloc: self.last_exit_alloc,
            timeline: self.timeline.take(),
        };
        // A calibration with the timeline on logs its events as the run will, into a
        // scratch log, so that the cost of logging is measured too.
        if let Some(log) = &saved.timeline {
            self.timeline =
                Some(Box::new(TimelineLog { events: Vec::new(), cap: log.cap, dropped: 0 }));
        }
        self.update_extras();
        self.clear_nodes();
        saved
    }

    /// Forgets what was recorded since `set_aside` and puts its records back.
    pub fn restore(&mut self, saved: SetAside) {
        self.clear_nodes();
        self.nodes = saved.nodes;
        self.functions = saved.functions;
        self.function_ids = saved.function_ids;
        self.phase_order = saved.phase_order;
        self.children = saved.children;
        self.last_exit_alloc = saved.last_exit_alloc;
        self.timeline = saved.timeline;
        self.update_extras();
    }

    /// Whether the clock is deterministic (a test clock): then no correction is made.
    pub fn is_deterministic(&self) -> bool {
        self.clock.is_deterministic()
    }

    /// Enter and exit events recorded so far (the activations still open count once), and
    /// the enters among them that missed the one-entry cache (`Calibration::slow_enter_ps`).
    pub fn events(&self) -> (u64, u64) {
        let ended: u64 = self.nodes.iter().map(|n| n.calls - n.untimed).sum();
        let slow: u64 = self.nodes.iter().map(|n| n.slow).sum();
        (2 * ended + self.stack.len() as u64, slow)
    }

    /// The correction applied for the recorder's own cost.
    pub fn calibration(&self) -> Calibration {
        self.calibration
    }

    /// Whether allocations are tracked.
    pub fn track_memory(&self) -> bool {
        self.track_memory
    }

    /// Reads the recorder's clock, so that phases can be timed with the same clock as the
    /// activations (a fake clock in tests).
    pub fn now_ns(&self) -> u64 {
        match self.direct {
            Some(direct) => direct.now_ns(),
            None => self.clock.now_ns(),
        }
    }

    /// A reading in clock units: raw ticks for a direct clock (less the time off the
    /// core, for a CPU-time clock), nanoseconds otherwise.
    #[inline(always)]
    fn read(&mut self) -> u64 {
        match self.direct {
            Some(direct) => {
                let ticks = direct.ticks();
                match self.off_cpu.as_deref_mut() {
                    None => ticks,
                    Some(off) => off.on_cpu_ticks(ticks),
                }
            }
            None => self.clock.now_ns(),
        }
    }

    /// The reading of an event: `read`, and for a CPU-time clock or a timeline, their
    /// work out of line (`stamp_extras`), so that the hot path tests one flag.
    #[inline(always)]
    fn stamp(&mut self, func: u32, live: u64) -> u64 {
        if self.extras {
            return self.stamp_extras(func, live);
        }
        match self.direct {
            Some(direct) => direct.ticks(),
            None => self.clock.now_ns(),
        }
    }

    /// `stamp` with a CPU-time clock on the TSC or a timeline: the reading less the time
    /// off the core, logged (an exit, `NO_FUNC`, only when an activation is open).
    #[inline(never)]
    fn stamp_extras(&mut self, func: u32, live: u64) -> u64 {
        let now = self.read();
        if func != NO_FUNC || !self.stack.is_empty() {
            if let Some(log) = self.timeline.as_deref_mut() {
                log.record(now, func, live);
            }
        }
        now
    }

    /// Whether `stamp` has work out of line; kept up to date wherever `off_cpu` or
    /// `timeline` change.
    fn update_extras(&mut self) {
        self.extras = self.off_cpu.is_some() || self.timeline.is_some();
    }

    /// A duration in clock units, in nanoseconds.
    fn units_to_ns(&self, units: u64) -> u64 {
        match self.direct {
            Some(direct) => direct.ticks_to_ns(units),
            None => units,
        }
    }

    /// The number of open activations.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Registers a function and returns its id. Registering the same information again
    /// returns the same id.
    pub fn register(&mut self, info: FunctionInfo) -> u32 {
        if let Some(&id) = self.function_ids.get(&info) {
            return id;
        }
        let id = u32::try_from(self.functions.len())
            .ok()
            .filter(|&id| id != NO_FUNC)
            .expect("fewer than 2^32 - 1 functions are registered");
        self.function_ids.insert(info.clone(), id);
        self.functions.push(FunctionSlot { info, retained_bytes: 0 });
        id
    }

    /// The function `func` starts running; `alloc` is the runtime's allocation counters
    /// now.
    // Always inlined into the runtime's hooks (see `mlpy_runtime::profiling`): a call
    // here would cost more than the work.
    #[inline(always)]
    pub fn enter(&mut self, func: u32, alloc: AllocSample) {
        let parent = &self.nodes[self.current as usize];
        let outer = parent.func;
        let node = if parent.last_func == func {
            parent.last_child
        } else {
            let node = self.cached_child(func);
            self.nodes[node as usize].slow += 1;
            node
        };
        self.current = node;
        let start = self.stamp(func, alloc.live);
        self.stack.push(Frame {
            node,
            outer,
            start,
            alloc_bytes: alloc.bytes,
            alloc_count: alloc.count,
        });
    }

    /// The innermost open activation ends (it returned, or an error unwound it); `alloc`
    /// is the runtime's allocation counters now. Returns the function of the activation
    /// that is innermost now, if any (the runtime charges new objects to it). An exit with
    /// nothing open is ignored.
    #[inline(always)]
    pub fn exit(&mut self, alloc: AllocSample) -> Option<u32> {
        let now = self.stamp(NO_FUNC, alloc.live);
        let frame = self.stack.pop()?;
        let node = &mut self.nodes[frame.node as usize];
        node.calls += 1;
        node.incl += now.saturating_sub(frame.start);
        node.alloc_bytes += alloc.bytes.wrapping_sub(frame.alloc_bytes);
        node.alloc_count += alloc.count.wrapping_sub(frame.alloc_count);
        self.current = node.parent;
        self.last_exit_alloc = alloc;
        (frame.outer != NO_FUNC).then_some(frame.outer)
    }

    /// A call of `func` that does no work of its own between its enter and its exit (the
    /// runtime did the work before reporting the call, as for `len` of an array): counted
    /// in the calling-context tree, with no time and no allocation, and no clock read.
    #[inline]
    pub fn instant(&mut self, func: u32) {
        let parent = &self.nodes[self.current as usize];
        let node =
            if parent.last_func == func { parent.last_child } else { self.cached_child(func) };
        let node = &mut self.nodes[node as usize];
        node.calls += 1;
        node.untimed += 1;
    }

    /// Records a pipeline phase the caller measured: `ns` long, allocating `alloc_bytes`.
    /// Phases with the same name add up. A phase recorded while activations are open is
    /// nested in the innermost one (its time is part of that activation's).
    /// The VM's run is not a phase to record here: it appears as `execution`, derived from
    /// the activations.
    pub fn phase(&mut self, name: &str, category: Category, ns: u64, alloc_bytes: u64) {
        let func = self.register(FunctionInfo {
            name: name.to_owned(),
            file: String::new(),
            line: 0,
            kind: FunctionKind::Phase,
            category,
        });
        if !self.phase_order.contains(&PhaseSlot::Named(func)) {
            self.phase_order.push(PhaseSlot::Named(func));
        }
        let node = self.child(func);
        let node = &mut self.nodes[node as usize];
        node.calls += 1;
        node.incl += ns;
        node.alloc_bytes += alloc_bytes;
    }

    /// Bytes allocated by `func` and still live at the end of the run.
    pub fn set_retained(&mut self, func: u32, bytes: u64) {
        if let Some(slot) = self.functions.get_mut(func as usize) {
            slot.retained_bytes = bytes;
        }
    }

    /// The bytes the recorder's own tables take (its call tree and its stack of open
    /// activations): a profiled run counts them toward its memory limit.
    pub fn memory_bytes(&self) -> u64 {
        let timeline = self.timeline.as_ref().map_or(0, |t| t.events.capacity() * 24);
        (self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.stack.capacity() * std::mem::size_of::<Frame>()
            + timeline) as u64
    }

    /// The peak of the live heap during the run.
    pub fn set_peak_memory(&mut self, bytes: u64) {
        self.peak_memory = bytes;
    }

    /// Closes every activation still open (a program that failed, or was stopped), with
    /// the allocation counters of the last event, and derives the profile.
    pub fn finish(mut self, program: &str) -> Profile {
        let now = self.read();
        let mut alloc = self.last_exit_alloc;
        if let Some(innermost) = self.stack.last() {
            alloc.bytes = alloc.bytes.max(innermost.alloc_bytes);
            alloc.count = alloc.count.max(innermost.alloc_count);
        }
        while let Some(frame) = self.stack.pop() {
            if let Some(log) = self.timeline.as_deref_mut() {
                log.record(now, NO_FUNC, alloc.live);
            }
            let node = &mut self.nodes[frame.node as usize];
            node.calls += 1;
            node.incl += now.saturating_sub(frame.start);
            node.alloc_bytes += alloc.bytes.saturating_sub(frame.alloc_bytes);
            node.alloc_count += alloc.count.saturating_sub(frame.alloc_count);
        }
        // Activations were timed in clock units; phases were given in nanoseconds. Ticks
        // are converted at the rate measured over the whole run.
        self.direct = self.direct.map(DirectClock::rescaled);
        for idx in 1..self.nodes.len() {
            let node = self.nodes[idx];
            if !self.is_phase(node.func) {
                self.nodes[idx].incl = self.units_to_ns(node.incl);
            }
        }
        let timeline = self.timeline.take().map(|log| {
            // (`finish` consumes the recorder: `extras` is not read again.)
            let origin = log.events.first().map_or(0, |e| e.0);
            let events = log
                .events
                .iter()
                .map(|&(reading, func, live)| {
                    (self.units_to_ns(reading.saturating_sub(origin)), func, live)
                })
                .collect();
            build::RawTimeline { events, cap: log.cap, dropped: log.dropped }
        });
        build::build(build::Raw {
            timeline,
            program,
            clock: self.clock.name(),
            functions: &self.functions,
            nodes: &self.nodes,
            phase_order: &self.phase_order,
            track_memory: self.track_memory,
            calibration: self.calibration,
            peak_memory: self.peak_memory,
        })
    }

    /// `child(func)`, answered by `child_cache` when it can (and then remembered in the
    /// current node's one-entry cache too, as `child` does).
    #[inline(always)]
    fn cached_child(&mut self, func: u32) -> u32 {
        let slot = self.child_cache[child_slot(self.current, func)];
        if slot.parent == self.current && slot.func == func {
            let parent = &mut self.nodes[self.current as usize];
            parent.last_func = func;
            parent.last_child = slot.child;
            slot.child
        } else {
            self.child(func)
        }
    }

    /// The child of the current node for `func`, created if new; remembered in the
    /// current node's one-entry cache and in `child_cache`. The first few children are
    /// found by walking the sibling list, the others through the map.
    #[cold]
    #[inline(never)]
    fn child(&mut self, func: u32) -> u32 {
        let parent = self.current;
        let mut node = self.nodes[parent as usize].first_child;
        let mut steps = 0;
        while node != ROOT && self.nodes[node as usize].func != func {
            steps += 1;
            node = if steps < SIBLING_SCAN { self.nodes[node as usize].next_sibling } else { ROOT };
        }
        if node == ROOT {
            let key = (u64::from(parent) << 32) | u64::from(func);
            node = match self.children.get(&key) {
                Some(&node) => node,
                None => self.new_node(key, func, parent),
            };
        }
        self.child_cache[child_slot(parent, func)] = CachedChild { parent, func, child: node };
        let parent = &mut self.nodes[parent as usize];
        parent.last_func = func;
        parent.last_child = node;
        node
    }

    #[cold]
    fn new_node(&mut self, key: u64, func: u32, parent: u32) -> u32 {
        let node = u32::try_from(self.nodes.len()).expect("fewer than 2^32 call paths");
        let mut new = Node::new(func, parent);
        new.next_sibling = self.nodes[parent as usize].first_child;
        self.nodes[parent as usize].first_child = node;
        self.nodes.push(new);
        self.children.insert(key, node);
        if !self.is_phase(func) && !self.phase_order.contains(&PhaseSlot::Execution) {
            self.phase_order.push(PhaseSlot::Execution);
        }
        node
    }

    fn is_phase(&self, func: u32) -> bool {
        self.functions.get(func as usize).is_some_and(|f| f.info.kind == FunctionKind::Phase)
    }

    /// Forgets everything recorded and registered (used after the calibration).
    fn clear(&mut self) {
        self.functions.clear();
        self.function_ids.clear();
        self.clear_nodes();
    }

    /// Forgets everything recorded; registrations stay.
    fn clear_nodes(&mut self) {
        self.nodes.truncate(1);
        self.nodes[0] = Node::new(NO_FUNC, ROOT);
        self.stack.clear();
        self.current = ROOT;
        self.last_exit_alloc = AllocSample::default();
        self.child_cache.fill(NO_CACHED_CHILD);
        self.children.clear();
        self.phase_order.clear();
        if let Some(log) = self.timeline.as_deref_mut() {
            log.events.clear();
            log.dropped = 0;
        }
    }
}

/// The hash of a `(parent, func)` key: one multiplication, folded so that the low bits
/// (which pick the bucket) depend on every input bit.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        let h = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 32);
    }
}

#[cfg(test)]
mod tests;
