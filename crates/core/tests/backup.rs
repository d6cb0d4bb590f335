//! Backup and restore: a supervisor backs the store up into a new folder (database by SQLite's
//! online backup, files, manifest of hashes); a restore checks all of it before replacing
//! anything, and a damaged or foreign folder, a wrong password or a clerk replace nothing.
mod common;

use common::tmpfs::Tmpfs;
use common::*;
use rastau_core::audit::Action;
use rastau_core::backup::{restore, Manifest, MANIFEST_FILE};
use rastau_core::clock::ManualClock;
use rastau_core::store::{content_hash, Store};
use rastau_core::{doctor, Error, Rastau};
use std::path::{Path, PathBuf};

/// A store with a certified copy, backed up by the supervisor into `dest`.
fn backed_up(dest: &Path) -> (Counter, PathBuf) {
    let mut counter = consented_visit(&[birth_certificate()]);
    counter.certify_all(1);
    counter.desk.app.close_visit(counter.visit_id).unwrap();
    counter.desk.as_supervisor();
    let report = counter.desk.app.backup(dest).unwrap();
    (counter, PathBuf::from(report.folder))
}

fn manifest(folder: &Path) -> Manifest {
    serde_json::from_slice(&std::fs::read(folder.join(MANIFEST_FILE)).unwrap()).unwrap()
}

fn visits(dir: &Path) -> i64 {
    Store::open(dir)
        .unwrap()
        .read()
        .query_row("SELECT count(*) FROM visit", [], |r| r.get(0))
        .unwrap()
}

fn restore_as(
    data_dir: &Path,
    folder: &Path,
    iin: &str,
    password: &str,
) -> rastau_core::Result<()> {
    let clock = ManualClock::at(chrono::Utc::now());
    restore(data_dir, folder, iin, password, Box::new(clock)).map(drop)
}

#[test]
fn the_backup_holds_the_database_and_every_file_by_hash() {
    let dest = tempfile::tempdir().unwrap();
    let (counter, folder) = backed_up(dest.path());
    assert!(folder.starts_with(dest.path()));
    assert!(folder
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("Rastau backup "));
    let manifest = manifest(&folder);
    let db = std::fs::read(folder.join("rastau.sqlite3")).unwrap();
    assert_eq!(content_hash(&db), manifest.database.sha256);
    let named = doctor::check(counter.desk.app.store()).unwrap().checked as usize;
    assert_eq!(manifest.files.len(), named);
    for file in &manifest.files {
        let path = folder
            .join("files")
            .join(&file.sha256[..2])
            .join(&file.sha256);
        assert_eq!(content_hash(&std::fs::read(path).unwrap()), file.sha256);
    }
    // The backup is a whole SQLite database, openable on its own.
    let copies: i64 = rusqlite::Connection::open(folder.join("rastau.sqlite3"))
        .unwrap()
        .query_row("SELECT count(*) FROM certified_copy", [], |r| r.get(0))
        .unwrap();
    assert_eq!(copies, 1);
}

#[test]
fn a_second_backup_goes_into_a_folder_of_its_own_and_is_audited() {
    let dest = tempfile::tempdir().unwrap();
    let (mut counter, first) = backed_up(dest.path());
    let second = PathBuf::from(counter.desk.app.backup(dest.path()).unwrap().folder);
    assert_ne!(first, second);
    let entries = audit_of(&mut counter.desk.app, Action::BackedUp);
    assert_eq!(entries.total, 2);
    assert_eq!(entries.entries[0].actor_iin, Some(supervisor_iin()));
}

#[test]
fn only_a_supervisor_backs_up() {
    let mut counter = consented_visit(&[birth_certificate()]);
    let dest = tempfile::tempdir().unwrap();
    assert!(matches!(
        counter.desk.app.backup(dest.path()),
        Err(Error::SupervisorOnly)
    ));
    assert_eq!(std::fs::read_dir(dest.path()).unwrap().count(), 0);
}

#[test]
fn a_full_disk_is_said_plainly_and_leaves_no_half_backup() {
    let (mut counter, _) = {
        let dest = tempfile::tempdir().unwrap();
        backed_up(dest.path())
    };
    let small = Tmpfs::mount("size=256k");
    let failed = counter.desk.app.backup(small.path()).unwrap_err();
    assert_eq!(failed.code(), "disk-full", "{failed:?}");
    assert_eq!(std::fs::read_dir(small.path()).unwrap().count(), 0);
}

#[test]
fn a_restore_brings_the_store_back_and_moves_the_replaced_one_aside() {
    let dest = tempfile::tempdir().unwrap();
    let (mut counter, folder) = backed_up(dest.path());
    // A visit after the backup: the restore goes back to before it.
    counter.desk.as_clerk();
    counter
        .desk
        .app
        .open_visit(&rastau_core::visit::OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    let Counter { desk, .. } = counter;
    let Desk { app, dir, .. } = desk;
    drop(app);
    assert_eq!(visits(dir.path()), 2);

    restore_as(dir.path(), &folder, &supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    assert_eq!(visits(dir.path()), 1);
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("replaced "))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        visits(&dir.path().join(&aside[0])),
        2,
        "the replaced store is kept"
    );

    let store = Store::open(dir.path()).unwrap();
    assert!(doctor::check(&store).unwrap().healthy());
    let mut app = Rastau::new(store, Box::new(ManualClock::at(chrono::Utc::now())));
    app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    assert_eq!(app.verify_audit().unwrap().fault, None);
    let restored = audit_of(&mut app, Action::Restored);
    assert_eq!(restored.total, 1);
}

#[test]
fn a_fresh_machine_restores_for_the_backups_supervisor() {
    let dest = tempfile::tempdir().unwrap();
    let (_counter, folder) = backed_up(dest.path());
    let fresh = tempfile::tempdir().unwrap();
    assert!(matches!(
        restore_as(fresh.path(), &folder, &clerk_iin(), "clerk-pass-1"),
        Err(Error::SupervisorOnly)
    ));
    restore_as(
        fresh.path(),
        &folder,
        &supervisor_iin(),
        SUPERVISOR_PASSWORD,
    )
    .unwrap();
    assert_eq!(visits(fresh.path()), 1);
    assert!(doctor::check(&Store::open(fresh.path()).unwrap())
        .unwrap()
        .healthy());
}

#[test]
fn a_damaged_backup_replaces_nothing_and_names_the_file() {
    let dest = tempfile::tempdir().unwrap();
    let (counter, folder) = backed_up(dest.path());
    let victim = &manifest(&folder).files[0].sha256;
    let path = folder.join("files").join(&victim[..2]).join(victim);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    let dir = counter.desk.dir.path().to_owned();
    drop(counter.desk.app);
    let before = std::fs::read(dir.join("rastau.sqlite3")).unwrap();
    match restore_as(&dir, &folder, &supervisor_iin(), SUPERVISOR_PASSWORD) {
        Err(Error::BackupDamaged { file }) => assert!(file.ends_with(victim.as_str()), "{file}"),
        other => panic!("expected BackupDamaged, got {other:?}"),
    }
    assert_eq!(std::fs::read(dir.join("rastau.sqlite3")).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.to_string_lossy().starts_with("replaced")),
        "{names:?}"
    );
}

#[test]
fn a_folder_without_a_manifest_or_a_wrong_password_is_refused() {
    let dest = tempfile::tempdir().unwrap();
    let (counter, folder) = backed_up(dest.path());
    let dir = counter.desk.dir.path().to_owned();
    drop(counter.desk.app);
    assert!(matches!(
        restore_as(&dir, dest.path(), &supervisor_iin(), SUPERVISOR_PASSWORD),
        Err(Error::NotABackup { .. })
    ));
    assert!(matches!(
        restore_as(&dir, &folder, &supervisor_iin(), "not-the-password"),
        Err(Error::WrongCredentials)
    ));
    assert_eq!(visits(&dir), 1);
}
