//! `rastau audit verify`, `retention run`, `backup` and `restore` through the binary, on a demo
//! store: what a supervisor may do, what a clerk is refused, and a tampered trail named.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PASSWORD: &str = "demo-2026";
const SUPERVISOR: &str = "850315400124";
const CLERK: &str = "920718300451";

fn rastau(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["--lang", "ru", "--data-dir", dir.to_str().unwrap()])
        .args(args)
        .env("RASTAU_PASSWORD", PASSWORD)
        .output()
        .unwrap()
}

fn said(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(rastau(dir.path(), &["demo", "--accounts-only"])
        .status
        .success());
    dir
}

/// The single folder `parent` holds.
/// A demo store backed up by its supervisor through the CLI: the store, the folder holding the
/// backup, and the backup itself.
fn backed_up_demo() -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let dir = demo();
    let dest = tempfile::tempdir().unwrap();
    let dest_arg = dest.path().to_str().unwrap();
    assert!(
        rastau(dir.path(), &["backup", dest_arg, "--iin", SUPERVISOR])
            .status
            .success()
    );
    let backup = only_folder(dest.path());
    (dir, dest, backup)
}

fn only_folder(parent: &Path) -> PathBuf {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries.remove(0)
}

#[test]
fn audit_verify_passes_an_untouched_trail_and_names_a_changed_entry() {
    let dir = demo();
    let ok = rastau(dir.path(), &["audit", "verify"]);
    assert!(ok.status.success(), "{}", said(&ok));
    assert!(
        said(&ok).contains("Журнал аудита цел: 1 запись"),
        "{}",
        said(&ok)
    );

    let store = rastau_core::store::Store::open(dir.path()).unwrap();
    store
        .read()
        .execute_batch(
            "DROP TRIGGER audit_entry_never_changes;
         UPDATE audit_entry SET detail = 'not what happened' WHERE seq = 1;",
        )
        .unwrap();
    drop(store);
    let tampered = rastau(dir.path(), &["audit", "verify"]);
    assert_eq!(tampered.status.code(), Some(1));
    assert!(
        said(&tampered).contains("запись № 1 изменена"),
        "{}",
        said(&tampered)
    );
}

#[test]
fn a_clerk_is_refused_backup_and_retention_and_a_supervisor_is_not() {
    let dir = demo();
    let dest = tempfile::tempdir().unwrap();
    let dest_arg = dest.path().to_str().unwrap();
    for args in [
        vec!["backup", dest_arg, "--iin", CLERK],
        vec!["retention", "run", "--iin", CLERK],
    ] {
        let refused = rastau(dir.path(), &args);
        assert_eq!(refused.status.code(), Some(1), "{args:?}");
        assert!(
            said(&refused).contains("только руководителю"),
            "{}",
            said(&refused)
        );
    }
    assert_eq!(std::fs::read_dir(dest.path()).unwrap().count(), 0);

    let swept = rastau(dir.path(), &["retention", "run", "--iin", SUPERVISOR]);
    assert!(swept.status.success(), "{}", said(&swept));
    assert!(
        said(&swept).contains("удалено копий — 0"),
        "{}",
        said(&swept)
    );
    let backed = rastau(dir.path(), &["backup", dest_arg, "--iin", SUPERVISOR]);
    assert!(backed.status.success(), "{}", said(&backed));
    assert!(only_folder(dest.path()).join("manifest.json").is_file());
}

#[test]
fn a_backup_restores_on_a_new_machine_with_the_password_from_standard_input() {
    let (_dir, _dest, backup) = backed_up_demo();

    let fresh = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["--lang", "ru", "--data-dir", fresh.path().to_str().unwrap()])
        .args(["restore", backup.to_str().unwrap(), "--iin", SUPERVISOR])
        .env_remove("RASTAU_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    let restored = child.wait_with_output().unwrap();
    assert!(restored.status.success(), "{}", said(&restored));
    assert!(
        said(&restored).contains("восстановлено"),
        "{}",
        said(&restored)
    );
    let doctor = rastau(fresh.path(), &["doctor"]);
    assert!(doctor.status.success(), "{}", said(&doctor));
    let verify = rastau(fresh.path(), &["audit", "verify"]);
    assert!(verify.status.success(), "{}", said(&verify));
}

#[test]
fn a_damaged_backup_is_named_and_replaces_nothing() {
    let (dir, _dest, backup) = backed_up_demo();
    let db = backup.join("rastau.sqlite3");
    let mut bytes = std::fs::read(&db).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&db, bytes).unwrap();
    let before = std::fs::read(dir.path().join("rastau.sqlite3")).unwrap();

    let refused = rastau(
        dir.path(),
        &["restore", backup.to_str().unwrap(), "--iin", SUPERVISOR],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        said(&refused).contains("rastau.sqlite3"),
        "{}",
        said(&refused)
    );
    assert!(
        said(&refused).contains("Ничего не заменено"),
        "{}",
        said(&refused)
    );
    assert_eq!(
        std::fs::read(dir.path().join("rastau.sqlite3")).unwrap(),
        before
    );
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_with_a_changed_audit_entry_is_refused_and_replaces_nothing() {
    let (dir, _dest, backup) = backed_up_demo();
    // The entry changed, and the manifest made to match the changed database.
    let db = backup.join("rastau.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let store = rastau_core::store::Store::open(&backup).unwrap();
    store
        .read()
        .execute_batch(
            "DROP TRIGGER audit_entry_never_changes;
             UPDATE audit_entry SET detail = 'not what happened' WHERE seq = 1;",
        )
        .unwrap();
    drop(store);
    let after = std::fs::read(&db).unwrap();
    let hash = rastau_core::store::content_hash;
    let manifest = std::fs::read_to_string(backup.join("manifest.json")).unwrap();
    let manifest = manifest
        .replacen(&hash(&before), &hash(&after), 1)
        .replacen(
            &format!("\"bytes\": {}", before.len()),
            &format!("\"bytes\": {}", after.len()),
            1,
        );
    std::fs::write(backup.join("manifest.json"), manifest).unwrap();
    let listed = names(dir.path());

    let refused = rastau(
        dir.path(),
        &["restore", backup.to_str().unwrap(), "--iin", SUPERVISOR],
    );
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(
        said(&refused).contains("Журнал аудита в резервной копии нарушен (запись № 1"),
        "{}",
        said(&refused)
    );
    assert!(said(&refused).contains("Ничего не заменено"));
    assert_eq!(
        names(dir.path()),
        listed,
        "nothing set aside or left behind"
    );
    let verify = rastau(dir.path(), &["audit", "verify"]);
    assert!(verify.status.success(), "{}", said(&verify));
}
