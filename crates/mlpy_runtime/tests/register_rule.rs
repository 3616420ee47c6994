//! The register rule (see `Compiler::alloc_temp`): an assignment's target is written
//! only after every operand that reads it has been evaluated. Every expression kind is
//! assigned to a variable that it reads, in every place where the compiler may compute
//! straight into the variable's register: the top level (where the target is the
//! highest-numbered local), parameters, function locals, `if`/`while` bodies and `try`
//! bodies. Issue 8, defect 1.

mod support;

/// Helpers defined before the target, so that the target is the newest local.
const PRELUDE: &str = "
function id(v) { return v; }
function add(a, b) { return a + b; }
function boom() { throw {message: \"boom\"}; }
o = {f: fn(v) => v * 2, g: 10};
";

/// `(expression reading x, printed value of the assignment when x == 5)`.
const EXPRESSIONS: &[(&str, &str)] = &[
    // calls
    ("abs(x - 10)", "5"),
    ("add(x, 1)", "6"),
    ("id(x)", "5"),
    ("add(add(x, 1), x)", "11"),
    ("id(x) + id(x)", "10"),
    ("max(x, 7)", "7"),
    ("min(x, 7)", "5"),
    ("len([x, x, x])", "3"),
    ("len(str(x))", "1"),
    // method calls
    ("o.f(x)", "10"),
    ("str(x).find(\"5\", 0)", "0"),
    ("\"-\".join([str(x), str(x)])", "5-5"),
    ("[1].append(x)", "null"),
    // member and index reads
    ("{v: x}.v", "5"),
    ("[x, 1][0]", "5"),
    ("[x, 2, 3][0:1]", "[5]"),
    ("o.g + x", "15"),
    // operators
    ("x + x * 2", "15"),
    ("x - 1 + add(x, x)", "14"),
    ("x + 1", "6"),
    ("x - 1", "4"),
    ("1 - x", "-4"),
    ("x % 3", "2"),
    ("x // 2", "2"),
    ("x / 2", "2.5"),
    ("x == 5", "true"),
    ("x < 9", "true"),
    ("-x", "-5"),
    ("!x", "false"),
    // literals
    ("[x, x]", "[5, 5]"),
    ("[id(x), x]", "[5, 5]"),
    ("{a: x, b: id(x)}", "{\"a\": 5, \"b\": 5}"),
    // ternaries and logical operators
    ("x > 3 ? x + 1 : x - 1", "6"),
    ("true ? add(x, 2) : 0", "7"),
    ("x && x + 1", "6"),
    ("true && add(x, 3)", "8"),
    ("0 || x", "5"),
    ("x || 0", "5"),
    ("null || id(x)", "5"),
    // arrow (reads nothing now)
    ("typeof(fn() => x)", "function"),
];

/// `{E}` is replaced by the expression; each context prints the assigned value.
const CONTEXTS: &[&str] = &[
    "x = 5; x = {E}; print(x);",
    "function t(x) { x = {E}; return x; } print(t(5));",
    "function t() { x = 5; x = {E}; return x; } print(t());",
    "function t(x) { if (true) { x = {E}; } return x; } print(t(5));",
    "function t(x) { n = 0; while (n < 1) { n = n + 1; x = {E}; } return x; } print(t(5));",
    "function t(x) { try { x = {E}; } except (e) { print(e.message); } return x; } print(t(5));",
    "function t(x) { try { x = {E}; } finally { print(\"f\"); } return x; } print(t(5));",
    "x = 5; if (true) { x = {E}; } print(x);",
    "x = 5; for (i in range(1)) { x = {E}; } print(x);",
];

#[test]
fn every_expression_kind_reads_its_target_before_writing_it() {
    let mut cases = Vec::new();
    for ctx in CONTEXTS {
        for (expr, value) in EXPRESSIONS {
            let src = format!("{PRELUDE}{}", ctx.replace("{E}", expr));
            let expected = if ctx.contains("finally") {
                format!("f\n{value}\n")
            } else {
                format!("{value}\n")
            };
            cases.push((src, expected));
        }
    }
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, e)| (s.as_str(), e.as_str())).collect();
    support::check_table(&cases);
}

/// An error raised while the value is computed leaves the target unchanged, wherever a
/// handler can see it.
#[test]
fn a_failed_assignment_leaves_its_target_unchanged() {
    let values = [
        "add(x, boom())",
        "o.f(boom())",
        "id(boom())",
        "[x, boom()]",
        "{a: boom()}",
        "x + boom()",
        "true && boom()",
        "false || boom()",
        "true ? boom() : 1",
        "boom().x",
        "[1][boom()]",
        "-boom()",
        "len(boom())",
        "[].append(boom())",
    ];
    let mut cases = Vec::new();
    for v in values {
        for ctx in [
            "x = 5; try { x = {E}; } except (e) { print(e.message); } print(x);",
            "function t(x) { try { x = {E}; } except (e) { print(e.message); } return x; } print(t(5));",
            "function t() { x = 5; try { x = {E}; } except (e) { print(e.message); } return x; } print(t());",
        ] {
            let src = format!("{PRELUDE}{}", ctx.replace("{E}", v));
            cases.push((src, "boom\n5\n".to_owned()));
        }
    }
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, e)| (s.as_str(), e.as_str())).collect();
    support::check_table(&cases);
}
