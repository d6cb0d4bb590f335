//! Small HTTP servers on 127.0.0.1 for the tests of the network clients (revocation, timestamps),
//! here and in the crates that sign through them:
//! one that answers, one that answers by a function of the request, one that never answers,
//! and an address where nothing listens. Each lives as long as the test process.
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// A port nothing listens on (bound, then let go).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An address where nothing listens.
pub fn down() -> String {
    format!("http://127.0.0.1:{}/", free_port())
}

/// A 200 answer carrying `body`.
pub fn ok(body: &[u8]) -> Vec<u8> {
    let mut answer = format!(
        "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(body);
    answer
}

/// A thread that answers every request with `answer` (whole HTTP answer bytes) and closes;
/// returns its address.
pub fn serve(answer: Vec<u8>) -> String {
    serve_with("/list.crl", move |_| answer.clone())
}

/// A thread that answers every request with `answer(body of the request)` (whole HTTP answer
/// bytes), each connection on a thread of its own; returns its address, ending in `path`.
pub fn serve_with(path: &str, answer: impl Fn(&[u8]) -> Vec<u8> + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}{path}", listener.local_addr().unwrap());
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let answer = Arc::clone(&answer);
            std::thread::spawn(move || {
                let body = read_request(&mut stream);
                // The client may hang up early (an answer past its cap): not this thread's
                // concern.
                let _ = stream.write_all(&answer(&body));
            });
        }
    });
    url
}

/// Reads one request and writes `answer`.
pub fn answer_once(mut stream: TcpStream, answer: &[u8]) {
    read_request(&mut stream);
    let _ = stream.write_all(answer);
}

/// The head, then as much body as it declares (OCSP and timestamp requests are POSTed);
/// returns the body.
fn read_request(stream: &mut TcpStream) -> Vec<u8> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(n) = stream.read(&mut chunk) {
        if n == 0 {
            break;
        }
        request.extend_from_slice(&chunk[..n]);
        if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&request[..end]).to_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if request.len() >= end + 4 + length {
                return request[end + 4..end + 4 + length].to_vec();
            }
        }
    }
    Vec::new()
}

/// A server that accepts and never says a word; returns its address.
pub fn silent() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    url
}
