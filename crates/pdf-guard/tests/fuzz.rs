//! Fuzzing the loader: real PDFs mutated, and arbitrary bytes, a fixed number of cases each.
//! Whatever comes in, the answer is a document or a refusal: no panic, no abort, and no more
//! memory than the limits allow, measured by the allocator itself.

use proptest::prelude::*;
use rastau_pdf_guard::allocations::{exclusive, peak_during, Meter};
use rastau_pdf_guard::mutations::{arbitrary, config, mutated, regressions};
use rastau_pdf_guard::test_files::{deeply_nested, pdf_with, stream, zlib};
use rastau_pdf_guard::{content, decoded, load, GuardError, Limits};

#[global_allocator]
static METER: Meter = Meter;

/// Tighter than the defaults, so that a case that breaks them is cheap to find.
const LIMITS: Limits = Limits {
    max_stream_bytes: 4 << 20,
    max_total_bytes: 16 << 20,
    max_objects: 50_000,
    max_depth: 64,
};

/// What loading may hold at most: everything the limits allow, each value as lopdf keeps it
/// (about 120 bytes), and a few copies of the file itself.
fn bound(input: &[u8]) -> usize {
    (LIMITS.max_total_bytes + LIMITS.max_objects * 200) as usize + 8 * input.len() + (1 << 20)
}

fn seeds() -> Vec<Vec<u8>> {
    let objects = b"5 0 6 14 << /Kids [1 0 R] /N 3 >> [1 2 (three) <04>]";
    let mut xref_entries = Vec::new();
    for offset in [0u32, 9, 52] {
        xref_entries.push(1);
        xref_entries.extend_from_slice(&offset.to_be_bytes());
        xref_entries.extend_from_slice(&[0, 0]);
    }
    vec![
        pdf_with(&[]),
        pdf_with(&[stream(
            "/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode",
            &zlib(objects),
        )]),
        pdf_with(&[stream(
            "/Type /XRef /Size 4 /W [1 4 2] /Filter /FlateDecode \
             /DecodeParms << /Predictor 12 /Columns 7 >>",
            &zlib(&xref_entries),
        )]),
        pdf_with(&[stream(
            "/Filter [/ASCII85Decode /FlateDecode]",
            b"GhVa:0b\"$K!<<*\"zz~>",
        )]),
        pdf_with(&[stream(
            "/Filter /LZWDecode",
            b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01",
        )]),
        deeply_nested(20),
    ]
}

fn within_limits(bytes: &[u8]) -> Result<(), TestCaseError> {
    let _one = exclusive();
    let (_, peak) = peak_during(|| {
        if let Ok(doc) = load(bytes, &LIMITS) {
            for object in doc.objects.values() {
                if let Ok(stream) = object.as_stream() {
                    let _ = decoded(stream, LIMITS.max_stream_bytes);
                }
            }
        }
    });
    prop_assert!(peak <= bound(bytes), "{peak} bytes held");
    Ok(())
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn mutated_pdfs_load_or_are_refused_within_the_limits(bytes in mutated(seeds())) {
        within_limits(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn arbitrary_bytes_load_or_are_refused_within_the_limits(bytes in arbitrary(2048)) {
        within_limits(&bytes)?;
    }

    #[test]
    fn arbitrary_content_streams_parse_or_are_refused(bytes in arbitrary(2048)) {
        let _ = content(&bytes, &LIMITS);
    }
}

#[test]
fn every_kept_regression_is_refused_before_the_parser_fails_within_the_limits() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    for (name, bytes) in regressions(&dir) {
        within_limits(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        // A panic inside lopdf is caught, but these files must not reach one at all.
        let _one = exclusive();
        match load(&bytes, &LIMITS) {
            Err(GuardError::Unreadable { detail }) => {
                assert!(!detail.contains("parser failed"), "{name}: {detail}")
            }
            other => assert!(other.is_err(), "{name}: {other:?}"),
        }
    }
}
