//! The one HTTP exchange revocation and timestamps need: a POST of an OCSP or timestamp
//! request, or a GET of a CRL, over plain `http://`, answered once and closed (HTTP/1.0).
//!
//! Written here on `std::net` rather than taken from an HTTP crate: OCSP responses, CRLs and
//! timestamp tokens are signed objects checked after they arrive, so TLS, redirects, cookies, proxies, compression
//! and keep-alive add nothing but code to trust; what this needs instead is a hard bound on
//! everything, which is simplest to see when it is the whole client. One deadline covers
//! connecting, sending and reading (a responder that accepts and never answers costs the
//! timeout, no more), and the answer is refused as soon as it outgrows its cap, before it is
//! read further. Name resolution is the system resolver's (`ToSocketAddrs`), which has no
//! timeout of its own: it is asked on a thread of its own and waited for until the deadline
//! (a resolver that hangs is left to end by itself); responders named by an IP address, as in
//! the tests, are not resolved at all.
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Room for the status line and headers, beyond the body's own cap.
const HEAD_MAX: usize = 8 * 1024;

/// An `http://host[:port][/path]` address, the only kind asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    pub host: String,
    pub port: u16,
    pub path: String,
}

/// What went wrong with one exchange, before anything was read as OCSP or CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HttpError {
    /// Could not connect, send or read in time.
    Network(String),
    /// The answer grew past the cap.
    TooLarge,
    /// An answer other than 200.
    Status(u16),
    /// Not an HTTP answer this client reads.
    Malformed(String),
}

impl Url {
    /// Reads `http://host[:port][/path]`; anything else (https, ldap, user names, no host) is
    /// `None`. An IPv6 literal is written in brackets.
    pub fn parse(url: &str) -> Option<Url> {
        let rest = url
            .get(..7)
            .filter(|s| s.eq_ignore_ascii_case("http://"))
            .map(|_| &url[7..])?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if authority.contains('@') || path.bytes().any(|b| b <= b' ' || b == 0x7f) {
            return None;
        }
        let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
            let (host, after) = bracketed.split_once(']')?;
            match after {
                "" => (host, 80),
                p => (host, p.strip_prefix(':')?.parse().ok()?),
            }
        } else {
            match authority.split_once(':') {
                Some((host, port)) => (host, port.parse().ok()?),
                None => (authority, 80),
            }
        };
        if host.is_empty() || port == 0 {
            return None;
        }
        Some(Url {
            host: host.to_owned(),
            port,
            path: path.to_owned(),
        })
    }

    fn host_header(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.port == 80 {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }
}

/// POSTs `body` as `content_type` and returns the answer's body, at most `max` bytes.
pub(crate) fn post(
    url: &Url,
    content_type: &str,
    body: &[u8],
    timeout: Duration,
    max: usize,
) -> Result<Vec<u8>, HttpError> {
    let mut request = format!(
        "POST {} HTTP/1.0\r\nHost: {}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        url.path,
        url.host_header(),
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    exchange(url, &request, timeout, max)
}

/// GETs `url` and returns the answer's body, at most `max` bytes.
pub(crate) fn get(url: &Url, timeout: Duration, max: usize) -> Result<Vec<u8>, HttpError> {
    let request = format!(
        "GET {} HTTP/1.0\r\nHost: {}\r\nConnection: close\r\n\r\n",
        url.path,
        url.host_header()
    );
    exchange(url, request.as_bytes(), timeout, max)
}

fn exchange(
    url: &Url,
    request: &[u8],
    timeout: Duration,
    max: usize,
) -> Result<Vec<u8>, HttpError> {
    let deadline = Instant::now() + timeout;
    let mut stream = connect(url, deadline)?;
    stream
        .set_write_timeout(Some(left(deadline)?))
        .and_then(|()| stream.write_all(request))
        .map_err(network)?;
    let mut answer = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some(done) = complete(&answer, max)? {
            return Ok(done);
        }
        stream
            .set_read_timeout(Some(left(deadline)?))
            .map_err(network)?;
        let n = stream.read(&mut chunk).map_err(network)?;
        if n == 0 {
            return finished(&answer, max);
        }
        answer.extend_from_slice(&chunk[..n]);
        if answer.len() > max + HEAD_MAX {
            return Err(HttpError::TooLarge);
        }
    }
}

fn connect(url: &Url, deadline: Instant) -> Result<TcpStream, HttpError> {
    let addrs = resolve(url, deadline)?;
    let mut last = HttpError::Network(format!("{} resolves to no address", url.host));
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, left(deadline)?) {
            Ok(stream) => return Ok(stream),
            Err(e) => last = network(e),
        }
    }
    Err(last)
}

/// The addresses of `url`'s host, by the deadline.
fn resolve(url: &Url, deadline: Instant) -> Result<Vec<SocketAddr>, HttpError> {
    if let Ok(ip) = url.host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, url.port)]);
    }
    let wait = left(deadline)?;
    let (tell, answer) = mpsc::channel();
    let target = (url.host.clone(), url.port);
    std::thread::spawn(move || {
        let found = target.to_socket_addrs().map(Iterator::collect);
        drop(tell.send(found));
    });
    match answer.recv_timeout(wait) {
        Ok(found) => found.map_err(network),
        Err(_) => Err(timed_out()),
    }
}

/// The time left until `deadline`, or a timeout if none is.
fn left(deadline: Instant) -> Result<Duration, HttpError> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or_else(timed_out)
}

fn timed_out() -> HttpError {
    HttpError::Network("no answer within the time allowed".into())
}

fn network(e: std::io::Error) -> HttpError {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => timed_out(),
        _ => HttpError::Network(e.to_string()),
    }
}

/// The head of an answer: its status and the body's declared length.
struct Head {
    status: u16,
    length: Option<usize>,
    body_starts: usize,
}

fn head(answer: &[u8]) -> Result<Option<Head>, HttpError> {
    let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let text = std::str::from_utf8(&answer[..end])
        .map_err(|_| HttpError::Malformed("the answer's head is not text".into()))?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split(' ');
    let version = parts.next().unwrap_or_default();
    let status = parts
        .next()
        .and_then(|s| s.parse().ok())
        .filter(|_| version.starts_with("HTTP/1."))
        .ok_or_else(|| HttpError::Malformed(format!("not an HTTP answer: {status_line:.60}")))?;
    let mut length = None;
    for line in lines {
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse().map_err(|_| {
                HttpError::Malformed(format!("Content-Length {value:.20} is not a number"))
            })?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") && !value.is_empty() {
            return Err(HttpError::Malformed(format!(
                "Transfer-Encoding {value:.20} to an HTTP/1.0 request"
            )));
        }
    }
    Ok(Some(Head {
        status,
        length,
        body_starts: end + 4,
    }))
}

/// The body once the whole of it is in: by its declared length, without waiting for the close.
fn complete(answer: &[u8], max: usize) -> Result<Option<Vec<u8>>, HttpError> {
    if answer.len() > HEAD_MAX && head(answer)?.is_none() {
        return Err(HttpError::Malformed("an endless head".into()));
    }
    let Some(head) = head(answer)? else {
        return Ok(None);
    };
    if head.status != 200 {
        return Err(HttpError::Status(head.status));
    }
    match head.length {
        Some(length) if length > max => Err(HttpError::TooLarge),
        Some(length) if answer.len() - head.body_starts >= length => Ok(Some(
            answer[head.body_starts..head.body_starts + length].to_vec(),
        )),
        _ => Ok(None),
    }
}

/// The body when the server closed the connection.
fn finished(answer: &[u8], max: usize) -> Result<Vec<u8>, HttpError> {
    let head = head(answer)?
        .ok_or_else(|| HttpError::Malformed("the connection closed before an answer".into()))?;
    if head.status != 200 {
        return Err(HttpError::Status(head.status));
    }
    let body = &answer[head.body_starts..];
    if head.length.is_some_and(|length| body.len() < length) {
        return Err(HttpError::Malformed("the answer was cut short".into()));
    }
    if body.len() > max {
        return Err(HttpError::TooLarge);
    }
    Ok(body.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_addresses_are_read() {
        let u = Url::parse("http://ocsp.pki.gov.kz").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("ocsp.pki.gov.kz", 80, "/")
        );
        let u = Url::parse("HTTP://127.0.0.1:18888/crl/nca.crl").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("127.0.0.1", 18888, "/crl/nca.crl")
        );
        let u = Url::parse("http://[::1]:8080/x").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.host_header()),
            ("::1", 8080, "[::1]:8080".into())
        );
        for bad in [
            "https://ocsp.pki.gov.kz",
            "ldap://x/cn=crl",
            "http://",
            "http://:80/",
            "http://user@host/",
            "http://host:0/",
            "http://host:99999/",
            "http://host/a b",
            "ftp://host",
        ] {
            assert_eq!(Url::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_name_is_resolved_by_the_deadline_and_an_address_not_at_all() {
        let named = Url::parse("http://localhost:8080/").unwrap();
        let found = resolve(&named, Instant::now() + Duration::from_secs(10)).unwrap();
        assert!(!found.is_empty());
        assert!(found
            .iter()
            .all(|a| a.ip().is_loopback() && a.port() == 8080));
        assert_eq!(resolve(&named, Instant::now()), Err(timed_out()));
        let literal = Url::parse("http://[::1]:8080/").unwrap();
        assert_eq!(
            resolve(&literal, Instant::now()).unwrap(),
            vec!["[::1]:8080".parse::<SocketAddr>().unwrap()]
        );
    }

    #[test]
    fn a_body_is_taken_by_its_length_and_bounded() {
        let ok = b"HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nabc";
        assert_eq!(complete(ok, 10).unwrap().unwrap(), b"abc");
        assert_eq!(complete(&ok[..ok.len() - 1], 10).unwrap(), None);
        assert_eq!(complete(ok, 2), Err(HttpError::TooLarge));
        let open_ended = b"HTTP/1.0 200 OK\r\n\r\nabcdef";
        assert_eq!(complete(open_ended, 3).unwrap(), None);
        assert_eq!(finished(open_ended, 10).unwrap(), b"abcdef");
        assert_eq!(finished(open_ended, 3), Err(HttpError::TooLarge));
        let missing = b"HTTP/1.0 404 Not Found\r\n\r\n";
        assert_eq!(complete(missing, 10), Err(HttpError::Status(404)));
        assert!(matches!(
            finished(b"garbage", 10),
            Err(HttpError::Malformed(_))
        ));
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc";
        assert!(matches!(
            complete(chunked, 10),
            Err(HttpError::Malformed(_))
        ));
    }
}
