//! `rastau journal` on a demo store with one visit made through the core: CSV and PDF on
//! standard output, for the supervisor or for the clerk's own visits only.
use rastau_core::account::NewAccount;
use rastau_core::applicant::Applicant;
use rastau_core::clock::SystemClock;
use rastau_core::store::Store;
use rastau_core::visit::{Document, OpenVisit};
use rastau_core::Rastau;
use std::path::Path;
use std::process::{Command, Output};

const PASSWORD: &str = "demo-2026";
const SUPERVISOR: &str = "850315400124";
const CLERK: &str = "920718300451";
const OTHER_CLERK: &str = "951120400782";
const NEW_CLERK: &str = "880612401122";

fn rastau(dir: &Path, args: &[&str], password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["--lang", "ru", "--data-dir", dir.to_str().unwrap()])
        .args(args)
        .env("RASTAU_PASSWORD", password)
        .output()
        .unwrap()
}

/// A demo store where the demo clerk is serving one applicant today, the document listed and
/// not yet decided (so the visit stays open: rule 6); returns the journal number.
fn a_visit(dir: &Path) -> String {
    assert!(rastau(dir, &["demo", "--accounts-only"], "")
        .status
        .success());
    let mut app = Rastau::new(Store::open(dir).unwrap(), Box::new(SystemClock));
    app.login(CLERK, PASSWORD).unwrap();
    let visit = app
        .open_visit(&OpenVisit {
            applicant: Applicant {
                tax_id: "780214300450".into(),
                surname: "Жұмабекова".into(),
                given_name: "Әсем".into(),
                ..Applicant::default()
            },
            representative: None,
        })
        .unwrap();
    let diploma = Document {
        title: "Диплом".into(),
        number: String::new(),
        issued_on: String::new(),
        issuer: String::new(),
        sheets: 2,
    };
    app.set_documents(visit.id, &[diploma], false).unwrap();
    visit.number_text
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

#[test]
fn the_days_journal_as_csv_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let number = a_visit(dir.path());
    let day = today();
    let csv = rastau(
        dir.path(),
        &["journal", "--date", &day, "--iin", SUPERVISOR],
        PASSWORD,
    );
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let text = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with("journal_number,started_at,ended_at,duration_seconds,over_limit,tax_id,applicant,representative,clerk,document_position,document_title,outcome,grounds,notices,notice_prints,receipt_prints,visit_id"));
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].starts_with(&format!("{number},")), "{text}");
    assert_eq!(lines[1].split(',').nth(2), Some(""), "still open: {text}");
    assert!(lines[1].contains(",Жұмабекова Әсем,,Өмірзақов Нұржан Ғалымұлы,1,Диплом,undecided,"));

    let pdf = rastau(
        dir.path(),
        &[
            "journal", "--date", &day, "--format", "pdf", "--iin", SUPERVISOR,
        ],
        PASSWORD,
    );
    assert!(pdf.status.success());
    assert!(pdf.stdout.starts_with(b"%PDF-"));
}

#[test]
fn a_clerk_gets_only_their_own_visits_and_a_wrong_password_nothing() {
    let dir = tempfile::tempdir().unwrap();
    a_visit(dir.path());
    let day = today();
    let other = rastau(
        dir.path(),
        &["journal", "--date", &day, "--iin", OTHER_CLERK],
        PASSWORD,
    );
    assert!(other.status.success());
    assert_eq!(
        String::from_utf8(other.stdout).unwrap().lines().count(),
        1,
        "the header only"
    );

    let refused = rastau(
        dir.path(),
        &["journal", "--date", &day, "--iin", SUPERVISOR],
        "wrong",
    );
    assert!(!refused.status.success());
    assert!(refused.stdout.is_empty());
    assert!(String::from_utf8(refused.stderr)
        .unwrap()
        .contains("Неверный ИИН или пароль"));
}

#[test]
fn someone_whose_password_a_supervisor_set_is_sent_to_the_window() {
    let dir = tempfile::tempdir().unwrap();
    a_visit(dir.path());
    let mut app = Rastau::new(Store::open(dir.path()).unwrap(), Box::new(SystemClock));
    app.login(SUPERVISOR, PASSWORD).unwrap();
    app.create_clerk(&NewAccount {
        iin: NEW_CLERK.into(),
        full_name: "Құрманғалиев Өмірбек".into(),
        position: "Маман".into(),
        phone: String::new(),
        password: "given-by-boss".into(),
    })
    .unwrap();
    drop(app);

    let refused = rastau(
        dir.path(),
        &["journal", "--date", &today(), "--iin", NEW_CLERK],
        "given-by-boss",
    );
    assert!(!refused.status.success());
    assert!(refused.stdout.is_empty());
    let reason = String::from_utf8(refused.stderr).unwrap();
    assert!(reason.contains("войдите в окне Rastau"), "{reason}");
}
