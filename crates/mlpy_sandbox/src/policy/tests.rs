use std::path::{Path, PathBuf};

use super::*;
use crate::manifest::{Allow, Declaration};
use crate::testdir::TempDir;
use Capability::*;

const CWD: &str = "/nonexistent-mlpy-test/x";

fn ctx() -> PathContext {
    PathContext::new(CWD, Some(PathBuf::from("/nonexistent-mlpy-test/home")))
}

fn grants(spec: &[(Flag, Option<&[&str]>)]) -> Grants {
    let mut g = Grants::new();
    for (flag, entries) in spec {
        let owned: Option<Vec<String>> = entries.map(|e| e.iter().map(|s| s.to_string()).collect());
        g.allow(*flag, owned.as_deref()).unwrap();
    }
    g
}

fn allow(op: Operation, target: Option<&str>, line: u32) -> Allow {
    Allow { operation: op, target: target.map(str::to_owned), origin: format!("main.ml:{line}") }
}

fn decl(resources: &[&str], allows: Vec<Allow>) -> Declaration {
    Declaration { resources: resources.iter().map(|s| s.to_string()).collect(), allows }
}

fn manifest(decls: Vec<Declaration>) -> Manifest {
    let mut m = Manifest::new();
    for d in decls {
        m.declare(d);
    }
    m
}

fn policy(g: &Grants, m: &Manifest) -> Policy {
    Policy::with_context(g, m, ctx())
}

fn path(cap: Capability, p: &Policy, raw: &str) -> Result<PathBuf, String> {
    match p.check(cap, Resource::Path(raw)) {
        Ok(Permit::Path(p)) => Ok(p),
        Ok(Permit::Other) => panic!("a path check returns the path"),
        Err(d) => Err(d.message),
    }
}

fn host(cap: Capability, p: &Policy, h: &str, port: u16) -> Result<(), String> {
    p.check(cap, Resource::Host { host: h, port }).map(drop).map_err(|d| d.message)
}

fn var(cap: Capability, p: &Policy, v: &str) -> Result<(), String> {
    p.check(cap, Resource::Var(v)).map(drop).map_err(|d| d.message)
}

fn abs(rel: &str) -> PathBuf {
    Path::new(CWD).join(rel)
}

#[test]
fn nothing_is_permitted_without_grants() {
    let p = policy(&Grants::new(), &Manifest::new());
    for c in Capability::ALL {
        assert!(!p.has(c), "{c}");
        assert_eq!(p.info(c), None);
    }
    assert!(p.capabilities().is_empty());
    assert_eq!(
        path(FileRead, &p, "data/in.csv").unwrap_err(),
        format!("`file.read` of `{CWD}/data/in.csv` is not granted; run with `--allow-read=data/in.csv` to grant it")
    );
    assert_eq!(
        path(FileWrite, &p, "/tmp/out.txt").unwrap_err(),
        "`file.write` of `/tmp/out.txt` is not granted; run with `--allow-write=/tmp/out.txt` to grant it"
    );
    assert_eq!(
        host(NetworkHttps, &p, "api.example.com", 443).unwrap_err(),
        "`network.https` to `api.example.com:443` is not granted; run with `--allow-net=api.example.com` to grant it"
    );
    assert_eq!(
        host(NetworkHttp, &p, "localhost", 8080).unwrap_err(),
        "`network.http` to `localhost:8080` is not granted; run with `--allow-net=localhost:8080` to grant it"
    );
    assert_eq!(
        var(EnvRead, &p, "HOME").unwrap_err(),
        "`env.read` of variable `HOME` is not granted; run with `--allow-env=HOME` to grant it"
    );
    assert_eq!(
        p.check(EnvRead, Resource::Every).unwrap_err().message,
        "`env.read` of every variable is not granted; run with `--allow-env` to grant it"
    );
}

#[test]
fn allow_all_permits_everything_and_resolves_paths() {
    let p = policy(&Grants::all(), &Manifest::new());
    assert_eq!(p.capabilities(), Capability::ALL.to_vec());
    assert_eq!(path(FileRead, &p, "a/./b/../c").unwrap(), abs("a/c"));
    assert_eq!(path(FileDelete, &p, "/etc/passwd").unwrap(), Path::new("/etc/passwd"));
    assert!(host(NetworkHttp, &p, "x.org", 80).is_ok());
    assert!(var(EnvWrite, &p, "ANY").is_ok());
    assert!(p.check(EnvRead, Resource::Every).is_ok());
    assert_eq!(p.info(FileRead), Some(CapabilityInfo { granted: None, declared: None }));
    assert!(Policy::allow_all().has(EnvRead));
    assert!(!Policy::deny_all().has(EnvRead));
    assert!(!Policy::default().has(FileRead));
}

#[test]
fn path_grants_cover_their_entries_and_below() {
    let g = grants(&[(Flag::Read, Some(&["data", "/etc/hostname"]))]);
    let p = policy(&g, &Manifest::new());
    assert_eq!(path(FileRead, &p, "data/in.csv").unwrap(), abs("data/in.csv"));
    assert_eq!(path(FileRead, &p, "data").unwrap(), abs("data"));
    assert_eq!(path(FileRead, &p, "./data/../data/x").unwrap(), abs("data/x"));
    assert_eq!(path(FileRead, &p, &format!("{CWD}/data/x")).unwrap(), abs("data/x"));
    assert!(path(FileRead, &p, "/etc/hostname").is_ok());
    // A prefix that is not a whole component.
    assert!(path(FileRead, &p, "database").is_err());
    assert!(path(FileRead, &p, "/etc/hostnames").is_err());
    assert!(path(FileRead, &p, "/etc").is_err());
    // Traversal out of the grant, and the suggestion in absolute form.
    assert_eq!(
        path(FileRead, &p, "data/../../etc/passwd").unwrap_err(),
        "`file.read` of `/nonexistent-mlpy-test/etc/passwd` is not granted; run with `--allow-read=/nonexistent-mlpy-test/etc/passwd` to grant it"
    );
    // `--allow-read` does not grant writing.
    assert!(path(FileWrite, &p, "data/x").unwrap_err().contains("--allow-write=data/x"));
    assert!(p.has(FileRead) && !p.has(FileWrite));
}

#[test]
fn write_grants_cover_write_append_and_delete() {
    let g = grants(&[(Flag::Write, Some(&["out"]))]);
    let p = policy(&g, &Manifest::new());
    for c in [FileWrite, FileAppend, FileDelete] {
        assert!(path(c, &p, "out/r.txt").is_ok(), "{c}");
        assert!(path(c, &p, "outside").unwrap_err().contains("`--allow-write=outside`"));
        assert!(p.has(c));
    }
    assert!(!p.has(FileRead));
}

#[test]
fn home_relative_program_paths() {
    let g = grants(&[(Flag::Read, Some(&["~/notes"]))]);
    let p = policy(&g, &Manifest::new());
    assert_eq!(
        path(FileRead, &p, "~/notes/a.txt").unwrap(),
        Path::new("/nonexistent-mlpy-test/home/notes/a.txt")
    );
    assert_eq!(
        path(FileRead, &p, "~/other").unwrap_err(),
        "`file.read` of `/nonexistent-mlpy-test/home/other` is not granted; run with `--allow-read=/nonexistent-mlpy-test/home/other` to grant it"
    );
}

#[test]
fn suggestions_are_quoted_and_safe() {
    let p = policy(&Grants::new(), &Manifest::new());
    let msg = path(FileRead, &p, "my file.txt").unwrap_err();
    assert!(msg.ends_with("run with `'--allow-read=my file.txt'` to grant it"), "{msg}");
    // A comma would split the entry: the nearest directory without one.
    let msg = path(FileRead, &p, "a,b/c").unwrap_err();
    assert!(msg.contains(&format!("`--allow-read={CWD}`")), "{msg}");
    // Control characters are escaped, never written raw.
    let msg = path(FileRead, &p, "x\u{1b}[2Jy").unwrap_err();
    assert!(!msg.contains('\u{1b}'), "{msg}");
    assert!(msg.contains("\\u{1b}[2Jy"), "{msg}");
    let msg = var(EnvRead, &p, "A\nB").unwrap_err();
    assert!(!msg.contains('\n'), "{msg}");
}

#[test]
fn relative_paths_without_a_working_directory_are_refused() {
    let g = Grants::all();
    let p = Policy::with_context(&g, &Manifest::new(), PathContext { cwd: None, home: None });
    assert!(path(FileRead, &p, "x").unwrap_err().contains("working directory"));
    assert_eq!(path(FileRead, &p, "/x").unwrap(), Path::new("/x"));
}

#[test]
fn host_grants() {
    let g = grants(&[
        (Flag::Net, Some(&["api.example.com"])),
        (Flag::Net, Some(&["localhost:8080", "[::1]:9000"])),
    ]);
    let p = policy(&g, &Manifest::new());
    assert!(host(NetworkHttps, &p, "api.example.com", 443).is_ok());
    assert!(host(NetworkHttp, &p, "API.Example.COM", 8000).is_ok());
    assert!(host(NetworkHttp, &p, "localhost", 8080).is_ok());
    assert!(host(NetworkHttp, &p, "localhost", 80).is_err());
    assert!(host(NetworkHttp, &p, "[::1]", 9000).is_ok());
    assert!(host(NetworkHttp, &p, "::1", 9000).is_ok());
    assert_eq!(
        host(NetworkHttp, &p, "::1", 9001).unwrap_err(),
        "`network.http` to `[::1]:9001` is not granted; run with `--allow-net=[::1]:9001` to grant it"
    );
    assert!(host(NetworkHttps, &p, "example.com", 443).is_err());
    assert!(host(NetworkHttps, &p, "evil.api.example.com", 443).is_err());
    assert_eq!(
        p.info(NetworkHttp).unwrap().granted.unwrap(),
        ["api.example.com", "localhost:8080", "[::1]:9000"]
    );
}

#[test]
fn variable_grants_are_exact() {
    let g = grants(&[(Flag::Env, Some(&["HOME", "APP_MODE"]))]);
    let p = policy(&g, &Manifest::new());
    assert!(var(EnvRead, &p, "HOME").is_ok());
    assert!(var(EnvWrite, &p, "APP_MODE").is_ok());
    assert!(var(EnvRead, &p, "home").is_err());
    assert!(var(EnvRead, &p, "HOME2").is_err());
    assert!(var(EnvRead, &p, "APP_*").is_err());
    // `env.all()` needs every variable.
    assert!(p.check(EnvRead, Resource::Every).unwrap_err().message.contains("`--allow-env`"));
    let every = policy(&grants(&[(Flag::Env, None)]), &Manifest::new());
    assert!(every.check(EnvRead, Resource::Every).is_ok());
}

#[test]
fn repeated_flags_and_absorption_in_info() {
    let g = grants(&[
        (Flag::Read, Some(&["b", "a"])),
        (Flag::Write, Some(&["w"])),
        (Flag::Read, Some(&["c"])),
        (Flag::Write, None),
    ]);
    let p = policy(&g, &Manifest::new());
    let info = p.info(FileRead).unwrap();
    assert_eq!(info.granted.unwrap(), ["b", "a", "c"]);
    assert_eq!(info.declared, None);
    assert_eq!(p.info(FileDelete).unwrap().granted, None);
    assert!(path(FileRead, &p, "c/x").is_ok());
    // An empty list grants nothing.
    let empty = policy(&grants(&[(Flag::Read, Some(&[]))]), &Manifest::new());
    assert!(!empty.has(FileRead));
    assert_eq!(empty.info(FileRead), None);
}

#[test]
fn declarations_narrow_allow_all() {
    // Spec §16.15.
    let m = manifest(vec![decl(&[], vec![allow(Operation::Read, Some("config"), 2)])]);
    let p = policy(&Grants::all(), &m);
    assert!(p.has_declarations());
    assert!(p.has(FileRead));
    assert!(!p.has(EnvRead));
    assert!(!p.has(NetworkHttps));
    assert_eq!(p.capabilities(), vec![FileRead]);
    assert!(path(FileRead, &p, "config/app.toml").is_ok());
    assert_eq!(
        path(FileRead, &p, "/etc/hostname").unwrap_err(),
        "`file.read` of `/etc/hostname` is excluded by the program's capability declarations (no `allow read` item covers it)"
    );
    assert_eq!(
        var(EnvRead, &p, "HOME").unwrap_err(),
        "`env.read` of variable `HOME` is excluded by the program's capability declarations (no `allow system` item covers it)"
    );
    let info = p.info(FileRead).unwrap();
    assert_eq!(info.granted, None);
    assert_eq!(info.declared.unwrap(), ["config"]);
}

#[test]
fn declarations_never_widen_grants() {
    let m = manifest(vec![decl(&[], vec![allow(Operation::Read, Some("/**"), 1)])]);
    let g = grants(&[(Flag::Read, Some(&["data"]))]);
    let p = policy(&g, &m);
    assert!(path(FileRead, &p, "data/x").is_ok());
    assert_eq!(
        path(FileRead, &p, "/etc/passwd").unwrap_err(),
        "`file.read` of `/etc/passwd` is not granted; run with `--allow-read=/etc/passwd` to grant it"
    );
    // Neither granted nor declared: both are said.
    let m = manifest(vec![decl(&[], vec![allow(Operation::Read, Some("data"), 1)])]);
    let p = policy(&Grants::new(), &m);
    let msg = path(FileRead, &p, "other").unwrap_err();
    assert!(msg.contains("is not granted (run with `--allow-read=other` to grant it)"), "{msg}");
    assert!(msg.contains("excluded by the program's capability declarations"), "{msg}");
}

#[test]
fn resource_patterns_apply_to_items_without_a_target() {
    let m = manifest(vec![decl(
        &["data/*.json", "extra/**"],
        vec![allow(Operation::Read, None, 3), allow(Operation::Write, Some("out/report.txt"), 4)],
    )]);
    let p = policy(&Grants::all(), &m);
    assert!(path(FileRead, &p, "data/a.json").is_ok());
    assert!(path(FileRead, &p, "extra/x/y").is_ok());
    assert!(path(FileRead, &p, "data/a.csv").is_err());
    assert!(path(FileRead, &p, "out/report.txt").is_err());
    for c in [FileWrite, FileAppend, FileDelete] {
        assert!(path(c, &p, "out/report.txt").is_ok());
        assert!(path(c, &p, "data/a.json").is_err());
    }
    assert_eq!(p.info(FileRead).unwrap().declared.unwrap(), ["data/*.json", "extra/**"]);
    assert_eq!(p.info(FileAppend).unwrap().declared.unwrap(), ["out/report.txt"]);
}

#[test]
fn items_without_patterns_apply_to_every_resource() {
    let m = manifest(vec![
        decl(&[], vec![allow(Operation::Network, None, 1)]),
        decl(&[], vec![allow(Operation::Read, Some("a"), 2)]),
        decl(&[], vec![allow(Operation::Read, None, 3)]),
    ]);
    let p = policy(&Grants::all(), &m);
    assert!(host(NetworkHttps, &p, "anything.org", 443).is_ok());
    assert!(path(FileRead, &p, "/anywhere").is_ok());
    assert_eq!(p.info(FileRead).unwrap().declared.unwrap(), ["a", "*"]);
    assert_eq!(p.info(NetworkHttp).unwrap().declared.unwrap(), ["*"]);
    // Declarations are gathered from every file in order; `has` needs a declaration.
    assert!(!p.has(EnvRead));
}

#[test]
fn a_declaration_without_allow_items_permits_nothing() {
    let m = manifest(vec![decl(&["data/**"], vec![])]);
    let p = policy(&Grants::all(), &m);
    assert!(p.has_declarations());
    assert!(p.capabilities().is_empty());
    assert!(path(FileRead, &p, "data/x").is_err());
    assert!(p.check(EnvRead, Resource::Every).is_err());
    // `execute` declares no current capability.
    let m = manifest(vec![decl(&[], vec![allow(Operation::Execute, Some("ls"), 1)])]);
    let p = policy(&Grants::all(), &m);
    assert!(p.capabilities().is_empty());
}

#[test]
fn declared_hosts() {
    let m = manifest(vec![decl(
        &[],
        vec![
            allow(Operation::Network, Some("https://api.example.com/v1"), 1),
            allow(Operation::Network, Some("*.cdn.org"), 2),
            allow(Operation::Network, Some("http://localhost:8000"), 3),
        ],
    )]);
    let p = policy(&Grants::all(), &m);
    assert!(host(NetworkHttps, &p, "api.example.com", 443).is_ok());
    assert!(host(NetworkHttp, &p, "api.example.com", 80).is_err());
    assert!(host(NetworkHttps, &p, "img.cdn.org", 443).is_ok());
    assert!(host(NetworkHttp, &p, "img.cdn.org", 80).is_ok());
    assert!(host(NetworkHttps, &p, "cdn.org", 443).is_err());
    assert!(host(NetworkHttp, &p, "localhost", 8000).is_ok());
    assert!(host(NetworkHttp, &p, "localhost", 8001).is_err());
    assert_eq!(
        p.info(NetworkHttps).unwrap().declared.unwrap(),
        ["https://api.example.com/v1", "*.cdn.org"]
    );
    assert_eq!(
        p.info(NetworkHttp).unwrap().declared.unwrap(),
        ["*.cdn.org", "http://localhost:8000"]
    );
    // A URL of one scheme alone does not declare the other.
    let m = manifest(vec![decl(&[], vec![allow(Operation::Network, Some("https://x.org"), 1)])]);
    let p = policy(&Grants::all(), &m);
    assert!(p.has(NetworkHttps) && !p.has(NetworkHttp));
}

#[test]
fn declared_variable_patterns() {
    let m = manifest(vec![decl(
        &[],
        vec![allow(Operation::System, Some("APP_*"), 1), allow(Operation::System, Some("HOME"), 2)],
    )]);
    let p = policy(&Grants::all(), &m);
    assert!(var(EnvRead, &p, "APP_MODE").is_ok());
    assert!(var(EnvWrite, &p, "APP_").is_ok());
    assert!(var(EnvRead, &p, "HOME").is_ok());
    assert!(var(EnvRead, &p, "app_mode").is_err());
    assert!(var(EnvRead, &p, "PATH").is_err());
    assert!(p.check(EnvRead, Resource::Every).is_err());
    let all = manifest(vec![decl(&[], vec![allow(Operation::System, Some("*"), 1)])]);
    assert!(policy(&Grants::all(), &all).check(EnvRead, Resource::Every).is_ok());
}

#[test]
fn unmet_declarations_are_reported_once_per_item_and_pattern() {
    let m = manifest(vec![
        decl(&["data/*.json"], vec![allow(Operation::Read, None, 3)]),
        decl(
            &[],
            vec![
                allow(Operation::Write, Some("out/report.txt"), 7),
                allow(Operation::Network, Some("https://api.example.com:8443/x"), 8),
                allow(Operation::System, Some("APP_*"), 9),
                allow(Operation::System, None, 10),
                allow(Operation::Execute, Some("ls"), 11),
            ],
        ),
    ]);
    let texts: Vec<String> =
        policy(&Grants::new(), &m).unmet_declarations().iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "capability `file.read` for `data/*.json` is declared by main.ml:3 but not granted; run with --allow-read=data to grant it",
            "capabilities `file.write`, `file.append` and `file.delete` for `out/report.txt` are declared by main.ml:7 but not granted; run with --allow-write=out/report.txt to grant them",
            "capability `network.https` for `https://api.example.com:8443/x` is declared by main.ml:8 but not granted; run with --allow-net=api.example.com:8443 to grant it",
            "capabilities `env.read` and `env.write` for `APP_*` are declared by main.ml:9 but not granted; run with --allow-env=NAME,… naming what the program needs",
            "capabilities `env.read` and `env.write` for every variable are declared by main.ml:10 but not granted; run with --allow-env to grant them",
        ]
    );
    // Granted, even in part: nothing to say.
    let g = grants(&[
        (Flag::Read, Some(&["data"])),
        (Flag::Write, Some(&["out"])),
        (Flag::Net, Some(&["api.example.com"])),
        (Flag::Env, Some(&["APP_MODE"])),
    ]);
    assert_eq!(policy(&g, &m).unmet_declarations(), []);
    assert_eq!(policy(&Grants::all(), &m).unmet_declarations(), []);
    // A grant elsewhere does not meet the need.
    let g = grants(&[
        (Flag::Read, Some(&["database"])),
        (Flag::Write, None),
        (Flag::Net, None),
        (Flag::Env, None),
    ]);
    let unmet = policy(&g, &m).unmet_declarations();
    assert_eq!(unmet.len(), 1);
    assert_eq!(unmet[0].pattern.as_deref(), Some("data/*.json"));
    assert_eq!(unmet[0].capabilities, [FileRead]);
    assert_eq!(unmet[0].origin, "main.ml:3");
    // No declarations: no needs.
    assert_eq!(policy(&Grants::new(), &Manifest::new()).unmet_declarations(), []);
}

#[test]
fn literal_prefixes_of_patterns() {
    assert_eq!(literal_prefix("data/*.json"), "data");
    assert_eq!(literal_prefix("data/in.csv"), "data/in.csv");
    assert_eq!(literal_prefix("*.json"), ".");
    assert_eq!(literal_prefix("/*"), "/");
    assert_eq!(literal_prefix("/srv/**/x"), "/srv");
    assert_eq!(literal_prefix("~/d/?"), "~/d");
}

#[cfg(unix)]
#[test]
fn links_inside_a_grant_lead_nowhere_else() {
    let t = TempDir::new("policy-links");
    let grant = t.mkdir("grant");
    t.mkdir("outside");
    t.touch("outside/secret");
    t.link("grant/escape", t.path().join("outside"));
    t.link("grant/secret", t.path().join("outside/secret"));
    t.link("grant/dangling", t.path().join("outside/planted"));
    let mut g = Grants::new();
    let entry = vec![grant.to_string_lossy().into_owned()];
    g.allow(Flag::Read, Some(&entry)).unwrap();
    g.allow(Flag::Write, Some(&entry)).unwrap();
    let p = Policy::with_context(&g, &Manifest::new(), PathContext::new(&grant, None));
    let outside = t.path().join("outside");
    let msg = path(FileRead, &p, "escape/secret").unwrap_err();
    assert_eq!(
        msg,
        format!(
            "`file.read` of `{}` is not granted; run with `--allow-read=escape/secret` to grant it",
            outside.join("secret").display()
        )
    );
    assert!(path(FileRead, &p, "secret").is_err());
    assert!(path(FileWrite, &p, "dangling").is_err());
    assert!(path(FileWrite, &p, "escape/new.txt").is_err());
    // Deleting a link removes the link, which is inside the grant.
    assert_eq!(path(FileDelete, &p, "secret").unwrap(), grant.join("secret"));
    assert_eq!(path(FileDelete, &p, "dangling").unwrap(), grant.join("dangling"));
    // ... but not something below a link.
    assert!(path(FileDelete, &p, "escape/secret").is_err());
    // A real file is permitted at its resolved path.
    t.touch("grant/own.txt");
    assert_eq!(path(FileRead, &p, "own.txt").unwrap(), grant.join("own.txt"));
    // A grant entry through a link covers the link's target.
    let cwd = t.mkdir("cwd");
    t.link("cwd/data", &outside);
    let g = grants(&[(Flag::Read, Some(&["data"]))]);
    let p = Policy::with_context(&g, &Manifest::new(), PathContext::new(&cwd, None));
    assert_eq!(path(FileRead, &p, "data/secret").unwrap(), outside.join("secret"));
    assert_eq!(
        path(FileRead, &p, &outside.join("secret").to_string_lossy()).unwrap(),
        outside.join("secret")
    );
    // An entry that does not exist still grants what will appear there.
    let g = grants(&[(Flag::Write, Some(&["later/dir"]))]);
    let p = Policy::with_context(&g, &Manifest::new(), PathContext::new(&cwd, None));
    assert_eq!(path(FileWrite, &p, "later/dir/f").unwrap(), cwd.join("later/dir/f"));
}

#[cfg(unix)]
#[test]
fn deleting_a_link_suggests_its_directory() {
    let t = TempDir::new("policy-delete");
    let cwd = t.mkdir("cwd");
    t.link("cwd/l", t.path().join("elsewhere"));
    let p = Policy::with_context(&Grants::new(), &Manifest::new(), PathContext::new(&cwd, None));
    let msg = path(FileDelete, &p, "l").unwrap_err();
    assert_eq!(
        msg,
        format!(
            "`file.delete` of `{}` is not granted; run with `--allow-write=.` to grant it",
            cwd.join("l").display()
        )
    );
}

/// Property: over a tree with links in and out of the grants, for random grants and
/// random program paths, whatever the policy permits really lies in a granted directory
/// (the existing part of the permitted path is canonical and under a canonical entry).
#[cfg(unix)]
#[test]
fn generated_permits_stay_inside_their_grants() {
    let t = TempDir::new("policy-prop");
    for d in ["cwd/a/b", "cwd/c", "out/x"] {
        t.mkdir(d);
    }
    t.touch("cwd/a/f");
    t.touch("out/x/secret");
    t.link("cwd/a/esc", t.path().join("out"));
    t.link("cwd/c/up", "../../out/x");
    t.link("cwd/lb", "a/b");
    t.link("cwd/dang", t.path().join("out/new"));
    let cwd = t.path().join("cwd");
    let ctx = PathContext::new(&cwd, None);
    let entries = ["a", "c", "lb", "a/b", "dang", "missing"];
    let parts = ["a", "b", "c", "f", "esc", "up", "lb", "dang", "x", "secret", "..", ".", "n"];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut permitted, mut denied) = (0, 0);
    for _ in 0..300 {
        let chosen: Vec<String> = (0..1 + next() % 2)
            .map(|_| entries[(next() % entries.len() as u64) as usize].to_owned())
            .collect();
        let mut g = Grants::new();
        g.allow(Flag::Read, Some(&chosen)).unwrap();
        let p = Policy::with_context(&g, &Manifest::new(), ctx.clone());
        let granted: Vec<PathBuf> = chosen.iter().map(|e| ctx.resolve(e).unwrap()).collect();
        for _ in 0..20 {
            let raw: Vec<&str> = (0..1 + next() % 5)
                .map(|_| parts[(next() % parts.len() as u64) as usize])
                .collect();
            let raw = raw.join("/");
            match p.check(FileRead, Resource::Path(&raw)) {
                Ok(Permit::Path(resolved)) => {
                    permitted += 1;
                    assert!(granted.iter().any(|e| resolved.starts_with(e)), "{raw}");
                    let mut existing = resolved.as_path();
                    while !existing.exists() {
                        existing = existing.parent().unwrap();
                    }
                    let real = std::fs::canonicalize(existing).unwrap();
                    assert_eq!(real, existing, "{raw}");
                    // The entries' own existing parts are canonical too, so the real
                    // file is inside a real granted directory.
                    assert!(
                        granted.iter().any(|e| {
                            let mut ee = e.as_path();
                            while !ee.exists() {
                                ee = ee.parent().unwrap();
                            }
                            real.starts_with(std::fs::canonicalize(ee).unwrap())
                        }),
                        "{raw}"
                    );
                    assert!(
                        !real.starts_with(t.path().join("out"))
                            || granted.iter().any(|e| e.starts_with(t.path().join("out"))),
                        "{raw}"
                    );
                }
                Ok(Permit::Other) => panic!("a path permit carries the path"),
                Err(d) => {
                    denied += 1;
                    assert!(d.message.contains("--allow-read"), "{}", d.message);
                }
            }
        }
    }
    assert!(permitted > 200 && denied > 200, "{permitted} {denied}");
}
