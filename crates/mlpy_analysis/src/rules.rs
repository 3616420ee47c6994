//! The security rules of spec §15: stable codes, kebab-case names and one-line
//! descriptions. Every `SecurityError` diagnostic carries the code and name of one of them.

use mlpy_syntax::Severity;

/// One security rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, e.g. `SEC001`.
    pub code: &'static str,
    /// Kebab-case name describing the flagged pattern, e.g. `dynamic-eval`.
    pub name: &'static str,
    /// Whether a finding rejects the program (`Error`) or is only reported (`Warning`).
    pub severity: Severity,
    /// One line saying what is flagged.
    pub description: &'static str,
}

/// SEC001 `dynamic-eval`.
pub const DYNAMIC_EVAL: Rule = Rule {
    code: "SEC001",
    name: "dynamic-eval",
    severity: Severity::Error,
    description: "the identifiers `eval`, `exec`, `execfile` and `compile`",
};

/// SEC002 `dunder-name`.
pub const DUNDER_NAME: Rule = Rule {
    code: "SEC002",
    name: "dunder-name",
    severity: Severity::Error,
    description: "identifiers and member names beginning with two underscores",
};

/// SEC003 `reflection-builtin`.
pub const REFLECTION_BUILTIN: Rule = Rule {
    code: "SEC003",
    name: "reflection-builtin",
    severity: Severity::Error,
    description: "the identifiers `globals`, `locals`, `vars`, `dir` and `delattr`",
};

/// SEC004 `unsafe-builtin`.
pub const UNSAFE_BUILTIN: Rule = Rule {
    code: "SEC004",
    name: "unsafe-builtin",
    severity: Severity::Error,
    description: "the identifiers `open`, `exit`, `quit`, `copyright`, `credits`, `license`, \
                  `raw_input`, and calls of the bare identifier `file`",
};

/// SEC005 `forbidden-import`.
pub const FORBIDDEN_IMPORT: Rule = Rule {
    code: "SEC005",
    name: "forbidden-import",
    severity: Severity::Error,
    description: "imports of `os`, `sys`, `subprocess` and other host-language modules",
};

/// SEC006 `suspicious-string`.
pub const SUSPICIOUS_STRING: Rule = Rule {
    code: "SEC006",
    name: "suspicious-string",
    severity: Severity::Warning,
    description: "string literals that look like code calling `eval`, `exec`, `open`, \
                  `__import__`, `os.system` or `subprocess`",
};

/// SEC007 `unrestricted-capability`.
pub const UNRESTRICTED_CAPABILITY: Rule = Rule {
    code: "SEC007",
    name: "unrestricted-capability",
    severity: Severity::Error,
    description: "capability declarations of `resource \"*\"` or `\"**\"`, and `allow system` \
                  or `allow execute` without a target or with the target `\"*\"`",
};

/// Every rule, in code order.
pub const ALL: &[Rule] = &[
    DYNAMIC_EVAL,
    DUNDER_NAME,
    REFLECTION_BUILTIN,
    UNSAFE_BUILTIN,
    FORBIDDEN_IMPORT,
    SUSPICIOUS_STRING,
    UNRESTRICTED_CAPABILITY,
];

/// The rule with this code (`SEC001`) or name (`dynamic-eval`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter().find(|rule| rule.code == code_or_name || rule.name == code_or_name)
}
