//! The parser never panics and never overflows the stack: deeply nested input is rejected
//! with one diagnostic, truncated fixtures and random token soup parse without panicking.
//! These tests run on ordinary test threads (2 MiB of stack).

use std::fs;
use std::path::Path;

use mlpy_syntax::{parse, Parsed, SourceFile};

const DEEP: usize = 100_000;

fn parse_text(text: &str) -> Parsed {
    parse(&SourceFile::new("test.ml", text))
}

/// Parses `text` and checks that it was rejected for its nesting, with few diagnostics.
#[track_caller]
fn assert_too_deep(text: &str) {
    let parsed = parse_text(text);
    let messages: Vec<&str> = parsed.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("nested too deeply")),
        "expected a nesting diagnostic, got {messages:?}"
    );
    assert!(messages.len() <= 3, "too many diagnostics: {messages:?}");
}

fn repeat(piece: &str, n: usize) -> String {
    piece.repeat(n)
}

#[test]
fn deep_parentheses() {
    assert_too_deep(&repeat("(", DEEP));
    assert_too_deep(&format!("x = {}1{};", repeat("(", DEEP), repeat(")", DEEP)));
}

#[test]
fn deep_brackets_and_braces() {
    assert_too_deep(&repeat("[", DEEP));
    assert_too_deep(&format!("x = {}", repeat("{a: ", DEEP)));
    assert_too_deep(&format!("x = {}", repeat("f(", DEEP)));
    assert_too_deep(&format!("x = a{}", repeat("[", DEEP)));
}

#[test]
fn deep_blocks() {
    assert_too_deep(&repeat("if (x) { ", DEEP));
    assert_too_deep(&repeat("while (x) { ", DEEP));
    assert_too_deep(&repeat("function f() { ", DEEP));
    assert_too_deep(&repeat("try { ", DEEP));
    assert_too_deep(&format!("{}{}", repeat("if (x) { ", DEEP), repeat("} ", DEEP)));
}

#[test]
fn deep_functions() {
    assert_too_deep(&format!("f = {}1;", repeat("fn() => ", DEEP)));
    assert_too_deep(&format!("f = {}", repeat("fn() => { return ", DEEP)));
    assert_too_deep(&format!("f = {}", repeat("fn(x) => [", DEEP)));
}

#[test]
fn deep_prefix_operators() {
    assert_too_deep(&format!("x = {}1;", repeat("- ", DEEP)));
    assert_too_deep(&format!("x = {}1;", repeat("!", DEEP)));
    assert_too_deep(&format!("x = {}1;", repeat("-!", DEEP)));
}

#[test]
fn long_chains() {
    // Left-associative chains build deep trees too, so they count against the limit.
    assert_too_deep(&format!("x = 1{};", repeat(" + 1", DEEP)));
    assert_too_deep(&format!("x = a{};", repeat(".b", DEEP)));
    assert_too_deep(&format!("x = a{};", repeat("[0]", DEEP)));
    assert_too_deep(&format!("x = a{};", repeat(".m()", DEEP)));
    assert_too_deep(&format!("x = {}1;", repeat("a ? b : ", DEEP)));
    assert_too_deep(&format!("x = {}1;", repeat("a || ", DEEP)));
}

#[test]
fn nesting_below_the_limit_is_accepted() {
    let parsed = parse_text(&format!("x = {}1{};", repeat("(", 150), repeat(")", 150)));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let parsed = parse_text(&format!("{}{}", repeat("if (x) {\n", 150), repeat("}\n", 150)));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let parsed = parse_text(&format!("x = 1{};", repeat(" + 1", 150)));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn long_flat_input_is_fine() {
    // Many siblings are not nesting.
    let items = vec!["1"; DEEP].join(", ");
    let parsed = parse_text(&format!("x = [{items}];"));
    assert!(parsed.diagnostics.is_empty());
    let parsed = parse_text(&repeat("x = 1;\n", DEEP / 10));
    assert!(parsed.diagnostics.is_empty());
    assert_eq!(parsed.module.body.len(), DEEP / 10);
}

#[test]
fn many_errors_are_all_reported_without_blowing_up() {
    let parsed = parse_text(&repeat("+ ", DEEP));
    assert!(!parsed.diagnostics.is_empty());
    let parsed = parse_text(&repeat(")", DEEP));
    assert!(!parsed.diagnostics.is_empty());
    let parsed = parse_text(&repeat("}", DEEP));
    assert_eq!(parsed.diagnostics.len(), DEEP);
    let parsed = parse_text(&repeat("else ", DEEP));
    assert!(!parsed.diagnostics.is_empty());
}

/// Every prefix of every fixture parses without panicking (this exercises the
/// end-of-file paths of every rule).
#[test]
fn truncated_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/parser");
    for dir in ["ok", "err"] {
        for entry in fs::read_dir(root.join(dir)).expect("fixture directory") {
            let path = entry.expect("directory entry").path();
            if path.extension().is_none_or(|ext| ext != "ml") {
                continue;
            }
            let text = fs::read_to_string(&path).expect("fixtures are UTF-8");
            if text.len() > 4000 {
                continue;
            }
            for (idx, _) in text.char_indices() {
                let _ = parse_text(&text[..idx]);
            }
        }
    }
}

/// Random sequences of tokens and fragments parse without panicking. The generator is a
/// fixed linear congruential generator, so the test is deterministic.
#[test]
fn token_soup() {
    const PIECES: &[&str] = &[
        "x",
        "y",
        "f",
        "1",
        "-2",
        "+3",
        ".5",
        "1e9",
        "\"s\"",
        "'t'",
        "\"\\u{41}\"",
        "\"\\x\"",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ";",
        ":",
        ".",
        "=",
        "==",
        "=>",
        "+",
        "-",
        "*",
        "/",
        "//",
        "%",
        "<",
        ">=",
        "&&",
        "||",
        "!",
        "?",
        "if",
        "elif",
        "else",
        "while",
        "for",
        "in",
        "fn",
        "function",
        "return",
        "throw",
        "try",
        "except",
        "finally",
        "break",
        "continue",
        "nonlocal",
        "import",
        "capability",
        "resource",
        "allow",
        "read",
        "as",
        "true",
        "null",
        "\n",
        " ",
        "// c\n",
        "#",
        "/*",
        "é",
        "\"unterminated",
        "`",
        "**",
        "+=",
        "...",
        "0x1",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    for _ in 0..3000 {
        let len = next() % 60;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[next() % PIECES.len()]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let _ = parse_text(&text);
    }
}
