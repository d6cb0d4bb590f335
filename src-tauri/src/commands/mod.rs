//! Tauri commands: each one turns an `invoke` from the UI into one core call.
mod center;
mod certify;
mod custody;
mod elsewhere;
mod forms;
mod handover;
mod journal;
mod pages;
mod refusal;
mod session;
mod shared;
mod staff;
mod visit;

use rastau_core::signing_key::KeyFile;
use rastau_core::{Error, ErrorPayload};
use std::path::PathBuf;

/// A supervisor's key file brought for one signature, read here, kept in memory for it.
fn key_file(
    path: Option<PathBuf>,
    password: Option<String>,
) -> Result<Option<KeyFile>, ErrorPayload> {
    let Some(path) = path else { return Ok(None) };
    let pkcs12 = std::fs::read(&path).map_err(|e| Error::Io(e).payload())?;
    Ok(Some(KeyFile {
        pkcs12,
        password: password.unwrap_or_default(),
    }))
}

/// Every `#[tauri::command]` of the files above, listed by `build.rs` from the files themselves.
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    include!(concat!(env!("OUT_DIR"), "/handler.rs"))
}
