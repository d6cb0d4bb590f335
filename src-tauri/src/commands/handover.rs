use crate::state::Desk;
use rastau_core::handover::{Chosen, Disk, ExportReport};
use rastau_core::printing::PrinterInfo;
use rastau_core::ErrorPayload;
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

/// The folder dialog for the stick or folder the copies go to.
#[tauri::command]
pub async fn choose_folder(window: tauri::Window) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .pick_folder()
        .await
        .map(|f| f.path().to_path_buf())
}

/// USB sticks mounted now, offered first.
#[tauri::command]
pub async fn removable_media(desk: State<'_, Desk>) -> Reply<Vec<PathBuf>> {
    desk.run(move |a| a.removable_media()).await
}

/// Writes the chosen copies into a new folder in `folder`: `copy_ids` certified here,
/// `fetched_ids` fetched from the shared store for this visit (none when it is not linked).
#[tauri::command]
pub async fn export_copies(
    desk: State<'_, Desk>,
    visit_id: i64,
    copy_ids: Vec<i64>,
    fetched_ids: Vec<i64>,
    folder: PathBuf,
) -> Reply<ExportReport> {
    desk.run(move |a| {
        let chosen = Chosen {
            copies: &copy_ids,
            fetched: &fetched_ids,
        };
        a.hand_over(&Disk, visit_id, chosen, &folder)
    })
    .await
}

#[tauri::command]
pub async fn printers(desk: State<'_, Desk>) -> Reply<Vec<PrinterInfo>> {
    desk.run(move |a| a.printers()).await
}

#[tauri::command]
pub async fn chosen_printer(desk: State<'_, Desk>) -> Reply<Option<String>> {
    desk.run(move |a| a.chosen_printer()).await
}

#[tauri::command]
pub async fn set_printer(desk: State<'_, Desk>, name: String) -> Reply<PrinterInfo> {
    desk.run(move |a| a.set_printer(&name)).await
}
