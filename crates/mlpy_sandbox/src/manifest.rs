//! The program's manifest (spec §14.3): the `capability` declarations of every file of
//! the program, in source order (the main file first, then modules as they are loaded).
//! With at least one declaration, an operation needs a command-line grant **and** an
//! `allow` item that declares its capability for a pattern matching its resource.

use crate::Capability;

/// The operation of an `allow` item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    Read,
    Write,
    Network,
    System,
    Execute,
}

impl Operation {
    /// The keyword after `allow`.
    pub fn keyword(self) -> &'static str {
        match self {
            Operation::Read => "read",
            Operation::Write => "write",
            Operation::Network => "network",
            Operation::System => "system",
            Operation::Execute => "execute",
        }
    }

    /// The capabilities an item of this operation declares (`execute` declares the
    /// `process.*` capabilities, none of which exists at present).
    pub fn capabilities(self) -> &'static [Capability] {
        match self {
            Operation::Read => &[Capability::FileRead],
            Operation::Write => {
                &[Capability::FileWrite, Capability::FileAppend, Capability::FileDelete]
            }
            Operation::Network => &[Capability::NetworkHttp, Capability::NetworkHttps],
            Operation::System => &[Capability::EnvRead, Capability::EnvWrite],
            Operation::Execute => &[],
        }
    }

    /// The operation whose items declare `capability`.
    pub fn of(capability: Capability) -> Operation {
        match capability {
            Capability::FileRead => Operation::Read,
            Capability::FileWrite | Capability::FileAppend | Capability::FileDelete => {
                Operation::Write
            }
            Capability::NetworkHttp | Capability::NetworkHttps => Operation::Network,
            Capability::EnvRead | Capability::EnvWrite => Operation::System,
        }
    }
}

/// One `allow` item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allow {
    pub operation: Operation,
    /// The item's own string, if it has one.
    pub target: Option<String>,
    /// Where the item is, for messages (`main.ml:3`).
    pub origin: String,
}

/// One `capability` declaration: its `resource` patterns and its `allow` items, each in
/// source order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Declaration {
    pub resources: Vec<String>,
    pub allows: Vec<Allow>,
}

impl Declaration {
    /// The patterns of `allow` (one of this declaration's items): its target, else the
    /// declaration's `resource` patterns; `None` when it applies to every resource.
    pub fn patterns<'a>(&'a self, allow: &'a Allow) -> Option<Vec<&'a str>> {
        match &allow.target {
            Some(t) => Some(vec![t.as_str()]),
            None if self.resources.is_empty() => None,
            None => Some(self.resources.iter().map(String::as_str).collect()),
        }
    }
}

/// Every declaration of the program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    declarations: Vec<Declaration>,
}

impl Manifest {
    /// No declarations: the permissions are exactly the command-line grants.
    pub fn new() -> Manifest {
        Manifest::default()
    }

    /// Adds the next declaration in source order.
    pub fn declare(&mut self, declaration: Declaration) {
        self.declarations.push(declaration);
    }

    /// Whether the program declares nothing (then declarations do not narrow).
    pub fn is_empty(&self) -> bool {
        self.declarations.is_empty()
    }

    pub fn declarations(&self) -> &[Declaration] {
        &self.declarations
    }
}
