//! A throw-away certification authority and clerk keys shaped like NCA's, made in memory, so
//! tests sign and verify for real without shipping key files. Not for production: every
//! failure panics and every key file has the password [`PASSWORD`].
use openssl::asn1::{Asn1Integer, Asn1Time};
use openssl::bn::{BigNum, MsbOption};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkcs12::Pkcs12;
use openssl::pkey::{PKey, Private};
use openssl::rsa::Rsa;
use openssl::stack::Stack;
use openssl::x509::extension::{
    AuthorityKeyIdentifier, BasicConstraints, KeyUsage, SubjectKeyIdentifier,
};
use openssl::x509::{X509Name, X509NameBuilder, X509};
use std::path::{Path, PathBuf};

/// The password of every key file made here.
pub const PASSWORD: &str = "test-password";

// Keys reach far into the past because tests run on fixed clocks that fall further behind the
// real date every day: a key made "valid from yesterday" is not yet valid at such a clock.
const YEAR: i64 = 365 * 86_400;

/// What kind of clerk key to make.
#[derive(Debug, Clone, Copy)]
pub struct ClerkOptions<'a> {
    /// Valid from ten years ago until six years ago, instead of from five years ago until a year
    /// from now.
    pub expired: bool,
    /// An authentication key: digitalSignature + keyEncipherment, no nonRepudiation.
    pub auth_only: bool,
    /// The employer's BIN, written as `OU=BIN<bin>`.
    pub bin: Option<&'a str>,
    /// The owner's full name, the certificate's CN.
    pub name: &'a str,
}

impl Default for ClerkOptions<'_> {
    fn default() -> Self {
        ClerkOptions {
            expired: false,
            auth_only: false,
            bin: None,
            name: "ТЕСТОВ ТЕСТ ТЕСТҰЛЫ",
        }
    }
}

/// A CA that issues clerk keys.
pub struct TestPki {
    /// The CA certificate, PEM: what a verifier is told to trust.
    pub ca_pem: Vec<u8>,
    ca_cert: X509,
    ca_key: PKey<Private>,
}

impl Default for TestPki {
    fn default() -> Self {
        TestPki::new()
    }
}

impl TestPki {
    /// A new CA, valid from ten years ago for twenty years.
    pub fn new() -> TestPki {
        let key = rsa_key();
        let name = name(&[
            (Nid::COMMONNAME, "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST)"),
            (Nid::COUNTRYNAME, "KZ"),
        ]);
        let mut b = X509::builder().unwrap();
        b.set_version(2).unwrap();
        b.set_serial_number(&serial()).unwrap();
        b.set_subject_name(&name).unwrap();
        b.set_issuer_name(&name).unwrap();
        b.set_pubkey(&key).unwrap();
        set_validity(&mut b, -10 * YEAR, 10 * YEAR);
        b.append_extension(BasicConstraints::new().critical().ca().build().unwrap())
            .unwrap();
        b.append_extension(
            KeyUsage::new()
                .critical()
                .key_cert_sign()
                .crl_sign()
                .build()
                .unwrap(),
        )
        .unwrap();
        let ski = SubjectKeyIdentifier::new()
            .build(&b.x509v3_context(None, None))
            .unwrap();
        b.append_extension(ski).unwrap();
        b.sign(&key, MessageDigest::sha256()).unwrap();
        let ca_cert = b.build();
        TestPki {
            ca_pem: ca_cert.to_pem().unwrap(),
            ca_cert,
            ca_key: key,
        }
    }

    /// The trust anchors to give [`crate::check_chain`], [`crate::verify_detached`] and
    /// [`crate::verify_pdf`]: this CA.
    pub fn trust(&self) -> crate::TrustAnchors {
        crate::TrustAnchors::new(crate::CaCertificate::read_all(&self.ca_pem).unwrap())
    }

    /// A clerk's certificate alone, PEM: what a careless supervisor might offer as a CA.
    pub fn clerk_certificate_pem(&self, iin: &str) -> Vec<u8> {
        let cert = self.clerk_certificate(&rsa_key(), iin, &ClerkOptions::default());
        cert.to_pem().unwrap()
    }

    /// The forger's key: a self-signed certificate that carries `SERIALNUMBER=IIN<iin>` and
    /// nonRepudiation like an NCA key, packed with itself as its "CA". Every check on the
    /// certificate alone passes; only the chain to a trusted CA tells it apart.
    pub fn self_signed(&self, iin: &str) -> Vec<u8> {
        let key = rsa_key();
        let serial_number = format!("IIN{iin}");
        let subject = name(&[
            (Nid::COMMONNAME, ClerkOptions::default().name),
            (Nid::SERIALNUMBER, serial_number.as_str()),
            (Nid::COUNTRYNAME, "KZ"),
        ]);
        let mut b = X509::builder().unwrap();
        b.set_version(2).unwrap();
        b.set_serial_number(&serial()).unwrap();
        b.set_subject_name(&subject).unwrap();
        b.set_issuer_name(&subject).unwrap();
        b.set_pubkey(&key).unwrap();
        set_validity(&mut b, -YEAR, YEAR);
        let usage = KeyUsage::new()
            .critical()
            .digital_signature()
            .non_repudiation()
            .build()
            .unwrap();
        b.append_extension(usage).unwrap();
        b.sign(&key, MessageDigest::sha256()).unwrap();
        let cert = b.build();
        let mut chain = Stack::new().unwrap();
        chain.push(cert.clone()).unwrap();
        let mut builder = Pkcs12::builder();
        builder.pkey(&key).cert(&cert).ca(chain);
        builder.build2(PASSWORD).unwrap().to_der().unwrap()
    }

    /// A clerk's key file (.p12 DER, password [`PASSWORD`]) whose subject carries
    /// `SERIALNUMBER=IIN<iin>`, as NCA writes it.
    pub fn clerk(&self, iin: &str, opts: ClerkOptions) -> Vec<u8> {
        self.pack(iin, opts, false)
    }

    /// Like [`TestPki::clerk`], encrypted the old way (RC2-40, SHA-1 MAC) that OpenSSL 3 reads
    /// only with its legacy module, as key files from older tools are.
    pub fn clerk_legacy(&self, iin: &str, opts: ClerkOptions) -> Vec<u8> {
        self.pack(iin, opts, true)
    }

    /// A key file that holds the clerk's certificate but no private key, as exported by
    /// certificate viewers.
    pub fn clerk_without_key(&self, iin: &str, opts: ClerkOptions) -> Vec<u8> {
        let cert = self.clerk_certificate(&rsa_key(), iin, &opts);
        let mut builder = Pkcs12::builder();
        builder.cert(&cert);
        builder.build2(PASSWORD).unwrap().to_der().unwrap()
    }

    /// Writes `ca.pem` into `dir` and returns its path.
    pub fn write_ca(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let path = dir.join("ca.pem");
        std::fs::write(&path, &self.ca_pem)?;
        Ok(path)
    }

    /// Writes a key file made by [`TestPki::clerk`] as `dir/<file_name>` and returns its path.
    pub fn write_p12(dir: &Path, file_name: &str, p12: &[u8]) -> std::io::Result<PathBuf> {
        let path = dir.join(file_name);
        std::fs::write(&path, p12)?;
        Ok(path)
    }

    fn pack(&self, iin: &str, opts: ClerkOptions, legacy: bool) -> Vec<u8> {
        let key = rsa_key();
        let cert = self.clerk_certificate(&key, iin, &opts);
        let mut chain = Stack::new().unwrap();
        chain.push(self.ca_cert.clone()).unwrap();
        let mut builder = Pkcs12::builder();
        builder.name(opts.name).pkey(&key).cert(&cert).ca(chain);
        if legacy {
            crate::pkcs12::load_legacy_provider();
            builder
                .key_algorithm(Nid::PBE_WITHSHA1AND40BITRC2_CBC)
                .cert_algorithm(Nid::PBE_WITHSHA1AND40BITRC2_CBC)
                .mac_md(MessageDigest::sha1());
        }
        builder.build2(PASSWORD).unwrap().to_der().unwrap()
    }

    fn clerk_certificate(&self, key: &PKey<Private>, iin: &str, opts: &ClerkOptions) -> X509 {
        let serial_number = format!("IIN{iin}");
        let mut entries = vec![
            (Nid::COMMONNAME, opts.name),
            (Nid::SERIALNUMBER, serial_number.as_str()),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        let bin = opts.bin.map(|bin| format!("BIN{bin}"));
        if let Some(bin) = &bin {
            entries.push((Nid::ORGANIZATIONNAME, "ХҚКО ТЕСТ"));
            entries.push((Nid::ORGANIZATIONALUNITNAME, bin));
        }
        let mut b = X509::builder().unwrap();
        b.set_version(2).unwrap();
        b.set_serial_number(&serial()).unwrap();
        b.set_subject_name(&name(&entries)).unwrap();
        b.set_issuer_name(self.ca_cert.subject_name()).unwrap();
        b.set_pubkey(key).unwrap();
        if opts.expired {
            set_validity(&mut b, -10 * YEAR, -6 * YEAR);
        } else {
            set_validity(&mut b, -5 * YEAR, YEAR);
        }
        let mut usage = KeyUsage::new();
        usage.critical().digital_signature();
        if opts.auth_only {
            usage.key_encipherment();
        } else {
            usage.non_repudiation();
        }
        b.append_extension(usage.build().unwrap()).unwrap();
        let ctx = b.x509v3_context(Some(&self.ca_cert), None);
        let ski = SubjectKeyIdentifier::new().build(&ctx).unwrap();
        let aki = AuthorityKeyIdentifier::new()
            .keyid(true)
            .build(&ctx)
            .unwrap();
        b.append_extension(ski).unwrap();
        b.append_extension(aki).unwrap();
        b.sign(&self.ca_key, MessageDigest::sha256()).unwrap();
        b.build()
    }
}

fn rsa_key() -> PKey<Private> {
    PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap()
}

fn name(entries: &[(Nid, &str)]) -> X509Name {
    let mut b = X509NameBuilder::new().unwrap();
    for (nid, value) in entries {
        b.append_entry_by_nid(*nid, value).unwrap();
    }
    b.build()
}

fn serial() -> Asn1Integer {
    let mut bn = BigNum::new().unwrap();
    bn.rand(120, MsbOption::MAYBE_ZERO, false).unwrap();
    bn.to_asn1_integer().unwrap()
}

fn set_validity(b: &mut openssl::x509::X509Builder, from: i64, until: i64) {
    let now = chrono::Utc::now().timestamp();
    b.set_not_before(&Asn1Time::from_unix((now + from) as _).unwrap())
        .unwrap();
    b.set_not_after(&Asn1Time::from_unix((now + until) as _).unwrap())
        .unwrap();
}
