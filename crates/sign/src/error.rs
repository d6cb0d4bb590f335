//! The one error type of the crate. Its `Display` text is for logs only: the UI words every
//! variant in Kazakh or Russian through the Fluent message `error-<code>` (see
//! `locales/*/sign.ftl`), with the arguments of its [`Coded`] side.
use rastau_coded::{Arg, Coded};

/// Why a key could not be opened, a document could not be signed, or a signature not read.
#[derive(thiserror::Error, Debug, strum::EnumIter)]
pub enum SignError {
    /// The .p12 file opened, but its integrity check failed with this password.
    #[error("wrong password for the key file")]
    WrongPassword,
    /// The bytes are not a PKCS#12 key file at all (another file chosen, or a damaged copy).
    #[error("not a PKCS#12 key file")]
    NotAKeyFile,
    /// The key file holds certificates only.
    #[error("the key file holds no private key")]
    NoPrivateKey,
    /// A key this build cannot use directly, such as GOST (those go through NCALayer).
    #[error("unsupported key or key file algorithm: {detail}")]
    UnsupportedKey { detail: String },
    /// The certificate expired; `until` is its last valid day, `DD.MM.YYYY` (UTC).
    #[error("certificate expired on {until}")]
    Expired { until: String },
    /// The certificate is not valid yet; `from` is its first valid day, `DD.MM.YYYY` (UTC).
    #[error("certificate valid only from {from}")]
    NotYetValid { from: String },
    /// An authentication certificate (no nonRepudiation): it must not sign documents.
    #[error("the certificate is for authentication, not for signing")]
    NotForSigning,
    /// The certificate belongs to someone else than the clerk who is signing.
    #[error("certificate of IIN {found}, expected {expected}")]
    WrongPerson { found: String, expected: String },
    /// The certificate carries no `SERIALNUMBER=IIN…`, so its owner cannot be checked.
    #[error("the certificate carries no IIN")]
    NoIin,
    /// The document carries no signature to verify.
    #[error("no signature found")]
    NoSignature,
    /// The PDF is password-protected; an incremental update of it cannot be written.
    #[error("the PDF is encrypted")]
    PdfEncrypted,
    /// A signature, certificate or PDF that cannot be read.
    #[error("malformed input: {detail}")]
    Malformed { detail: String },
    /// OpenSSL refused an operation for a reason not covered above.
    #[error("cryptographic operation failed: {detail}")]
    Crypto { detail: String },
    /// The key does not chain to a CA the center trusts: a self-made key, or one of a CA
    /// nobody added; `issuer` is the name the certificate gives for its issuer.
    #[error("the key was not issued by a trusted CA (issuer: {issuer})")]
    UntrustedIssuer { issuer: String },
    /// The path to a trusted CA exists but does not hold (an expired or damaged CA
    /// certificate); `detail` is OpenSSL's reason, for the log.
    #[error("the certificate chain does not hold: {detail}")]
    ChainInvalid { detail: String },
    /// A file offered as a trusted CA holds no readable certificate.
    #[error("not a certificate file")]
    NotACertificate,
    /// A file offered as a trusted CA holds a certificate that is not a CA's.
    #[error("{subject} is not a CA certificate")]
    NotACa { subject: String },
    /// A PDF that would inflate beyond `max_mb` when read: a decompression bomb.
    #[error("the PDF expands beyond {max_mb} MB")]
    PdfExpands { max_mb: u64 },
    /// A PDF with more objects or deeper nesting than any real document.
    #[error("the PDF is built too intricately to be read safely")]
    PdfTooComplex,
    /// The key was revoked (by its OCSP responder or its CA's CRL); `on` is the day of the
    /// revocation, `DD.MM.YYYY` (UTC).
    #[error("the certificate was revoked on {on}")]
    Revoked { on: String },
    /// Neither the OCSP responder nor the CRL gave a status that could be believed; `detail`
    /// says why for each, for the log.
    #[error("no revocation status could be had: {detail}")]
    RevocationUnknown { detail: String },
    /// The certificate names no OCSP responder and no CRL, so its status cannot be asked.
    #[error("the certificate names no OCSP responder and no CRL")]
    NoRevocationSource,
    /// Nothing listens on NCALayer's port: it is not started (or not installed).
    #[error("NCALayer is not running")]
    NcaLayerNotRunning,
    /// Something took the connection on NCALayer's port but gave no answer within `seconds`:
    /// NCALayer hangs, or its window waits behind others for longer than the app waits.
    #[error("NCALayer did not answer within {seconds} s")]
    NcaLayerNoAnswer { seconds: u64 },
    /// The clerk closed NCALayer's window (chose no key, or pressed Cancel).
    #[error("signing cancelled in NCALayer")]
    NcaLayerCancelled,
    /// The chosen storage holds no key (an empty token, no card in the reader).
    #[error("NCALayer found no key in the chosen storage")]
    NcaLayerNoKey,
    /// The key's password or the token's PIN was wrong.
    #[error("wrong PIN or password in NCALayer")]
    NcaLayerWrongPin,
    /// NCALayer signed with another key than the one opened for the session: someone chose
    /// another key in its window.
    #[error("NCALayer signed with another key than the one opened")]
    NcaLayerKeyChanged,
    /// NCALayer refused or failed otherwise, or answered something that is not a detached
    /// signature over the data sent; `detail` is its code and message, for the log.
    #[error("NCALayer failed: {detail}")]
    NcaLayerFailed { detail: String },
    /// The timestamp authority's address is not an `http://` one (the only kind asked).
    #[error("the timestamp authority's address is not http://: {url}")]
    TsaAddress { url: String },
    /// The timestamp authority could not be reached, or gave no whole answer in time; `detail`
    /// says which, for the log. Whether signing goes on without a timestamp is the center's
    /// setting.
    #[error("the timestamp authority did not answer: {detail}")]
    TsaUnreachable { detail: String },
    /// The timestamp authority answered and refused; `status` is its PKIStatus with its text.
    #[error("the timestamp authority refused: {status}")]
    TsaRefused { status: String },
    /// The answer is not a timestamp of what was asked (garbage, another document's imprint, a
    /// replayed answer); `detail` for the log.
    #[error("the timestamp authority's answer is not usable: {detail}")]
    TsaBadAnswer { detail: String },
    /// A timestamp token, but not signed by a timestamping certificate of a trusted CA;
    /// `detail` for the log.
    #[error("the timestamp is not signed by a trusted timestamp authority: {detail}")]
    TsaUntrusted { detail: String },
    /// A signature's own timestamp does not hold (verification); `detail` for the log.
    #[error("the signature's timestamp does not hold: {detail}")]
    TimestampInvalid { detail: String },
}

impl Coded for SignError {
    fn code(&self) -> &'static str {
        match self {
            SignError::WrongPassword => "sign-wrong-password",
            SignError::NotAKeyFile => "sign-not-a-key-file",
            SignError::NoPrivateKey => "sign-no-private-key",
            SignError::UnsupportedKey { .. } => "sign-unsupported-key",
            SignError::Expired { .. } => "sign-expired",
            SignError::NotYetValid { .. } => "sign-not-yet-valid",
            SignError::NotForSigning => "sign-not-for-signing",
            SignError::WrongPerson { .. } => "sign-wrong-person",
            SignError::NoIin => "sign-no-iin",
            SignError::NoSignature => "sign-no-signature",
            SignError::PdfEncrypted => "sign-pdf-encrypted",
            SignError::Malformed { .. } => "sign-malformed",
            SignError::Crypto { .. } => "sign-crypto",
            SignError::UntrustedIssuer { .. } => "sign-untrusted-issuer",
            SignError::ChainInvalid { .. } => "sign-chain-invalid",
            SignError::NotACertificate => "sign-not-a-certificate",
            SignError::NotACa { .. } => "sign-not-a-ca",
            SignError::PdfExpands { .. } => "sign-pdf-expands",
            SignError::PdfTooComplex => "sign-pdf-too-complex",
            SignError::Revoked { .. } => "sign-revoked",
            SignError::RevocationUnknown { .. } => "sign-revocation-unknown",
            SignError::NoRevocationSource => "sign-no-revocation-source",
            SignError::NcaLayerNotRunning => "sign-ncalayer-not-running",
            SignError::NcaLayerNoAnswer { .. } => "sign-ncalayer-no-answer",
            SignError::NcaLayerCancelled => "sign-ncalayer-cancelled",
            SignError::NcaLayerNoKey => "sign-ncalayer-no-key",
            SignError::NcaLayerWrongPin => "sign-ncalayer-wrong-pin",
            SignError::NcaLayerKeyChanged => "sign-ncalayer-key-changed",
            SignError::NcaLayerFailed { .. } => "sign-ncalayer-failed",
            SignError::TsaAddress { .. } => "sign-tsa-address",
            SignError::TsaUnreachable { .. } => "sign-tsa-unreachable",
            SignError::TsaRefused { .. } => "sign-tsa-refused",
            SignError::TsaBadAnswer { .. } => "sign-tsa-bad-answer",
            SignError::TsaUntrusted { .. } => "sign-tsa-untrusted",
            SignError::TimestampInvalid { .. } => "sign-timestamp-invalid",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            SignError::UnsupportedKey { detail }
            | SignError::Malformed { detail }
            | SignError::Crypto { detail }
            | SignError::ChainInvalid { detail }
            | SignError::RevocationUnknown { detail }
            | SignError::NcaLayerFailed { detail }
            | SignError::TsaUnreachable { detail }
            | SignError::TsaBadAnswer { detail }
            | SignError::TsaUntrusted { detail }
            | SignError::TimestampInvalid { detail } => vec![("detail", detail.into())],
            SignError::NcaLayerNoAnswer { seconds } => vec![("seconds", (*seconds).into())],
            SignError::TsaAddress { url } => vec![("url", url.into())],
            SignError::TsaRefused { status } => vec![("status", status.into())],
            SignError::Revoked { on } => vec![("on", on.into())],
            SignError::UntrustedIssuer { issuer } => vec![("issuer", issuer.into())],
            SignError::NotACa { subject } => vec![("subject", subject.into())],
            SignError::Expired { until } => vec![("until", until.into())],
            SignError::NotYetValid { from } => vec![("from", from.into())],
            SignError::WrongPerson { found, expected } => {
                vec![("found", found.into()), ("expected", expected.into())]
            }
            SignError::WrongPassword
            | SignError::NotAKeyFile
            | SignError::NoPrivateKey
            | SignError::NotForSigning
            | SignError::NoIin
            | SignError::NoSignature
            | SignError::PdfEncrypted
            | SignError::NotACertificate
            | SignError::PdfTooComplex
            | SignError::NoRevocationSource
            | SignError::NcaLayerNotRunning
            | SignError::NcaLayerCancelled
            | SignError::NcaLayerNoKey
            | SignError::NcaLayerWrongPin
            | SignError::NcaLayerKeyChanged => Vec::new(),
            SignError::PdfExpands { max_mb } => vec![("max_mb", (*max_mb).into())],
        }
    }
}

impl SignError {
    pub(crate) fn malformed(detail: impl Into<String>) -> SignError {
        SignError::Malformed {
            detail: detail.into(),
        }
    }
}

impl From<rastau_pdf_guard::GuardError> for SignError {
    fn from(e: rastau_pdf_guard::GuardError) -> Self {
        use rastau_pdf_guard::GuardError;
        match e {
            GuardError::Expands { max_mb } => SignError::PdfExpands { max_mb },
            GuardError::TooComplex => SignError::PdfTooComplex,
            GuardError::Encrypted => SignError::PdfEncrypted,
            GuardError::Unreadable { detail } => SignError::malformed(format!("PDF: {detail}")),
        }
    }
}

impl From<openssl::error::ErrorStack> for SignError {
    fn from(e: openssl::error::ErrorStack) -> Self {
        SignError::Crypto {
            detail: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KK: &str = include_str!("../../../locales/kk/sign.ftl");
    const RU: &str = include_str!("../../../locales/ru/sign.ftl");

    #[test]
    fn every_error_has_words_in_both_languages_with_its_arguments() {
        use strum::IntoEnumIterator;
        rastau_coded::check::every_error_is_worded(
            SignError::iter(),
            env!("CARGO_MANIFEST_DIR"),
            &["sign.ftl"],
        );
    }

    #[test]
    fn the_kazakh_text_is_kazakh() {
        assert!(KK.chars().any(|c| "әғқңөұүһі".contains(c)));
        assert!(!RU.chars().any(|c| "әғқңөұүһі".contains(c)));
    }
}
