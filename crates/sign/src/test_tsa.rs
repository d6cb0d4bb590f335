//! A timestamp authority on 127.0.0.1: RFC 3161 over HTTP in front of `openssl ts -reply`, which
//! has no server of its own. Each request's body is handed to `openssl ts -reply` with the
//! test PKI's `ts.cnf`, one at a time (the serial file is shared), and its reply sent back.
use crate::test_http::{ok, serve_with};
use crate::test_pki::{TestPki, Tsa};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

pub const OPENSSL: &str = "Debian package openssl (apt-get install -y openssl)";

/// A running TSA: its address, and the folder of its keys and configuration (removed when
/// dropped, after which it answers 500).
pub struct TsaServer {
    pub url: String,
    pub dir: tempfile::TempDir,
}

impl TsaServer {
    /// `tsa` of `pki`, answering every request as it comes.
    pub fn start(pki: &TestPki, tsa: &Tsa) -> TsaServer {
        TsaServer::start_with(pki, tsa, <[u8]>::to_vec)
    }

    /// Like [`TsaServer::start`], `openssl ts -reply` run under `faketime <when>`: its genTime
    /// is that moment (`2018-11-23 10:00:00`), not the present.
    pub fn start_faked(pki: &TestPki, tsa: &Tsa, when: &str) -> TsaServer {
        TsaServer::serve(pki, tsa, <[u8]>::to_vec, Some(when.to_owned()))
    }

    /// Like [`TsaServer::start`], each request first passed through `rewrite`: a TSA that
    /// answers something else than it was asked.
    pub fn start_with(
        pki: &TestPki,
        tsa: &Tsa,
        rewrite: impl Fn(&[u8]) -> Vec<u8> + Send + Sync + 'static,
    ) -> TsaServer {
        TsaServer::serve(pki, tsa, rewrite, None)
    }

    fn serve(
        pki: &TestPki,
        tsa: &Tsa,
        rewrite: impl Fn(&[u8]) -> Vec<u8> + Send + Sync + 'static,
        faked: Option<String>,
    ) -> TsaServer {
        let dir = tempfile::tempdir().unwrap();
        let config = pki.write_tsa(dir.path(), tsa).unwrap();
        let folder = dir.path().to_owned();
        let count = AtomicUsize::new(0);
        let one_at_a_time = Mutex::new(());
        let url = serve_with("/tsp", move |request| {
            let _turn = one_at_a_time.lock().unwrap();
            let n = count.fetch_add(1, Ordering::SeqCst);
            match reply(&folder, &config, n, &rewrite(request), faked.as_deref()) {
                Ok(reply) => ok(&reply),
                Err(said) => format!(
                    "HTTP/1.0 500 Internal Server Error\r\nContent-Length: {}\r\n\r\n{said}",
                    said.len()
                )
                .into_bytes(),
            }
        });
        TsaServer { url, dir }
    }

    /// The TSA's certificate file, for `openssl ts -verify -untrusted`.
    pub fn cert(&self) -> PathBuf {
        self.dir.path().join("tsa.pem")
    }
}

/// `openssl ts -reply` for one query; its reply, or what it said.
fn reply(
    dir: &Path,
    config: &Path,
    n: usize,
    query: &[u8],
    faked: Option<&str>,
) -> Result<Vec<u8>, String> {
    let (q, r) = (dir.join(format!("{n}.tsq")), dir.join(format!("{n}.tsr")));
    std::fs::write(&q, query).map_err(|e| e.to_string())?;
    let mut command = match faked {
        Some(when) => {
            let mut c = Command::new("faketime");
            c.args([when, "openssl"]);
            c
        }
        None => Command::new("openssl"),
    };
    let out = command
        .args(["ts", "-reply", "-config"])
        .arg(config)
        .arg("-queryfile")
        .arg(&q)
        .arg("-out")
        .arg(&r)
        .output()
        .map_err(|e| format!("`openssl` could not start ({e}): {OPENSSL}, faketime"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    std::fs::read(&r).map_err(|e| e.to_string())
}
