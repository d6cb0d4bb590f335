//! A whole certification of a 10-page document, as at the counter: the scanned A4 300-dpi
//! JPEG files imported, the copy assembled with its sheet, signed (PAdES + CAdES), stored by
//! hash and recorded. The issue asks for under 2 s.
//!
//! And the same with trusted time and revocation, as a center with NCA RK's services signs:
//! the key's status asked of `openssl ocsp` and a token of `openssl ts` behind a local HTTP
//! responder, each on 127.0.0.1, for both signatures, carried in the copy (PAdES B-LT, CAdES
//! values). The issue asks for under 100 ms beyond the plain figure, measured in the same run.
#[path = "../tests/common/mod.rs"]
mod common;

use common::{clerk_iin, person_applicant, with_clerk, Desk};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rastau_capture::test_pages::TestPage;
use rastau_core::scans::PageSource;
use rastau_core::signature_policy::{SignaturePolicy, WithoutStatus};
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_sign::test_http::free_port;
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::test_tsa::TsaServer;
use rastau_sign::{Pkcs12Signer, Signer};
use std::path::{Path, PathBuf};

fn scans(dir: &std::path::Path) -> Vec<PathBuf> {
    (0..10)
        .map(|i| {
            let path = dir.join(format!("page-{i:02}.jpg"));
            std::fs::write(&path, TestPage::a4(300).variant(i).jpeg()).unwrap();
            path
        })
        .collect()
}

/// A clerk at the counter with an open signing key (the shared test fixtures).
fn counter() -> Desk {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    let key = common::pki().clerk(&clerk_iin(), ClerkOptions::default());
    desk.app.open_signing_key(&key, PASSWORD).unwrap();
    desk
}

/// The services a center with trusted time and revocation asks, on 127.0.0.1.
struct Services {
    _ocsp: OcspServer,
    _tsa: TsaServer,
}

/// [`counter`] at a center that names a timestamp authority and refuses to sign without a
/// status, the clerk's key naming its OCSP responder; the clock on the real time, by which the
/// responders date their answers.
fn counter_with_services() -> (Desk, Services) {
    let pki = common::pki();
    let mut desk = with_clerk();
    let behind = chrono::Utc::now() - desk.clock_now();
    desk.clock.advance(behind);
    let tsa = TsaServer::start(pki, &pki.tsa(true));
    desk.as_supervisor();
    desk.app
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Refuse,
            timestamp_url: Some(tsa.url.clone()),
        })
        .unwrap();
    desk.app.logout().unwrap();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let options = ClerkOptions {
        ocsp_url: Some(&url),
        ..ClerkOptions::default()
    };
    let key = pki.clerk(&clerk_iin(), options);
    let cert = Pkcs12Signer::open(&key, PASSWORD)
        .unwrap()
        .certificate_der()
        .to_vec();
    let ocsp = OcspServer::by_ca(port, &TestPki::ocsp_index(&[(&cert, None)]), pki);
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    desk.app.open_signing_key(&key, PASSWORD).unwrap();
    (
        desk,
        Services {
            _ocsp: ocsp,
            _tsa: tsa,
        },
    )
}

/// A consented visit listing one document, ready to certify.
fn consented_visit(desk: &mut Desk) -> i64 {
    let request = OpenVisit {
        applicant: person_applicant(),
        representative: None,
    };
    let visit = desk.app.open_visit(&request).unwrap();
    let document = Document {
        title: "Диплом".into(),
        number: "ЖБ-II 0098765".into(),
        issued_on: "30.06.2000".into(),
        issuer: "ҚазҰУ".into(),
        sheets: 10,
    };
    desk.app
        .set_documents(visit.id, &[document], false)
        .unwrap();
    desk.app
        .confirm_consent(visit.id, Present::Applicant)
        .unwrap();
    visit.id
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = scans(dir.path());
    let mut group = c.benchmark_group("certification");
    group.sample_size(10);
    let (with_services, _services) = counter_with_services();
    for (name, desk) in [
        ("import_10_a4_jpegs_to_signed_stored_copy", counter()),
        ("with_ocsp_and_timestamps_on_localhost", with_services),
    ] {
        // Both the untimed set-up and the timed step need the app.
        let desk = std::cell::RefCell::new(desk);
        group.bench_function(name, |b| {
            b.iter_batched(
                || consented_visit(&mut desk.borrow_mut()),
                // The window's road: the files imported under the document, then certified
                // from what the store keeps.
                |visit_id| {
                    let app = &mut desk.borrow_mut().app;
                    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
                    app.import_files(visit_id, &paths, PageSource::File, Some(1))
                        .unwrap();
                    app.certify_document(visit_id, 1).unwrap()
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
