//! Path resolution and matching (spec §14.4).
//!
//! A path is `~`-expanded, made absolute against the working directory captured at
//! start-up, normalised lexically (`.` and `x/..` removed), and then its symbolic links
//! are resolved for the part that exists, component by component, as the kernel would
//! follow them — including a link that is the last component, and a dangling link,
//! whose target text is followed although nothing exists there yet (so creating a file
//! through a dangling link is checked against where the file would really appear).
//! The operation then uses the resolved path, so the file checked is the file touched.

use std::collections::VecDeque;
use std::ffi::{OsStr, OsString};
use std::path::{Component, Path, PathBuf};

/// How many symbolic links one resolution follows before giving up (Linux's limit): a
/// path with more cannot be checked, and is refused.
const MAX_LINKS: u32 = 40;

/// What relative paths and `~` are resolved against: the working directory and the
/// home directory of the run, captured once at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathContext {
    /// `None` when the working directory cannot be determined: relative paths are then
    /// refused.
    pub cwd: Option<PathBuf>,
    /// `None` when `HOME` is unset: `~` is then an ordinary name.
    pub home: Option<PathBuf>,
}

impl PathContext {
    /// The process's working directory and `HOME`.
    pub fn current() -> PathContext {
        let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
        PathContext { cwd: std::env::current_dir().ok(), home }
    }

    /// A fixed context (tests, embedders).
    pub fn new(cwd: impl Into<PathBuf>, home: Option<PathBuf>) -> PathContext {
        PathContext { cwd: Some(cwd.into()), home }
    }

    /// `~`-expanded, absolute and lexically normalised; no file system access. `None`
    /// for a relative path when the working directory is unknown.
    pub fn absolute(&self, raw: &str) -> Option<PathBuf> {
        let expanded = self.expand_home(raw);
        let joined = if expanded.is_absolute() {
            expanded
        } else {
            let mut base = self.cwd.clone()?;
            if !base.is_absolute() {
                return None;
            }
            base.push(expanded);
            base
        };
        Some(normalize(&joined))
    }

    /// The path an operation on `raw` touches: `absolute` and then its symbolic links
    /// resolved (spec §14.4). `None` when `absolute` is, or when the path has too many
    /// levels of symbolic links.
    pub fn resolve(&self, raw: &str) -> Option<PathBuf> {
        self.absolute(raw).and_then(|p| resolve_links(&p))
    }

    /// Like `resolve`, but a symbolic link that is the last component is not followed:
    /// the path of the directory entry itself, which is what deleting, renaming and
    /// removing act on.
    pub fn resolve_entry(&self, raw: &str) -> Option<PathBuf> {
        let abs = self.absolute(raw)?;
        Some(match (abs.parent(), abs.file_name()) {
            (Some(parent), Some(name)) => resolve_links(parent)?.join(name),
            _ => abs,
        })
    }

    fn expand_home(&self, raw: &str) -> PathBuf {
        if let Some(home) = &self.home {
            if raw == "~" {
                return home.clone();
            }
            if let Some(rest) = raw.strip_prefix("~/") {
                return home.join(rest.trim_start_matches('/'));
            }
        }
        PathBuf::from(raw)
    }
}

/// Lexical normalisation: `.` removed, `x/..` pairs collapsed, `..` at the root dropped
/// (the root's parent is the root), repeated separators removed.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => out.push(p.as_os_str()),
            Component::RootDir => out.push(Component::RootDir.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

/// Resolves the symbolic links of an absolute, normalised path the way the kernel
/// follows them, for as long as the path exists; a link is followed even when its
/// target does not exist. `None` after more than `MAX_LINKS` links (a loop, or a chain
/// the kernel would refuse with "too many levels of symbolic links"): a path with a
/// link left unfollowed must never be handed back, since the operation would follow it
/// afresh (with a new budget of links) to wherever it leads.
pub fn resolve_links(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    // The components still to resolve: those of links' targets (`pending`, first), then
    // the rest of `path`, read as they are needed (a path of ten million components
    // is not copied into a queue first).
    let mut pending: VecDeque<OsString> = VecDeque::new();
    let mut rest = path.components().peekable();
    while let Some(c @ (Component::Prefix(_) | Component::RootDir)) = rest.peek().copied() {
        out.push(c.as_os_str());
        rest.next();
    }
    let mut links = 0;
    let mut exists = true;
    loop {
        let c = match pending.pop_front() {
            Some(c) => c,
            None => match rest.next() {
                Some(c) => c.as_os_str().to_owned(),
                None => break,
            },
        };
        if c == "." {
            continue;
        }
        if c == ".." {
            // Only from a link's target: `out` is already physical, so its parent is.
            // After a missing component (`missing/../x` in a target) the parent may
            // exist again: what follows must be resolved too, or a link there would be
            // handed back unfollowed and followed by the operation itself.
            out.pop();
            exists = true;
            continue;
        }
        if !exists {
            // Pushed in place: a copy of the whole path for each component made a long
            // path's resolution quadratic.
            out.push(&c);
            continue;
        }
        let next = out.join(&c);
        match std::fs::symlink_metadata(&next) {
            Ok(m) if m.file_type().is_symlink() => {
                links += 1;
                if links > MAX_LINKS {
                    return None;
                }
                match std::fs::read_link(&next) {
                    Ok(target) => {
                        let mut parts = Vec::new();
                        for tc in target.components() {
                            match tc {
                                Component::Prefix(_) | Component::RootDir => {
                                    out = PathBuf::from(tc.as_os_str());
                                    parts.clear();
                                }
                                other => parts.push(other.as_os_str().to_owned()),
                            }
                        }
                        for p in parts.into_iter().rev() {
                            pending.push_front(p);
                        }
                    }
                    Err(_) => {
                        exists = false;
                        out = next;
                    }
                }
            }
            Ok(_) => out = next,
            Err(_) => {
                exists = false;
                out = next;
            }
        }
    }
    Some(out)
}

/// Whether the command-line entry `entry` covers `path`: equal, or `path` lies below it
/// (whole components: `/data` does not cover `/database`).
pub fn covers(entry: &Path, path: &Path) -> bool {
    path.starts_with(entry)
}

/// A declared path pattern (spec §14.4), resolved: the literal leading components
/// resolved like a path, then the components with wildcards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPattern {
    /// The resolved literal part (an absolute path).
    base: PathBuf,
    /// The components from the first one with a wildcard on.
    rest: Vec<Glob>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Glob {
    /// `**`: any number of whole components (also none).
    Any,
    /// A component with `*` or `?`.
    Wild(Vec<char>),
    /// A component without wildcards (after the first wildcard).
    Literal(OsString),
}

fn has_wildcard(s: &OsStr) -> bool {
    s.to_string_lossy().contains(['*', '?'])
}

impl PathPattern {
    /// Resolves `pattern` in `ctx`; `None` if it is relative and the working directory
    /// is unknown, or its literal part has too many levels of symbolic links.
    pub fn new(pattern: &str, ctx: &PathContext) -> Option<PathPattern> {
        let abs = ctx.absolute(pattern)?;
        let mut base = PathBuf::new();
        let mut rest = Vec::new();
        for c in abs.components() {
            let s = c.as_os_str();
            if rest.is_empty() && !has_wildcard(s) {
                base.push(s);
                continue;
            }
            let text = s.to_string_lossy();
            rest.push(if text == "**" {
                Glob::Any
            } else if text.contains(['*', '?']) {
                Glob::Wild(text.chars().collect())
            } else {
                Glob::Literal(s.to_owned())
            });
        }
        Some(PathPattern { base: resolve_links(&base)?, rest })
    }

    /// The resolved part before the first wildcard.
    pub fn base(&self) -> &Path {
        &self.base
    }

    /// Whether the pattern has wildcards.
    pub fn is_literal(&self) -> bool {
        self.rest.is_empty()
    }

    /// Whether the pattern matches `path` or a directory that contains it.
    pub fn covers(&self, path: &Path) -> bool {
        let Ok(below) = path.strip_prefix(&self.base) else { return false };
        let parts: Vec<&OsStr> = below.components().map(Component::as_os_str).collect();
        prefix_match(&self.rest, &parts)
    }

    /// Whether the pattern and the command-line entry `entry` can cover a common path
    /// (one lies within the other's literal part).
    pub fn overlaps(&self, entry: &Path) -> bool {
        entry.starts_with(&self.base) || self.base.starts_with(entry)
    }
}

/// Whether `pat` matches some leading run of `path`'s components (the path itself or a
/// directory containing it). `ok[j]`: the pattern consumed so far matches `path[..j]`.
fn prefix_match(pat: &[Glob], path: &[&OsStr]) -> bool {
    let n = path.len();
    let mut ok = vec![false; n + 1];
    ok[0] = true;
    for g in pat {
        let mut next = vec![false; n + 1];
        match g {
            Glob::Any => {
                let mut seen = false;
                for j in 0..=n {
                    seen |= ok[j];
                    next[j] = seen;
                }
            }
            Glob::Wild(w) => {
                for j in 0..n {
                    next[j + 1] = ok[j] && wild_match(w, &path[j].to_string_lossy());
                }
            }
            Glob::Literal(l) => {
                for j in 0..n {
                    next[j + 1] = ok[j] && path[j] == l.as_os_str();
                }
            }
        }
        ok = next;
        if !ok.contains(&true) {
            return false;
        }
    }
    ok.contains(&true)
}

/// `*` (any characters) and `?` (one character) within one string.
pub fn wild_match(pattern: &[char], text: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests;
