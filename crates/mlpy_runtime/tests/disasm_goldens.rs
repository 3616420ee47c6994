//! Disassembly goldens for constructs with delicate register use (calls, method calls,
//! destructuring, `finally`, loops, closures): each `tests/goldens/NAME.ml` is compiled
//! with and without fast paths and run, and the listing (the text of
//! `mlpy compile --disasm`) plus the output must equal `tests/goldens/NAME.disasm`.
//!
//! After an intended change in code generation, regenerate the files and review the diff:
//!
//! ```text
//! UPDATE_GOLDENS=1 cargo test -p mlpy_runtime --test disasm_goldens
//! ```

mod support;

use std::path::Path;

use mlpy_runtime::compiler::CompileOptions;

fn render(src: &str) -> String {
    let fast = support::disasm(src, CompileOptions::default());
    let slow = support::disasm(src, CompileOptions { fast_paths: false });
    let outcome = support::run(src);
    format!("{fast}\n---- without fast paths ----\n{slow}\n---- output ----\n{}", outcome.summary())
}

#[test]
fn disassembly_matches_the_goldens() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens");
    let update = std::env::var_os("UPDATE_GOLDENS").is_some_and(|v| v == "1");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/goldens exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ml"))
        .collect();
    sources.sort();
    assert!(sources.len() >= 6, "the goldens are missing");
    let mut failures = Vec::new();
    for path in sources {
        let src = std::fs::read_to_string(&path).expect("a readable golden source");
        let got = render(&src);
        let golden = path.with_extension("disasm");
        if update {
            std::fs::write(&golden, &got).expect("the golden is writable");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == got => {}
            Ok(expected) => failures.push(format!(
                "{}: the disassembly changed (first differing line: {:?})",
                golden.display(),
                expected.lines().zip(got.lines()).find(|(a, b)| a != b)
            )),
            Err(_) => failures.push(format!("{}: missing", golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nif the change is intended: UPDATE_GOLDENS=1 cargo test -p mlpy_runtime --test disasm_goldens",
        failures.join("\n")
    );
}

/// The instructions that exist only as fast paths.
const FAST_ONLY: &[&str] = &[
    "AddInt",
    "SubInt",
    "JumpIfNotLt",
    "JumpIfNotLe",
    "JumpIfNotGt",
    "JumpIfNotGe",
    "JumpIfNotEq",
    "JumpIfNotNe",
    "RangeInit",
    "RangeNext",
    "Len",
    "Append",
];

/// The opcode of each instruction line of a listing (`   12  AddInt   r1 <- …`).
fn opcodes(listing: &str) -> Vec<String> {
    listing
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let pc = words.next()?;
            pc.parse::<u32>().ok()?;
            words.next().map(str::to_owned)
        })
        .collect()
}

#[test]
fn without_fast_paths_only_general_instructions_are_emitted() {
    let src = "
        a = [1, 2];
        n = 0;
        for (i in range(1, 10, 2)) {
            if (i < 5 && i != 3) { n = n + 1; }
            while (n >= 100) { n = n - 1; }
            if (i == 7 || i > 8 || i <= 0) { a.append(len(a)); }
        }
        function f(x) { x = x + 1; return x - 2; }
        print(f(n), a);
    ";
    let fast = opcodes(&support::disasm(src, CompileOptions::default()));
    for op in ["AddInt", "SubInt", "RangeInit", "RangeNext", "Len", "Append", "JumpIfNotLtInt"] {
        assert!(fast.iter().any(|o| o == op), "the fast form uses {op}: {fast:?}");
    }
    let slow = opcodes(&support::disasm(src, CompileOptions { fast_paths: false }));
    for op in &slow {
        assert!(!FAST_ONLY.iter().any(|f| op.starts_with(f)), "{op} emitted without fast paths");
    }
    assert_eq!(support::run(src).summary(), "0 [1, 2, 2, 3]\n");
}
