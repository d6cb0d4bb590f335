use crate::state::{off_main, Desk};
use rastau_core::copy::CopyView;
use rastau_core::key_source::{KeySourceSettings, KeyStorage, NcaLayerStatus};
use rastau_core::signature_policy::SignaturePolicy;
use rastau_core::signing_key::SigningKeyView;
use rastau_core::trust::TrustedCa;
use rastau_core::verify::{SealView, VerifyView};
use rastau_core::{Error, ErrorPayload, Lang};
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
pub async fn open_signing_key(
    desk: State<'_, Desk>,
    path: PathBuf,
    password: String,
) -> Reply<SigningKeyView> {
    desk.run(move |a| a.open_signing_key_file(&path, &password))
        .await
        .map(|info| SigningKeyView::from(&info))
}

/// The key file the signed-in clerk last opened here, offered instead of typing its path.
#[tauri::command]
pub async fn remembered_key_path(desk: State<'_, Desk>) -> Reply<Option<String>> {
    desk.run(move |a| a.remembered_key_path()).await
}

/// Certifies a listed document. The copy is made and signed between two short holds on the
/// store, so that a document of many pages leaves the window's other commands answering.
#[tauri::command]
pub async fn certify_document(
    desk: State<'_, Desk>,
    visit_id: i64,
    position: u32,
) -> Reply<CopyView> {
    let job = desk
        .run(move |a| a.start_certification(visit_id, position))
        .await?;
    let signed = off_main(move || job.sign().map_err(ErrorPayload::from)).await?;
    desk.run(move |a| a.finish_certification(signed)).await
}

#[tauri::command]
pub async fn copies(desk: State<'_, Desk>, tax_id: String) -> Reply<Vec<CopyView>> {
    desk.run(move |a| a.copies(&tax_id)).await
}

#[tauri::command]
pub async fn verify_file(
    desk: State<'_, Desk>,
    path: PathBuf,
    signature: Option<PathBuf>,
) -> Reply<VerifyView> {
    let file = read(&path)?;
    let signature = signature.as_ref().map(read).transpose()?;
    desk.run(move |a| a.verify_file(&file, signature.as_deref()))
        .await
}

/// Writes the report of the check of the file at `path` (and its detached `signature`), in
/// `lang`, to the new PDF file `target`: read, checked and written on the desk's thread.
#[tauri::command]
pub async fn export_verification_report(
    desk: State<'_, Desk>,
    path: PathBuf,
    signature: Option<PathBuf>,
    lang: Lang,
    target: PathBuf,
) -> Reply<()> {
    desk.run(move |a| a.export_verification_report(&path, signature.as_deref(), lang, &target))
        .await
}

#[tauri::command]
pub async fn verify_qr(desk: State<'_, Desk>, text: String) -> Reply<SealView> {
    desk.run(move |a| a.verify_qr(&text)).await
}

/// Adds the CA certificates of a file (PEM or DER); answers with the ones added.
#[tauri::command]
pub async fn trust_ca(desk: State<'_, Desk>, path: PathBuf) -> Reply<Vec<TrustedCa>> {
    let file = read(&path)?;
    desk.run(move |a| a.trust_ca(&file)).await
}

#[tauri::command]
pub async fn trusted_cas(desk: State<'_, Desk>) -> Reply<Vec<TrustedCa>> {
    desk.run(move |a| a.trusted_cas()).await
}

/// Removes a trusted CA; answers with the list as it now stands.
#[tauri::command]
pub async fn remove_trusted_ca(desk: State<'_, Desk>, id: String) -> Reply<Vec<TrustedCa>> {
    desk.run(move |a| a.remove_trusted_ca(&id)).await
}

/// Whether keys sign when their revocation status cannot be had.
#[tauri::command]
pub async fn signature_policy(desk: State<'_, Desk>) -> Reply<SignaturePolicy> {
    desk.run(move |a| a.signature_policy()).await
}

/// Chooses it; answers the policy as it now stands.
#[tauri::command]
pub async fn set_signature_policy(
    desk: State<'_, Desk>,
    policy: SignaturePolicy,
) -> Reply<SignaturePolicy> {
    desk.run(move |a| a.set_signature_policy(&policy)).await
}

/// How the center's keys are opened (key files or NCALayer, and NCALayer's storages): the key
/// dialog follows it.
#[tauri::command]
pub async fn key_source(desk: State<'_, Desk>) -> Reply<KeySourceSettings> {
    desk.run(move |a| a.key_source()).await
}

/// Chooses it (supervisors); answers the choice as stored.
#[tauri::command]
pub async fn set_key_source(
    desk: State<'_, Desk>,
    settings: KeySourceSettings,
) -> Reply<KeySourceSettings> {
    desk.run(move |a| a.set_key_source(&settings)).await
}

/// Whether NCALayer runs: asked without holding the store (a hung NCALayer takes seconds).
#[tauri::command]
pub async fn ncalayer_state(desk: State<'_, Desk>) -> Reply<NcaLayerStatus> {
    let probe = desk.run(move |a| a.ncalayer_probe()).await?;
    off_main(move || probe.ask().map_err(ErrorPayload::from)).await
}

/// Opens the signed-in clerk's key through NCALayer, from `storage` or any storage the center
/// offers. NCALayer's window waits for the clerk's PIN for minutes: that wait holds nothing, so
/// the window's other commands (the clock, the idle lock, the scan folder) go on answering;
/// the key is checked and kept under the store afterwards, if the same clerk is signed in.
#[tauri::command]
pub async fn open_signing_key_ncalayer(
    desk: State<'_, Desk>,
    storage: Option<KeyStorage>,
) -> Reply<SigningKeyView> {
    let opening = desk.run(move |a| a.start_ncalayer_key(storage)).await?;
    let opened = off_main(move || opening.open().map_err(ErrorPayload::from)).await?;
    desk.run(move |a| a.finish_ncalayer_key(opened))
        .await
        .map(|info| SigningKeyView::from(&info))
}
