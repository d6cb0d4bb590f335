//! Putting files on a medium so that what is there is either whole and checked, or reported:
//! each file under a temporary name, synced, then given its name; the folder synced; then
//! every file read back and compared by SHA-256 with what was meant to be written.
use super::manifest::ExportedFile;
use super::medium::Medium;
use crate::error::{Error, Result};
use crate::store::content_hash;
use std::io::{self, Write};
use std::path::Path;

/// A file to put on the medium.
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

impl OutFile {
    pub fn new(name: String, bytes: Vec<u8>) -> OutFile {
        let sha256 = content_hash(&bytes);
        OutFile {
            name,
            bytes,
            sha256,
        }
    }

    pub fn entry(&self) -> ExportedFile {
        ExportedFile {
            name: self.name.clone(),
            sha256: self.sha256.clone(),
            size: self.bytes.len() as u64,
        }
    }
}

/// Writes `files` into the new, empty `folder` (inside `dest`) and reads them back. On any
/// error the caller cleans up with [`clean_up`].
pub fn write_and_check(
    medium: &dyn Medium,
    dest: &Path,
    folder: &Path,
    files: &[OutFile],
) -> Result<()> {
    for file in files {
        write_one(medium, folder, file).map_err(|e| medium_error(&file.name, e))?;
    }
    let folder_name = display_name(folder);
    medium
        .sync_dir(folder)
        .and_then(|()| medium.sync_dir(dest))
        .map_err(|e| medium_error(&folder_name, e))?;
    files
        .iter()
        .try_for_each(|file| read_back(medium, folder, file))
}

/// Removes what this hand-over put in `folder`, and the folder if that leaves it empty. Best
/// effort: a stick that was pulled out cannot be cleaned, and the error already says so.
pub fn clean_up(medium: &dyn Medium, folder: &Path, files: &[OutFile]) {
    for file in files {
        let _ = medium.remove_file(&folder.join(&file.name));
        let _ = medium.remove_file(&folder.join(temporary_name(&file.name)));
    }
    let _ = medium.remove_dir(folder);
}

fn write_one(medium: &dyn Medium, folder: &Path, file: &OutFile) -> io::Result<()> {
    let temporary = folder.join(temporary_name(&file.name));
    let mut out = medium.create_file(&temporary)?;
    out.write_all(&file.bytes)?;
    out.sync()?;
    drop(out);
    medium.rename_new(&temporary, &folder.join(&file.name))
}

fn read_back(medium: &dyn Medium, folder: &Path, file: &OutFile) -> Result<()> {
    let bytes = medium
        .read(&folder.join(&file.name))
        .map_err(|e| medium_error(&file.name, e))?;
    if content_hash(&bytes) != file.sha256 {
        return Err(Error::HandoverMismatch {
            file: file.name.clone(),
        });
    }
    Ok(())
}

/// Hidden on Linux and clearly unfinished anywhere, should it survive a pulled stick.
fn temporary_name(name: &str) -> String {
    format!(".{name}.part")
}

/// A full medium asks for another stick; any other fault for a retry.
fn medium_error(file: &str, e: io::Error) -> Error {
    let file = file.to_owned();
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::FileTooLarge => {
            Error::HandoverMediumFull { file }
        }
        _ => Error::HandoverIo {
            file,
            detail: e.to_string(),
        },
    }
}

pub fn display_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}
