//! The capability gate as the standard modules use it.
//!
//! * Every native of every standard module that declares a capability is called with
//!   plausible arguments under the default policy (nothing granted): each call must raise
//!   `CapabilityError`, and the file system and the environment must be left as they were.
//! * Under a full grant, reads stay within the run's limits: `/dev/zero` stops at
//!   `--max-memory`, a FIFO without a writer at `--timeout`.

mod support;

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlpy_runtime::compiler::CompileOptions;
use mlpy_runtime::natives::{Arity, Kinds, NativeDecl, NativeFunction, Param};
use mlpy_runtime::program::Program;
use mlpy_runtime::stdlib::MODULES;
use mlpy_runtime::vm::{Limits, Vm};
use mlpy_runtime::{ErrorKind, Value};
use mlpy_sandbox::Policy;

fn vm(limits: Limits) -> Vm {
    let main = support::compile("x = 1;", CompileOptions::default()).expect("compiles");
    Vm::new(Rc::new(Program { main, modules: Vec::new(), imports: Vec::new() }), limits)
}

/// A fresh directory of its own under the system's temporary directory.
fn scratch(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("mlpy-cap-{tag}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Every path below `dir` with its content (directories: `None`), sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            out.push((p.clone(), None));
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), Some(std::fs::read(&p).expect("read"))));
        }
    }
    out.sort();
    out
}

/// A plausible argument for parameter number `i` of a native: the string parameters name
/// things that exist or would be created in `dir` (an existing file, a new file, a new
/// directory, a glob pattern), so that a call that got through would leave a trace.
fn argument(p: &Param, i: usize, dir: &Path, var: &str, native: &str) -> Value {
    let in_dir = |name: &str| Value::string(dir.join(name).to_string_lossy().into_owned());
    // A request that got through would reach the discard port of this machine.
    let url = "http://127.0.0.1:9/mlpy-capability-test";
    if p.accepts.contains(Kinds::OBJECT) && !p.accepts.contains(Kinds::STR) {
        let mut fields = mlpy_runtime::dict::Dict::with_capacity(2);
        if p.name == "options" {
            if native == "http.request" {
                fields.insert_str("url", Value::str(url));
            }
            fields.insert_str("body", Value::str("payload"));
        }
        return Value::object(fields);
    }
    if p.accepts.contains(Kinds::STR) && native.starts_with("http.") {
        return Value::str(url);
    }
    if p.accepts.contains(Kinds::STR) {
        if native.starts_with("env.") {
            return if i == 0 { Value::str(var) } else { Value::str("value") };
        }
        return match (p.name, i) {
            ("enc", _) => Value::str("utf-8"),
            ("delimiter", _) => Value::str(","),
            ("pattern", _) => in_dir("*"),
            (_, 0) if native.contains("Dir") => in_dir("sub"),
            (_, 0) => in_dir("existing.txt"),
            _ => in_dir("new.txt"),
        };
    }
    if p.accepts.contains(Kinds::ARRAY) {
        return Value::array(vec![Value::Int(65)]);
    }
    if p.accepts.contains(Kinds::INT) {
        return Value::Int(if p.name == "timeout" { 5 } else { -1 });
    }
    if p.accepts.contains(Kinds::BOOL) {
        return Value::Bool(true);
    }
    Value::str("value")
}

/// Argument lists for `decl`: the required parameters only, then every parameter.
fn argument_lists(decl: &NativeDecl, dir: &Path, var: &str, native: &str) -> Vec<Vec<Value>> {
    let required: Vec<Value> = decl
        .params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.arity == Arity::Required)
        .map(|(i, p)| argument(p, i, dir, var, native))
        .collect();
    let all: Vec<Value> =
        decl.params.iter().enumerate().map(|(i, p)| argument(p, i, dir, var, native)).collect();
    vec![required, all]
}

#[test]
fn every_native_that_needs_a_capability_is_denied_without_a_grant_and_has_no_effect() {
    let dir = scratch("denied");
    std::fs::write(dir.join("existing.txt"), b"keep").expect("fixture");
    std::fs::create_dir(dir.join("sub")).expect("fixture");
    std::fs::write(dir.join("sub/inner.txt"), b"keep too").expect("fixture");
    let var = format!("MLPY_CAP_TEST_{}", std::process::id());
    let before = snapshot(&dir);
    let mut vm = vm(Limits::default());
    let mut checked = Vec::new();
    let mut failures = Vec::new();
    for module in MODULES {
        for decl in module.function_decls() {
            if decl.capabilities.is_empty() {
                continue;
            }
            let qualified = format!("{}.{}", module.name, decl.name);
            let f = NativeFunction::declared(Some(module.name), decl);
            for args in argument_lists(decl, &dir, &var, &qualified) {
                match f.call(&mut vm, &args) {
                    Err(e) if e.kind() == ErrorKind::CapabilityError => {
                        let named =
                            decl.capabilities.iter().any(|c| e.message().contains(c.name()));
                        if !named {
                            failures.push(format!(
                                "{qualified}: the message names no capability: {}",
                                e.message()
                            ));
                        }
                    }
                    Err(e) => failures.push(format!(
                        "{qualified}: {} instead of CapabilityError: {}",
                        e.kind().name(),
                        e.message()
                    )),
                    Ok(v) => failures.push(format!(
                        "{qualified}: succeeded ({}) without a grant",
                        v.type_name()
                    )),
                }
            }
            checked.push(qualified);
        }
    }
    let after = snapshot(&dir);
    let env_touched = std::env::var_os(&var).is_some();
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(before, after, "a denied call changed the file system");
    assert!(!env_touched, "a denied call set an environment variable");
    for expected in ["file.read", "file.copy", "file.move", "path.glob", "path.removeDirRecursive"]
    {
        assert!(checked.iter().any(|c| c == expected), "{expected} was not checked: {checked:?}");
    }
    for expected in ["env.get", "env.all", "env.set", "env.delete"] {
        assert!(checked.iter().any(|c| c == expected), "{expected} was not checked: {checked:?}");
    }
}

fn call(vm: &mut Vm, qualified: &str, args: &[Value]) -> mlpy_runtime::error::Result<Value> {
    let (module, name) = qualified.split_once('.').expect("module.function");
    let m = MODULES.iter().find(|m| m.name == module).expect("module");
    let decl = m.function_decls().iter().find(|d| d.name == name).expect("function");
    NativeFunction::declared(Some(m.name), decl).call(vm, args)
}

#[test]
fn reading_an_endless_device_stops_at_the_memory_limit() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let limits = Limits { max_memory: Some(8 << 20), ..Limits::default() };
    let mut vm = vm(limits);
    vm.set_policy(Rc::new(Policy::allow_all()));
    for func in ["file.read", "file.readLines", "file.readBytes"] {
        let err = call(&mut vm, func, &[Value::str("/dev/zero")]).expect_err(func);
        assert_eq!(err.kind(), ErrorKind::LimitExceeded, "{func}: {}", err.message());
        assert!(err.message().contains("memory limit"), "{}", err.message());
    }
}

#[cfg(unix)]
#[test]
fn reading_a_fifo_without_a_writer_stops_at_the_time_limit() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe");
    let fifo2 = dir.join("pipe2");
    let made = std::process::Command::new("mkfifo").arg(&fifo).arg(&fifo2).status();
    if !made.is_ok_and(|s| s.success()) {
        std::fs::remove_dir_all(&dir).expect("clean up");
        return; // no mkfifo here
    }
    let limits = Limits { timeout: Some(Duration::from_millis(300)), ..Limits::default() };
    let mut vm = vm(limits);
    vm.set_policy(Rc::new(Policy::allow_all()));
    let start = Instant::now();
    let raw = fifo.to_string_lossy().into_owned();
    let err = call(&mut vm, "file.read", &[Value::string(raw)]).expect_err("blocked");
    assert_eq!(err.kind(), ErrorKind::LimitExceeded, "{}", err.message());
    assert!(start.elapsed() < Duration::from_secs(5), "waited {:?}", start.elapsed());
    // Writing a FIFO without a reader is bounded the same way (the deadline has passed).
    let raw2 = Value::string(fifo2.to_string_lossy().into_owned());
    let err = call(&mut vm, "file.write", &[raw2, Value::str("x")]).expect_err("w");
    assert_eq!(err.kind(), ErrorKind::LimitExceeded, "{}", err.message());
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[cfg(unix)]
#[test]
fn granted_calls_work_on_the_file_system() {
    let dir = scratch("granted");
    let mut vm = vm(Limits::default());
    vm.set_policy(Rc::new(Policy::allow_all()));
    let p = |name: &str| Value::string(dir.join(name).to_string_lossy().into_owned());
    call(&mut vm, "file.write", &[p("a/b.txt"), Value::str("one\ntwo\n")]).expect("write");
    let lines = call(&mut vm, "file.readLines", &[p("a/b.txt")]).expect("readLines");
    assert_eq!(mlpy_runtime::display::display(&lines), "[\"one\", \"two\"]");
    call(&mut vm, "file.copy", &[p("a/b.txt"), p("c.txt")]).expect("copy");
    // Links inside the tree are not followed out of it, by walk, glob or removal.
    let outside = scratch("outside");
    std::fs::write(outside.join("keep.txt"), b"keep").expect("fixture");
    std::os::unix::fs::symlink(&outside, dir.join("a/link")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("keep.txt"), dir.join("a/file-link")).expect("symlink");
    let walked = call(&mut vm, "path.walk", &[p("")]).expect("walk");
    assert_eq!(
        mlpy_runtime::display::display(&walked),
        "[\"a/b.txt\", \"a/file-link\", \"c.txt\"]"
    );
    let pattern = Value::string(format!("{}/**", dir.display()));
    let globbed = call(&mut vm, "path.glob", &[pattern]).expect("glob");
    let text = mlpy_runtime::display::display(&globbed);
    assert!(text.contains("a/link\"") && !text.contains("keep.txt"), "{text}");
    call(&mut vm, "path.removeDirRecursive", &[p("a")]).expect("remove");
    assert!(outside.join("keep.txt").exists(), "removeDirRecursive followed a link");
    assert!(!dir.join("a").exists());
    std::fs::remove_dir_all(&dir).expect("clean up");
    std::fs::remove_dir_all(&outside).expect("clean up");
}

/// Regression: `file.move` of a link renamed the link's target, so a link in the
/// writable directory took a file away from a directory granted only for reading.
#[test]
fn moving_a_link_moves_the_link_not_its_target() {
    use mlpy_sandbox::{Flag, Grants, Manifest};
    let dir = std::fs::canonicalize(scratch("move-link")).expect("canonical");
    let (ro, w) = (dir.join("ro"), dir.join("w"));
    std::fs::create_dir_all(&ro).expect("fixture");
    std::fs::create_dir_all(&w).expect("fixture");
    std::fs::write(ro.join("f"), "precious").expect("fixture");
    std::os::unix::fs::symlink(ro.join("f"), w.join("l")).expect("symlink");
    let (ro_s, w_s) = (ro.to_string_lossy().into_owned(), w.to_string_lossy().into_owned());
    let mut g = Grants::new();
    g.allow(Flag::Read, Some(&[ro_s, w_s.clone()])).expect("grant");
    g.allow(Flag::Write, Some(&[w_s])).expect("grant");
    let mut vm = vm(Limits::default());
    vm.set_policy(Rc::new(Policy::new(&g, &Manifest::new())));
    let p = |path: PathBuf| Value::string(path.to_string_lossy().into_owned());
    call(&mut vm, "file.move", &[p(w.join("l")), p(w.join("moved"))]).expect("move");
    assert_eq!(std::fs::read_to_string(ro.join("f")).expect("still there"), "precious");
    let moved = std::fs::symlink_metadata(w.join("moved")).expect("moved");
    assert!(moved.file_type().is_symlink());
    assert!(std::fs::symlink_metadata(w.join("l")).is_err());
    // Deleting through the file itself is still refused.
    let err = call(&mut vm, "file.delete", &[p(ro.join("f"))]).expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::CapabilityError);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[cfg(unix)]
#[test]
fn hashing_a_file_streams_it_and_stops_at_the_time_limit() {
    let dir = scratch("hash");
    // A file of several read chunks hashes as its content does.
    let content = "0123456789abcdef".repeat(40_000);
    std::fs::write(dir.join("big.txt"), &content).expect("fixture");
    let mut granted = vm(Limits::default());
    granted.set_policy(Rc::new(Policy::allow_all()));
    let raw = Value::string(dir.join("big.txt").to_string_lossy().into_owned());
    for algo in ["sha256", "sha1", "md5"] {
        let from_file =
            call(&mut granted, "crypto.hash_file", &[raw.clone(), Value::str(algo)]).expect("hash");
        let from_text =
            call(&mut granted, &format!("crypto.{algo}"), &[Value::str(&content)]).expect("hash");
        assert_eq!(
            mlpy_runtime::display::display(&from_file),
            mlpy_runtime::display::display(&from_text),
            "{algo}"
        );
    }
    // An endless device and a FIFO without a writer end at the deadline.
    let fifo = dir.join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    for path in ["/dev/zero".to_owned(), fifo.to_string_lossy().into_owned()] {
        if !Path::new(&path).exists()
            || (path.ends_with("pipe") && !made.as_ref().is_ok_and(|s| s.success()))
        {
            continue;
        }
        let limits = Limits { timeout: Some(Duration::from_millis(300)), ..Limits::default() };
        let mut vm = vm(limits);
        vm.set_policy(Rc::new(Policy::allow_all()));
        let start = Instant::now();
        let err =
            call(&mut vm, "crypto.hash_file", &[Value::string(path.clone())]).expect_err(&path);
        assert_eq!(err.kind(), ErrorKind::LimitExceeded, "{path}: {}", err.message());
        assert!(start.elapsed() < Duration::from_secs(5), "{path}: waited {:?}", start.elapsed());
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}
