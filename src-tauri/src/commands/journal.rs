use crate::state::{off_main, Desk};
use chrono::NaiveDate;
use rastau_core::journal::{CorrectionView, JournalFilter, JournalView, SignOffView};
use rastau_core::preview;
use rastau_core::printing::JobId;
use rastau_core::{ErrorPayload, Lang};
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

/// The journal for the filter; a clerk's own visits only.
#[tauri::command]
pub async fn journal(desk: State<'_, Desk>, filter: JournalFilter) -> Reply<JournalView> {
    desk.run(move |a| a.journal(&filter)).await
}

/// The printed journal's pages as images, shown before printing.
#[tauri::command]
pub async fn preview_journal(
    desk: State<'_, Desk>,
    filter: JournalFilter,
    lang: Lang,
) -> Reply<Vec<String>> {
    desk.run(move |a| preview::pages(&a.journal_pdf(&filter, lang)?))
        .await
}

#[tauri::command]
pub async fn print_journal(
    desk: State<'_, Desk>,
    filter: JournalFilter,
    lang: Lang,
) -> Reply<JobId> {
    desk.run(move |a| a.print_journal(&filter, lang)).await
}

/// Writes the journal as CSV to a new file.
#[tauri::command]
pub async fn export_journal_csv(
    desk: State<'_, Desk>,
    filter: JournalFilter,
    path: PathBuf,
) -> Reply<()> {
    desk.run(move |a| a.export_journal_csv(&filter, &path))
        .await
}

/// Writes the printed journal in `lang` to a new PDF file.
#[tauri::command]
pub async fn export_journal_pdf(
    desk: State<'_, Desk>,
    filter: JournalFilter,
    lang: Lang,
    path: PathBuf,
) -> Reply<()> {
    desk.run(move |a| a.export_journal_pdf(&filter, lang, &path))
        .await
}

/// The save dialog for the CSV file, offering `name`.
#[tauri::command]
pub async fn choose_csv_path(window: tauri::Window, name: String) -> Option<PathBuf> {
    save_dialog(window, name, "CSV (.csv)", "csv").await
}

/// The save dialog for the PDF file, offering `name`.
#[tauri::command]
pub async fn choose_pdf_path(window: tauri::Window, name: String) -> Option<PathBuf> {
    save_dialog(window, name, "PDF (.pdf)", "pdf").await
}

async fn save_dialog(
    window: tauri::Window,
    name: String,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .set_file_name(name)
        .add_filter(kind, &[extension])
        .save_file()
        .await
        .map(|f| f.path().to_path_buf())
}

/// How many visits of the day are still open: the sign-off's confirmation says it.
#[tauri::command]
pub async fn day_open_visits(desk: State<'_, Desk>, day: NaiveDate) -> Reply<u32> {
    desk.run(move |a| a.open_visits_of_day(day)).await
}

/// Signs the day's journal in `lang` with the key open in this session, or with the
/// supervisor's key file at `key_path` (read here, kept in memory for this one signature),
/// between two short holds on the store, as a copy is signed.
#[tauri::command]
pub async fn sign_off_day(
    desk: State<'_, Desk>,
    day: NaiveDate,
    lang: Lang,
    key_path: Option<PathBuf>,
    password: Option<String>,
) -> Reply<SignOffView> {
    let key = super::key_file(key_path, password)?;
    let job = desk
        .run(move |a| a.start_sign_off(day, lang, key.as_ref()))
        .await?;
    let signed = off_main(move || job.sign().map_err(ErrorPayload::from)).await?;
    desk.run(move |a| a.finish_sign_off(signed)).await
}

#[tauri::command]
pub async fn correct_day(
    desk: State<'_, Desk>,
    day: NaiveDate,
    visit_id: Option<i64>,
    text: String,
) -> Reply<Vec<CorrectionView>> {
    desk.run(move |a| a.correct_day(day, visit_id, &text)).await
}
