//! Every native's declaration (the builtins, every function of every standard module in
//! `stdlib::MODULES`, and the string and array methods) is well formed, and calls generated from it behave as it says: too
//! few or too many arguments, or a first argument of a kind it does not accept, raise the
//! `TypeError` worded from the declaration. `help`, `module_info` and `methods` show the
//! declarations. The calls run as ML programs in a real VM.

mod support;

use mlpy_runtime::natives::{Arity, Kinds, NativeDecl};

/// One value of each kind an ML program can write: the kind, the source text, and the
/// kind's name in error messages.
const SAMPLES: &[(Kinds, &str, &str)] = &[
    (Kinds::NULL, "null", "null"),
    (Kinds::BOOL, "true", "boolean"),
    (Kinds::INT, "1", "int"),
    (Kinds::FLOAT, "1.5", "float"),
    (Kinds::STR, "\"a\"", "string"),
    (Kinds::ARRAY, "[1]", "array"),
    (Kinds::OBJECT, "{a: 1}", "object"),
    (Kinds::FUNCTION, "fn(x) => x", "function"),
    (Kinds::MODULE, "builtin", "module"),
    (Kinds::ITERATOR, "iter([1])", "Iterator"),
    // Other library objects: the generated program always imports `datetime`.
    (Kinds::LIBRARY, "datetime.createDate(2000, 1, 1)", "Date"),
];

/// A native to test: its name in errors (`len`, `math.sqrt`, `str.split`), how ML code
/// reaches it (`"abc".split`), the module to import, the first line of its `help`, the
/// qualifier `help` shows before its signature, whether an optional argument given as
/// null is omitted (§10, §11.1: not for module functions, §12.1), and its declaration.
struct Target {
    qualified: String,
    callee: String,
    module: Option<&'static str>,
    help_head: String,
    help_prefix: Option<&'static str>,
    null_omits: bool,
    decl: &'static NativeDecl,
}

fn targets() -> Vec<Target> {
    let mut out: Vec<Target> = mlpy_runtime::builtins::declarations()
        .iter()
        .map(|decl| Target {
            qualified: decl.name.to_owned(),
            callee: decl.name.to_owned(),
            module: None,
            help_head: format!("builtin function `{}`", decl.name),
            help_prefix: None,
            null_omits: true,
            decl,
        })
        .collect();
    for m in mlpy_runtime::stdlib::MODULES {
        for decl in m.functions {
            out.push(Target {
                qualified: format!("{}.{}", m.name, decl.name),
                callee: format!("{}.{}", m.name, decl.name),
                module: Some(m.name),
                help_head: format!("function `{}` of module `{}`", decl.name, m.name),
                help_prefix: Some(m.name),
                null_omits: false,
                decl,
            });
        }
    }
    let receivers = [
        ("str", "string", "\"abc\"", mlpy_runtime::methods::string_methods()),
        ("array", "array", "[1, 2]", mlpy_runtime::methods::array_methods()),
    ];
    for (prefix, kind, receiver, decls) in receivers {
        for decl in decls {
            out.push(Target {
                qualified: format!("{prefix}.{}", decl.name),
                callee: format!("{receiver}.{}", decl.name),
                module: None,
                help_head: format!("method `{}` of {kind}", decl.name),
                help_prefix: Some(prefix),
                null_omits: true,
                decl,
            });
        }
    }
    out
}

/// A value the parameter accepts (the first sample of its kinds, null last).
fn accepted(kinds: Kinds) -> &'static str {
    SAMPLES
        .iter()
        .skip(1)
        .chain(&SAMPLES[..1])
        .find(|(k, _, _)| kinds.contains(*k))
        .map(|(_, src, _)| *src)
        .unwrap_or_else(|| panic!("no sample value of {}", kinds.describe()))
}

/// The signature as the spec writes it: `name(a, b[, c=10[, d]], rest...)`.
fn expected_signature(decl: &NativeDecl) -> String {
    let mut out = format!("{}(", decl.name);
    let mut open = 0;
    for (i, p) in decl.params.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        match p.arity {
            Arity::Required => out += &format!("{sep}{}", p.name),
            Arity::Optional("") => {
                out += &format!("[{sep}{}", p.name);
                open += 1;
            }
            Arity::Optional(default) => {
                out += &format!("[{sep}{}={default}", p.name);
                open += 1;
            }
            Arity::Rest => out += &format!("{sep}{}...", p.name),
        }
    }
    out + &"]".repeat(open) + ")"
}

#[test]
fn every_declaration_is_well_formed() {
    let targets = targets();
    assert!(targets.len() > 190, "{} natives", targets.len());
    for t in &targets {
        let d = t.decl;
        let q = &t.qualified;
        assert!(!d.doc.trim().is_empty(), "{q}: empty doc");
        assert!(
            !d.doc.starts_with(&format!("{}(", d.name)) && !d.doc.starts_with(&d.signature()),
            "{q}: the doc repeats the signature: {}",
            d.doc
        );
        assert!(!d.doc.contains('\n'), "{q}: the doc is one line");
        let mut seen_optional = false;
        for (i, p) in d.params.iter().enumerate() {
            assert!(!p.name.is_empty(), "{q}: parameter {i} has no name");
            assert_ne!(p.accepts.describe(), "nothing", "{q}: `{}` accepts nothing", p.name);
            match p.arity {
                Arity::Required => {
                    assert!(!seen_optional, "{q}: required `{}` after an optional one", p.name)
                }
                Arity::Optional(_) => seen_optional = true,
                Arity::Rest => {
                    assert_eq!(i, d.params.len() - 1, "{q}: rest `{}` is not last", p.name)
                }
            }
            let dup = d.params[..i].iter().any(|o| o.name == p.name);
            assert!(!dup, "{q}: parameter `{}` twice", p.name);
        }
        assert_eq!(d.signature(), expected_signature(d), "{q}");
    }
}

/// One ML statement per generated call, each printing `ok` or `Kind: message`.
struct Calls {
    imports: Vec<&'static str>,
    lines: Vec<String>,
    expected: Vec<String>,
}

impl Calls {
    fn add(&mut self, t: &Target, args: &[&str], expected: String) {
        if let Some(m) = t.module {
            if !self.imports.contains(&m) {
                self.imports.push(m);
            }
        }
        self.lines.push(format!("t(fn() => {}({}));", t.callee, args.join(", ")));
        self.expected.push(expected);
    }
}

fn count_message(q: &str, n: usize, (min, max): (usize, usize)) -> String {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let expected = if min == max {
        if min == 0 {
            "no arguments".to_owned()
        } else {
            format!("exactly {min} {}", plural(min))
        }
    } else if n < min {
        format!("at least {min} {}", plural(min))
    } else {
        format!("at most {max} {}", plural(max))
    };
    let given = if n == 1 { "was" } else { "were" };
    format!("TypeError: `{q}` takes {expected} but {n} {given} given")
}

#[test]
fn generated_calls_raise_the_declared_type_errors() {
    // `datetime` makes the sample library object.
    let mut calls = Calls { imports: vec!["datetime"], lines: Vec::new(), expected: Vec::new() };
    for t in &targets() {
        let d = t.decl;
        let q = &t.qualified;
        let required: Vec<&str> = d
            .params
            .iter()
            .filter(|p| p.arity == Arity::Required)
            .map(|p| accepted(p.accepts))
            .collect();
        let (min, max) = d.arity_range();
        assert_eq!(min, required.len(), "{q}");
        if min > 0 {
            calls.add(t, &required[..min - 1], count_message(q, min - 1, (min, max)));
        }
        if max != usize::MAX {
            let args: Vec<&str> =
                d.params.iter().map(|p| accepted(p.accepts)).chain(["1"]).collect();
            calls.add(t, &args, count_message(q, max + 1, (min, max)));
        }
        // A first argument of each kind the first parameter does not accept.
        let Some(first) = d.params.first() else { continue };
        for &(kind, src, kind_name) in SAMPLES {
            if first.accepts.contains(kind) {
                continue;
            }
            // A builtin's or method's optional argument given as null is omitted (§11.1).
            if kind == Kinds::NULL && t.null_omits && first.arity != Arity::Required {
                continue;
            }
            let mut args = vec![src];
            args.extend(required.iter().skip(1));
            let message = format!(
                "TypeError: `{q}` expects {} for `{}`, got {kind_name}",
                first.accepts.describe(),
                first.name
            );
            calls.add(t, &args, message);
        }
    }
    assert!(calls.lines.len() > 500, "{} generated calls", calls.lines.len());
    let mut src: String = calls.imports.iter().map(|m| format!("import {m};\n")).collect();
    src.push_str(
        "function t(f) {\n    try {\n        f();\n        print(\"ok\");\n    } except (e) {\n        print(e.type + \": \" + e.message);\n    }\n}\n",
    );
    src.push_str(&calls.lines.join("\n"));
    let out = support::run(&src);
    assert_eq!(out.error, None, "{}", out.stdout);
    let got: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(got.len(), calls.expected.len(), "{}", out.stdout);
    let wrong: Vec<String> = calls
        .lines
        .iter()
        .zip(&calls.expected)
        .zip(&got)
        .filter(|((_, want), got)| want != *got)
        .map(|((line, want), got)| format!("{line}\n  want: {want}\n  got:  {got}"))
        .collect();
    assert!(wrong.is_empty(), "{} of {} calls:\n{}", wrong.len(), got.len(), wrong.join("\n"));
}

#[test]
fn help_module_info_and_methods_come_from_the_declarations() {
    let mut src = String::new();
    let mut expected = Vec::new();
    for m in mlpy_runtime::stdlib::MODULES {
        src += &format!("import {};\n", m.name);
    }
    for t in &targets() {
        // `help(f)` shows the signature (qualified for a module function) and the doc.
        src += &format!("print(help({}));\n", t.callee);
        let prefix = t.help_prefix.map(|m| format!("{m}.")).unwrap_or_default();
        expected.push(t.help_head.clone());
        expected.push(format!("{prefix}{}: {}", t.decl.signature(), t.decl.doc));
        for p in t.decl.params {
            if !p.accepts.contains(Kinds::ANY) {
                expected.push(format!("  {}: {}", p.name, p.accepts.describe()));
            }
        }
        expected.push(if t.decl.capabilities.is_empty() {
            "requires no capabilities".to_owned()
        } else {
            let names: Vec<&str> = t.decl.capabilities.iter().map(|c| c.name()).collect();
            format!("requires: {}", names.join(", "))
        });
    }
    for m in mlpy_runtime::stdlib::MODULES {
        let mut names: Vec<&str> = m.functions.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let list = format!(
            "[{}]",
            names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
        );
        src += &format!("print(module_info(\"{}\").functions);\n", m.name);
        expected.push(list.clone());
        src += &format!("print(methods({}));\n", m.name);
        expected.push(list);
        // `help(module)`: the doc, then one line per declared function.
        src += &format!("print(help({}));\n", m.name);
        expected.push(format!("module `{}`: {}", m.name, m.doc));
        expected.push("functions:".to_owned());
        let mut sorted: Vec<&NativeDecl> = m.functions.iter().collect();
        sorted.sort_by_key(|f| f.name);
        for f in sorted {
            expected.push(format!("  {}: {}", f.signature(), f.doc));
        }
        let mut constants: Vec<&str> = (m.constants)().into_iter().map(|(n, _)| n).collect();
        if !constants.is_empty() {
            constants.sort_unstable();
            expected.push(format!("constants: {}", constants.join(", ")));
        }
    }
    let out = support::run(&src);
    assert_eq!(out.error, None, "{}", out.stdout);
    let got: Vec<&str> = out.stdout.lines().collect();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "line {i}");
    }
    assert_eq!(got.len(), expected.len());
}
