//! Number formatting and plain ASCII tables for the text reports.
//!
//! Times pick a unit so that three or four significant digits show (`850ns`, `12.34µs`,
//! `123.45ms`, `2.456s`); memory uses binary multiples with the usual labels (`512 B`,
//! `12.5 KB`, `45.2 MB`); counts get thousands separators (`242,785`).

use std::fmt::Write;

/// A duration with a unit chosen for its size.
pub(crate) fn time(ns: u64) -> String {
    if ns < 1_000 {
        format!("{ns}ns")
    } else if ns < 999_995 {
        format!("{:.2}µs", ns as f64 / 1e3)
    } else if ns < 999_995_000 {
        format!("{:.2}ms", ns as f64 / 1e6)
    } else {
        format!("{:.3}s", ns as f64 / 1e9)
    }
}

/// A duration given in picoseconds (for per-event costs), with a unit for its size.
pub(crate) fn time_ps(ps: u64) -> String {
    if ps < 1_000 {
        format!("{ps}ps")
    } else if ps < 1_000_000 {
        format!("{:.1}ns", ps as f64 / 1e3)
    } else {
        time(ps / 1000)
    }
}

/// An amount of memory.
pub(crate) fn bytes(n: u64) -> String {
    const KB: f64 = 1024.0;
    let x = n as f64;
    if n < 1024 {
        format!("{n} B")
    } else if x < KB * KB * 0.99995 {
        format!("{:.1} KB", x / KB)
    } else if x < KB * KB * KB * 0.99995 {
        format!("{:.1} MB", x / (KB * KB))
    } else {
        format!("{:.2} GB", x / (KB * KB * KB))
    }
}

/// A count with thousands separators.
pub(crate) fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut res = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, ch) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            res.push(',');
        }
        res.push(ch);
    }
    res
}

/// `part` as a percentage of `whole`, one decimal.
pub(crate) fn percent(part: u64, whole: u64) -> String {
    format!("{:.1}%", share(part, whole) * 100.0)
}

/// `part / whole`, 0 when `whole` is 0.
pub(crate) fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// How a column's cells line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A plain ASCII table: an optional title row spanning the table, a header row, rows.
///
/// ```text
/// +----------------------------------+
/// | fib.ml (1.20ms, 80.0%, 2.0 KB)   |
/// +----------------+--------+--------+
/// | Function       |   Self |  Calls |
/// +----------------+--------+--------+
/// | fib (line 1)   | 1.00ms |     15 |
/// +----------------+--------+--------+
/// ```
pub(crate) struct Table {
    title: Option<String>,
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            title: None,
            columns: columns.iter().map(|&(name, align)| (name.to_owned(), align)).collect(),
            rows: Vec::new(),
        }
    }

    pub(crate) fn with_title(mut self, title: String) -> Table {
        self.title = Some(title);
        self
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "one cell per column");
        self.rows.push(cells);
    }

    pub(crate) fn render(&self, out: &mut String) {
        let mut widths: Vec<usize> = self.columns.iter().map(|(name, _)| width(name)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        // A title wider than the columns widens the last column.
        let inner: usize = widths.iter().map(|w| w + 3).sum::<usize>() - 1;
        if let Some(title) = &self.title {
            let needed = width(title) + 2;
            if needed > inner {
                *widths.last_mut().expect("a table has columns") += needed - inner;
            }
        }
        let rule = {
            let mut rule = String::from("+");
            for w in &widths {
                rule.push_str(&"-".repeat(w + 2));
                rule.push('+');
            }
            rule
        };
        if let Some(title) = &self.title {
            let inner = rule.len() - 2;
            let _ = writeln!(out, "+{}+", "-".repeat(inner));
            let _ = writeln!(out, "| {}{} |", title, " ".repeat(inner - 2 - width(title)));
        }
        out.push_str(&rule);
        out.push('\n');
        let header: Vec<String> = self.columns.iter().map(|(name, _)| name.clone()).collect();
        self.render_row(out, &header, &widths);
        out.push_str(&rule);
        out.push('\n');
        for row in &self.rows {
            self.render_row(out, row, &widths);
        }
        if !self.rows.is_empty() {
            out.push_str(&rule);
            out.push('\n');
        }
    }

    fn render_row(&self, out: &mut String, cells: &[String], widths: &[usize]) {
        out.push('|');
        for ((cell, w), (_, align)) in cells.iter().zip(widths).zip(&self.columns) {
            let pad = " ".repeat(w - width(cell));
            match align {
                Align::Left => {
                    let _ = write!(out, " {cell}{pad} |");
                }
                Align::Right => {
                    let _ = write!(out, " {pad}{cell} |");
                }
            }
        }
        out.push('\n');
    }
}

/// The display width of a cell: its number of characters (`µ` is one column).
fn width(s: &str) -> usize {
    s.chars().count()
}

/// Appends `text` word-wrapped to `max_width` columns: the first line starts with `first`, the
/// others with `rest`. Words longer than a line are kept whole.
pub(crate) fn wrap(out: &mut String, text: &str, first: &str, rest: &str, max_width: usize) {
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && width(&line) + 1 + width(word) > max_width {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// `1 call`, `2 calls`, `1,000 calls`.
pub(crate) fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", count(n))
    }
}

/// Cuts `s` to at most `max` characters, marking the cut with `...`.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        s.to_owned()
    } else {
        let kept: String = s.chars().take(max.saturating_sub(3)).collect();
        format!("{kept}...")
    }
}

#[cfg(test)]
mod tests;
