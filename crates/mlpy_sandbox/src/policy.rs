//! The permissions of one run: the command-line grants, resolved at start-up, narrowed by
//! the program's manifest (spec §14.2–§14.6), and the one gate every effect goes through.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::grants::{Flag, Grant, Grants};
use crate::hosts::{normalize_host, show_host, HostEntry, HostPattern};
use crate::manifest::{Manifest, Operation};
use crate::paths::{covers, wild_match, PathContext, PathPattern};
use crate::{Capability, Denial, Permit, Resource};

/// A command-line grant with its entries resolved.
#[derive(Clone, Debug)]
enum Granted {
    Every,
    /// Entries as written, and resolved (`None`: relative with no working directory).
    Paths(Vec<(String, Option<PathBuf>)>),
    Hosts(Vec<HostEntry>),
    Vars(Vec<String>),
}

impl Granted {
    fn is_empty(&self) -> bool {
        match self {
            Granted::Every => false,
            Granted::Paths(v) => v.is_empty(),
            Granted::Hosts(v) => v.is_empty(),
            Granted::Vars(v) => v.is_empty(),
        }
    }

    fn covers(&self, subject: &Subject<'_>) -> bool {
        match (self, subject) {
            (Granted::Every, _) => true,
            (Granted::Paths(list), Subject::Path(p)) => {
                list.iter().any(|(_, e)| e.as_deref().is_some_and(|e| covers(e, p)))
            }
            (Granted::Hosts(list), Subject::Host(h, port)) => {
                list.iter().any(|e| e.covers(h, *port))
            }
            (Granted::Vars(list), Subject::Var(v)) => list.iter().any(|e| e == v),
            _ => false,
        }
    }
}

/// A declared pattern, compiled for the kind of resource of its item.
#[derive(Clone, Debug)]
enum Pattern {
    Every,
    /// `None`: relative with no working directory (matches nothing).
    Path(Option<PathPattern>),
    Host(HostPattern),
    Var(Vec<char>),
}

impl Pattern {
    fn compile(operation: Operation, written: &str, ctx: &PathContext) -> Pattern {
        match operation {
            Operation::Read | Operation::Write => Pattern::Path(PathPattern::new(written, ctx)),
            Operation::Network => Pattern::Host(HostPattern::parse(written)),
            Operation::System | Operation::Execute => Pattern::Var(written.chars().collect()),
        }
    }

    fn declares(&self, capability: Capability) -> bool {
        match self {
            Pattern::Host(h) => h.declares(capability),
            _ => true,
        }
    }

    fn covers(&self, subject: &Subject<'_>) -> bool {
        match (self, subject) {
            (Pattern::Every, _) => true,
            (Pattern::Path(p), Subject::Path(path)) => p.as_ref().is_some_and(|p| p.covers(path)),
            (Pattern::Host(h), Subject::Host(host, port)) => h.covers(host, *port),
            (Pattern::Var(w), Subject::Var(v)) => wild_match(w, v),
            (Pattern::Host(h), Subject::Every) => h.is_every(),
            (Pattern::Var(w), Subject::Every) => !w.is_empty() && w.iter().all(|&c| c == '*'),
            _ => false,
        }
    }

    /// Whether some resource both this pattern and the command-line `grant` cover.
    fn overlaps(&self, grant: &Granted) -> bool {
        match (self, grant) {
            (_, Granted::Every) => true,
            (_, g) if g.is_empty() => false,
            (Pattern::Every, _) => true,
            (Pattern::Path(None), _) => true,
            (Pattern::Path(Some(p)), Granted::Paths(list)) => {
                list.iter().any(|(_, e)| e.as_deref().is_some_and(|e| p.overlaps(e)))
            }
            (Pattern::Host(h), Granted::Hosts(list)) => list.iter().any(|e| h.overlaps(e)),
            (Pattern::Var(w), Granted::Vars(list)) => list.iter().any(|v| wild_match(w, v)),
            _ => false,
        }
    }
}

/// One `allow` item with its patterns.
#[derive(Clone, Debug)]
struct Item {
    operation: Operation,
    origin: String,
    /// `(as written, compiled)`; `("*", Every)` for an item that applies to every
    /// resource.
    patterns: Vec<(String, Pattern)>,
}

/// The resource of a check, resolved.
enum Subject<'a> {
    Path(PathBuf),
    Host(String, u16),
    Var(&'a str),
    Every,
}

/// What `getCapabilityInfo` reports about a permitted capability (spec §14.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapabilityInfo {
    /// `None` if the command line grants it for every resource, else its entries as
    /// written, in command-line order.
    pub granted: Option<Vec<String>>,
    /// `None` if the program has no declarations, else the patterns declared for it in
    /// source order (`"*"` for an item that applies to every resource).
    pub declared: Option<Vec<String>>,
}

/// A declared need that the command line does not grant (worth a warning before the
/// run). Its `Display` is the warning's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmet {
    /// The capabilities the item declares for the pattern.
    pub capabilities: Vec<Capability>,
    /// The pattern as written; `None` for an item that applies to every resource.
    pub pattern: Option<String>,
    /// Where the item is (`main.ml:3`).
    pub origin: String,
    flag: Flag,
    /// The option with its value that grants it, when one entry can.
    suggestion: Option<String>,
}

impl fmt::Display for Unmet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.capabilities.iter().map(|c| format!("`{c}`")).collect();
        let (noun, verb, it) = if names.len() == 1 {
            ("capability", "is", "it")
        } else {
            ("capabilities", "are", "them")
        };
        let what = match &self.pattern {
            Some(p) => format!("`{}`", shown(p)),
            None => format!("every {}", every_noun(self.flag)),
        };
        write!(
            f,
            "{noun} {} for {what} {verb} declared by {} but not granted; ",
            join_and(&names),
            self.origin
        )?;
        match &self.suggestion {
            Some(s) => write!(f, "run with {s} to grant {it}"),
            None => {
                let kind = match self.flag {
                    Flag::Net => "HOST",
                    Flag::Env => "NAME",
                    _ => "PATH",
                };
                write!(f, "run with {}={kind},… naming what the program needs", self.flag.name())
            }
        }
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn every_noun(flag: Flag) -> &'static str {
    match flag {
        Flag::Read | Flag::Write => "path",
        Flag::Net => "host",
        Flag::Env => "variable",
    }
}

/// Text from the program or the file system, safe to show: control characters escaped.
fn shown(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

/// `flag=value`, quoted for a POSIX shell if needed.
fn option_with(flag: Flag, value: &str) -> String {
    let plain = value.chars().all(|c| c.is_ascii_alphanumeric() || "_-./:@%+=~[]".contains(c));
    if plain && !value.is_empty() {
        format!("{}={value}", flag.name())
    } else {
        format!("'{}={}'", flag.name(), shown(&value.replace('\'', "'\\''")))
    }
}

/// The permissions of one run.
#[derive(Clone, Debug)]
pub struct Policy {
    ctx: PathContext,
    grants: Grants,
    granted: [Option<Granted>; 4],
    /// `None` when the program has no declarations.
    items: Option<Vec<Item>>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy::deny_all()
    }
}

impl Policy {
    /// No capability at all (a run without `--allow-*`).
    pub fn deny_all() -> Policy {
        Policy::new(&Grants::new(), &Manifest::new())
    }

    /// Every capability for every resource (`-A`, no declarations).
    pub fn allow_all() -> Policy {
        Policy::new(&Grants::all(), &Manifest::new())
    }

    /// The grants narrowed by the manifest, paths resolved against the process's working
    /// directory and `HOME` now.
    pub fn new(grants: &Grants, manifest: &Manifest) -> Policy {
        Policy::with_context(grants, manifest, PathContext::current())
    }

    /// Like `new`, resolving paths in `ctx`.
    pub fn with_context(grants: &Grants, manifest: &Manifest, ctx: PathContext) -> Policy {
        let granted = Flag::ALL.map(|flag| {
            grants.get(flag).map(|g| match g {
                Grant::Every => Granted::Every,
                Grant::List(entries) => match flag {
                    Flag::Read | Flag::Write => Granted::Paths(
                        entries.iter().map(|e| (e.clone(), ctx.resolve(e))).collect(),
                    ),
                    Flag::Net => Granted::Hosts(
                        entries.iter().filter_map(|e| HostEntry::parse(e).ok()).collect(),
                    ),
                    Flag::Env => Granted::Vars(entries.clone()),
                },
            })
        });
        let items = (!manifest.is_empty()).then(|| {
            let mut items = Vec::new();
            for decl in manifest.declarations() {
                for allow in &decl.allows {
                    let patterns = match decl.patterns(allow) {
                        None => vec![("*".to_owned(), Pattern::Every)],
                        Some(ps) => ps
                            .into_iter()
                            .map(|p| (p.to_owned(), Pattern::compile(allow.operation, p, &ctx)))
                            .collect(),
                    };
                    items.push(Item {
                        operation: allow.operation,
                        origin: allow.origin.clone(),
                        patterns,
                    });
                }
            }
            items
        });
        Policy { ctx, grants: grants.clone(), granted, items }
    }

    /// The grants as written.
    pub fn grants(&self) -> &Grants {
        &self.grants
    }

    /// What paths are resolved against.
    pub fn context(&self) -> &PathContext {
        &self.ctx
    }

    /// Whether the program has capability declarations.
    pub fn has_declarations(&self) -> bool {
        self.items.is_some()
    }

    fn grant(&self, capability: Capability) -> Option<&Granted> {
        self.granted[Flag::of(capability).index()].as_ref()
    }

    fn declared_items(&self, capability: Capability) -> impl Iterator<Item = &(String, Pattern)> {
        self.items
            .iter()
            .flatten()
            .filter(move |i| i.operation.capabilities().contains(&capability))
            .flat_map(|i| i.patterns.iter())
            .filter(move |(_, p)| p.declares(capability))
    }

    /// The gate: whether `capability` is permitted for `resource`. A permitted path
    /// comes back resolved: the operation must use exactly that path. For `file.delete`
    /// a symbolic link that is the last component is not followed (deleting and
    /// renaming act on the link itself).
    pub fn check(&self, capability: Capability, resource: Resource<'_>) -> Result<Permit, Denial> {
        let subject = match resource {
            Resource::Path(raw) => {
                let resolved = if capability == Capability::FileDelete {
                    self.ctx.resolve_entry(raw)
                } else {
                    self.ctx.resolve(raw)
                };
                match resolved {
                    Some(p) => Subject::Path(p),
                    None => {
                        return Err(Denial {
                            message: format!(
                                "`{capability}` of `{}` cannot be checked: the working directory is not available, so a relative path cannot be resolved",
                                shown(raw)
                            ),
                        })
                    }
                }
            }
            Resource::Host { host, port } => Subject::Host(normalize_host(host), port),
            Resource::Var(name) => Subject::Var(name),
            Resource::Every => Subject::Every,
        };
        let granted = self.grant(capability).is_some_and(|g| g.covers(&subject));
        let declared = self.items.is_none()
            || self.declared_items(capability).any(|(_, p)| p.covers(&subject));
        if granted && declared {
            return Ok(match subject {
                Subject::Path(p) => Permit::Path(p),
                _ => Permit::Other,
            });
        }
        Err(self.denial(capability, resource, &subject, granted, declared))
    }

    #[cold]
    fn denial(
        &self,
        capability: Capability,
        resource: Resource<'_>,
        subject: &Subject<'_>,
        granted: bool,
        declared: bool,
    ) -> Denial {
        let flag = Flag::of(capability);
        let what = match subject {
            Subject::Path(p) => format!("`{capability}` of `{}`", shown(&p.to_string_lossy())),
            Subject::Host(h, port) => format!("`{capability}` to `{}`", show_host(h, Some(*port))),
            Subject::Var(v) => format!("`{capability}` of variable `{}`", shown(v)),
            Subject::Every => format!("`{capability}` of every {}", every_noun(flag)),
        };
        let grant_it = self.suggestion(capability, resource, subject);
        let exclusion = format!(
            "excluded by the program's capability declarations (no `allow {}` item covers it)",
            Operation::of(capability).keyword()
        );
        let message = match (granted, declared) {
            (false, true) => format!("{what} is not granted; run with `{grant_it}` to grant it"),
            (true, _) => format!("{what} is {exclusion}"),
            (false, false) => {
                format!(
                    "{what} is not granted (run with `{grant_it}` to grant it) and is {exclusion}"
                )
            }
        };
        Denial { message }
    }

    /// The option that would grant the check's resource.
    fn suggestion(
        &self,
        capability: Capability,
        resource: Resource<'_>,
        subject: &Subject<'_>,
    ) -> String {
        let flag = Flag::of(capability);
        let value = match (resource, subject) {
            (Resource::Path(raw), Subject::Path(resolved)) => self.path_suggestion(raw, resolved),
            (_, Subject::Host(host, port)) => {
                let default = match capability {
                    Capability::NetworkHttp => 80,
                    _ => 443,
                };
                Some(show_host(host, (*port != default).then_some(*port)))
            }
            (_, Subject::Var(v)) => Some(v.to_string()),
            _ => None,
        };
        match value {
            Some(v) if !v.contains(',') && !v.is_empty() => option_with(flag, &v),
            _ => flag.name().to_owned(),
        }
    }

    /// A path entry that grants `resolved`: the program's own spelling when it is a plain
    /// relative path, else the absolute path; the directory when the entry itself must
    /// not be followed (`file.delete` of a symbolic link).
    fn path_suggestion(&self, raw: &str, resolved: &Path) -> Option<String> {
        let plain = !raw.is_empty()
            && !raw.starts_with('~')
            && Path::new(raw).is_relative()
            && !Path::new(raw).components().any(|c| c == std::path::Component::ParentDir);
        // An entry is resolved following every link; does the spelling resolve to the
        // checked path?
        let follows = self.ctx.resolve(raw).as_deref() == Some(resolved);
        let candidate = if follows {
            if plain {
                raw.to_owned()
            } else {
                resolved.to_string_lossy().into_owned()
            }
        } else {
            let parent = resolved.parent()?;
            match Path::new(raw).parent() {
                Some(p)
                    if plain
                        && self.ctx.resolve(&p.to_string_lossy()).as_deref() == Some(parent) =>
                {
                    let p = p.to_string_lossy();
                    if p.is_empty() {
                        ".".to_owned()
                    } else {
                        p.into_owned()
                    }
                }
                _ => parent.to_string_lossy().into_owned(),
            }
        };
        if !candidate.contains(',') {
            return Some(candidate);
        }
        // A comma would split the entry: the nearest directory without one.
        resolved.ancestors().map(|a| a.to_string_lossy().into_owned()).find(|a| !a.contains(','))
    }

    /// Whether `capability` is permitted for at least one resource: granted on the
    /// command line and, when the program has declarations, declared by some `allow`
    /// item (spec §14.6). `hasCapability` and `getCapabilities` report this.
    pub fn has(&self, capability: Capability) -> bool {
        self.grant(capability).is_some_and(|g| !g.is_empty())
            && (self.items.is_none() || self.declared_items(capability).next().is_some())
    }

    /// The capabilities `has` is true for, sorted by name.
    pub fn capabilities(&self) -> Vec<Capability> {
        Capability::ALL.into_iter().filter(|&c| self.has(c)).collect()
    }

    /// What `getCapabilityInfo` reports: `None` unless `has(capability)`.
    pub fn info(&self, capability: Capability) -> Option<CapabilityInfo> {
        if !self.has(capability) {
            return None;
        }
        let granted = match self.grants.get(Flag::of(capability))? {
            Grant::Every => None,
            Grant::List(entries) => Some(entries.clone()),
        };
        let declared = self
            .items
            .is_some()
            .then(|| self.declared_items(capability).map(|(w, _)| w.clone()).collect());
        Some(CapabilityInfo { granted, declared })
    }

    /// The declared needs that no command-line grant meets, in source order: for each
    /// `allow` item and pattern, the capabilities declared for it whose grant covers
    /// none of what the pattern matches. A partial grant is not reported (a narrower
    /// grant than the declaration is a choice, not an omission).
    pub fn unmet_declarations(&self) -> Vec<Unmet> {
        let mut out = Vec::new();
        for item in self.items.iter().flatten() {
            let Some(&first) = item.operation.capabilities().first() else { continue };
            let flag = Flag::of(first);
            let grant = self.granted[flag.index()].as_ref();
            for (written, pattern) in &item.patterns {
                let capabilities: Vec<Capability> = item
                    .operation
                    .capabilities()
                    .iter()
                    .copied()
                    .filter(|&c| pattern.declares(c))
                    .collect();
                if capabilities.is_empty() || grant.is_some_and(|g| pattern.overlaps(g)) {
                    continue;
                }
                let every = matches!(pattern, Pattern::Every);
                let suggestion = match pattern {
                    Pattern::Every => Some(flag.name().to_owned()),
                    Pattern::Path(_) => Some(option_with(flag, &literal_prefix(written))),
                    Pattern::Host(h) => h.entry().map(|e| option_with(flag, &e)),
                    Pattern::Var(w) => (!w.contains(&'*')).then(|| option_with(flag, written)),
                };
                out.push(Unmet {
                    capabilities,
                    pattern: (!every).then(|| written.clone()),
                    origin: item.origin.clone(),
                    flag,
                    suggestion,
                });
            }
        }
        out
    }
}

/// The components of a path pattern before its first wildcard, as written (`.` if the
/// first component has one).
fn literal_prefix(pattern: &str) -> String {
    let mut parts = Vec::new();
    for (i, part) in pattern.split('/').enumerate() {
        if part.contains(['*', '?']) {
            break;
        }
        if i > 0 && part.is_empty() {
            continue;
        }
        parts.push(part);
    }
    let joined = parts.join("/");
    if joined.is_empty() {
        if pattern.starts_with('/') {
            "/".to_owned()
        } else {
            ".".to_owned()
        }
    } else {
        joined
    }
}

#[cfg(test)]
mod tests;
