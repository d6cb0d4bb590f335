//! The center's trust anchors: the CA certificates (NCA RK's roots and intermediates, or the
//! test CA) that a signing key must chain to before it certifies anything, and that
//! verification judges signatures against.
//!
//! Every trusted certificate is an anchor (OpenSSL's partial-chain mode), so a center that holds
//! only NCA's intermediate needs no root. Certificates that a key file or a signature carries
//! only help to build the path and are never anchors: a self-made "CA" packed into a key file,
//! or a self-signed key naming a supervisor's IIN, gains nothing.
use crate::certificate::{hex, one_line, to_chrono};
use crate::error::SignError;
use crate::signer::Signer;
use chrono::{DateTime, Utc};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::stack::Stack;
use openssl::x509::store::{X509Store, X509StoreBuilder};
use openssl::x509::verify::{X509VerifyFlags, X509VerifyParam};
use openssl::x509::{
    X509KeyUsage, X509PurposeId, X509Ref, X509StoreContext, X509VerifyResult, X509,
};
use serde::Serialize;

/// A CA certificate as a supervisor sees it when adding or listing the trusted ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaInfo {
    /// The subject's common name (the whole subject when it has none).
    pub subject: String,
    /// The issuer's common name: the CA's own name for a root.
    pub issuer: String,
    /// SHA-256 of the certificate's DER, lower-case hex: how a trusted CA is named and removed.
    pub fingerprint: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
}

/// One CA certificate, checked to be a CA.
#[derive(Clone)]
pub struct CaCertificate {
    cert: X509,
    pub info: CaInfo,
}

impl CaCertificate {
    /// Reads every certificate of a PEM bundle or of one DER certificate (NCA publishes its
    /// roots as `.cer` files of either kind). Each must be a CA: basicConstraints with CA set,
    /// and, when key usage is present, certificate signing among it; a person's or a server's
    /// certificate is refused by name, and bytes that hold no certificate are refused whole.
    pub fn read_all(bytes: &[u8]) -> Result<Vec<CaCertificate>, SignError> {
        let certs = if bytes.windows(11).any(|w| w == b"-----BEGIN ") {
            X509::stack_from_pem(bytes).map_err(|_| SignError::NotACertificate)?
        } else {
            vec![X509::from_der(bytes).map_err(|_| SignError::NotACertificate)?]
        };
        if certs.is_empty() {
            return Err(SignError::NotACertificate);
        }
        certs.into_iter().map(CaCertificate::checked).collect()
    }

    fn checked(cert: X509) -> Result<CaCertificate, SignError> {
        let info = ca_info(&cert)?;
        let signs_certificates = cert
            .key_usage()
            .is_none_or(|ku| ku.contains(X509KeyUsage::KEY_CERT_SIGN));
        if !is_ca(&cert) || !signs_certificates {
            return Err(SignError::NotACa {
                subject: info.subject,
            });
        }
        Ok(CaCertificate { cert, info })
    }

    /// The certificate as PEM, one per entry of the trusted list.
    pub fn to_pem(&self) -> Result<Vec<u8>, SignError> {
        Ok(self.cert.to_pem()?)
    }
}

fn ca_info(cert: &X509Ref) -> Result<CaInfo, SignError> {
    let name = |n: &openssl::x509::X509NameRef| {
        n.entries_by_nid(Nid::COMMONNAME)
            .next()
            .and_then(|e| e.data().to_string().ok())
            .map(|s| s.to_string())
            .unwrap_or_else(|| one_line(n))
    };
    Ok(CaInfo {
        subject: name(cert.subject_name()),
        issuer: name(cert.issuer_name()),
        fingerprint: hex(&cert.digest(MessageDigest::sha256())?),
        not_before: to_chrono(cert.not_before())?,
        not_after: to_chrono(cert.not_after())?,
    })
}

/// basicConstraints CA:TRUE, as OpenSSL itself judges it when building paths. The Rust API does
/// not expose the flag, so it is read from OpenSSL's cached extension flags.
fn is_ca(cert: &X509Ref) -> bool {
    use foreign_types::ForeignTypeRef;
    // SAFETY: the pointer is a live certificate borrowed for the call; the function only
    // computes and reads the certificate's cached extension flags.
    let flags = unsafe { openssl_sys::X509_get_extension_flags(cert.as_ptr()) };
    flags & openssl_sys::EXFLAG_CA != 0
}

/// The CAs a center trusts.
#[derive(Clone, Default)]
pub struct TrustAnchors {
    cas: Vec<X509>,
}

impl TrustAnchors {
    pub fn new(cas: impl IntoIterator<Item = CaCertificate>) -> TrustAnchors {
        TrustAnchors {
            cas: cas.into_iter().map(|ca| ca.cert).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.cas.is_empty()
    }

    /// An OpenSSL store of the anchors that judges validity at `at`.
    pub(crate) fn store_at(&self, at: DateTime<Utc>) -> Result<X509Store, SignError> {
        self.store_for(at, None)
    }

    /// The path from `cert` to one of the anchors, `untrusted` helping to build it, whatever
    /// the moment (validity is the caller's to judge, certificate by certificate): the signer's
    /// certificate first, the anchor last; or OpenSSL's reason there is none.
    pub(crate) fn path_any_time(
        &self,
        cert: &X509,
        untrusted: &[X509],
    ) -> Result<Result<Vec<X509>, X509VerifyResult>, SignError> {
        let mut builder = X509StoreBuilder::new()?;
        for ca in &self.cas {
            builder.add_cert(ca.clone())?;
        }
        let mut param = X509VerifyParam::new()?;
        param.set_flags(X509VerifyFlags::PARTIAL_CHAIN | X509VerifyFlags::NO_CHECK_TIME)?;
        builder.set_param(&param)?;
        let store = builder.build();
        let mut stack = Stack::new()?;
        for cert in untrusted {
            stack.push(cert.clone())?;
        }
        let mut ctx = X509StoreContext::new()?;
        Ok(ctx.init(&store, cert, &stack, |ctx| {
            if !ctx.verify_cert()? {
                return Ok(Err(ctx.error()));
            }
            let chain = ctx
                .chain()
                .map(|c| c.iter().map(X509Ref::to_owned).collect());
            Ok(Ok(chain.unwrap_or_default()))
        })?)
    }

    /// Like [`TrustAnchors::store_at`], every certificate of a path also checked for `purpose`
    /// (a TSA's: its critical timeStamping usage, its CAs' basicConstraints).
    pub(crate) fn store_for(
        &self,
        at: DateTime<Utc>,
        purpose: Option<X509PurposeId>,
    ) -> Result<X509Store, SignError> {
        let mut builder = X509StoreBuilder::new()?;
        for ca in &self.cas {
            builder.add_cert(ca.clone())?;
        }
        let mut param = X509VerifyParam::new()?;
        param.set_time(at.timestamp() as _);
        param.set_flags(X509VerifyFlags::PARTIAL_CHAIN)?;
        if let Some(purpose) = purpose {
            param.set_purpose(purpose)?;
        }
        builder.set_param(&param)?;
        Ok(builder.build())
    }
}

/// The certificates from a signer's own up to the trusted CA, as the check found them (DER):
/// what a signature embeds so that it can be validated without fetching anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertPath {
    /// The signer's certificate first, the trusted CA last.
    pub certificates: Vec<Vec<u8>>,
}

impl CertPath {
    /// The certificate that issued the signer's: the one a revocation status is asked about
    /// with. A path of one (the CA itself signing) has none.
    pub fn issuer(&self) -> Option<&[u8]> {
        self.certificates.get(1).map(Vec::as_slice)
    }
}

/// The path from the signer's certificate to one of `anchors` at `at` (the moment of signing by
/// the application's clock, never a time the certificate or signature claims); a signer with no
/// such path is refused.
pub fn check_chain(
    signer: &dyn Signer,
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
) -> Result<CertPath, SignError> {
    let cert = X509::from_der(signer.certificate_der())?;
    let mut untrusted = Stack::new()?;
    for der in signer.chain_der() {
        untrusted.push(X509::from_der(&der)?)?;
    }
    let store = anchors.store_at(at)?;
    let mut ctx = X509StoreContext::new()?;
    let verdict = ctx.init(&store, &cert, &untrusted, |ctx| {
        if !ctx.verify_cert()? {
            return Ok(Err(ctx.error()));
        }
        let chain = ctx
            .chain()
            .map(|chain| chain.iter().map(X509Ref::to_der).collect());
        Ok(Ok(chain.transpose()?.unwrap_or_default()))
    })?;
    let certificates = verdict.map_err(|e| chain_error(e, signer))?;
    Ok(CertPath { certificates })
}

fn chain_error(e: X509VerifyResult, signer: &dyn Signer) -> SignError {
    if leads_nowhere(e) {
        SignError::UntrustedIssuer {
            issuer: signer.certificate().issuer_name.clone(),
        }
    } else {
        SignError::ChainInvalid {
            detail: e.error_string().to_owned(),
        }
    }
}

/// OpenSSL's verdict is that the path leads to no trusted CA (rather than that a certificate
/// on it is bad).
pub(crate) fn leads_nowhere(e: X509VerifyResult) -> bool {
    // OpenSSL's X509_V_ERR_* codes of a path that leads to no trusted CA.
    const UNABLE_TO_GET_ISSUER_CERT: i32 = 2;
    const DEPTH_ZERO_SELF_SIGNED_CERT: i32 = 18;
    const SELF_SIGNED_CERT_IN_CHAIN: i32 = 19;
    const UNABLE_TO_GET_ISSUER_CERT_LOCALLY: i32 = 20;
    const UNABLE_TO_VERIFY_LEAF_SIGNATURE: i32 = 21;
    matches!(
        e.as_raw(),
        UNABLE_TO_GET_ISSUER_CERT
            | DEPTH_ZERO_SELF_SIGNED_CERT
            | SELF_SIGNED_CERT_IN_CHAIN
            | UNABLE_TO_GET_ISSUER_CERT_LOCALLY
            | UNABLE_TO_VERIFY_LEAF_SIGNATURE
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pki::{ClerkOptions, TestPki, PASSWORD};
    use crate::Pkcs12Signer;
    use std::sync::LazyLock;

    static PKI: LazyLock<TestPki> = LazyLock::new(TestPki::new);
    const IIN: &str = "900101300007";

    fn signer(pki: &TestPki) -> Pkcs12Signer {
        Pkcs12Signer::open(&pki.clerk(IIN, ClerkOptions::default()), PASSWORD).unwrap()
    }

    #[test]
    fn a_key_of_the_trusted_ca_passes_and_a_stranger_ca_does_not() {
        let path = check_chain(&signer(&PKI), &PKI.trust(), Utc::now()).unwrap();
        assert_eq!(path.certificates.len(), 2, "the clerk's and the CA's");
        let ca = X509::from_pem(&PKI.ca_pem).unwrap().to_der().unwrap();
        assert_eq!(path.issuer(), Some(ca.as_slice()));
        let stranger = TestPki::new();
        let e = check_chain(&signer(&stranger), &PKI.trust(), Utc::now()).unwrap_err();
        assert!(matches!(e, SignError::UntrustedIssuer { .. }), "{e:?}");
        let e = check_chain(&signer(&PKI), &TrustAnchors::default(), Utc::now()).unwrap_err();
        assert!(matches!(e, SignError::UntrustedIssuer { .. }), "{e:?}");
    }

    #[test]
    fn a_self_signed_key_with_an_iin_is_refused_even_carrying_its_own_ca() {
        let forged = Pkcs12Signer::open(&PKI.self_signed(IIN), PASSWORD).unwrap();
        crate::check_signer(forged.certificate(), IIN, Utc::now()).unwrap();
        let e = check_chain(&forged, &PKI.trust(), Utc::now()).unwrap_err();
        assert!(matches!(e, SignError::UntrustedIssuer { .. }), "{e:?}");
    }

    #[test]
    fn the_chain_is_judged_at_the_given_moment() {
        let ten_years_on = Utc::now() + chrono::Duration::days(3650 + 30);
        let e = check_chain(&signer(&PKI), &PKI.trust(), ten_years_on).unwrap_err();
        assert!(matches!(e, SignError::ChainInvalid { .. }), "{e:?}");
    }

    #[test]
    fn only_ca_certificates_are_read_as_cas() {
        let cas = CaCertificate::read_all(&PKI.ca_pem).unwrap();
        assert_eq!(cas.len(), 1);
        assert!(cas[0].info.subject.starts_with("ҰЛТТЫҚ"));
        assert_eq!(cas[0].info.fingerprint.len(), 64);
        let der = X509::from_pem(&PKI.ca_pem).unwrap().to_der().unwrap();
        assert_eq!(CaCertificate::read_all(&der).unwrap()[0].info, cas[0].info);

        let clerk = PKI.clerk_certificate_pem(IIN);
        let e = CaCertificate::read_all(&clerk).err().unwrap();
        assert!(matches!(e, SignError::NotACa { ref subject } if subject.starts_with("ТЕСТОВ")));
        let mut bundle = PKI.ca_pem.clone();
        bundle.extend_from_slice(&clerk);
        assert!(
            CaCertificate::read_all(&bundle).is_err(),
            "one bad entry spoils the file"
        );

        for junk in [
            &b""[..],
            b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
            b"-----BEGIN CERTIFICATE-----\nMIIB\n",
            b"\x30\x82\x01\x00garbage",
        ] {
            let e = CaCertificate::read_all(junk).err().unwrap();
            assert!(matches!(e, SignError::NotACertificate), "{e:?}");
        }
    }
}
