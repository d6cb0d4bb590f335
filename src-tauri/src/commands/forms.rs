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
pub fn print_consent(desk: State<Desk>, visit_id: i64, lang: Lang) -> Reply<JobId> {
    desk.with(|a| {
        let pdf = a.consent_form(visit_id, lang)?;
        a.print_pdf(&pdf, &format!("consent-{visit_id}-{}", lang.code()))
    })
}

/// Prints the receipt with the center's sealed QR code.
#[tauri::command]
pub fn print_receipt(desk: State<Desk>, visit_id: i64, lang: Lang) -> Reply<JobId> {
    desk.with(|a| a.print_receipt(visit_id, lang))
}

/// The consent's pages as images, shown before printing.
#[tauri::command]
pub fn preview_consent(desk: State<Desk>, visit_id: i64, lang: Lang) -> Reply<Vec<String>> {
    desk.with(|a| preview::pages(&a.consent_form(visit_id, lang)?))
}

/// The receipt's pages as images, shown before printing.
#[tauri::command]
pub fn preview_receipt(desk: State<Desk>, visit_id: i64, lang: Lang) -> Reply<Vec<String>> {
    desk.with(|a| preview::pages(&a.sealed_receipt(visit_id, lang)?))
}

/// Keeps the scan of the signed consent (an image or a PDF file) with the visit.
#[tauri::command]
pub fn attach_consent_scan(desk: State<Desk>, visit_id: i64, path: PathBuf) -> Reply<VisitView> {
    let bytes = std::fs::read(&path).map_err(|e| Error::Io(e).payload())?;
    desk.with(|a| a.attach_consent_scan(visit_id, &bytes))
}
