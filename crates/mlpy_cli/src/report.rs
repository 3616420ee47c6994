//! What the CLI shows about a failed program: its diagnostics (at most `MAX_DIAGNOSTICS`,
//! then a count of the rest) and an uncaught runtime error's report (repeated frames
//! folded, as Python's "[Previous line repeated N more times]"). Everything that came
//! from the program (messages, names) has its control characters escaped, so a program
//! cannot write terminal escape sequences into its own error report.

use std::sync::OnceLock;

use mlpy_runtime::error::TraceEntry;
use mlpy_runtime::RuntimeError;
use mlpy_syntax::diagnostic::escape_controls;
use mlpy_syntax::style::{Paint, Role};

use crate::args::ColorChoice;
use crate::pipeline::FileDiagnostic;

/// How this run colours its reports, decided once from `--color` (`set_paint`).
static PAINT: OnceLock<Paint> = OnceLock::new();

/// Sets how reports are coloured for the rest of the process (the first call counts).
pub fn set_paint(paint: Paint) {
    let _ = PAINT.set(paint);
}

/// How reports are coloured: plain until `set_paint`.
pub fn paint() -> Paint {
    PAINT.get().copied().unwrap_or_default()
}

/// The colours for `--color WHEN`: `auto` colours when standard error is a terminal,
/// `NO_COLOR` is unset or empty (no-color.org) and `TERM` is not `dumb`; `always` and
/// `never` decide alone.
pub fn paint_for(choice: ColorChoice) -> Paint {
    use std::io::IsTerminal;
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    Paint::new(match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal()
                && env("NO_COLOR").is_none()
                && env("TERM").is_none_or(|t| t != "dumb")
        }
    })
}

/// Diagnostics shown for one load; the rest are counted.
pub const MAX_DIAGNOSTICS: usize = 50;

/// A repeated run of at most this many frames is folded.
const MAX_CYCLE: usize = 16;
/// Identical frames shown before "[Previous line repeated …]" (Python shows 3).
const SHOWN_REPEATS: usize = 3;
/// A trace longer than this (after folding) shows its two ends.
const MAX_TRACE_LINES: usize = 100;
/// The characters of an error's message shown (the program chooses it, and many messages
/// quote an argument: `int(s)` of a 10 MB string); the rest is counted.
const MAX_MESSAGE_CHARS: usize = 4000;
/// The characters shown of an error's kind and of each trace line (a long function name).
const MAX_NAME_CHARS: usize = 200;

/// `text` cut after `max` characters, with a note counting what was cut: an error report
/// stays a few kilobytes, whatever the program put in its error.
fn clip(text: std::borrow::Cow<'_, str>, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.into_owned(),
        Some((at, _)) => {
            let rest = text[at..].chars().count();
            format!("{}… [{rest} more characters]", &text[..at])
        }
    }
}

/// The rendered diagnostics, at most `MAX_DIAGNOSTICS` of them, then a line counting the
/// rest.
pub fn diagnostics(diags: &[FileDiagnostic]) -> String {
    diagnostics_with(diags, paint())
}

/// `diagnostics`, coloured by `paint`.
pub fn diagnostics_with(diags: &[FileDiagnostic], paint: Paint) -> String {
    let mut out = String::new();
    for d in diags.iter().take(MAX_DIAGNOSTICS) {
        out.push_str(&d.render(paint));
    }
    if diags.len() > MAX_DIAGNOSTICS {
        let rest = &diags[MAX_DIAGNOSTICS..];
        let errors = rest.iter().filter(|d| d.diagnostic.is_error()).count();
        let warnings = rest.len() - errors;
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(plural(errors, "more error"));
        }
        if warnings > 0 {
            parts.push(plural(warnings, "more warning"));
        }
        out.push_str(&format!(
            "mlpy: {} not shown (only the first {MAX_DIAGNOSTICS} diagnostics are printed)\n",
            parts.join(" and ")
        ));
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// An uncaught error: kind and message, then the ML stack, innermost last.
pub fn runtime_error(err: &RuntimeError) -> String {
    runtime_error_with(err, paint())
}

/// `runtime_error`, coloured by `paint`: the kind bold red, the message bold, each
/// trace line's `at` and place blue.
pub fn runtime_error_with(err: &RuntimeError, paint: Paint) -> String {
    let mut text = format!(
        "{}{}\n",
        paint.paint(Role::Error, &clip(escape_controls(&err.type_name(), false), MAX_NAME_CHARS)),
        paint.paint(
            Role::Message,
            &format!(": {}", clip(escape_controls(err.message(), true), MAX_MESSAGE_CHARS))
        )
    );
    for line in trace(err.trace(), err.trace_omitted()) {
        match line.strip_prefix("  at ").and_then(|rest| rest.rsplit_once(" (")) {
            Some((function, place)) if paint.is_on() => {
                let at = paint.paint(Role::Gutter, "at");
                let place = paint.paint(Role::Gutter, &format!("({place}"));
                text.push_str(&format!("  {at} {function} {place}"));
            }
            _ => text.push_str(&line),
        }
        text.push('\n');
    }
    text
}

/// The trace lines, repeated frames folded, a very long trace cut in the middle.
fn trace(entries: &[TraceEntry], omitted: usize) -> Vec<String> {
    if omitted > 0 {
        // The runtime kept both ends of a huge stack: each folds on its own.
        let half = entries.len() / 2;
        let mut out = trace(&entries[..half], 0);
        out.push(format!("  [{omitted} frames in between not recorded]"));
        out.extend(trace(&entries[half..], 0));
        return out;
    }
    let lines: Vec<String> = entries
        .iter()
        .map(|t| {
            format!(
                "  at {} ({}:{}:{})",
                clip(escape_controls(&t.function, false), MAX_NAME_CHARS),
                clip(escape_controls(&t.file, false), MAX_NAME_CHARS),
                t.line,
                t.col
            )
        })
        .collect();
    let mut folded = fold(&lines);
    if folded.len() > MAX_TRACE_LINES {
        let keep = MAX_TRACE_LINES / 2;
        let cut = folded.len() - 2 * keep;
        folded.splice(keep..keep + cut, [format!("  [{} lines of the trace not shown]", cut)]);
    }
    folded
}

/// Folds runs of a repeated line (shown `SHOWN_REPEATS` times, then counted) and runs of
/// a repeated block of up to `MAX_CYCLE` lines, as mutual recursion makes (shown once,
/// then counted).
fn fold(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // The block length that covers the most lines from here by repeating.
        let mut best: Option<(usize, usize)> = None;
        for len in 1..=MAX_CYCLE.min(lines.len() - i) {
            let block = &lines[i..i + len];
            let mut reps = 1;
            while i + (reps + 1) * len <= lines.len()
                && &lines[i + reps * len..i + (reps + 1) * len] == block
            {
                reps += 1;
            }
            let worth = if len == 1 { reps > SHOWN_REPEATS + 1 } else { reps >= 3 };
            if worth && best.is_none_or(|(l, r)| reps * len > l * r) {
                best = Some((len, reps));
            }
        }
        match best {
            Some((1, reps)) => {
                out.extend(std::iter::repeat_n(lines[i].clone(), SHOWN_REPEATS));
                let more = reps - SHOWN_REPEATS;
                out.push(format!(
                    "  [Previous line repeated {more} more time{}]",
                    if more == 1 { "" } else { "s" }
                ));
                i += reps;
            }
            Some((len, reps)) => {
                out.extend_from_slice(&lines[i..i + len]);
                let more = reps - 1;
                out.push(format!(
                    "  [Previous {len} lines repeated {more} more time{}]",
                    if more == 1 { "" } else { "s" }
                ));
                i += len * reps;
            }
            None => {
                out.push(lines[i].clone());
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(names: &str) -> Vec<String> {
        names.chars().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_repeated_line_is_shown_three_times_then_counted() {
        let mut input = lines("m");
        input.extend(lines(&"f".repeat(1000)));
        input.extend(lines("g"));
        assert_eq!(
            fold(&input),
            ["m", "f", "f", "f", "  [Previous line repeated 997 more times]", "g"]
        );
        // Four are shown as they are (nothing would be saved); five are folded.
        assert_eq!(fold(&lines("ffff")), ["f", "f", "f", "f"]);
        assert_eq!(
            fold(&lines("fffff")),
            ["f", "f", "f", "  [Previous line repeated 2 more times]"]
        );
    }

    #[test]
    fn a_repeated_cycle_is_shown_once_then_counted() {
        let input = lines(&format!("m{}", "ab".repeat(500)));
        assert_eq!(fold(&input), ["m", "a", "b", "  [Previous 2 lines repeated 499 more times]"]);
        let input = lines(&format!("{}x", "abc".repeat(3)));
        assert_eq!(
            fold(&input),
            ["a", "b", "c", "  [Previous 3 lines repeated 2 more times]", "x"]
        );
        // Two rounds of a cycle are left alone.
        assert_eq!(fold(&lines("abab")), lines("abab"));
        assert_eq!(fold(&lines("abcdefg")), lines("abcdefg"));
    }

    #[test]
    fn a_long_trace_without_repeats_is_cut_in_the_middle() {
        let entries: Vec<TraceEntry> = (0..1000)
            .map(|i| TraceEntry { function: format!("f{i}"), file: "t.ml".into(), line: i, col: 1 })
            .collect();
        let shown = trace(&entries, 0);
        assert_eq!(shown.len(), MAX_TRACE_LINES + 1);
        assert!(shown[50].contains("900 lines of the trace not shown"), "{}", shown[50]);
        assert_eq!(shown[0], "  at f0 (t.ml:0:1)");
        assert_eq!(shown[MAX_TRACE_LINES], "  at f999 (t.ml:999:1)");
    }

    #[test]
    fn diagnostics_past_the_cap_are_counted() {
        use mlpy_syntax::{Diagnostic, SourceFile, Span};
        let file = std::rc::Rc::new(SourceFile::new("t.ml", "x;\n"));
        let make = |error: bool| FileDiagnostic {
            file: file.clone(),
            diagnostic: if error {
                Diagnostic::error("NameError", "e", Span::new(0, 1))
            } else {
                Diagnostic::warning("NameError", "w", Span::new(0, 1))
            },
        };
        let few: Vec<FileDiagnostic> = (0..MAX_DIAGNOSTICS).map(|_| make(true)).collect();
        let out = diagnostics(&few);
        assert_eq!(out.matches("error[").count(), MAX_DIAGNOSTICS);
        assert!(!out.contains("not shown"), "{out}");
        let mut many: Vec<FileDiagnostic> = (0..MAX_DIAGNOSTICS + 3).map(|_| make(true)).collect();
        many.push(make(false));
        let out = diagnostics(&many);
        assert_eq!(out.matches("error[").count(), MAX_DIAGNOSTICS);
        assert!(out.ends_with("mlpy: 3 more errors and 1 more warning not shown (only the first 50 diagnostics are printed)\n"), "{out}");
    }

    #[test]
    fn names_in_a_trace_are_escaped() {
        let entries =
            [TraceEntry { function: "f\x1b[2J".into(), file: "a\x07.ml".into(), line: 1, col: 2 }];
        assert_eq!(trace(&entries, 0), ["  at f\\u{1b}[2J (a\\u{7}.ml:1:2)"]);
    }

    #[test]
    fn a_trace_with_frames_left_out_says_how_many() {
        let at = |f: &str| TraceEntry { function: f.into(), file: "m.ml".into(), line: 1, col: 1 };
        let entries = vec![at("a"), at("b"), at("c"), at("d")];
        assert_eq!(
            trace(&entries, 7),
            [
                "  at a (m.ml:1:1)",
                "  at b (m.ml:1:1)",
                "  [7 frames in between not recorded]",
                "  at c (m.ml:1:1)",
                "  at d (m.ml:1:1)"
            ]
        );
    }
}
