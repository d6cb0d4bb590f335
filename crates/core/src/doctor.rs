//! `rastau doctor`: the store's files against its records. Every file a record names must
//! exist and hash to its name; every file in the store must be named by a record. A file
//! written before a crash stopped its record is such an orphan; a damaged or missing file is a
//! loss to report at once.
use crate::error::Result;
use crate::store::{content_hash, is_settled, Store};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Every column that names a stored file, the condition under which a row still keeps it, and
/// what the file is. Each column has an index (migrations 0007 and 0018): [`is_named`] asks
/// them once per file.
const REFERENCES: &[(&str, &str, &str, &str)] = &[
    ("certified_copy", "pdf_hash", "removed_on IS NULL", "copy"),
    (
        "certified_copy",
        "signature_hash",
        "removed_on IS NULL",
        "copy-signature",
    ),
    (
        "fetched_copy",
        "pdf_hash",
        "removed_on IS NULL",
        "fetched-copy",
    ),
    (
        "fetched_copy",
        "signature_hash",
        "removed_on IS NULL",
        "fetched-copy-signature",
    ),
    ("refusal_notice", "pdf_hash", "1", "notice"),
    ("refusal_notice", "signature_hash", "1", "notice-signature"),
    ("day_signoff", "pdf_hash", "1", "journal"),
    ("day_signoff", "signature_hash", "1", "journal-signature"),
    (
        "visit",
        "consent_scan_hash",
        "consent_scan_hash IS NOT NULL",
        "consent-scan",
    ),
    ("scan_page", "image_hash", "removed_on IS NULL", "page"),
    ("scan_page", "thumb_hash", "removed_on IS NULL", "thumbnail"),
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DoctorReport {
    /// Files named by records and checked.
    pub checked: u32,
    /// Named by a record but absent: `(what, hash)`.
    pub missing: Vec<(String, String)>,
    /// Present but no longer hashing to their name: `(what, hash)`.
    pub damaged: Vec<(String, String)>,
    /// In the store's folder but named by no record.
    pub orphans: Vec<String>,
}

impl DoctorReport {
    pub fn healthy(&self) -> bool {
        self.missing.is_empty() && self.damaged.is_empty() && self.orphans.is_empty()
    }
}

/// Checks every stored file against the records, in a store others may be writing to: a file
/// written a moment ago may be another process's, its record on the way, and is no orphan yet.
pub fn check(store: &Store) -> Result<DoctorReport> {
    check_files(store, false)
}

/// The same for a store no one else writes to (a backup being restored): every file no record
/// names is an orphan, however new.
pub(crate) fn check_closed(store: &Store) -> Result<DoctorReport> {
    check_files(store, true)
}

fn check_files(store: &Store, closed: bool) -> Result<DoctorReport> {
    let named = named_files(store.read())?;
    let mut present = store.files().all()?.into_iter().collect::<BTreeMap<_, _>>();
    let mut report = DoctorReport::default();
    for (hash, what) in named {
        report.checked += 1;
        match present.remove(&hash) {
            None => report.missing.push((what.to_owned(), hash)),
            Some(path) => {
                if content_hash(&std::fs::read(&path)?) != hash {
                    report.damaged.push((what.to_owned(), hash));
                }
            }
        }
    }
    for (name, path) in present {
        if closed || is_settled(&path).unwrap_or(false) {
            report.orphans.push(name);
        }
    }
    Ok(report)
}

/// Each stored file's hash that a record names, once, with what the first such record is.
pub(crate) fn named_files(conn: &Connection) -> Result<BTreeMap<String, &'static str>> {
    let mut named = BTreeMap::new();
    for (table, column, kept, what) in REFERENCES {
        let sql = format!("SELECT {column} FROM {table} WHERE {kept}");
        let mut stmt = conn.prepare_cached(&sql)?;
        for hash in stmt.query_map([], |r| r.get::<_, String>(0))? {
            named.entry(hash?).or_insert(*what);
        }
    }
    Ok(named)
}

/// Whether a record still keeps the file of `hash`: a lookup per column, by its index, so that
/// asking it of every file on disk costs what is on disk, not the store's history.
pub(crate) fn is_named(conn: &Connection, hash: &str) -> Result<bool> {
    static QUERY: LazyLock<String> = LazyLock::new(|| {
        let lookups = REFERENCES
            .iter()
            .map(|(table, column, kept, _)| {
                format!("EXISTS (SELECT 1 FROM {table} WHERE {column} = ?1 AND {kept})")
            })
            .collect::<Vec<_>>();
        format!("SELECT {}", lookups.join(" OR "))
    });
    Ok(conn.query_row(&QUERY, [hash], |row| row.get(0))?)
}
