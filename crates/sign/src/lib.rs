//! Everything about electronic digital signatures (ЭЦП) in Rastau: opening a clerk's key,
//! checking that it may certify, signing (detached CAdES and PAdES) and verifying.
//!
//! The flow codes against the [`Signer`] trait only; [`Pkcs12Signer`] is the .p12 key file of
//! NCA, [`NcaLayerSigner`] a key NCALayer holds (tokens, the ID card), with the same checks.
//! Errors carry a code and arguments (`rastau_coded::Coded`) that the UI words through the
//! Fluent messages `error-<code>` in `locales/{kk,ru}/sign.ftl`.
//!
//! A key certifies only if it chains to one of the center's [`TrustAnchors`]. Everything runs on
//! the system OpenSSL 3 and, but for two things, without the network: [`revocation_status`]
//! asks a certificate's OCSP responder or fetches its CRL, and [`request_timestamp`] asks an
//! RFC 3161 timestamp authority (both plain HTTP over one small client, bounded in time and
//! size). Neither is asked by a signing path on its own: the caller decides. [`NcaLayerSigner`]
//! talks to NCALayer on this computer's loopback address only.
//!
//! Trusted time: [`timestamp_signature`] makes a CAdES-BES signature CAdES-T (a TSA's token
//! over the signature value, added as the unsigned attribute id-aa-signatureTimeStampToken by
//! [`add_unsigned_attribute`], which leaves every signed byte as it was); [`sign_pdf_with`]
//! passes the CMS through such a step before it goes into the PDF (PAdES B-T).
//! [`verify_detached`] and [`verify_pdf`] judge the signer's certificate at a token's genTime
//! when the signature carries one that holds, and say so ([`Verification::time_source`]).
//! [`add_validation_data`] writes the path and revocation statuses into the PDF after its
//! signature (PAdES B-LT). [`validate_pdf`] and [`validate_detached`] judge a signature as
//! ETSI EN 319 102-1 does (an [`Indication`], its [`SubIndication`], reasons, the time used and
//! the revocation status read offline from what the file carries).
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
mod cades_values;
mod certificate;
mod checks;
mod der;
mod error;
mod ncalayer;
mod pades;
mod pkcs12;
mod report;
mod revocation;
mod seal_key;
mod signed_data;
mod signer;
mod timestamp;
mod trust;
mod unsigned;
mod verify;

#[cfg(any(test, feature = "test-pki", feature = "demo"))]
mod issue;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_ncalayer;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_pki;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_ocsp;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_http;

#[cfg(any(test, feature = "test-pki"))]
pub mod test_tsa;

#[cfg(any(test, feature = "demo"))]
pub mod demo_pki;

pub use cades_values::{add_validation_values, CERT_VALUES, REVOCATION_VALUES};
pub use certificate::CertificateInfo;
pub use checks::check_signer;
pub use error::SignError;
pub use ncalayer::{
    ncalayer_state, Locale as NcaLayerLocale, NcaLayerOptions, NcaLayerSigner, NcaLayerState,
    Storage as NcaLayerStorage, DEFAULT_URL as NCALAYER_URL,
};
pub use pades::{add_validation_data, sign_pdf, sign_pdf_with, PdfSignatureMeta, ValidationData};
pub use pkcs12::Pkcs12Signer;
pub use report::{
    revocation_values_der, validate_detached, validate_pdf, CallerTime, Indication, Reason,
    RevocationFinding, RevocationSource, RevocationState, SubIndication, TimeUsed, Validated,
    ValidationReport,
};
pub use revocation::{
    revocation_status, Evidence, Failure, RevocationOptions, RevocationReason, RevocationStatus,
    Source, MAX_URLS,
};
pub use seal_key::{SealKey, SealPublicKey, SEAL_SIGNATURE_LEN};
pub use signer::Signer;
pub use timestamp::{
    request_timestamp, timestamp_signature, Timestamp, TimestampOptions, Timestamped,
    SIGNATURE_TIME_STAMP_TOKEN,
};
pub use trust::{check_chain, CaCertificate, CaInfo, CertPath, TrustAnchors};
pub use unsigned::add_unsigned_attribute;
pub use verify::{verify_detached, verify_pdf, TimeSource, TimestampInfo, Verification};
