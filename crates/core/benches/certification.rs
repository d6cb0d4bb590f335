//! A whole certification of a 10-page document, as at the counter: the scanned A4 300-dpi
//! JPEG files imported, the copy assembled with its sheet, signed (PAdES + CAdES), stored by
//! hash and recorded. The issue asks for under 2 s.
use chrono::Utc;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rastau_capture::{import_file, Limits};
use rastau_core::account::NewAccount;
use rastau_core::applicant::Applicant;
use rastau_core::center::CenterProfile;
use rastau_core::clock::SystemClock;
use rastau_core::store::Store;
use rastau_core::visit::{Document, OpenVisit};
use rastau_core::{FirstStart, Rastau};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use std::path::PathBuf;

const CLERK: &str = "880612401122";
const SUPERVISOR: &str = "780214300450";

fn scans(dir: &std::path::Path) -> Vec<PathBuf> {
    (0..10)
        .map(|i| {
            let img = image::GrayImage::from_fn(2480, 3508, |x, y| {
                image::Luma([((x / 16 + y / 16 + i) % 7 * 36) as u8])
            });
            let path = dir.join(format!("page-{i:02}.jpg"));
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
                .encode_image(&img)
                .unwrap();
            std::fs::write(&path, jpeg).unwrap();
            path
        })
        .collect()
}

fn person(iin: &str) -> NewAccount {
    NewAccount {
        iin: iin.into(),
        full_name: "Құрманғалиев Өмірбек".into(),
        position: "Маман".into(),
        phone: String::new(),
        password: "password-1".into(),
    }
}

fn counter(dir: &std::path::Path) -> Rastau {
    let mut app = Rastau::new(Store::open(dir).unwrap(), Box::new(SystemClock));
    let center = CenterProfile {
        name_kk: "Астана қаласы Есіл ауданы бойынша ХҚКО".into(),
        name_ru: "ЦОН района Есиль города Астаны".into(),
        region: "Астана".into(),
        city: "Астана".into(),
        district: "Есіл".into(),
        address: "Мәңгілік Ел даңғылы, 8".into(),
        phone: "+7 7172 00 00 00".into(),
        idle_lock_minutes: 120,
    };
    app.first_start(&FirstStart {
        center,
        supervisor: person(SUPERVISOR),
    })
    .unwrap();
    app.login(SUPERVISOR, "password-1").unwrap();
    app.create_clerk(&person(CLERK)).unwrap();
    app.login(CLERK, "password-1").unwrap();
    let pki = TestPki::new();
    app.open_signing_key(&pki.clerk(CLERK, ClerkOptions::default()), PASSWORD)
        .unwrap();
    app
}

/// A consented visit listing one document, ready to certify.
fn consented_visit(app: &mut Rastau) -> i64 {
    let applicant = Applicant {
        tax_id: SUPERVISOR.into(),
        surname: "Жұмабекова".into(),
        given_name: "Әсем".into(),
        ..Applicant::default()
    };
    let visit = app
        .open_visit(&OpenVisit {
            applicant,
            representative: None,
        })
        .unwrap();
    let document = Document {
        title: "Диплом".into(),
        number: format!(
            "ЖБ-II {}",
            Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ),
        issued_on: "30.06.2000".into(),
        issuer: "ҚазҰУ".into(),
    };
    app.set_documents(visit.id, &[document], false).unwrap();
    app.confirm_consent(visit.id).unwrap();
    visit.id
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = scans(dir.path());
    // Both the untimed set-up and the timed step need the app.
    let app = std::cell::RefCell::new(counter(&dir.path().join("store")));
    let mut group = c.benchmark_group("certification");
    group.sample_size(10);
    group.bench_function("import_10_a4_jpegs_to_signed_stored_copy", |b| {
        b.iter_batched(
            || consented_visit(&mut app.borrow_mut()),
            |visit_id| {
                let pages: Vec<_> = files
                    .iter()
                    .flat_map(|f| import_file(f, &Limits::default()).unwrap())
                    .collect();
                app.borrow_mut().certify(visit_id, 1, &pages).unwrap()
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
