//! Everything about electronic digital signatures (ЭЦП) in Rastau: opening a clerk's key,
//! checking that it may certify, signing (detached CAdES and PAdES) and verifying.
//!
//! The flow codes against the [`Signer`] trait only; [`Pkcs12Signer`] is the .p12 key file of
//! NCA, [`NcaLayerSigner`] a key NCALayer holds (tokens, the ID card), with the same checks.
//! Errors carry a code and arguments (`rastau_coded::Coded`) that the UI words through the
//! Fluent messages `error-<code>` in `locales/{kk,ru}/sign.ftl`.
//!
//! A key certifies only if it chains to one of the center's [`TrustAnchors`]. Everything runs on
//! the system OpenSSL 3 and, but for [`revocation_status`], without the network: that one asks
//! a certificate's OCSP responder or fetches its CRL (plain HTTP, bounded in time and size). No
//! signing path asks it yet. [`NcaLayerSigner`] talks to NCALayer on this computer's loopback
//! address only.
//!
//! ```
//! use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
//! use rastau_sign::{check_chain, check_signer, verify_detached, Pkcs12Signer, Signer};
//!
//! let pki = TestPki::new();
//! let p12 = pki.clerk("900101300007", ClerkOptions::default());
//! let signer = Pkcs12Signer::open(&p12, PASSWORD)?;
//! let now = chrono::Utc::now();
//! check_signer(signer.certificate(), "900101300007", now)?;
//! check_chain(&signer, &pki.trust(), now)?;
//! let signature = signer.sign_detached(b"scanned page", now)?;
//! let v = verify_detached(b"scanned page", &signature, &pki.trust(), now)?;
//! assert!(v.intact && v.trusted);
//! # Ok::<(), rastau_sign::SignError>(())
//! ```
mod algorithm;
mod cades;
mod certificate;
mod checks;
mod error;
mod ncalayer;
mod pades;
mod pkcs12;
mod revocation;
mod seal_key;
mod signed_data;
mod signer;
mod trust;
mod verify;

#[cfg(any(test, feature = "test-pki", feature = "demo"))]
mod issue;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_ncalayer;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_pki;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_ocsp;

#[cfg(any(test, feature = "demo"))]
pub mod demo_pki;

pub use certificate::CertificateInfo;
pub use checks::check_signer;
pub use error::SignError;
pub use ncalayer::{
    ncalayer_state, Locale as NcaLayerLocale, NcaLayerOptions, NcaLayerSigner, NcaLayerState,
    Storage as NcaLayerStorage, DEFAULT_URL as NCALAYER_URL,
};
pub use pades::{add_validation_data, sign_pdf, PdfSignatureMeta, ValidationData};
pub use pkcs12::Pkcs12Signer;
pub use revocation::{
    revocation_status, Evidence, Failure, RevocationOptions, RevocationReason, RevocationStatus,
    Source, MAX_URLS,
};
pub use seal_key::{SealKey, SealPublicKey, SEAL_SIGNATURE_LEN};
pub use signer::Signer;
pub use trust::{check_chain, CaCertificate, CaInfo, CertPath, TrustAnchors};
pub use verify::{verify_detached, verify_pdf, Verification};
