//! Every key a clerk must not certify with is refused, each with its own error, so the UI can
//! tell the clerk exactly what to do.
use chrono::Utc;
use rastau_coded::Coded;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{check_signer, Pkcs12Signer, SignError, Signer};

const CLERK: &str = "900101300007";
const SOMEONE_ELSE: &str = "850315400124";

fn refusal(pki: &TestPki, iin: &str, opts: ClerkOptions) -> SignError {
    let signer = Pkcs12Signer::open(&pki.clerk(iin, opts), PASSWORD).unwrap();
    check_signer(signer.certificate(), CLERK, Utc::now()).unwrap_err()
}

#[test]
fn the_clerks_own_valid_signing_key_is_accepted() {
    let pki = TestPki::new();
    let signer = Pkcs12Signer::open(&pki.clerk(CLERK, ClerkOptions::default()), PASSWORD).unwrap();
    check_signer(signer.certificate(), CLERK, Utc::now()).unwrap();
}

#[test]
fn each_bad_key_is_refused_with_its_own_error() {
    let pki = TestPki::new();
    let p12 = pki.clerk(CLERK, ClerkOptions::default());

    let wrong_password = Pkcs12Signer::open(&p12, "test-pasword").unwrap_err();
    assert!(matches!(wrong_password, SignError::WrongPassword));

    let mut corrupt = p12.clone();
    corrupt.truncate(p12.len() - 40);
    corrupt[0] = 0x00;
    let corrupt = Pkcs12Signer::open(&corrupt, PASSWORD).unwrap_err();
    assert!(matches!(corrupt, SignError::NotAKeyFile), "{corrupt:?}");

    let expired = ClerkOptions {
        expired: true,
        ..ClerkOptions::default()
    };
    let expired = refusal(&pki, CLERK, expired);
    assert!(matches!(expired, SignError::Expired { .. }), "{expired:?}");

    let auth = ClerkOptions {
        auth_only: true,
        ..ClerkOptions::default()
    };
    let auth = refusal(&pki, CLERK, auth);
    assert!(matches!(auth, SignError::NotForSigning), "{auth:?}");

    let stranger = refusal(&pki, SOMEONE_ELSE, ClerkOptions::default());
    assert!(
        matches!(&stranger, SignError::WrongPerson { found, expected }
            if found == SOMEONE_ELSE && expected == CLERK),
        "{stranger:?}"
    );

    let codes = [&wrong_password, &corrupt, &expired, &auth, &stranger].map(|e| e.code());
    let mut distinct = codes.to_vec();
    distinct.dedup();
    assert_eq!(distinct.len(), codes.len(), "{codes:?}");
}

#[test]
fn the_expiry_date_reaches_the_message() {
    let pki = TestPki::new();
    let expired = ClerkOptions {
        expired: true,
        ..ClerkOptions::default()
    };
    let e = refusal(&pki, CLERK, expired);
    let (name, until) = &e.args()[0];
    assert_eq!(*name, "until");
    assert_eq!(until.to_string().len(), "01.02.2026".len(), "{until}");
}
