//! The runtime's own costs in profiles, and the heap's accounting by function:
//!
//! - every run of the cycle collector is an activation of `<garbage collection>`, every
//!   error unwinding one of `<error unwinding>` (Runtime Overhead), nested under the
//!   function that was running, and the recorder's stack stays balanced;
//! - bytes are charged to the function running when they are allocated, growth included:
//!   no function retains more than it allocated, and the functions' allocations add up to
//!   the heap's (checked on generated programs).

mod support;

use std::rc::Rc;

use mlpy_profile::{Category, FakeClock, FunctionKind, Profile, Recorder};
use mlpy_runtime::compiler::CompileOptions;
use mlpy_runtime::heap::HeapStats;
use mlpy_runtime::{Limits, Vm};

/// What a profiled run gave.
struct Profiled {
    profile: Profile,
    /// The heap's counters before and after the run.
    before: HeapStats,
    after: HeapStats,
    collections: u64,
    stdout: String,
    /// The uncaught error the run ended with, if any.
    error: Option<String>,
}

/// Runs `src` profiled on a thread of its own: each thread has `MAX_HEAPS` heap slots, and
/// a VM that ends with garbage cycles uncollected keeps its slot retired, so that after
/// 63 of them a thread's VMs share its ambient heap, whose accounting mixes (see
/// `heap`'s module doc). A fresh thread starts with every slot free.
fn profiled(src: &str) -> Profiled {
    let src = src.to_owned();
    std::thread::spawn(move || profiled_here(&src)).join().expect("the profiled run")
}

fn profiled_here(src: &str) -> Profiled {
    let program = support::compile_program(src, CompileOptions::default()).expect("compiles");
    let mut vm = Vm::new(Rc::new(program), Limits::default());
    let out = support::Buffer::default();
    vm.set_io(
        Box::new(out.clone()),
        Box::new(support::Buffer::default()),
        Box::new(std::io::empty()),
    );
    vm.enable_profiling(Recorder::new(Box::new(FakeClock::new(1)), true));
    let before = vm.heap().stats();
    let error = vm.run_main().err().map(|e| format!("{}: {}", e.type_name(), e.message()));
    let after = vm.heap().stats();
    let collections = vm.heap().collections();
    let rec = vm.take_recorder().expect("profiling");
    assert_eq!(rec.depth(), 0, "every activation was closed by the run:\n{src}");
    let profile = rec.finish("test.ml");
    let stdout = out.text();
    Profiled { profile, before, after, collections, stdout, error }
}

fn calls(p: &Profile, name: &str) -> u64 {
    p.find_function(name).map_or(0, |i| p.function(i).calls)
}

/// The callers of `name` in the calling-context tree, with the calls through each.
fn parents(p: &Profile, name: &str) -> Vec<(String, u64)> {
    let Some(f) = p.find_function(name) else { return Vec::new() };
    let mut out: Vec<(String, u64)> = p
        .cct()
        .iter()
        .filter(|n| n.function == f)
        .map(|n| {
            let parent = n.parent.map(|i| p.cct()[i as usize].function);
            (parent.map_or("-".to_owned(), |g| p.function(g).info.name.clone()), n.calls)
        })
        .collect();
    out.sort();
    out
}

/// The exactness invariants of a profile: per function, the calling-context nodes add up
/// to its calls, self time and allocations; the edges into a function add up to its calls
/// less those at the top; self time never exceeds total time on a node.
fn check_invariants(p: &Profile) {
    for (i, f) in p.functions().iter().enumerate() {
        let nodes: Vec<_> = p.cct().iter().filter(|n| n.function == i as u32).collect();
        let name = &f.info.name;
        assert_eq!(nodes.iter().map(|n| n.calls).sum::<u64>(), f.calls, "{name}: calls");
        assert_eq!(nodes.iter().map(|n| n.self_ns).sum::<u64>(), f.self_ns, "{name}: self");
        assert_eq!(nodes.iter().map(|n| n.alloc_bytes).sum::<u64>(), f.alloc_bytes, "{name}");
        assert_eq!(nodes.iter().map(|n| n.alloc_count).sum::<u64>(), f.alloc_count, "{name}");
        for n in &nodes {
            assert!(n.self_ns <= n.total_ns, "{name}: a node's self time exceeds its total");
        }
        if f.info.kind != FunctionKind::Phase {
            let top: u64 = nodes.iter().filter(|n| n.parent.is_none()).map(|n| n.calls).sum();
            let via_edges: u64 =
                p.edges().iter().filter(|e| e.callee == i as u32).map(|e| e.calls).sum();
            assert_eq!(via_edges + top, f.calls, "{name}: edges");
        }
    }
}

fn runtime_entry(p: &Profile, name: &str) {
    let f = p.function(p.find_function(name).expect(name));
    assert_eq!(f.info.kind, FunctionKind::Native, "{name}");
    assert_eq!(f.info.category, Category::RuntimeOverhead, "{name}");
}

const ERRORS: &str = "
function deep(n) {
    if (n == 0) { throw {message: \"bottom\"}; }
    return deep(n - 1);
}
function shallow() {
    try { x = [1][5]; } except (e) { return 1; }
    return 0;
}
function main() {
    caught = 0;
    for (i in range(3)) {
        try { deep(40); } except (e) { caught = caught + 1; }
    }
    return caught + shallow();
}
print(main());
";

#[test]
fn each_unwinding_is_one_activation_under_the_raising_function() {
    let run = profiled(ERRORS);
    assert_eq!(run.error, None);
    assert_eq!(run.stdout, "4\n");
    let p = &run.profile;
    runtime_entry(p, "<error unwinding>");
    assert_eq!(calls(p, "<error unwinding>"), 4);
    // Raised by the innermost `deep` (depth 41 of the recursion) three times, and by
    // `shallow`'s indexing once.
    assert_eq!(
        parents(p, "<error unwinding>"),
        vec![("deep".to_owned(), 3), ("shallow".to_owned(), 1)]
    );
    assert_eq!(calls(p, "deep"), 3 * 41);
    assert_eq!(calls(p, "main"), 1);
    // The unwinding's error objects are its allocations.
    let unwinding = p.function(p.find_function("<error unwinding>").unwrap());
    assert!(unwinding.alloc_bytes > 0 && unwinding.alloc_count > 0);
    check_invariants(p);
}

#[test]
fn an_uncaught_error_unwinds_to_the_end_of_the_run() {
    let run = profiled(
        "function deep(n) { if (n == 0) { return [1][3]; } return deep(n - 1); }\n\
         print(1);\ndeep(10);\nprint(2);\n",
    );
    assert!(run.error.is_some());
    assert_eq!(run.stdout, "1\n");
    let p = &run.profile;
    assert_eq!(parents(p, "<error unwinding>"), vec![("deep".to_owned(), 1)]);
    assert_eq!(calls(p, "deep"), 11);
    assert_eq!(calls(p, "<module>"), 1);
    check_invariants(p);
}

#[test]
fn an_error_out_of_a_callback_or_a_finally_is_one_unwinding() {
    // The callback's frames are unwound by the run loop `functional.map` started; the
    // error then leaves the native and `main`'s loop unwinds to its handler: one error,
    // one unwinding, under the function that raised it. So for `finally`, which raises
    // the error again once it ran.
    let run = profiled(
        "import functional;\n\
         function bad(x) { throw {message: \"no\"}; }\n\
         function main() { try { functional.map(bad, [1, 2]); } except (e) { return 1; } return 0; }\n\
         function tidy() { try { [][0]; } finally { print(\"tidy\"); } return 0; }\n\
         function outer() { try { tidy(); } except (e) { return 2; } return 0; }\n\
         print(main() + outer());\n",
    );
    assert_eq!(run.stdout, "tidy\n3\n");
    let p = &run.profile;
    assert_eq!(
        parents(p, "<error unwinding>"),
        vec![("bad".to_owned(), 1), ("tidy".to_owned(), 1)]
    );
    check_invariants(p);
}

#[test]
fn an_error_through_deep_reentry_adds_one_node() {
    // Every level of the recursion runs in a run loop of its own (through `call`): the
    // error is unwound once, not once per level.
    let run = profiled(
        "function down(n) { if (n == 0) { return [][0]; } return call(down, n - 1) + 1; }\n\
         function main() { try { down(500); } except (e) { return 1; } return 0; }\n\
         print(main());\n",
    );
    assert_eq!(run.stdout, "1\n");
    let p = &run.profile;
    assert_eq!(parents(p, "<error unwinding>"), vec![("down".to_owned(), 1)]);
    assert_eq!(calls(p, "down"), 501);
    check_invariants(p);
}

const CYCLES: &str = "
function cycles(n) {
    for (i in range(n)) {
        a = {};
        b = {other: a};
        a.other = b;
    }
    return 0;
}
function main() { cycles(60000); return 1; }
print(main());
";

#[test]
fn each_collection_is_one_activation_under_the_running_function() {
    let run = profiled(CYCLES);
    assert_eq!(run.error, None);
    let p = &run.profile;
    runtime_entry(p, "<garbage collection>");
    assert!(run.collections >= 2, "the program makes the collector run");
    assert_eq!(calls(p, "<garbage collection>"), run.collections);
    assert_eq!(parents(p, "<garbage collection>"), vec![("cycles".to_owned(), run.collections)]);
    // The collector's tables are its allocations.
    let gc = p.function(p.find_function("<garbage collection>").unwrap());
    assert!(gc.alloc_bytes > 0);
    assert_eq!(gc.retained_bytes, 0);
    check_invariants(p);
}

#[test]
fn an_unprofiled_run_has_the_same_output() {
    for src in [ERRORS, CYCLES] {
        let plain = support::run(src);
        let run = profiled(src);
        assert_eq!(plain.stdout, run.stdout);
    }
}

/// The program's definitions alone: its lines up to its first top-level statement.
fn definitions(src: &str) -> String {
    let mut out = String::new();
    for line in src.lines() {
        let top_statement = !line.is_empty()
            && !line.starts_with(|c: char| c.is_whitespace() || c == '}')
            && !line.starts_with("function")
            && !line.starts_with("import");
        if top_statement {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The heap's allocations during a run that no activation saw, bytes and count.
fn unseen(run: &Profiled) -> (i64, i64) {
    let (mut bytes, mut count) = (0, 0);
    for f in run.profile.functions() {
        if f.info.kind != FunctionKind::Phase {
            bytes += f.alloc_bytes;
            count += f.alloc_count;
        }
    }
    (
        (run.after.allocated_bytes - run.before.allocated_bytes) as i64 - bytes as i64,
        (run.after.allocated_count - run.before.allocated_count) as i64 - count as i64,
    )
}

/// Every function's retained bytes are at most its allocated bytes, and the functions'
/// allocations add up to what the heap allocated during the run, but for the main
/// frame's set-up before `<module>` starts (its closure, the cells of its captured
/// variables): that part is measured on the program's definitions alone, which set up
/// the same frame.
fn check_memory(run: &Profiled, src: &str) {
    let p = &run.profile;
    for f in p.functions() {
        assert!(
            f.retained_bytes <= f.alloc_bytes,
            "{}: retained {} > allocated {} in:\n{src}",
            f.info.name,
            f.retained_bytes,
            f.alloc_bytes
        );
    }
    let set_up = unseen(&profiled(&definitions(src)));
    assert_eq!(unseen(run), set_up, "allocations outside activations in:\n{src}");
    check_invariants(p);
}

#[test]
fn growth_by_a_native_is_charged_to_the_native_as_allocated_and_retained() {
    // `main` makes the array, `array.append` grows it, `fill` only calls `append`.
    let src = "
function fill(a, n) { for (i in range(n)) { a.append(i); } return a; }
function main() { a = [1]; fill(a, 5000); return a; }
kept = main();
print(len(kept));
";
    let run = profiled(src);
    assert_eq!(run.stdout, "5001\n");
    let p = &run.profile;
    let f = |name: &str| p.function(p.find_function(name).unwrap()).clone();
    let (main, fill, append) = (f("main"), f("fill"), f("array.append"));
    assert_eq!(fill.alloc_bytes, 0);
    assert_eq!(fill.retained_bytes, 0);
    // The array's growth: allocated by `append`, and retained by it as the array lives on.
    assert!(append.alloc_bytes >= 5000 * 8, "{}", append.alloc_bytes);
    assert!(append.alloc_count >= 5, "growths are allocations: {}", append.alloc_count);
    assert!(append.retained_bytes > 0 && append.retained_bytes <= append.alloc_bytes);
    assert!(main.retained_bytes > 0 && main.retained_bytes <= main.alloc_bytes);
    check_memory(&run, src);
}

#[test]
fn a_value_grown_by_several_functions_gives_each_its_bytes_back_when_freed() {
    // `make` creates the array, `fill` grows it through `append`, objects grow by new
    // keys set in `widen`; `drop_all` frees them: nothing they allocated is retained.
    let src = "
function make() { return [0]; }
function fill(a, n) { for (i in range(n)) { a.append(i); } return a; }
function widen(o, n) { for (i in range(n)) { o[\"k\" + str(i)] = i; } return o; }
function drop_all() {
    a = fill(make(), 3000);
    o = widen({}, 300);
    while (len(a) > 1) { a.pop(); }
    return len(a) + len(o);
}
print(drop_all());
";
    let run = profiled(src);
    assert_eq!(run.stdout, "301\n");
    let p = &run.profile;
    for name in ["make", "fill", "widen", "drop_all", "array.append", "str"] {
        let f = p.function(p.find_function(name).expect(name));
        assert_eq!(f.retained_bytes, 0, "{name} retains nothing");
        assert_eq!(f.alloc_bytes > 0, name != "fill", "{name}: what it allocates");
    }
    check_memory(&run, src);
}

/// A xorshift generator: the programs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The library every generated program draws on: functions that make, grow, shrink and
/// keep arrays, strings and objects (through natives and methods).
const LIBRARY: &str = "
function mk_arr(n) { a = []; for (i in range(n)) { a.append(i); } return a; }
function mk_str(n) { s = \"\"; for (i in range(n)) { s = s + \"ab\"; } return s; }
function mk_obj(n) { o = {}; for (i in range(n)) { o[\"k\" + str(i)] = i; } return o; }
function grow_arr(a, n) { for (i in range(n)) { a.append(str(i)); } return a; }
function grow_obj(o, n) { for (i in range(n)) { o[\"g\" + str(i)] = [i]; } return o; }
function shrink_arr(a, n) { for (i in range(n)) { if (len(a) > 0) { a.pop(); } } return a; }
function nest(a, n) { return grow_arr(a, n); }
function fail(n) { if (n == 0) { throw {message: \"x\"}; } return fail(n - 1); }
function guarded(n) { try { fail(n); } except (e) { return mk_str(n); } return null; }
function cyc(n) { for (i in range(n)) { p = {}; q = {p: p}; p.q = q; } return n; }
";

/// A program of `steps` random statements over a few variables and a `keep` array.
fn generate(rng: &mut Rng, steps: usize) -> String {
    let mut src = String::from(LIBRARY);
    let mut body = String::from("    keep = [];\n    v0 = [];\n    v1 = {};\n    v2 = [1];\n");
    for _ in 0..steps {
        let n = rng.below(200) + 1;
        let v = rng.below(3);
        let stmt = match rng.below(12) {
            0 => format!("v{} = mk_arr({n});", [0, 2][rng.below(2) as usize]),
            1 => format!("v1 = mk_obj({n});"),
            2 => format!("v0 = grow_arr(v0, {n});"),
            3 => format!("v2 = nest(v2, {n});"),
            4 => format!("v1 = grow_obj(v1, {});", n % 40),
            5 => format!("v0 = shrink_arr(v0, {n});"),
            6 => format!("keep.append(v{v});"),
            7 => "keep = [];".to_owned(),
            8 => format!("keep.append(mk_str({n}));"),
            9 => format!("guarded({});", n % 30),
            10 => format!("cyc({});", n * 20),
            _ => format!("v{v} = null; v{v} = {};", ["[]", "{}", "[2]"][v as usize]),
        };
        body.push_str("    ");
        body.push_str(&stmt);
        body.push('\n');
    }
    // What `main` returns outlives it: retained at the end of the run.
    src.push_str(&format!("function main() {{\n{body}    return [keep, v0, v1, v2];\n}}\n"));
    src.push_str("kept = main();\nprint(len(kept));\n");
    src
}

#[test]
fn generated_programs_never_retain_more_than_they_allocate() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..40 {
        let steps = 5 + rng.below(40) as usize;
        let src = generate(&mut rng, steps);
        let run = profiled(&src);
        assert_eq!(run.error, None, "runs:\n{src}");
        check_memory(&run, &src);
    }
}
