//! The journal's commands on the application object: the printed journal (to look at, to
//! print, to keep as a file) and the CSV export. Each reads the journal as [`Rastau::journal`]
//! does, so a clerk prints and exports only their own visits.
//!
//! Files are written under a temporary name beside the target, synced and renamed without
//! replacing anything: an existing file is never overwritten, and a failure halfway leaves
//! no half-written journal under the chosen name.
use super::{journal_pdf, to_csv, JournalFilter};
use crate::account::Role;
use crate::audit::{Action, Event};
use crate::center;
use crate::error::{Error, Result};
use crate::handover::{Disk, Medium};
use crate::lang::Lang;
use crate::printing::JobId;
use crate::Rastau;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

impl Rastau {
    /// The journal chosen by `filter` as a PDF in `lang`, A4 landscape.
    pub fn journal_pdf(&mut self, filter: &JournalFilter, lang: Lang) -> Result<Vec<u8>> {
        let actor = self.actor()?;
        let mut filter = filter.clone();
        // A clerk's journal is theirs whatever the filter says, and its header names them.
        if actor.role != Role::Supervisor {
            filter.clerk_id = Some(actor.id);
        }
        let journal = self.journal(&filter)?;
        let center = center::profile(self.store.read())?;
        journal_pdf(&center, &filter, &journal, lang)
    }

    /// Prints the journal on the center's printer.
    pub fn print_journal(&mut self, filter: &JournalFilter, lang: Lang) -> Result<JobId> {
        let pdf = self.journal_pdf(filter, lang)?;
        let title = format!("journal-{}-{}-{}", filter.from, filter.to, lang.code());
        self.print_pdf(&pdf, &title)
    }

    /// Writes the journal as CSV (see [`super::to_csv`]) to the new file `path`.
    pub fn export_journal_csv(&mut self, filter: &JournalFilter, path: &Path) -> Result<()> {
        refuse_existing(path)?;
        let journal = self.journal(filter)?;
        write_new(path, &to_csv(&journal))?;
        self.journal_exported(filter, path)
    }

    /// Writes the journal as a PDF in `lang` to the new file `path`.
    pub fn export_journal_pdf(
        &mut self,
        filter: &JournalFilter,
        lang: Lang,
        path: &Path,
    ) -> Result<()> {
        refuse_existing(path)?;
        let pdf = self.journal_pdf(filter, lang)?;
        write_new(path, &pdf)?;
        self.journal_exported(filter, path)
    }

    /// Audits a journal of `filter` written to `path` (here, or by the command line).
    pub fn journal_exported(&mut self, filter: &JournalFilter, path: &Path) -> Result<()> {
        let actor = self.actor()?;
        let detail = format!("{}..{} {}", filter.from, filter.to, path.display());
        self.note(Event::by(&actor, Action::JournalExported).detail(detail))
    }
}

fn refuse_existing(path: &Path) -> Result<()> {
    // A folder typed as the target is a different mistake from a name taken, with its own fix.
    if path.is_dir() {
        return Err(Error::JournalPathIsFolder {
            folder: path.display().to_string(),
        });
    }
    if path.symlink_metadata().is_ok() {
        return Err(exists(path));
    }
    Ok(())
}

fn exists(path: &Path) -> Error {
    Error::JournalFileExists {
        file: path.display().to_string(),
    }
}

/// `bytes` as the new file `path`, by way of a temporary file beside it.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().ok_or_else(|| exists(path))?;
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(format!(".{}.part", std::process::id()));
    let temporary = path.with_file_name(temporary_name);
    let written = write_synced(&temporary, bytes).and_then(|()| Disk.rename_new(&temporary, path));
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            match e.kind() {
                io::ErrorKind::AlreadyExists => Err(exists(path)),
                _ => Err(e.into()),
            }
        }
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_and_an_existing_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.csv");
        write_new(&path, b"first").unwrap();
        assert!(matches!(
            write_new(&path, b"second"),
            Err(Error::JournalFileExists { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }
}
