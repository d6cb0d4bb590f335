//! The demo a newcomer explores, filled into a real store: the week before today as the counter
//! lived it (through the application object), every person's demo key, the demo CA trusted,
//! and a store that `doctor` and the audit chain find sound.
use chrono::{Datelike, Duration, Utc, Weekday};
use rastau_capture::{import_bytes, Limits};
use rastau_core::clock::SystemClock;
use rastau_core::demo::{self, Extent, Filled, CA_FILE, DEMO_PASSWORD, KEYS_DIR};
use rastau_core::journal::{DocumentOutcome, JournalFilter};
use rastau_core::scans::PageSource;
use rastau_core::store::Store;
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_core::Rastau;
use std::sync::LazyLock;
use std::time::Instant;

/// One demo for the whole file: it is what the tests look at, and it takes a while to make.
static DEMO: LazyLock<(tempfile::TempDir, Filled)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let started = Instant::now();
    let filled = demo::fill(&mut store, Utc::now(), Extent::Week).unwrap();
    eprintln!(
        "the demo's week took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (dir, filled)
});

fn app() -> Rastau {
    Rastau::new(Store::open(DEMO.0.path()).unwrap(), Box::new(SystemClock))
}

fn signed_in(role_index: usize) -> Rastau {
    let mut app = app();
    let login = &DEMO.1.logins[role_index];
    app.login(&login.iin, DEMO_PASSWORD).unwrap();
    app
}

#[test]
fn the_week_before_today_is_in_the_journal_every_document_decided() {
    let week = DEMO.1.week.as_ref().unwrap();
    let today = chrono::Local::now().date_naive();
    assert_eq!(week.from, today - Duration::days(7));
    assert_eq!(week.to, today - Duration::days(1));

    let mut supervisor = signed_in(0);
    let journal = supervisor
        .journal(&JournalFilter {
            from: week.from,
            to: week.to,
            ..JournalFilter::day(week.from)
        })
        .unwrap();
    assert_eq!(journal.rows.len(), week.visits);
    assert!(
        week.visits >= 150,
        "dozens of visits a day: {}",
        week.visits
    );
    let days: std::collections::BTreeSet<_> = journal
        .rows
        .iter()
        .map(|r| r.started_at.with_timezone(&chrono::Local).date_naive())
        .collect();
    assert_eq!(days.len(), 6, "every day but Sunday");
    assert!(days.iter().all(|d| d.weekday() != Weekday::Sun));
    let clerks: std::collections::BTreeSet<_> = journal.rows.iter().map(|r| r.clerk_id).collect();
    assert_eq!(clerks.len(), 3);

    let documents: Vec<&DocumentOutcome> = journal
        .rows
        .iter()
        .flat_map(|r| r.documents.iter().map(|d| &d.outcome))
        .collect();
    let certified = documents
        .iter()
        .filter(|o| matches!(o, DocumentOutcome::Certified))
        .count();
    let refused = documents
        .iter()
        .filter(|o| matches!(o, DocumentOutcome::Refused { .. }))
        .count();
    assert_eq!(certified + refused, documents.len(), "none undecided");
    assert_eq!((certified, refused), (week.copies, week.refused));
    assert!(
        refused * 10 < certified,
        "{refused} refused, {certified} certified"
    );
    assert!(journal.rows.iter().all(|r| r.ended_at.is_some()));
    let with_notice = journal
        .rows
        .iter()
        .filter(|r| !r.notices.is_empty())
        .count();
    assert_eq!(with_notice, week.notices);
    let refusing = journal
        .rows
        .iter()
        .filter(|r| {
            r.documents
                .iter()
                .any(|d| matches!(d.outcome, DocumentOutcome::Refused { .. }))
        })
        .count();
    assert_eq!(with_notice, refusing, "every refusal under a notice");
    let over: Vec<_> = journal.rows.iter().filter(|r| r.over_limit).collect();
    assert_eq!(over.len(), 1);
    assert!(over[0].representative.is_some());
    assert!(over[0].duration_seconds.unwrap() > 30 * 60);

    // The first working day is signed off with the supervisor's demo key.
    let signed = week.signed_off.clone();
    let first_working = if week.from.weekday() == Weekday::Sun {
        week.from + Duration::days(1)
    } else {
        week.from
    };
    assert_eq!(signed, vec![first_working]);
    let day = supervisor
        .journal(&JournalFilter::day(first_working))
        .unwrap();
    assert_eq!(day.signed_off.len(), 1);
    assert!(
        day.signed_off[0].signer_name.starts_with("DEMO "),
        "{}",
        day.signed_off[0].signer_name
    );
}

#[test]
fn copies_and_the_signed_day_verify_against_the_demo_ca() {
    let mut supervisor = signed_in(0);
    let cas = supervisor.trusted_cas().unwrap();
    assert_eq!(cas.len(), 1);
    assert!(
        cas[0].subject.as_deref().unwrap_or("").contains("DEMO"),
        "{:?}",
        cas[0].subject
    );
    let week = DEMO.1.week.as_ref().unwrap();
    let day = week.signed_off[0];
    let journal_pdf = supervisor.signed_journal(day).unwrap();
    let checked = supervisor.verify_file(&journal_pdf, None).unwrap();
    assert!(checked.intact && checked.trusted, "{checked:?}");

    let journal = supervisor.journal(&JournalFilter::day(day)).unwrap();
    let applicant = &journal
        .rows
        .iter()
        .find(|r| {
            r.documents
                .iter()
                .any(|d| d.outcome == DocumentOutcome::Certified)
        })
        .unwrap()
        .tax_id;
    let copy = &supervisor.copies(applicant).unwrap()[0];
    let pdf = supervisor.store().files().get(&copy.pdf_hash).unwrap();
    let signature = supervisor
        .store()
        .files()
        .get(&copy.signature_hash)
        .unwrap();
    let checked = supervisor.verify_file(&pdf, Some(&signature)).unwrap();
    assert!(checked.intact && checked.trusted, "{checked:?}");
    assert!(checked.signer_name.starts_with("DEMO "));
    assert!(checked.in_store.is_some());
}

#[test]
fn the_store_is_sound_as_doctor_and_the_audit_chain_see_it() {
    let app = app();
    let doctor = rastau_core::doctor::check(app.store()).unwrap();
    assert!(doctor.healthy(), "{doctor:?}");
    let chain = rastau_core::audit::chain::verify(app.store().read()).unwrap();
    assert!(chain.fault.is_none(), "{chain:?}");
    assert!(chain.entries > 1000, "{} entries", chain.entries);
}

#[test]
fn a_newcomer_certifies_today_with_a_key_from_the_demo_folder() {
    let keys = DEMO.1.keys.as_ref().unwrap();
    assert_eq!(keys, &DEMO.0.path().join(KEYS_DIR));
    assert!(keys.join(CA_FILE).is_file());
    for login in &DEMO.1.logins {
        assert!(
            keys.join(format!("{}.p12", login.iin)).is_file(),
            "{}",
            login.full_name
        );
    }
    let clerk = &DEMO.1.logins[1];
    let mut app = signed_in(1);
    let p12 = std::fs::read(keys.join(format!("{}.p12", clerk.iin))).unwrap();
    let key = app.open_signing_key(&p12, DEMO_PASSWORD).unwrap();
    assert!(key.issuer_name.contains("DEMO"), "{}", key.issuer_name);

    let applicant = app.lookup_applicant("900101300007").unwrap();
    assert!(applicant.known.is_none());
    let visit = app
        .open_visit(&OpenVisit {
            applicant: rastau_core::applicant::Applicant {
                tax_id: "900101300007".into(),
                surname: "Жаңа".into(),
                given_name: "Келуші".into(),
                ..Default::default()
            },
            representative: None,
        })
        .unwrap();
    let document = Document {
        title: "Туу туралы куәлік".into(),
        number: "I-АЖ 000001".into(),
        issued_on: "01.06.1995".into(),
        issuer: "АХАТ".into(),
        sheets: 1,
    };
    app.set_documents(visit.id, &[document], false).unwrap();
    app.confirm_consent(visit.id, Present::Applicant).unwrap();
    let page = import_bytes(&scan(), "page.png", &Limits::default()).unwrap();
    app.add_pages(visit.id, &page, PageSource::File, Some(1))
        .unwrap();
    let copy = app.certify_document(visit.id, 1).unwrap();
    assert!(copy.signer_name.starts_with("DEMO "));
    app.close_visit(visit.id).unwrap();
}

/// A small PNG page, as a file chosen at the counter.
fn scan() -> Vec<u8> {
    rastau_capture::test_pages::TestPage::sized(200, 280).png()
}

#[test]
fn accounts_only_makes_no_keys_and_no_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let filled = demo::fill(&mut store, Utc::now(), Extent::AccountsOnly).unwrap();
    assert!(filled.keys.is_none() && filled.week.is_none());
    assert!(!dir.path().join(KEYS_DIR).exists());
    let mut app = Rastau::new(store, Box::new(SystemClock));
    let supervisor = &filled.logins[0];
    app.login(&supervisor.iin, DEMO_PASSWORD).unwrap();
    assert!(app.trusted_cas().unwrap().is_empty());
}
