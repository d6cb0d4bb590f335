//! Real files, built byte by byte: ordinary PDFs load, hostile ones are refused before lopdf
//! takes the memory or the stack they ask for, and a panic inside lopdf is an error.

use rastau_pdf_guard::test_files::{
    deeply_nested, object_stream_bomb, pdf_with, stream, xref_stream_bomb, zeros_zlib, zlib,
};
use rastau_pdf_guard::{decoded, load, GuardError, Limits};
use std::time::{Duration, Instant};

fn refused(pdf: &[u8]) -> GuardError {
    let started = Instant::now();
    let err = load(pdf, &Limits::default()).unwrap_err();
    // Refused from the raw bytes: nothing was inflated past the limits.
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "{err:?} after {took:?}");
    err
}

#[test]
fn an_ordinary_pdf_with_an_object_stream_loads() {
    let objects = b"5 0 << /Answer 42 /Kids [1 0 R] >>";
    let pdf = pdf_with(&[stream(
        "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
        &zlib(objects),
    )]);
    let doc = load(&pdf, &Limits::default()).unwrap();
    assert_eq!(doc.get_pages().len(), 1);
    let five = doc.get_dictionary((5, 0)).unwrap();
    assert_eq!(five.get(b"Answer").unwrap().as_i64().unwrap(), 42);
}

#[test]
fn the_attackers_nested_object_stream_is_refused() {
    // Twice compressed, 4.3 GB inside a file of some tens of kilobytes.
    let pdf = object_stream_bomb(4_300_000_000);
    assert!(pdf.len() < 64 * 1024, "{} bytes", pdf.len());
    assert_eq!(refused(&pdf), GuardError::Expands { max_mb: 256 });
}

#[test]
fn a_compressed_cross_reference_bomb_is_refused() {
    let pdf = xref_stream_bomb(1 << 30);
    assert_eq!(refused(&pdf), GuardError::Expands { max_mb: 256 });
}

#[test]
fn streams_together_are_held_to_the_total() {
    // Eight streams of 200 MB each: every one under the stream limit, 1.6 GB together.
    let one = stream("/Filter /FlateDecode", &zeros_zlib(200 << 20));
    let pdf = pdf_with(&vec![one; 8]);
    assert_eq!(refused(&pdf), GuardError::Expands { max_mb: 1024 });
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_and_shallow_nesting_loads() {
    assert_eq!(refused(&deeply_nested(100_000)), GuardError::TooComplex);
    assert!(load(&deeply_nested(20), &Limits::default()).is_ok());
}

#[test]
fn a_cross_reference_field_wider_than_any_offset_is_refused() {
    let pdf = pdf_with(&[stream(
        "/Type /XRef /Size 5 /W [1 99999999999 1]",
        b"\x01\x00\x00",
    )]);
    assert_eq!(refused(&pdf), GuardError::TooComplex);
}

#[test]
fn entries_of_no_width_cannot_be_declared_by_the_billion() {
    let pdf = pdf_with(&[stream(
        "/Type /XRef /Size 5 /W [0 0 0] /Index [0 4000000000]",
        b"",
    )]);
    assert_eq!(refused(&pdf), GuardError::TooComplex);
}

#[test]
fn a_million_entries_naming_one_big_object_are_refused() {
    // One 1 MB string, and a compressed cross-reference stream sending lopdf to it 10 000
    // times: 10 GB of parsing from a file of about a megabyte.
    let big = format!("({})", "x".repeat(1 << 20)).into_bytes();
    let mut pdf = pdf_with(&[big]);
    let offset = pdf.windows(7).position(|w| w == b"4 0 obj").unwrap() as u32;
    let mut entries = Vec::new();
    for _ in 0..10_000 {
        entries.push(1u8);
        entries.extend_from_slice(&offset.to_be_bytes());
        entries.extend_from_slice(&[0, 0]);
    }
    let xref = stream(
        "/Type /XRef /Size 10000 /W [1 4 2] /Filter /FlateDecode",
        &zlib(&entries),
    );
    let at = pdf.len();
    pdf.extend_from_slice(b"9 0 obj\n");
    pdf.extend_from_slice(&xref);
    pdf.extend_from_slice(format!("\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    assert_eq!(refused(&pdf), GuardError::Expands { max_mb: 1024 });
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let mut pdf = pdf_with(&[b"<< /Filter /Standard /V 1 /R 2 >>".to_vec()]);
    let trailer = pdf.windows(7).rposition(|w| w == b"/Root 1").unwrap();
    pdf.splice(trailer..trailer, b"/Encr#79pt 4 0 R ".iter().copied());
    assert_eq!(refused(&pdf), GuardError::Encrypted);
}

#[test]
fn a_panic_inside_lopdf_is_an_error() {
    // A table section starting at the largest number: lopdf adds to it and overflows.
    let mut pdf = pdf_with(&[]);
    let table = pdf.windows(5).rposition(|w| w == b"xref\n").unwrap();
    pdf.truncate(table);
    pdf.extend_from_slice(
        format!(
            "xref\n{} 2\n0000000009 00000 n\r\n0000000009 00000 n\r\n\
             trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n",
            usize::MAX
        )
        .as_bytes(),
    );
    let err = load(&pdf, &Limits::default()).unwrap_err();
    assert!(matches!(err, GuardError::Unreadable { .. }), "{err:?}");
}

#[test]
fn a_stream_is_decoded_only_within_its_cap() {
    let pdf = pdf_with(&[stream("/Filter /FlateDecode", &zeros_zlib(1 << 20))]);
    let doc = load(&pdf, &Limits::default()).unwrap();
    let stream = doc.get_object((4, 0)).unwrap().as_stream().unwrap();
    assert_eq!(
        decoded(stream, 1024).unwrap_err(),
        GuardError::Expands { max_mb: 0 }
    );
    assert_eq!(decoded(stream, 2 << 20).unwrap().len(), 1 << 20);
}
