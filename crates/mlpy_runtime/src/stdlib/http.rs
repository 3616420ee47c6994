//! `http` (spec §12.12): HTTP requests, URL and query encoding, and the `HttpResponse`
//! library object.
//!
//! Requests are made with `ureq` (blocking HTTP/1.1, rustls for `https:`), with its
//! automatic redirects turned off: this module follows redirects itself so that every
//! hop goes through the capability gate (`Vm::check_host`) before it is requested, and
//! stops after [`MAX_REDIRECTS`] hops with an `IOError`.
//!
//! Each hop runs on a helper thread while the VM thread waits for it with a timeout: the
//! smaller of what is left of the request's `timeout` and of the run's `--timeout`
//! (`Vm::remaining_time`). So neither a slow server nor a name lookup that the system
//! resolver never times out can hold the run past its deadline: past the request's
//! timeout the call raises `IOError`, past the run's it ends the run (`LimitExceeded`).
//! A helper thread left waiting ends by itself when ureq's own timeout (the request's)
//! fires; it holds nothing of the VM.
//!
//! A body is read with a limit of [`MAX_RESPONSE_SIZE`] bytes (one more byte is read to
//! tell that it is too large; nothing more is buffered), and the response's bytes count
//! toward the run's memory limit as the `HttpResponse` object's data.

use std::io::Read;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use mlpy_sandbox::Capability;
use ureq::http;

use super::ModuleDecl;
use crate::dict::{Dict, Key};
use crate::error::{type_error, value_error, ErrorKind, Result, RuntimeError};
use crate::natives::{opt, req, Imp, Kinds, NativeDecl, Param};
use crate::value::{LibraryClass, LibraryObject, Str, Value};
use crate::vm::Vm;

/// `http.DEFAULT_TIMEOUT`: seconds a request may take when no `timeout` is given.
pub const DEFAULT_TIMEOUT: u64 = 30;
/// `http.MAX_RESPONSE_SIZE`: the largest body a response may have, in bytes.
pub const MAX_RESPONSE_SIZE: usize = 10 * 1024 * 1024;
/// Redirects followed by one request before it fails with `IOError`.
pub const MAX_REDIRECTS: usize = 10;
/// The longest timeout a request may be given, in seconds (about 31 years): longer ones
/// are shortened to it (so a deadline is always representable).
const MAX_TIMEOUT_SECS: f64 = 1e9;

const NET: &[Capability] = &[Capability::NetworkHttp, Capability::NetworkHttps];
const URL: Param = req("url", Kinds::STR);
const HEADERS: Param = opt("headers", Kinds::OBJECT.or(Kinds::NULL), "{}");
const TIMEOUT: Param = opt("timeout", Kinds::NUMBER.or(Kinds::NULL), "DEFAULT_TIMEOUT");
const OPTIONS: Param = opt("options", Kinds::OBJECT.or(Kinds::NULL), "{}");

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "http",
    "HTTP requests (network.http, network.https) and URL and query encoding",
    FUNCTIONS,
    constants,
);

static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("get", &[URL, HEADERS, TIMEOUT], "performs a GET request; returns an HttpResponse", get)
        .needs(NET),
    NativeDecl::function("delete", &[URL, HEADERS, TIMEOUT], "performs a DELETE request; returns an HttpResponse", delete)
        .needs(NET),
    NativeDecl::function("head", &[URL, HEADERS, TIMEOUT], "performs a HEAD request; returns an HttpResponse (its body is empty)", head)
        .needs(NET),
    NativeDecl::function(
        "post",
        &[URL, OPTIONS],
        "performs a POST request; options: body (a string as UTF-8, any other value as JSON), headers, timeout",
        post,
    )
    .needs(NET),
    NativeDecl::function("put", &[URL, OPTIONS], "performs a PUT request; options as for post", put).needs(NET),
    NativeDecl::function("patch", &[URL, OPTIONS], "performs a PATCH request; options as for post", patch)
        .needs(NET),
    NativeDecl::function(
        "request",
        &[req("options", Kinds::OBJECT)],
        "performs the request options describes: url (required), method (default \"GET\"), headers, body, timeout",
        request,
    )
    .needs(NET),
    NativeDecl::function(
        "encodeURI",
        &[req("s", Kinds::STR)],
        "s with every UTF-8 byte percent-encoded except unreserved characters and `/`",
        encode_uri,
    ),
    NativeDecl::function(
        "decodeURI",
        &[req("s", Kinds::STR)],
        "s with its percent-encoded UTF-8 bytes decoded",
        decode_uri,
    ),
    NativeDecl::function(
        "encodeQuery",
        &[req("obj", Kinds::OBJECT)],
        "the query string of obj: `k=v` pairs joined by `&`, percent-encoded, spaces as `+`",
        encode_query,
    ),
    NativeDecl::function(
        "parseQuery",
        &[req("q", Kinds::STR)],
        "an object of the query's decoded pairs (a repeated key gives an array)",
        parse_query,
    ),
];

fn constants() -> Vec<(&'static str, Value)> {
    vec![
        ("DEFAULT_TIMEOUT", Value::Int(DEFAULT_TIMEOUT as i64)),
        ("MAX_RESPONSE_SIZE", Value::Int(MAX_RESPONSE_SIZE as i64)),
    ]
}

// ----- the HttpResponse library object ---------------------------------------------------

/// `HttpResponse` (spec §4.1, §12.12): what a request returns.
pub(crate) static HTTP_RESPONSE: LibraryClass = LibraryClass {
    name: "HttpResponse",
    doc: "the response to an HTTP request: status, headers and body",
    methods: &[
        NativeDecl::method("status", &[], "the status code, an int", response_status),
        NativeDecl::method("statusText", &[], "the status's reason phrase (\"Not Found\")", response_status_text),
        NativeDecl::method("headers", &[], "the headers, an object keyed by lower-case names", response_headers),
        NativeDecl::method("body", &[], "the body decoded as UTF-8", response_text),
        NativeDecl::method("text", &[], "the body decoded as UTF-8", response_text),
        NativeDecl::method("ok", &[], "whether the status is 200-299", response_ok),
        NativeDecl::method("json", &[], "the body parsed as by json.parse", response_json),
    ],
    properties: &[],
};

/// The data of an `HttpResponse`.
struct Response {
    status: u16,
    status_text: String,
    /// Lower-case names, in the order received; repeated headers joined by `, `.
    headers: Vec<(String, String)>,
    /// The body decoded as UTF-8 (invalid sequences replaced by U+FFFD).
    text: String,
}

fn response(receiver: &Value) -> &Response {
    match receiver {
        Value::Library(o) => o.data::<Response>().expect("an HttpResponse holds a Response"),
        _ => unreachable!("HttpResponse methods are called on HttpResponse objects"),
    }
}

fn response_status(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(response(receiver).status)))
}

fn response_status_text(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::str(&response(receiver).status_text))
}

fn response_headers(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let r = response(receiver);
    let mut dict = Dict::with_capacity(r.headers.len());
    for (name, value) in &r.headers {
        dict.insert_str(name, Value::str(value));
    }
    Ok(Value::object(dict))
}

fn response_text(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::str(&response(receiver).text))
}

fn response_ok(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Bool((200..300).contains(&response(receiver).status)))
}

fn response_json(vm: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let text = Value::str(&response(receiver).text);
    // `json.parse` itself, found through its declaration (one parser for both).
    let parse = super::declaration("json")
        .and_then(|m| m.function_decls().iter().find(|d| d.name == "parse"))
        .map(|d| d.imp);
    match parse {
        Some(Imp::Function(f)) => f(vm, &[text]).map_err(|e| {
            RuntimeError::new(
                e.kind(),
                format!(
                    "`HttpResponse.json`: the body is not JSON: {}",
                    e.message().trim_start_matches("`json.parse`: ")
                ),
            )
        }),
        _ => unreachable!("the json module declares parse"),
    }
}

// ----- request functions -----------------------------------------------------------------

fn get(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    simple(vm, "http.get", "GET", args)
}

fn delete(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    simple(vm, "http.delete", "DELETE", args)
}

fn head(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    simple(vm, "http.head", "HEAD", args)
}

fn post(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    with_options(vm, "http.post", "POST", args)
}

fn put(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    with_options(vm, "http.put", "PUT", args)
}

fn patch(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    with_options(vm, "http.patch", "PATCH", args)
}

/// `get(url[, headers[, timeout]])` and its kin.
fn simple(vm: &mut Vm, func: &'static str, method: &str, args: &[Value]) -> Result<Value> {
    let url = str_value(&args[0]);
    let headers = match args.get(1) {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => headers_arg(func, v)?,
    };
    let timeout = match args.get(2) {
        None | Some(Value::Null) => default_timeout(),
        Some(v) => timeout_arg(func, v)?,
    };
    let req = Request {
        func,
        method: http::Method::from_bytes(method.as_bytes()).expect("a standard method"),
        url: parse_url(func, url)?,
        headers,
        body: None,
        timeout,
    };
    perform(vm, req)
}

/// `post(url[, options])` and its kin.
fn with_options(vm: &mut Vm, func: &'static str, method: &str, args: &[Value]) -> Result<Value> {
    let url = parse_url(func, str_value(&args[0]))?;
    let method = http::Method::from_bytes(method.as_bytes()).expect("a standard method");
    let options = match args.get(1) {
        None | Some(Value::Null) => Options::default(),
        Some(v) => options_arg(vm, func, v, &["body", "headers", "timeout"])?,
    };
    perform(vm, options.into_request(func, method, url))
}

/// `request(options)`.
fn request(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const FUNC: &str = "http.request";
    let options = options_arg(vm, FUNC, &args[0], &["url", "method", "headers", "body", "timeout"])?;
    let url = match &options.url {
        Some(Value::Str(s)) => parse_url(FUNC, s.as_str())?,
        Some(other) => {
            return Err(type_error(format!(
                "`{FUNC}` expects a string for `options.url`, got {}",
                other.type_name()
            )))
        }
        None => return Err(value_error(format!("`{FUNC}`: `options.url` is required"))),
    };
    let method = match &options.method {
        None => http::Method::GET,
        Some(Value::Str(s)) => method_arg(FUNC, s.as_str())?,
        Some(other) => {
            return Err(type_error(format!(
                "`{FUNC}` expects a string for `options.method`, got {}",
                other.type_name()
            )))
        }
    };
    perform(vm, options.into_request(FUNC, method, url))
}

fn str_value(v: &Value) -> &str {
    match v {
        Value::Str(s) => s.as_str(),
        _ => unreachable!("the declaration accepts only strings here"),
    }
}

/// The fields of an options object (`null` fields count as absent).
#[derive(Default)]
struct Options {
    url: Option<Value>,
    method: Option<Value>,
    headers: Vec<(http::HeaderName, http::HeaderValue)>,
    /// The bytes to send and whether they are JSON.
    body: Option<(Vec<u8>, bool)>,
    timeout: Option<Duration>,
}

impl Options {
    fn into_request(self, func: &'static str, method: http::Method, url: Url) -> Request {
        let mut headers = self.headers;
        let body = self.body.map(|(bytes, json)| {
            let typed = headers.iter().any(|(n, _)| n == http::header::CONTENT_TYPE);
            if json && !typed {
                headers.push((
                    http::header::CONTENT_TYPE,
                    http::HeaderValue::from_static("application/json"),
                ));
            }
            bytes
        });
        Request {
            func,
            method,
            url,
            headers,
            body,
            timeout: self.timeout.unwrap_or_else(default_timeout),
        }
    }
}

/// Reads an options object; a key not in `allowed` is a `ValueError` (a misspelt
/// `heders` would otherwise be ignored without a word).
fn options_arg(vm: &mut Vm, func: &str, v: &Value, allowed: &[&str]) -> Result<Options> {
    let Value::Object(o) = v else {
        return Err(type_error(format!("`{func}` expects an object for `options`, got {}", v.type_name())));
    };
    let entries: Vec<(Value, Value)> =
        o.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut options = Options::default();
    for (key, value) in entries {
        let name = match &key {
            Value::Str(s) if allowed.contains(&s.as_str()) => s.as_str().to_owned(),
            _ => {
                return Err(value_error(format!(
                    "`{func}`: unknown option {}; the options are {}",
                    crate::display::repr(&key),
                    allowed.join(", ")
                )))
            }
        };
        if matches!(value, Value::Null) {
            continue;
        }
        match name.as_str() {
            "url" => options.url = Some(value),
            "method" => options.method = Some(value),
            "headers" => options.headers = headers_arg(func, &value)?,
            "timeout" => options.timeout = Some(timeout_arg(func, &value)?),
            "body" => options.body = Some(body_bytes(vm, &value)?),
            _ => unreachable!("every allowed option is handled"),
        }
    }
    Ok(options)
}

/// A body: a string as its UTF-8 bytes; any other value as its `json.stringify` text.
fn body_bytes(vm: &mut Vm, v: &Value) -> Result<(Vec<u8>, bool)> {
    if let Value::Str(s) = v {
        return Ok((s.as_str().as_bytes().to_vec(), false));
    }
    let stringify = super::declaration("json")
        .and_then(|m| m.function_decls().iter().find(|d| d.name == "stringify"))
        .map(|d| d.imp);
    let text = match stringify {
        Some(Imp::Function(f)) => f(vm, std::slice::from_ref(v))?,
        _ => unreachable!("the json module declares stringify"),
    };
    Ok((str_value(&text).as_bytes().to_vec(), true))
}

/// An object of header names to string values.
fn headers_arg(func: &str, v: &Value) -> Result<Vec<(http::HeaderName, http::HeaderValue)>> {
    let Value::Object(o) = v else {
        return Err(type_error(format!("`{func}` expects an object for `headers`, got {}", v.type_name())));
    };
    let dict = o.dict.borrow();
    let mut out = Vec::with_capacity(dict.len());
    for (k, v) in dict.iter() {
        let name = crate::display::display(k);
        let Value::Str(value) = v else {
            return Err(type_error(format!(
                "`{func}`: the header `{name}` must be a string, got {}",
                v.type_name()
            )));
        };
        let header = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| value_error(format!("`{func}`: `{name}` is not a valid header name")))?;
        let value = http::HeaderValue::from_str(value.as_str()).map_err(|_| {
            value_error(format!(
                "`{func}`: the value of the header `{name}` has a character not allowed in headers"
            ))
        })?;
        out.push((header, value));
    }
    Ok(out)
}

/// A timeout in seconds: a positive number.
fn timeout_arg(func: &str, v: &Value) -> Result<Duration> {
    let secs = match v {
        Value::Int(i) => *i as f64,
        Value::BigInt(_) => MAX_TIMEOUT_SECS,
        Value::Float(x) => *x,
        other => {
            return Err(type_error(format!(
                "`{func}` expects a number of seconds for `timeout`, got {}",
                other.type_name()
            )))
        }
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(value_error(format!(
            "`{func}`: timeout must be a positive number of seconds, got {}",
            crate::display::display(v)
        )));
    }
    Ok(Duration::from_secs_f64(secs.min(MAX_TIMEOUT_SECS)))
}

fn default_timeout() -> Duration {
    Duration::from_secs(DEFAULT_TIMEOUT)
}

fn method_arg(func: &str, m: &str) -> Result<http::Method> {
    let upper = m.to_ascii_uppercase();
    http::Method::from_bytes(upper.as_bytes())
        .ok()
        .filter(|_| !upper.is_empty())
        .ok_or_else(|| value_error(format!("`{func}`: `{m}` is not an HTTP method")))
}

// ----- URLs ------------------------------------------------------------------------------

/// A URL checked to be `http:` or `https:` with a host.
#[derive(Clone, Debug)]
struct Url {
    uri: http::Uri,
    https: bool,
    /// Lower-cased, as the gate matches it.
    host: String,
    port: u16,
}

impl Url {
    fn capability(&self) -> Capability {
        if self.https {
            Capability::NetworkHttps
        } else {
            Capability::NetworkHttp
        }
    }

    fn scheme(&self) -> &'static str {
        if self.https {
            "https"
        } else {
            "http"
        }
    }

    /// The same host, port and scheme (headers such as `Authorization` stay only then).
    fn same_origin(&self, other: &Url) -> bool {
        self.https == other.https && self.host == other.host && self.port == other.port
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.uri)
    }
}

/// Why a URL is not one this module can request.
fn check_url(text: &str) -> std::result::Result<Url, String> {
    // The fragment is never sent.
    let text = text.split('#').next().unwrap_or_default();
    let uri: http::Uri = text.parse().map_err(|e| format!("`{text}` is not a valid URL ({e})"))?;
    let https = match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("http") => false,
        Some("https") => true,
        Some(other) => {
            return Err(format!(
                "`{text}` has the unsupported scheme `{other}`: only http and https are supported"
            ))
        }
        None => {
            return Err(format!(
                "`{text}` is not an absolute URL: write it as http://host/path or https://host/path"
            ))
        }
    };
    let host = match uri.host() {
        Some(h) if !h.is_empty() => h.to_ascii_lowercase(),
        _ => return Err(format!("`{text}` has no host")),
    };
    // `Uri::port` is `None` for a port that is not a number: read it from the text.
    let authority = uri.authority().map_or("", |a| a.as_str());
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let port_text = match host_port.rfind(']') {
        Some(close) => host_port[close + 1..].strip_prefix(':'),
        None => host_port.split_once(':').map(|(_, p)| p),
    };
    let port = match port_text {
        None => {
            if https {
                443
            } else {
                80
            }
        }
        Some(p) => p.parse::<u16>().map_err(|_| format!("`{text}` has the invalid port `{p}`"))?,
    };
    Ok(Url { uri, https, host, port })
}

fn parse_url(func: &str, text: &str) -> Result<Url> {
    check_url(text).map_err(|e| value_error(format!("`{func}`: {e}")))
}

/// The URL a `Location` header leads to from `base` (RFC 3986 §5.2, without removing
/// dot segments: the host, which the gate checks, never depends on them).
fn resolve_location(base: &Url, location: &str) -> std::result::Result<Url, String> {
    let location = location.trim();
    let authority = base.uri.authority().map_or("", |a| a.as_str());
    let scheme = base.scheme();
    let has_scheme = location
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)));
    let absolute = if has_scheme {
        location.to_owned()
    } else if location.starts_with("//") {
        format!("{scheme}:{location}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else if location.starts_with('?') {
        format!("{scheme}://{authority}{}{location}", base.uri.path())
    } else {
        let path = base.uri.path();
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        format!("{scheme}://{authority}{dir}{location}")
    };
    check_url(&absolute)
}

// ----- performing a request --------------------------------------------------------------

/// A request as the caller asked for it.
struct Request {
    func: &'static str,
    method: http::Method,
    url: Url,
    headers: Vec<(http::HeaderName, http::HeaderValue)>,
    body: Option<Vec<u8>>,
    timeout: Duration,
}

/// What a helper thread brings back from one hop.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    /// The `Location` of a redirect (whose body is not read).
    location: Option<String>,
    body: Vec<u8>,
}

enum HopError {
    TimedOut,
    TooLarge,
    Failed(String),
}

/// The one client of the process: ureq's redirects off (this module follows them,
/// checking each hop), statuses >= 400 returned as responses, no proxy from the
/// environment (the host the gate checks is the host connected to).
fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(concat!("mlpy/", env!("CARGO_PKG_VERSION")))
            .proxy(None)
            .allow_non_standard_methods(true)
            .build()
            .new_agent()
    })
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

fn perform(vm: &mut Vm, req: Request) -> Result<Value> {
    let check = |vm: &Vm, url: &Url| vm.check_host(url.capability(), &url.host, url.port);
    perform_checked(vm, req, &check)
}

/// Performs `req`, following redirects; `check` is asked about every hop's URL before it
/// is requested (the gate; tests give narrower ones).
fn perform_checked(
    vm: &mut Vm,
    req: Request,
    check: &dyn Fn(&Vm, &Url) -> Result<()>,
) -> Result<Value> {
    let Request { func, mut method, mut url, mut headers, mut body, timeout } = req;
    let deadline = Instant::now().checked_add(timeout);
    let first = url.clone();
    for _hop in 0..=MAX_REDIRECTS {
        check(vm, &url)?;
        let left = deadline.map_or(timeout, |d| d.saturating_duration_since(Instant::now()));
        let reply = hop(vm, func, &method, &url, &headers, body.clone(), left, timeout)?;
        let location = match &reply.location {
            Some(l) if is_redirect(reply.status) => l.clone(),
            _ => {
                let response = make_response(reply);
                // The body now counts as live heap: the memory limit applies at once.
                vm.safepoint()?;
                return Ok(response);
            }
        };
        let next = resolve_location(&url, &location).map_err(|e| {
            io_error(format!("`{func}`: {url} redirected to an unusable location: {e}"))
        })?;
        // 303, and 301/302 after a POST, continue as GET without the body (as browsers
        // and curl do); 307 and 308 repeat the request as it was.
        let to_get = reply.status == 303 && method != http::Method::HEAD
            || matches!(reply.status, 301 | 302) && method == http::Method::POST;
        if to_get {
            method = http::Method::GET;
            body = None;
            headers.retain(|(n, _)| {
                n != http::header::CONTENT_TYPE && n != http::header::CONTENT_LENGTH
            });
        }
        if !next.same_origin(&url) {
            headers.retain(|(n, _)| {
                n != http::header::AUTHORIZATION
                    && n != http::header::COOKIE
                    && n != http::header::PROXY_AUTHORIZATION
            });
        }
        url = next;
    }
    Err(io_error(format!("`{func}`: {first} redirected more than {MAX_REDIRECTS} times")))
}

/// Runs one hop on a helper thread and waits for it no longer than `left` (what remains
/// of the request's timeout) and the run's remaining time.
#[allow(clippy::too_many_arguments)]
fn hop(
    vm: &Vm,
    func: &str,
    method: &http::Method,
    url: &Url,
    headers: &[(http::HeaderName, http::HeaderValue)],
    body: Option<Vec<u8>>,
    left: Duration,
    timeout: Duration,
) -> Result<Reply> {
    let run_left = vm.remaining_time();
    if run_left.is_some_and(|r| r.is_zero()) {
        return Err(vm.time_limit_error());
    }
    let timed_out = || {
        io_error(format!(
            "`{func}`: {method} {url} timed out after {} s (pass a longer timeout if the server is slow)",
            crate::support::float_text::format_float(timeout.as_secs_f64())
        ))
    };
    if left.is_zero() {
        return Err(timed_out());
    }
    let mut builder = http::Request::builder().method(method.clone()).uri(url.uri.clone());
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let (tx, rx) = mpsc::sync_channel(1);
    let agent = agent().clone();
    let started = std::thread::Builder::new().name("mlpy-http".to_owned()).spawn(move || {
        let result = match body {
            Some(bytes) => builder.body(bytes).map_err(|e| HopError::Failed(e.to_string())).and_then(|r| {
                let r = agent.configure_request(r).timeout_global(Some(left)).build();
                read_reply(agent.run(r))
            }),
            None => builder.body(()).map_err(|e| HopError::Failed(e.to_string())).and_then(|r| {
                let r = agent.configure_request(r).timeout_global(Some(left)).build();
                read_reply(agent.run(r))
            }),
        };
        let _ = tx.send(result);
    });
    if let Err(e) = started {
        return Err(io_error(format!("`{func}`: could not start the request: {e}")));
    }
    let wait = run_left.map_or(left, |r| r.min(left));
    match rx.recv_timeout(wait) {
        Ok(Ok(reply)) => Ok(reply),
        Ok(Err(HopError::TimedOut)) => Err(timed_out()),
        Ok(Err(HopError::TooLarge)) => Err(io_error(format!(
            "`{func}`: the response of {url} is larger than http.MAX_RESPONSE_SIZE ({MAX_RESPONSE_SIZE} bytes)"
        ))),
        Ok(Err(HopError::Failed(e))) => {
            Err(io_error(format!("`{func}`: {method} {url} failed: {e}")))
        }
        Err(RecvTimeoutError::Timeout) if run_left.is_some_and(|r| r <= left) => {
            Err(vm.time_limit_error())
        }
        Err(RecvTimeoutError::Timeout) => Err(timed_out()),
        Err(RecvTimeoutError::Disconnected) => {
            Err(io_error(format!("`{func}`: {method} {url} failed: the request thread stopped")))
        }
    }
}

/// On the helper thread: the status and headers, then the body (not for a redirect),
/// read with the size limit.
fn read_reply(
    res: std::result::Result<http::Response<ureq::Body>, ureq::Error>,
) -> std::result::Result<Reply, HopError> {
    let response = res.map_err(hop_error)?;
    let status = response.status().as_u16();
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in response.headers() {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        match headers.iter_mut().find(|(n, _)| n == name.as_str()) {
            Some((_, v)) => {
                v.push_str(", ");
                v.push_str(&value);
            }
            None => headers.push((name.as_str().to_owned(), value)),
        }
    }
    let location = response
        .headers()
        .get(http::header::LOCATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if is_redirect(status) && location.is_some() {
        return Ok(Reply { status, headers, location, body: Vec::new() });
    }
    let declared = response
        .headers()
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_RESPONSE_SIZE as u64) {
        return Err(HopError::TooLarge);
    }
    let mut body = Vec::with_capacity(declared.map_or(0, |n| n as usize));
    let reader = response.into_body().into_reader();
    reader
        .take(MAX_RESPONSE_SIZE as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::TimedOut => HopError::TimedOut,
            _ => HopError::Failed(e.to_string()),
        })?;
    if body.len() > MAX_RESPONSE_SIZE {
        return Err(HopError::TooLarge);
    }
    Ok(Reply { status, headers, location, body })
}

fn hop_error(e: ureq::Error) -> HopError {
    match e {
        ureq::Error::Timeout(_) => HopError::TimedOut,
        ureq::Error::BodyExceedsLimit(_) => HopError::TooLarge,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => HopError::TimedOut,
        ureq::Error::Io(io) => HopError::Failed(io.to_string()),
        ureq::Error::HostNotFound => HopError::Failed("the host name was not found".to_owned()),
        other => HopError::Failed(other.to_string()),
    }
}

/// The `HttpResponse` of a final reply; its bytes count toward the memory limit.
fn make_response(reply: Reply) -> Value {
    let text = match String::from_utf8(reply.body) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    let status_text = http::StatusCode::from_u16(reply.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
        .to_owned();
    let bytes = text.capacity()
        + status_text.capacity()
        + reply.headers.iter().map(|(n, v)| n.capacity() + v.capacity() + 48).sum::<usize>();
    let data = Response { status: reply.status, status_text, headers: reply.headers, text };
    Value::Library(LibraryObject::new(&HTTP_RESPONSE, data, bytes))
}

#[cold]
fn io_error(msg: String) -> RuntimeError {
    RuntimeError::new(ErrorKind::IOError, msg)
}

// ----- URL and query encoding ------------------------------------------------------------

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes every byte of `s` but those `keep` accepts; `space_plus` writes a
/// space as `+`.
fn percent_encode(func: &str, s: &str, keep: impl Fn(u8) -> bool, space_plus: bool) -> Result<String> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // The result's size is known (three bytes for each encoded one): reserved first.
    let encoded = s.bytes().filter(|&b| !(keep(b) || space_plus && b == b' ')).count();
    let len = s.len() + 2 * encoded;
    crate::heap::reserve_for(len as u64, func)?;
    let mut out = String::with_capacity(len);
    for &b in s.as_bytes() {
        if keep(b) {
            out.push(b as char);
        } else if space_plus && b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    Ok(out)
}

/// Decodes `%XX` sequences (and `+` as a space when `plus_space`); the bytes must make
/// UTF-8 text. `offset` gives the position of `s` in the text the caller was given (in characters); it
/// is only computed for an error message, so that decoding the pieces of a long query
/// stays linear.
fn percent_decode(
    func: &str,
    s: &str,
    plus_space: bool,
    offset: impl Fn() -> usize,
) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = |j: usize| bytes.get(j).and_then(|&b| (b as char).to_digit(16));
                let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) else {
                    let end = s.char_indices().map(|(k, _)| k).find(|&k| k >= i + 3).unwrap_or(s.len());
                    return Err(value_error(format!(
                        "`{func}`: `{}` at position {} is not a percent-encoded byte (%XX)",
                        &s[i..end.max(i + 1).min(s.len())],
                        offset() + s[..i].chars().count()
                    )));
                };
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' if plus_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out)
        .map_err(|_| value_error(format!("`{func}`: the decoded bytes are not UTF-8 text")))
}

fn encode_uri(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = str_value(&args[0]);
    Ok(Value::string(percent_encode("`http.encodeURI`", s, |b| is_unreserved(b) || b == b'/', false)?))
}

fn decode_uri(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::string(percent_decode("http.decodeURI", str_value(&args[0]), false, || 0)?))
}

/// The text of a query value: strings as they are, numbers and booleans as `str` shows
/// them.
fn query_text(key: &str, v: &Value) -> Result<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) => {
            Ok(crate::display::display(v))
        }
        other => Err(value_error(format!(
            "`http.encodeQuery`: the value of `{key}` is {}; a query value is a string, a number, a boolean or an array of them",
            other.type_name()
        ))),
    }
}

fn encode_query(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Object(o) = &args[0] else { unreachable!("the declaration accepts only objects") };
    const FUNC: &str = "`http.encodeQuery`";
    let enc = |s: &str| percent_encode(FUNC, s, is_unreserved, true);
    let mut pairs = Vec::new();
    // The text so far, not counted yet: each pair is checked with it (a long key with an
    // array of many values repeats the key in every pair).
    let mut total = 0u64;
    for (k, v) in o.dict.borrow().iter() {
        let key = crate::display::display(k);
        let key_text = enc(&key)?;
        let values = match v {
            Value::Array(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        for item in &values {
            let value_text = enc(&query_text(&key, item)?)?;
            total += (key_text.len() + value_text.len() + 2) as u64;
            crate::heap::reserve_for(total, FUNC)?;
            crate::heap::tick()?;
            pairs.push(format!("{key_text}={value_text}"));
        }
    }
    Ok(Value::string(pairs.join("&")))
}

fn parse_query(_: &mut Vm, args: &[Value]) -> Result<Value> {
    const FUNC: &str = "http.parseQuery";
    let full = str_value(&args[0]);
    let q = full.strip_prefix('?').unwrap_or(full);
    // Where `part` (a slice of the argument) starts, in characters.
    let at = |part: &str| full[..part.as_ptr() as usize - full.as_ptr() as usize].chars().count();
    let mut dict = Dict::default();
    for piece in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = piece.split_once('=').unwrap_or((piece, &piece[piece.len()..]));
        let key = Key::string(Str::from_string(percent_decode(FUNC, k, true, || at(k))?));
        let value = Value::string(percent_decode(FUNC, v, true, || at(v))?);
        crate::heap::tick()?;
        match dict.get(&key).cloned() {
            None => dict.insert(key, value),
            Some(Value::Array(items)) => items.push(value),
            Some(first) => dict.insert(key, Value::array(vec![first, value])),
        }
    }
    Ok(Value::object(dict))
}

#[cfg(test)]
mod test_server;
#[cfg(test)]
mod tests;
