//! Grants from the command line (spec §14.2), as written: for each `--allow-*` option,
//! every resource or the list of its entries in command-line order. Repeated options
//! combine; a grant for every resource absorbs the lists; `-A` grants everything.

use crate::hosts::HostEntry;
use crate::Capability;

/// A command-line option that grants capabilities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    /// `--allow-read`: `file.read`.
    Read,
    /// `--allow-write`: `file.write`, `file.append`, `file.delete`.
    Write,
    /// `--allow-net`: `network.http`, `network.https`.
    Net,
    /// `--allow-env`: `env.read`, `env.write`.
    Env,
}

impl Flag {
    pub const ALL: [Flag; 4] = [Flag::Read, Flag::Write, Flag::Net, Flag::Env];

    /// The option that grants `capability`.
    pub fn of(capability: Capability) -> Flag {
        match capability {
            Capability::FileRead => Flag::Read,
            Capability::FileWrite | Capability::FileAppend | Capability::FileDelete => Flag::Write,
            Capability::NetworkHttp | Capability::NetworkHttps => Flag::Net,
            Capability::EnvRead | Capability::EnvWrite => Flag::Env,
        }
    }

    /// `--allow-read`, …
    pub fn name(self) -> &'static str {
        match self {
            Flag::Read => "--allow-read",
            Flag::Write => "--allow-write",
            Flag::Net => "--allow-net",
            Flag::Env => "--allow-env",
        }
    }

    /// The capabilities the option grants.
    pub fn capabilities(self) -> &'static [Capability] {
        match self {
            Flag::Read => &[Capability::FileRead],
            Flag::Write => &[Capability::FileWrite, Capability::FileAppend, Capability::FileDelete],
            Flag::Net => &[Capability::NetworkHttp, Capability::NetworkHttps],
            Flag::Env => &[Capability::EnvRead, Capability::EnvWrite],
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// What one option grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Grant {
    /// Every resource (the option without `=`, or `-A`).
    Every,
    /// The entries as written, in command-line order.
    List(Vec<String>),
}

/// The grants of the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grants {
    by_flag: [Option<Grant>; 4],
}

impl Grants {
    /// Nothing granted (a run without `--allow-*`).
    pub fn new() -> Grants {
        Grants::default()
    }

    /// Everything granted (`-A`).
    pub fn all() -> Grants {
        let mut g = Grants::new();
        g.allow_all();
        g
    }

    /// `-A` / `--allow-all`: every capability for every resource.
    pub fn allow_all(&mut self) {
        self.by_flag =
            [Some(Grant::Every), Some(Grant::Every), Some(Grant::Every), Some(Grant::Every)];
    }

    /// One occurrence of `flag`: `None` for every resource (no `=`), else its entries.
    /// Empty entries are ignored; host entries are validated (the error says which
    /// entry is wrong and why).
    pub fn allow(&mut self, flag: Flag, entries: Option<&[String]>) -> Result<(), String> {
        let slot = &mut self.by_flag[flag.index()];
        let Some(entries) = entries else {
            *slot = Some(Grant::Every);
            return Ok(());
        };
        if flag == Flag::Net {
            for e in entries.iter().filter(|e| !e.is_empty()) {
                HostEntry::parse(e).map_err(|why| format!("invalid `--allow-net` entry: {why}"))?;
            }
        }
        let new = entries.iter().filter(|e| !e.is_empty()).cloned();
        match slot {
            Some(Grant::Every) => {}
            Some(Grant::List(old)) => old.extend(new),
            None => *slot = Some(Grant::List(new.collect())),
        }
        Ok(())
    }

    /// What `flag` grants, if it was given.
    pub fn get(&self, flag: Flag) -> Option<&Grant> {
        self.by_flag[flag.index()].as_ref()
    }

    /// Whether nothing at all is granted.
    pub fn is_empty(&self) -> bool {
        self.by_flag.iter().all(Option::is_none)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn repeated_options_combine_in_order() {
        let mut g = Grants::new();
        g.allow(Flag::Read, Some(&v(&["b", "a"]))).unwrap();
        g.allow(Flag::Read, Some(&v(&["c", ""]))).unwrap();
        assert_eq!(g.get(Flag::Read), Some(&Grant::List(v(&["b", "a", "c"]))));
        assert_eq!(g.get(Flag::Write), None);
        assert!(!g.is_empty());
    }

    #[test]
    fn every_resource_absorbs_lists_before_and_after() {
        let mut g = Grants::new();
        g.allow(Flag::Env, Some(&v(&["HOME"]))).unwrap();
        g.allow(Flag::Env, None).unwrap();
        g.allow(Flag::Env, Some(&v(&["PATH"]))).unwrap();
        assert_eq!(g.get(Flag::Env), Some(&Grant::Every));
    }

    #[test]
    fn allow_all_grants_every_flag() {
        let mut g = Grants::new();
        g.allow(Flag::Net, Some(&v(&["x.org"]))).unwrap();
        g.allow_all();
        for f in Flag::ALL {
            assert_eq!(g.get(f), Some(&Grant::Every));
        }
        assert_eq!(Grants::all(), g);
        assert!(Grants::new().is_empty());
    }

    #[test]
    fn bad_host_entries_are_refused() {
        let mut g = Grants::new();
        let err = g.allow(Flag::Net, Some(&v(&["ok.org", "bad:port"]))).unwrap_err();
        assert!(err.contains("--allow-net") && err.contains("bad:port"), "{err}");
        // Paths and variables are never refused.
        g.allow(Flag::Read, Some(&v(&["/does/not/exist"]))).unwrap();
    }

    #[test]
    fn flags_map_capabilities() {
        for c in Capability::ALL {
            let f = Flag::of(c);
            assert!(f.capabilities().contains(&c));
            assert_eq!(f.name(), c.flag());
        }
    }
}
