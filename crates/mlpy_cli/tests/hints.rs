//! Hints that know the modules, end to end: the exact help lines on standard error for a
//! standard module used without its import, a misspelled import, an unknown module member
//! (a warning before the run and the runtime `AttributeError`), an array method that
//! `functional` provides, `let`, a list comprehension; the nearest-member suggestion for
//! every member of every standard module (generated from the runtime's declarations, so
//! new modules are covered); and colour: `--color always|never|auto`, `NO_COLOR`, with
//! snapshots of a coloured and a plain report.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use mlpy_analysis::suggest::edit_distance;

mod support;
use support::{stderr, stdout, Dir};

const RUNTIME_ERROR: i32 = 1;
const STATIC_REJECTION: i32 = 65;

/// Runs `mlpy ARGS` in `dir` with the environment changes `env` (`None` removes).
fn mlpy_env(dir: &Path, args: &[&str], env: &[(&str, Option<&str>)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlpy"));
    cmd.args(args).current_dir(dir).stdin(Stdio::null());
    cmd.env_remove("NO_COLOR");
    for (name, value) in env {
        match value {
            Some(v) => cmd.env(name, v),
            None => cmd.env_remove(name),
        };
    }
    cmd.output().expect("run mlpy")
}

/// Runs `mlpy run main.ml` on `source` in a fresh directory.
fn run_source(name: &str, source: &str, extra: &[&str]) -> Output {
    let dir = Dir::new("hints", name);
    dir.file("main.ml", source);
    let mut args = vec!["run", "main.ml"];
    args.extend_from_slice(extra);
    mlpy_env(dir.path(), &args, &[])
}

/// Every line of `lines` is a line of `text` (help lines up to the gutter's width,
/// which grows with the line numbers shown).
#[track_caller]
fn assert_lines(text: &str, lines: &[&str]) {
    for line in lines {
        let found = if line.starts_with("  = ") {
            text.lines().any(|l| l.trim_start() == line.trim_start())
        } else {
            text.lines().any(|l| l == *line)
        };
        assert!(found, "missing line {line:?} in:\n{text}");
    }
}

#[test]
fn a_standard_module_used_without_its_import_suggests_the_import() {
    let out = run_source("noimport", "print(math.sqrt(2));\n", &[]);
    assert_eq!(out.status.code(), Some(STATIC_REJECTION));
    assert_lines(
        &stderr(&out),
        &[
            "error[NameError]: unknown identifier `math`",
            "  = help: `math` is a standard module: add `import math;` at the top of the file",
        ],
    );
    // Every standard module this version provides, each on its own line.
    let modules: Vec<&str> = mlpy_runtime::stdlib::available().collect();
    let source: String = modules.iter().map(|m| format!("x = {m}.anything;\n")).collect();
    let err = stderr(&run_source("noimport-all", &source, &[]));
    for m in &modules {
        let help = format!(
            "  = help: `{m}` is a standard module: add `import {m};` at the top of the file"
        );
        assert_lines(&err, &[&help]);
    }
    // Imported under another name.
    let err =
        stderr(&run_source("noimport-alias", "import math as m;\nprint(math.sqrt(2));\n", &[]));
    assert_lines(&err, &["  = help: `math` is imported as `m`: write `m.sqrt`"]);
    // Not before a `.`: an ordinary unknown name.
    let err = stderr(&run_source("noimport-bare", "print(math);\n", &[]));
    assert!(!err.contains("import math"), "{err}");
}

#[test]
fn a_misspelled_import_suggests_the_nearest_module() {
    let out = run_source("maths", "import maths;\n", &[]);
    assert_eq!(out.status.code(), Some(STATIC_REJECTION));
    assert_lines(&stderr(&out), &["  = help: did you mean `import math;`?"]);
    assert!(stderr(&out).starts_with("error[ImportError]: module `maths` not found"));
    // An ML module file beside the program.
    let dir = Dir::new("hints", "helpr");
    dir.file("helper.ml", "x = 1;\n").file("main.ml", "import helpr;\n");
    let err = stderr(&mlpy_env(dir.path(), &["run", "main.ml"], &[]));
    assert_lines(&err, &["  = help: did you mean `import helper;`?"]);
}

#[test]
fn an_unknown_module_member_is_a_warning_then_an_attribute_error() {
    let out = run_source("seed", "import random;\nrandom.seed(1);\n", &[]);
    assert_eq!(out.status.code(), Some(RUNTIME_ERROR));
    let err = stderr(&out);
    assert_lines(
        &err,
        &[
            "warning[AttributeError]: module `random` has no member `seed`",
            " --> main.ml:2:8",
            "  = help: did you mean `random.setSeed`?",
            "AttributeError: module `random` has no member `seed`; did you mean `random.setSeed`?",
        ],
    );
    // The warning comes before the run.
    assert!(err.find("warning[").unwrap() < err.find("AttributeError:").unwrap(), "{err}");
    let out = run_source("sqroot", "import math;\nprint(math.sqroot(2));\n", &[]);
    assert_lines(
        &stderr(&out),
        &[
            "warning[AttributeError]: module `math` has no member `sqroot`",
            "  = help: did you mean `math.sqrt`?",
            "AttributeError: module `math` has no member `sqroot`; did you mean `math.sqrt`?",
        ],
    );
    // Under an alias, the hint uses the alias.
    let out = run_source("alias", "import random as r;\nr.seed(1);\n", &[]);
    assert_lines(
        &stderr(&out),
        &[
            "warning[AttributeError]: module `random` (imported as `r`) has no member `seed`",
            "  = help: did you mean `r.setSeed`?",
        ],
    );
    // A name that something else binds too is not known statically: only the run fails.
    let source = "import math;\nif (false) { math = {}; }\nprint(math.sqroot(2));\n";
    let out = run_source("rebound", source, &[]);
    let err = stderr(&out);
    assert!(!err.contains("warning["), "{err}");
    assert_lines(
        &err,
        &["AttributeError: module `math` has no member `sqroot`; did you mean `math.sqrt`?"],
    );
    // A known member is silent.
    let out = run_source("known", "import math;\nprint(math.pi > 3, math.sqrt(4));\n", &[]);
    assert_eq!((stderr(&out).as_str(), stdout(&out).as_str()), ("", "true 2.0\n"));
}

#[test]
fn array_methods_of_other_languages_point_at_functional() {
    let source = "f = fn(x) => x * 2;\nprint([1, 2].map(f));\n";
    let out = run_source("map", source, &[]);
    assert_eq!(out.status.code(), Some(RUNTIME_ERROR));
    assert_lines(
        &stderr(&out),
        &[
            "warning[AttributeError]: array has no method `map`",
            "  = help: use `functional.map(f, arr)` (after `import functional;`)",
            "AttributeError: array has no method `map`; use `functional.map(f, arr)` (after `import functional;`)",
        ],
    );
    // Not a literal: the run says it.
    let source = "xs = [1, 2];\nprint(xs.reduce(fn(a, b) => a + b));\n";
    let err = stderr(&run_source("reduce", source, &[]));
    assert!(!err.contains("warning["), "{err}");
    assert_lines(&err, &["AttributeError: array has no method `reduce`; use `functional.reduce(f, arr[, initial])` (after `import functional;`)"]);
    // The nearest method of strings and arrays.
    let source = "s = \"abc\";\nprint(s.uper());\n";
    let err = stderr(&run_source("uper", source, &[]));
    assert_lines(&err, &["AttributeError: string has no method `uper`; did you mean `upper`?"]);
    let source = "a = [];\na.push(1);\n";
    let err = stderr(&run_source("push", source, &[]));
    assert_lines(&err, &["AttributeError: array has no method `push`; use `arr.append(x)`"]);
}

#[test]
fn let_const_and_var_say_that_ml_has_none() {
    for (word, source, help) in [
        ("let", "let x = 5;\n", "  = help: write `x = 5;`"),
        ("const", "const limit = [1, 2];\n", "  = help: write `limit = [1, 2];`"),
        ("var", "var y;\n", "  = help: write `y = null;`"),
    ] {
        let out = run_source(word, source, &[]);
        assert_eq!(out.status.code(), Some(STATIC_REJECTION));
        let err = stderr(&out);
        let message = format!(
            "error[SyntaxError]: ML has no `{word}`: a variable is created by assigning to it"
        );
        assert_lines(&err, &[&message, help]);
        assert_eq!(err.matches("error[").count(), 1, "{err}");
    }
}

#[test]
fn a_list_comprehension_gets_the_functional_form() {
    let out = run_source("comp", "xs = [1, 2];\nys = [x * 2 for x in xs];\nprint(ys);\n", &[]);
    assert_eq!(out.status.code(), Some(STATIC_REJECTION));
    let err = stderr(&out);
    assert_lines(
        &err,
        &[
            "error[SyntaxError]: ML has no list comprehensions",
            " --> main.ml:2:13",
            "  = help: use `functional.map(fn(x) => x * 2, xs)` (after `import functional;`), or a `for` loop that appends to an array",
        ],
    );
    assert!(!err.contains("expected `,`"), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "{err}");
    let out = run_source("comp-if", "xs = [1, 2];\nys = [x for x in xs if x > 1];\n", &[]);
    assert_lines(
        &stderr(&out),
        &["  = help: use `functional.filter(fn(x) => x > 1, xs)` (after `import functional;`), or a `for` loop that appends to an array"],
    );
}

/// A one-letter typo of `member` — a letter doubled, dropped, replaced by `q` or swapped
/// with the next one — whose nearest member by edit distance is `member` alone, and that
/// no other member spells alike up to case and underscores.
fn typo_of(member: &str, members: &[&str]) -> Option<String> {
    let normal = |s: &str| s.replace('_', "").to_lowercase();
    let chars: Vec<char> = member.chars().collect();
    let n = chars.len();
    let edit = |i: usize, how: usize| -> Option<String> {
        let mut c = chars.clone();
        match how {
            0 => c.insert(i, chars[i]),
            1 if n > 1 => {
                c.remove(i);
            }
            2 if chars[i] != 'q' => c[i] = 'q',
            3 if i + 1 < n && chars[i] != chars[i + 1] => c.swap(i, i + 1),
            _ => return None,
        }
        let ok = c.first().is_some_and(|f| f.is_ascii_alphabetic() || *f == '_');
        ok.then(|| c.into_iter().collect())
    };
    let typos = (0..4).flat_map(|how| (0..n).filter_map(move |i| edit(i, how)));
    typos.into_iter().find(|typo| {
        edit_distance(typo, member) == 1
            && members
                .iter()
                .filter(|m| **m != member)
                .all(|m| edit_distance(typo, m) > 1 && normal(m) != normal(typo) && *m != typo)
    })
}

#[test]
fn every_member_of_every_standard_module_is_suggested_for_its_typo() {
    let mut checked = 0;
    for module in mlpy_runtime::stdlib::MODULES {
        let name = module.name;
        let members = mlpy_runtime::hints::member_names(name).expect("a provided module");
        let pairs: Vec<(&str, String)> = members
            .iter()
            .map(|m| {
                let typo = typo_of(m, &members)
                    .unwrap_or_else(|| panic!("no unambiguous typo of `{name}.{m}`"));
                (*m, typo)
            })
            .collect();
        // At most 40 members a program: every warning is shown (the cap is 50).
        for (n, chunk) in pairs.chunks(40).enumerate() {
            let mut source = format!("import {name};\n");
            for (_, typo) in chunk {
                source +=
                    &format!("try {{ x = {name}.{typo}; }} except (e) {{ print(e.message); }}\n");
            }
            let out = run_source(&format!("typos-{name}-{n}"), &source, &[]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let (err, text) = (stderr(&out), stdout(&out));
            for (member, typo) in chunk {
                let runtime = format!(
                    "module `{name}` has no member `{typo}`; did you mean `{name}.{member}`?"
                );
                let help = format!("  = help: did you mean `{name}.{member}`?");
                assert_lines(&text, &[&runtime]);
                assert_lines(&err, &[&help]);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} members");
}

/// The report of `print(math.sqrt(2));` without the import, plain.
const PLAIN_SNAPSHOT: &str = "\
error[NameError]: unknown identifier `math`
 --> main.ml:1:7
  |
1 | print(math.sqrt(2));
  |       ^^^^
  = help: `math` is a standard module: add `import math;` at the top of the file
mlpy: main.ml was rejected (1 error); nothing was run
";

/// The same report, coloured.
const COLOURED_SNAPSHOT: &str = "\
\x1b[1;31merror[NameError]\x1b[0m\x1b[1m: unknown identifier `math`\x1b[0m
 \x1b[1;34m-->\x1b[0m main.ml:1:7
\x1b[1;34m  |\x1b[0m
\x1b[1;34m1 |\x1b[0m print(math.sqrt(2));
\x1b[1;34m  |\x1b[0m       \x1b[1;31m^^^^\x1b[0m
\x1b[1;34m  =\x1b[0m \x1b[1;36mhelp:\x1b[0m `math` is a standard module: add `import math;` at the top of the file
mlpy: main.ml was rejected (1 error); nothing was run
";

#[test]
fn colour_follows_the_option_the_terminal_and_no_color() {
    let dir = Dir::new("hints", "colour");
    dir.file("main.ml", "print(math.sqrt(2));\n");
    let run = |args: &[&str], env: &[(&str, Option<&str>)]| {
        let mut all = vec!["run", "main.ml"];
        all.extend_from_slice(args);
        stderr(&mlpy_env(dir.path(), &all, env))
    };
    // Piped (as here): plain, whatever NO_COLOR says.
    assert_eq!(run(&[], &[]), PLAIN_SNAPSHOT);
    assert_eq!(run(&["--color", "auto"], &[]), PLAIN_SNAPSHOT);
    assert_eq!(run(&["--color", "never"], &[]), PLAIN_SNAPSHOT);
    assert_eq!(run(&[], &[("NO_COLOR", Some("1"))]), PLAIN_SNAPSHOT);
    // Forced: coloured, even with NO_COLOR (an explicit option wins, as no-color.org says).
    assert_eq!(run(&["--color", "always"], &[]), COLOURED_SNAPSHOT);
    assert_eq!(run(&["--color=always"], &[("NO_COLOR", Some("1"))]), COLOURED_SNAPSHOT);
    // The option may come before the command.
    let out = mlpy_env(dir.path(), &["--color", "always", "check", "main.ml"], &[]);
    assert!(stderr(&out).starts_with("\x1b[1;31merror[NameError]"), "{}", stderr(&out));
    // A bad value is a usage error.
    let out = mlpy_env(dir.path(), &["run", "main.ml", "--color", "sometimes"], &[]);
    assert_eq!(out.status.code(), Some(64));
}

#[test]
fn runtime_errors_and_warnings_are_coloured_when_asked() {
    let source = "import random;\nrandom.seed(1);\n";
    let out = run_source("colour-runtime", source, &["--color", "always"]);
    let err = stderr(&out);
    assert!(err.starts_with("\x1b[1;33mwarning[AttributeError]\x1b[0m"), "{err:?}");
    assert!(err.contains("\x1b[1;31mAttributeError\x1b[0m\x1b[1m: module `random`"), "{err:?}");
    assert!(
        err.contains("  \x1b[1;34mat\x1b[0m <module> \x1b[1;34m(main.ml:2:12)\x1b[0m"),
        "{err:?}"
    );
    let out = run_source("colour-runtime-never", source, &["--color", "never"]);
    assert!(!stderr(&out).contains('\x1b'), "{:?}", stderr(&out));
}

#[test]
fn program_text_stays_escaped_in_coloured_reports() {
    let source = "s = \"\x1b[2J\";\nthrow {message: \"bad \x1b]0;x\x07\"};\n";
    let out = run_source("colour-escape", source, &["--color", "always"]);
    let err = stderr(&out);
    assert!(err.contains("bad \\u{1b}]0;x\\u{7}"), "{err:?}");
    // Every ESC is one of the report's own colour sequences.
    let own = ["\x1b[1;31m", "\x1b[1;33m", "\x1b[1;34m", "\x1b[1;36m", "\x1b[1m", "\x1b[0m"];
    let mut rest = err.as_str();
    while let Some(at) = rest.find('\x1b') {
        let tail = &rest[at..];
        assert!(own.iter().any(|o| tail.starts_with(o)), "{tail:?}");
        rest = &tail[1..];
    }
}
