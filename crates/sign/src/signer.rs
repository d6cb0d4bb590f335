//! The one seam between the signing flow and where keys live: a .p12 file today
//! ([`crate::Pkcs12Signer`]), NCALayer or a token later, without touching the flow.
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use chrono::{DateTime, Utc};

/// Something that holds a clerk's signing key and can produce CAdES signatures with it.
pub trait Signer: Send + Sync {
    /// The facts of the signing certificate, for [`crate::check_signer`] and the UI.
    fn certificate(&self) -> &CertificateInfo;
    /// The signing certificate, DER-encoded.
    fn certificate_der(&self) -> &[u8];
    /// The certificates the key came with (its CA's), DER-encoded: they help to build the path
    /// to a trusted CA but are never trusted themselves.
    fn chain_der(&self) -> Vec<Vec<u8>>;
    /// Detached CAdES-BES over `data` (DER CMS SignedData with signing-certificate-v2 and a
    /// signing-time of `at`: the application's clock, the one its records are written with).
    fn sign_detached(&self, data: &[u8], at: DateTime<Utc>) -> Result<Vec<u8>, SignError>;
}
