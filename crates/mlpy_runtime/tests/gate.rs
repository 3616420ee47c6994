//! The capability gate as natives see it (`Vm::check_path`, `check_host`, `check_var`,
//! `check_every`) and the introspection builtins (spec §14.5, §14.6), on VMs given a
//! policy the way `mlpy run` builds one.

mod support;

use std::path::PathBuf;
use std::rc::Rc;

use mlpy_runtime::compiler::CompileOptions;
use mlpy_runtime::program::Program;
use mlpy_runtime::{ErrorKind, Limits, Vm};
use mlpy_sandbox::{
    Allow, Capability, Declaration, Flag, Grants, Manifest, Operation, PathContext, Policy,
};

fn vm_with(policy: Policy) -> Vm {
    let main = support::compile("x = 1;", CompileOptions::default()).expect("compiles");
    let program = Program { main, modules: Vec::new(), imports: Vec::new() };
    let mut vm = Vm::new(Rc::new(program), Limits::default());
    vm.set_policy(Rc::new(policy));
    vm
}

fn grants(flag: Flag, entries: Option<&[&str]>) -> Grants {
    let mut g = Grants::new();
    let owned: Option<Vec<String>> = entries.map(|e| e.iter().map(|s| s.to_string()).collect());
    g.allow(flag, owned.as_deref()).expect("valid grant");
    g
}

/// Runs `src` under `policy`; its output, or the uncaught error's kind and message.
fn run(src: &str, policy: Policy) -> String {
    let main = support::compile(src, CompileOptions::default()).expect("compiles");
    let program = Program { main, modules: Vec::new(), imports: Vec::new() };
    let mut vm = Vm::new(Rc::new(program), Limits::default());
    vm.set_policy(Rc::new(policy));
    let out = support::Buffer::default();
    vm.set_io(
        Box::new(out.clone()),
        Box::new(support::Buffer::default()),
        Box::new(std::io::empty()),
    );
    let res = vm.run_main();
    vm.flush();
    let text = out.text();
    match res {
        Ok(()) => text,
        Err(e) => format!("{text}!{}: {}", e.type_name(), e.message()),
    }
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("mlpy-gate-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(std::fs::canonicalize(&dir).unwrap())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_default_policy_permits_nothing() {
    let main = support::compile("x = 1;", CompileOptions::default()).unwrap();
    let program = Program { main, modules: Vec::new(), imports: Vec::new() };
    let vm = Vm::new(Rc::new(program), Limits::default());
    let err = vm.check_path(Capability::FileRead, "/etc/hostname").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::CapabilityError);
    assert!(err.is_catchable());
    assert_eq!(
        err.message(),
        "`file.read` of `/etc/hostname` is not granted; run with `--allow-read=/etc/hostname` to grant it"
    );
    assert!(vm.check_every(Capability::EnvRead).is_err());
    assert!(!vm.policy().has(Capability::FileRead));
}

#[cfg(unix)]
#[test]
fn check_path_returns_the_resolved_path_and_refuses_escapes() {
    let t = TempDir::new("paths");
    let data = t.0.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(t.0.join("private")).unwrap();
    std::os::unix::fs::symlink(t.0.join("private"), data.join("escape")).unwrap();
    std::os::unix::fs::symlink(t.0.join("private/planted"), data.join("dangling")).unwrap();
    let ctx = PathContext::new(&t.0, None);
    let policy = Policy::with_context(&grants(Flag::Read, Some(&["data"])), &Manifest::new(), ctx);
    let vm = vm_with(policy);
    assert_eq!(vm.check_path(Capability::FileRead, "data/in.csv").unwrap(), data.join("in.csv"));
    assert_eq!(vm.check_path(Capability::FileRead, "./data/x/../y").unwrap(), data.join("y"));
    for raw in ["data/../private/x", "data/escape/x", "data/dangling", "/etc/passwd", "database"] {
        let err = vm.check_path(Capability::FileRead, raw).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::CapabilityError, "{raw}");
        assert!(err.message().contains("--allow-read="), "{raw}: {}", err.message());
    }
    let msg = vm.check_path(Capability::FileRead, "data/escape/x").unwrap_err();
    assert!(
        msg.message().starts_with(&format!("`file.read` of `{}`", data.join("escape/x").display())),
        "the denial names the path as written: {}",
        msg.message()
    );
    assert!(!msg.message().contains("private"), "nor where its link leads: {}", msg.message());
    assert!(vm
        .check_path(Capability::FileWrite, "data/out")
        .unwrap_err()
        .message()
        .contains("`--allow-write=data/out`"));
}

#[test]
fn hosts_and_variables() {
    let mut g = grants(Flag::Net, Some(&["localhost:8080", "example.org"]));
    g.allow(Flag::Env, Some(&["HOME".to_owned()])).unwrap();
    let vm = vm_with(Policy::new(&g, &Manifest::new()));
    assert!(vm.check_host(Capability::NetworkHttp, "localhost", 8080).is_ok());
    assert!(vm.check_host(Capability::NetworkHttps, "example.org", 443).is_ok());
    let err = vm.check_host(Capability::NetworkHttp, "localhost", 9090).unwrap_err();
    assert_eq!(
        err.message(),
        "`network.http` to `localhost:9090` is not granted; run with `--allow-net=localhost:9090` to grant it"
    );
    assert!(vm.check_var(Capability::EnvRead, "HOME").is_ok());
    assert!(vm.check_var(Capability::EnvWrite, "HOME").is_ok());
    assert_eq!(
        vm.check_var(Capability::EnvRead, "PATH").unwrap_err().message(),
        "`env.read` of variable `PATH` is not granted; run with `--allow-env=PATH` to grant it"
    );
    assert_eq!(
        vm.check_every(Capability::EnvRead).unwrap_err().message(),
        "`env.read` of every variable is not granted; run with `--allow-env` to grant it"
    );
}

#[test]
fn declarations_narrow_what_the_gate_permits() {
    let mut m = Manifest::new();
    m.declare(Declaration {
        resources: Vec::new(),
        allows: vec![Allow {
            operation: Operation::System,
            target: Some("APP_*".to_owned()),
            origin: "main.ml:2".to_owned(),
        }],
    });
    let vm = vm_with(Policy::new(&Grants::all(), &m));
    assert!(vm.check_var(Capability::EnvRead, "APP_MODE").is_ok());
    let err = vm.check_var(Capability::EnvRead, "HOME").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::CapabilityError);
    assert!(err.message().contains("excluded by the program's capability declarations"));
    assert!(vm.check_path(Capability::FileRead, "/etc/hostname").is_err());
    assert!(vm.check_every(Capability::EnvRead).is_err());
}

#[test]
fn introspection_tells_the_truth() {
    let src = r#"
print(hasCapability("file.read"), hasCapability("file.write"), hasCapability("console.write"));
print(getCapabilities());
print(getCapabilityInfo("file.read"));
print(getCapabilityInfo("env.read"), getCapabilityInfo("math.compute"));
"#;
    let g = grants(Flag::Read, Some(&["b", "a"]));
    assert_eq!(
        run(src, Policy::new(&g, &Manifest::new())),
        "true false false\n[\"file.read\"]\n\
         {\"type\": \"file.read\", \"available\": true, \"granted\": [\"b\", \"a\"], \"declared\": null}\n\
         null null\n"
    );
    let all = run(src, Policy::allow_all());
    assert!(all.starts_with("true true false\n[\"env.read\", \"env.write\", \"file.append\", \"file.delete\", \"file.read\", \"file.write\", \"network.http\", \"network.https\"]\n{\"type\": \"file.read\", \"available\": true, \"granted\": null, \"declared\": null}\n{\"type\": \"env.read\""), "{all}");
    assert_eq!(run(src, Policy::deny_all()), "false false false\n[]\nnull\nnull null\n");
    let err = run("hasCapability(1);", Policy::allow_all());
    assert!(err.starts_with("!TypeError: ") && err.contains("hasCapability"), "{err}");
}

#[test]
fn introspection_with_declarations() {
    let mut m = Manifest::new();
    m.declare(Declaration {
        resources: vec!["data/*.json".to_owned()],
        allows: vec![
            Allow { operation: Operation::Read, target: None, origin: "main.ml:1".to_owned() },
            Allow {
                operation: Operation::Network,
                target: Some("https://api.example.com".to_owned()),
                origin: "main.ml:2".to_owned(),
            },
        ],
    });
    let src = r#"
print(getCapabilities());
print(getCapabilityInfo("file.read"));
print(getCapabilityInfo("network.https"), getCapabilityInfo("network.http"));
"#;
    let g = grants(Flag::Read, None);
    let mut g2 = g.clone();
    g2.allow(Flag::Net, None).unwrap();
    assert_eq!(
        run(src, Policy::new(&g2, &m)),
        "[\"file.read\", \"network.https\"]\n\
         {\"type\": \"file.read\", \"available\": true, \"granted\": null, \"declared\": [\"data/*.json\"]}\n\
         {\"type\": \"network.https\", \"available\": true, \"granted\": null, \"declared\": [\"https://api.example.com\"]} null\n"
    );
    // Declared but not granted: not available.
    assert_eq!(run(src, Policy::new(&g, &m)).lines().next(), Some("[\"file.read\"]"));
}
