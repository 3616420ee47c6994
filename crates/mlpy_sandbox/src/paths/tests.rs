use std::path::{Path, PathBuf};

use super::*;
use crate::testdir::TempDir;

fn ctx(cwd: &str) -> PathContext {
    PathContext::new(cwd, Some(PathBuf::from("/home/ada")))
}

/// A context whose paths do not exist (no links to follow).
const NOWHERE: &str = "/nonexistent-mlpy-test/work";

#[test]
fn normalisation_is_lexical() {
    assert_eq!(normalize(Path::new("/a/./b/../c")), Path::new("/a/c"));
    assert_eq!(normalize(Path::new("/../../x")), Path::new("/x"));
    assert_eq!(normalize(Path::new("/a//b/")), Path::new("/a/b"));
    assert_eq!(normalize(Path::new("/a/b/../../..")), Path::new("/"));
    assert_eq!(normalize(Path::new("a/../../b")), Path::new("../b"));
    assert_eq!(normalize(Path::new("../../b")), Path::new("../../b"));
}

#[test]
fn relative_home_and_absolute_paths() {
    let c = ctx(NOWHERE);
    assert_eq!(c.absolute("data/in.csv").unwrap(), Path::new(NOWHERE).join("data/in.csv"));
    assert_eq!(c.absolute("").unwrap(), Path::new(NOWHERE));
    assert_eq!(c.absolute(".").unwrap(), Path::new(NOWHERE));
    assert_eq!(c.absolute("~").unwrap(), Path::new("/home/ada"));
    assert_eq!(c.absolute("~/notes/../x").unwrap(), Path::new("/home/ada/x"));
    assert_eq!(c.absolute("~//x").unwrap(), Path::new("/home/ada/x"));
    // `~user` and a `~` later in the path are ordinary names.
    assert_eq!(c.absolute("~bob/x").unwrap(), Path::new(NOWHERE).join("~bob/x"));
    assert_eq!(c.absolute("a/~/x").unwrap(), Path::new(NOWHERE).join("a/~/x"));
    assert_eq!(c.absolute("/etc/./passwd").unwrap(), Path::new("/etc/passwd"));
    let no_home = PathContext::new(NOWHERE, None);
    assert_eq!(no_home.absolute("~/x").unwrap(), Path::new(NOWHERE).join("~/x"));
    let no_cwd = PathContext { cwd: None, home: None };
    assert_eq!(no_cwd.absolute("x"), None);
    assert_eq!(no_cwd.absolute("/x").unwrap(), Path::new("/x"));
}

#[test]
fn traversal_is_normalised_before_the_check() {
    let c = ctx("/nonexistent-mlpy-test/x");
    let p = c.resolve("a/../../etc/passwd").unwrap();
    assert_eq!(p, Path::new("/nonexistent-mlpy-test/etc/passwd"));
    assert!(!covers(Path::new("/nonexistent-mlpy-test/x"), &p));
    let deep = c.resolve("../../../../../../../../etc/passwd").unwrap();
    assert_eq!(deep, Path::new("/etc/passwd"));
}

#[test]
fn entries_cover_whole_components_only() {
    assert!(covers(Path::new("/data"), Path::new("/data")));
    assert!(covers(Path::new("/data"), Path::new("/data/x/y")));
    assert!(!covers(Path::new("/data"), Path::new("/database")));
    assert!(!covers(Path::new("/data"), Path::new("/dat")));
    assert!(!covers(Path::new("/data/x"), Path::new("/data")));
    assert!(covers(Path::new("/"), Path::new("/anything/at/all")));
}

#[cfg(unix)]
#[test]
fn a_link_cannot_lead_out_of_a_grant() {
    let t = TempDir::new("out");
    let grant = t.mkdir("grant");
    let outside = t.mkdir("outside");
    t.touch("outside/secret");
    t.link("grant/dir", &outside);
    t.link("grant/file", outside.join("secret"));
    t.link("grant/relative", "../outside");
    let c = PathContext::new(&grant, None);
    // A link in the middle, at the end, and with a relative target.
    assert_eq!(c.resolve("dir/secret").unwrap(), outside.join("secret"));
    assert_eq!(c.resolve("file").unwrap(), outside.join("secret"));
    assert_eq!(c.resolve("relative/secret").unwrap(), outside.join("secret"));
    assert_eq!(c.resolve("relative/new/deeper").unwrap(), outside.join("new/deeper"));
    for raw in ["dir/secret", "file", "relative/secret", "relative/new"] {
        assert!(!covers(&grant, &c.resolve(raw).unwrap()), "{raw}");
    }
    // Files really inside stay inside.
    t.touch("grant/own");
    assert_eq!(c.resolve("own").unwrap(), grant.join("own"));
    assert_eq!(c.resolve("not/yet").unwrap(), grant.join("not/yet"));
}

#[cfg(unix)]
#[test]
fn dangling_links_are_followed_to_where_a_file_would_appear() {
    let t = TempDir::new("dangling");
    let grant = t.mkdir("grant");
    t.link("grant/new", t.path().join("outside/created.txt"));
    t.link("grant/chain", "new");
    let c = PathContext::new(&grant, None);
    assert_eq!(c.resolve("new").unwrap(), t.path().join("outside/created.txt"));
    assert_eq!(c.resolve("chain").unwrap(), t.path().join("outside/created.txt"));
    assert!(!covers(&grant, &c.resolve("new").unwrap()));
    // The entry itself (what unlink acts on) is inside.
    assert_eq!(c.resolve_entry("new").unwrap(), grant.join("new"));
    assert_eq!(c.resolve_entry("chain").unwrap(), grant.join("chain"));
}

#[cfg(unix)]
#[test]
fn link_loops_end() {
    let t = TempDir::new("loop");
    t.link("a", "b");
    t.link("b", "a");
    t.link("self", "self");
    let c = PathContext::new(t.path(), None);
    // Resolution stops; the operation itself then fails with ELOOP.
    let p = c.resolve("a/x").unwrap();
    assert!(p.starts_with(t.path()), "{}", p.display());
    assert!(c.resolve("self").unwrap().starts_with(t.path()));
}

#[cfg(unix)]
#[test]
fn lexical_dotdot_comes_before_links() {
    let t = TempDir::new("lexical");
    let grant = t.mkdir("grant");
    let outside = t.mkdir("far/away");
    t.link("grant/l", &outside);
    let c = PathContext::new(&grant, None);
    // `l/..` is removed lexically first: the result is the grant itself, and the
    // operation uses that path, so the check and the effect agree.
    assert_eq!(c.resolve("l/../x").unwrap(), grant.join("x"));
    // A `..` inside a link's target is physical.
    t.link("grant/up", outside.join(".."));
    assert_eq!(c.resolve("up").unwrap(), t.path().join("far"));
}

#[cfg(unix)]
#[test]
fn a_linked_grant_entry_covers_through_the_link() {
    let t = TempDir::new("entry");
    let real = t.mkdir("real");
    let cwd = t.mkdir("cwd");
    t.link("cwd/data", &real);
    let c = PathContext::new(&cwd, None);
    let entry = c.resolve("data").unwrap();
    assert_eq!(entry, real);
    assert!(covers(&entry, &c.resolve("data/in.csv").unwrap()));
    assert!(covers(&entry, &c.resolve(real.join("x").to_str().unwrap()).unwrap()));
}

#[test]
fn wildcards_within_a_component() {
    let m = |p: &str, t: &str| wild_match(&p.chars().collect::<Vec<_>>(), t);
    assert!(m("*", ""));
    assert!(m("*", "anything"));
    assert!(m("*.json", "a.json"));
    assert!(m("*.json", ".json"));
    assert!(!m("*.json", "a.jsonl"));
    assert!(m("a?c", "abc"));
    assert!(!m("a?c", "ac"));
    assert!(m("a*b*c", "axxbyyc"));
    assert!(!m("a*b*c", "axxbyy"));
    assert!(m("APP_*", "APP_"));
    assert!(!m("APP_*", "app_x"));
    assert!(m("é?", "éü"));
}

#[test]
fn declared_patterns_cover_matches_and_what_they_contain() {
    let c = ctx(NOWHERE);
    let p = |s: &str| PathPattern::new(s, &c).unwrap();
    let abs = |s: &str| Path::new(NOWHERE).join(s);
    let json = p("data/*.json");
    assert!(json.covers(&abs("data/a.json")));
    assert!(json.covers(&abs("data/dir.json/inside")));
    assert!(!json.covers(&abs("data/a.csv")));
    assert!(!json.covers(&abs("data/sub/a.json")));
    assert!(!json.covers(&abs("data")));
    assert!(!json.covers(&abs("database/a.json")));
    let deep = p("data/**/*.csv");
    assert!(deep.covers(&abs("data/a.csv")));
    assert!(deep.covers(&abs("data/x/y/z/a.csv")));
    assert!(!deep.covers(&abs("data/x/y/z/a.json")));
    let all = p("data/**");
    assert!(all.covers(&abs("data")));
    assert!(all.covers(&abs("data/x/y")));
    assert!(!all.covers(&abs("other")));
    let literal = p("config");
    assert!(literal.is_literal());
    assert!(literal.covers(&abs("config")));
    assert!(literal.covers(&abs("config/app.toml")));
    assert!(!literal.covers(&abs("configuration")));
    let one = p("log?.txt");
    assert!(one.covers(&abs("log1.txt")));
    assert!(!one.covers(&abs("log10.txt")));
    let mid = p("*/out");
    assert!(mid.covers(&abs("a/out/x")));
    assert!(!mid.covers(&abs("a/b/out")));
    let root = p("/**");
    assert!(root.covers(Path::new("/etc/passwd")));
    // Patterns are normalised like paths.
    assert!(p("data/../*.txt").covers(&abs("x.txt")));
    assert!(p("~/notes/*").covers(Path::new("/home/ada/notes/a")));
    assert_eq!(p("data/*.json").base(), abs("data"));
}

#[test]
fn overlap_of_patterns_and_entries() {
    let c = ctx(NOWHERE);
    let abs = |s: &str| Path::new(NOWHERE).join(s);
    let json = PathPattern::new("data/*.json", &c).unwrap();
    assert!(json.overlaps(&abs("data")));
    assert!(json.overlaps(&abs("data/a.json")));
    assert!(json.overlaps(Path::new("/")));
    assert!(!json.overlaps(&abs("database")));
    assert!(!json.overlaps(&abs("other")));
}

#[cfg(unix)]
#[test]
fn a_pattern_resolves_its_literal_part() {
    let t = TempDir::new("pattern");
    let real = t.mkdir("real");
    let cwd = t.mkdir("cwd");
    t.link("cwd/data", &real);
    let c = PathContext::new(&cwd, None);
    let pat = PathPattern::new("data/*.json", &c).unwrap();
    assert_eq!(pat.base(), real);
    assert!(pat.covers(&c.resolve("data/x.json").unwrap()));
}

/// A small deterministic generator (xorshift) for the property tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Property: for random paths (with `.`, `..`, links in and out of a grant, dangling
/// links, missing names), the resolved path is what the kernel reaches for the
/// lexically normalised path, and a permitted path (covered by the grant) really lies
/// in the grant.
#[cfg(unix)]
#[test]
fn generated_paths_resolve_like_the_kernel() {
    let t = TempDir::new("prop");
    let grant = t.mkdir("g");
    t.mkdir("g/a/b");
    t.mkdir("o/c");
    t.touch("o/c/f");
    t.touch("g/a/f");
    t.link("g/in", "a/b");
    t.link("g/a/out", t.path().join("o"));
    t.link("g/a/b/up", "../..");
    t.link("g/dang", t.path().join("o/missing"));
    let c = PathContext::new(&grant, None);
    let parts = ["a", "b", "c", "f", "in", "out", "up", "dang", "..", ".", "", "new"];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut inside, mut outside) = (0, 0);
    for _ in 0..3000 {
        let n = 1 + rng.next() % 7;
        let raw: Vec<&str> = (0..n).map(|_| rng.pick(&parts)).collect();
        let mut raw = raw.join("/");
        if rng.next().is_multiple_of(4) {
            raw = format!("{}/{raw}", grant.display());
        }
        let lexical = c.absolute(&raw).unwrap();
        let resolved = c.resolve(&raw).unwrap();
        match std::fs::canonicalize(&lexical) {
            Ok(real) => assert_eq!(resolved, real, "{raw}"),
            Err(_) => {
                // Missing: the existing part is canonical and the rest is appended.
                let mut existing = resolved.as_path();
                while !existing.exists() {
                    existing = existing.parent().expect("the root exists");
                }
                assert_eq!(std::fs::canonicalize(existing).unwrap(), existing, "{raw}");
            }
        }
        if covers(&grant, &resolved) {
            // Whatever exists of it is inside the grant for real.
            let mut p = resolved.as_path();
            while !p.exists() {
                p = p.parent().unwrap();
            }
            assert!(std::fs::canonicalize(p).unwrap().starts_with(&grant), "{raw}");
            inside += 1;
        } else {
            outside += 1;
        }
    }
    // The generator reaches both sides of the grant.
    assert!(inside > 300 && outside > 300, "{inside} {outside}");
}

/// Property: coverage is a prefix relation on whole components.
#[test]
fn generated_coverage_is_componentwise() {
    let mut rng = Rng(42);
    let names = ["d", "da", "data", "database", "x", ".."];
    for _ in 0..2000 {
        let a: Vec<&str> = (0..1 + rng.next() % 3).map(|_| rng.pick(&names)).collect();
        let b: Vec<&str> = (0..1 + rng.next() % 4).map(|_| rng.pick(&names)).collect();
        let e = normalize(&Path::new("/").join(a.join("/")));
        let p = normalize(&Path::new("/").join(b.join("/")));
        let (es, ps) = (e.to_str().unwrap(), p.to_str().unwrap());
        let expected = es == "/" || ps == es || ps.starts_with(&format!("{es}/"));
        assert_eq!(covers(&e, &p), expected, "{es} {ps}");
    }
}
