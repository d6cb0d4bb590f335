//! A whole certification of a 10-page document, as at the counter: the scanned A4 300-dpi
//! JPEG files imported, the copy assembled with its sheet, signed (PAdES + CAdES), stored by
//! hash and recorded. The issue asks for under 2 s.
#[path = "../tests/common/mod.rs"]
mod common;

use common::{clerk_iin, person_applicant, with_clerk, Desk};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rastau_capture::test_pages::TestPage;
use rastau_core::scans::PageSource;
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};
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
    // Both the untimed set-up and the timed step need the app.
    let desk = std::cell::RefCell::new(counter());
    let mut group = c.benchmark_group("certification");
    group.sample_size(10);
    group.bench_function("import_10_a4_jpegs_to_signed_stored_copy", |b| {
        b.iter_batched(
            || consented_visit(&mut desk.borrow_mut()),
            // The window's road: the files imported under the document, then certified from
            // what the store keeps.
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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
