//! Fuzzing signature verification: real PDFs signed with the test PKI, mutated; arbitrary bytes;
//! and files whose `/ByteRange` entries take every extreme a number can. A fixed number of
//! cases each. Whatever comes in, the answer is a verification or a refusal: no panic, no
//! abort, and no more memory than a few copies of the file, measured by the allocator.
mod common;

use chrono::Utc;
use common::{meta, minimal_pdf, minimal_pdf_with_xref_stream};
use proptest::prelude::*;
use rastau_pdf_guard::allocations::{exclusive, peak_during, Meter};
use rastau_pdf_guard::mutations::{arbitrary, config, mutated, regressions};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{sign_pdf, verify_pdf, Pkcs12Signer};
use std::sync::OnceLock;

#[global_allocator]
static METER: Meter = Meter;

struct Fixture {
    trust: rastau_sign::TrustAnchors,
    signed: Vec<Vec<u8>>,
}

/// Made once: a CA, a clerk's key and the signed seeds.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let pki = TestPki::new();
        let p12 = pki.clerk("900101300007", ClerkOptions::default());
        let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
        let meta = meta();
        let once = sign_pdf(&minimal_pdf(), &signer, &meta).unwrap();
        let twice = sign_pdf(&once, &signer, &meta).unwrap();
        let stream = sign_pdf(&minimal_pdf_with_xref_stream(), &signer, &meta).unwrap();
        Fixture {
            trust: pki.trust(),
            signed: vec![once, twice, stream],
        }
    })
}

/// A signature leaves room for some 16 KB of DER; a verification copies the signed bytes once.
fn bound(input: &[u8]) -> usize {
    8 * input.len() + (8 << 20)
}

fn within_limits(bytes: &[u8]) -> Result<(), TestCaseError> {
    let trust = &fixture().trust;
    let _one = exclusive();
    let (_, peak) = peak_during(|| verify_pdf(bytes, trust, Utc::now()));
    prop_assert!(peak <= bound(bytes), "{peak} bytes held");
    Ok(())
}

/// A number where a byte range wants one: small, near the file's size, or at a type's edge.
fn offset() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..64).prop_map(|n| n.to_string()),
        (0u64..20_000).prop_map(|n| n.to_string()),
        Just(u32::MAX.to_string()),
        Just(i64::MAX.to_string()),
        Just(u64::MAX.to_string()),
        Just("18446744073709551616".to_owned()),
        Just("-1".to_owned()),
        any::<u64>().prop_map(|n| n.to_string()),
    ]
}

/// A signed seed with `/ByteRange` entries of any numbers, and perhaps some more of them.
fn byte_ranges() -> impl Strategy<Value = Vec<u8>> {
    let ranges = proptest::collection::vec(proptest::collection::vec(offset(), 4), 1..4);
    (0..3usize, ranges).prop_map(|(seed, ranges)| {
        let mut pdf = fixture().signed[seed].clone();
        for numbers in ranges {
            let entry = format!("\n%\n/ByteRange [{}]\n", numbers.join(" "));
            let at = pdf.len() / 2;
            pdf.splice(at..at, entry.bytes());
        }
        pdf
    })
}

#[test]
fn the_seeds_verify() {
    let f = fixture();
    for signed in &f.signed {
        let v = verify_pdf(signed, &f.trust, Utc::now()).unwrap();
        assert!(v.intact && v.trusted, "{v:?}");
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn mutated_signed_pdfs_verify_or_are_refused(bytes in mutated(fixture().signed.clone())) {
        within_limits(&bytes)?;
    }

    #[test]
    fn any_byte_ranges_verify_or_are_refused(bytes in byte_ranges()) {
        within_limits(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn arbitrary_bytes_verify_or_are_refused(bytes in arbitrary(4096)) {
        within_limits(&bytes)?;
    }
}

#[test]
fn every_kept_regression_verifies_or_is_refused() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    for (name, bytes) in regressions(&dir) {
        within_limits(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
