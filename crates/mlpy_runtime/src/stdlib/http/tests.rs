//! In-process tests of `http` against a server the test starts on 127.0.0.1
//! (`test_server.rs`): every request function, headers, bodies, the response methods,
//! redirects re-checked at every hop, both timeouts and the size limit.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlpy_sandbox::Policy;
use mlpy_syntax::SourceFile;

use super::test_server::{closed_port, Server};
use super::*;
use crate::builtins::BuiltinTable;
use crate::compiler::{compile_module, CompileContext};
use crate::program::{ImportSpec, Program};
use crate::vm::Limits;

#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A VM ready to run `source` (which may import standard modules) under `policy`.
fn vm_for(source: &str, policy: Policy, limits: Limits) -> (Vm, Captured) {
    let file = Rc::new(SourceFile::new("t.ml", source));
    let parsed = mlpy_syntax::parse(&file);
    assert!(!parsed.diagnostics.iter().any(|d| d.is_error()), "does not parse: {source}");
    let builtins = BuiltinTable::new();
    let mut imports = Vec::new();
    let mut resolve = |import: &mlpy_syntax::ast::Import| -> u16 {
        let dotted = import.dotted_name();
        let standard = crate::stdlib::available().find(|&m| m == dotted);
        assert!(standard.is_some(), "only standard modules here");
        imports.push(ImportSpec {
            module: 0,
            standard,
            path: import.path.iter().map(|p| p.name.clone()).collect(),
            alias: import.alias.is_some(),
            file: "t.ml".to_owned(),
        });
        (imports.len() - 1) as u16
    };
    let ctx = CompileContext {
        prelude: &builtins,
        import_index: &mut resolve,
        is_imported_module: false,
        options: Default::default(),
    };
    let main = compile_module(&parsed.module, file, ctx).expect("compiles");
    let program = Rc::new(Program { main, modules: Vec::new(), imports });
    let mut vm = Vm::new(program, limits);
    vm.set_policy(Rc::new(policy));
    let out = Captured::default();
    vm.set_io(Box::new(out.clone()), Box::new(std::io::sink()), Box::new(std::io::empty()));
    (vm, out)
}

/// Runs `source` with `policy`: its output, then `KIND: message` of an uncaught error.
fn run_with(source: &str, policy: Policy, limits: Limits) -> String {
    let (mut vm, out) = vm_for(source, policy, limits);
    let res = vm.run_main();
    let mut text = String::from_utf8(out.0.borrow().clone()).expect("utf-8 output");
    if let Err(e) = res {
        text.push_str(&format!("{}: {}\n", e.kind().name(), e.message()));
    }
    text
}

/// Runs `source` with every capability granted.
fn run(source: &str) -> String {
    run_with(source, Policy::allow_all(), Limits::default())
}

/// `source` with `URL(path)` replaced by the server's URL for `path`.
fn with_urls(server: &Server, source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(i) = rest.find("URL(") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 4..];
        let end = after.find(')').expect("URL(...) is closed");
        out.push('"');
        out.push_str(&server.url(&after[..end]));
        out.push('"');
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

const PRELUDE: &str = "import http;\nimport json;\n";

fn check(server: &Server, body: &str, expected: &str) {
    let source = format!("{PRELUDE}{}", with_urls(server, body));
    let got = run(&source);
    assert_eq!(got, expected, "program:\n{source}");
}

#[test]
fn every_method_reaches_the_server_with_its_body_and_headers() {
    let s = Server::start();
    let ua = concat!("mlpy/", env!("CARGO_PKG_VERSION"));
    check(
        &s,
        r#"
r = http.get(URL(/echo/get), {"X-Test": "one"});
e = r.json();
print(r.status(), r.statusText(), r.ok(), e.method, e.path, e["x-test"], e.body);
print(e["user-agent"]);
print(isinstance(r, "HttpResponse"), typeof(r), r.headers()["content-type"], r.headers()["x-multi"]);
print(json.parse(http.delete(URL(/echo/d), null, 5).text()).method);
h = http.head(URL(/echo/h));
print(h.status(), len(h.body()), h.headers()["content-length"] != null);
print(json.parse(http.post(URL(/echo/p), {body: "plain é"}).body()));
print(json.parse(http.put(URL(/echo/u), {body: {a: [1, true]}, headers: {"X-Test": "two"}}).text()));
print(json.parse(http.patch(URL(/echo/x), {body: [1], headers: {"Content-Type": "text/x"}}).text())["content-type"]);
print(http.post(URL(/echo/n)).json().body, http.put(URL(/echo/n), null).json().method);
r = http.request({url: URL(/echo/r), method: "options", body: "q", timeout: 3});
print(r.json().method, r.json().body);
print(http.request({url: URL(/echo/g)}).json().method);
"#,
        &format!(
            "200 OK true GET /echo/get one \n{ua}\ntrue object application/json a, b\nDELETE\n200 0 true\n\
             {{\"method\": \"POST\", \"path\": \"/echo/p\", \"body\": \"plain é\", \"user-agent\": \"{ua}\", \"content-type\": null, \"x-test\": null, \"authorization\": null}}\n\
             {{\"method\": \"PUT\", \"path\": \"/echo/u\", \"body\": \"{{\\\"a\\\": [1, true]}}\", \"user-agent\": \"{ua}\", \"content-type\": \"application/json\", \"x-test\": \"two\", \"authorization\": null}}\n\
             text/x\n PUT\nOPTIONS q\nGET\n"
        ),
    );
}

#[test]
fn error_statuses_are_responses() {
    let s = Server::start();
    check(
        &s,
        r#"
for (p in ["/status/404", "/status/500", "/nowhere"]) {
    r = http.get(URL() + p);
    print(r.status(), r.statusText(), r.ok(), r.text());
}
r = http.get(URL(/json));
print(r.json(), r.json().b == "é");
try { http.get(URL(/status/404)).json(); } except (e) { print(e.type, e.message); }
"#,
        "404 Not Found false status 404\n500 Internal Server Error false status 500\n\
         404 Not Found false no such route\n{\"a\": [1, 2.5], \"b\": \"é\"} true\n\
         ValueError `HttpResponse.json`: the body is not JSON: unexpected character at position 0\n",
    );
}

#[test]
fn redirects_are_followed_up_to_the_cap() {
    let s = Server::start();
    check(
        &s,
        r#"
print(http.get(URL(/redirect/3)).json().path);
print(http.get(URL(/relative)).json().path);
r = http.post(URL(/see-other), {body: "gone"}).json();
print(r.method, r.body);
r = http.post(URL(/temporary), {body: "kept"}).json();
print(r.method, r.body);
print(http.get(URL(/redirect/9)).status());
try { http.get(URL(/redirect/10)); } except (e) { print(e.type, e.message); }
"#,
        &format!(
            "/echo\n/echo?from=relative\nGET \nPOST kept\n200\n\
             IOError `http.get`: {} redirected more than 10 times\n",
            s.url("/redirect/10")
        ),
    );
}

#[test]
fn every_redirect_hop_is_checked_before_it_is_requested() {
    let s = Server::start();
    let other = Server::start();
    let target = other.url("/echo");
    let source = format!("{PRELUDE}print(http.get(\"{}\").text());", s.url(&format!("/to?{target}")));
    // A gate that grants the first server only.
    let (mut vm, _) = vm_for(&source, Policy::allow_all(), Limits::default());
    let port = s.port;
    let asked = RefCell::new(Vec::new());
    let check = |_: &Vm, url: &Url| -> Result<()> {
        asked.borrow_mut().push((url.capability(), url.host.clone(), url.port));
        if url.port == port {
            Ok(())
        } else {
            Err(RuntimeError::new(ErrorKind::CapabilityError, format!("{}:{} denied", url.host, url.port)))
        }
    };
    let req = Request {
        func: "http.get",
        method: http::Method::GET,
        url: parse_url("http.get", &s.url(&format!("/to?{target}"))).expect("a URL"),
        headers: Vec::new(),
        body: None,
        timeout: Duration::from_secs(5),
    };
    let Err(err) = perform_checked(&mut vm, req, &check) else { panic!("the second hop is denied") };
    assert_eq!(err.kind(), ErrorKind::CapabilityError);
    assert_eq!(err.message(), format!("127.0.0.1:{} denied", other.port));
    assert_eq!(other.hits(), 0, "the denied hop was not requested");
    assert_eq!(
        *asked.borrow(),
        vec![
            (Capability::NetworkHttp, "127.0.0.1".to_owned(), s.port),
            (Capability::NetworkHttp, "127.0.0.1".to_owned(), other.port)
        ]
    );
    // Granted, the same redirect is followed (and the host is lower-cased for the gate).
    let req = Request {
        func: "http.get",
        method: http::Method::GET,
        url: parse_url("http.get", &format!("http://LOCALHOST:{}/to?{target}", s.port)).expect("a URL"),
        headers: Vec::new(),
        body: None,
        timeout: Duration::from_secs(5),
    };
    asked.borrow_mut().clear();
    let allow_all = |_: &Vm, url: &Url| -> Result<()> {
        asked.borrow_mut().push((url.capability(), url.host.clone(), url.port));
        Ok(())
    };
    let r = perform_checked(&mut vm, req, &allow_all).expect("followed");
    let Value::Library(o) = r else { panic!("an HttpResponse") };
    assert!(o.data::<Response>().expect("a response").text.contains("\"/echo\""));
    assert_eq!(asked.borrow()[0].1, "localhost");
    assert_eq!(asked.borrow()[1].2, other.port);
}

#[test]
fn without_a_grant_nothing_is_requested() {
    let s = Server::start();
    let source = with_urls(
        &s,
        r#"import http;
for (f in [http.get, http.delete, http.head, http.post, http.put, http.patch]) {
    try { f(URL(/echo)); } except (e) { print(e.type); }
}
try { http.request({url: "https://127.0.0.1/"}); } except (e) { print(e.type, e.message); }
print(http.encodeURI("a b"));
"#,
    );
    let got = run_with(&source, Policy::deny_all(), Limits::default());
    assert_eq!(s.hits(), 0, "nothing reached the server");
    assert_eq!(
        got,
        "CapabilityError\n".repeat(6)
            + "CapabilityError `network.https` to `127.0.0.1:443` is not granted; run with `--allow-net=127.0.0.1` to grant it\na%20b\n"
    );
}

#[test]
fn invalid_urls_schemes_and_arguments() {
    check(
        &Server::at(closed_port()),
        r#"
for (u in ["example.com/x", "ftp://example.com/", "http://", "http://exa mple.com/", "http://h:99999/", "http://h:/", "/path", "file:///etc/passwd"]) {
    try { http.get(u); } except (e) { print(e.type); }
}
try { http.get(1); } except (e) { print(e.type, e.message); }
try { http.get(URL(/), {"X": 1}); } except (e) { print(e.type, e.message); }
try { http.get(URL(/), {"bad name": "v"}); } except (e) { print(e.type, e.message); }
try { http.get(URL(/), {}, 0); } except (e) { print(e.type, e.message); }
try { http.post(URL(/), {bdy: 1}); } except (e) { print(e.type, e.message); }
try { http.request({method: "GET"}); } except (e) { print(e.type, e.message); }
try { http.request({url: URL(/), method: "NO PE"}); } except (e) { print(e.type, e.message); }
try { http.get(URL(/), {}, 2); } except (e) { print(e.type); }
"#,
        "ValueError\nValueError\nValueError\nValueError\nValueError\nValueError\nValueError\nValueError\n\
         TypeError `http.get` expects a string for `url`, got int\n\
         TypeError `http.get`: the header `X` must be a string, got int\n\
         ValueError `http.get`: `bad name` is not a valid header name\n\
         ValueError `http.get`: timeout must be a positive number of seconds, got 0\n\
         ValueError `http.post`: unknown option \"bdy\"; the options are body, headers, timeout\n\
         ValueError `http.request`: `options.url` is required\n\
         ValueError `http.request`: `NO PE` is not an HTTP method\n\
         IOError\n",
    );
}

#[test]
fn a_slow_server_meets_the_request_timeout_then_the_run_timeout() {
    let s = Server::start();
    let started = Instant::now();
    check(
        &s,
        r#"
try { http.get(URL(/slow/3000), {}, 0.3); } except (e) { print(e.type, e.message); }
print("caught");
"#,
        &format!(
            "IOError `http.get`: GET {} timed out after 0.3 s (pass a longer timeout if the server is slow)\ncaught\n",
            s.url("/slow/3000")
        ),
    );
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());

    // The run's deadline comes first: the run ends (uncatchable), promptly.
    let source = format!(
        "{PRELUDE}try {{ http.get(\"{}\"); }} except (e) {{ print(\"caught\", e.type); }}",
        s.url("/slow/5000")
    );
    let limits = Limits { timeout: Some(Duration::from_millis(400)), ..Limits::default() };
    let started = Instant::now();
    let got = run_with(&source, Policy::allow_all(), limits);
    assert_eq!(got, "LimitExceeded: time limit of 0.4 s exceeded\n");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

#[test]
fn a_body_over_the_limit_is_an_io_error_and_a_body_counts_as_memory() {
    let s = Server::start();
    check(
        &s,
        r#"
for (p in ["/big", "/big-unsized"]) {
    try { http.get(URL() + p); } except (e) { print(e.type, e.message); }
}
"#,
        &format!(
            "IOError `http.get`: the response of {} is larger than http.MAX_RESPONSE_SIZE (10485760 bytes)\n\
             IOError `http.get`: the response of {} is larger than http.MAX_RESPONSE_SIZE (10485760 bytes)\n",
            s.url("/big"),
            s.url("/big-unsized")
        ),
    );
    // Just under the limit is fine.
    check(&s, "print(len(http.get(URL(/size/10485760)).text()));", "10485760\n");
    // A response's bytes count toward the memory limit, at once.
    let source = format!("{PRELUDE}r = http.get(\"{}\");\nprint(\"kept\");", s.url("/size/4000000"));
    let limits = Limits { max_memory: Some(2_000_000), ..Limits::default() };
    let got = run_with(&source, Policy::allow_all(), limits);
    assert!(got.starts_with("LimitExceeded: memory limit"), "{got}");
    // A response's bytes are live heap while it is referenced.
    let source = format!("{PRELUDE}r = http.get(\"{}\");", s.url("/json"));
    let (mut vm, _) = vm_for(&source, Policy::allow_all(), Limits::default());
    let before = vm.heap().stats().live_bytes;
    vm.run_main().expect("runs");
    assert!(vm.heap().stats().live_bytes > before, "the response is counted");
}

#[test]
fn connection_failures_are_io_errors() {
    let port = closed_port();
    let got = run(&format!(
        "{PRELUDE}try {{ http.get(\"http://127.0.0.1:{port}/\"); }} except (e) {{ print(e.type); }}"
    ));
    assert_eq!(got, "IOError\n");
    // TLS is set up (rustls with its crypto provider) and a failed handshake with a
    // server that does not speak it is an IOError too.
    let s = Server::start();
    let got = run(&format!(
        "{PRELUDE}try {{ http.get(\"https://127.0.0.1:{}/echo\", {{}}, 5); }} except (e) {{ print(e.type); }}",
        s.port
    ));
    assert_eq!(got, "IOError\n");
}

#[test]
fn locations_resolve_against_the_current_url() {
    let base = check_url("http://Example.com:8080/a/b?q=1").expect("a URL");
    assert_eq!((base.host.as_str(), base.port), ("example.com", 8080));
    let r = |loc: &str| resolve_location(&base, loc).map(|u| u.to_string());
    assert_eq!(r("https://other.org/x").unwrap(), "https://other.org/x");
    assert_eq!(r("//other.org/y").unwrap(), "http://other.org/y");
    assert_eq!(r("/root").unwrap(), "http://Example.com:8080/root");
    assert_eq!(r("c?d").unwrap(), "http://Example.com:8080/a/c?d");
    assert_eq!(r("?z").unwrap(), "http://Example.com:8080/a/b?z");
    assert!(r("ftp://x/").is_err());
    let https = check_url("HTTPS://h/").expect("a URL");
    assert_eq!((https.port, https.capability()), (443, Capability::NetworkHttps));
    assert_eq!(check_url("http://[::1]:8/").expect("a URL").port, 8);
    assert_eq!(check_url("http://u:p@h:9/").expect("a URL").port, 9);
    assert_eq!(check_url("http://h/#frag").expect("a URL").to_string(), "http://h/");
}
