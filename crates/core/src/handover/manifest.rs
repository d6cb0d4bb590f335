//! What goes on the medium beside the copies: `manifest.json` for programs, and `README.txt`
//! in Kazakh and Russian for people, saying how to check the signatures.
use super::records::OutgoingCopy;
use crate::i18n::bilingual_text_file;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// Raised when the manifest's shape changes, so a reader knows which fields to expect.
pub const FORMAT_VERSION: u32 = 1;
pub const MANIFEST_FILE: &str = "manifest.json";
pub const README_FILE: &str = "README.txt";

/// One file on the medium.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedFile {
    pub name: String,
    /// Lowercase hex SHA-256 of the bytes, as in the store.
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
}

/// `manifest.json`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest<'a> {
    pub format: &'static str,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub copies: Vec<ManifestCopy<'a>>,
}

/// One certified copy in the manifest: its two files and what it certifies.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestCopy<'a> {
    pub document_title: &'a str,
    /// As on the forms, e.g. `2026/000042`.
    pub journal_number: String,
    /// The applicant's IIN or BIN.
    pub applicant: &'a str,
    pub signer: &'a str,
    pub certified_at: DateTime<Utc>,
    pub keep_until: DateTime<Utc>,
    pub pdf: ExportedFile,
    pub signature: ExportedFile,
}

impl<'a> ManifestCopy<'a> {
    pub fn new(copy: &'a OutgoingCopy, pdf: ExportedFile, signature: ExportedFile) -> Self {
        ManifestCopy {
            document_title: &copy.document_title,
            journal_number: copy.journal_number.to_string(),
            applicant: &copy.applicant_tax_id,
            signer: &copy.signer_name,
            certified_at: copy.certified_at,
            keep_until: copy.keep_until,
            pdf,
            signature,
        }
    }
}

impl Manifest<'_> {
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("the manifest is plain data")
    }
}

/// `README.txt`, in Kazakh and Russian.
pub fn readme(example_pdf: &str) -> Vec<u8> {
    bilingual_text_file(|messages| messages.text("handover-readme", [("pdf", example_pdf.into())]))
}
