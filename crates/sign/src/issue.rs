//! Making certificates and key files shaped like NCA's: a CA, the signing certificates it
//! issues, and .p12 files that hold them. Fallible throughout, so that the demo can report a
//! failure; the test PKI, being for tests, unwraps.
use openssl::asn1::{Asn1Integer, Asn1Time};
use openssl::bn::{BigNum, MsbOption};
use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkcs12::{Pkcs12, Pkcs12Builder};
use openssl::pkey::{PKey, Private};
use openssl::rsa::Rsa;
use openssl::stack::Stack;
use openssl::x509::extension::{
    AuthorityKeyIdentifier, BasicConstraints, KeyUsage, SubjectKeyIdentifier,
};
use openssl::x509::{X509Builder, X509Name, X509NameBuilder, X509};

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
        b.sign(&self.key, MessageDigest::sha256())?;
        Ok(b.build())
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
