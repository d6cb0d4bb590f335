//! The journal's commands: the journal on screen, printed, kept as a PDF or CSV file; and a
//! supervisor's corrections to a signed-off day (`sign_off.rs` signs it off). Each reads the journal as
//! [`Rastau::journal`] does, so a clerk sees, prints and exports only their own visits.
//!
//! Files are written under a temporary name beside the target, synced and renamed without
//! replacing anything: an existing file is never overwritten, and a failure halfway leaves
//! no half-written journal under the chosen name.
use super::printing::JobId;
use super::Rastau;
use crate::account::{Account, Role};
use crate::audit::{Action, Event, Record};
use crate::error::{Error, Result};
use crate::handover::{Disk, Medium};
use crate::journal::{
    self, journal_pdf, signoff, to_csv, CorrectionView, JournalFilter, JournalView,
};
use crate::lang::Lang;
use crate::required::require;
use crate::{center, dates};
use chrono::NaiveDate;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

impl Rastau {
    /// The journal for `filter`; a clerk's own visits only, whatever the filter says.
    pub fn journal(&mut self, filter: &JournalFilter) -> Result<JournalView> {
        let actor = self.actor()?;
        journal::view(self.store.read(), &own(&actor, filter))
    }

    /// The journal chosen by `filter` as a PDF in `lang`, A4 landscape.
    pub fn journal_pdf(&mut self, filter: &JournalFilter, lang: Lang) -> Result<Vec<u8>> {
        let actor = self.actor()?;
        // Its header names the clerk whose journal it is.
        let filter = own(&actor, filter);
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

    /// How many visits of `day` are still open, by any clerk: the sign-off waits for them, and
    /// the supervisor is told before signing. Supervisors only.
    pub fn open_visits_of_day(&mut self, day: NaiveDate) -> Result<u32> {
        self.supervisor()?;
        signoff::open_visits_on(self.store.read(), day)
    }

    /// The signed journal PDF of a signed-off day.
    pub fn signed_journal(&mut self, day: NaiveDate) -> Result<Vec<u8>> {
        self.actor()?;
        let signed =
            signoff::signed_off(self.store.read(), day)?.ok_or(Error::DayNotSignedOff {
                day: dates::date(day),
            })?;
        self.store.files().get(&signed.pdf_hash)
    }

    /// Writes a correction to a signed-off day, about one of its visits or the day as a whole.
    pub fn correct_day(
        &mut self,
        day: NaiveDate,
        visit_id: Option<i64>,
        text: &str,
    ) -> Result<Vec<CorrectionView>> {
        let supervisor = self.supervisor()?;
        require("correction", text)?;
        if signoff::signed_off(self.store.read(), day)?.is_none() {
            return Err(Error::DayNotSignedOff {
                day: dates::date(day),
            });
        }
        let now = self.now();
        self.audited(
            |_| {
                let event = Event::by(&supervisor, Action::DayCorrected).detail(day.to_string());
                match visit_id {
                    Some(id) => event.on(Record::Visit(id)),
                    None => event,
                }
            },
            |tx| signoff::insert_correction(tx, day, visit_id, &supervisor, now, text),
        )?;
        signoff::corrections(self.store.read(), day, day)
    }
}

/// `filter` as `actor` may read it: a clerk's journal is theirs whatever the filter says.
fn own(actor: &Account, filter: &JournalFilter) -> JournalFilter {
    let mut filter = filter.clone();
    if actor.role != Role::Supervisor {
        filter.clerk_id = Some(actor.id);
    }
    filter
}

pub(super) fn refuse_existing(path: &Path) -> Result<()> {
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
pub(super) fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
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
