//! Profiling on: the `Hooks` implementation that feeds `mlpy_profile::Recorder`.
//!
//! Functions are registered with the recorder the first time they run (their id is cached
//! in the code object or native function), so an unprofiled run registers nothing.
//! Allocations are sampled from the heap counters at every event.

use std::collections::HashMap;

use mlpy_profile::{AllocSample, Category, FunctionInfo, FunctionKind, Recorder};

use crate::bytecode::CodeObject;
use crate::heap;
use crate::hooks::Hooks;
use crate::natives::NativeFunction;
use crate::vm::Vm;

/// The recorder of a profiled run, the ids of methods (which have no function value), and
/// the allocation sites of the open activations.
pub struct Profiler {
    recorder: Recorder,
    /// Method ids by receiver kind (a handful), then method name.
    method_ids: Vec<(&'static str, NameMap)>,
    /// The heap's allocation site before each open activation (restored on exit).
    sites: Vec<u32>,
}

impl Profiler {
    pub fn new(recorder: Recorder) -> Profiler {
        Profiler { recorder, method_ids: Vec::new(), sites: Vec::new() }
    }

    /// Enters function `id`: new objects are attributed to it until it exits.
    #[inline]
    fn enter(&mut self, id: u32) {
        self.recorder.enter(id, sample());
        self.sites.push(heap::site());
        heap::set_site(id + 1);
    }

    #[inline]
    fn exit(&mut self) {
        self.recorder.exit(sample());
        heap::set_site(self.sites.pop().unwrap_or(0));
        if self.sites.is_empty() {
            self.record_retained();
        }
    }

    /// When the outermost activation (the main file's top level) ends, its variables are
    /// still alive: what each function allocated and is still live is its retained memory.
    #[cold]
    fn record_retained(&mut self) {
        for (site, bytes) in heap::live_by_site() {
            self.recorder.set_retained(site - 1, bytes);
        }
    }

    pub fn recorder_mut(&mut self) -> &mut Recorder {
        &mut self.recorder
    }

    pub fn into_recorder(self) -> Recorder {
        self.recorder
    }

    fn code_id(&mut self, code: &CodeObject) -> u32 {
        let id = code.profile_id.get();
        if id != u32::MAX {
            return id;
        }
        let id = self.recorder.register(FunctionInfo {
            name: code.name.clone(),
            file: code.file.name().to_owned(),
            line: code.line,
            kind: FunctionKind::Ml,
            category: Category::MlCode,
        });
        code.profile_id.set(id);
        id
    }

    fn native_id(&mut self, func: &NativeFunction) -> u32 {
        let id = func.profile_id.get();
        if id != u32::MAX {
            return id;
        }
        let id = self.recorder.register(FunctionInfo {
            name: func.display_name(),
            file: "<builtin>".to_owned(),
            line: 0,
            kind: FunctionKind::Native,
            category: Category::StandardLibrary,
        });
        func.profile_id.set(id);
        id
    }

    fn method_id(&mut self, kind: &'static str, name: &str) -> u32 {
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
            kind: FunctionKind::Native,
            category: Category::StandardLibrary,
        });
        self.method_ids[pos].1.insert(name.to_owned(), id);
        id
    }
}

/// Method names to ids; looked up on every profiled method call, so Fx-hashed.
type NameMap = HashMap<String, u32, std::hash::BuildHasherDefault<crate::dict::FxHasher>>;

#[inline]
fn sample() -> AllocSample {
    let s = heap::stats();
    AllocSample { bytes: s.allocated_bytes, count: s.allocated_count }
}

/// Profiling on: every hook records an event.
pub struct RecordingHooks;

impl Hooks for RecordingHooks {
    const ENABLED: bool = true;

    #[inline]
    fn enter_function(vm: &mut Vm, code: &CodeObject) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.code_id(code);
            p.enter(id);
        }
    }

    #[inline]
    fn exit_function(vm: &mut Vm) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            p.exit();
        }
    }

    #[inline]
    fn enter_native(vm: &mut Vm, func: &NativeFunction) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.native_id(func);
            p.enter(id);
        }
    }

    #[inline]
    fn enter_method(vm: &mut Vm, kind: &'static str, name: &str) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            let id = p.method_id(kind, name);
            p.enter(id);
        }
    }

    #[inline]
    fn exit_native(vm: &mut Vm) {
        if let Some(p) = vm.profiler.as_deref_mut() {
            p.exit();
        }
    }
}
