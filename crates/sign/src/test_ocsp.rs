//! OpenSSL's own OCSP responder (`openssl ocsp -index`) on 127.0.0.1, for the tests of this crate
//! and of the crates that sign with its test keys: started from an index the test writes, killed
//! when dropped.
use crate::test_pki::{Responder, TestPki};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn p(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// `openssl ocsp` answering from an index, killed when dropped.
pub struct OcspServer {
    child: Child,
    pub url: String,
    _dir: tempfile::TempDir,
}

impl OcspServer {
    /// Starts the responder on `port`, signing with `signer` for certificates of `pki`'s CA.
    pub fn start(port: u16, index: &str, pki: &TestPki, signer: &Responder) -> OcspServer {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let index = write("index.txt", index.as_bytes());
        let ca = write("ca.pem", &pki.ca_pem);
        let rsigner = write("rsigner.pem", &signer.cert_pem);
        let rkey = write("rkey.pem", &signer.key_pem);
        let log = dir.path().join("responder.log");
        let port_text = port.to_string();
        let args = [
            "ocsp",
            "-index",
            p(&index),
            "-port",
            &port_text,
            "-rsigner",
            p(&rsigner),
            "-rkey",
            p(&rkey),
            "-CA",
            p(&ca),
            // A nextUpdate an hour on, as public responders give: without one, a validator
            // (pyHanko's AdES validation) cannot tell how fresh the answer is.
            "-nmin",
            "60",
        ];
        let child = match Command::new("openssl")
            .args(args)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => panic!(
                "`openssl` could not start ({e}); this test needs it: apt-get install openssl"
            ),
        };
        let mut responder = OcspServer {
            child,
            url: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        };
        // Ready once it says so. (A probing connection that sends nothing would make OpenSSL
        // 3.0's responder spin, so the log is watched instead.)
        let started = Instant::now();
        loop {
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            if said.contains("waiting for OCSP client connections") {
                return responder;
            }
            if let Some(exit) = responder.child.try_wait().unwrap() {
                panic!("openssl ocsp ended at start ({exit}): {said}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no responder: {said}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The CA answering for itself.
    pub fn by_ca(port: u16, index: &str, pki: &TestPki) -> OcspServer {
        let ca = Responder {
            cert_pem: pki.ca_pem.clone(),
            key_pem: pki.ca_key_pem(),
        };
        OcspServer::start(port, index, pki, &ca)
    }
}

impl Drop for OcspServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
