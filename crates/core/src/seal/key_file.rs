//! Where the center's seal private key lives: a file beside the store, readable and writable by
//! the app's OS user only (mode 0600), never in the database. Whoever holds the private key
//! forges QR seals that verify, and the database travels: into every backup, to a support desk,
//! onto a supervisor's stick. Only the public half goes into the database (as one of this
//! installation's own seal keys), so seals stay checkable from a backup without the key.
use crate::error::Result;
use rastau_sign::SealKey;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The key file's name in the data folder (and in a backup that carries it).
pub const SEAL_KEY_FILE: &str = "seal-key.pem";

pub fn path(dir: &Path) -> PathBuf {
    dir.join(SEAL_KEY_FILE)
}

/// The key in `dir`, if one was made.
pub fn read(dir: &Path) -> Result<Option<SealKey>> {
    match fs::read(path(dir)) {
        Ok(pem) => Ok(Some(SealKey::from_pem(&pem)?)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes `pem` as the key file of `dir`, owner-only from its first byte, synced and renamed
/// into place so a crash leaves the old file or the new one whole.
pub fn write(dir: &Path, pem: &[u8]) -> Result<()> {
    let temporary = dir.join(format!("{SEAL_KEY_FILE}.new"));
    let _ = fs::remove_file(&temporary);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temporary)?;
    file.write_all(pem)?;
    file.sync_all()?;
    fs::rename(&temporary, path(dir))?;
    File::open(dir)?.sync_all()?;
    Ok(())
}
