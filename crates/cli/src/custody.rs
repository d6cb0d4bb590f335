//! The store's custody from the command line: `audit verify`, `retention run`, `backup` and
//! `restore`. All but `audit verify` (which anyone holding the files may run, as a check that
//! needs no trust in the app) sign a supervisor in; the core refuses anyone else.
use crate::sign_in::{password, signed_in};
use rastau_core::audit::{chain, Fault};
use rastau_core::clock::SystemClock;
use rastau_core::i18n::Messages;
use rastau_core::store::Store;
use rastau_core::Rastau;
use std::path::Path;

/// Walks the audit trail's hash chain; `Err` (exit code 1) names the first break.
pub fn verify(store: &Store, m: &Messages) -> Result<String, String> {
    let report = chain::verify(store.read()).map_err(|e| m.error(&e))?;
    match report.fault {
        None => Ok(m.text(
            "audit-verify-ok",
            [
                ("entries", report.entries.into()),
                ("head", report.head.into()),
            ],
        )),
        Some(fault) => Err(fault_text(&fault, m)),
    }
}

/// The first break of a chain, in words.
pub fn fault_text(fault: &Fault, m: &Messages) -> String {
    match *fault {
        Fault::Changed { seq } => m.text("audit-verify-changed", [("seq", seq.into())]),
        Fault::Inserted { seq } => m.text("audit-verify-inserted", [("seq", seq.into())]),
        Fault::Removed {
            after: None,
            before,
        } => m.text("audit-verify-removed-first", [("before", before.into())]),
        Fault::Removed {
            after: Some(after),
            before,
        } => m.text(
            "audit-verify-removed",
            [("after", after.into()), ("before", before.into())],
        ),
    }
}

pub fn retention(store: Store, iin: &str, m: &Messages) -> Result<String, String> {
    let report = signed_in(store, iin, m)?
        .run_retention()
        .map_err(|e| m.error(&e))?;
    Ok(m.text(
        "retention-report",
        [
            ("copies", report.copies.into()),
            ("pages", report.pages.into()),
            ("files", report.files.into()),
        ],
    ))
}

pub fn backup(
    store: Store,
    dest: &Path,
    iin: &str,
    with_seal_key: bool,
    m: &Messages,
) -> Result<String, String> {
    let mut app = signed_in(store, iin, m)?;
    let report = match with_seal_key {
        true => app.backup_with_seal_key(dest),
        false => app.backup(dest),
    }
    .map_err(|e| m.error(&e))?;
    Ok(m.text(
        "backup-done",
        [
            ("folder", report.folder.into()),
            ("files", report.files.into()),
            ("bytes", (report.bytes as i64).into()),
        ],
    ))
}

pub fn restore(data_dir: &Path, folder: &Path, iin: &str, m: &Messages) -> Result<String, String> {
    let password = password(m)?;
    let report = Rastau::restore(data_dir, folder, iin, &password, Box::new(SystemClock))
        .map_err(|e| m.error(&e))?;
    let files = ("files", report.files.into());
    Ok(match report.replaced {
        Some(aside) => m.text(
            "restore-done",
            [files, ("replaced", aside.display().to_string().into())],
        ),
        None => m.text("restore-done-fresh", [files]),
    })
}
