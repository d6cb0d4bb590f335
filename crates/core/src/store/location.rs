//! Where the store lives on this machine.
use std::path::PathBuf;

/// Overrides the data folder, for tests and portable installs.
pub const DATA_DIR_ENV: &str = "RASTAU_DATA_DIR";

/// The same folder Tauri calls the app-data dir for our bundle identifier, so the CLI and
/// the window share one store.
const APP_IDENTIFIER: &str = "kz.rastau.desktop";

fn env_data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

fn app_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

/// The folder of [`DATA_DIR_ENV`], else the OS app-data folder.
pub fn default_data_dir() -> PathBuf {
    env_data_dir().unwrap_or_else(app_data_dir)
}

/// Where `rastau demo` fills the demo: the data folder it is given (`flag`, else
/// [`DATA_DIR_ENV`]), so that every other command given the folder the same way finds it there;
/// given none, the `demo` folder of the OS app-data folder, which the window's `--demo` opens.
pub fn demo_data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(env_data_dir)
        .unwrap_or_else(|| app_data_dir().join("demo"))
}
