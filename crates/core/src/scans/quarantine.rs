//! Files the scan folder received that cannot become pages. The folder takes whatever a
//! scanner, or anyone on the network, drops into it, and no clerk chose the file: one refused
//! for what it holds (not a page, damaged, a decompression bomb) is moved into `refused/` in
//! the folder, with a `.txt` beside it saying why in Kazakh and Russian, so that it is neither
//! taken again nor lost, and whoever looks into the folder sees the reason.

use crate::error::Error;
use crate::handover::{Disk, Medium};
use crate::i18n::bilingual_text_file;
use rastau_capture::CaptureError;
use std::io;
use std::path::{Path, PathBuf};

/// The sub-folder of the scan folder that refused files are moved into.
pub const REFUSED_FOLDER: &str = "refused";

/// How many ` (n)` suffixes are tried before giving up on a free name.
const MAX_SUFFIX: u32 = 999;

/// Whether `error` is about what the file holds (then it is set aside), rather than about the
/// visit, the session, the disk or a missing program (then it stays where it is).
pub(crate) fn is_the_files_fault(error: &Error) -> bool {
    matches!(error, Error::Capture(e)
        if !matches!(e, CaptureError::Io { .. } | CaptureError::ToolMissing { .. }))
}

/// Moves `file` into `refused/` beside it, under its own name or `name (2).ext`... when that
/// is taken, and writes the reason next to it as `<name>.txt`. Returns where the file went.
pub(crate) fn set_aside(file: &Path, error: &Error) -> io::Result<PathBuf> {
    let folder = file
        .parent()
        .ok_or(io::ErrorKind::InvalidInput)?
        .join(REFUSED_FOLDER);
    std::fs::create_dir_all(&folder)?;
    let name = file
        .file_name()
        .ok_or(io::ErrorKind::InvalidInput)?
        .to_string_lossy()
        .into_owned();
    let moved = move_to_free_name(file, &folder, &name)?;
    let moved_name = moved
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let reason = bilingual_text_file(|messages| {
        let heading = messages.text("pages-folder-refused", [("file", name.as_str().into())]);
        format!("{heading}\n{}", messages.error(error))
    });
    std::fs::write(folder.join(format!("{moved_name}.txt")), reason)?;
    Ok(moved)
}

fn move_to_free_name(file: &Path, folder: &Path, name: &str) -> io::Result<PathBuf> {
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    for n in 1..=MAX_SUFFIX {
        let candidate = match n {
            1 => folder.join(name),
            n => folder.join(format!("{stem} ({n}){extension}")),
        };
        // Never over an earlier refused file of the same name.
        match Disk.rename_new(file, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::ErrorKind::AlreadyExists.into())
}
