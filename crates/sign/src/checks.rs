//! The checks made before a clerk's key may certify anything. They run on [`CertificateInfo`]
//! alone, so they hold for every [`crate::Signer`], whatever keeps the key.
use crate::certificate::CertificateInfo;
use crate::error::SignError;
use chrono::{DateTime, Utc};

/// Refuses a certificate that is authentication-only (no nonRepudiation), carries no IIN or
/// another person's IIN than `expected_iin`, or is outside its validity period at `now`.
///
/// The kind of key is checked first: choosing the AUTH file instead of the RSA256 one is the
/// commonest slip, and its message tells the clerk which file to pick.
pub fn check_signer(
    cert: &CertificateInfo,
    expected_iin: &str,
    now: DateTime<Utc>,
) -> Result<(), SignError> {
    if !cert.non_repudiation {
        return Err(SignError::NotForSigning);
    }
    let iin = cert.iin.as_deref().ok_or(SignError::NoIin)?;
    if iin != expected_iin {
        return Err(SignError::WrongPerson {
            found: iin.to_string(),
            expected: expected_iin.to_string(),
        });
    }
    if now < cert.not_before {
        return Err(SignError::NotYetValid {
            from: day(cert.not_before),
        });
    }
    if now > cert.not_after {
        return Err(SignError::Expired {
            until: day(cert.not_after),
        });
    }
    Ok(())
}

/// A moment as the day messages name it, `DD.MM.YYYY` (UTC).
pub(crate) fn day(t: DateTime<Utc>) -> String {
    t.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cert() -> CertificateInfo {
        CertificateInfo {
            subject_name: "ТЕСТОВ ТЕСТ".into(),
            iin: Some("900101300007".into()),
            bin: None,
            organization: None,
            issuer_name: "CA".into(),
            serial_hex: "1".into(),
            not_before: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            not_after: Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
            non_repudiation: true,
            sha256_hex: String::new(),
        }
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_valid_signing_key_of_the_clerk_passes() {
        check_signer(&cert(), "900101300007", at(2026, 6, 1)).unwrap();
    }

    #[test]
    fn validity_bounds_are_reported_as_days() {
        let e = check_signer(&cert(), "900101300007", at(2027, 3, 1)).unwrap_err();
        assert!(matches!(e, SignError::Expired { ref until } if until == "01.01.2027"));
        let e = check_signer(&cert(), "900101300007", at(2025, 3, 1)).unwrap_err();
        assert!(matches!(e, SignError::NotYetValid { ref from } if from == "01.01.2026"));
    }

    #[test]
    fn authentication_keys_and_strangers_are_refused() {
        let auth = CertificateInfo {
            non_repudiation: false,
            ..cert()
        };
        let e = check_signer(&auth, "900101300007", at(2026, 6, 1)).unwrap_err();
        assert!(matches!(e, SignError::NotForSigning));
        let e = check_signer(&cert(), "850315400124", at(2026, 6, 1)).unwrap_err();
        assert!(matches!(e, SignError::WrongPerson { .. }));
        let anonymous = CertificateInfo {
            iin: None,
            ..cert()
        };
        let e = check_signer(&anonymous, "900101300007", at(2026, 6, 1)).unwrap_err();
        assert!(matches!(e, SignError::NoIin));
    }
}
