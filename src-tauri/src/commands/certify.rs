use crate::state::Desk;
use rastau_core::copy::CopyView;
use rastau_core::signing_key::SigningKeyView;
use rastau_core::trust::TrustedCa;
use rastau_core::verify::{SealView, VerifyView};
use rastau_core::{Error, ErrorPayload};
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

fn read(path: &PathBuf) -> Reply<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::Io(e).payload())
}

/// The file dialog for the clerk's key file.
#[tauri::command]
pub async fn choose_key_file(window: tauri::Window) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .add_filter("PKCS#12 (.p12, .pfx)", &["p12", "pfx"])
        .pick_file()
        .await
        .map(|f| f.path().to_path_buf())
}

/// Any one file: a copy to check, its .p7s, a CA certificate.
#[tauri::command]
pub async fn choose_file(window: tauri::Window) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .pick_file()
        .await
        .map(|f| f.path().to_path_buf())
}

#[tauri::command]
pub fn open_signing_key(
    desk: State<Desk>,
    path: PathBuf,
    password: String,
) -> Reply<SigningKeyView> {
    desk.with(|a| a.open_signing_key_file(&path, &password))
        .map(|info| SigningKeyView::from(&info))
}

/// The key file the signed-in clerk last opened here, offered instead of typing its path.
#[tauri::command]
pub fn remembered_key_path(desk: State<Desk>) -> Reply<Option<String>> {
    desk.with(|a| a.remembered_key_path())
}

#[tauri::command]
pub fn certify_document(desk: State<Desk>, visit_id: i64, position: u32) -> Reply<CopyView> {
    desk.with(|a| a.certify_document(visit_id, position))
}

#[tauri::command]
pub fn copies(desk: State<Desk>, tax_id: String) -> Reply<Vec<CopyView>> {
    desk.with(|a| a.copies(&tax_id))
}

#[tauri::command]
pub fn verify_file(
    desk: State<Desk>,
    path: PathBuf,
    signature: Option<PathBuf>,
) -> Reply<VerifyView> {
    let file = read(&path)?;
    let signature = signature.as_ref().map(read).transpose()?;
    desk.with(|a| a.verify_file(&file, signature.as_deref()))
}

#[tauri::command]
pub fn verify_qr(desk: State<Desk>, text: String) -> Reply<SealView> {
    desk.with(|a| a.verify_qr(&text))
}

/// Adds the CA certificates of a file (PEM or DER); answers with the ones added.
#[tauri::command(async)]
pub fn trust_ca(desk: State<Desk>, path: PathBuf) -> Reply<Vec<TrustedCa>> {
    let file = read(&path)?;
    desk.with(|a| a.trust_ca(&file))
}

#[tauri::command]
pub fn trusted_cas(desk: State<Desk>) -> Reply<Vec<TrustedCa>> {
    desk.with(|a| a.trusted_cas())
}

/// Removes a trusted CA; answers with the list as it now stands.
#[tauri::command]
pub fn remove_trusted_ca(desk: State<Desk>, id: String) -> Reply<Vec<TrustedCa>> {
    desk.with(|a| a.remove_trusted_ca(&id))
}
