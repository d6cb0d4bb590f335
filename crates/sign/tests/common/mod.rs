//! What the integration tests share: running the real outside tools, small PDFs, and the test
//! PKI's local HTTP servers (`net`) and timestamp authority (`tsa`) by short names.
#![allow(dead_code, unused_imports)] // each test file uses its own part

pub use rastau_sign::test_http as net;
pub use rastau_sign::test_tsa as tsa;
pub mod validators;

use chrono::{TimeZone, Utc};
use rastau_sign::PdfSignatureMeta;
use std::path::Path;
use std::process::{Command, Output};

/// Runs an outside tool. A missing tool fails the test with what to install: a validator that
/// silently did not run would prove nothing.
pub fn run(tool: &str, args: &[&str], install: &str) -> Output {
    match Command::new(tool).args(args).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("`{tool}` is not installed; this test needs it: {install}")
        }
        Err(e) => panic!("could not run `{tool}`: {e}"),
    }
}

pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// What a clerk's signature says of itself in the tests' PDFs.
pub fn meta() -> PdfSignatureMeta {
    PdfSignatureMeta {
        name: "ТЕСТОВ ТЕСТ ТЕСТҰЛЫ".into(),
        reason: "Копия верна / Көшірме дұрыс".into(),
        location: "ХҚКО №1, Астана".into(),
        signing_time: Utc.with_ymd_and_hms(2026, 11, 5, 9, 30, 0).unwrap(),
    }
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

const PAGE: &str = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
                    /Resources << /Font << /F1 5 0 R >> >> >>";
const TEXT: &[u8] = b"BT /F1 24 Tf 72 760 Td (Certified electronic copy) Tj ET";

fn body(version: &str) -> (Vec<u8>, Vec<usize>) {
    let mut pdf = format!("%PDF-{version}\n%\u{e2}\u{e3}\n").into_bytes();
    let stream = format!(
        "<< /Length {} >>\nstream\n{}\nendstream",
        TEXT.len(),
        String::from_utf8_lossy(TEXT)
    );
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        PAGE.to_string(),
        stream,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    (pdf, offsets)
}

/// A one-page PDF with a classic cross-reference table, written by hand so the test depends
/// on no PDF writer.
pub fn minimal_pdf() -> Vec<u8> {
    let (mut pdf, offsets) = body("1.7");
    let xref = pdf.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f\r\n", offsets.len() + 1);
    for offset in &offsets {
        table.push_str(&format!("{offset:010} 00000 n\r\n"));
    }
    pdf.extend_from_slice(table.as_bytes());
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> \
             <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// The same page with a cross-reference stream (PDF 1.5+), as most current writers produce.
pub fn minimal_pdf_with_xref_stream() -> Vec<u8> {
    let (mut pdf, mut offsets) = body("1.7");
    let xref = pdf.len();
    offsets.push(xref);
    let mut data = vec![0u8, 0, 0, 0, 0, 0xFF, 0xFF];
    for offset in &offsets {
        data.push(1);
        data.extend_from_slice(&(*offset as u32).to_be_bytes());
        data.extend_from_slice(&[0, 0]);
    }
    let size = offsets.len() + 1;
    pdf.extend_from_slice(
        format!(
            "{} 0 obj\n<< /Type /XRef /Size {size} /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n",
            size - 1,
            data.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&data);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    pdf
}

/// Flips one byte of the page text, inside the signed range, keeping the file readable.
pub fn tamper_text(pdf: &[u8]) -> Vec<u8> {
    let mut pdf = pdf.to_vec();
    let at = pdf
        .windows(9)
        .position(|w| w == b"Certified")
        .expect("page text");
    pdf[at] = b'K';
    pdf
}

pub const OPENSSL: &str = "Debian package openssl (apt-get install -y openssl)";

/// `openssl cms -verify` of the detached signature `cms` over `data`, trusting the CA file `ca`
/// alone (the files written into `dir`): whether it verified, and what it said.
pub fn openssl_cms_verify(dir: &Path, data: &[u8], cms: &[u8], ca: &Path) -> (bool, String) {
    let (file, p7s) = (dir.join("copy.bin"), dir.join("copy.bin.p7s"));
    std::fs::write(&file, data).unwrap();
    std::fs::write(&p7s, cms).unwrap();
    let args = [
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-content",
        path(&file),
        "-in",
        path(&p7s),
        "-CAfile",
        path(ca),
        "-out",
        "/dev/null",
    ];
    let output = run("openssl", &args, OPENSSL);
    (output.status.success(), text(&output))
}
