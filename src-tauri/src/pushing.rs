//! The push to the shared store behind the window: every half minute, what the counter
//! committed goes up (`rastau_core::push`), on a store connection of its own, never holding the
//! one the clerk's commands use. Offline, it tries again next time; the window's status shows
//! what waits. The window hears of each push that carried something (`shared-pushed`).
use rastau_core::push::push_if_linked;
use rastau_core::Coded;
use std::path::PathBuf;
use std::time::Duration;
use tauri::Emitter;

const EVERY: Duration = Duration::from_secs(30);

pub fn keep_pushing(handle: tauri::AppHandle, data_dir: PathBuf) {
    std::thread::spawn(move || loop {
        match push_if_linked(&data_dir, chrono::Utc::now()) {
            Ok(Some(report)) if report.entries > 0 => {
                let _ = handle.emit("shared-pushed", report);
            }
            Ok(_) => {}
            Err(e) => tracing::info!("push: {}", e.code()),
        }
        std::thread::sleep(EVERY);
    });
}
