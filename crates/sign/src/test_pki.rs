//! A throw-away certification authority and clerk keys shaped like NCA's, made in memory, so
//! tests sign and verify for real without shipping key files. Not for production: every
//! failure panics and every key file has the password [`PASSWORD`].
//!
//! For revocation it also makes what a CA runs beside its keys: a delegated OCSP responder's
//! certificate, the `index.txt` that `openssl ocsp -index` answers from, and signed CRLs; for
//! trusted time, a timestamp authority's certificate and the `ts.cnf` that `openssl ts -reply`
//! answers with.
use crate::issue::{self, Authority, Holder, RevokedSerial, Validity, YEAR};
use crate::RevocationReason;
use chrono::{DateTime, Utc};
use openssl::asn1::Asn1Time;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkcs12::Pkcs12;
use openssl::pkey::{PKey, Private};
use openssl::stack::Stack;
use openssl::x509::extension::KeyUsage;
use openssl::x509::X509;
use std::path::{Path, PathBuf};

/// The password of every key file made here.
pub const PASSWORD: &str = "test-password";

// Keys reach far into the past because tests run on fixed clocks that fall further behind the
// real date every day: a key made "valid from yesterday" is not yet valid at such a clock.
const CLERK: Validity = Validity {
    from: -5 * YEAR,
    until: YEAR,
};
const EXPIRED: Validity = Validity {
    from: -10 * YEAR,
    until: -6 * YEAR,
};

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
    /// The OCSP responder the certificate names (Authority Information Access); none by
    /// default, like the demo center's keys.
    pub ocsp_url: Option<&'a str>,
    /// The CRL the certificate names (CRL Distribution Points); none by default.
    pub crl_url: Option<&'a str>,
}

/// A revocation, for [`TestPki::ocsp_index`] and [`TestPki::crl`].
#[derive(Debug, Clone, Copy)]
pub struct Revocation {
    /// Whole seconds: the index keeps no more.
    pub at: DateTime<Utc>,
    pub reason: RevocationReason,
}

/// A responder certificate the CA issued, and its key, both PEM: `openssl ocsp -rsigner` and
/// `-rkey`.
pub struct Responder {
    pub cert_pem: Vec<u8>,
    pub key_pem: Vec<u8>,
}

/// A timestamp authority's certificate the CA issued, and its key, both PEM.
pub struct Tsa {
    pub cert_pem: Vec<u8>,
    pub key_pem: Vec<u8>,
}

impl Default for ClerkOptions<'_> {
    fn default() -> Self {
        ClerkOptions {
            expired: false,
            auth_only: false,
            bin: None,
            name: "ТЕСТОВ ТЕСТ ТЕСТҰЛЫ",
            ocsp_url: None,
            crl_url: None,
        }
    }
}

/// A CA that issues clerk keys.
pub struct TestPki {
    /// The CA certificate, PEM: what a verifier is told to trust.
    pub ca_pem: Vec<u8>,
    ca: Authority,
}

impl Default for TestPki {
    fn default() -> Self {
        TestPki::new()
    }
}

impl TestPki {
    /// A new CA, valid from ten years ago for twenty years.
    pub fn new() -> TestPki {
        let ca = Authority::new(
            &[
                (Nid::COMMONNAME, "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST)"),
                (Nid::COUNTRYNAME, "KZ"),
            ],
            Validity {
                from: -10 * YEAR,
                until: 10 * YEAR,
            },
        )
        .unwrap();
        TestPki {
            ca_pem: ca.cert.to_pem().unwrap(),
            ca,
        }
    }

    /// The trust anchors to give [`crate::check_chain`], [`crate::verify_detached`] and
    /// [`crate::verify_pdf`]: this CA.
    pub fn trust(&self) -> crate::TrustAnchors {
        crate::TrustAnchors::new(crate::CaCertificate::read_all(&self.ca_pem).unwrap())
    }

    /// A clerk's certificate alone, PEM: what a careless supervisor might offer as a CA.
    pub fn clerk_certificate_pem(&self, iin: &str) -> Vec<u8> {
        let key = issue::rsa_key().unwrap();
        let cert = self.clerk_certificate(&key, iin, &ClerkOptions::default());
        cert.to_pem().unwrap()
    }

    /// The forger's key: a self-signed certificate that carries `SERIALNUMBER=IIN<iin>` and
    /// nonRepudiation like an NCA key, packed with itself as its "CA". Every check on the
    /// certificate alone passes; only the chain to a trusted CA tells it apart.
    pub fn self_signed(&self, iin: &str) -> Vec<u8> {
        let key = issue::rsa_key().unwrap();
        let serial_number = format!("IIN{iin}");
        let subject = issue::name(&[
            (Nid::COMMONNAME, ClerkOptions::default().name),
            (Nid::SERIALNUMBER, serial_number.as_str()),
            (Nid::COUNTRYNAME, "KZ"),
        ])
        .unwrap();
        let validity = Validity {
            from: -YEAR,
            until: YEAR,
        };
        let mut b = issue::builder(&subject, &subject, &key, validity).unwrap();
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
        let cert = self.clerk_certificate(&issue::rsa_key().unwrap(), iin, &opts);
        let mut builder = Pkcs12::builder();
        builder.cert(&cert);
        builder.build2(PASSWORD).unwrap().to_der().unwrap()
    }

    /// The CA's private key, PEM (PKCS#8): for `openssl ocsp -rkey` when the CA answers itself.
    pub fn ca_key_pem(&self) -> Vec<u8> {
        self.ca.key.private_key_to_pem_pkcs8().unwrap()
    }

    /// A delegated OCSP responder of this CA, with id-kp-OCSPSigning; without it when
    /// `ocsp_signing` is false, which a client must not believe.
    pub fn responder(&self, ocsp_signing: bool) -> Responder {
        let key = issue::rsa_key().unwrap();
        let subject = [
            (Nid::COMMONNAME, "OCSP RESPONDER (TEST)"),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        let cert = self
            .ca
            .responder(&key, &subject, CLERK, ocsp_signing)
            .unwrap();
        Responder {
            cert_pem: cert.to_pem().unwrap(),
            key_pem: key.private_key_to_pem_pkcs8().unwrap(),
        }
    }

    /// A timestamp authority of this CA: digitalSignature and the critical extendedKeyUsage
    /// timeStamping; the usage not critical when `critical_usage` is false, which a client must
    /// not believe.
    pub fn tsa(&self, critical_usage: bool) -> Tsa {
        let key = issue::rsa_key().unwrap();
        let subject = [
            (Nid::COMMONNAME, "УАҚЫТ БЕЛГІЛЕРІ ҚЫЗМЕТІ (TEST TSA)"),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        let cert = self
            .ca
            .timestamper(&key, &subject, CLERK, critical_usage)
            .unwrap();
        Tsa {
            cert_pem: cert.to_pem().unwrap(),
            key_pem: key.private_key_to_pem_pkcs8().unwrap(),
        }
    }

    /// A timestamp authority valid as long as the CA (from ten years ago for twenty years):
    /// one whose tokens can be dated back inside an expired clerk key's validity (the tests
    /// run it under `faketime`).
    pub fn long_lived_tsa(&self) -> Tsa {
        let key = issue::rsa_key().unwrap();
        let subject = [
            (Nid::COMMONNAME, "УАҚЫТ БЕЛГІЛЕРІ ҚЫЗМЕТІ (TEST TSA, LONG)"),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        let validity = Validity {
            from: -10 * YEAR,
            until: 10 * YEAR,
        };
        let cert = self.ca.timestamper(&key, &subject, validity, true).unwrap();
        Tsa {
            cert_pem: cert.to_pem().unwrap(),
            key_pem: key.private_key_to_pem_pkcs8().unwrap(),
        }
    }

    /// Writes `tsa`'s certificate and key, this CA's certificate and a `ts.cnf` into `dir`, so
    /// that `openssl ts -reply -config <ts.cnf> -queryfile <q> -out <r>` answers as that TSA
    /// (SHA-256, ESS signing-certificate v2, its certificate and this CA's in the token when
    /// asked, genTime to the millisecond). Returns the path of `ts.cnf`.
    pub fn write_tsa(&self, dir: &Path, tsa: &Tsa) -> std::io::Result<PathBuf> {
        let write = |name: &str, bytes: &[u8]| -> std::io::Result<PathBuf> {
            let path = dir.join(name);
            std::fs::write(&path, bytes)?;
            Ok(path)
        };
        let cert = write("tsa.pem", &tsa.cert_pem)?;
        let key = write("tsa.key.pem", &tsa.key_pem)?;
        let chain = write("tsa-chain.pem", &self.ca_pem)?;
        let serial = write("tsa-serial", b"01\n")?;
        let show = |p: &Path| p.to_str().expect("temporary paths are UTF-8").to_owned();
        let config = format!(
            "[tsa]\ndefault_tsa = tsa_config1\n\n[tsa_config1]\n\
             serial = {}\nsigner_cert = {}\nsigner_key = {}\ncerts = {}\n\
             signer_digest = sha256\ndefault_policy = 1.2.3.4.1\n\
             digests = sha256, sha384, sha512\naccuracy = secs:1\nclock_precision_digits = 3\n\
             ordering = no\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n",
            show(&serial),
            show(&cert),
            show(&key),
            show(&chain),
        );
        write("ts.cnf", config.as_bytes())
    }

    /// The `index.txt` that `openssl ocsp -index` answers from: one line per certificate (DER),
    /// valid or revoked. Certificates not listed are answered "unknown".
    pub fn ocsp_index(entries: &[(&[u8], Option<Revocation>)]) -> String {
        let index_time = |t: DateTime<Utc>| t.format("%y%m%d%H%M%SZ").to_string();
        let mut index = String::new();
        for (der, revoked) in entries {
            let cert = X509::from_der(der).unwrap();
            let not_after = crate::certificate::to_chrono(cert.not_after()).unwrap();
            let serial = cert.serial_number().to_bn().unwrap().to_hex_str().unwrap();
            let (status, revoked_at) = match revoked {
                None => ("V", String::new()),
                Some(r) => (
                    "R",
                    format!("{},{}", index_time(r.at), r.reason.openssl_name()),
                ),
            };
            // The name only has to be unique among valid lines; the serial is.
            index.push_str(&format!(
                "{status}\t{}\t{revoked_at}\t{serial}\tunknown\t/CN={serial}\n",
                index_time(not_after)
            ));
        }
        index
    }

    /// A CRL (DER) of this CA listing the certificates (DER) `revoked`, issued an hour ago, the
    /// next one promised in a week.
    pub fn crl(&self, revoked: &[(&[u8], Revocation)]) -> Vec<u8> {
        let now = Utc::now();
        self.crl_between(
            revoked,
            now - chrono::Duration::hours(1),
            now + chrono::Duration::days(7),
        )
    }

    /// Like [`TestPki::crl`], issued at `this_update` with the next one promised at
    /// `next_update` (a stale list, or one from the future).
    pub fn crl_between(
        &self,
        revoked: &[(&[u8], Revocation)],
        this_update: DateTime<Utc>,
        next_update: DateTime<Utc>,
    ) -> Vec<u8> {
        let time = |t: DateTime<Utc>| Asn1Time::from_unix(t.timestamp() as _).unwrap();
        let entries: Vec<_> = revoked
            .iter()
            .map(|(der, r)| (X509::from_der(der).unwrap(), time(r.at), r.reason.code()))
            .collect();
        let serials: Vec<_> = entries
            .iter()
            .map(|(cert, at, reason)| RevokedSerial {
                serial: cert.serial_number(),
                at,
                reason: Some(*reason),
            })
            .collect();
        let crl = self
            .ca
            .crl(&serials, &time(this_update), &time(next_update))
            .unwrap();
        crl.to_der().unwrap()
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
        let key = issue::rsa_key().unwrap();
        let cert = self.clerk_certificate(&key, iin, &opts);
        let mut builder = self.ca.key_file(opts.name, &key, &cert).unwrap();
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
        let mut subject = vec![
            (Nid::COMMONNAME, opts.name),
            (Nid::SERIALNUMBER, serial_number.as_str()),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        let bin = opts.bin.map(|bin| format!("BIN{bin}"));
        if let Some(bin) = &bin {
            subject.push((Nid::ORGANIZATIONNAME, "ХҚКО ТЕСТ"));
            subject.push((Nid::ORGANIZATIONALUNITNAME, bin));
        }
        let holder = Holder {
            subject: &subject,
            validity: if opts.expired { EXPIRED } else { CLERK },
            signs: !opts.auth_only,
            ocsp_url: opts.ocsp_url,
            crl_url: opts.crl_url,
        };
        self.ca.issue(key, &holder).unwrap()
    }
}
