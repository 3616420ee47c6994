//! User-facing problems: a `Diagnostic` has a kind, an optional rule code, a message, a
//! primary span, secondary labels and notes. Diagnostics are data, not `Err`s; `render`
//! turns one into the text the CLI prints. Rendered text is safe to show on a terminal:
//! control characters from the program (in source lines, messages, names) are escaped
//! (`escape_controls`), so a program cannot write escape sequences into its error report.

use std::borrow::Cow;
use std::fmt::Write;

use crate::source::SourceFile;
use crate::span::Span;
use crate::style::{Paint, Role};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The error kind of the spec: `SyntaxError`, `NameError`, `SecurityError`, `ImportError`.
    pub kind: &'static str,
    /// A stable rule code and name, e.g. `("SEC001", "dynamic-eval")`.
    pub rule: Option<(&'static str, &'static str)>,
    /// Lower-case, no trailing period, code in backticks.
    pub message: String,
    pub span: Span,
    /// Secondary spans with their labels (e.g. "unclosed brace opened here").
    pub labels: Vec<(Span, String)>,
    /// `help:` lines (a hint on how to fix the problem).
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn error(kind: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            kind,
            rule: None,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: Vec::new(),
        }
    }

    pub fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic::error("SyntaxError", message, span)
    }

    pub fn warning(kind: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(kind, message, span) }
    }

    pub fn with_rule(mut self, code: &'static str, name: &'static str) -> Diagnostic {
        self.rule = Some((code, name));
        self
    }

    pub fn with_label(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.labels.push((span, label.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic as
    ///
    /// ```text
    /// error[SyntaxError]: expected `;` after expression
    ///   --> main.ml:3:10
    ///    |
    ///  3 | x = f(1)
    ///    |          ^
    ///    = help: add `;` at the end of the statement
    /// ```
    pub fn render(&self, file: &SourceFile) -> String {
        self.render_with(file, Paint::plain())
    }

    /// `render`, coloured by `paint` as rustc colours its diagnostics: the severity and
    /// the primary marks red (errors) or yellow (warnings), the message bold, the gutter,
    /// arrows and secondary marks blue, `help` cyan. Plain `paint` gives `render`'s text.
    pub fn render_with(&self, file: &SourceFile, paint: Paint) -> String {
        let mut out = String::new();
        let (sev, sev_role) = match self.severity {
            Severity::Error => ("error", Role::Error),
            Severity::Warning => ("warning", Role::Warning),
        };
        let message = escape_controls(&self.message, false);
        let header = match self.rule {
            Some((code, name)) => format!("{sev}[{}] {code} {name}", self.kind),
            None => format!("{sev}[{}]", self.kind),
        };
        let _ = writeln!(
            out,
            "{}{}",
            paint.paint(sev_role, &header),
            paint.paint(Role::Message, &format!(": {message}"))
        );
        let gutter = |text: &str| paint.paint(Role::Gutter, text);
        let pos = file.line_col(self.span.start);
        let mut lines: Vec<(u32, Span, Option<&str>)> = vec![(pos.line, self.span, None)];
        for (span, label) in &self.labels {
            lines.push((file.line_of(span.start), *span, Some(label.as_str())));
        }
        let width = lines.iter().map(|(l, _, _)| l.to_string().len()).max().unwrap_or(1);
        let pad = " ".repeat(width);
        let name = escape_controls(file.name(), false);
        let _ = writeln!(out, "{pad}{} {name}:{}:{}", gutter("-->"), pos.line, pos.col);
        let bar = gutter(&format!("{pad} |"));
        let _ = writeln!(out, "{bar}");
        // Secondary labels that come before the primary line are shown first.
        lines.sort_by_key(|(l, _, label)| (*l, label.is_some()));
        let mut shown_line = 0;
        for (line, span, label) in lines {
            let col = file.line_col(span.start).col as usize;
            let end = if file.line_of(span.end) == line && span.end > span.start {
                file.line_col(span.end).col as usize
            } else {
                col + 1
            };
            let (text, col, end) = escape_line(file.line_text(line), col, end);
            let (text, col, end) = window(&text, col, end);
            // Several marks on one line share one copy of the source line.
            if line != shown_line {
                let _ = writeln!(out, "{} {text}", gutter(&format!("{line:>width$} |")));
                shown_line = line;
            }
            let (marker, role) =
                if label.is_some() { ("-", Role::Gutter) } else { ("^", sev_role) };
            let mut marks = marker.repeat(end.saturating_sub(col).max(1));
            if let Some(label) = label {
                marks.push(' ');
                marks.push_str(&escape_controls(label, false));
            }
            let _ = writeln!(out, "{bar} {}{}", " ".repeat(col - 1), paint.paint(role, &marks));
        }
        for help in &self.help {
            let _ = writeln!(
                out,
                "{} {} {}",
                gutter(&format!("{pad} =")),
                paint.paint(Role::Help, "help:"),
                escape_controls(help, false)
            );
        }
        out
    }
}

/// Whether `c` must not reach a terminal as it is: C0 and C1 control characters and DEL
/// (ESC starts escape sequences, BEL rings, CR and backspace overwrite what was shown),
/// the bidirectional formatting characters (they reorder what is shown: "Trojan source")
/// and the line and paragraph separators. Tab and line feed are decided by the caller.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}')
        || matches!(c, '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// `text` with every character that could act on a terminal written as a Rust- and
/// ML-style escape, `\u{1b}` for ESC. Tabs are kept; line feeds are kept when
/// `keep_newlines` (a multi-line message), escaped otherwise.
pub fn escape_controls(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let keep = |c: char| c == '\t' || (keep_newlines && c == '\n');
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A source line made safe to show, with the marked columns `col..end` (1-based, in code
/// points) moved to match: a tab becomes one space, and each unsafe character its
/// escape, which is wider, so the carets stay under the marked text.
fn escape_line(text: &str, col: usize, end: usize) -> (String, usize, usize) {
    let (col, end) = (col.max(1), end.max(1));
    let mut out = String::with_capacity(text.len());
    let (mut new_col, mut new_end) = (None, None);
    // The column, in the shown text, of the next character.
    let mut shown = 1;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if n == col {
            new_col = Some(shown);
        }
        if n == end {
            new_end = Some(shown);
        }
        if c == '\t' {
            out.push(' ');
            shown += 1;
        } else if is_unsafe(c) {
            let before = out.len();
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
            shown += out.len() - before;
        } else {
            out.push(c);
            shown += 1;
        }
    }
    // A mark at or past the end of the line keeps its distance from the end.
    let past = |c: usize| shown + (c - n - 1);
    (out, new_col.unwrap_or_else(|| past(col)), new_end.unwrap_or_else(|| past(end)))
}

/// Lines longer than this are shown as a window around the marked columns.
const MAX_SHOWN: usize = 120;

/// The part of `text` to show for a mark at columns `col..end` (1-based, in code points),
/// with the columns adjusted to it. Long lines are cut around the mark, with `...` where
/// text was left out.
fn window(text: &str, col: usize, end: usize) -> (String, usize, usize) {
    let n = text.chars().count();
    // A mark may lie past the shown text (the line's trailing `\r`s are not shown) or end
    // before it starts (a span ending inside a line terminator): clamp, never underflow.
    let col = col.clamp(1, n + 1);
    let end = end.max(col);
    if n <= MAX_SHOWN {
        return (text.to_owned(), col, end);
    }
    let end = end.min(col + MAX_SHOWN / 2);
    let start = col.saturating_sub(MAX_SHOWN / 3).max(1);
    let stop = (start + MAX_SHOWN).min(n + 1);
    let mut shown: String = text.chars().skip(start - 1).take(stop - start).collect();
    let mut shift = start - 1;
    if start > 1 {
        shown.insert_str(0, "...");
        shift = shift.saturating_sub(3);
    }
    if stop <= n {
        shown.push_str("...");
    }
    (shown, col - shift, end - shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span over texts whose lines end in `\r`s, hold control characters or are
    /// longer than the window renders without panicking (a fuzzer found an underflow).
    #[test]
    fn any_span_renders() {
        let long = format!("c = {{a{}n\0\x01R(\"{}", "\r".repeat(150), "\r".repeat(130));
        let texts = [
            "x\r\r\r\ny\r\n".to_owned(),
            format!("// \n{long}"),
            format!("{}\r\n{}", "é".repeat(200), "\r".repeat(200)),
            "\r".repeat(300),
        ];
        for text in &texts {
            let file = SourceFile::new("t.ml", text.as_str());
            let len = text.len() as u32;
            let step = (len / 40).max(1);
            let mut start = 0;
            while start <= len {
                let mut end = start;
                while end <= len + 1 {
                    let d = Diagnostic::syntax("m", Span::new(start, end))
                        .with_label(Span::new(end.min(len), end.min(len)), "here");
                    let out = d.render(&file);
                    assert!(out.contains("--> t.ml:"), "{out}");
                    end += step;
                }
                start += step;
            }
        }
    }

    #[test]
    fn marks_on_one_line_share_the_source_line() {
        let file = SourceFile::new("t.ml", "f(a, a);\n");
        let d = Diagnostic::syntax("duplicate parameter `a`", Span::new(5, 6))
            .with_label(Span::new(2, 3), "first declared here");
        let out = d.render(&file);
        assert_eq!(out.matches("f(a, a);").count(), 1, "{out}");
        assert!(out.contains("^") && out.contains("- first declared here"), "{out}");
    }

    #[test]
    fn long_lines_are_cut_around_the_mark() {
        let text = format!("{}x = ;{}", "a".repeat(500), "b".repeat(500));
        let file = SourceFile::new("t.ml", text);
        let d = Diagnostic::syntax("expected an expression", Span::new(504, 505));
        let out = d.render(&file);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[3].len() < 140, "{}", lines[3]);
        assert!(lines[3].contains("...aaa") && lines[3].contains("x = ;b"), "{}", lines[3]);
        // The caret still points at `;`.
        let caret = lines[4].find('^').unwrap();
        assert_eq!(&lines[3][caret..caret + 1], ";");
    }

    /// The rendered text, with the caret line's marked text: the characters of the
    /// source line above the carets.
    fn marked(out: &str) -> String {
        let lines: Vec<&str> = out.lines().collect();
        let caret = lines.iter().position(|l| l.contains('^')).expect("a caret line");
        let (source, marks) = (lines[caret - 1], lines[caret]);
        let start = marks.find('^').unwrap();
        let stop = marks.rfind('^').unwrap() + 1;
        source.chars().skip(start).take(stop - start).collect()
    }

    #[test]
    fn control_characters_are_escaped_and_the_carets_stay_in_place() {
        // ESC, BEL, CR, backspace, a C1 control and a bidi override before the mark.
        let text = "s = \"\x1b[31m\x07\r\x08\u{9b}\u{202e}\t\"; x = ;\n";
        let file = SourceFile::new("t\x1b]0;title\x07.ml", text);
        let at = text.find(" ;").unwrap() as u32 + 1;
        let d = Diagnostic::syntax("bad `\x1b[2J` here", Span::new(at, at + 1))
            .with_label(Span::new(4, 5), "string \x1b[1m starts here")
            .with_help("remove \u{7}");
        let out = d.render(&file);
        for c in out.chars() {
            assert!(c == '\n' || !c.is_control(), "{c:?} in {out:?}");
        }
        assert!(out.contains("\\u{1b}[31m\\u{7}\\u{d}\\u{8}\\u{9b}\\u{202e} \""), "{out}");
        assert!(out.contains("bad `\\u{1b}[2J` here"), "{out}");
        assert!(out.contains("--> t\\u{1b}]0;title\\u{7}.ml:1:"), "{out}");
        assert!(out.contains("= help: remove \\u{7}"), "{out}");
        assert_eq!(marked(&out), ";", "{out}");
        // The column in the header stays the source's own.
        let col = text[..at as usize].chars().count() + 1;
        assert!(out.contains(&format!(".ml:1:{col}\n")), "{out}");
    }

    #[test]
    fn marks_after_escapes_cover_the_marked_text() {
        let text = "\x1b\x1b\x1b abc\x1b def";
        let file = SourceFile::new("t.ml", text);
        // `abc\x1b` (code points 5..9): four characters, the last one escaped.
        let d = Diagnostic::syntax("m", Span::new(4, 8));
        assert_eq!(marked(&d.render(&file)), "abc\\u{1b}");
        // A mark at the end of the line stays one past the shown text.
        let d = Diagnostic::syntax("m", Span::new(text.len() as u32, text.len() as u32));
        let out = d.render(&file);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[4].find('^'), Some(lines[3].chars().count()), "{out}");
    }

    /// A warning with a label and a help line, plain and coloured: the coloured text is the
    /// plain one with SGR sequences around the severity, message, gutter, marks and `help`.
    #[test]
    fn snapshots_of_a_plain_and_a_coloured_diagnostic() {
        let file = SourceFile::new("m.ml", "import random;\nrandom.seed(1);\n");
        let d = Diagnostic::warning(
            "AttributeError",
            "module `random` has no member `seed`",
            Span::new(22, 26),
        )
        .with_label(Span::new(15, 21), "the module")
        .with_help("did you mean `random.setSeed`?");
        let plain = "\
warning[AttributeError]: module `random` has no member `seed`
 --> m.ml:2:8
  |
2 | random.seed(1);
  |        ^^^^
  | ------ the module
  = help: did you mean `random.setSeed`?
";
        assert_eq!(d.render(&file), plain);
        assert_eq!(d.render_with(&file, Paint::plain()), plain);
        let coloured = "\
\x1b[1;33mwarning[AttributeError]\x1b[0m\x1b[1m: module `random` has no member `seed`\x1b[0m
 \x1b[1;34m-->\x1b[0m m.ml:2:8
\x1b[1;34m  |\x1b[0m
\x1b[1;34m2 |\x1b[0m random.seed(1);
\x1b[1;34m  |\x1b[0m        \x1b[1;33m^^^^\x1b[0m
\x1b[1;34m  |\x1b[0m \x1b[1;34m------ the module\x1b[0m
\x1b[1;34m  =\x1b[0m \x1b[1;36mhelp:\x1b[0m did you mean `random.setSeed`?
";
        assert_eq!(d.render_with(&file, Paint::ansi()), coloured);
        // An error's header and marks are red.
        let e = Diagnostic::syntax("bad", Span::new(0, 6)).render_with(&file, Paint::ansi());
        assert!(e.starts_with("\x1b[1;31merror[SyntaxError]\x1b[0m"), "{e:?}");
        assert!(e.contains("\x1b[1;31m^^^^^^\x1b[0m"), "{e:?}");
    }

    /// Colour never lets a program's own escape sequences through.
    #[test]
    fn coloured_text_is_escaped_too() {
        let file = SourceFile::new("t\x1b[1m.ml", "x = \"\x1b[2J\";\n");
        let d = Diagnostic::syntax("bad \x07", Span::new(4, 5)).with_help("no \x1b");
        let out = d.render_with(&file, Paint::ansi());
        assert!(out.contains("t\\u{1b}[1m.ml") && out.contains("\\u{1b}[2J"), "{out:?}");
        assert!(out.contains("bad \\u{7}") && out.contains("no \\u{1b}"), "{out:?}");
    }

    #[test]
    fn escaping_keeps_tabs_and_optionally_newlines() {
        assert_eq!(escape_controls("a\tb", false), "a\tb");
        assert_eq!(escape_controls("a\nb", true), "a\nb");
        assert_eq!(escape_controls("a\nb", false), "a\\u{a}b");
        assert_eq!(escape_controls("\u{7f}\u{85}é", true), "\\u{7f}\\u{85}é");
        assert!(matches!(escape_controls("plain", false), Cow::Borrowed(_)));
    }
}
