//! Hosts and ports (spec §14.4): command-line entries `host` / `host:port`, and declared
//! targets, which may also be `*.domain` or a URL `scheme://host[:port][/…]`.
//!
//! Hosts compare case-insensitively (ASCII), without a trailing `.` and without the
//! brackets of an IPv6 literal (`[::1]:8080` is host `::1`, port 8080).

use crate::Capability;

/// A host as compared: lower-cased, no trailing dot, no IPv6 brackets.
pub fn normalize_host(host: &str) -> String {
    let h = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    h.trim_end_matches('.').to_ascii_lowercase()
}

/// `host:port` as shown in messages (`[::1]:8080` for an IPv6 host).
pub fn show_host(host: &str, port: Option<u16>) -> String {
    let h = if host.contains(':') { format!("[{host}]") } else { host.to_owned() };
    match port {
        Some(p) => format!("{h}:{p}"),
        None => h,
    }
}

/// Splits `host[:port]` (`[v6]` or `[v6]:port` for IPv6; several colons without
/// brackets are an IPv6 host without a port).
fn split_host_port(s: &str) -> Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let Some(end) = rest.find(']') else {
            return Err(format!("`{s}` has `[` without a matching `]`"));
        };
        let after = &rest[end + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err(format!("unexpected `{after}` after `]` in `{s}`")),
        };
        (&rest[..end], port)
    } else {
        match s.split_once(':') {
            Some((h, p)) if !p.contains(':') => (h, Some(p)),
            _ => (s, None),
        }
    };
    let host = normalize_host(host);
    if host.is_empty() {
        return Err(format!("`{s}` has no host name"));
    }
    if host.contains(['/', '@', ' ', '?', '#']) {
        return Err(format!("`{s}` is not a host name (write `host` or `host:port`)"));
    }
    let port = match port {
        None => None,
        Some(p) => Some(
            p.parse::<u16>()
                .map_err(|_| format!("the port of `{s}` must be a number from 0 to 65535"))?,
        ),
    };
    Ok((host, port))
}

/// A command-line entry of `--allow-net`: `host` (every port) or `host:port`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostEntry {
    /// As written on the command line.
    pub written: String,
    host: String,
    port: Option<u16>,
}

impl HostEntry {
    /// Parses an entry; the error says what is wrong with it.
    pub fn parse(written: &str) -> Result<HostEntry, String> {
        if written.contains("://") {
            return Err(format!("`{written}` is a URL; `--allow-net` takes `host` or `host:port`"));
        }
        let (host, port) = split_host_port(written)?;
        Ok(HostEntry { written: written.to_owned(), host, port })
    }

    /// Whether the entry covers `host` (normalised) at `port`.
    pub fn covers(&self, host: &str, port: u16) -> bool {
        self.host == host && self.port.is_none_or(|p| p == port)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum HostMatch {
    /// `*`.
    Every,
    Exact(String),
    /// `*.domain`: hosts ending in `.domain` (stored with its dot).
    Suffix(String),
    /// A target that cannot be understood: it matches nothing.
    Nothing,
}

/// A declared network target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPattern {
    host: HostMatch,
    port: Option<u16>,
    /// For a URL target: the one capability its scheme declares.
    only: Option<Capability>,
}

impl HostPattern {
    pub fn parse(pattern: &str) -> HostPattern {
        let nothing = HostPattern { host: HostMatch::Nothing, port: None, only: None };
        let (only, rest) = match pattern.split_once("://") {
            Some((scheme, rest)) => {
                let cap = match scheme.to_ascii_lowercase().as_str() {
                    "http" => Capability::NetworkHttp,
                    "https" => Capability::NetworkHttps,
                    _ => return nothing,
                };
                let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
                let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
                (Some(cap), authority)
            }
            None => (None, pattern),
        };
        if rest == "*" {
            return HostPattern { host: HostMatch::Every, port: None, only };
        }
        let Ok((host, port)) = split_host_port(rest) else { return nothing };
        let host = match host.strip_prefix('*') {
            Some(domain) if domain.starts_with('.') && !domain.contains('*') => {
                HostMatch::Suffix(domain.to_owned())
            }
            Some(_) => return nothing,
            None if host.contains('*') => return nothing,
            None => HostMatch::Exact(host),
        };
        HostPattern { host, port, only }
    }

    /// Whether the pattern declares `capability` (a URL declares only its scheme's).
    pub fn declares(&self, capability: Capability) -> bool {
        self.only.is_none_or(|c| c == capability)
    }

    /// Whether the pattern matches every host and port.
    pub fn is_every(&self) -> bool {
        self.host == HostMatch::Every && self.port.is_none()
    }

    fn host_matches(&self, host: &str) -> bool {
        match &self.host {
            HostMatch::Every => true,
            HostMatch::Exact(h) => h == host,
            HostMatch::Suffix(d) => host.len() > d.len() && host.ends_with(d.as_str()),
            HostMatch::Nothing => false,
        }
    }

    /// Whether the pattern covers `host` (normalised) at `port`.
    pub fn covers(&self, host: &str, port: u16) -> bool {
        self.host_matches(host) && self.port.is_none_or(|p| p == port)
    }

    /// Whether the pattern and a command-line entry can cover a common host and port.
    pub fn overlaps(&self, entry: &HostEntry) -> bool {
        self.host_matches(&entry.host)
            && match (self.port, entry.port) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }

    /// The `--allow-net` entry that would grant what the pattern declares, if one entry
    /// can (`None` for wildcards).
    pub fn entry(&self) -> Option<String> {
        match &self.host {
            HostMatch::Exact(h) => Some(show_host(h, self.port)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_cover_hosts_and_ports() {
        let any = HostEntry::parse("API.Example.com").unwrap();
        assert!(any.covers("api.example.com", 443));
        assert!(any.covers("api.example.com", 8080));
        assert!(!any.covers("example.com", 443));
        assert!(!any.covers("api.example.com.evil.org", 443));
        let one = HostEntry::parse("localhost:8080").unwrap();
        assert!(one.covers("localhost", 8080));
        assert!(!one.covers("localhost", 80));
        let v6 = HostEntry::parse("[::1]:9000").unwrap();
        assert!(v6.covers("::1", 9000));
        assert!(!v6.covers("::1", 9001));
        let bare_v6 = HostEntry::parse("::1").unwrap();
        assert!(bare_v6.covers("::1", 1));
        assert!(HostEntry::parse("example.com.").unwrap().covers("example.com", 1));
    }

    #[test]
    fn bad_entries_are_refused_with_a_reason() {
        assert!(HostEntry::parse("host:99999").unwrap_err().contains("0 to 65535"));
        assert!(HostEntry::parse("host:http").unwrap_err().contains("port"));
        assert!(HostEntry::parse(":80").unwrap_err().contains("no host"));
        assert!(HostEntry::parse("https://x.org").unwrap_err().contains("URL"));
        assert!(HostEntry::parse("[::1").is_err());
        assert!(HostEntry::parse("a/b").is_err());
    }

    #[test]
    fn declared_patterns() {
        let exact = HostPattern::parse("api.example.com");
        assert!(exact.covers("api.example.com", 1));
        assert!(!exact.covers("x.api.example.com", 1));
        let sub = HostPattern::parse("*.example.com");
        assert!(sub.covers("api.example.com", 443));
        assert!(sub.covers("a.b.example.com", 80));
        assert!(!sub.covers("example.com", 443));
        assert!(!sub.covers("evilexample.com", 443));
        let port = HostPattern::parse("*.example.com:8443");
        assert!(port.covers("a.example.com", 8443));
        assert!(!port.covers("a.example.com", 443));
        assert!(HostPattern::parse("*").is_every());
        assert!(HostPattern::parse("*").covers("anything", 1));
        for bad in ["a*.example.com", "ftp://x.org", "x.org:port", "*"] {
            if bad != "*" {
                assert!(!HostPattern::parse(bad).covers("x.org", 21), "{bad}");
            }
        }
    }

    #[test]
    fn url_patterns_declare_only_their_scheme() {
        let p = HostPattern::parse("https://User@API.example.com/v1/items?q=1");
        assert!(p.declares(Capability::NetworkHttps));
        assert!(!p.declares(Capability::NetworkHttp));
        assert!(p.covers("api.example.com", 443));
        assert!(p.covers("api.example.com", 8443));
        let q = HostPattern::parse("http://localhost:8000");
        assert!(q.declares(Capability::NetworkHttp));
        assert!(q.covers("localhost", 8000));
        assert!(!q.covers("localhost", 8001));
        assert_eq!(q.entry().as_deref(), Some("localhost:8000"));
        assert!(HostPattern::parse("example.org").declares(Capability::NetworkHttp));
    }

    #[test]
    fn overlap_of_patterns_and_entries() {
        let e = HostEntry::parse("api.example.com:443").unwrap();
        assert!(HostPattern::parse("*.example.com").overlaps(&e));
        assert!(HostPattern::parse("api.example.com").overlaps(&e));
        assert!(!HostPattern::parse("api.example.com:80").overlaps(&e));
        assert!(!HostPattern::parse("other.org").overlaps(&e));
    }
}
