//! The profiler's hooks into the VM.
//!
//! The run loop is generic over a `Hooks` type. `NoHooks` has `ENABLED = false` and empty
//! `#[inline(always)]` methods, so the loop compiled for it contains no trace of profiling;
//! switching profiling on is a run-time choice of which instantiation runs.
//!
//! Allocations are not reported one by one: the VM's heap keeps running counters
//! (`Heap::stats`), which a recorder samples at every enter and exit, exactly as it
//! samples the clock. Bytes allocated while a function runs are the difference.

use crate::bytecode::CodeObject;
use crate::natives::NativeFunction;
use crate::vm::Vm;

pub trait Hooks {
    const ENABLED: bool;
    /// An ML function (or a module's top level) starts running.
    fn enter_function(vm: &mut Vm, code: &CodeObject);
    /// The innermost ML function returns or is unwound by an error.
    fn exit_function(vm: &mut Vm);
    /// A native function is called.
    fn enter_native(vm: &mut Vm, func: &NativeFunction);
    /// A native function is called whose work the VM already did inline (`len` of a
    /// string, array or object): the call is counted, with no time of its own.
    fn instant_native(vm: &mut Vm, func: &NativeFunction);
    /// A method of a built-in kind is called (`kind` is `string` or `array`).
    fn enter_method(vm: &mut Vm, kind: &'static str, name: &str);
    /// The innermost native function or method returns.
    fn exit_native(vm: &mut Vm);
    /// The VM starts work of its own (`RuntimeWork`), timed as an entry of the Runtime
    /// Overhead category nested in the running function.
    fn enter_runtime(vm: &mut Vm, work: RuntimeWork);
    /// The runtime work entered last ends.
    fn exit_runtime(vm: &mut Vm);
}

/// Work the VM does on its own account, profiled as native entries of their own (category
/// Runtime Overhead), nested under the function that was running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuntimeWork {
    /// `<garbage collection>`: a run of the cycle collector.
    GarbageCollection,
    /// `<error unwinding>`: from the raise of an error (its stack trace included) until
    /// its handler starts, or its run loop gives it up.
    ErrorUnwinding,
}

impl RuntimeWork {
    /// The entry's name in profiles.
    pub fn name(self) -> &'static str {
        match self {
            RuntimeWork::GarbageCollection => "<garbage collection>",
            RuntimeWork::ErrorUnwinding => "<error unwinding>",
        }
    }
}

/// Profiling off: every hook compiles to nothing.
pub struct NoHooks;

impl Hooks for NoHooks {
    const ENABLED: bool = false;
    #[inline(always)]
    fn enter_function(_: &mut Vm, _: &CodeObject) {}
    #[inline(always)]
    fn exit_function(_: &mut Vm) {}
    #[inline(always)]
    fn enter_native(_: &mut Vm, _: &NativeFunction) {}
    #[inline(always)]
    fn instant_native(_: &mut Vm, _: &NativeFunction) {}
    #[inline(always)]
    fn enter_method(_: &mut Vm, _: &'static str, _: &str) {}
    #[inline(always)]
    fn exit_native(_: &mut Vm) {}
    #[inline(always)]
    fn enter_runtime(_: &mut Vm, _: RuntimeWork) {}
    #[inline(always)]
    fn exit_runtime(_: &mut Vm) {}
}
