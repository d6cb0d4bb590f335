//! Fixtures shared by the integration tests: a store on a real temporary SQLite file, a
//! center, a supervisor and a clerk, and a clock the test moves.
#![allow(dead_code)] // each test file uses a different part

pub mod journal;
pub mod linked;
pub mod notice;
pub mod poppler;
pub mod tmpfs;

use chrono::{TimeZone, Utc};
use rastau_capture::test_pages::TestPage;
use rastau_capture::ScanPage;
use rastau_core::account::{Account, AccountChanges, NewAccount};
use rastau_core::applicant::Applicant;
use rastau_core::audit::{Action, AuditFilter, AuditPage};
use rastau_core::center::CenterProfile;
use rastau_core::clock::ManualClock;
use rastau_core::copy::CopyView;
use rastau_core::ids::check_digit;
use rastau_core::refusal::{Ground, NoticeLanguages, RefuseRequest};
use rastau_core::scans::PageSource;
use rastau_core::signature_policy::{SignaturePolicy, WithoutStatus};
use rastau_core::store::Store;
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_core::{FirstStart, Rastau, RetentionReport};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};

pub const SUPERVISOR_PASSWORD: &str = "басшы-2026";
/// The password a supervisor gives a new clerk in these tests; the clerk replaces it with their
/// own at the first sign-in.
pub const GIVEN_PASSWORD: &str = "given-by-supervisor";

/// The CA that issues the tests' keys, trusted by every center [`set_up`] makes (as a real
/// center trusts NCA RK's): one for the whole test binary, since making a CA takes a while.
pub fn pki() -> &'static TestPki {
    static PKI: std::sync::LazyLock<TestPki> = std::sync::LazyLock::new(TestPki::new);
    &PKI
}

/// A valid IIN from its first 11 digits.
pub fn iin(first11: &str) -> String {
    let digits: [u8; 11] = first11
        .bytes()
        .map(|b| b - b'0')
        .collect::<Vec<_>>()
        .try_into()
        .unwrap();
    format!(
        "{first11}{}",
        check_digit(&digits).expect("prefix with a check digit")
    )
}

pub fn supervisor_iin() -> String {
    iin("80010130011")
}

pub fn clerk_iin() -> String {
    iin("90020240022")
}

pub struct Desk {
    pub app: Rastau,
    pub clock: ManualClock,
    pub dir: tempfile::TempDir,
}

pub fn profile() -> CenterProfile {
    CenterProfile {
        name_kk: "Қарағанды қаласы бойынша ХҚКО".into(),
        name_ru: "ЦОН города Караганды".into(),
        region: "Қарағанды облысы".into(),
        city_kk: "Қарағанды".into(),
        city_ru: "Караганда".into(),
        district_kk: "Қазыбек би".into(),
        district_ru: "имени Казыбек би".into(),
        address: "Бұқар жырау даңғылы, 47".into(),
        phone: "+7 7212 00 00 00".into(),
        idle_lock_minutes: 10,
    }
}

pub fn person(iin: String, name: &str, password: &str) -> NewAccount {
    NewAccount {
        iin,
        full_name: name.into(),
        position: "Маман".into(),
        phone: "+7 701 000 00 00".into(),
        password: password.into(),
    }
}

pub fn set_up() -> Desk {
    set_up_in(tempfile::tempdir().unwrap())
}

/// [`set_up`] with the store in `dir`.
pub fn set_up_in(dir: tempfile::TempDir) -> Desk {
    let clock = ManualClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let mut app = Rastau::new(Store::open(dir.path()).unwrap(), Box::new(clock.clone()));
    let status = app
        .first_start(&FirstStart {
            center: profile(),
            supervisor: person(supervisor_iin(), "Әбілқасымова Гүлнар", SUPERVISOR_PASSWORD),
        })
        .unwrap();
    assert!(status.center.is_some());
    assert!(
        status.session.is_none(),
        "first start does not sign anyone in"
    );
    app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    app.trust_ca(&pki().ca_pem).unwrap();
    // The tests' keys, like the demo's, name no OCSP responder and no CRL: the center signs
    // without a revocation status. `tests/revocation.rs` keeps the default, refusing.
    app.set_signature_policy(&SignaturePolicy {
        without_status: WithoutStatus::Allow,
        timestamp_url: None,
    })
    .unwrap();
    app.logout().unwrap();
    Desk { app, clock, dir }
}

pub fn with_clerk() -> Desk {
    with_clerk_in(tempfile::tempdir().unwrap())
}

/// [`with_clerk`] with the store in `dir`.
pub fn with_clerk_in(dir: tempfile::TempDir) -> Desk {
    let mut desk = set_up_in(dir);
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    hire(
        &mut desk.app,
        &person(clerk_iin(), "Ғабитов Ұлан", "clerk-pass-1"),
    );
    desk
}

/// Makes the clerk `new` as the signed-in supervisor does, with [`GIVEN_PASSWORD`], and lets
/// the clerk choose `new.password` at their first sign-in. No one is signed in after.
pub fn hire(app: &mut Rastau, new: &NewAccount) -> Account {
    let given = NewAccount {
        password: GIVEN_PASSWORD.into(),
        ..new.clone()
    };
    let clerk = app.create_clerk(&given).unwrap();
    app.logout().unwrap();
    let status = app.login(&new.iin, GIVEN_PASSWORD).unwrap();
    assert!(status.session.unwrap().must_choose_password);
    app.choose_password(GIVEN_PASSWORD, &new.password).unwrap();
    app.logout().unwrap();
    clerk
}

/// The account with `iin`, as the signed-in supervisor's list shows it.
pub fn account_of(app: &mut Rastau, iin: &str) -> Account {
    app.accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.iin == iin)
        .unwrap()
}

/// The signed-in supervisor gives the account with `iin` the password `password` (its owner
/// chooses their own at the next sign-in), changing nothing else.
pub fn give_password(app: &mut Rastau, iin: &str, password: &str) -> Account {
    let account = account_of(app, iin);
    app.update_account(&AccountChanges {
        id: account.id,
        full_name: account.full_name,
        position: account.position,
        phone: account.phone,
        new_password: Some(password.into()),
    })
    .unwrap()
}

impl Desk {
    /// Signs the center's supervisor in (whoever was signed in before).
    pub fn as_supervisor(&mut self) {
        self.app
            .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
            .unwrap();
    }

    /// Signs the clerk made by [`with_clerk`] in.
    pub fn as_clerk(&mut self) {
        self.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        use rastau_core::clock::Clock;
        self.clock.now()
    }

    /// Moves the clock to `at` and runs the retention sweep as the supervisor.
    pub fn sweep_at(&mut self, at: chrono::DateTime<Utc>) -> RetentionReport {
        let now = self.clock_now();
        self.clock.advance(at - now);
        self.as_supervisor();
        self.app.run_retention().unwrap()
    }

    /// Closes the app and opens it again on the same store (no one is signed in).
    pub fn restart(self) -> Desk {
        let Desk { app, clock, dir } = self;
        drop(app);
        let app = Rastau::new(Store::open(dir.path()).unwrap(), Box::new(clock.clone()));
        Desk { app, clock, dir }
    }
}

/// The first page of the audit trail's entries of `action`, newest first, read as whoever is
/// signed in to `app` (a supervisor).
pub fn audit_of(app: &mut Rastau, action: Action) -> AuditPage {
    app.audit(&AuditFilter {
        action: Some(action),
        ..AuditFilter::default()
    })
    .unwrap()
}

/// The applicant most tests serve: a person who came in herself.
pub fn person_applicant() -> Applicant {
    Applicant {
        tax_id: iin("95060140012"),
        surname: "Нұрланова".into(),
        given_name: "Әлия".into(),
        patronymic: "Серікқызы".into(),
        organization: String::new(),
        address: "Қарағанды, Ерубаев к., 12".into(),
        phone: "+7 705 000 00 00".into(),
    }
}

/// An applicant whose name and address carry Kazakh letters, for the printed forms.
pub fn form_applicant() -> Applicant {
    Applicant {
        tax_id: iin("88071230045"),
        surname: "Әбілқайыр".into(),
        given_name: "Ғалымжан".into(),
        patronymic: "Қанатұлы".into(),
        organization: String::new(),
        address: "Өскемен қ., Ұлан көшесі, 7-үй, 12-пәтер".into(),
        phone: "+7 701 234 56 78".into(),
    }
}

/// A scanned A5 page as a real JPEG, through the same import the counter uses.
pub fn scanned_page(shade: u8) -> ScanPage {
    TestPage::sized(1748, 2480).variant(shade.into()).scan()
}

pub fn birth_certificate() -> Document {
    Document {
        title: "Туу туралы куәлік".into(),
        number: "I-АЖ 123456".into(),
        issued_on: "12.03.1995".into(),
        issuer: "АХАТ".into(),
        sheets: 1,
    }
}

/// The applicant walked away: the clerk signed in to `app` refuses every listed document still
/// undecided on ground 1 and signs the notice with their own key, as rule 6 asks before a visit
/// closes.
pub fn walked_away(app: &mut Rastau, visit_id: i64) {
    let undecided = rastau_core::visit::undecided(app.store().read(), visit_id).unwrap();
    let key = pki().clerk(&clerk_iin(), ClerkOptions::default());
    app.open_signing_key(&key, PASSWORD).unwrap();
    let request = RefuseRequest {
        positions: undecided.iter().map(|(position, _)| *position).collect(),
        grounds: vec![Ground::NotPresented],
        justification: "Заявитель ушёл: подлинники для заверения не представлены.".into(),
    };
    app.refuse(visit_id, &request).unwrap();
    app.issue_notice(visit_id, NoticeLanguages::Ru, None)
        .unwrap();
}

pub struct Counter {
    pub desk: Desk,
    pub pki: &'static TestPki,
    pub visit_id: i64,
}

/// The clerk signed in at the counter with a consented visit listing `documents`.
pub fn consented_visit(documents: &[Document]) -> Counter {
    let mut counter = listed_visit(documents);
    counter
        .desk
        .app
        .confirm_consent(counter.visit_id, Present::Applicant)
        .unwrap();
    counter
}

/// The clerk signed in at the counter with a visit listing `documents`, the signed consent not
/// yet handed in.
pub fn listed_visit(documents: &[Document]) -> Counter {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    let visit = desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    desk.app.set_documents(visit.id, documents, true).unwrap();
    Counter {
        desk,
        pki: pki(),
        visit_id: visit.id,
    }
}

impl Counter {
    /// Opens the clerk's own key and certifies every listed document from one scanned page.
    pub fn certify_all(&mut self, count: u32) -> Vec<CopyView> {
        let key = self.pki.clerk(&clerk_iin(), ClerkOptions::default());
        self.desk.app.open_signing_key(&key, PASSWORD).unwrap();
        (1..=count)
            .map(|position| {
                let page = scanned_page(position as u8 * 40);
                certify_with(&mut self.desk.app, self.visit_id, position, &[page]).unwrap()
            })
            .collect()
    }
}

/// Writes a file as a crash long ago left it: no record, and settled.
pub fn left_long_ago(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
    let then = std::time::SystemTime::now() - rastau_core::store::SETTLED * 2;
    std::fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

/// Keeps `pages` under document `position` of the visit, as a scan does, and certifies the
/// document from what the store keeps, as the window does.
pub fn certify_with(
    app: &mut Rastau,
    visit_id: i64,
    position: u32,
    pages: &[ScanPage],
) -> rastau_core::Result<CopyView> {
    app.add_pages(visit_id, pages, PageSource::Flatbed, Some(position))?;
    app.certify_document(visit_id, position)
}
