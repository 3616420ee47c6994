//! Two VMs in one thread are independent: each has its own heap (allocation counters,
//! allocation sites, cycle collector) and its own profiler ids, even when they run the
//! same compiled program and their calls interleave.

mod support;

use std::rc::Rc;

use mlpy_profile::{FakeClock, Recorder};
use mlpy_runtime::compiler::CompileOptions;
use mlpy_runtime::program::Program;
use mlpy_runtime::value::{Closure, Upvalues};
use mlpy_runtime::{Limits, Value, Vm};

const SOURCE: &str = "
function make(n) {
    a = [];
    for (i in range(n)) { a.append({k: i}); }
    return a;
}
function count(n) {
    a = [];
    for (i in range(n)) { a.append({k: i}); }
    return len(a);
}
function cycle() { o = {}; o.self = o; return null; }
";

fn program() -> Rc<Program> {
    let main = support::compile(SOURCE, CompileOptions::default()).expect("compiles");
    Rc::new(Program { main, modules: Vec::new(), imports: Vec::new() })
}

/// The top-level function `name` of the program as a value (it captures nothing).
fn function(program: &Program, name: &str) -> Value {
    let code = program.main.functions().iter().find(|f| f.name() == name).expect(name).clone();
    assert!(code.captures().is_empty());
    Value::Function(Closure::new(code, Upvalues::none()))
}

fn vm(program: &Rc<Program>, profiled: bool) -> Vm {
    let mut vm = Vm::new(program.clone(), Limits::default());
    if profiled {
        vm.enable_profiling(Recorder::new(Box::new(FakeClock::new(10)), true));
    }
    vm
}

#[test]
fn two_vms_in_one_thread_keep_their_heaps_and_profiles_apart() {
    let program = program();
    let (make, count, cycle) =
        (function(&program, "make"), function(&program, "count"), function(&program, "cycle"));
    let mut a = vm(&program, true);
    let mut b = vm(&program, false);

    // What one call of `count(10)` allocates on a VM of its own.
    // And what a second call counts: the same, but for the registry's growth (its
    // places are kept), which counts as allocations too.
    let (alone, registry, again) = {
        let mut c = vm(&program, false);
        c.call_value(&count, vec![Value::Int(10)]).expect("runs");
        let first = c.heap().stats();
        let registry = c.heap().registry_bytes();
        c.call_value(&count, vec![Value::Int(10)]).expect("runs");
        (first, registry, c.heap().stats().allocated_count - first.allocated_count)
    };
    assert!(alone.allocated_count > 10, "{alone:?}");
    // The collector's registry keeps its places once made.
    assert_eq!(alone.live_bytes, registry, "everything count made is freed: {alone:?}");

    // Interleaved calls: A allocates a lot and keeps an array alive; B does the small job.
    let kept = a.call_value(&make, vec![Value::Int(1000)]).expect("runs");
    let a_after_make = a.heap().stats();
    b.call_value(&count, vec![Value::Int(10)]).expect("runs");
    assert_eq!(b.heap().stats(), alone, "B's counters show B's allocations only");
    assert_eq!(a.heap().stats(), a_after_make, "B's run charged nothing to A");
    assert!(a_after_make.live_bytes > 1000 * 48, "{a_after_make:?}");

    a.call_value(&count, vec![Value::Int(5)]).expect("runs");
    b.call_value(&count, vec![Value::Int(10)]).expect("runs");
    let b_stats = b.heap().stats();
    assert_eq!(b_stats.allocated_count, alone.allocated_count + again);
    assert!(again < alone.allocated_count, "the registry grew in the first run only");
    // (The registry grew in the first run only.)
    assert_eq!(b_stats.allocated_bytes, 2 * alone.allocated_bytes - registry);
    assert_eq!(b_stats.peak_live_bytes, alone.peak_live_bytes);

    // A value of A freed while B's heap is active is charged to A, not to B.
    let a_live = a.heap().stats().live_bytes;
    {
        let _b_runs = b.heap().activate();
        drop(kept);
    }
    assert!(a.heap().stats().live_bytes < a_live - 1000 * 48);
    assert_eq!(b.heap().stats().live_bytes, b.heap().registry_bytes());
    assert_eq!(b.heap().stats(), b_stats);

    // Each heap collects its own cycles.
    a.call_value(&cycle, Vec::new()).expect("runs");
    b.call_value(&cycle, Vec::new()).expect("runs");
    b.call_value(&cycle, Vec::new()).expect("runs");
    assert_eq!(a.heap().tracked_count(), 1);
    assert_eq!(b.heap().tracked_count(), 2);
    assert_eq!(b.heap().collect(), 2);
    assert_eq!((a.heap().tracked_count(), b.heap().tracked_count()), (1, 0));
    assert_eq!(a.heap().collect(), 1);
    assert_eq!(a.heap().stats().live_bytes, a.heap().registry_bytes());

    // A's profile has A's calls only; B, unprofiled, registered nothing that A reads.
    let profile = a.take_recorder().expect("profiled").finish("two.ml");
    let calls = |name: &str| profile.find_function(name).map(|i| profile.function(i).calls);
    assert_eq!(calls("make"), Some(1));
    assert_eq!(calls("count"), Some(1));
    assert_eq!(calls("cycle"), Some(1));
    assert!(b.take_recorder().is_none());
}

#[test]
fn profiler_ids_are_per_profiler_not_per_code_object() {
    // Two profiled VMs over the same code objects register functions in different
    // orders: each profile still names each function's own calls.
    let program = program();
    let (make, count) = (function(&program, "make"), function(&program, "count"));
    let mut first = vm(&program, true);
    let mut second = vm(&program, true);
    first.call_value(&make, vec![Value::Int(3)]).expect("runs");
    second.call_value(&count, vec![Value::Int(3)]).expect("runs");
    second.call_value(&count, vec![Value::Int(3)]).expect("runs");
    first.call_value(&count, vec![Value::Int(3)]).expect("runs");
    let p1 = first.take_recorder().expect("profiled").finish("two.ml");
    let p2 = second.take_recorder().expect("profiled").finish("two.ml");
    let calls =
        |p: &mlpy_profile::Profile, name: &str| p.find_function(name).map(|i| p.function(i).calls);
    assert_eq!((calls(&p1, "make"), calls(&p1, "count")), (Some(1), Some(1)));
    assert_eq!((calls(&p2, "make"), calls(&p2, "count")), (None, Some(2)));
}
