//! Profiling on: the `Hooks` implementation that feeds `mlpy_profile::Recorder`.
//!
//! Functions are registered with the recorder the first time they run, so an unprofiled
//! run registers nothing. Their ids are the profiler's own: tables indexed by the dense
//! index every code object and native function gets when it is made (`CodeObject::index`,
//! `NativeFunction::index`). Code objects and natives are shared (by the VMs of a program,
//! by every run of a builtin), so an id cached in them would be read by the next profiler
//! as its own.
//! When memory is tracked, allocations are sampled from the heap counters at every event,
//! and the heap's allocation site follows the running function (the recorder tells which
//! function is innermost again after an exit).
//!
//! Every event is on the hot path of a profiled run: the hooks inline the id lookup and
//! the recorder's enter/exit (the `#[inline(always)]`s below); registration is out of
//! line. fib(30) (bench/programs/fib.ml) runs 1336 M instructions profiled against 977 M
//! plain, about 133 per call, i.e. 67 per event (`bench/callgrind.sh`, with
//! `MLPY_ARGS=--profile`).

use std::collections::HashMap;
use std::rc::Rc;

use mlpy_profile::{AllocSample, Category, EventPath, FunctionInfo, FunctionKind, Recorder};

use crate::bytecode::CodeObject;
use crate::heap::Heap;
use crate::hooks::{Hooks, RuntimeWork};
use crate::natives::NativeFunction;
use crate::value::Value;
use crate::vm::Vm;

/// The recorder of a profiled run and the ids of methods (which have no function value).
pub struct Profiler {
    recorder: Recorder,
    /// `recorder.track_memory()`.
    track_memory: bool,
    /// Method ids by receiver kind (a handful), then method name.
    method_ids: Vec<(&'static str, NameMap)>,
    /// A direct-mapped cache in front of `method_ids`, indexed by the address of the
    /// name: a call site passes the same string every time, so it finds its slot at once.
    /// A slot is checked by content, so a name freed and reused elsewhere is harmless.
    method_cache: [MethodSlot; METHOD_CACHE],
    /// Ids of code objects by `CodeObject::index` (`u32::MAX`: not registered yet).
    code_ids: Vec<u32>,
    /// Ids of natives by `NativeFunction::index` (`u32::MAX`: not registered yet).
    native_ids: Vec<u32>,
    /// While the cost of events is calibrated (`calibrate`): the scratch activations end
    /// with nothing open, which must not be taken for the end of the run.
    calibrating: bool,
}

const METHOD_CACHE: usize = 16;

#[derive(Default)]
struct MethodSlot {
    kind: &'static str,
    name: Box<str>,
    id: u32,
}

impl Profiler {
    /// The bytes the profiler's own tables take (checked against the memory limit).
    pub(crate) fn memory_bytes(&self) -> u64 {
        self.recorder.memory_bytes()
    }

    pub fn new(recorder: Recorder) -> Profiler {
        Profiler {
            track_memory: recorder.track_memory(),
            recorder,
            method_ids: Vec::new(),
            method_cache: Default::default(),
            code_ids: Vec::new(),
            native_ids: Vec::new(),
            calibrating: false,
        }
    }

    /// Forgets every id given out (the recorder forgot its registrations).
    fn forget_ids(&mut self) {
        self.method_ids.clear();
        self.method_cache = Default::default();
        self.code_ids.clear();
        self.native_ids.clear();
    }

    /// Enters function `id`: new objects are attributed to it until it exits. The heap's
    /// allocation site of a function is its id + 1 (0 is "no site").
    #[inline(always)]
    fn enter(&mut self, id: u32, heap: &Heap) {
        if self.track_memory {
            heap.set_running_site(id + 1);
            self.recorder.enter(id, sample(heap));
        } else {
            self.recorder.enter(id, AllocSample::default());
        }
    }

    #[inline(always)]
    fn exit(&mut self, heap: &Heap) {
        let outer = if self.track_memory {
            let outer = self.recorder.exit(sample(heap));
            heap.set_running_site(outer.map_or(0, |id| id + 1));
            outer
        } else {
            self.recorder.exit(AllocSample::default())
        };
        if outer.is_none() {
            self.record_retained(heap);
        }
    }

    /// When the outermost activation (the main file's top level) ends, its variables are
    /// still alive: what each function allocated and is still live is its retained memory.
    #[cold]
    #[inline(never)]
    fn record_retained(&mut self, heap: &Heap) {
        if self.calibrating {
            return;
        }
        for (site, bytes) in heap.live_by_site() {
            self.recorder.set_retained(site - 1, bytes);
        }
    }

    pub fn recorder_mut(&mut self) -> &mut Recorder {
        &mut self.recorder
    }

    pub fn into_recorder(self) -> Recorder {
        self.recorder
    }

    #[inline(always)]
    fn code_id(&mut self, code: &CodeObject) -> u32 {
        if let Some(&id) = self.code_ids.get(code.index() as usize) {
            if id != u32::MAX {
                return id;
            }
        }
        self.register_code(code)
    }

    #[cold]
    #[inline(never)]
    fn register_code(&mut self, code: &CodeObject) -> u32 {
        let id = self.recorder.register(FunctionInfo {
            name: code.name().to_owned(),
            file: code.file().name().to_owned(),
            line: code.line(),
            kind: FunctionKind::Ml,
            category: Category::MlCode,
        });
        set_id(&mut self.code_ids, code.index(), id);
        id
    }

    #[inline(always)]
    fn native_id(&mut self, func: &NativeFunction) -> u32 {
        if let Some(&id) = self.native_ids.get(func.index as usize) {
            if id != u32::MAX {
                return id;
            }
        }
        self.register_native(func)
    }

    #[cold]
    #[inline(never)]
    fn register_native(&mut self, func: &NativeFunction) -> u32 {
        let id = self.recorder.register(FunctionInfo {
            name: func.display_name(),
            file: "<builtin>".to_owned(),
            line: 0,
            kind: FunctionKind::Native,
            category: Category::StandardLibrary,
        });
        set_id(&mut self.native_ids, func.index, id);
        id
    }

    #[inline(always)]
    fn method_id(&mut self, kind: &'static str, name: &str) -> u32 {
        let slot = &self.method_cache[method_slot(name)];
        if std::ptr::eq(slot.kind, kind) && *slot.name == *name {
            return slot.id;
        }
        self.method_id_slow(kind, name)
    }

    #[inline(never)]
    fn method_id_slow(&mut self, kind: &'static str, name: &str) -> u32 {
        let id = self.lookup_method(kind, name);
        self.method_cache[method_slot(name)] = MethodSlot { kind, name: name.into(), id };
        id
    }

    fn lookup_method(&mut self, kind: &'static str, name: &str) -> u32 {
        let pos = match self.method_ids.iter().position(|(k, _)| *k == kind) {
            Some(pos) => pos,
            None => {
                self.method_ids.push((kind, NameMap::default()));
                self.method_ids.len() - 1
            }
        };
        if let Some(&id) = self.method_ids[pos].1.get(name) {
            return id;
        }
        let id = self.recorder.register(FunctionInfo {
            name: format!("{kind}.{name}"),
            file: "<builtin>".to_owned(),
            line: 0,
            kind: FunctionKind::Method,
            category: Category::StandardLibrary,
        });
        self.method_ids[pos].1.insert(name.to_owned(), id);
        id
    }
}

/// Records `id` at `index` of an id table, growing it as needed.
fn set_id(table: &mut Vec<u32>, index: u32, id: u32) {
    let i = index as usize;
    if table.len() <= i {
        table.resize(i + 1, u32::MAX);
    }
    table[i] = id;
}

/// The slot of `name` in `Profiler::method_cache`.
#[inline(always)]
fn method_slot(name: &str) -> usize {
    (name.as_ptr() as usize >> 3) % METHOD_CACHE
}

/// Method names to ids; looked up on every profiled method call, so Fx-hashed.
type NameMap = HashMap<String, u32, std::hash::BuildHasherDefault<crate::dict::FxHasher>>;

#[inline]
fn sample(heap: &Heap) -> AllocSample {
    let s = heap.running_stats();
    AllocSample { bytes: s.allocated_bytes, count: s.allocated_count, live: s.live_bytes }
}

/// Calibrates the profiler's cost on this VM, before the program runs, in measurements
/// the recorder then subtracts:
///
/// 1. through `RecordingHooks`, the path real events take (id lookup, allocation
///    sampling, the allocation site, the recorder), with a scratch native function
///    (`Recorder::calibrate_through`): what an event costs and which part of a pair falls
///    between its two clock readings;
/// 2. on ML code, each run without and with profiling (the fastest of several runs of
///    each): what a profiled call costs on top of an unprofiled one is more than its two
///    events alone (the profiled run loop is another instantiation of the interpreter,
///    and the hooks' work competes with the interpreter's for the CPU), so that
///    difference per event is the event cost when it is the larger. `REPEAT_PROGRAM`
///    calls one function over and over (every enter hits the recorder's one-entry cache,
///    as in a recursion or a loop calling one function); `MIXED_PROGRAM` alternates
///    calls, nests one, allocates a closure and calls it, so most enters miss the cache:
///    what they cost beyond the first program's events is the slow-enter cost, charged
///    per enter that missed (`Calibration::slow_enter_ps`).
///
/// What the calibration registered and recorded is then forgotten, on both sides.
pub(crate) fn calibrate(vm: &mut Vm) {
    /// The scratch function's body: never called.
    fn scratch(_: &mut Vm, _: &[Value], _: &[Value]) -> crate::error::Result<Value> {
        Ok(Value::Null)
    }
    let Some(p) = vm.profiler.as_deref_mut() else { return };
    if p.recorder.is_deterministic() {
        return;
    }
    p.calibrating = true;
    let saved = p.recorder.set_aside();
    let func = NativeFunction::made("profiler", scratch, Vec::new());
    let mut calibration = {
        let _active = vm.heap.activate();
        Recorder::calibrate_through(&mut HookPath { vm, func })
    };
    vm.profiler.as_deref_mut().expect("still profiling").forget_ids();
    if let Some(repeat) = workload_cost(vm, REPEAT_PROGRAM) {
        let event_ps = repeat.extra_ps / repeat.events.max(1);
        calibration.event_cost_ps = calibration.event_cost_ps.max(event_ps);
        if let Some(mixed) = workload_cost(vm, MIXED_PROGRAM) {
            let beyond = mixed.extra_ps.saturating_sub(mixed.events * calibration.event_cost_ps);
            calibration.slow_enter_ps = beyond / mixed.slow.max(1);
        }
    }
    let p = vm.profiler.as_deref_mut().expect("still profiling");
    p.recorder.restore(saved);
    p.recorder.set_calibration(calibration);
    p.forget_ids();
    p.calibrating = false;
}

/// Calls of one empty function from a loop: every enter repeats the caller's last call.
const REPEAT_PROGRAM: &str = "function cal_leaf() { return 0; }\n\
     function cal_loop(n) { for (i in range(n)) { cal_leaf(); } return n; }\n\
     cal_loop(1000);\n";

/// The kinds of call programs make, in a loop: a call of an empty function, a call that
/// makes a nested call, one that allocates (a closure), and a call of that closure.
const MIXED_PROGRAM: &str = "function cal_leaf() { return 0; }\n\
     function cal_nested(x) { return cal_leaf(); }\n\
     function cal_maker(x) { return fn() => x; }\n\
     function cal_loop(n) {\n\
         for (i in range(n)) { cal_leaf(); cal_nested(i); f = cal_maker(i); f(); }\n\
         return n;\n\
     }\n\
     cal_loop(200);\n";

/// Runs of each kind; the fastest of each is kept (interruptions only add time).
const CALIBRATION_ROUNDS: usize = 9;

/// What profiling added to a calibration program.
struct WorkloadCost {
    /// The fastest profiled run less the fastest unprofiled one, in picoseconds.
    extra_ps: u64,
    /// The events of a profiled run, and the enters among them that missed the cache.
    events: u64,
    slow: u64,
}

/// Runs `source` without and with profiling. `None` if it cannot run here (it always
/// can; a failure only means one measurement fewer).
fn workload_cost(vm: &mut Vm, source: &str) -> Option<WorkloadCost> {
    use crate::compiler::{compile_module, CompileContext};
    let file = std::rc::Rc::new(mlpy_syntax::SourceFile::new("<calibration>", source));
    let parsed = mlpy_syntax::parse(&file);
    let builtins = crate::builtins::BuiltinTable::new();
    let mut no_imports = |_: &mlpy_syntax::ast::Import| -> u16 { 0 };
    let ctx = CompileContext {
        prelude: &builtins,
        import_index: &mut no_imports,
        is_imported_module: false,
        options: Default::default(),
    };
    let code = compile_module(&parsed.module, file, ctx).ok()?;
    let mut plain = u64::MAX;
    let mut profiled = u64::MAX;
    let (mut events, mut slow) = (0, 0);
    for _ in 0..CALIBRATION_ROUNDS {
        let profiler = vm.profiler.take();
        let start = profiler.as_deref()?.recorder.now_ns();
        let ok = vm.call_code_for_calibration(code.clone());
        let end = profiler.as_deref()?.recorder.now_ns();
        vm.profiler = profiler;
        ok.ok()?;
        plain = plain.min(end.saturating_sub(start));

        let rec = &mut vm.profiler.as_deref_mut()?.recorder;
        rec.forget_records();
        let start = rec.now_ns();
        let ok = vm.call_code_for_calibration(code.clone());
        let rec = &vm.profiler.as_deref()?.recorder;
        let end = rec.now_ns();
        (events, slow) = rec.events();
        ok.ok()?;
        profiled = profiled.min(end.saturating_sub(start));
    }
    vm.profiler.as_deref_mut()?.recorder.forget_records();
    vm.profiler.as_deref_mut()?.forget_ids();
    Some(WorkloadCost { extra_ps: profiled.saturating_sub(plain) * 1000, events, slow })
}

/// `EventPath` through the VM's hooks.
struct HookPath<'a> {
    vm: &'a mut Vm,
    func: Rc<NativeFunction>,
}

impl EventPath for HookPath<'_> {
    fn recorder(&mut self) -> &mut Recorder {
        &mut self.vm.profiler.as_deref_mut().expect("profiling").recorder
    }

    #[inline(always)]
    fn enter(&mut self) {
        RecordingHooks::enter_native(self.vm, std::hint::black_box(&self.func));
    }

    #[inline(always)]
    fn exit(&mut self) {
        RecordingHooks::exit_native(self.vm);
    }
}

/// Profiling on: every hook records an event.
pub struct RecordingHooks;

impl Hooks for RecordingHooks {
    const ENABLED: bool = true;

    #[inline(always)]
    fn enter_function(vm: &mut Vm, code: &CodeObject) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.code_id(code);
            p.enter(id, &vm.heap);
        }
    }

    #[inline(always)]
    fn exit_function(vm: &mut Vm) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            p.exit(&vm.heap);
        }
    }

    #[inline(always)]
    fn enter_native(vm: &mut Vm, func: &NativeFunction) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.native_id(func);
            p.enter(id, &vm.heap);
        }
    }

    #[inline(always)]
    fn instant_native(vm: &mut Vm, func: &NativeFunction) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.native_id(func);
            p.recorder.instant(id);
        }
    }

    #[inline(always)]
    fn enter_method(vm: &mut Vm, kind: &'static str, name: &str) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.method_id(kind, name);
            p.enter(id, &vm.heap);
        }
    }

    #[inline(always)]
    fn exit_native(vm: &mut Vm) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            p.exit(&vm.heap);
        }
    }

    // Garbage collection and unwinding are rare next to calls: registration (a lookup by
    // name) on every event costs nothing that shows, and keeps no id to forget.
    #[cold]
    #[inline(never)]
    fn enter_runtime(vm: &mut Vm, work: RuntimeWork) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.recorder.register(runtime_info(work));
            p.enter(id, &vm.heap);
        }
    }

    #[cold]
    #[inline(never)]
    fn exit_runtime(vm: &mut Vm) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            p.exit(&vm.heap);
        }
    }
}

/// The profile entry of runtime work: a native of the Runtime Overhead category, in the
/// pseudo-file `<runtime>`.
fn runtime_info(work: RuntimeWork) -> FunctionInfo {
    FunctionInfo {
        name: work.name().to_owned(),
        file: "<runtime>".to_owned(),
        line: 0,
        kind: FunctionKind::Native,
        category: Category::RuntimeOverhead,
    }
}
