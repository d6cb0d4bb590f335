//! A stand-in for NCALayer, for tests: a TLS WebSocket server on 127.0.0.1 (a port of its own)
//! that greets and answers `kz.gov.pki.knca.basics` `sign` requests the way NCALayer does
//! (the shapes, and where each comes from, are listed in the `ncalayer` module's
//! `protocol.rs`), signing with a test key file where NCALayer would use the clerk's key.
//!
//! Each case says what the stand-in answers ([`Answer`]); the sign requests get the answers in
//! turn, the last one again for every further request. A wrong PIN and an empty storage are
//! answered as `basics` failures carrying NCALayer's own codes `WRONG_PASSWORD` and
//! `EMPTY_KEY_LIST`: no recording shows how the real module reports them (see `protocol.rs`).
//! Not for production: failures panic, and its TLS certificate is made up on the spot.
use crate::issue::{self, Validity, YEAR};
use crate::test_pki::PASSWORD;
use crate::{Pkcs12Signer, Signer};
use openssl::base64;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::ssl::{SslAcceptor, SslMethod, SslStream};
use serde_json::{json, Value};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;
use tungstenite::{Message, WebSocket};

/// The version the stand-in greets with.
pub const VERSION: &str = "1.4";

/// What the stand-in answers to one sign request.
#[derive(Debug, Clone)]
pub enum Answer {
    /// A detached CMS over the bytes sent, made with this key file (password
    /// [`PASSWORD`]): the key the clerk chose.
    SignWith(Vec<u8>),
    /// A signature of this key file over other bytes than those sent.
    SignOtherBytes(Vec<u8>),
    /// The clerk pressed Cancel: `{"body":{},"status":true}`.
    Cancel,
    /// The chosen storage holds no key: `code` `EMPTY_KEY_LIST`.
    NoKey,
    /// A wrong PIN: `code` `WRONG_PASSWORD`.
    WrongPin,
    /// Any other failure, as `{"code":…,"details":…,"message":…,"status":false}`.
    Fail { code: String, message: String },
    /// Reads the request and never answers it.
    Silent,
    /// This text, as it is.
    Raw(String),
    /// A heartbeat and a keep-alive first, then the answer.
    AfterNoise(Box<Answer>),
}

/// The running stand-in; stops when dropped.
pub struct StandIn {
    url: String,
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Value>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StandIn {
    /// Starts a stand-in that answers the sign requests with `answers` in turn.
    pub fn start(answers: Vec<Answer>) -> StandIn {
        StandIn::run(0, Some(answers))
    }

    /// [`StandIn::start`] on 127.0.0.1:`port`, for a program told the address beforehand (the
    /// window in the end-to-end tests, which first sees nothing listening there).
    pub fn start_on(port: u16, answers: Vec<Answer>) -> StandIn {
        StandIn::run(port, Some(answers))
    }

    /// Starts a stand-in that takes connections and never says anything, not even in TLS: a
    /// program that took NCALayer's port and hangs.
    pub fn mute() -> StandIn {
        StandIn::run(0, None)
    }

    /// The address to give [`crate::NcaLayerOptions::url`].
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The sign requests received so far, as JSON.
    pub fn requests(&self) -> Vec<Value> {
        self.requests.lock().unwrap().clone()
    }

    fn run(port: u16, answers: Option<Vec<Answer>>) -> StandIn {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen, stopping) = (requests.clone(), stop.clone());
        let acceptor = acceptor();
        let thread = std::thread::spawn(move || {
            // Connections that are never answered stay open until the stand-in stops.
            let mut held: Vec<Box<dyn Send>> = Vec::new();
            let mut asked = 0usize;
            for tcp in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(tcp) = tcp else { continue };
                let Some(answers) = &answers else {
                    held.push(Box::new(tcp));
                    continue;
                };
                if let Some(kept) = serve(&acceptor, tcp, answers, &mut asked, &seen) {
                    held.push(Box::new(kept));
                }
            }
            drop(held);
        });
        StandIn {
            url: format!("wss://{addr}"),
            addr,
            requests,
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

type Socket = WebSocket<SslStream<TcpStream>>;

/// One connection: TLS, WebSocket, the greeting, then one request and its answer. Returns the
/// socket when it is to be held open unanswered.
fn serve(
    acceptor: &SslAcceptor,
    tcp: TcpStream,
    answers: &[Answer],
    asked: &mut usize,
    seen: &Mutex<Vec<Value>>,
) -> Option<Socket> {
    // A client that goes quiet must not stop the stand-in for good.
    tcp.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let tls = acceptor.accept(tcp).ok()?;
    let mut socket = tungstenite::accept(tls).ok()?;
    send(
        &mut socket,
        json!({ "result": { "version": VERSION } }).to_string(),
    )?;
    let request: Value = loop {
        match socket.read().ok()? {
            Message::Text(text) => break serde_json::from_str(text.as_str()).ok()?,
            Message::Close(_) => return None,
            _ => continue,
        }
    };
    let is_sign = request["module"] == "kz.gov.pki.knca.basics" && request["method"] == "sign";
    seen.lock().unwrap().push(request.clone());
    if !is_sign {
        let unknown = json!({ "success": false, "errorCode": "MODULE_NOT_FOUND" });
        send(&mut socket, unknown.to_string())?;
        return None;
    }
    let answer = answers[(*asked).min(answers.len() - 1)].clone();
    *asked += 1;
    answer_with(socket, &answer, &request)
}

fn answer_with(mut socket: Socket, answer: &Answer, request: &Value) -> Option<Socket> {
    let text = match answer {
        Answer::Silent => return Some(socket),
        Answer::AfterNoise(then) => {
            send(&mut socket, "--heartbeat--".into())?;
            send(&mut socket, "{}".into())?;
            return answer_with(socket, then, request);
        }
        Answer::SignWith(p12) => signed(p12, request, &sent_bytes(request)),
        Answer::SignOtherBytes(p12) => {
            let mut other = sent_bytes(request);
            other.extend_from_slice(b" and something else");
            if digested(request) {
                other = openssl::sha::sha256(&other).to_vec();
            }
            signed(p12, request, &other)
        }
        Answer::Cancel => json!({ "body": {}, "status": true }).to_string(),
        Answer::NoKey => failure("EMPTY_KEY_LIST", "No keys found in the storage"),
        Answer::WrongPin => failure("WRONG_PASSWORD", "Wrong password"),
        Answer::Fail { code, message } => failure(code, message),
        Answer::Raw(text) => text.clone(),
    };
    send(&mut socket, text)?;
    let _ = socket.close(None);
    let _ = socket.flush();
    None
}

/// The bytes the request asks to sign (`data` in base64, `decode: true`): the bytes, or their
/// digest when the request is `digested`.
fn sent_bytes(request: &Value) -> Vec<u8> {
    let data = request["args"]["data"].as_str().unwrap_or_default();
    base64::decode_block(data).unwrap_or_default()
}

fn digested(request: &Value) -> bool {
    request["args"]["signingParams"]["digested"] == true
}

/// `{"body":{"result":"-----BEGIN CMS-----…"},"status":true}`, signed with `p12` over `data`
/// as `request` gives it: the bytes, or (`digested`) their SHA-256, which NCALayer signs as it
/// is. A digest of another length is what NCALayer refuses for an RSA key.
fn signed(p12: &[u8], request: &Value, data: &[u8]) -> String {
    let signer = Pkcs12Signer::open(p12, PASSWORD).unwrap();
    let now = chrono::Utc::now();
    let der = if digested(request) {
        let Ok(digest) = <[u8; 32]>::try_from(data) else {
            return failure(
                "INVALID_DIGEST",
                "Digest does not match the key's algorithm",
            );
        };
        signer.sign_digest(&digest, now).unwrap()
    } else {
        signer.sign_detached(data, now).unwrap()
    };
    let b64 = base64::encode_block(&der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let pem = format!(
        "-----BEGIN CMS-----\n{}\n-----END CMS-----\n",
        lines.join("\n")
    );
    json!({ "body": { "result": pem }, "status": true }).to_string()
}

/// NCALayer's answer when it fails, `code` among its codes.
fn failure(code: &str, message: &str) -> String {
    json!({ "code": code, "details": "", "message": message, "status": false }).to_string()
}

fn send(socket: &mut Socket, text: String) -> Option<()> {
    socket.send(Message::text(text)).ok()
}

/// A TLS server with a self-signed certificate for 127.0.0.1, as NCALayer's own is to a client
/// that does not trust NCALayer's CA.
fn acceptor() -> SslAcceptor {
    let key = issue::rsa_key().unwrap();
    let name = issue::name(&[(Nid::COMMONNAME, "127.0.0.1")]).unwrap();
    let validity = Validity {
        from: -YEAR,
        until: YEAR,
    };
    let mut b = issue::builder(&name, &name, &key, validity).unwrap();
    b.sign(&key, MessageDigest::sha256()).unwrap();
    let cert = b.build();
    let mut acceptor = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls_server()).unwrap();
    acceptor.set_private_key(&key).unwrap();
    acceptor.set_certificate(&cert).unwrap();
    acceptor.build()
}
