use crate::state::Desk;
use rastau_core::handover::ExportReport;
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
pub fn removable_media(desk: State<Desk>) -> Reply<Vec<PathBuf>> {
    desk.with(|a| a.removable_media())
}

#[tauri::command]
pub fn export_copies(
    desk: State<Desk>,
    visit_id: i64,
    copy_ids: Vec<i64>,
    folder: PathBuf,
) -> Reply<ExportReport> {
    desk.with(|a| a.export_copies(visit_id, &copy_ids, &folder))
}

#[tauri::command]
pub fn printers(desk: State<Desk>) -> Reply<Vec<PrinterInfo>> {
    desk.with(|a| a.printers())
}

#[tauri::command]
pub fn chosen_printer(desk: State<Desk>) -> Reply<Option<String>> {
    desk.with(|a| a.chosen_printer())
}

#[tauri::command]
pub fn set_printer(desk: State<Desk>, name: String) -> Reply<PrinterInfo> {
    desk.with(|a| a.set_printer(&name))
}
