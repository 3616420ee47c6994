//! `path` (spec §12.11): path text (pure, no capability), and the file system's
//! directories (through the capability gate, like `file`).
//!
//! The pure functions work on text with `/` as the separator, as POSIX does
//! (`dirname("/a")` is `"/"`). `~` is expanded (to the home directory) only by
//! `absolute` and `relative`, and only as a whole first component (`~` or `~/…`).
//!
//! Walking and globbing never follow a symbolic link into a directory, so a link inside a
//! granted directory cannot lead them out of it: `glob` matches a link as an entry but
//! does not descend into it; `walk` lists links to files (they are files to the program)
//! and skips links to directories. `removeDirRecursive` removes links, never their
//! targets.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use mlpy_sandbox::Capability;

use super::file::{
    exists_in, io_error, io_error_msg, is_directory_in, is_file_in, reason, str_at, Ticker,
};
use super::{no_constants, ModuleDecl};
use crate::error::{value_error, ErrorKind, Result, RuntimeError};
use crate::natives::{int_arg, opt, req, rest, Kinds, NativeDecl};
use crate::value::Value;
use crate::vm::Vm;

const READ: &[Capability] = &[Capability::FileRead];
const WRITE: &[Capability] = &[Capability::FileWrite];
const DELETE: &[Capability] = &[Capability::FileDelete];
const P: crate::natives::Param = req("p", Kinds::STR);
const DIR: crate::natives::Param = req("dir", Kinds::STR);

static FUNCTIONS: [NativeDecl; 23] = [
    NativeDecl::function(
        "join",
        &[req("a", Kinds::STR), rest("parts", Kinds::STR)],
        "the parts joined with /; an absolute part discards the parts before it",
        join,
    ),
    NativeDecl::function("dirname", &[P], "the part of p before its last /", dirname),
    NativeDecl::function("basename", &[P], "the part of p after its last /", basename),
    NativeDecl::function(
        "extname",
        &[P],
        "the extension of p's last component with its dot, or \"\"",
        extname,
    ),
    NativeDecl::function("split", &[P], "[dirname(p), basename(p)]", split),
    NativeDecl::function(
        "normalize",
        &[P],
        "p with repeated separators and . removed and x/.. collapsed (\"\" gives \".\")",
        normalize,
    ),
    NativeDecl::function("isAbsolute", &[P], "whether p starts with /", is_absolute),
    NativeDecl::function("absolute", &[P], "p ~-expanded, made absolute and normalised", absolute),
    NativeDecl::function(
        "relative",
        &[req("from", Kinds::STR), req("to", Kinds::STR)],
        "the relative path from the directory from to to",
        relative,
    ),
    NativeDecl::function("cwd", &[], "the working directory", cwd),
    NativeDecl::function("home", &[], "the home directory", home),
    NativeDecl::function("tempDir", &[], "the directory for temporary files", temp_dir),
    NativeDecl::function("separator", &[], "the path separator, \"/\"", separator),
    NativeDecl::function("delimiter", &[], "the separator of path lists, \":\"", delimiter),
    NativeDecl::function("exists", &[P], "whether something exists at p", exists).needs(READ),
    NativeDecl::function("isFile", &[P], "whether p is a regular file", is_file).needs(READ),
    NativeDecl::function("isDirectory", &[P], "whether p is a directory", is_directory)
        .needs(READ),
    NativeDecl::function(
        "listDir",
        &[opt("dir", Kinds::STR, "\".\"")],
        "the sorted names of the entries of dir",
        list_dir,
    )
    .needs(READ),
    NativeDecl::function(
        "glob",
        &[req("pattern", Kinds::STR)],
        "the sorted paths matching pattern (* and ? within a component, ** any components)",
        glob,
    )
    .needs(READ),
    NativeDecl::function(
        "walk",
        &[DIR, opt("maxDepth", Kinds::INT, "-1")],
        "the sorted relative paths of the files below dir, at most maxDepth levels down",
        walk,
    )
    .needs(READ),
    NativeDecl::function(
        "createDir",
        &[DIR, opt("parents", Kinds::BOOL, "true")],
        "creates the directory (and its parents if parents); returns null",
        create_dir,
    )
    .needs(WRITE),
    NativeDecl::function("removeDir", &[DIR], "removes an empty directory; returns null", remove_dir)
        .needs(DELETE),
    NativeDecl::function(
        "removeDirRecursive",
        &[DIR],
        "removes a directory and everything in it (links, not their targets); returns null",
        remove_dir_recursive,
    )
    .needs(DELETE),
];

pub(super) static MODULE: ModuleDecl =
    ModuleDecl::new("path", "path text and directories", &FUNCTIONS, no_constants);

// ----- pure text functions ------------------------------------------------------------------

/// POSIX `join`: an absolute part restarts the path; a `/` is added between parts unless
/// the path so far is empty or ends with one.
pub(crate) fn join_text(first: &str, rest: &[&str]) -> String {
    let mut out = first.to_owned();
    for part in rest {
        if part.starts_with('/') {
            out = (*part).to_owned();
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(part);
        } else {
            out.push('/');
            out.push_str(part);
        }
    }
    out
}

/// POSIX `dirname`: the part before the last `/`, without trailing `/` unless it is all
/// slashes (`dirname("/a")` is `"/"`, `dirname("a/b/")` is `"a/b"`).
pub(crate) fn dirname_text(p: &str) -> &str {
    let head = match p.rfind('/') {
        Some(i) => &p[..=i],
        None => return "",
    };
    let trimmed = head.trim_end_matches('/');
    if trimmed.is_empty() {
        head
    } else {
        trimmed
    }
}

/// The part after the last `/`.
pub(crate) fn basename_text(p: &str) -> &str {
    match p.rfind('/') {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

/// The extension of the last component, dot included; leading dots do not start one.
pub(crate) fn extname_text(p: &str) -> &str {
    let base = basename_text(p);
    let body_start = base.len() - base.trim_start_matches('.').len();
    match base[body_start..].rfind('.') {
        Some(i) => &base[body_start + i..],
        None => "",
    }
}

/// Lexical normalisation: `//` and `.` removed, `x/..` collapsed, `..` above the root
/// dropped, a trailing `/` removed, `""` → `"."`.
pub(crate) fn normalize_text(p: &str) -> String {
    let absolute = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if absolute => {}
                _ => parts.push(".."),
            },
            other => parts.push(other),
        }
    }
    let body = parts.join("/");
    match (absolute, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".to_owned(),
        (false, false) => body,
    }
}

/// The home directory (`$HOME`, else the account's), as text.
fn home_text() -> Result<String> {
    std::env::home_dir()
        .filter(|h| !h.as_os_str().is_empty())
        .map(|h| h.to_string_lossy().into_owned())
        .ok_or_else(|| {
            RuntimeError::new(ErrorKind::IOError, "`path.home`: the home directory is unknown")
        })
}

/// `p` with a leading `~` component expanded.
fn expand_home(func: &str, p: &str) -> Result<String> {
    if p == "~" || p.starts_with("~/") {
        let home = home_text().map_err(|_| {
            RuntimeError::new(
                ErrorKind::IOError,
                format!("`{func}`: cannot expand `~`: the home directory is unknown"),
            )
        })?;
        return Ok(format!("{home}{}", &p[1..]));
    }
    Ok(p.to_owned())
}

fn cwd_text(func: &str) -> Result<String> {
    std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).map_err(|e| {
        RuntimeError::new(
            ErrorKind::IOError,
            format!("`{func}`: cannot read the working directory: {}", reason(&e)),
        )
    })
}

/// `absolute(p)`: `~`-expanded, made absolute against the working directory, normalised.
fn absolute_text(func: &str, p: &str) -> Result<String> {
    let expanded = expand_home(func, p)?;
    if expanded.starts_with('/') {
        return Ok(normalize_text(&expanded));
    }
    Ok(normalize_text(&join_text(&cwd_text(func)?, &[&expanded])))
}

/// The relative path from the (absolute, normalised) directory `from` to `to`.
fn relative_text(from: &str, to: &str) -> String {
    let split = |s: &str| -> Vec<String> {
        s.split('/').filter(|c| !c.is_empty()).map(str::to_owned).collect()
    };
    let (a, b) = (split(from), split(to));
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out: Vec<&str> = vec![".."; a.len() - common];
    out.extend(b[common..].iter().map(String::as_str));
    if out.is_empty() {
        ".".to_owned()
    } else {
        out.join("/")
    }
}

fn join(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let rest: Vec<&str> = (1..args.len()).map(|i| str_at(args, i)).collect();
    Ok(Value::string(join_text(str_at(args, 0), &rest)))
}

fn dirname(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::str(dirname_text(str_at(args, 0))))
}

fn basename(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::str(basename_text(str_at(args, 0))))
}

fn extname(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::str(extname_text(str_at(args, 0))))
}

fn split(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let p = str_at(args, 0);
    Ok(Value::array(vec![Value::str(dirname_text(p)), Value::str(basename_text(p))]))
}

fn normalize(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::string(normalize_text(str_at(args, 0))))
}

fn is_absolute(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(str_at(args, 0).starts_with('/')))
}

fn absolute(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::string(absolute_text("path.absolute", str_at(args, 0))?))
}

fn relative(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let from = absolute_text("path.relative", str_at(args, 0))?;
    let to = absolute_text("path.relative", str_at(args, 1))?;
    Ok(Value::string(relative_text(&from, &to)))
}

fn cwd(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::string(cwd_text("path.cwd")?))
}

fn home(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::string(home_text()?))
}

fn temp_dir(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::string(std::env::temp_dir().to_string_lossy().into_owned()))
}

fn separator(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::str(std::path::MAIN_SEPARATOR_STR))
}

fn delimiter(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::str(if cfg!(windows) { ";" } else { ":" }))
}

// ----- the file system --------------------------------------------------------------------

fn exists(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    exists_in(vm, "path.exists", args)
}

fn is_file(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    is_file_in(vm, "path.isFile", args)
}

fn is_directory(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    is_directory_in(vm, "path.isDirectory", args)
}

/// The entries of the directory `dir` as (name, is a real directory — not a link to one).
fn entries(func: &str, raw: &str, dir: &Path) -> Result<Vec<(String, bool)>> {
    let iter = fs::read_dir(dir).map_err(|e| io_error(func, "list", raw, &e))?;
    let mut out = Vec::new();
    for entry in iter {
        let entry = entry.map_err(|e| io_error(func, "list", raw, &e))?;
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        out.push((entry.file_name().to_string_lossy().into_owned(), is_dir));
    }
    out.sort();
    Ok(out)
}

fn list_dir(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = match args.first() {
        Some(Value::Str(s)) => s.as_str(),
        _ => ".",
    };
    let dir = vm.check_path(Capability::FileRead, raw)?;
    let names = entries("path.listDir", raw, &dir)?;
    Ok(Value::array(names.into_iter().map(|(n, _)| Value::string(n)).collect()))
}

fn walk(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let max_depth = match args.get(1) {
        Some(v) => int_arg("path.walk", "an int maxDepth", v)?,
        None => -1,
    };
    if max_depth < -1 {
        return Err(value_error(format!(
            "`path.walk`: maxDepth must be -1 (no limit) or at least 0, got {max_depth}"
        )));
    }
    let dir = vm.check_path(Capability::FileRead, raw)?;
    if !fs::metadata(&dir).map_err(|e| io_error("path.walk", "walk", raw, &e))?.is_dir() {
        return Err(io_error_msg("path.walk", "walk", raw, "it is not a directory"));
    }
    let mut out = Vec::new();
    let mut ticker = Ticker::new();
    walk_into(vm, &mut ticker, raw, &dir, "", max_depth, &mut out)?;
    out.sort();
    Ok(Value::array(out.into_iter().map(Value::string).collect()))
}

/// Adds the files below `dir` (whose path relative to the walk's root is `rel`) to `out`,
/// descending `depth_left` more levels (negative: no limit).
fn walk_into(
    vm: &Vm,
    ticker: &mut Ticker,
    raw: &str,
    dir: &Path,
    rel: &str,
    depth_left: i64,
    out: &mut Vec<String>,
) -> Result<()> {
    for (name, is_dir) in entries("path.walk", raw, dir)? {
        ticker.tick(vm)?;
        let child_rel = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        if is_dir {
            if depth_left != 0 {
                walk_into(vm, ticker, raw, &dir.join(&name), &child_rel, depth_left - 1, out)?;
            }
        } else if !fs::metadata(dir.join(&name)).is_ok_and(|m| m.is_dir()) {
            // Not a link to a directory (which is neither listed nor followed).
            out.push(child_rel);
        }
    }
    Ok(())
}

/// Whether `name` matches the one-component pattern `pat` (`*`: any characters, `?`: one).
pub(crate) fn wildcard_match(pat: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pat.chars().collect(), name.chars().collect());
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

fn has_wildcard(component: &str) -> bool {
    component.contains(['*', '?'])
}

fn glob(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = str_at(args, 0);
    if pattern.is_empty() {
        return Err(value_error("`path.glob`: the pattern is empty"));
    }
    let raw_parts: Vec<&str> = pattern.split('/').collect();
    let Some(k) = raw_parts.iter().position(|c| has_wildcard(c)) else {
        // No wildcard: the path itself, if something is there.
        let path = vm.check_path(Capability::FileRead, pattern)?;
        let found = fs::symlink_metadata(&path).is_ok();
        return Ok(Value::array(if found { vec![Value::str(pattern)] } else { Vec::new() }));
    };
    let comps: Vec<&str> =
        raw_parts[k..].iter().copied().filter(|c| !c.is_empty() && *c != ".").collect();
    if comps.contains(&"..") {
        return Err(value_error(format!(
            "`path.glob`: `..` after a wildcard is not supported in {pattern:?}"
        )));
    }
    // The leading part without wildcards, as written: what the capability is checked
    // for, and the prefix of every result.
    let prefix = match raw_parts[..k].join("/") {
        p if p.is_empty() && pattern.starts_with('/') => "/".to_owned(),
        p => p,
    };
    let base_raw = if prefix.is_empty() { "." } else { prefix.as_str() };
    let base = vm.check_path(Capability::FileRead, base_raw)?;
    if !fs::symlink_metadata(&base).is_ok_and(|m| m.is_dir()) {
        return Ok(Value::array(Vec::new()));
    }
    let mut found = Vec::new();
    let mut ticker = Ticker::new();
    glob_into(vm, &mut ticker, &base, "", &comps, &mut found)?;
    let mut results: Vec<String> = found
        .into_iter()
        .map(|rel| {
            if prefix.is_empty() {
                rel
            } else if prefix.ends_with('/') {
                format!("{prefix}{rel}")
            } else {
                format!("{prefix}/{rel}")
            }
        })
        .collect();
    results.sort();
    results.dedup();
    Ok(Value::array(results.into_iter().map(Value::string).collect()))
}

/// Adds to `out` the paths (relative to the glob's base) below `dir` (at `rel`) matching
/// the components `pats`.
fn glob_into(
    vm: &Vm,
    ticker: &mut Ticker,
    dir: &Path,
    rel: &str,
    pats: &[&str],
    out: &mut Vec<String>,
) -> Result<()> {
    let Some((&pat, more)) = pats.split_first() else {
        out.push(rel.to_owned());
        return Ok(());
    };
    let child = |name: &str| if rel.is_empty() { name.to_owned() } else { format!("{rel}/{name}") };
    if pat == "**" {
        if !more.is_empty() {
            // `**` as zero components.
            glob_into(vm, ticker, dir, rel, more, out)?;
        }
        // Unreadable directories are skipped, as by every glob.
        let Ok(list) = entries("path.glob", "", dir) else { return Ok(()) };
        for (name, is_dir) in list {
            ticker.tick(vm)?;
            if more.is_empty() {
                // A final `**`: every path below, at any depth.
                out.push(child(&name));
            }
            if is_dir {
                glob_into(vm, ticker, &dir.join(&name), &child(&name), pats, out)?;
            }
        }
        return Ok(());
    }
    if !has_wildcard(pat) {
        let path: PathBuf = dir.join(pat);
        match fs::symlink_metadata(&path) {
            Ok(m) if more.is_empty() || m.is_dir() => {
                glob_into(vm, ticker, &path, &child(pat), more, out)?;
            }
            _ => {}
        }
        return Ok(());
    }
    let Ok(list) = entries("path.glob", "", dir) else { return Ok(()) };
    for (name, is_dir) in list {
        ticker.tick(vm)?;
        if wildcard_match(pat, &name) && (more.is_empty() || is_dir) {
            glob_into(vm, ticker, &dir.join(&name), &child(&name), more, out)?;
        }
    }
    Ok(())
}

fn create_dir(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let parents = !matches!(args.get(1), Some(Value::Bool(false)));
    let dir = vm.check_path(Capability::FileWrite, raw)?;
    let res = if parents { fs::create_dir_all(&dir) } else { fs::create_dir(&dir) };
    match res {
        Ok(()) => Ok(Value::Null),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(Value::Null),
        Err(e) => Err(io_error("path.createDir", "create", raw, &e)),
    }
}

fn remove_dir(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let dir = vm.check_path(Capability::FileDelete, raw)?;
    fs::remove_dir(&dir).map_err(|e| io_error("path.removeDir", "remove", raw, &e))?;
    Ok(Value::Null)
}

fn remove_dir_recursive(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let dir = vm.check_path(Capability::FileDelete, raw)?;
    let meta = fs::symlink_metadata(&dir)
        .map_err(|e| io_error("path.removeDirRecursive", "remove", raw, &e))?;
    let res = if meta.is_dir() {
        // Does not follow symbolic links: a link inside is removed, not its target.
        fs::remove_dir_all(&dir)
    } else if meta.file_type().is_symlink() {
        fs::remove_file(&dir)
    } else {
        return Err(io_error_msg("path.removeDirRecursive", "remove", raw, "it is not a directory"));
    };
    res.map_err(|e| io_error("path.removeDirRecursive", "remove", raw, &e))?;
    Ok(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_functions_follow_posix() {
        assert_eq!(join_text("a", &["b", "c"]), "a/b/c");
        assert_eq!(join_text("a/", &["b"]), "a/b");
        assert_eq!(join_text("a", &["/b", "c"]), "/b/c");
        assert_eq!(join_text("", &["b"]), "b");
        assert_eq!(dirname_text("a/b/"), "a/b");
        assert_eq!(dirname_text("a/b"), "a");
        assert_eq!(dirname_text("/a"), "/");
        assert_eq!(dirname_text("a"), "");
        assert_eq!(dirname_text("a//b"), "a");
        assert_eq!(basename_text("a/b/"), "");
        assert_eq!(basename_text("a/b.txt"), "b.txt");
        assert_eq!(extname_text(".bashrc"), "");
        assert_eq!(extname_text("a.tar.gz"), ".gz");
        assert_eq!(extname_text("a."), ".");
        assert_eq!(extname_text("..x"), "");
        assert_eq!(extname_text("d.x/file"), "");
        assert_eq!(normalize_text(""), ".");
        assert_eq!(normalize_text("a//b/./c/.."), "a/b");
        assert_eq!(normalize_text("../a/../.."), "../..");
        assert_eq!(normalize_text("/../a/"), "/a");
        assert_eq!(normalize_text("a/.."), ".");
        assert_eq!(relative_text("/a/b", "/a/c/d"), "../c/d");
        assert_eq!(relative_text("/a/b", "/a/b"), ".");
        assert_eq!(relative_text("/", "/x"), "x");
    }

    #[test]
    fn wildcards_match_within_a_component() {
        assert!(wildcard_match("*.txt", "a.txt"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("a?c", "ac"));
        assert!(wildcard_match("*a*b*", "xxaybz"));
        assert!(!wildcard_match("*.txt", "a.txt.bak"));
        assert!(wildcard_match("é*", "éa"));
    }
}
