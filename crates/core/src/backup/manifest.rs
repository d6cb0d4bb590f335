//! `manifest.json` of a backup: what the folder must hold, by SHA-256, so a restore can check
//! every byte before it replaces anything. Written last: a folder without one is unfinished.
use serde::{Deserialize, Serialize};

pub const MANIFEST_FILE: &str = "manifest.json";
/// The database's file name inside a backup.
pub const DATABASE_FILE: &str = "rastau.sqlite3";
/// The folder of the stored files inside a backup, laid out as in the store.
pub const FILES_DIR: &str = "files";
pub const FORMAT: &str = "rastau-backup-1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// RFC 3339, UTC.
    pub made_at: String,
    pub database: Entry,
    pub files: Vec<Entry>,
    /// The center's seal private key (`seal-key.pem`), only when the supervisor asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal_key: Option<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub sha256: String,
    pub bytes: u64,
}
