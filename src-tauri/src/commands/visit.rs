use crate::state::Desk;
use rastau_core::applicant::Lookup;
use rastau_core::visit::{Document, DocumentSuggestions, OpenVisit, Present, VisitView};
use rastau_core::ErrorPayload;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn lookup_applicant(desk: State<Desk>, tax_id: String) -> Reply<Lookup> {
    desk.with(|app| app.lookup_applicant(&tax_id))
}

#[tauri::command]
pub fn open_visit(desk: State<Desk>, request: OpenVisit) -> Reply<VisitView> {
    desk.with(|app| app.open_visit(&request))
}

#[tauri::command]
pub fn set_documents(
    desk: State<Desk>,
    visit_id: i64,
    documents: Vec<Document>,
    copies_on_media: bool,
) -> Reply<VisitView> {
    desk.with(|app| app.set_documents(visit_id, &documents, copies_on_media))
}

#[tauri::command]
pub fn confirm_consent(desk: State<Desk>, visit_id: i64, present: Present) -> Reply<VisitView> {
    desk.with(|app| app.confirm_consent(visit_id, present))
}

#[tauri::command]
pub fn close_visit(desk: State<Desk>, visit_id: i64) -> Reply<VisitView> {
    desk.with(|app| app.close_visit(visit_id))
}

#[tauri::command]
pub fn my_open_visits(desk: State<Desk>) -> Reply<Vec<VisitView>> {
    desk.with(|app| app.my_open_visits())
}

/// Titles and issuers listed at this center before, offered while the clerk types.
#[tauri::command]
pub fn document_suggestions(desk: State<Desk>) -> Reply<DocumentSuggestions> {
    desk.with(|app| app.document_suggestions())
}
