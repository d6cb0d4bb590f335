use crate::state::Desk;
use rastau_core::audit::{AuditFilter, AuditPage, ChainReport};
use rastau_core::backup::BackupReport;
use rastau_core::{ErrorPayload, RetentionReport};
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

/// A page of the audit trail, newest first. Supervisors only (Rust refuses a clerk).
#[tauri::command]
pub fn audit(desk: State<Desk>, filter: AuditFilter) -> Reply<AuditPage> {
    desk.with(|a| a.audit(&filter))
}

/// Walks the audit trail's hash chain and names its first break. Off the main thread, like the
/// two below: over years of entries or a full store they take a while, and the window must
/// still show that they are working.
#[tauri::command(async)]
pub fn verify_audit(desk: State<Desk>) -> Reply<ChainReport> {
    desk.with(|a| a.verify_audit())
}

/// Backs the whole store up into a new folder inside `folder`; the seal's private key only
/// when the supervisor ticked it.
#[tauri::command(async)]
pub fn backup(desk: State<Desk>, folder: PathBuf, with_seal_key: bool) -> Reply<BackupReport> {
    match with_seal_key {
        true => desk.with(|a| a.backup_with_seal_key(&folder)),
        false => desk.with(|a| a.backup(&folder)),
    }
}

/// Removes now what the retention rule no longer lets the store keep.
#[tauri::command(async)]
pub fn run_retention(desk: State<Desk>) -> Reply<RetentionReport> {
    desk.with(|a| a.run_retention())
}
