//! The static security analysis (spec §15): rules SEC001–SEC007 over identifier
//! occurrences, member names, imports, string literals and capability declarations. The
//! rules are syntactic: they do not depend on what names are bound.

use mlpy_syntax::ast::{CapabilityDecl, CapabilityItem, CapabilityOp, Ident, Import, Module};
use mlpy_syntax::{Diagnostic, Severity, Span};

use crate::rules::{self, Rule};
use crate::walk::{walk_module, Role, Visitor};

/// Every security finding of `module`, in source order.
pub(crate) fn check(module: &Module) -> Vec<Diagnostic> {
    let mut checker = SecurityChecker { diagnostics: Vec::new() };
    walk_module(module, &mut checker);
    let mut res = checker.diagnostics;
    res.sort_by_key(|diag| diag.span.start);
    res
}

/// Modules of the host language that may not be imported (SEC005).
const FORBIDDEN_MODULES: &[&str] = &[
    "os",
    "sys",
    "subprocess",
    "shutil",
    "pickle",
    "marshal",
    "imp",
    "importlib",
    "types",
    "inspect",
    "gc",
    "ctypes",
    "builtins",
    "__builtin__",
];

struct SecurityChecker {
    diagnostics: Vec<Diagnostic>,
}

impl SecurityChecker {
    fn report(&mut self, rule: &Rule, message: String, span: Span, help: &str) {
        let diag = match rule.severity {
            Severity::Error => Diagnostic::error("SecurityError", message, span),
            Severity::Warning => Diagnostic::warning("SecurityError", message, span),
        };
        self.diagnostics.push(diag.with_rule(rule.code, rule.name).with_help(help));
    }

    /// SEC001, SEC003 and SEC004 for one identifier occurrence.
    fn check_forbidden_name(&mut self, ident: &Ident, role: Role) {
        let name = ident.name.as_str();
        let (rule, message, help) = match name {
            "eval" | "exec" | "execfile" | "compile" => (
                &rules::DYNAMIC_EVAL,
                format!("`{name}` is forbidden: ML code cannot run code built at run time"),
                "write the code directly; to call a function held in a variable, use \
                 `call(f, …)`",
            ),
            "globals" | "locals" | "vars" | "dir" | "delattr" => (
                &rules::REFLECTION_BUILTIN,
                format!("the reflection builtin `{name}` is forbidden"),
                reflection_help(name),
            ),
            "open" | "exit" | "quit" | "copyright" | "credits" | "license" | "raw_input" => (
                &rules::UNSAFE_BUILTIN,
                format!("the unsafe builtin `{name}` is forbidden"),
                unsafe_builtin_help(name),
            ),
            "file" if role == Role::Callee => (
                &rules::UNSAFE_BUILTIN,
                "calling `file(…)` is forbidden".to_string(),
                "use the functions of the `file` module instead, such as `file.read(path)`",
            ),
            _ => return,
        };
        self.report(rule, message, ident.span, help);
    }

    /// SEC002 for an identifier occurrence or a member name.
    fn check_dunder(&mut self, ident: &Ident, what: &str) {
        if ident.name.starts_with("__") {
            self.report(
                &rules::DUNDER_NAME,
                format!("the {what} `{}` begins with two underscores", ident.name),
                ident.span,
                "names beginning with `__` are reserved; choose another name",
            );
        }
    }
}

fn reflection_help(name: &str) -> &'static str {
    match name {
        "dir" => {
            "use `keys(obj)` for the keys of an object or `methods(v)` for the methods of a \
                  value"
        }
        "delattr" => "build a new object without the key",
        _ => {
            "keep the values in an object and pass it explicitly; use `getattr` and `hasattr` \
              for dynamic member access"
        }
    }
}

fn unsafe_builtin_help(name: &str) -> &'static str {
    match name {
        "open" => {
            "use the `file` module (`file.read`, `file.write`), whose operations are \
                   checked against the granted capabilities"
        }
        "exit" | "quit" => "use `return` at the top level of the main file to end the program",
        "raw_input" => "use `input(prompt)` to read a line from standard input",
        _ => "this interactive-shell helper does not exist in ML; remove the reference",
    }
}

impl<'m> Visitor<'m> for SecurityChecker {
    fn ident(&mut self, ident: &'m Ident, role: Role) {
        self.check_dunder(ident, "name");
        self.check_forbidden_name(ident, role);
    }

    fn member_name(&mut self, name: &'m Ident) {
        self.check_dunder(name, "member name");
    }

    fn string_literal(&mut self, value: &'m str, span: Span) {
        if let Some(found) = suspicious_call(value) {
            self.report(
                &rules::SUSPICIOUS_STRING,
                format!("string literal contains `{found}`, which looks like code"),
                span,
                "strings are never executed; if the text is intended, this warning can be \
                 ignored",
            );
        }
    }

    fn import(&mut self, import: &'m Import) {
        let (Some(first), Some(last)) = (import.path.first(), import.path.last()) else {
            return;
        };
        if !FORBIDDEN_MODULES.contains(&first.name.as_str()) {
            return;
        }
        let dotted = import.dotted_name();
        let message = if import.path.len() == 1 {
            format!("importing the host module `{dotted}` is forbidden")
        } else {
            format!("importing `{dotted}` is forbidden: `{}` is a host module", first.name)
        };
        self.report(
            &rules::FORBIDDEN_IMPORT,
            message,
            first.span.to(last.span),
            "use the standard modules of ML (`file`, `path`, `env`, `json`, …), whose effects \
             are checked against the granted capabilities",
        );
    }

    fn capability(&mut self, decl: &'m CapabilityDecl) {
        for item in &decl.items {
            match item {
                CapabilityItem::Resource { pattern, span } if is_everything(pattern) => self
                    .report(
                    &rules::UNRESTRICTED_CAPABILITY,
                    format!(
                        "`resource \"{pattern}\"` in capability `{}` matches every resource",
                        decl.name.name
                    ),
                    *span,
                    "list the resources the program needs, for example `resource \"data/*.json\";`",
                ),
                CapabilityItem::Allow { op, target, span } => {
                    let (word, help) = match op {
                        CapabilityOp::System => (
                            "system",
                            "name the environment variables, for example `allow system \"HOME\";`",
                        ),
                        CapabilityOp::Execute => (
                            "execute",
                            "name the program the declaration is for, for example \
                             `allow execute \"/usr/bin/tool\";`",
                        ),
                        _ => continue,
                    };
                    let (message, span) = match target {
                        None => (
                            format!("`allow {word}` without a target allows every resource"),
                            *span,
                        ),
                        Some((value, target_span)) if value == "*" => {
                            (format!("`allow {word} \"*\"` allows every resource"), *target_span)
                        }
                        Some(_) => continue,
                    };
                    self.report(&rules::UNRESTRICTED_CAPABILITY, message, span, help);
                }
                CapabilityItem::Resource { .. } => {}
            }
        }
    }
}

fn is_everything(pattern: &str) -> bool {
    pattern == "*" || pattern == "**"
}

/// The suspicious patterns of SEC006: a literal prefix, matched ignoring letter case, and
/// whether it must be followed by optional whitespace and `(`.
const SUSPICIOUS_PATTERNS: &[(&str, bool)] = &[
    ("eval", true),
    ("exec", true),
    ("__import__", true),
    ("open", true),
    ("os.system", true),
    ("subprocess.", false),
];

/// The first suspicious call in `text` (SEC006), as the canonical form of its pattern
/// (`eval(`, `subprocess.`). Matches the regular expressions of §15 (`eval\s*\(`, …)
/// with Python's case-insensitive Unicode semantics.
pub(crate) fn suspicious_call(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|start| {
        SUSPICIOUS_PATTERNS.iter().find_map(|&(prefix, call)| {
            let end = match_prefix(&chars[start..], prefix)?;
            if !call {
                return Some(prefix.to_string());
            }
            let rest = &chars[start + end..];
            let paren = rest.iter().position(|c| !is_regex_space(*c))?;
            (rest[paren] == '(').then(|| format!("{prefix}("))
        })
    })
}

/// The number of chars of `text` matched by `prefix` at its start, ignoring case.
fn match_prefix(text: &[char], prefix: &str) -> Option<usize> {
    let mut n = 0;
    for expected in prefix.chars() {
        if !same_ignoring_case(*text.get(n)?, expected) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Case-insensitive equality with an ASCII pattern character, as Python's `re.IGNORECASE`
/// applies it to `str` patterns: besides the ASCII upper case, `i` also matches `İ` and
/// `ı`, and `s` also matches `ſ`.
fn same_ignoring_case(c: char, expected: char) -> bool {
    c == expected
        || c == expected.to_ascii_uppercase()
        || (expected == 'i' && matches!(c, '\u{130}' | '\u{131}'))
        || (expected == 's' && c == '\u{17f}')
}

/// Python's `\s` in a `str` pattern: Unicode white space plus U+001C–U+001F.
fn is_regex_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use crate::security::suspicious_call;

    #[track_caller]
    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(suspicious_call(text).as_deref(), expect, "text: {text:?}");
    }

    #[test]
    fn suspicious_strings() {
        check("eval(x)", Some("eval("));
        check("reopen(x)", Some("open("));
        check("EvAl \t\n (", Some("eval("));
        check("exec\u{1c}(", Some("exec("));
        check("__IMPORT__('os')", Some("__import__("));
        check("os.system  ('ls')", Some("os.system("));
        check("OS.SYSTEM(", Some("os.system("));
        check("import subprocess.run", Some("subprocess."));
        check("SUBPROCESS.", Some("subprocess."));
        check("__\u{131}mport__ (", Some("__import__("));
        check("__\u{130}mport__(", Some("__import__("));
        check("ſubprocess.", Some("subprocess."));
        check("eval x (", None);
        check("evaluate(", None);
        check("eval", None);
        check("eval   ", None);
        check("os_system(", None);
        check("subprocess", None);
        check("open", None);
        check("", None);
        check("opén(", None);
    }
}
