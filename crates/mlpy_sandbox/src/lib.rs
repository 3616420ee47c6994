//! The capability vocabulary, grants and policy, and resource limits: pure data shared by
//! the analysis and the runtime.
//!
//! Every effect ML code can reach goes through one gate, `Policy::check` (the runtime's
//! `Vm::check_path`, `check_host`, `check_var` and `check_every` wrap it): an operation is
//! permitted when the command line grants its capability for its resource and, if the
//! program declares capabilities, a declaration covers it too (spec §14).

use std::fmt;
use std::path::PathBuf;

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

/// The permissions of one run.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    all: bool,
}

impl Policy {
    /// No capability at all (a run without `--allow-*`).
    pub fn deny_all() -> Policy {
        Policy { all: false }
    }

    /// Every capability for every resource (`-A`).
    pub fn allow_all() -> Policy {
        Policy { all: true }
    }

    /// The gate: whether `capability` is permitted for `resource`.
    pub fn check(&self, capability: Capability, resource: Resource<'_>) -> Result<Permit, Denial> {
        if !self.all {
            return Err(Denial {
                message: format!(
                    "`{capability}` is not granted; run with `{}` to grant it",
                    capability.flag()
                ),
            });
        }
        Ok(match resource {
            Resource::Path(p) => Permit::Path(PathBuf::from(p)),
            _ => Permit::Other,
        })
    }

    /// Whether `capability` is permitted for at least one resource (spec §14.6).
    pub fn has(&self, _capability: Capability) -> bool {
        self.all
    }
}
