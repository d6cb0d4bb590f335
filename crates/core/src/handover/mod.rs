//! Handing certified copies over on electronic media (rule 7, stage 3): the chosen copies of
//! one applicant, their detached signatures, `manifest.json` and a bilingual `README.txt`,
//! written into a new folder on a USB stick or any folder.
//!
//! What it promises:
//! - Nothing on the medium is replaced: the folder is new (`Rastau 2026-000042 2026-11-23
//!   14-05`, then ` (2)`, ` (3)`...), files are created exclusively and renamed without
//!   replacing.
//! - Each file is written under a temporary name, synced, renamed; the folder is synced; then
//!   every file is read back (past the page cache) and compared by SHA-256.
//! - Only the copies of the applicant at the counter go out, each once; the request is checked
//!   whole before anything is written.
//! - No copy leaves without a record: the hand-over and its audit entry are committed before
//!   the first file is written (`writing`), and closed as `done` after the read-back or as
//!   `failed` (audited, with the reason) once what was written has been removed. A crash in
//!   between leaves the `writing` record, which says the copies may have left.
//! - Any fault (a full stick, a read-only one, one pulled out) is a translated error naming the
//!   file; what was written is removed where the medium still allows.
//!
//! The hand-over command is the application's (`app/handover.rs`); here are its parts. The
//! medium is behind the [`Medium`] trait so tests can pull a stick out at a chosen byte,
//! which no real device in a test machine does on demand.
mod manifest;
pub(crate) mod media;
mod medium;
pub(crate) mod names;
pub(crate) mod records;
pub(crate) mod write;

pub use manifest::{ExportedFile, FORMAT_VERSION, MANIFEST_FILE, README_FILE};
pub use medium::{Disk, Medium, MediumFile};
pub use records::Chosen;

use crate::error::{Error, Result};
use crate::store::Files;
use chrono::{DateTime, Utc};
use manifest::{Manifest, ManifestCopy};
use records::OutgoingCopy;
use serde::Serialize;
use std::io;
use std::path::Path;
use ts_rs::TS;
use write::OutFile;

/// What a hand-over wrote, for the clerk to see and the applicant to be told.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportReport {
    /// The folder created on the medium.
    pub folder: String,
    /// Every file in it, read back and checked.
    pub files: Vec<ExportedFile>,
}

/// Every file of the hand-over, in writing order: each copy's PDF and signature, then the
/// manifest and the README, which describe them.
pub(crate) fn contents(
    files: &Files,
    copies: &[OutgoingCopy],
    now: DateTime<Utc>,
) -> Result<Vec<OutFile>> {
    let mut out = Vec::with_capacity(copies.len() * 2 + 2);
    let mut listed = Vec::with_capacity(copies.len());
    for (i, copy) in copies.iter().enumerate() {
        let pdf_name = names::copy_file_name(i + 1, &copy.document_title);
        let signature_name = names::signature_file_name(&pdf_name);
        let pdf = stored(files, &copy.pdf_hash, pdf_name)?;
        let signature = stored(files, &copy.signature_hash, signature_name)?;
        listed.push(ManifestCopy::new(copy, pdf.entry(), signature.entry()));
        out.extend([pdf, signature]);
    }
    let manifest = Manifest {
        format: "rastau-handover",
        version: FORMAT_VERSION,
        exported_at: now,
        copies: listed,
    };
    let readme = manifest::readme(&out[0].name);
    out.push(OutFile::new(MANIFEST_FILE.to_owned(), manifest.to_bytes()));
    out.push(OutFile::new(README_FILE.to_owned(), readme));
    Ok(out)
}

/// A stored file, refused if its bytes no longer match the hash it is kept under: a damaged
/// copy must not go out as if it were the certified one.
fn stored(files: &Files, hash: &str, name: String) -> Result<OutFile> {
    let file = OutFile::new(name, files.get(hash)?);
    if file.sha256 != hash {
        return Err(Error::StoredCopyDamaged { file: file.name });
    }
    Ok(file)
}

pub(crate) fn destination_error(dest: &Path, e: io::Error) -> Error {
    let folder = dest.to_string_lossy().into_owned();
    match e.kind() {
        io::ErrorKind::StorageFull => Error::HandoverMediumFull { file: folder },
        _ => Error::HandoverDestination {
            folder,
            detail: e.to_string(),
        },
    }
}
