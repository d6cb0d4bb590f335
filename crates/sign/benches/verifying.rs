//! Verifying a PAdES B-LT copy of 10 pages (about 6 MB, like a certified copy of ten A4 300-dpi
//! scans) with our report (`validate_pdf`: the signature, its timestamp, the path and the OCSP
//! response in the Document Security Store, all offline) against pyHanko's validation of the
//! same file in the same run (issue 16: "faster than `pyhanko sign validate`").
//!
//! pyHanko 0.38 dropped `sign validate --ltv-profile pades` from its command line; its baseline
//! here is `tests/tools/pyhanko_ltv.py`, the same B-LT validation through its API, offline with
//! the test CA the only trust, timed as a process (start-up included, as a clerk or a script
//! would run it), as `signing.rs` times `openssl cms -sign`.
use criterion::{criterion_group, criterion_main, Criterion};
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{
    add_validation_data, revocation_status, sign_pdf_with, timestamp_signature, validate_pdf,
    CallerTime, Indication, PdfSignatureMeta, Pkcs12Signer, RevocationOptions, RevocationStatus,
    Signer, TimestampOptions, ValidationData,
};
use std::process::Command;

// The tests' local TSA, PDF helpers and validators.
#[path = "../tests/common/mod.rs"]
mod common;

const PAGES: usize = 10;
/// One scanned A4 page at 300 dpi as JPEG, about.
const PAGE_BYTES: usize = 620 * 1024;

/// A PDF of `PAGES` pages, each showing one image XObject of `PAGE_BYTES` incompressible bytes
/// (declared DCTDecode: no validator decodes an image to check a signature).
fn ten_page_pdf() -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut noise = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    };
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |pdf: &mut Vec<u8>, body: &[u8]| {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    };
    let kids: Vec<String> = (0..PAGES).map(|i| format!("{} 0 R", 3 + i * 3)).collect();
    object(&mut pdf, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(
        &mut pdf,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {PAGES} >>",
            kids.join(" ")
        )
        .as_bytes(),
    );
    for i in 0..PAGES {
        let (content, image) = (4 + i * 3, 5 + i * 3);
        object(
            &mut pdf,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R \
                 /Resources << /XObject << /Im0 {image} 0 R >> >> >>"
            )
            .as_bytes(),
        );
        let draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q";
        let mut stream = format!("<< /Length {} >>\nstream\n", draw.len()).into_bytes();
        stream.extend_from_slice(draw);
        stream.extend_from_slice(b"\nendstream");
        object(&mut pdf, &stream);
        let bytes = noise(PAGE_BYTES);
        let mut stream = format!(
            "<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray \
             /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
            bytes.len()
        )
        .into_bytes();
        stream.extend_from_slice(&bytes);
        stream.extend_from_slice(b"\nendstream");
        object(&mut pdf, &stream);
    }
    let xref = pdf.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f\r\n", offsets.len() + 1);
    for offset in &offsets {
        table.push_str(&format!("{offset:010} 00000 n\r\n"));
    }
    pdf.extend_from_slice(table.as_bytes());
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

fn bench(c: &mut Criterion) {
    let pki = TestPki::new();
    let anchors = pki.trust();
    let tsa = common::tsa::TsaServer::start(&pki, &pki.tsa(true));
    let port = common::net::free_port();
    let url = format!("http://127.0.0.1:{port}");
    let opts = ClerkOptions {
        ocsp_url: Some(&url),
        ..ClerkOptions::default()
    };
    let signer = Pkcs12Signer::open(&pki.clerk("900101300007", opts), PASSWORD).unwrap();
    let index = TestPki::ocsp_index(&[(signer.certificate_der(), None)]);
    let responder = OcspServer::by_ca(port, &index, &pki);
    let stamp = |cms: Vec<u8>| {
        timestamp_signature(&cms, &tsa.url, &anchors, &TimestampOptions::default())
            .map(|t| t.cms_der)
    };
    let meta = PdfSignatureMeta {
        signing_time: chrono::Utc::now(),
        ..common::meta()
    };
    let signed = sign_pdf_with(&ten_page_pdf(), &signer, &meta, &stamp).unwrap();
    let ca = openssl::x509::X509::from_pem(&pki.ca_pem)
        .unwrap()
        .to_der()
        .unwrap();
    let status = revocation_status(
        signer.certificate_der(),
        &ca,
        chrono::Utc::now(),
        &RevocationOptions::default(),
    )
    .unwrap();
    let RevocationStatus::Good { evidence } = status else {
        panic!("no good status: {status:?}");
    };
    drop(responder);
    let data = ValidationData {
        certificates: vec![signer.certificate_der().to_vec(), ca],
        ocsp_responses: vec![evidence.der],
        crls: Vec::new(),
    };
    let b_lt = add_validation_data(&signed, &data).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let ca_file = pki.write_ca(dir.path()).unwrap();
    let file = dir.path().join("b-lt-10-pages.pdf");
    std::fs::write(&file, &b_lt).unwrap();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/pyhanko_ltv.py");
    let python = common::validators::pyhanko_python();
    let pyhanko = || {
        Command::new(&python)
            .arg(&script)
            .arg(&ca_file)
            .arg(&file)
            .output()
            .expect("pyHanko's Python runs")
    };
    let said = pyhanko();
    assert!(
        said.status.success(),
        "pyHanko refused the copy: {}",
        common::text(&said)
    );
    let ours = validate_pdf(&b_lt, &anchors, chrono::Utc::now(), CallerTime::Present).unwrap();
    assert_eq!(ours.report.indication, Indication::TotalPassed);
    eprintln!("B-LT copy of {PAGES} pages: {} bytes", b_lt.len());

    let mut group = c.benchmark_group("verify_b_lt_10_pages");
    group.sample_size(10);
    group.bench_function("rastau_validate_pdf", |b| {
        b.iter(|| {
            let v = validate_pdf(&b_lt, &anchors, chrono::Utc::now(), CallerTime::Present);
            assert_eq!(v.unwrap().report.indication, Indication::TotalPassed);
        })
    });
    group.bench_function("pyhanko_b_lt_validation_process", |b| {
        b.iter(|| assert!(pyhanko().status.success()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
