//! What the app shows and checks about a certificate, read once from the X.509 structure so the
//! rest of the app never touches OpenSSL types.
use crate::error::SignError;
use chrono::{DateTime, Utc};
use openssl::asn1::{Asn1Time, Asn1TimeRef};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::x509::{X509KeyUsage, X509NameRef, X509Ref, X509};
use serde::Serialize;

/// The facts of one certificate that matter to a clerk and to the checks before signing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    /// The subject's common name (for NCA keys, the owner's full name).
    pub subject_name: String,
    /// The 12 digits after `IIN` in the subject's `SERIALNUMBER`.
    pub iin: Option<String>,
    /// The 12 digits after `BIN` in the subject's `OU`: the employer of the owner.
    pub bin: Option<String>,
    /// The subject's `O`: the employer's name.
    pub organization: Option<String>,
    /// The issuer's common name (the whole issuer name when it has no CN).
    pub issuer_name: String,
    /// Serial number, lower-case hex without leading zeros.
    pub serial_hex: String,
    /// First moment of validity.
    pub not_before: DateTime<Utc>,
    /// Last moment of validity.
    pub not_after: DateTime<Utc>,
    /// Key usage includes nonRepudiation: the key is meant to sign documents.
    pub non_repudiation: bool,
    /// SHA-256 of the certificate's DER, lower-case hex: a fingerprint to store and compare.
    pub sha256_hex: String,
}

impl CertificateInfo {
    /// Reads the facts from a DER-encoded certificate.
    pub fn from_der(der: &[u8]) -> Result<CertificateInfo, SignError> {
        let cert =
            X509::from_der(der).map_err(|e| SignError::malformed(format!("certificate: {e}")))?;
        CertificateInfo::from_x509(&cert)
    }

    pub(crate) fn from_x509(cert: &X509Ref) -> Result<CertificateInfo, SignError> {
        let subject = cert.subject_name();
        let serial = cert.serial_number().to_bn()?.to_hex_str()?.to_lowercase();
        Ok(CertificateInfo {
            subject_name: entry(subject, Nid::COMMONNAME).unwrap_or_default(),
            iin: prefixed_number(entry(subject, Nid::SERIALNUMBER), "IIN"),
            bin: prefixed_number(entry(subject, Nid::ORGANIZATIONALUNITNAME), "BIN"),
            organization: entry(subject, Nid::ORGANIZATIONNAME),
            issuer_name: entry(cert.issuer_name(), Nid::COMMONNAME)
                .unwrap_or_else(|| one_line(cert.issuer_name())),
            serial_hex: serial,
            not_before: to_chrono(cert.not_before())?,
            not_after: to_chrono(cert.not_after())?,
            // An absent extension would allow every use, but NCA always marks signing keys;
            // treating "absent" as "not for signing" keeps authentication keys out.
            non_repudiation: cert
                .key_usage()
                .is_some_and(|ku| ku.contains(X509KeyUsage::NON_REPUDIATION)),
            sha256_hex: hex(&cert.digest(MessageDigest::sha256())?),
        })
    }
}

fn entry(name: &X509NameRef, nid: Nid) -> Option<String> {
    name.entries_by_nid(nid)
        .next()
        .and_then(|e| e.data().to_string().ok())
        .map(|s| s.to_string())
}

pub(crate) fn one_line(name: &X509NameRef) -> String {
    name.entries()
        .filter_map(|e| {
            let key = e.object().nid().short_name().unwrap_or("?");
            let value = e.data().to_string().ok()?;
            Some(format!("{key}={value}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `IIN123456789012` → `123456789012`; anything else (another prefix, not 12 digits) → None.
fn prefixed_number(value: Option<String>, prefix: &str) -> Option<String> {
    let digits = value?.strip_prefix(prefix)?.to_string();
    (digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// OpenSSL exposes certificate times only as differences, so measure from the Unix epoch.
pub(crate) fn to_chrono(time: &Asn1TimeRef) -> Result<DateTime<Utc>, SignError> {
    let diff = Asn1Time::from_unix(0)?.diff(time)?;
    let secs = i64::from(diff.days) * 86_400 + i64::from(diff.secs);
    DateTime::from_timestamp(secs, 0).ok_or_else(|| SignError::malformed("certificate time"))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_twelve_digits_after_the_prefix_count() {
        let p = |s: &str| prefixed_number(Some(s.to_string()), "IIN");
        assert_eq!(p("IIN900101300007").as_deref(), Some("900101300007"));
        assert_eq!(p("BIN900101300007"), None);
        assert_eq!(p("IIN90010130000"), None);
        assert_eq!(p("IIN90010130000X"), None);
    }
}
