//! The demo center's own certification authority and its people's signing keys, made when the
//! demo is filled, so that a newcomer certifies for real with keys no one can mistake for NCA's:
//! every name says DEMO. Unlike the test PKI, a failure is reported, never a panic.
use crate::issue::{Authority, Holder, Validity, YEAR};
use crate::SignError;
use openssl::nid::Nid;

/// The demo CA's common name.
pub const CA_NAME: &str = "RASTAU DEMO CA — ДЕМО, NOT NCA RK";
/// The organisation every demo certificate names.
const ORGANIZATION: &str = "RASTAU DEMO";

// The demo's history lies in the week before it was filled: keys made valid from a month
// earlier sign it; a year ahead leaves the newcomer time to explore.
const PERSON: Validity = Validity {
    from: -30 * 86_400,
    until: YEAR,
};
const CA: Validity = Validity {
    from: -31 * 86_400,
    until: 5 * YEAR,
};

/// A demo CA that issues signing keys to the demo's people.
pub struct DemoCa {
    ca: Authority,
}

impl DemoCa {
    pub fn new() -> Result<DemoCa, SignError> {
        let subject = [
            (Nid::COMMONNAME, CA_NAME),
            (Nid::ORGANIZATIONNAME, ORGANIZATION),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        Ok(DemoCa {
            ca: Authority::new(&subject, CA)?,
        })
    }

    /// The CA certificate, PEM: what the demo center trusts.
    pub fn certificate_pem(&self) -> Result<Vec<u8>, SignError> {
        Ok(self.ca.cert.to_pem()?)
    }

    /// A signing key file (.p12 DER, encrypted with `password`) for the person with `iin`, whose
    /// certificate is named `DEMO <full_name>` and carries `SERIALNUMBER=IIN<iin>` as NCA's do.
    pub fn signing_key(
        &self,
        iin: &str,
        full_name: &str,
        password: &str,
    ) -> Result<Vec<u8>, SignError> {
        let common_name = format!("DEMO {full_name}");
        let serial_number = format!("IIN{iin}");
        let subject = [
            (Nid::COMMONNAME, common_name.as_str()),
            (Nid::SERIALNUMBER, serial_number.as_str()),
            (Nid::ORGANIZATIONNAME, ORGANIZATION),
            (Nid::COUNTRYNAME, "KZ"),
        ];
        let holder = Holder {
            subject: &subject,
            validity: PERSON,
            signs: true,
            // The demo's keys name no responder: nothing answers for the demo CA.
            ocsp_url: None,
            crl_url: None,
        };
        let key = crate::issue::rsa_key()?;
        let cert = self.ca.issue(&key, &holder)?;
        Ok(self.ca.pack(&common_name, &key, &cert, password)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check_chain, check_signer, verify_detached, Pkcs12Signer, Signer, TrustAnchors};
    use crate::{CaCertificate, CertificateInfo};

    #[test]
    fn a_demo_key_signs_for_its_owner_and_chains_to_the_demo_ca_only() {
        let ca = DemoCa::new().unwrap();
        let iin = "850315400124";
        let p12 = ca
            .signing_key(iin, "Сұлтанова Әйгерім", "demo-2026")
            .unwrap();
        let signer = Pkcs12Signer::open(&p12, "demo-2026").unwrap();
        let info: &CertificateInfo = signer.certificate();
        assert_eq!(info.subject_name, "DEMO Сұлтанова Әйгерім");
        assert_eq!(info.issuer_name, CA_NAME);
        assert_eq!(info.organization.as_deref(), Some("RASTAU DEMO"));
        // Valid for the week of history before now.
        let a_week_ago = chrono::Utc::now() - chrono::Duration::days(8);
        check_signer(info, iin, a_week_ago).unwrap();
        let trust =
            TrustAnchors::new(CaCertificate::read_all(&ca.certificate_pem().unwrap()).unwrap());
        check_chain(&signer, &trust, a_week_ago).unwrap();
        let signature = signer.sign_detached(b"page", a_week_ago).unwrap();
        assert!(
            verify_detached(b"page", &signature, &trust, a_week_ago)
                .unwrap()
                .trusted
        );

        let other = DemoCa::new().unwrap();
        let strangers =
            TrustAnchors::new(CaCertificate::read_all(&other.certificate_pem().unwrap()).unwrap());
        assert!(check_chain(&signer, &strangers, a_week_ago).is_err());
        assert!(matches!(
            Pkcs12Signer::open(&p12, "another"),
            Err(SignError::WrongPassword)
        ));
    }
}
