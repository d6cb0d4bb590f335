//! One connection to NCALayer: TCP to a loopback address, TLS, the WebSocket handshake and the
//! greeting, then one request and its answer, every step bounded in time.
//!
//! NCALayer's certificate on 127.0.0.1 is its own: it is issued by a CA that NCALayer's
//! installer adds to browsers, not by any CA a program could be expected to trust, and it
//! changes with NCALayer's versions, so there is nothing stable to pin. The certificate is
//! therefore accepted unchecked, and only on a loopback address: the connection never leaves
//! the computer, and nothing NCALayer answers is believed because of TLS. What comes back is a
//! signature that this crate checks itself (it verifies over the bytes sent, its certificate is
//! the one opened), and the flow then checks that certificate's owner and its chain to the
//! center's trusted CAs. What TLS cannot rule out here is that another program of the same
//! computer took NCALayer's port and sees the document sent for signing; it could still not
//! produce a signature of the clerk's key.
use super::protocol::{self, Reply};
use crate::error::SignError;
use openssl::ssl::{HandshakeError, SslConnector, SslMethod, SslStream, SslVerifyMode};
use std::io;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

/// The largest message read from NCALayer: a signature with its chain is a few kilobytes.
const MAX_MESSAGE: usize = 4 << 20;

/// How long each step may take.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// To reach the port: nothing listening is known at once, on a loopback address.
    pub connect: Duration,
    /// For NCALayer's own answers: the TLS and WebSocket handshakes and the greeting.
    pub answer: Duration,
}

/// An open connection, greeted.
pub(crate) struct Link {
    socket: WebSocket<SslStream<TcpStream>>,
    /// The version NCALayer gave in its greeting.
    pub version: String,
}

impl Link {
    /// Connects to `url` (`wss://127.0.0.1:<port>`) and reads NCALayer's greeting.
    pub fn open(url: &str, limits: Limits) -> Result<Link, SignError> {
        let addr = loopback(url)?;
        let tcp =
            TcpStream::connect_timeout(&addr, limits.connect).map_err(|e| match e.kind() {
                io::ErrorKind::ConnectionRefused | io::ErrorKind::TimedOut => {
                    SignError::NcaLayerNotRunning
                }
                _ => failed(format!("cannot reach {addr}: {e}")),
            })?;
        tcp.set_read_timeout(Some(limits.answer))
            .and_then(|()| tcp.set_write_timeout(Some(limits.answer)))
            .map_err(|e| failed(format!("socket: {e}")))?;
        let silent = || SignError::NcaLayerNoAnswer {
            seconds: limits.answer.as_secs(),
        };

        let mut connector = SslConnector::builder(SslMethod::tls_client())?;
        // See the module's documentation: NCALayer's own certificate, on loopback only.
        connector.set_verify(SslVerifyMode::NONE);
        let tls = connector
            .build()
            .configure()?
            .verify_hostname(false)
            .use_server_name_indication(false)
            .connect("127.0.0.1", tcp)
            .map_err(|e| match e {
                HandshakeError::WouldBlock(_) => silent(),
                HandshakeError::Failure(m) if timed_out(m.error().io_error()) => silent(),
                HandshakeError::Failure(m) => failed(format!("TLS: {}", m.error())),
                HandshakeError::SetupFailure(e) => failed(format!("TLS: {e}")),
            })?;

        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_MESSAGE))
            .max_frame_size(Some(MAX_MESSAGE));
        let (socket, _) = tungstenite::client::client_with_config(url, tls, Some(config)).map_err(
            |e| match e {
                tungstenite::HandshakeError::Interrupted(_) => silent(),
                tungstenite::HandshakeError::Failure(tungstenite::Error::Io(e))
                    if timed_out(Some(&e)) =>
                {
                    silent()
                }
                tungstenite::HandshakeError::Failure(e) => failed(format!("WebSocket: {e}")),
            },
        )?;
        let mut link = Link {
            socket,
            version: String::new(),
        };
        let deadline = Instant::now() + limits.answer;
        loop {
            match link.next(deadline, limits.answer)? {
                Reply::Greeting(version) => {
                    link.version = version;
                    return Ok(link);
                }
                Reply::Noise => continue,
                other => {
                    let detail = format!("an answer before any question: {other:?}");
                    return Err(failed(protocol::clip(&detail)));
                }
            }
        }
    }

    /// Sends `request` and waits up to `wait` for its answer (the clerk may be choosing a key
    /// and typing a PIN in NCALayer's window all that time).
    pub fn ask(&mut self, request: String, wait: Duration) -> Result<Reply, SignError> {
        let socket = self.socket.get_mut().get_mut();
        socket
            .set_write_timeout(Some(wait))
            .map_err(|e| failed(format!("socket: {e}")))?;
        self.socket
            .send(Message::text(request))
            .map_err(|e| lost(e, wait))?;
        let deadline = Instant::now() + wait;
        loop {
            match self.next(deadline, wait)? {
                Reply::Greeting(_) | Reply::Noise => continue,
                answer => return Ok(answer),
            }
        }
    }

    /// Says goodbye; a connection that is already gone needs nothing more.
    pub fn close(mut self) {
        let _ = self.socket.close(None);
        let _ = self.socket.flush();
    }

    /// The next text message, read before `deadline`.
    fn next(&mut self, deadline: Instant, wait: Duration) -> Result<Reply, SignError> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(SignError::NcaLayerNoAnswer {
                    seconds: wait.as_secs(),
                });
            }
            self.socket
                .get_mut()
                .get_mut()
                .set_read_timeout(Some(left))
                .map_err(|e| failed(format!("socket: {e}")))?;
            match self.socket.read().map_err(|e| lost(e, wait))? {
                Message::Text(text) => return Ok(protocol::read(text.as_str())),
                Message::Close(_) => return Err(failed("NCALayer closed the connection".into())),
                // Pings are answered by tungstenite itself; binary frames are not NCALayer's.
                _ => continue,
            }
        }
    }
}

/// What a failed read or write means: out of time, or the connection gone.
fn lost(e: tungstenite::Error, wait: Duration) -> SignError {
    match e {
        tungstenite::Error::Io(io) if timed_out(Some(&io)) => SignError::NcaLayerNoAnswer {
            seconds: wait.as_secs(),
        },
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => {
            failed("NCALayer closed the connection".into())
        }
        other => failed(format!("WebSocket: {other}")),
    }
}

/// The socket address of a `wss://` URL whose host is a loopback IP address, written as one.
fn loopback(url: &str) -> Result<SocketAddr, SignError> {
    let refuse = || {
        failed(format!(
            "{url} is not NCALayer's address (wss://127.0.0.1:<port>)"
        ))
    };
    let rest = url.strip_prefix("wss://").ok_or_else(refuse)?;
    let authority = rest.split('/').next().unwrap_or_default();
    let addr: SocketAddr = authority.parse().map_err(|_| refuse())?;
    if !addr.ip().is_loopback() {
        return Err(refuse());
    }
    Ok(addr)
}

/// A read or write that ran out of time (Unix says WouldBlock, Windows TimedOut).
fn timed_out(e: Option<&io::Error>) -> bool {
    e.is_some_and(|e| {
        matches!(
            e.kind(),
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
        )
    })
}

fn failed(detail: String) -> SignError {
    SignError::NcaLayerFailed { detail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_addresses_are_ncalayer() {
        assert_eq!(
            loopback("wss://127.0.0.1:13579").unwrap(),
            "127.0.0.1:13579".parse().unwrap()
        );
        assert!(loopback("wss://127.0.0.1:13579/").is_ok());
        assert!(loopback("wss://[::1]:13579").is_ok());
        for url in [
            "ws://127.0.0.1:13579",
            "wss://localhost:13579",
            "wss://10.0.0.5:13579",
            "wss://ncalayer.example.kz:13579",
            "wss://127.0.0.1",
            "https://127.0.0.1:13579",
        ] {
            let e = loopback(url).unwrap_err();
            assert!(
                matches!(e, SignError::NcaLayerFailed { .. }),
                "{url}: {e:?}"
            );
        }
    }
}
