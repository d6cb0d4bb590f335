//! `rastau doctor`: the store's files against its records. Every file a record names must
//! exist and hash to its name; every file in the store must be named by a record. A file
//! written before a crash stopped its record is such an orphan; a damaged or missing file is a
//! loss to report at once.
use crate::error::Result;
use crate::store::{content_hash, Store};
use std::collections::BTreeMap;

/// How the file store's temporary files begin: `put` writes one and renames it into place.
const IN_FLIGHT: &str = ".tmp";

/// Every column that names a stored file, with what the file is.
const REFERENCES: &[(&str, &str)] = &[
    (
        "SELECT pdf_hash FROM certified_copy WHERE removed_on IS NULL",
        "copy",
    ),
    (
        "SELECT signature_hash FROM certified_copy WHERE removed_on IS NULL",
        "copy-signature",
    ),
    ("SELECT pdf_hash FROM refusal_notice", "notice"),
    (
        "SELECT signature_hash FROM refusal_notice",
        "notice-signature",
    ),
    ("SELECT pdf_hash FROM day_signoff", "journal"),
    (
        "SELECT signature_hash FROM day_signoff",
        "journal-signature",
    ),
    (
        "SELECT consent_scan_hash FROM visit WHERE consent_scan_hash IS NOT NULL",
        "consent-scan",
    ),
    (
        "SELECT image_hash FROM scan_page WHERE removed_on IS NULL",
        "page",
    ),
    (
        "SELECT thumb_hash FROM scan_page WHERE removed_on IS NULL",
        "thumbnail",
    ),
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

/// Checks every stored file against the records.
pub fn check(store: &Store) -> Result<DoctorReport> {
    let named = named_files(store)?;
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
    // A write in progress has not reached its name yet: another process's put is no orphan.
    // What a crash left under such a name goes at the next start, with the orphans.
    report.orphans = present
        .into_keys()
        .filter(|name| !name.starts_with(IN_FLIGHT))
        .collect();
    Ok(report)
}

/// Removes the files no record names: what a crash left between writing a file and its
/// record, or between the retention sweep's commit and its removals. Only at start, before
/// anything else writes. Returns how many went.
pub fn remove_orphans(store: &Store) -> Result<usize> {
    let named = named_files(store)?;
    let files = store.files();
    let mut removed = 0;
    for (name, path) in files.all()? {
        if !named.contains_key(&name) {
            std::fs::remove_file(path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Each stored file's hash that a record names, once, with what the first such record is.
pub(crate) fn named_files(store: &Store) -> Result<BTreeMap<String, &'static str>> {
    let mut named = BTreeMap::new();
    for (sql, what) in REFERENCES {
        let mut stmt = store.read().prepare(sql)?;
        for hash in stmt.query_map([], |r| r.get::<_, String>(0))? {
            named.entry(hash?).or_insert(*what);
        }
    }
    Ok(named)
}
