use crate::state::{off_main, Desk, Running, Work};
use rastau_core::audit::{AuditFilter, AuditPage, ChainReport};
use rastau_core::backup::{BackupProgress, BackupReport};
use rastau_core::{ErrorPayload, RetentionReport};
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager, State};

type Reply<T> = Result<T, ErrorPayload>;

/// A page of the audit trail, newest first. Supervisors only (Rust refuses a clerk).
#[tauri::command]
pub async fn audit(desk: State<'_, Desk>, filter: AuditFilter) -> Reply<AuditPage> {
    desk.run(move |a| a.audit(&filter)).await
}

/// Walks the audit trail's hash chain and names its first break. Off the main thread, like the
/// two below: over years of entries or a full store they take a while, and the window must
/// still show that they are working.
#[tauri::command]
pub async fn verify_audit(desk: State<'_, Desk>) -> Reply<ChainReport> {
    desk.run(|a| a.verify_audit()).await
}

/// Backs the whole store up into a new folder inside `folder`; the seal's private key only
/// when the supervisor ticked it. Written without holding the store, so the window's other
/// commands (the counter's, the idle lock's `touch`) go on meanwhile; each file copied is
/// announced as `backup-progress`, and `cancel_backup` stops it.
#[tauri::command]
pub async fn backup(
    app: AppHandle,
    desk: State<'_, Desk>,
    folder: PathBuf,
    with_seal_key: bool,
) -> Reply<BackupReport> {
    let job = desk
        .run(move |a| a.start_backup(&folder, with_seal_key))
        .await?;
    let written = off_main(move || {
        let cancel = app.state::<Running>().start(Work::Backup);
        let tell = |progress: BackupProgress| drop(app.emit("backup-progress", progress));
        let written = job.write_watched(tell, &cancel);
        app.state::<Running>().finish(Work::Backup);
        Ok(written?)
    })
    .await?;
    desk.run(move |a| a.record_backup(written)).await
}

/// Stops the backup under way; its folder is removed and it answers `backup-cancelled`.
#[tauri::command]
pub fn cancel_backup(running: State<Running>) {
    running.cancel(Work::Backup);
}

/// Removes now what the retention rule no longer lets the store keep.
#[tauri::command]
pub async fn run_retention(desk: State<'_, Desk>) -> Reply<RetentionReport> {
    desk.run(|a| a.run_retention()).await
}
