//! A demo store beside a shared store on the test cluster, driven through the `rastau` binary
//! as a supervisor at the counter would: the tests of `rastau shared …` share these.
#![allow(dead_code)] // each test binary uses its part

use postgres::Client;
use rastau_core::clock::SystemClock;
use rastau_core::shared_link::{self, Link};
use rastau_core::store::Store;
use rastau_core::Rastau;
use rastau_shared::test_db::TestDb;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

pub const PASSWORD: &str = "demo-2026";
pub const SUPERVISOR: &str = "850315400124";
pub const CLERK: &str = "920718300451";
pub const CENTER: &str = "ALM-01";

pub fn command(dir: &Path, lang: &str, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rastau"));
    command
        .args(["--lang", lang, "--data-dir", dir.to_str().unwrap()])
        .args(args)
        .env("RASTAU_PASSWORD", PASSWORD);
    command
}

pub fn rastau(dir: &Path, lang: &str, args: &[&str]) -> Output {
    command(dir, lang, args).output().unwrap()
}

/// A command of the shared store's administrator, which needs no data folder.
pub fn admin(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

pub fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    assert!(!output.status.success(), "{output:?}");
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// An initialised shared store and a demo store of accounts only beside it.
pub fn setup() -> (TestDb, tempfile::TempDir) {
    let db = TestDb::create();
    let dir = tempfile::tempdir().unwrap();
    stdout(&rastau(
        dir.path(),
        "ru",
        &["shared", "init", &db.admin_url()],
    ));
    stdout(&rastau(dir.path(), "ru", &["demo", "--accounts-only"]));
    (db, dir)
}

/// An initialised shared store and, linked to it, a copy of a demo store with a week of work.
pub fn busy() -> (TestDb, tempfile::TempDir) {
    let db = TestDb::create();
    stdout(&rastau(
        Path::new("."),
        "ru",
        &["shared", "init", &db.admin_url()],
    ));
    let dir = another_counter(&db);
    (db, dir)
}

/// Another copy of the demo week, linked to `db` as an installation of its own: the same
/// applicants, served at another counter.
pub fn another_counter(db: &TestDb) -> tempfile::TempDir {
    counter_of(&db.admin_url(), CENTER)
}

/// A copy of the demo week joined to the center `center` of the shared store the
/// administrator's `url` leads to.
pub fn counter_of(url: &str, center: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copied = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", week().path().display()))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(copied.success());
    stdout(&rastau(
        dir.path(),
        "ru",
        &[
            "shared", "join", url, "--center", center, "--iin", SUPERVISOR,
        ],
    ));
    dir
}

/// The demo's week, filled once per test binary and copied by each test that needs it.
fn week() -> &'static tempfile::TempDir {
    static WEEK: OnceLock<tempfile::TempDir> = OnceLock::new();
    WEEK.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        stdout(&rastau(dir.path(), "ru", &["demo"]));
        dir
    })
}

pub fn join(db: &TestDb, dir: &Path, lang: &str, iin: &str) -> Output {
    let url = db.admin_url();
    rastau(
        dir,
        lang,
        &["shared", "join", &url, "--center", CENTER, "--iin", iin],
    )
}

pub fn link(dir: &Path) -> Link {
    shared_link::read(dir).unwrap().expect("linked")
}

/// What the shared store should hold of the store in `dir`, read from the store itself.
pub fn expected(dir: &Path) -> BTreeMap<&'static str, i64> {
    let store = Store::open(dir).unwrap();
    let count = |sql: &str| -> i64 { store.read().query_row(sql, [], |r| r.get(0)).unwrap() };
    let closed = "SELECT record_id FROM audit_entry WHERE action = 'visit-closed'";
    BTreeMap::from([
        ("audit_entry", count("SELECT count(*) FROM audit_entry")),
        ("visit", count(&format!("SELECT count(*) FROM visit WHERE id IN ({closed})"))),
        (
            "document",
            count(&format!("SELECT count(*) FROM document WHERE visit_id IN ({closed})")),
        ),
        (
            "consent",
            count(&format!(
                "SELECT count(*) FROM visit WHERE id IN ({closed}) AND consent_received_at IS NOT NULL"
            )),
        ),
        ("certified_copy", count("SELECT count(*) FROM certified_copy")),
        ("notice", count("SELECT count(*) FROM refusal_notice")),
        ("signoff", count("SELECT count(*) FROM day_signoff")),
        (
            "handover",
            count("SELECT count(*) FROM handover WHERE state IN ('done', 'failed')"),
        ),
    ])
}

pub fn held(admin: &mut Client, link: &Link) -> BTreeMap<&'static str, i64> {
    let mut held = BTreeMap::new();
    for table in [
        "audit_entry",
        "visit",
        "document",
        "consent",
        "certified_copy",
        "notice",
        "signoff",
        "handover",
    ] {
        let sql = format!("SELECT count(*) FROM {table} WHERE installation_code = $1");
        held.insert(
            table,
            admin.query_one(&sql, &[&link.installation]).unwrap().get(0),
        );
    }
    held
}

/// Everything of `dir` is in the shared store once: the counts of every table, the audit chain
/// hash by hash, every file the records name with bytes whose SHA-256 is its name, the mark
/// at the last entry.
pub fn assert_all_there_once(db: &TestDb, dir: &Path) {
    assert_all_there_once_in(&mut db.admin(), dir);
}

/// [`assert_all_there_once`] in the shared store `admin` is its administrator's connection to.
pub fn assert_all_there_once_in(admin: &mut Client, dir: &Path) {
    let link = link(dir);
    let expected = expected(dir);
    assert!(expected["certified_copy"] > 100, "{expected:?}");
    assert_eq!(held(admin, &link), expected);

    let store = Store::open(dir).unwrap();
    let strings = |sql: &str| -> Vec<String> {
        let mut stmt = store.read().prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let shared_hashes: Vec<String> = admin
        .query(
            "SELECT hash FROM audit_entry WHERE installation_code = $1 ORDER BY seq",
            &[&link.installation],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(
        shared_hashes,
        strings("SELECT hash FROM audit_entry ORDER BY seq")
    );

    let files = strings(
        "SELECT pdf_hash FROM certified_copy UNION SELECT signature_hash FROM certified_copy
         UNION SELECT pdf_hash FROM refusal_notice UNION SELECT signature_hash FROM refusal_notice
         UNION SELECT pdf_hash FROM day_signoff UNION SELECT signature_hash FROM day_signoff",
    );
    let sound: i64 = admin
        .query_one(
            "SELECT count(*) FROM file WHERE sha256 = ANY($1)
               AND encode(sha256(bytes), 'hex') = sha256",
            &[&files],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        sound as usize,
        files.len(),
        "every file there, its bytes its hash"
    );

    let mark: i64 = admin
        .query_one(
            "SELECT high_water FROM push_mark WHERE installation_code = $1",
            &[&link.installation],
        )
        .unwrap()
        .get(0);
    assert_eq!(mark, expected["audit_entry"]);
}

/// A change at the counter: someone signs in and out (two audit entries).
pub fn sign_in_and_out(dir: &Path, iin: &str) {
    let mut app = Rastau::new(Store::open(dir).unwrap(), Box::new(SystemClock));
    app.login(iin, PASSWORD).unwrap();
    app.logout().unwrap();
}

pub fn relink(dir: &Path, link: &Link) {
    shared_link::remove(dir).unwrap();
    shared_link::write(dir, link).unwrap();
}
