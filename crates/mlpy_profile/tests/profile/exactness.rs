//! The exactness rules: counts, recursion (cProfile's primitive calls and total time),
//! self times, edges, allocations, phases, the profiler's correction, and unfinished runs.

use mlpy_profile::{
    AllocSample, Calibration, Category, FakeClock, FunctionStats, Profile, Recorder,
};

use crate::scenario::{self, ml, native, ManualClock, Run};

fn func<'a>(p: &'a Profile, name: &str) -> &'a FunctionStats {
    p.function(p.find_function(name).unwrap_or_else(|| panic!("no function `{name}`")))
}

fn edge(p: &Profile, caller: &str, callee: &str) -> mlpy_profile::EdgeStats {
    let (caller, callee) = (p.find_function(caller).unwrap(), p.find_function(callee).unwrap());
    p.edges().iter().find(|e| e.caller == caller && e.callee == callee).cloned().unwrap()
}

fn manual() -> (ManualClock, Recorder) {
    let clock = ManualClock::default();
    let rec = Recorder::new(Box::new(clock.clone()), true);
    (clock, rec)
}

#[test]
fn fib_25_makes_242785_calls_one_primitive() {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(1)), true));
    let module = run.rec.register(ml("<module>", "fib.ml", 1));
    let fib = run.rec.register(ml("fib", "fib.ml", 1));
    run.enter(module);
    run.fib(fib, 25);
    run.exit();
    let p = run.rec.finish("fib.ml");

    let f = func(&p, "fib");
    assert_eq!((f.calls, f.primitive_calls), (242_785, 1));
    // One step of the fake clock between consecutive events: the outermost activation
    // spans 2 * 242,785 - 1 steps, and recursion adds nothing to it.
    assert_eq!(f.total_ns, 485_569);
    assert_eq!(f.self_ns, 485_569);
    let m = func(&p, "<module>");
    assert_eq!((m.calls, m.self_ns, m.total_ns), (1, 2, 485_571));
    assert_eq!(p.total_ns(), 485_571);
    assert_eq!((f.alloc_count, f.alloc_bytes), (121_392, 121_392 * 32));

    let outer = edge(&p, "<module>", "fib");
    assert_eq!((outer.calls, outer.primitive_calls, outer.total_ns), (1, 1, 485_569));
    let inner = edge(&p, "fib", "fib");
    assert_eq!((inner.calls, inner.primitive_calls), (242_784, 2));
    // fib(25)'s two calls are the pair's outermost: everything but fib(25)'s own events.
    assert_eq!(inner.total_ns, 485_569 - 3);
    assert_eq!(inner.self_ns, 485_569 - 3);
    // One node per depth: <module>, then fib at depths 1 to 25.
    assert_eq!(p.cct().len(), 26);

    let raw = p.raw_report(mlpy_profile::SortKey::default());
    assert!(
        raw.starts_with("         242786 function calls (2 primitive calls) in 0.000 seconds\n")
    );
    assert!(raw.contains(" 242785/1 "), "{raw}");
}

#[test]
fn a_three_to_one_split_gives_three_to_one_self_times() {
    let (clock, mut rec) = manual();
    let main = rec.register(ml("main", "m.ml", 1));
    let a = rec.register(ml("a", "m.ml", 5));
    let b = rec.register(ml("b", "m.ml", 9));
    let alloc = AllocSample::default();
    rec.enter(main, alloc);
    rec.enter(a, alloc);
    clock.set(300);
    rec.exit(alloc);
    rec.enter(b, alloc);
    clock.set(400);
    rec.exit(alloc);
    rec.exit(alloc);
    let p = rec.finish("m.ml");
    assert_eq!(func(&p, "a").self_ns, 300);
    assert_eq!(func(&p, "b").self_ns, 100);
    assert_eq!((func(&p, "main").self_ns, func(&p, "main").total_ns), (0, 400));
}

#[test]
fn mutual_recursion_is_counted_once() {
    // even(4) -> odd(3) -> even(2) -> odd(1) -> even(0), 10 ns between events.
    let (clock, mut rec) = manual();
    let even = rec.register(ml("even", "m.ml", 1));
    let odd = rec.register(ml("odd", "m.ml", 5));
    let alloc = AllocSample::default();
    let mut t = 0;
    for func in [even, odd, even, odd, even] {
        clock.set(t);
        rec.enter(func, alloc);
        t += 10;
    }
    for _ in 0..5 {
        clock.set(t);
        rec.exit(alloc);
        t += 10;
    }
    let p = rec.finish("m.ml");
    // Enters at 0, 10, 20, 30, 40; exits at 50, 60, 70, 80, 90.
    let e = func(&p, "even");
    let o = func(&p, "odd");
    assert_eq!((e.calls, e.primitive_calls, e.total_ns), (3, 1, 90));
    assert_eq!((o.calls, o.primitive_calls, o.total_ns), (2, 1, 70));
    assert_eq!(e.self_ns + o.self_ns, 90);
    let eo = edge(&p, "even", "odd");
    assert_eq!((eo.calls, eo.primitive_calls, eo.total_ns), (2, 1, 70));
    let oe = edge(&p, "odd", "even");
    assert_eq!((oe.calls, oe.primitive_calls, oe.total_ns), (2, 1, 50));
    assert_eq!(p.total_ns(), 90);
}

#[test]
fn edges_add_up_to_the_functions() {
    let p = scenario::two_files(true);
    for (idx, f) in p.functions().iter().enumerate() {
        let idx = idx as u32;
        let top: Vec<_> =
            p.cct().iter().filter(|n| n.function == idx && n.parent.is_none()).collect();
        let into: Vec<_> = p.edges().iter().filter(|e| e.callee == idx).collect();
        let calls: u64 =
            into.iter().map(|e| e.calls).sum::<u64>() + top.iter().map(|n| n.calls).sum::<u64>();
        let self_ns: u64 = into.iter().map(|e| e.self_ns).sum::<u64>()
            + top.iter().map(|n| n.self_ns).sum::<u64>();
        assert_eq!(calls, f.calls, "{}", f.info.name);
        assert_eq!(self_ns, f.self_ns, "{}", f.info.name);
        if f.calls == f.primitive_calls {
            let total: u64 = into.iter().map(|e| e.total_ns).sum::<u64>()
                + top.iter().map(|n| n.total_ns).sum::<u64>();
            assert_eq!(total, f.total_ns, "{}", f.info.name);
        }
    }
    let self_sum: u64 = p.functions().iter().map(|f| f.self_ns).sum();
    let category_sum: u64 = p.categories().iter().map(|c| c.ns).sum();
    let phase_sum: u64 = p.phases().iter().map(|ph| ph.ns).sum();
    assert_eq!(self_sum, p.total_ns());
    assert_eq!(category_sum, p.total_ns());
    assert_eq!(phase_sum, p.total_ns());
    let alloc_sum: u64 = p.functions().iter().map(|f| f.alloc_bytes).sum();
    let phase_alloc: u64 = p.phases().iter().map(|ph| ph.alloc_bytes).sum();
    assert_eq!(alloc_sum, phase_alloc);
    assert!(p.find_function("unused").is_none(), "functions that never ran are left out");
}

#[test]
fn finish_closes_open_activations() {
    let (clock, mut rec) = manual();
    let main = rec.register(ml("main", "m.ml", 1));
    let f = rec.register(ml("f", "m.ml", 5));
    rec.enter(main, AllocSample { bytes: 0, count: 0, live: 0 });
    clock.set(10);
    rec.enter(f, AllocSample { bytes: 100, count: 1, live: 0 });
    clock.set(50);
    assert_eq!(rec.depth(), 2);
    let p = rec.finish("m.ml");
    let (m, f) = (func(&p, "main"), func(&p, "f"));
    assert_eq!((m.calls, m.total_ns, m.self_ns, m.alloc_bytes), (1, 50, 10, 100));
    assert_eq!((f.calls, f.total_ns, f.self_ns, f.alloc_bytes), (1, 40, 40, 0));
    assert_eq!(p.total_ns(), 50);
}

#[test]
fn an_exit_with_nothing_open_is_ignored() {
    let mut rec = Recorder::new(Box::new(FakeClock::new(1)), true);
    rec.exit(AllocSample::default());
    let p = rec.finish("empty.ml");
    assert_eq!((p.total_ns(), p.functions().len(), p.cct().len()), (0, 0, 0));
    assert!(p.phases().is_empty());
}

#[test]
fn the_profilers_cost_is_subtracted() {
    let clock = ManualClock::default();
    let cal = Calibration { event_cost_ps: 10_000, inside_cost_ps: 4_000, slow_enter_ps: 0 };
    let mut rec = Recorder::with_calibration(Box::new(clock.clone()), true, cal);
    let parent = rec.register(ml("parent", "m.ml", 1));
    let child = rec.register(ml("child", "m.ml", 5));
    let tiny = rec.register(ml("tiny", "m.ml", 9));
    let alloc = AllocSample::default();
    rec.enter(parent, alloc);
    for i in 0..3 {
        clock.set(100 + 200 * i);
        rec.enter(child, alloc);
        clock.set(200 + 200 * i);
        rec.exit(alloc);
    }
    clock.set(1_000);
    rec.exit(alloc);
    // Measured 2 ns, less than the 4 ns inside a pair: reported as 0, never below.
    rec.enter(tiny, alloc);
    clock.set(1_002);
    rec.exit(alloc);
    let p = rec.finish("m.ml");

    // Each child activation loses 4 ns; the parent loses 4 ns plus 2 events of 10 ns for
    // each of the 3 activations inside it.
    let c = func(&p, "child");
    assert_eq!((c.total_ns, c.self_ns), (288, 288));
    let par = func(&p, "parent");
    assert_eq!((par.total_ns, par.self_ns), (936, 648));
    assert_eq!(func(&p, "tiny").total_ns, 0);
    assert_eq!(p.total_ns(), 936);
    let cost = p.profiler();
    assert_eq!((cost.events, cost.subtracted_ns), (10, 1_002 - 936));
    assert_eq!((cost.event_cost_ps, cost.inside_cost_ps), (10_000, 4_000));
}

#[test]
fn instantaneous_calls_are_counted_without_time_or_correction() {
    let clock = ManualClock::default();
    let cal = Calibration { event_cost_ps: 10_000, inside_cost_ps: 4_000, slow_enter_ps: 0 };
    let mut rec = Recorder::with_calibration(Box::new(clock.clone()), true, cal);
    let main = rec.register(ml("main", "m.ml", 1));
    let len = rec.register(native("len", Category::StandardLibrary));
    rec.enter(main, AllocSample::default());
    for i in 0..5 {
        clock.set(100 * i);
        rec.instant(len);
    }
    clock.set(1_000);
    rec.exit(AllocSample::default());
    let p = rec.finish("m.ml");

    let l = func(&p, "len");
    assert_eq!((l.calls, l.primitive_calls, l.total_ns, l.self_ns), (5, 5, 0, 0));
    assert_eq!(edge(&p, "main", "len").calls, 5);
    // `main` loses only its own 4 ns: no events were recorded for the instantaneous calls.
    let m = func(&p, "main");
    assert_eq!((m.total_ns, m.self_ns), (996, 996));
    assert_eq!(p.profiler().events, 2);
}

#[test]
fn phases_keep_pipeline_order_and_add_up() {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(10)), true));
    run.rec.phase("startup", Category::SandboxStartup, 1_000, 64);
    run.rec.phase("parsing", Category::Parsing, 500, 32);
    let module = run.rec.register(ml("<module>", "m.ml", 1));
    run.enter(module);
    run.allocate(1, 16);
    // A module loaded while the program runs: its time is part of the activation's.
    run.rec.phase("module loading", Category::RuntimeOverhead, 5, 8);
    run.alloc.bytes += 8;
    run.exit();
    run.rec.phase("parsing", Category::Parsing, 100, 0);
    let p = run.rec.finish("m.ml");

    let names: Vec<_> = p.phases().iter().map(|ph| ph.name.as_str()).collect();
    assert_eq!(names, ["startup", "parsing", "execution", "module loading"]);
    let ns: Vec<_> = p.phases().iter().map(|ph| ph.ns).collect();
    // The activation lasts one step (10 ns), of which the nested phase took 5.
    assert_eq!(ns, [1_000, 600, 5, 5]);
    let bytes: Vec<_> = p.phases().iter().map(|ph| ph.alloc_bytes).collect();
    assert_eq!(bytes, [64, 32, 16, 8]);
    assert_eq!(p.total_ns(), 1_610);
    let m = func(&p, "<module>");
    assert_eq!((m.self_ns, m.total_ns, m.alloc_bytes), (5, 10, 16));
    let parsing = func(&p, "parsing");
    assert_eq!((parsing.calls, parsing.self_ns), (2, 600));
    assert_eq!(p.categories()[Category::Parsing.index()].ns, 600);
}

#[test]
fn memory_off_records_no_memory() {
    let p = scenario::two_files(false);
    assert!(!p.memory_tracked());
    assert_eq!(p.peak_memory_bytes(), 0);
    assert!(p.functions().iter().all(|f| f.alloc_bytes == 0 && f.retained_bytes == 0));
    assert!(p.categories().iter().all(|c| c.alloc_bytes == 0));
}

#[test]
fn unregistered_ids_are_kept_under_a_placeholder() {
    let mut rec = Recorder::new(Box::new(FakeClock::new(1)), true);
    let alloc = AllocSample::default();
    rec.enter(7, alloc);
    rec.exit(alloc);
    let p = rec.finish("m.ml");
    assert_eq!(func(&p, "<unknown #7>").calls, 1);
}

#[test]
fn natives_are_attributed_like_ml_functions() {
    let p = scenario::two_files(true);
    let len = func(&p, "len");
    assert_eq!((len.calls, len.primitive_calls), (40, 40));
    let sort = edge(&p, "main", "array.sort");
    assert_eq!(sort.calls, 1);
    let callback = edge(&p, "array.sort", "<lambda:31>");
    assert_eq!(callback.calls, 12);
    assert_eq!(func(&p, "process").retained_bytes, 3_072);
    let _ = native("unused", Category::StandardLibrary);
}

#[test]
fn json_rejects_bad_profiles() {
    let good = scenario::two_files(true).to_json();
    assert!(Profile::from_json("{").unwrap_err().starts_with("invalid JSON"));
    let bad_schema = good.replace("mlpy-profile/1", "mlpy-profile/9");
    assert_eq!(
        Profile::from_json(&bad_schema).unwrap_err(),
        "unsupported schema `mlpy-profile/9` (expected `mlpy-profile/1`)"
    );
    let bad_index = good.replacen("{\"caller\": ", "{\"caller\": 999, \"was\": ", 1);
    assert_eq!(
        Profile::from_json(&bad_index).unwrap_err(),
        "`edges[0].caller` is out of range (999)"
    );
    let missing = good.replacen("\"total_ns\": ", "\"total\": ", 1);
    assert_eq!(Profile::from_json(&missing).unwrap_err(), "`profile.total_ns` is missing");
}

#[test]
fn json_keeps_any_name_and_path() {
    let mut run = Run::new(Recorder::new(Box::new(FakeClock::new(3)), true));
    let odd = run.rec.register(ml("say \"hi\"\\ µ\n", "dir with space/naïve.ml", 7));
    run.enter(odd);
    run.exit();
    let p = run.rec.finish("C:\\scripts\\main.ml");
    let back = Profile::from_json(&p.to_json()).expect("the JSON profile reads back");
    assert_eq!(back, p);
    assert_eq!(back.program(), "C:\\scripts\\main.ml");
}
