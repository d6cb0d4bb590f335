//! A signing key kept in a PKCS#12 (.p12) file, the form in which NCA issues RSA keys.
use crate::cades;
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use crate::signer::Signer;
use chrono::{DateTime, Utc};
use openssl::error::ErrorStack;
use openssl::pkcs12::Pkcs12;
use openssl::pkey::{Id, PKey, Private};
use openssl::provider::Provider;
use openssl::stack::Stack;
use openssl::x509::X509;
use std::sync::OnceLock;

/// A key opened from a .p12 file with its password, held in memory for the session.
pub struct Pkcs12Signer {
    info: CertificateInfo,
    cert: X509,
    cert_der: Vec<u8>,
    key: PKey<Private>,
    chain: Option<Stack<X509>>,
}

impl std::fmt::Debug for Pkcs12Signer {
    // Never print the key, even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkcs12Signer")
            .field("certificate", &self.info)
            .finish_non_exhaustive()
    }
}

impl Pkcs12Signer {
    /// Opens the key file `der` with `password`.
    ///
    /// Refuses bytes that are not a key file ([`SignError::NotAKeyFile`]), a wrong password
    /// ([`SignError::WrongPassword`]), a file without a private key
    /// ([`SignError::NoPrivateKey`]) and keys OpenSSL cannot sign with, such as GOST
    /// ([`SignError::UnsupportedKey`]). It does not judge the certificate: that is
    /// [`crate::check_signer`]'s job, so the UI can show whose key was opened.
    pub fn open(der: &[u8], password: &str) -> Result<Pkcs12Signer, SignError> {
        load_legacy_provider();
        let p12 = Pkcs12::from_der(der).map_err(|_| SignError::NotAKeyFile)?;
        let parsed = p12.parse2(password).map_err(classify)?;
        let key = parsed.pkey.ok_or(SignError::NoPrivateKey)?;
        let cert = parsed
            .cert
            .ok_or_else(|| SignError::malformed("the key file holds no certificate"))?;
        if !matches!(key.id(), Id::RSA | Id::EC) {
            return Err(SignError::UnsupportedKey {
                detail: format!("key type {:?}", key.id()),
            });
        }
        if !cert.public_key()?.public_eq(&key) {
            return Err(SignError::malformed(
                "the certificate in the key file does not match its key",
            ));
        }
        Ok(Pkcs12Signer {
            info: CertificateInfo::from_x509(&cert)?,
            cert_der: cert.to_der()?,
            cert,
            key,
            chain: parsed.ca,
        })
    }
}

impl Signer for Pkcs12Signer {
    fn certificate(&self) -> &CertificateInfo {
        &self.info
    }

    fn certificate_der(&self) -> &[u8] {
        &self.cert_der
    }

    fn chain_der(&self) -> Vec<Vec<u8>> {
        let chain = self.chain.iter().flatten();
        chain.filter_map(|cert| cert.to_der().ok()).collect()
    }

    fn sign_detached(&self, data: &[u8], at: DateTime<Utc>) -> Result<Vec<u8>, SignError> {
        cades::sign_detached(&self.cert, &self.key, self.chain.as_deref(), data, at)
    }
}

#[cfg(any(test, feature = "test-pki"))]
impl Pkcs12Signer {
    /// [`Signer::sign_detached`] over bytes of which only the SHA-256 is given, as NCALayer
    /// signs a `digested` request: for the tests' stand-in of it.
    pub fn sign_digest(&self, digest: &[u8; 32], at: DateTime<Utc>) -> Result<Vec<u8>, SignError> {
        cades::sign_digest(&self.cert, &self.key, self.chain.as_deref(), digest, at)
    }
}

/// A wrong password shows up only as a failed MAC check; every other failure after the
/// file parsed means an algorithm this OpenSSL lacks (GOST, or RC2 without the legacy module).
fn classify(errors: ErrorStack) -> SignError {
    let reasons: Vec<String> = errors
        .errors()
        .iter()
        .filter_map(|e| e.reason().map(str::to_owned))
        .collect();
    if reasons.iter().any(|r| r.contains("mac verify failure")) {
        SignError::WrongPassword
    } else {
        SignError::UnsupportedKey {
            detail: errors.to_string(),
        }
    }
}

/// Key files made by older tools (NCA's included) are encrypted with RC2-40, which OpenSSL 3
/// keeps in its "legacy" module. Loaded once for the process and kept loaded; if the module is
/// missing, such files are refused as [`SignError::UnsupportedKey`].
pub(crate) fn load_legacy_provider() {
    static LEGACY: OnceLock<Option<Provider>> = OnceLock::new();
    // retain_fallbacks: loading one provider must not unload the default one.
    LEGACY.get_or_init(|| Provider::try_load(None, "legacy", true).ok());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pki::{ClerkOptions, TestPki, PASSWORD};
    use std::sync::LazyLock;

    static PKI: LazyLock<TestPki> = LazyLock::new(TestPki::new);
    const IIN: &str = "900101300007";

    #[test]
    fn a_clerk_key_opens_and_tells_whose_it_is() {
        let opts = ClerkOptions {
            bin: Some("150540000007"),
            ..ClerkOptions::default()
        };
        let signer = Pkcs12Signer::open(&PKI.clerk(IIN, opts), PASSWORD).unwrap();
        let info = signer.certificate();
        assert_eq!(info.subject_name, "ТЕСТОВ ТЕСТ ТЕСТҰЛЫ");
        assert_eq!(info.iin.as_deref(), Some(IIN));
        assert_eq!(info.bin.as_deref(), Some("150540000007"));
        assert_eq!(info.organization.as_deref(), Some("ХҚКО ТЕСТ"));
        assert!(info.issuer_name.starts_with("ҰЛТТЫҚ"));
        assert!(info.non_repudiation);
        assert_eq!(info.sha256_hex.len(), 64);
        assert!(info.not_before < info.not_after);
        assert_eq!(
            CertificateInfo::from_der(signer.certificate_der()).unwrap(),
            *info
        );
    }

    #[test]
    fn a_wrong_password_is_told_apart_from_a_wrong_file() {
        let p12 = PKI.clerk(IIN, ClerkOptions::default());
        let e = Pkcs12Signer::open(&p12, "Test-password").unwrap_err();
        assert!(matches!(e, SignError::WrongPassword), "{e:?}");
        let e = Pkcs12Signer::open(&p12[..p12.len() / 2], PASSWORD).unwrap_err();
        assert!(matches!(e, SignError::NotAKeyFile), "{e:?}");
        let e = Pkcs12Signer::open(b"%PDF-1.7 not a key", PASSWORD).unwrap_err();
        assert!(matches!(e, SignError::NotAKeyFile), "{e:?}");
    }

    #[test]
    fn a_certificate_without_its_key_cannot_sign() {
        let p12 = PKI.clerk_without_key(IIN, ClerkOptions::default());
        let e = Pkcs12Signer::open(&p12, PASSWORD).unwrap_err();
        assert!(matches!(e, SignError::NoPrivateKey), "{e:?}");
    }

    #[test]
    fn old_rc2_key_files_open_through_the_legacy_module() {
        let p12 = PKI.clerk_legacy(IIN, ClerkOptions::default());
        let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
        assert_eq!(signer.certificate().iin.as_deref(), Some(IIN));
        let e = Pkcs12Signer::open(&p12, "wrong").unwrap_err();
        assert!(matches!(e, SignError::WrongPassword), "{e:?}");
    }

    #[test]
    fn debug_output_shows_no_key() {
        let signer = Pkcs12Signer::open(&PKI.clerk(IIN, ClerkOptions::default()), PASSWORD);
        let text = format!("{:?}", signer.unwrap());
        assert!(!text.contains("PRIVATE") && text.contains(IIN), "{text}");
    }
}
