//! A demo store beside a shared store on the test cluster, driven through the `rastau` binary
//! as a supervisor at the counter would: the tests of `rastau shared …` share these.
#![allow(dead_code)] // each test binary uses its part

use rastau_core::shared_link::{self, Link};
use rastau_shared::test_db::TestDb;
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
    let dir = tempfile::tempdir().unwrap();
    let copied = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", week().path().display()))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(copied.success());
    stdout(&join(db, dir.path(), "ru", SUPERVISOR));
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
