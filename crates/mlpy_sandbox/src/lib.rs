//! The capability vocabulary, grants and policy, and resource limits: pure data shared by
//! the analysis and the runtime.
//!
//! Every effect ML code can reach goes through one gate, [`Policy::check`] (the runtime's
//! `Vm::check_path`, `check_host`, `check_var` and `check_every` wrap it). The rules
//! (spec §14):
//!
//! * **Grants** ([`Grants`]) come from the command line: `--allow-read`, `--allow-write`,
//!   `--allow-net`, `--allow-env`, each for every resource (no `=`) or for a list of
//!   entries; repeated options combine, a grant for every resource absorbs the lists,
//!   `-A` grants everything. The entries are kept as written (for `getCapabilityInfo`)
//!   and resolved once, when the [`Policy`] is built.
//! * **Paths** ([`paths`]) are `~`-expanded, made absolute against the working directory,
//!   normalised lexically and then their symbolic links are resolved as far as the path
//!   exists — a link that is the last component, and a dangling one, included. A grant
//!   entry `E` covers `P` if `P == E` or `P` lies below `E` (whole components). A
//!   permitted check returns the resolved path ([`Permit::Path`]) and the operation uses
//!   it, so the file checked is the file touched. `file.delete` is the one exception: a
//!   link that is the last component is not followed, since deleting and renaming act
//!   on the link itself.
//! * **Hosts** ([`hosts`]): an entry `host` covers every port, `host:port` one port.
//!   **Variables**: exact names.
//! * **Declarations** ([`Manifest`]): once a program has a `capability` declaration, an
//!   operation needs a grant **and** an `allow` item declaring its capability for a
//!   pattern that matches the resource (paths with `*`, `?`, `**`, covering the match
//!   or anything below it; hosts `*.domain` or a URL, which declares only its scheme's
//!   capability; variables with `*`). Declarations only narrow.
//! * **Denials** ([`Denial`]) name the capability, the resolved resource and the exact
//!   option that would grant it (`--allow-read=data/in.csv`), or say that the
//!   declarations exclude it.
//!
//! The working directory and `HOME` are captured when the policy is built: ML programs
//! cannot change them, nor create links. Changes to the file system by other processes
//! between a check and the operation (a link swapped in), and hard links, which are the
//! same file under two names, are outside the threat model.

use std::fmt;
use std::path::PathBuf;

pub mod grants;
pub mod hosts;
pub mod manifest;
pub mod paths;
mod policy;
#[cfg(test)]
mod testdir;

pub use grants::{Flag, Grant, Grants};
pub use manifest::{Allow, Declaration, Manifest, Operation};
pub use paths::PathContext;
pub use policy::{CapabilityInfo, Policy, Unmet};

/// The capabilities of spec §14.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Capability {
    FileRead,
    FileWrite,
    FileAppend,
    FileDelete,
    NetworkHttp,
    NetworkHttps,
    EnvRead,
    EnvWrite,
}

impl Capability {
    /// Every capability, in the order of the names (sorted).
    pub const ALL: [Capability; 8] = [
        Capability::EnvRead,
        Capability::EnvWrite,
        Capability::FileAppend,
        Capability::FileDelete,
        Capability::FileRead,
        Capability::FileWrite,
        Capability::NetworkHttp,
        Capability::NetworkHttps,
    ];

    /// `file.read`, `network.http`, …
    pub fn name(self) -> &'static str {
        match self {
            Capability::FileRead => "file.read",
            Capability::FileWrite => "file.write",
            Capability::FileAppend => "file.append",
            Capability::FileDelete => "file.delete",
            Capability::NetworkHttp => "network.http",
            Capability::NetworkHttps => "network.https",
            Capability::EnvRead => "env.read",
            Capability::EnvWrite => "env.write",
        }
    }

    pub fn from_name(name: &str) -> Option<Capability> {
        Capability::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The command-line option that grants it (`--allow-read`).
    pub fn flag(self) -> &'static str {
        match self {
            Capability::FileRead => "--allow-read",
            Capability::FileWrite | Capability::FileAppend | Capability::FileDelete => {
                "--allow-write"
            }
            Capability::NetworkHttp | Capability::NetworkHttps => "--allow-net",
            Capability::EnvRead | Capability::EnvWrite => "--allow-env",
        }
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What an operation touches.
#[derive(Clone, Copy, Debug)]
pub enum Resource<'a> {
    /// A path as the program gave it (not yet `~`-expanded or resolved).
    Path(&'a str),
    /// A network host (lower-cased) and port.
    Host { host: &'a str, port: u16 },
    /// An environment variable.
    Var(&'a str),
    /// Every resource of the capability at once (`env.all()`).
    Every,
}

/// A refused operation: the message names the capability, the resource and the option
/// that would grant it, or says that the program's declarations exclude it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Denial {
    pub message: String,
}

/// What a permitted check hands back: for a path, the resolved absolute path the
/// operation must use (so the file checked is the file touched).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Permit {
    Path(PathBuf),
    Other,
}

impl fmt::Display for Denial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
