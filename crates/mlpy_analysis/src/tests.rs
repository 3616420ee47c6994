//! Data-driven tests: ML snippets are parsed, analysed, and their findings rendered one
//! per line as `LINE:COL Kind message; label LINE:COL text; help: text`.

mod modules;
mod names;
mod scope;
mod security;
mod structural;

use mlpy_syntax::{parse, Diagnostic, Severity, SourceFile};

use crate::{analyze, AnalysisOptions};

/// The prelude of spec §7.1: the 46 builtin functions of §11 and the module `builtin`.
pub(crate) const PRELUDE: &[&str] = &[
    "int",
    "float",
    "str",
    "bool",
    "typeof",
    "isinstance",
    "callable",
    "len",
    "range",
    "enumerate",
    "zip",
    "sorted",
    "reversed",
    "keys",
    "values",
    "all",
    "any",
    "sum",
    "iter",
    "next",
    "abs",
    "min",
    "max",
    "round",
    "chr",
    "ord",
    "hex",
    "bin",
    "oct",
    "format",
    "repr",
    "print",
    "input",
    "hasattr",
    "getattr",
    "call",
    "help",
    "methods",
    "modules",
    "available_modules",
    "has_module",
    "module_info",
    "hasCapability",
    "getCapabilities",
    "getCapabilityInfo",
    "requiredCapabilities",
    "builtin",
];

/// Parses `src` (which must parse without errors) and analyses it with `PRELUDE`.
fn findings(src: &str) -> (SourceFile, Vec<Diagnostic>) {
    let file = SourceFile::new("t.ml", src);
    let parsed = parse(&file);
    let errors: Vec<String> = parsed.diagnostics.iter().map(|d| render(&file, d)).collect();
    assert!(errors.is_empty(), "the test source does not parse:\n{}", errors.join("\n"));
    assert!(
        src.trim().is_empty() || !parsed.module.body.is_empty(),
        "the parser returned no statements for {src:?}"
    );
    let res = analyze(&parsed.module, &AnalysisOptions { prelude: PRELUDE });
    (file, res)
}

fn position(file: &SourceFile, offset: u32) -> String {
    let pos = file.line_col(offset);
    format!("{}:{}", pos.line, pos.col)
}

pub(crate) fn render(file: &SourceFile, diag: &Diagnostic) -> String {
    let mut res = position(file, diag.span.start);
    if diag.severity == Severity::Warning {
        res.push_str(" warning");
    }
    res.push(' ');
    res.push_str(diag.kind);
    if let Some((code, _)) = diag.rule {
        res.push(' ');
        res.push_str(code);
    }
    res.push(' ');
    res.push_str(&diag.message);
    for (span, label) in &diag.labels {
        res.push_str(&format!("; label {}: {label}", position(file, span.start)));
    }
    for help in &diag.help {
        res.push_str(&format!("; help: {help}"));
    }
    res
}

/// Checks every finding of `src`, rendered in full.
#[track_caller]
fn check(src: &str, expect: &[&str]) {
    let (file, res) = findings(src);
    let actual: Vec<String> = res.iter().map(|d| render(&file, d)).collect();
    assert_eq!(actual, expect, "source:\n{src}");
}

/// Checks the findings of `src` as `LINE:COL CODE` (or `LINE:COL Kind` when the finding
/// has no rule), with ` warning` appended for warnings.
#[track_caller]
fn check_codes(src: &str, expect: &[&str]) {
    let (file, res) = findings(src);
    let actual: Vec<String> = res
        .iter()
        .map(|d| {
            let what = d.rule.map_or(d.kind, |(code, _)| code);
            let warning = if d.severity == Severity::Warning { " warning" } else { "" };
            format!("{} {what}{warning}", position(&file, d.span.start))
        })
        .collect();
    assert_eq!(actual, expect, "source:\n{src}");
}

#[test]
fn clean_program() {
    check(
        r#"
import math;
capability Data { resource "data/*.json"; allow read; }
function fib(n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
results = [];
for (i in range(10)) {
    results.append(fib(i));
}
try {
    print(results[20]);
} except (e) {
    print("error: " + e.message, math.sqrt(4));
}
"#,
        &[],
    );
}

#[test]
fn findings_come_in_phase_order() {
    // Structural errors first, then security findings, then name errors, each group in
    // source order, whatever the order in the file. `__z` is unknown too, but a name that
    // a security rule rejects is not reported twice.
    check_codes(
        "print(nope);\n\
         x = \"eval(1)\";\n\
         break;\n\
         y = __z;\n\
         function f(a, a) { continue; }\n",
        &[
            "3:1 SyntaxError",
            "5:15 SyntaxError",
            "5:20 SyntaxError",
            "2:5 SEC006 warning",
            "4:5 SEC002",
            "1:7 NameError",
        ],
    );
}

#[test]
fn rules_table() {
    let codes: Vec<&str> = crate::rules::ALL.iter().map(|r| r.code).collect();
    assert_eq!(codes, ["SEC001", "SEC002", "SEC003", "SEC004", "SEC005", "SEC006", "SEC007"]);
    for rule in crate::rules::ALL {
        assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{rule:?}");
        assert_eq!(crate::rules::find(rule.code), Some(rule));
        assert_eq!(crate::rules::find(rule.name), Some(rule));
    }
    assert_eq!(crate::rules::SUSPICIOUS_STRING.severity, Severity::Warning);
    assert_eq!(crate::rules::find("SEC008"), None);
}
