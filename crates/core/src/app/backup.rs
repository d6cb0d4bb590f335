//! Backups and the restore as a supervisor runs them: the backup started with the store held,
//! written through a connection of its own, and recorded; the restore checked whole, signed in
//! to as a supervisor of the center it holds, noted in its own trail and swapped in.
use super::Rastau;
use crate::audit::{Action, Event};
use crate::backup::{
    self, restore, BackupJob, BackupReport, Manifest, RestoreReport, WrittenBackup,
};
use crate::clock::{Clock, ManualClock};
use crate::dates;
use crate::error::Result;
use crate::handover::{names, Disk};
use crate::store::swap::{self, Swap};
use crate::store::{Store, DB_FILE};
use std::fs;
use std::path::Path;

impl Rastau {
    /// Backs the whole store up into a new folder inside `dest`, all at once. Supervisors
    /// only. The seal's private key stays behind: its public half, in the database, is what
    /// checks seals.
    pub fn backup(&mut self, dest: &Path) -> Result<BackupReport> {
        let written = self.start_backup(dest, false)?.write()?;
        self.record_backup(written)
    }

    /// [`Rastau::backup`] carrying the seal's private key too, for moving the installation to
    /// a new machine that goes on sealing with the same key; only on a supervisor's explicit
    /// request, since whoever holds the backup can then forge the center's QR seals.
    pub fn backup_with_seal_key(&mut self, dest: &Path) -> Result<BackupReport> {
        let written = self.start_backup(dest, true)?.write()?;
        self.record_backup(written)
    }

    /// Starts a backup into a new folder inside `dest`, to be written without holding the
    /// application; `seal_key` as for [`Rastau::backup_with_seal_key`]. Supervisors only.
    pub fn start_backup(&mut self, dest: &Path, seal_key: bool) -> Result<BackupJob> {
        let by = self.supervisor()?;
        let now = self.now();
        let name = format!("Rastau backup {}", crate::dates::file_stamp(now));
        let folder =
            names::create_folder(&Disk, dest, &name).map_err(|e| backup::folder_error(dest, e))?;
        Ok(BackupJob {
            store: self.store.another()?,
            folder,
            now,
            seal_key,
            by,
        })
    }

    /// Records a written backup in the audit trail.
    pub fn record_backup(&mut self, written: WrittenBackup) -> Result<BackupReport> {
        self.note(Event::by(&written.by, Action::BackedUp).detail(written.detail))?;
        Ok(written.report)
    }

    /// Restores the backup in `backup` into the data folder `data_dir`, for the supervisor `iin`
    /// of the backup's center (and of the current one, if this machine has one).
    pub fn restore(
        data_dir: &Path,
        backup: &Path,
        iin: &str,
        password: &str,
        clock: Box<dyn Clock>,
    ) -> Result<RestoreReport> {
        let manifest = restore::read_manifest(backup)?;
        restore::check(backup, &manifest)?;
        let now = clock.now();
        if restore::has_center(data_dir)? {
            signed_in_supervisor(Store::open(data_dir)?, iin, password, &*clock)?;
        }
        let stamp = dates::file_stamp(now);
        let swap = Swap {
            staging: format!(".restoring {stamp}"),
            aside: format!("replaced {stamp}"),
        };
        let replacing = data_dir.join(DB_FILE).exists();
        let staging = data_dir.join(&swap.staging);
        let detail = format!("{} {}", backup.display(), manifest.made_at);
        let done = prepare(backup, &manifest, &staging, iin, password, clock, &detail)
            .and_then(|()| swap::replace(data_dir, &swap));
        if let Err(e) = done {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
        if manifest.seal_key.is_some() {
            restore::install_seal_key(data_dir, backup, &data_dir.join(&swap.aside))?;
        }
        Ok(RestoreReport {
            files: manifest.files.len() as u32,
            replaced: replacing.then(|| data_dir.join(&swap.aside)),
        })
    }
}

/// Refuses unless `iin` signs in to `store` as one of its supervisors.
fn signed_in_supervisor(store: Store, iin: &str, password: &str, clock: &dyn Clock) -> Result<()> {
    let mut app = Rastau::new(store, Box::new(ManualClock::at(clock.now())));
    app.login(iin, password)?;
    app.supervisor().map(drop)
}

/// The backup as a store in `staging`, checked there, the supervisor signed in to it and the
/// restore noted in its audit trail; closed as one database file, ready to be swapped in.
fn prepare(
    backup: &Path,
    manifest: &Manifest,
    staging: &Path,
    iin: &str,
    password: &str,
    clock: Box<dyn Clock>,
    detail: &str,
) -> Result<()> {
    restore::stage(backup, manifest, staging)?;
    let store = Store::open(staging)?;
    restore::sound(&store)?;
    let mut app = Rastau::new(store, clock);
    app.login(iin, password)?;
    let me = app.supervisor()?;
    app.note(Event::by(&me, Action::Restored).detail(detail))?;
    // No WAL beside it: the swap moves the database file alone.
    app.store()
        .read()
        .pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}
