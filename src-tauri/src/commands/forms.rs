use crate::state::Desk;
use rastau_core::preview;
use rastau_core::printing::JobId;
use rastau_core::visit::VisitView;
use rastau_core::{Error, ErrorPayload, Lang};
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

/// Prints Annex 1 for the applicant to sign, in the language the applicant chose.
#[tauri::command]
pub async fn print_consent(desk: State<'_, Desk>, visit_id: i64, lang: Lang) -> Reply<JobId> {
    desk.run(move |a| {
        let pdf = a.consent_form(visit_id, lang)?;
        a.print_pdf(&pdf, &format!("consent-{visit_id}-{}", lang.code()))
    })
    .await
}

/// Prints the receipt with the center's sealed QR code.
#[tauri::command]
pub async fn print_receipt(desk: State<'_, Desk>, visit_id: i64, lang: Lang) -> Reply<JobId> {
    desk.run(move |a| a.print_receipt(visit_id, lang)).await
}

/// The consent's pages as images, shown before printing.
#[tauri::command]
pub async fn preview_consent(
    desk: State<'_, Desk>,
    visit_id: i64,
    lang: Lang,
) -> Reply<Vec<String>> {
    desk.run(move |a| preview::pages(&a.consent_form(visit_id, lang)?))
        .await
}

/// The receipt's pages as images, shown before printing.
#[tauri::command]
pub async fn preview_receipt(
    desk: State<'_, Desk>,
    visit_id: i64,
    lang: Lang,
) -> Reply<Vec<String>> {
    desk.run(move |a| preview::pages(&a.sealed_receipt(visit_id, lang)?))
        .await
}

/// Keeps the scan of the signed consent (an image or a PDF file) with the visit.
#[tauri::command]
pub async fn attach_consent_scan(
    desk: State<'_, Desk>,
    visit_id: i64,
    path: PathBuf,
) -> Reply<VisitView> {
    let bytes = std::fs::read(&path).map_err(|e| Error::Io(e).payload())?;
    desk.run(move |a| a.attach_consent_scan(visit_id, &bytes))
        .await
}
