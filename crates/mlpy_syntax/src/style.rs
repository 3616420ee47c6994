//! Colours for reports on a terminal, as rustc and ruff show theirs: `error` bold red,
//! `warning` bold yellow, the gutter and arrows bold blue, `help` bold cyan, the message
//! bold. `Paint::plain()` adds nothing (output that is piped, `NO_COLOR`,
//! `--color never`); the caller decides, this crate does no I/O.
//!
//! Only fixed SGR sequences are added, around text that was already escaped
//! (`diagnostic::escape_controls`): a program's own text still cannot reach the terminal
//! as an escape sequence.

/// Whether, and how, to colour rendered text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paint {
    on: bool,
}

/// The roles of the parts of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `error[…]` and the primary marks of an error.
    Error,
    /// `warning[…]` and the primary marks of a warning.
    Warning,
    /// The message after the header.
    Message,
    /// `-->`, line numbers, `|`, `=` and secondary marks.
    Gutter,
    /// `help:`.
    Help,
}

impl Role {
    fn sgr(self) -> &'static str {
        match self {
            Role::Error => "\x1b[1;31m",
            Role::Warning => "\x1b[1;33m",
            Role::Message => "\x1b[1m",
            Role::Gutter => "\x1b[1;34m",
            Role::Help => "\x1b[1;36m",
        }
    }
}

/// The sequence that ends a styled part.
const RESET: &str = "\x1b[0m";

impl Paint {
    /// No colours.
    pub const fn plain() -> Paint {
        Paint { on: false }
    }

    /// ANSI colours.
    pub const fn ansi() -> Paint {
        Paint { on: true }
    }

    /// `ansi()` when `on`, else `plain()`.
    pub const fn new(on: bool) -> Paint {
        Paint { on }
    }

    /// Whether colours are added.
    pub fn is_on(self) -> bool {
        self.on
    }

    /// `text` styled for `role` (unchanged when plain or empty).
    pub fn paint(self, role: Role, text: &str) -> String {
        if !self.on || text.is_empty() {
            return text.to_owned();
        }
        format!("{}{text}{RESET}", role.sgr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_adds_nothing_and_ansi_resets() {
        assert_eq!(Paint::plain().paint(Role::Error, "error"), "error");
        assert_eq!(Paint::ansi().paint(Role::Error, "error"), "\x1b[1;31merror\x1b[0m");
        assert_eq!(Paint::ansi().paint(Role::Help, ""), "");
    }
}
