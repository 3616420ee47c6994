//! The `http` module through the `mlpy` binary, against a server this test starts on
//! 127.0.0.1: denials without a grant or with a grant for another host (nothing reaches
//! the server), and, with grants, a request, a redirect to an ungranted host:port, and
//! `--timeout` ending a run that waits on a slow server (exit status 75).
//!
//! The in-process tests (`mlpy_runtime`'s `stdlib::http::tests`) cover every function,
//! error status, redirect kind, both timeouts and the size limit under a policy that
//! grants everything.

#[path = "../../mlpy_runtime/src/stdlib/http/test_server.rs"]
mod test_server;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use test_server::Server;

const EXIT_RUNTIME_ERROR: i32 = 1;
const EXIT_LIMIT: i32 = 75;

/// Writes `source` to a fresh file and runs `mlpy run OPTIONS FILE`.
fn run(name: &str, source: &str, options: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!("mlpy-http-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file: PathBuf = dir.join("main.ml");
    std::fs::write(&file, source).expect("writes the program");
    let out = Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .arg("run")
        .args(options)
        .arg(&file)
        .output()
        .expect("runs mlpy");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A run that must be denied: exit 1, `CapabilityError` on stderr, no request made.
fn assert_denied(out: &Output, server: &Server) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(EXIT_RUNTIME_ERROR), "stderr: {stderr}");
    assert!(stderr.contains("CapabilityError") && stderr.contains("network.http"), "{stderr}");
    assert_eq!(server.hits(), 0, "a denied request reached the server");
}

#[test]
fn without_allow_net_a_request_is_denied() {
    let s = Server::start();
    let src = format!("import http;\nhttp.get(\"{}\");\n", s.url("/echo"));
    let out = run("deny", &src, &[]);
    assert_denied(&out, &s);
    assert!(text(&out.stderr).contains("--allow-net"), "the message names the flag");
}

#[test]
fn a_grant_for_another_host_denies_this_one() {
    let s = Server::start();
    let src = format!(
        "import http;\ntry {{ http.get(\"{}\"); }} except (e) {{ print(e.type); }}\nhttp.post(\"{}\", {{body: \"x\"}});\n",
        s.url("/echo"),
        s.url("/echo")
    );
    let out = run("other-host", &src, &["--allow-net=other.example.com"]);
    assert_eq!(text(&out.stdout), "CapabilityError\n");
    assert_denied(&out, &s);
}

#[test]
fn a_granted_request_and_a_redirect_to_an_ungranted_port() {
    let s = Server::start();
    let other = Server::start();
    let grant = format!("--allow-net=127.0.0.1:{}", s.port);
    let src = format!(
        "import http;\nr = http.get(\"{}\");\nprint(r.status(), r.json().method);\nhttp.get(\"{}\");\n",
        s.url("/redirect/1"),
        s.url(&format!("/to?{}", other.url("/echo")))
    );
    let out = run("redirect", &src, &[&grant]);
    let stderr = text(&out.stderr);
    assert_eq!(text(&out.stdout), "200 GET\n", "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(EXIT_RUNTIME_ERROR), "stderr: {stderr}");
    assert!(stderr.contains("CapabilityError"), "{stderr}");
    assert!(stderr.contains(&other.port.to_string()), "the denial names the port: {stderr}");
    assert_eq!(other.hits(), 0, "the ungranted hop was not requested");
    // Granting the host (every port) lets the same redirect through.
    let out = run("redirect-granted", &src, &["--allow-net=127.0.0.1"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(other.hits(), 1);
}

#[test]
fn the_run_timeout_ends_a_run_waiting_on_a_slow_server() {
    let s = Server::start();
    let src = format!(
        "import http;\ntry {{ http.get(\"{}\"); }} except (e) {{ print(\"caught\", e.type); }}\n",
        s.url("/slow/20000")
    );
    let started = Instant::now();
    let out = run("timeout", &src, &["-A", "--timeout", "1"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(EXIT_LIMIT), "stderr: {stderr}");
    assert_eq!(text(&out.stdout), "", "a limit is not catchable");
    assert!(stderr.contains("time limit"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(6), "took {:?}", started.elapsed());
}
