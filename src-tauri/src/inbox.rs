//! Scan-to-folder: files a network scanner drops into the center's scan folder are imported
//! into the visit the counter shows, and the window is told to refresh its page strip. A file
//! refused for what it holds is moved into the folder's `refused` sub-folder by the core, and
//! the window shows why.
use crate::state::Desk;
use rastau_core::scans::{FolderWatcher, WatchOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// The visit the counter screen shows, if any, and the listed document its strip's "assign new
/// pages to" names (none: unassigned).
#[derive(Default)]
pub struct ActiveVisit(Mutex<Option<(i64, Option<u32>)>>);

impl ActiveVisit {
    /// The counter shows `visit`, its strip naming the document `position` for new pages.
    pub fn set(&self, visit: i64, position: Option<u32>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((visit, position));
    }

    fn get(&self) -> Option<(i64, Option<u32>)> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Where the scan folder is, for the counter to name it.
pub struct ScanFolder(pub PathBuf);

/// The scan folder: `scan-folder` beside the store unless `RASTAU_SCAN_FOLDER` names one.
pub fn folder(data_dir: &Path) -> PathBuf {
    std::env::var_os("RASTAU_SCAN_FOLDER")
        .map(PathBuf::from)
        .unwrap_or_else(|| data_dir.join("scan-folder"))
}

/// Watches `folder` for the life of the app. A file arriving while no visit is shown stays in
/// the folder untouched.
pub fn watch(app: AppHandle, folder: PathBuf) {
    std::thread::spawn(move || {
        if let Err(e) = std::fs::create_dir_all(&folder) {
            tracing::warn!("scan folder {}: {e}", folder.display());
            return;
        }
        let watcher = match FolderWatcher::start(&folder, WatchOptions::default()) {
            Ok(w) => w,
            Err(e) => return tracing::warn!("scan folder {}: {e}", folder.display()),
        };
        loop {
            let Some(file) = watcher.recv_timeout(Duration::from_secs(1)) else {
                continue;
            };
            let Some((visit, position)) = app.state::<ActiveVisit>().get() else {
                continue;
            };
            let imported = app
                .state::<Desk>()
                .with(|a| a.import_from_scan_folder(visit, &file, position));
            match imported {
                Ok(_) => drop(app.emit("pages-changed", visit)),
                Err(e) => drop(app.emit("scan-folder-error", e)),
            }
        }
    });
}
