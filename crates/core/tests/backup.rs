//! Backup and restore: a supervisor backs the store up into a new folder (database by SQLite's
//! online backup, files, manifest of hashes); a restore checks all of it before replacing
//! anything, and a damaged or foreign folder, a wrong password or a clerk replace nothing.
mod common;

use common::tmpfs::Tmpfs;
use common::*;
use rastau_core::audit::Action;
use rastau_core::backup::{Manifest, MANIFEST_FILE};
use rastau_core::clock::ManualClock;
use rastau_core::scans::CancelToken;
use rastau_core::store::{content_hash, Store};
use rastau_core::Coded;
use rastau_core::{doctor, Error, Rastau};
use std::path::{Path, PathBuf};

/// A store with a certified copy, backed up by the supervisor into `dest`.
/// A visit certified and closed, and the supervisor signed in to back it up.
fn ready_to_back_up() -> Counter {
    let mut counter = consented_visit(&[birth_certificate()]);
    counter.certify_all(1);
    counter.desk.app.close_visit(counter.visit_id).unwrap();
    counter.desk.as_supervisor();
    counter
}

fn backed_up(dest: &Path) -> (Counter, PathBuf) {
    let mut counter = ready_to_back_up();
    let report = counter.desk.app.backup(dest).unwrap();
    (counter, PathBuf::from(report.folder))
}

/// The clerk opens a visit: a change the store makes after, or while, it is backed up.
fn another_visit(desk: &mut Desk) {
    desk.as_clerk();
    desk.app
        .open_visit(&rastau_core::visit::OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
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
    Rastau::restore(data_dir, folder, iin, password, Box::new(clock)).map(drop)
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
    another_visit(&mut counter.desk);
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
    assert_eq!(
        leftovers(dir.path()),
        aside,
        "no staging folder or marker is left"
    );
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

/// Changes the backup's database with `sql` and writes the manifest anew, as someone who knows
/// the format would: only the checks of what the store would become can tell.
fn tamper(folder: &Path, sql: &str) {
    let db = folder.join("rastau.sqlite3");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(sql)
        .unwrap();
    let bytes = std::fs::read(&db).unwrap();
    let mut manifest = manifest(folder);
    manifest.database.sha256 = content_hash(&bytes);
    manifest.database.bytes = bytes.len() as u64;
    write_manifest(folder, &manifest);
}

fn write_manifest(folder: &Path, manifest: &Manifest) {
    let text = serde_json::to_vec_pretty(manifest).unwrap();
    std::fs::write(folder.join(MANIFEST_FILE), text).unwrap();
}

/// The backed-up store's data folder, closed, with a visit more than the backup holds.
fn moved_on(counter: Counter) -> tempfile::TempDir {
    let Counter { mut desk, .. } = counter;
    another_visit(&mut desk);
    let Desk { app, dir, .. } = desk;
    drop(app);
    assert_eq!(visits(dir.path()), 2);
    dir
}

/// The data folder still holds its own store, whole, and nothing a restore left behind.
fn untouched(dir: &Path) {
    assert_eq!(visits(dir), 2);
    let store = Store::open(dir).unwrap();
    assert!(doctor::check(&store).unwrap().healthy());
    let mut app = Rastau::new(store, Box::new(ManualClock::at(chrono::Utc::now())));
    app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    assert_eq!(app.verify_audit().unwrap().fault, None);
    assert_eq!(audit_of(&mut app, Action::Restored).total, 0);
    assert_eq!(leftovers(dir), Vec::<String>::new());
}

/// What the data folder holds besides the store and its seal key: a replaced store, a staging
/// folder, a marker.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("rastau.sqlite3") && n != "files" && n != "seal-key.pem")
        .collect()
}

#[test]
fn a_backup_with_an_edited_audit_entry_and_an_added_supervisor_replaces_nothing() {
    let dest = tempfile::tempdir().unwrap();
    let (counter, folder) = backed_up(dest.path());
    let intruder = iin("77070730077");
    tamper(
        &folder,
        &format!(
            "DROP TRIGGER audit_entry_never_changes;
             UPDATE audit_entry SET detail = 'nothing happened'
             WHERE seq = (SELECT max(seq) FROM audit_entry WHERE action = 'certified');
             INSERT INTO account (iin, full_name, position, role, password_hash, created_at,
                                  updated_at)
             SELECT '{intruder}', 'Бөгде Адам', 'Басшы', 'supervisor', password_hash,
                    created_at, updated_at
             FROM account WHERE role = 'supervisor';"
        ),
    );
    let dir = moved_on(counter);
    let refused = restore_as(dir.path(), &folder, &supervisor_iin(), SUPERVISOR_PASSWORD);
    assert!(
        matches!(refused, Err(Error::BackupAuditBroken { .. })),
        "{refused:?}"
    );
    untouched(dir.path());

    let fresh = tempfile::tempdir().unwrap();
    let refused = restore_as(fresh.path(), &folder, &intruder, SUPERVISOR_PASSWORD);
    assert!(
        matches!(refused, Err(Error::BackupAuditBroken { .. })),
        "{refused:?}"
    );
    assert_eq!(std::fs::read_dir(fresh.path()).unwrap().count(), 0);
}

#[test]
fn a_backup_lacking_the_signed_in_supervisor_replaces_nothing() {
    let dest = tempfile::tempdir().unwrap();
    let (_counter, folder) = backed_up(dest.path());
    // Another center's machine: its own supervisor is not in the backup.
    let other = tempfile::tempdir().unwrap();
    let their_iin = iin("75050530055");
    let clock = ManualClock::at(chrono::Utc::now());
    let mut app = Rastau::new(Store::open(other.path()).unwrap(), Box::new(clock));
    app.first_start(&rastau_core::FirstStart {
        center: profile(),
        supervisor: person(their_iin.clone(), "Сәрсенова Дана", "басқа-2026"),
    })
    .unwrap();
    drop(app);
    let refused = restore_as(other.path(), &folder, &their_iin, "басқа-2026");
    assert!(
        matches!(refused, Err(Error::WrongCredentials)),
        "{refused:?}"
    );
    let mut app = Rastau::new(
        Store::open(other.path()).unwrap(),
        Box::new(ManualClock::at(chrono::Utc::now())),
    );
    app.login(&their_iin, "басқа-2026").unwrap();
    assert_eq!(visits(other.path()), 0, "their own store, still");
    assert_eq!(leftovers(other.path()), Vec::<String>::new());
}

#[test]
fn a_backup_without_a_center_replaces_nothing() {
    let dest = tempfile::tempdir().unwrap();
    let (counter, folder) = backed_up(dest.path());
    tamper(&folder, "DELETE FROM center;");
    let dir = moved_on(counter);
    let refused = restore_as(dir.path(), &folder, &supervisor_iin(), SUPERVISOR_PASSWORD);
    assert!(
        matches!(refused, Err(Error::BackupWithoutCenter)),
        "{refused:?}"
    );
    untouched(dir.path());
}

#[test]
fn a_backup_whose_files_disagree_with_its_records_replaces_nothing() {
    let dest = tempfile::tempdir().unwrap();
    let (counter, folder) = backed_up(dest.path());
    let dir = moved_on(counter);

    // A file no record names, listed in the manifest.
    let mut manifest = manifest(&folder);
    let stray = b"not a file of this store";
    let hash = content_hash(stray);
    let stray_dir = folder.join("files").join(&hash[..2]);
    std::fs::create_dir_all(&stray_dir).unwrap();
    std::fs::write(stray_dir.join(&hash), stray).unwrap();
    let mut entry = manifest.files[0].clone();
    entry.sha256 = hash.clone();
    entry.bytes = stray.len() as u64;
    manifest.files.push(entry);
    write_manifest(&folder, &manifest);
    match restore_as(dir.path(), &folder, &supervisor_iin(), SUPERVISOR_PASSWORD) {
        Err(Error::BackupFileUnnamed { file }) => assert!(file.ends_with(&hash), "{file}"),
        other => panic!("expected BackupFileUnnamed, got {other:?}"),
    }
    untouched(dir.path());

    // A file a record names, missing from the folder and the manifest.
    manifest.files.pop();
    let gone = manifest.files.remove(0).sha256;
    std::fs::remove_file(folder.join("files").join(&gone[..2]).join(&gone)).unwrap();
    write_manifest(&folder, &manifest);
    match restore_as(dir.path(), &folder, &supervisor_iin(), SUPERVISOR_PASSWORD) {
        Err(Error::BackupDamaged { file }) => assert!(file.ends_with(&gone), "{file}"),
        other => panic!("expected BackupDamaged, got {other:?}"),
    }
    untouched(dir.path());
}

/// The seal's private key never sits in the database, so a plain backup cannot forge seals;
/// it travels only when the supervisor asks, owner-only, and a restore on a new machine then
/// goes on sealing with it. Seals made before check from the public half either way.
#[test]
fn the_seal_key_stays_out_of_the_store_and_travels_only_when_asked() {
    use std::os::unix::fs::PermissionsExt;
    let dest = tempfile::tempdir().unwrap();
    let (mut counter, plain) = backed_up(dest.path());
    let key_file = counter.desk.dir.path().join("seal-key.pem");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&key_file), 0o600, "readable by the app's user only");
    let private = |bytes: &[u8]| bytes.windows(11).any(|w| w == b"PRIVATE KEY");
    assert!(!private(
        &std::fs::read(counter.desk.dir.path().join("rastau.sqlite3")).unwrap()
    ));
    assert!(!private(
        &std::fs::read(plain.join("rastau.sqlite3")).unwrap()
    ));
    assert!(!plain.join("seal-key.pem").exists());
    assert!(manifest(&plain).seal_key.is_none());

    let with_key = counter.desk.app.backup_with_seal_key(dest.path()).unwrap();
    let with_key = PathBuf::from(with_key.folder);
    assert_eq!(mode(&with_key.join("seal-key.pem")), 0o600);
    assert_eq!(
        std::fs::read(with_key.join("seal-key.pem")).unwrap(),
        std::fs::read(&key_file).unwrap()
    );
    assert!(manifest(&with_key).seal_key.is_some());
    let backups = audit_of(&mut counter.desk.app, Action::BackedUp);
    assert!(backups.entries[0].detail.ends_with("+seal-key"));

    // A new machine from the plain backup: no key, yet the old seals check.
    let qr = copy_qr(&mut counter);
    let bare = tempfile::tempdir().unwrap();
    restore_as(bare.path(), &plain, &supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    assert!(!bare.path().join("seal-key.pem").exists());
    let app = Rastau::new(
        Store::open(bare.path()).unwrap(),
        Box::new(counter.desk.clock.clone()),
    );
    assert_eq!(
        app.verify_qr(&qr).unwrap().check,
        rastau_core::seal::SealCheck::Valid
    );

    // From the backup with the key, the new machine seals as the center did.
    let moved = tempfile::tempdir().unwrap();
    restore_as(
        moved.path(),
        &with_key,
        &supervisor_iin(),
        SUPERVISOR_PASSWORD,
    )
    .unwrap();
    assert_eq!(
        std::fs::read(moved.path().join("seal-key.pem")).unwrap(),
        std::fs::read(&key_file).unwrap()
    );
    assert_eq!(mode(&moved.path().join("seal-key.pem")), 0o600);

    // A damaged key in the backup replaces nothing.
    std::fs::write(
        with_key.join("seal-key.pem"),
        b"-----BEGIN PRIVATE KEY-----\nforged",
    )
    .unwrap();
    let other = tempfile::tempdir().unwrap();
    assert!(matches!(
        restore_as(
            other.path(),
            &with_key,
            &supervisor_iin(),
            SUPERVISOR_PASSWORD
        ),
        Err(Error::BackupDamaged { .. })
    ));
}

/// The seal text of the counter's first copy, as printed on its certification sheet.
fn copy_qr(counter: &mut Counter) -> String {
    let copy = &counter.desk.app.copies(&person_applicant().tax_id).unwrap()[0];
    let pdf = rastau_core::store::Files::new(counter.desk.dir.path())
        .get(&copy.pdf_hash)
        .unwrap();
    let text = String::from_utf8_lossy(&pdf);
    let start = text.find("R2|C|").expect("the seal is in the PDF's info");
    text[start..].split(')').next().unwrap().to_owned()
}

/// What an earlier build left: the private key in the `setting` table. At start it moves out to
/// the key file, and the database keeps only the public half.
#[test]
fn a_seal_key_an_earlier_build_kept_in_the_database_moves_out_at_start() {
    let mut counter = consented_visit(&[birth_certificate()]);
    counter.certify_all(1);
    let dir = counter.desk.dir.path().to_owned();
    let key_file = dir.join("seal-key.pem");
    let pem = std::fs::read_to_string(&key_file).unwrap();
    std::fs::remove_file(&key_file).unwrap();
    counter
        .desk
        .app
        .store()
        .read()
        .execute(
            "INSERT INTO setting (key, value) VALUES ('seal-key', ?1)",
            [&pem],
        )
        .unwrap();
    let mut desk = counter.desk.restart();
    desk.app.start_up().unwrap();
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), pem);
    let left: i64 = desk
        .app
        .store()
        .read()
        .query_row(
            "SELECT count(*) FROM setting WHERE key = 'seal-key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    desk.as_supervisor();
    assert_eq!(audit_of(&mut desk.app, Action::SealKeyMovedOut).total, 1);
}

/// The backup is written through a connection of its own, on another thread: the counter goes
/// on meanwhile (here a new visit opens), and the backup restores as the store it snapshot.
#[test]
fn the_counter_goes_on_while_a_backup_is_written() {
    let dest = tempfile::tempdir().unwrap();
    let mut counter = ready_to_back_up();
    let job = counter.desk.app.start_backup(dest.path(), false).unwrap();
    let writing = std::thread::spawn(move || job.write());
    another_visit(&mut counter.desk);
    let written = writing.join().unwrap().unwrap();
    counter.desk.as_supervisor();
    let report = counter.desk.app.record_backup(written).unwrap();
    assert_eq!(audit_of(&mut counter.desk.app, Action::BackedUp).total, 1);

    let fresh = tempfile::tempdir().unwrap();
    let folder = PathBuf::from(report.folder);
    restore_as(
        fresh.path(),
        &folder,
        &supervisor_iin(),
        SUPERVISOR_PASSWORD,
    )
    .unwrap();
    assert!(doctor::check(&Store::open(fresh.path()).unwrap())
        .unwrap()
        .healthy());
}

/// A backup tells how far it has got after each file, and a cancel stops it before the next:
/// the folder is gone, nothing is recorded, and the store is as it was.
#[test]
fn a_backup_tells_its_progress_and_a_cancel_leaves_nothing_behind() {
    let dest = tempfile::tempdir().unwrap();
    let mut counter = ready_to_back_up();
    let job = counter.desk.app.start_backup(dest.path(), false).unwrap();
    let mut heard = vec![];
    let written = job
        .write_watched(|p| heard.push((p.done, p.total)), &CancelToken::new())
        .unwrap();
    let files = counter.desk.app.record_backup(written).unwrap().files;
    assert!(files >= 2, "{files} files");
    assert_eq!(heard, (1..=files).map(|n| (n, files)).collect::<Vec<_>>());

    let dest = tempfile::tempdir().unwrap();
    let job = counter.desk.app.start_backup(dest.path(), false).unwrap();
    let cancel = CancelToken::new();
    let err = job
        .write_watched(
            |p| {
                if p.done == 1 {
                    cancel.cancel()
                }
            },
            &cancel,
        )
        .map(drop)
        .unwrap_err();
    assert_eq!(err.code(), "backup-cancelled");
    assert_eq!(
        leftovers(dest.path()),
        Vec::<String>::new(),
        "the folder removed"
    );
    assert_eq!(audit_of(&mut counter.desk.app, Action::BackedUp).total, 1);
}
