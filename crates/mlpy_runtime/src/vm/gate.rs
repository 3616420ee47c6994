//! The capability gate as the natives see it (spec §14.5): every operation with an effect
//! outside the program calls one of these before it has any effect. Each asks the run's
//! `Policy` (in `mlpy_sandbox`) and turns a denial into a catchable `CapabilityError`.

use std::path::PathBuf;
use std::rc::Rc;

use mlpy_sandbox::{Capability, Denial, Permit, Policy, Resource};

use super::Vm;
use crate::error::{ErrorKind, Result, RuntimeError};

impl Vm {
    /// Sets the run's permissions (call before `run_main`; the default permits nothing).
    pub fn set_policy(&mut self, policy: Rc<Policy>) {
        self.policy = policy;
    }

    /// The run's permissions.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Sets what `args.all()` returns: the main file's path as given, then the program
    /// arguments (spec §12.13).
    pub fn set_program_args(&mut self, args: Vec<String>) {
        self.program_args = args;
    }

    /// The main file's path as given, then the program arguments.
    pub fn program_args(&self) -> &[String] {
        &self.program_args
    }

    /// Checks `capability` for the path `raw` as the program gave it, and returns the
    /// resolved path the operation must use: absolute, normalised, its symbolic links
    /// followed (for `file.delete`, all but a final one: the path of the entry itself),
    /// so the file checked is the file touched. An operation on several paths checks
    /// each and is permitted only if all are.
    pub fn check_path(&self, capability: Capability, raw: &str) -> Result<PathBuf> {
        // Resolving makes several copies of the path (made absolute, normalised, its
        // links resolved, the denial's message), which no value counts: a path of 20 MB
        // took 160 MB. Checked first, like any result whose size is known.
        if raw.len() > 1 << 16 {
            crate::heap::reserve_for(raw.len() as u64 * 8, "resolving a path")?;
        }
        match self.policy.check(capability, Resource::Path(raw)) {
            Ok(Permit::Path(p)) => Ok(p),
            Ok(Permit::Other) => Ok(PathBuf::from(raw)),
            Err(d) => Err(denied(d)),
        }
    }

    /// Checks a network capability for `host` (lower-cased) and `port`.
    pub fn check_host(&self, capability: Capability, host: &str, port: u16) -> Result<()> {
        self.policy.check(capability, Resource::Host { host, port }).map(drop).map_err(denied)
    }

    /// Checks an environment capability for the variable `name`.
    pub fn check_var(&self, capability: Capability, name: &str) -> Result<()> {
        self.policy.check(capability, Resource::Var(name)).map(drop).map_err(denied)
    }

    /// Checks `capability` for every resource at once (`env.all()`).
    pub fn check_every(&self, capability: Capability) -> Result<()> {
        self.policy.check(capability, Resource::Every).map(drop).map_err(denied)
    }
}

#[cold]
fn denied(d: Denial) -> RuntimeError {
    RuntimeError::new(ErrorKind::CapabilityError, d.message)
}
