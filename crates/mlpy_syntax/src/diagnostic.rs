//! User-facing problems: a `Diagnostic` has a kind, an optional rule code, a message, a
//! primary span, secondary labels and notes. Diagnostics are data, not `Err`s; `render`
//! turns one into the text the CLI prints.

use std::fmt::Write;

use crate::source::SourceFile;
use crate::span::Span;

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
        let mut out = String::new();
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.rule {
            Some((code, name)) => {
                let _ = writeln!(out, "{sev}[{}] {code} {name}: {}", self.kind, self.message);
            }
            None => {
                let _ = writeln!(out, "{sev}[{}]: {}", self.kind, self.message);
            }
        }
        let pos = file.line_col(self.span.start);
        let mut lines: Vec<(u32, Span, Option<&str>)> = vec![(pos.line, self.span, None)];
        for (span, label) in &self.labels {
            lines.push((file.line_of(span.start), *span, Some(label.as_str())));
        }
        let width = lines.iter().map(|(l, _, _)| l.to_string().len()).max().unwrap_or(1);
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad}--> {}:{}:{}", file.name(), pos.line, pos.col);
        let _ = writeln!(out, "{pad} |");
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
            let (text, col, end) = window(file.line_text(line), col, end);
            // Several marks on one line share one copy of the source line.
            if line != shown_line {
                let _ = writeln!(out, "{line:>width$} | {}", text.replace('\t', " "));
                shown_line = line;
            }
            let marker = if label.is_some() { "-" } else { "^" };
            let carets = marker.repeat(end.saturating_sub(col).max(1));
            let _ = write!(out, "{pad} | {}{carets}", " ".repeat(col - 1));
            if let Some(label) = label {
                let _ = write!(out, " {label}");
            }
            out.push('\n');
        }
        for help in &self.help {
            let _ = writeln!(out, "{pad} = help: {help}");
        }
        out
    }
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
}
