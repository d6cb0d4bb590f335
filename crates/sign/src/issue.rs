//! Making certificates and key files shaped like NCA's: a CA, the signing certificates it
//! issues, and .p12 files that hold them. Fallible throughout, so that the demo can report a
//! failure; the test PKI, being for tests, unwraps.
use crate::der;
use openssl::asn1::{Asn1Integer, Asn1Object, Asn1OctetString, Asn1Time, Asn1TimeRef};
use openssl::bn::{BigNum, MsbOption};
use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkcs12::{Pkcs12, Pkcs12Builder};
use openssl::pkey::{PKey, Private};
use openssl::rsa::Rsa;
use openssl::stack::Stack;
use openssl::x509::extension::{
    AuthorityKeyIdentifier, BasicConstraints, CrlNumber, ExtendedKeyUsage, KeyUsage,
    SubjectKeyIdentifier,
};
use openssl::x509::{
    X509Builder, X509Crl, X509CrlBuilder, X509Extension, X509Name, X509NameBuilder,
    X509RevokedBuilder, X509,
};

pub(crate) type Made<T> = Result<T, ErrorStack>;

/// Seconds in a (365-day) year, for validity windows.
pub(crate) const YEAR: i64 = 365 * 86_400;

/// When a certificate is valid, in seconds from now (negative: in the past).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Validity {
    pub from: i64,
    pub until: i64,
}

/// A CA: its certificate and the key that signs what it issues.
pub(crate) struct Authority {
    pub cert: X509,
    pub key: PKey<Private>,
}

/// A person's certificate as the authority issues it.
pub(crate) struct Holder<'a> {
    /// Subject entries, e.g. CN, SERIALNUMBER=IIN…, C.
    pub subject: &'a [(Nid, &'a str)],
    pub validity: Validity,
    /// nonRepudiation (a signing key) rather than keyEncipherment (an authentication key).
    pub signs: bool,
    /// The OCSP responder its Authority Information Access names.
    pub ocsp_url: Option<&'a str>,
    /// The CRL its CRL Distribution Points name.
    pub crl_url: Option<&'a str>,
}

/// One entry of a revocation list: a serial, when it was revoked, and the CRLReason code.
// Revocation material is the test PKI's alone; the demo's build has no use for it.
#[cfg_attr(not(any(test, feature = "test-pki")), allow(dead_code))]
pub(crate) struct RevokedSerial<'a> {
    pub serial: &'a openssl::asn1::Asn1IntegerRef,
    pub at: &'a Asn1TimeRef,
    pub reason: Option<i32>,
}

impl Authority {
    /// A self-signed CA named `subject`.
    pub fn new(subject: &[(Nid, &str)], validity: Validity) -> Made<Authority> {
        let key = rsa_key()?;
        let name = name(subject)?;
        let mut b = builder(&name, &name, &key, validity)?;
        b.append_extension(BasicConstraints::new().critical().ca().build()?)?;
        b.append_extension(
            KeyUsage::new()
                .critical()
                .key_cert_sign()
                .crl_sign()
                .build()?,
        )?;
        let ski = SubjectKeyIdentifier::new().build(&b.x509v3_context(None, None))?;
        b.append_extension(ski)?;
        b.sign(&key, MessageDigest::sha256())?;
        Ok(Authority {
            cert: b.build(),
            key,
        })
    }

    /// A certificate for `holder` over `key`, signed by this CA.
    pub fn issue(&self, key: &PKey<Private>, holder: &Holder) -> Made<X509> {
        let subject = name(holder.subject)?;
        let mut b = builder(&subject, self.cert.subject_name(), key, holder.validity)?;
        let mut usage = KeyUsage::new();
        usage.critical().digital_signature();
        if holder.signs {
            usage.non_repudiation();
        } else {
            usage.key_encipherment();
        }
        b.append_extension(usage.build()?)?;
        let ctx = b.x509v3_context(Some(&self.cert), None);
        let ski = SubjectKeyIdentifier::new().build(&ctx)?;
        let aki = AuthorityKeyIdentifier::new().keyid(true).build(&ctx)?;
        b.append_extension(ski)?;
        b.append_extension(aki)?;
        if let Some(url) = holder.ocsp_url {
            b.append_extension(authority_info_access(url)?)?;
        }
        if let Some(url) = holder.crl_url {
            b.append_extension(crl_distribution_points(url)?)?;
        }
        b.sign(&self.key, MessageDigest::sha256())?;
        Ok(b.build())
    }

    /// A delegated OCSP responder's certificate over `key`, signed by this CA: digitalSignature,
    /// id-pkix-ocsp-nocheck, and id-kp-OCSPSigning unless `ocsp_signing` is false (a
    /// certificate of the CA that must not be believed as its responder).
    #[cfg_attr(not(any(test, feature = "test-pki")), allow(dead_code))]
    pub fn responder(
        &self,
        key: &PKey<Private>,
        subject: &[(Nid, &str)],
        validity: Validity,
        ocsp_signing: bool,
    ) -> Made<X509> {
        let subject = name(subject)?;
        let mut b = builder(&subject, self.cert.subject_name(), key, validity)?;
        b.append_extension(KeyUsage::new().critical().digital_signature().build()?)?;
        if ocsp_signing {
            b.append_extension(ExtendedKeyUsage::new().other("OCSPSigning").build()?)?;
        }
        // id-pkix-ocsp-nocheck: NULL. Whoever trusts the responder does not ask about it.
        b.append_extension(extension("1.3.6.1.5.5.7.48.1.5", &[0x05, 0x00])?)?;
        let ctx = b.x509v3_context(Some(&self.cert), None);
        let aki = AuthorityKeyIdentifier::new().keyid(true).build(&ctx)?;
        b.append_extension(aki)?;
        b.sign(&self.key, MessageDigest::sha256())?;
        Ok(b.build())
    }

    /// A timestamp authority's certificate over `key`, signed by this CA: digitalSignature and
    /// the extendedKeyUsage timeStamping, critical as RFC 3161 requires unless `critical` is
    /// false (a certificate a client must not believe as a TSA).
    #[cfg(any(test, feature = "test-pki"))]
    pub fn timestamper(
        &self,
        key: &PKey<Private>,
        subject: &[(Nid, &str)],
        validity: Validity,
        critical: bool,
    ) -> Made<X509> {
        let subject = name(subject)?;
        let mut b = builder(&subject, self.cert.subject_name(), key, validity)?;
        b.append_extension(KeyUsage::new().critical().digital_signature().build()?)?;
        let mut eku = ExtendedKeyUsage::new();
        if critical {
            eku.critical();
        }
        b.append_extension(eku.time_stamping().build()?)?;
        let ctx = b.x509v3_context(Some(&self.cert), None);
        let ski = SubjectKeyIdentifier::new().build(&ctx)?;
        let aki = AuthorityKeyIdentifier::new().keyid(true).build(&ctx)?;
        b.append_extension(ski)?;
        b.append_extension(aki)?;
        b.sign(&self.key, MessageDigest::sha256())?;
        Ok(b.build())
    }

    /// A version 2 CRL of this CA listing `revoked`, issued at `this_update`, the next one
    /// promised at `next_update`.
    #[cfg_attr(not(any(test, feature = "test-pki")), allow(dead_code))]
    pub fn crl(
        &self,
        revoked: &[RevokedSerial],
        this_update: &Asn1TimeRef,
        next_update: &Asn1TimeRef,
    ) -> Made<X509Crl> {
        let mut b = X509CrlBuilder::new()?;
        b.set_issuer_name(self.cert.subject_name())?;
        b.set_last_update(this_update)?;
        b.set_next_update(next_update)?;
        for entry in revoked {
            let mut r = X509RevokedBuilder::new()?;
            r.set_serial_number(entry.serial)?;
            r.set_revocation_date(entry.at)?;
            let r = r.build();
            if let Some(code) = entry.reason {
                // CRLReason ::= ENUMERATED; the openssl crate builds no entry extensions.
                let ext = extension("2.5.29.21", &[0x0a, 0x01, code as u8])?;
                use foreign_types::ForeignType;
                // SAFETY: both are live objects owned here; add_ext copies the extension.
                let added =
                    unsafe { openssl_sys::X509_REVOKED_add_ext(r.as_ptr(), ext.as_ptr(), -1) };
                if added != 1 {
                    return Err(ErrorStack::get());
                }
            }
            b.add_revoked(r)?;
        }
        if let Some(keyid) = self.cert.subject_key_id() {
            // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
            let aki = der::write(0x30, &der::write(0x80, keyid.as_slice()));
            b.append_extension(extension("2.5.29.35", &aki)?)?;
        }
        b.append_extension(CrlNumber::new(BigNum::from_u32(1)?)?.build()?)?;
        b.sort()?;
        b.sign(&self.key, MessageDigest::sha256())?;
        b.build()
    }

    /// A key file (.p12 DER) holding `key`, its certificate and this CA's, as NCA packs them.
    /// Only the demo packs this way (the test PKI builds through [`Authority::key_file`]).
    #[cfg(any(test, feature = "demo"))]
    pub fn pack(
        &self,
        friendly_name: &str,
        key: &PKey<Private>,
        cert: &X509,
        password: &str,
    ) -> Made<Vec<u8>> {
        self.key_file(friendly_name, key, cert)?
            .build2(password)?
            .to_der()
    }

    /// What [`Authority::pack`] packs, before the encryption is chosen.
    pub fn key_file(
        &self,
        friendly_name: &str,
        key: &PKey<Private>,
        cert: &X509,
    ) -> Made<Pkcs12Builder> {
        let mut chain = Stack::new()?;
        chain.push(self.cert.clone())?;
        let mut builder = Pkcs12::builder();
        builder.name(friendly_name).pkey(key).cert(cert).ca(chain);
        Ok(builder)
    }
}

/// Authority Information Access naming one OCSP responder:
/// `SEQUENCE { SEQUENCE { id-ad-ocsp, [6] uri } }`.
fn authority_info_access(url: &str) -> Made<X509Extension> {
    const ID_AD_OCSP: &[u8] = &[0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01];
    let description = der::write(
        0x30,
        &[ID_AD_OCSP, &der::write(0x86, url.as_bytes())].concat(),
    );
    extension("1.3.6.1.5.5.7.1.1", &der::write(0x30, &description))
}

/// CRL Distribution Points naming one full URI:
/// `SEQUENCE { SEQUENCE { [0] { [0] { [6] uri } } } }`.
fn crl_distribution_points(url: &str) -> Made<X509Extension> {
    let full_name = der::write(0xa0, &der::write(0x86, url.as_bytes()));
    let point = der::write(0x30, &der::write(0xa0, &full_name));
    extension("2.5.29.31", &der::write(0x30, &point))
}

/// A non-critical extension from its OID and DER value.
fn extension(oid: &str, value: &[u8]) -> Made<X509Extension> {
    let (oid, value) = (
        Asn1Object::from_str(oid)?,
        Asn1OctetString::new_from_bytes(value)?,
    );
    X509Extension::new_from_der(&oid, false, &value)
}

pub(crate) fn rsa_key() -> Made<PKey<Private>> {
    PKey::from_rsa(Rsa::generate(2048)?)
}

pub(crate) fn name(entries: &[(Nid, &str)]) -> Made<X509Name> {
    let mut b = X509NameBuilder::new()?;
    for (nid, value) in entries {
        b.append_entry_by_nid(*nid, value)?;
    }
    Ok(b.build())
}

/// A version 3 certificate's common part: names, key, a random serial and the validity.
pub(crate) fn builder(
    subject: &X509Name,
    issuer: &openssl::x509::X509NameRef,
    key: &PKey<Private>,
    validity: Validity,
) -> Made<X509Builder> {
    let mut b = X509::builder()?;
    b.set_version(2)?;
    let serial = serial()?;
    b.set_serial_number(&serial)?;
    b.set_subject_name(subject)?;
    b.set_issuer_name(issuer)?;
    b.set_pubkey(key)?;
    let now = chrono::Utc::now().timestamp();
    let (from, until) = (
        Asn1Time::from_unix((now + validity.from) as _)?,
        Asn1Time::from_unix((now + validity.until) as _)?,
    );
    b.set_not_before(&from)?;
    b.set_not_after(&until)?;
    Ok(b)
}

fn serial() -> Made<Asn1Integer> {
    let mut bn = BigNum::new()?;
    bn.rand(120, MsbOption::MAYBE_ZERO, false)?;
    bn.to_asn1_integer()
}
