//! Replacing the store in the data folder with one prepared beside it (a restore), so that a
//! crash at any moment leaves either the old store or the new one: never none, never a mix.
//!
//! The data folder is the store's own folder: `rastau.sqlite3` and `files/` sit in it beside
//! the scan folder, demo stores and the stores earlier restores replaced. There is no folder
//! holding just the store to exchange with `renameat2(RENAME_EXCHANGE)`, and exchanging the data
//! folder itself would carry its other contents along. So the swap is a few renames inside the
//! data folder (one file system), recorded first in a marker file:
//!
//! 1. the marker names the staging folder (the new store, checked) and the folder the old
//!    store goes to, and is synced;
//! 2. the old database gets a second name in that folder (a hard link, or a copy where the file
//!    system has none) and its WAL files move there, so it is kept without ever leaving
//!    `rastau.sqlite3`;
//! 3. the old `files/` moves into that folder, and the new one in;
//! 4. the new database is renamed over `rastau.sqlite3` with one `rename(2)`: the swap itself;
//! 5. the staging folder and the marker go.
//!
//! At every instant `rastau.sqlite3` exists, so no start ever finds an empty data folder and
//! offers a first start that makes whoever is there the supervisor. Between steps 1 and 5 the
//! files or the WAL may belong to the other database: [`settle`], run by every
//! [`super::Store::open`], sees the marker and undoes steps 2 and 3 while the new database is
//! still staged, or finishes step 5 once it is in.
use super::{DB_FILE, FILES_DIR};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path};

/// The marker of a swap under way, in the data folder.
pub const MARKER_FILE: &str = "restore-swap.json";

/// The SQLite files beside a database in WAL mode.
const WAL_FILES: [&str; 2] = ["-wal", "-shm"];

/// A swap, by the names of its folders inside the data folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Swap {
    /// Holds the new store: `rastau.sqlite3` and `files/`.
    pub staging: String,
    /// Receives the old store (and goes again if there was none).
    pub aside: String,
}

/// The steps of a swap, each reported once taken: a test stops the swap after any of them, as
/// a crash would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Marked,
    OldDatabaseKept,
    OldFilesAside,
    NewFilesIn,
    NewDatabaseIn,
    StagingRemoved,
}

/// Swaps the store prepared in `swap.staging` into `dir`. On a failure the old store is put
/// back before the error is returned.
pub fn replace(dir: &Path, swap: &Swap) -> Result<()> {
    if let Err(e) = run(dir, swap, &mut |_| Ok(())) {
        settle(dir)?;
        return Err(e.into());
    }
    Ok(())
}

/// Finishes or undoes a swap a crash interrupted in `dir`, if any.
pub fn settle(dir: &Path) -> Result<()> {
    let Some(swap) = read_marker(dir)? else {
        return Ok(());
    };
    if dir.join(&swap.staging).join(DB_FILE).exists() {
        undo(dir, &swap)?;
    }
    finish(dir, &swap, &mut |_| Ok(()))?;
    Ok(())
}

/// The steps of the swap, `after` told of each.
pub(crate) fn run(
    dir: &Path,
    swap: &Swap,
    after: &mut dyn FnMut(Step) -> io::Result<()>,
) -> io::Result<()> {
    let (staging, aside) = (dir.join(&swap.staging), dir.join(&swap.aside));
    if aside.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            aside.display().to_string(),
        ));
    }
    write_marker(dir, swap)?;
    after(Step::Marked)?;
    fs::create_dir(&aside)?;
    if dir.join(DB_FILE).exists() {
        second_name(&dir.join(DB_FILE), &aside.join(DB_FILE))?;
        for name in wal_names() {
            move_if_there(&dir.join(&name), &aside.join(&name))?;
        }
    }
    sync(&aside)?;
    after(Step::OldDatabaseKept)?;
    move_if_there(&dir.join(FILES_DIR), &aside.join(FILES_DIR))?;
    sync(&aside)?;
    after(Step::OldFilesAside)?;
    fs::rename(staging.join(FILES_DIR), dir.join(FILES_DIR))?;
    sync(dir)?;
    after(Step::NewFilesIn)?;
    fs::rename(staging.join(DB_FILE), dir.join(DB_FILE))?;
    sync(dir)?;
    after(Step::NewDatabaseIn)?;
    finish(dir, swap, after)
}

/// Puts the old store's files and WAL back where they were while the new database is still
/// staged; the old database never left.
fn undo(dir: &Path, swap: &Swap) -> io::Result<()> {
    let (staging, aside) = (dir.join(&swap.staging), dir.join(&swap.aside));
    let live = dir.join(FILES_DIR);
    if !staging.join(FILES_DIR).exists() && live.exists() {
        fs::rename(&live, staging.join(FILES_DIR))?;
    }
    move_if_there(&aside.join(FILES_DIR), &live)?;
    for name in wal_names() {
        move_if_there(&aside.join(&name), &dir.join(&name))?;
    }
    remove_if_there(&aside.join(DB_FILE))?;
    sync(dir)
}

/// Removes what is left of the staging folder, an empty aside folder (no store was replaced),
/// and the marker last.
fn finish(
    dir: &Path,
    swap: &Swap,
    after: &mut dyn FnMut(Step) -> io::Result<()>,
) -> io::Result<()> {
    match fs::remove_dir_all(dir.join(&swap.staging)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    after(Step::StagingRemoved)?;
    // Only an empty folder goes: one holding the old store is what the restore kept.
    let _ = fs::remove_dir(dir.join(&swap.aside));
    remove_if_there(&dir.join(MARKER_FILE))?;
    sync(dir)
}

fn wal_names() -> impl Iterator<Item = String> {
    WAL_FILES.iter().map(|suffix| format!("{DB_FILE}{suffix}"))
}

/// `to` as another name of the file `from`: a hard link where the file system has them.
fn second_name(from: &Path, to: &Path) -> io::Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to)?;
    File::open(to)?.sync_all()
}

fn move_if_there(from: &Path, to: &Path) -> io::Result<()> {
    match fs::rename(from, to) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

/// Makes the renames inside the folder `dir` durable.
fn sync(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// The marker, whole or not at all: written under another name, synced and renamed.
fn write_marker(dir: &Path, swap: &Swap) -> io::Result<()> {
    let text = serde_json::to_vec(swap).expect("a swap serialises");
    let part = dir.join(format!("{MARKER_FILE}.part"));
    let mut file = File::create(&part)?;
    file.write_all(&text)?;
    file.sync_all()?;
    fs::rename(&part, dir.join(MARKER_FILE))?;
    sync(dir)
}

fn read_marker(dir: &Path) -> Result<Option<Swap>> {
    let text = match fs::read(dir.join(MARKER_FILE)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        read => read?,
    };
    let invalid = |detail: String| io::Error::new(io::ErrorKind::InvalidData, detail);
    let swap: Swap = serde_json::from_slice(&text).map_err(|e| invalid(e.to_string()))?;
    // Settling removes folders by these names: they must be folders of the data folder.
    for name in [&swap.staging, &swap.aside] {
        let mut parts = Path::new(name).components();
        if !matches!(
            (parts.next(), parts.next()),
            (Some(Component::Normal(_)), None)
        ) {
            return Err(invalid(format!("{MARKER_FILE} names {name}")).into());
        }
    }
    Ok(Some(swap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    const STEPS: [Step; 6] = [
        Step::Marked,
        Step::OldDatabaseKept,
        Step::OldFilesAside,
        Step::NewFilesIn,
        Step::NewDatabaseIn,
        Step::StagingRemoved,
    ];

    fn swap() -> Swap {
        Swap {
            staging: ".restoring 2026-11-23 18-00-00".into(),
            aside: "replaced 2026-11-23 18-00-00".into(),
        }
    }

    /// A store in `dir` calling itself `name`, with a file of its own; returns the file's hash.
    fn store_named(dir: &Path, name: &str) -> String {
        let mut store = Store::open(dir).unwrap();
        let hash = store.files().put(name.as_bytes()).unwrap();
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO setting (key, value) VALUES ('name', ?1), ('file', ?2)",
                    [name, &hash],
                )?;
                Ok(())
            })
            .unwrap();
        // As a restore leaves its staged store: one database file, no WAL.
        store
            .read()
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
        hash
    }

    /// The old store in the data folder `dir` and a new one staged beside it.
    fn old_and_staged(dir: &Path) {
        store_named(dir, "old");
        store_named(&dir.join(swap().staging), "new");
    }

    /// The name of the store in `dir`, after checking that its file is there and the other's
    /// is not.
    fn opened(dir: &Path) -> String {
        let store = Store::open(dir).unwrap();
        let setting = |key: &str| -> String {
            store
                .read()
                .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        let name = setting("name");
        let files: Vec<String> = store
            .files()
            .all()
            .unwrap()
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(files, [setting("file")], "the files of the {name} store");
        name
    }

    #[test]
    fn a_crash_after_any_step_leaves_the_old_store_or_the_new_one() {
        for (i, crash_after) in STEPS.into_iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            old_and_staged(dir.path());
            let crashed = run(dir.path(), &swap(), &mut |step| {
                if step == crash_after {
                    return Err(io::Error::other("crash"));
                }
                Ok(())
            });
            assert!(crashed.is_err());
            assert!(
                dir.path().join(DB_FILE).is_file(),
                "no database after {crash_after:?}"
            );
            let expected = if i >= 4 { "new" } else { "old" };
            assert_eq!(opened(dir.path()), expected, "after {crash_after:?}");
            assert!(!dir.path().join(MARKER_FILE).exists());
            assert!(!dir.path().join(swap().staging).exists());
            let aside = dir.path().join(swap().aside);
            if expected == "new" {
                assert_eq!(opened(&aside), "old", "the replaced store is kept");
            } else {
                assert!(!aside.exists(), "after {crash_after:?}");
            }
        }
    }

    #[test]
    fn a_whole_swap_puts_the_new_store_in_and_the_old_one_aside() {
        let dir = tempfile::tempdir().unwrap();
        old_and_staged(dir.path());
        replace(dir.path(), &swap()).unwrap();
        assert_eq!(opened(dir.path()), "new");
        assert_eq!(opened(&dir.path().join(swap().aside)), "old");
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with(DB_FILE))
            .collect();
        assert_eq!(names.len(), 2, "files/ and the old store only: {names:?}");
    }

    #[test]
    fn a_failed_swap_puts_the_old_store_back_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        old_and_staged(dir.path());
        // The staged store without its files: the swap fails halfway.
        fs::remove_dir_all(dir.path().join(swap().staging).join(FILES_DIR)).unwrap();
        assert!(replace(dir.path(), &swap()).is_err());
        assert_eq!(opened(dir.path()), "old");
        assert!(!dir.path().join(MARKER_FILE).exists());
        assert!(!dir.path().join(swap().aside).exists());
    }

    #[test]
    fn a_swap_into_an_empty_data_folder_keeps_no_empty_aside_folder() {
        let dir = tempfile::tempdir().unwrap();
        store_named(&dir.path().join(swap().staging), "new");
        replace(dir.path(), &swap()).unwrap();
        assert_eq!(opened(dir.path()), "new");
        assert!(!dir.path().join(swap().aside).exists());
    }

    #[test]
    fn a_marker_naming_a_folder_outside_the_data_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let swap = Swap {
            staging: outside.path().display().to_string(),
            aside: "replaced".into(),
        };
        fs::write(
            dir.path().join(MARKER_FILE),
            serde_json::to_vec(&swap).unwrap(),
        )
        .unwrap();
        assert!(Store::open(dir.path()).is_err());
        assert!(outside.path().is_dir());
    }
}
