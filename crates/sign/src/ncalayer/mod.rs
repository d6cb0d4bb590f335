//! Signing through NCALayer, NCA RK's desktop program that holds keys OpenSSL cannot open here:
//! keys on Kaztoken and other tokens, on the ID card, and files NCALayer manages.
//! [`NcaLayerSigner`] sits behind the same [`Signer`] trait as [`crate::Pkcs12Signer`], so the
//! flow and its checks ([`crate::check_signer`], [`crate::check_chain`]) are the same.
//!
//! NCALayer listens on `wss://127.0.0.1:13579` ([`DEFAULT_URL`]) and speaks JSON over a
//! WebSocket; its `kz.gov.pki.knca.basics` module signs. The messages, and the public sources
//! each is taken from, are in `protocol.rs`; the connection (TLS with NCALayer's own
//! certificate, accepted on loopback only, and why) in `link.rs`.
//!
//! How a session goes:
//! - [`NcaLayerSigner::open`] asks NCALayer to sign a short labelled text. NCALayer opens its
//!   window: the clerk picks the storage and the key and types the PIN. The signature that
//!   comes back tells which certificate signs (the `basics` module has no call that returns the
//!   certificate alone; the older `commonUtils.getKeyInfo` does, but asks for the PIN all the
//!   same), and proves before the first copy that the key signs and the PIN is right.
//! - Every [`Signer::sign_detached`] sends the SHA-256 of the bytes (`digested: true`: the PDF's
//!   byte ranges for PAdES, the file for CAdES, 32 bytes either way) and asks for a detached
//!   CMS; NCALayer asks for the PIN again in its window. The digest has to be the key's own
//!   algorithm, known since the opening: SHA-256 for the RSA and EC keys this build signs with
//!   (a GOST key was refused there). The key check at opening sends its short text as it is.
//! - What comes back is believed only after checking it here: a SignedData without the content
//!   inside, an algorithm OpenSSL can check (a GOST signature is refused as
//!   [`SignError::UnsupportedKey`]: this build could not check it, nor the copies it made), a
//!   signature that verifies over exactly the bytes sent, and the certificate opened for the
//!   session (another one is [`SignError::NcaLayerKeyChanged`]).
//!
//! Its signing-time attribute is NCALayer's: the computer's clock, not the `at` the flow passes
//! (NCALayer sets it itself). Verification never judges a certificate at that claimed time.
//!
//! Everything blocks, and every wait is bounded ([`NcaLayerOptions`]): reaching the port, the
//! handshakes and the greeting are short; the clerk's choice of key and PIN gets minutes.
//!
//! The WebSocket is `tungstenite` without its TLS features, over an OpenSSL TLS stream this
//! crate opens itself: the system OpenSSL already does all of this crate's cryptography, and
//! tungstenite only frames messages over whatever stream it is given, blocking, with no async
//! runtime. Requests and answers are built and read with `serde_json`.
mod link;
mod protocol;

pub use protocol::{Locale, Storage};

use crate::algorithm;
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use crate::signed_data;
use crate::signer::Signer;
use chrono::{DateTime, Utc};
use link::{Limits, Link};
use openssl::cms::{CMSOptions, CmsContentInfo};
use protocol::{Reply, SignRequest};
use std::time::Duration;

/// Where NCALayer listens.
pub const DEFAULT_URL: &str = "wss://127.0.0.1:13579";

/// How to reach NCALayer and what to ask it.
#[derive(Debug, Clone)]
pub struct NcaLayerOptions {
    /// NCALayer's address: `wss://` and a loopback IP address with the port; anything else is
    /// refused. Tests point it at their stand-in.
    pub url: String,
    /// The storages NCALayer offers in its window; empty: every one it finds.
    pub storages: Vec<Storage>,
    /// The language of NCALayer's window.
    pub locale: Locale,
    /// Only keys of this IIN can be chosen in NCALayer's window (the signed-in clerk's). The
    /// certificate that comes back is checked by the flow whatever NCALayer did with it.
    pub iin: Option<String>,
    /// Let NCALayer offer keys of any CA (the demo's, the tests'), not only NCA RK's current
    /// ones. Which CAs are trusted is still the center's list, checked by the flow.
    pub any_ca: bool,
    /// To reach the port; nothing listening is known at once on a loopback address.
    pub connect_timeout: Duration,
    /// For NCALayer's own answers: the TLS and WebSocket handshakes and its greeting.
    pub answer_timeout: Duration,
    /// For the clerk: choosing the key and typing the PIN in NCALayer's window.
    pub user_timeout: Duration,
}

impl Default for NcaLayerOptions {
    fn default() -> Self {
        NcaLayerOptions {
            url: DEFAULT_URL.to_string(),
            storages: Vec::new(),
            locale: Locale::Kk,
            iin: None,
            any_ca: false,
            connect_timeout: Duration::from_secs(2),
            answer_timeout: Duration::from_secs(10),
            user_timeout: Duration::from_secs(300),
        }
    }
}

impl NcaLayerOptions {
    fn limits(&self) -> Limits {
        Limits {
            connect: self.connect_timeout,
            answer: self.answer_timeout,
        }
    }
}

/// Whether NCALayer can be asked to sign, for the key dialog.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum NcaLayerState {
    /// NCALayer answered with its greeting.
    Running { version: String },
    /// Nothing listens on its port: it is to be started.
    NotRunning,
    /// Something took the connection but did not greet in time: it hangs, and is to be
    /// restarted.
    NotAnswering,
}

/// Asks whether NCALayer runs at `url`: a connection and its greeting, a few seconds at most.
/// An address that is not NCALayer's, or a program on its port that is not NCALayer, is an
/// error ([`SignError::NcaLayerFailed`]).
pub fn ncalayer_state(url: &str) -> Result<NcaLayerState, SignError> {
    let limits = Limits {
        connect: Duration::from_secs(2),
        answer: Duration::from_secs(3),
    };
    match Link::open(url, limits) {
        Ok(link) => {
            let version = link.version.clone();
            link.close();
            Ok(NcaLayerState::Running { version })
        }
        Err(SignError::NcaLayerNotRunning) => Ok(NcaLayerState::NotRunning),
        Err(SignError::NcaLayerNoAnswer { .. }) => Ok(NcaLayerState::NotAnswering),
        Err(e) => Err(e),
    }
}

/// A key NCALayer holds, opened for the session: its certificate is known, NCALayer signs.
#[derive(Debug)]
pub struct NcaLayerSigner {
    options: NcaLayerOptions,
    info: CertificateInfo,
    cert_der: Vec<u8>,
    chain: Vec<Vec<u8>>,
    version: String,
}

/// What [`NcaLayerSigner::open`] has NCALayer sign: it appears nowhere but in this exchange.
const KEY_CHECK: &str = "Rastau: NCALayer key check / кілтті тексеру / проверка ключа";

impl NcaLayerSigner {
    /// Opens the key the clerk chooses in NCALayer's window, by having it sign a short text
    /// (see the module's documentation). Refuses as the answer says: NCALayer not running
    /// ([`SignError::NcaLayerNotRunning`]) or silent ([`SignError::NcaLayerNoAnswer`]), the
    /// clerk's cancel, no key, a wrong PIN, and a signature that does not hold. Like
    /// [`crate::Pkcs12Signer::open`] it does not judge the certificate: that is
    /// [`crate::check_signer`]'s and [`crate::check_chain`]'s.
    pub fn open(options: NcaLayerOptions) -> Result<NcaLayerSigner, SignError> {
        let challenge = format!("{KEY_CHECK} {}", Utc::now().to_rfc3339());
        let (der, version) = request(&options, challenge.as_bytes(), false)?;
        let returned = check(challenge.as_bytes(), &der)?;
        Ok(NcaLayerSigner {
            options,
            info: CertificateInfo::from_der(&returned.cert_der)?,
            cert_der: returned.cert_der,
            chain: returned.chain,
            version,
        })
    }

    /// NCALayer's version, from its greeting when the key was opened.
    pub fn version(&self) -> &str {
        &self.version
    }
}

impl Signer for NcaLayerSigner {
    fn certificate(&self) -> &CertificateInfo {
        &self.info
    }

    fn certificate_der(&self) -> &[u8] {
        &self.cert_der
    }

    fn chain_der(&self) -> Vec<Vec<u8>> {
        self.chain.clone()
    }

    /// Has NCALayer sign `data` by its SHA-256; `at` cannot be passed on (NCALayer stamps its
    /// own signing-time).
    fn sign_detached(&self, data: &[u8], _at: DateTime<Utc>) -> Result<Vec<u8>, SignError> {
        let digest = openssl::sha::sha256(data);
        let (der, _) = request(&self.options, &digest, true)?;
        let returned = check(data, &der)?;
        if returned.cert_der != self.cert_der {
            return Err(SignError::NcaLayerKeyChanged);
        }
        Ok(der)
    }
}

/// One signature over `data`, or over the bytes whose digest it is (`digested`): the DER
/// NCALayer returned, and its version.
fn request(
    options: &NcaLayerOptions,
    data: &[u8],
    digested: bool,
) -> Result<(Vec<u8>, String), SignError> {
    let mut link = Link::open(&options.url, options.limits())?;
    let question = SignRequest {
        storages: &options.storages,
        locale: options.locale,
        iin: options.iin.as_deref(),
        any_ca: options.any_ca,
        data,
        digested,
    };
    let answer = link.ask(question.to_json(), options.user_timeout);
    let version = link.version.clone();
    link.close();
    match answer? {
        Reply::Signed(list) => match list.as_slice() {
            [one] => Ok((protocol::cms_der(one)?, version)),
            more => Err(SignError::NcaLayerFailed {
                detail: format!("{} signatures for one document", more.len()),
            }),
        },
        Reply::Refused(e) => Err(e),
        Reply::Greeting(_) | Reply::Noise => unreachable!("Link::ask waits for an answer"),
    }
}

/// A signature as NCALayer returned it, checked over the bytes it was asked to sign.
struct Returned {
    cert_der: Vec<u8>,
    chain: Vec<Vec<u8>>,
}

fn check(data: &[u8], der: &[u8]) -> Result<Returned, SignError> {
    let refuse = |detail: &str| SignError::NcaLayerFailed {
        detail: detail.to_string(),
    };
    let parts = signed_data::read_signed_data(der)
        .map_err(|e| refuse(&format!("its answer is not a signature: {e}")))?;
    if parts.content_present {
        return Err(refuse(
            "an attached signature came back, a detached one was asked",
        ));
    }
    let algorithms = algorithm::describe(&parts.signature_algorithm, &parts.digest_algorithm);
    if !algorithms.checkable {
        return Err(SignError::UnsupportedKey {
            detail: format!(
                "NCALayer signed with {}, which cannot be checked here",
                algorithms.name
            ),
        });
    }
    let signer = parts.signer_certificate()?;
    let cert_der = signer.to_der()?;
    let mut cms = CmsContentInfo::from_der(der)
        .map_err(|e| refuse(&format!("its signature cannot be read: {e}")))?;
    // The digest and the signature value only; whose key it is, and its chain, are the flow's.
    let flags = CMSOptions::BINARY | CMSOptions::NOVERIFY;
    if cms.verify(None, None, Some(data), None, flags).is_err() {
        return Err(refuse("its signature does not verify over the data sent"));
    }
    let chain = parts
        .certificates
        .iter()
        .filter(|c| **c != cert_der.as_slice())
        .map(|c| c.to_vec())
        .collect();
    Ok(Returned { cert_der, chain })
}
