//! A tiny HTTP/1.1 server on 127.0.0.1 for the `http` module's tests (the runtime's unit
//! tests and the `mlpy` binary's tests include this file). Standard library only; one
//! thread per connection; every response closes its connection.
//!
//! Routes:
//! * `/echo…` — 200, a JSON object of the request: `method`, `path`, `body`, and the
//!   headers `user-agent`, `content-type`, `x-test`, `authorization`;
//! * `/status/CODE` — that status, body `status CODE`;
//! * `/json` — 200, `{"a": [1, 2.5], "b": "é"}` as `application/json`;
//! * `/redirect/N` — 302 to `/redirect/N-1`, and `/redirect/0` to `/echo`;
//! * `/see-other` — 303 to `/echo`; `/temporary` — 307 to `/echo`;
//! * `/relative` — 302 to `echo?from=relative` (a relative reference);
//! * `/to?URL` — 302 to URL (percent-decoding not needed: the tests pass plain URLs);
//! * `/slow/MS` — waits MS milliseconds, then 200 `slow`;
//! * `/size/N` — 200, a body of N bytes `x`;
//! * `/big` — a body one byte over 10 MiB with its `Content-Length`;
//! * `/big-unsized` — the same body without a length, ended by closing the connection;
//! * anything else — 404.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// A running server; `port` is its port on 127.0.0.1. It runs until the process ends.
pub struct Server {
    pub port: u16,
    /// Connections accepted so far.
    hits: Arc<AtomicUsize>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binds a port on 127.0.0.1");
        let port = listener.local_addr().expect("has an address").port();
        let hits = Arc::new(AtomicUsize::new(0));
        let counted = hits.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counted.fetch_add(1, Ordering::SeqCst);
                thread::spawn(move || {
                    let _ = serve(stream);
                });
            }
        });
        Server { port, hits }
    }

    /// How many connections the server has accepted.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// A server value for `port` where nothing may listen (for URLs only).
    pub fn at(port: u16) -> Server {
        Server { port, hits: Arc::new(AtomicUsize::new(0)) }
    }

    /// `http://127.0.0.1:PORT/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then released).
pub fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("binds");
    l.local_addr().expect("has an address").port()
}

pub const BIG: usize = 10 * 1024 * 1024 + 1;

struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn read_request(stream: &TcpStream) -> std::io::Result<Request> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((n, v)) = h.split_once(':') {
            headers.push((n.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let mut req = Request { method, path, headers, body: Vec::new() };
    let len: usize = req.header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body)?;
    req.body = body;
    Ok(req)
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn respond(
    mut stream: &TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn redirect(stream: &TcpStream, status: &str, to: &str) -> std::io::Result<()> {
    respond(stream, status, &[("Location", to.to_owned())], b"moved")
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    let req = read_request(&stream)?;
    let path = req.path.clone();
    if path.starts_with("/echo") {
        let field = |name: &str| req.header(name).map_or("null".to_owned(), json_string);
        let body = format!(
            "{{\"method\": {}, \"path\": {}, \"body\": {}, \"user-agent\": {}, \"content-type\": {}, \"x-test\": {}, \"authorization\": {}}}",
            json_string(&req.method),
            json_string(&path),
            json_string(&String::from_utf8_lossy(&req.body)),
            field("user-agent"),
            field("content-type"),
            field("x-test"),
            field("authorization"),
        );
        let headers = [
            ("Content-Type", "application/json".to_owned()),
            ("X-Multi", "a".to_owned()),
            ("X-Multi", "b".to_owned()),
        ];
        return respond(&stream, "200 OK", &headers, body.as_bytes());
    }
    if let Some(code) = path.strip_prefix("/status/") {
        let reason = match code {
            "404" => "Not Found",
            "500" => "Internal Server Error",
            _ => "Whatever",
        };
        return respond(
            &stream,
            &format!("{code} {reason}"),
            &[],
            format!("status {code}").as_bytes(),
        );
    }
    if path == "/json" {
        let headers = [("Content-Type", "application/json".to_owned())];
        return respond(&stream, "200 OK", &headers, "{\"a\": [1, 2.5], \"b\": \"é\"}".as_bytes());
    }
    if let Some(n) = path.strip_prefix("/redirect/") {
        let n: u32 = n.parse().unwrap_or(0);
        let to = if n == 0 { "/echo".to_owned() } else { format!("/redirect/{}", n - 1) };
        return redirect(&stream, "302 Found", &to);
    }
    if path == "/see-other" {
        return redirect(&stream, "303 See Other", "/echo");
    }
    if path == "/temporary" {
        return redirect(&stream, "307 Temporary Redirect", "/echo");
    }
    if path == "/relative" {
        return redirect(&stream, "302 Found", "echo?from=relative");
    }
    if let Some(to) = path.strip_prefix("/to?") {
        return redirect(&stream, "302 Found", to);
    }
    if let Some(ms) = path.strip_prefix("/slow/") {
        thread::sleep(Duration::from_millis(ms.parse().unwrap_or(0)));
        return respond(&stream, "200 OK", &[], b"slow");
    }
    if let Some(n) = path.strip_prefix("/size/") {
        return respond(&stream, "200 OK", &[], &vec![b'x'; n.parse().unwrap_or(0)]);
    }
    if path == "/big" {
        return respond(&stream, "200 OK", &[], &vec![b'x'; BIG]);
    }
    if path == "/big-unsized" {
        let mut s = &stream;
        s.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")?;
        let chunk = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        while sent < BIG {
            let n = chunk.len().min(BIG - sent);
            s.write_all(&chunk[..n])?;
            sent += n;
        }
        return Ok(());
    }
    respond(&stream, "404 Not Found", &[], b"no such route")
}
