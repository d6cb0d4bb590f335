//! Where the store lives on this machine.
use std::path::PathBuf;

/// Overrides the data folder, for tests and portable installs.
pub const DATA_DIR_ENV: &str = "RASTAU_DATA_DIR";

/// The same folder Tauri calls the app-data dir for our bundle identifier, so the CLI and
/// the window share one store.
const APP_IDENTIFIER: &str = "kz.rastau.desktop";

pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}
