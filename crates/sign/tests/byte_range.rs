//! Byte ranges that name offsets no file can have are refused as malformed, never a panic.
use rastau_sign::test_pki::TestPki;
use rastau_sign::{verify_pdf, SignError};

/// `/ByteRange [0 10 c d]` entries, one signature dictionary each.
fn pdf_with_ranges(ranges: &[[u64; 4]]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    for (i, [a, b, c, d]) in ranges.iter().enumerate() {
        pdf.extend_from_slice(
            format!(
                "{} 0 obj\n<< /Type /Sig /ByteRange [{a} {b} {c} {d}] /Contents <3000> >>\nendobj\n",
                i + 1
            )
            .as_bytes(),
        );
    }
    pdf.extend_from_slice(b"%%EOF\n");
    pdf
}

fn assert_malformed(pdf: &[u8]) {
    let e = verify_pdf(pdf, &TestPki::new().trust(), chrono::Utc::now()).unwrap_err();
    assert!(matches!(e, SignError::Malformed { .. }), "{e:?}");
}

#[test]
fn two_byte_ranges_whose_ends_overflow_are_malformed() {
    let max = u64::MAX;
    assert_malformed(&pdf_with_ranges(&[[0, 10, max, 1], [0, 10, max, max]]));
    assert_malformed(&pdf_with_ranges(&[[0, 10, 20, 5], [0, 10, max, max]]));
    assert_malformed(&pdf_with_ranges(&[[0, 10, max, max], [0, 10, 20, 5]]));
}

#[test]
fn a_first_part_that_overflows_is_malformed() {
    assert_malformed(&pdf_with_ranges(&[[u64::MAX, 2, 20, 5]]));
}

#[test]
fn the_attackers_file_is_malformed() {
    let pdf = include_bytes!("regressions/two-byte-ranges-overflow.pdf");
    assert_malformed(pdf);
}
