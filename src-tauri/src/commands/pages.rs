use crate::inbox::{ActiveVisit, ScanFolder};
use crate::state::{off_main, Desk, Running, Work};
use rastau_core::scans::{self, PageSource, PageView, ScanRequest, Scanner, ScannerView};
use rastau_core::ErrorPayload;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, State};

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn scanners() -> Reply<Vec<ScannerView>> {
    off_main(|| scans::list_scanners().map_err(|e| e.payload())).await
}

/// Scans into the visit; every page is kept as it arrives and announced as `scan-progress`.
/// The store is held for one page at a time, so the window's other commands go between pages.
#[tauri::command]
pub async fn scan(app: AppHandle, visit_id: i64, request: ScanRequest) -> Reply<Vec<PageView>> {
    off_main(move || {
        let desk = app.state::<Desk>();
        desk.with(|a| a.pages(visit_id))?;
        let cancel = app.state::<Running>().start(Work::Scan);
        let outcome = scans::scan(
            &Scanner::new(),
            &request,
            |n, page| {
                desk.with(|a| {
                    let page = std::slice::from_ref(page);
                    a.keep_pages(visit_id, page, request.source(), request.position)
                })?;
                drop(app.emit("scan-progress", n));
                Ok::<_, ErrorPayload>(())
            },
            &cancel,
        );
        app.state::<Running>().finish(Work::Scan);
        outcome?;
        desk.with(|a| a.pages(visit_id))
    })
    .await
}

#[tauri::command]
pub fn cancel_scan(running: State<Running>) {
    running.cancel(Work::Scan);
}

/// The visit's pages; a question only (the strip aims the scan folder with `aim_scan_folder`).
#[tauri::command]
pub async fn pages(desk: State<'_, Desk>, visit_id: i64) -> Reply<Vec<PageView>> {
    desk.run(move |a| a.pages(visit_id)).await
}

/// Files the scan folder receives for visit `visit_id` go to listed document `position` (none:
/// unassigned); answers the folder's path for the counter to name.
#[tauri::command]
pub fn aim_scan_folder(
    active: State<ActiveVisit>,
    folder: State<ScanFolder>,
    visit_id: i64,
    position: Option<u32>,
) -> String {
    active.set(visit_id, position);
    folder.0.display().to_string()
}

/// Page `page_id` large, to check its legibility before certifying.
#[tauri::command]
pub async fn page_image(desk: State<'_, Desk>, page_id: i64) -> Reply<String> {
    desk.run(move |a| a.page_image(page_id)).await
}

#[tauri::command]
pub async fn import_files(
    desk: State<'_, Desk>,
    visit_id: i64,
    paths: Vec<PathBuf>,
    position: Option<u32>,
) -> Reply<Vec<PageView>> {
    desk.run(move |a| {
        let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        a.import_files(visit_id, &paths, PageSource::File, position)
    })
    .await
}

/// The file dialog for scans kept as files: images and PDFs.
#[tauri::command]
pub async fn choose_scan_files(window: tauri::Window) -> Vec<PathBuf> {
    let picked = rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .add_filter(
            "JPEG, PNG, TIFF, PDF",
            &["jpg", "jpeg", "png", "tif", "tiff", "pdf"],
        )
        .pick_files()
        .await;
    picked
        .unwrap_or_default()
        .into_iter()
        .map(|f| f.path().to_path_buf())
        .collect()
}

#[tauri::command]
pub async fn rotate_page(
    desk: State<'_, Desk>,
    page_id: i64,
    degrees: i64,
) -> Reply<Vec<PageView>> {
    desk.run(move |a| a.rotate_page(page_id, degrees)).await
}

#[tauri::command]
pub async fn move_page(desk: State<'_, Desk>, page_id: i64, index: usize) -> Reply<Vec<PageView>> {
    desk.run(move |a| a.move_page(page_id, index)).await
}

#[tauri::command]
pub async fn assign_page(
    desk: State<'_, Desk>,
    page_id: i64,
    position: Option<u32>,
) -> Reply<Vec<PageView>> {
    desk.run(move |a| a.assign_page(page_id, position)).await
}

#[tauri::command]
pub async fn delete_page(desk: State<'_, Desk>, page_id: i64) -> Reply<Vec<PageView>> {
    desk.run(move |a| a.delete_page(page_id)).await
}

#[tauri::command]
pub async fn restore_page(desk: State<'_, Desk>, page_id: i64) -> Reply<Vec<PageView>> {
    desk.run(move |a| a.restore_page(page_id)).await
}

/// Scans one sheet again from the glass, in place of page `page_id`.
#[tauri::command]
pub async fn rescan_page(
    app: AppHandle,
    page_id: i64,
    request: ScanRequest,
) -> Reply<Vec<PageView>> {
    off_main(move || {
        let page = scans::scan_one(&request).map_err(|e| e.payload())?;
        app.state::<Desk>().with(|a| a.replace_page(page_id, &page))
    })
    .await
}

/// Scans the signed consent from the glass and keeps it with the visit.
#[tauri::command]
pub async fn scan_consent(
    app: AppHandle,
    visit_id: i64,
    request: ScanRequest,
) -> Reply<rastau_core::visit::VisitView> {
    off_main(move || {
        let page = scans::scan_one(&request).map_err(|e| e.payload())?;
        app.state::<Desk>()
            .with(|a| a.attach_consent_page(visit_id, &page))
    })
    .await
}
