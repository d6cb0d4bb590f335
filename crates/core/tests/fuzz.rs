//! Fuzzing the QR payload: a real seal mutated, and arbitrary text, a fixed number of cases
//! each, through `Seal::parse` and the signature check behind it. Whatever a QR code holds,
//! the answer is a seal (valid, unknown or forged) or "malformed": never a panic.

use chrono::NaiveDate;
use proptest::prelude::*;
use rastau_core::seal::{Seal, SealCheck, SealKind, Sealed};
use rastau_pdf_guard::mutations::{config, mutated};
use rastau_sign::{SealKey, SealPublicKey};
use std::sync::OnceLock;

struct Fixture {
    key: SealPublicKey,
    text: String,
}

/// Made once: a seal key and a notice's seal, as a printed notice carries it.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let key = SealKey::generate().unwrap();
        let seal = Seal::issue(
            &key,
            &Sealed {
                kind: SealKind::Notice,
                document: "2026/000042-N1",
                tax_id: "950601500127",
                date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                digest: [7; 32],
            },
        )
        .unwrap();
        Fixture {
            key: key.public().unwrap(),
            text: seal.to_text(),
        }
    })
}

/// Parses `text` and checks what parses: either answer is fine, a panic is not.
fn read(text: &str) {
    if let Ok(seal) = Seal::parse(text) {
        let _ = seal.check(std::slice::from_ref(&fixture().key));
    }
}

#[test]
fn the_seed_is_a_valid_seal() {
    let f = fixture();
    let seal = Seal::parse(&f.text).unwrap();
    assert_eq!(seal.check(std::slice::from_ref(&f.key)), SealCheck::Valid);
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn mutated_seals_parse_or_are_malformed(bytes in mutated(vec![fixture().text.clone().into_bytes()])) {
        read(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_parses_or_is_malformed(text in any::<String>()) {
        read(&text);
    }

    #[test]
    fn arbitrary_fields_parse_or_are_malformed(
        fields in proptest::collection::vec("[A-Za-z0-9_/+=\\-]{0,60}", 0..10)
    ) {
        read(&fields.join("|"));
    }
}
