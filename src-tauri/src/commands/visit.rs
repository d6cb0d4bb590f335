use crate::state::Desk;
use rastau_core::applicant::Lookup;
use rastau_core::visit::{Document, DocumentSuggestions, OpenVisit, Present, VisitView};
use rastau_core::ErrorPayload;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn lookup_applicant(desk: State<'_, Desk>, tax_id: String) -> Reply<Lookup> {
    desk.run(move |app| app.lookup_applicant(&tax_id)).await
}

#[tauri::command]
pub async fn open_visit(desk: State<'_, Desk>, request: OpenVisit) -> Reply<VisitView> {
    desk.run(move |app| app.open_visit(&request)).await
}

#[tauri::command]
pub async fn set_documents(
    desk: State<'_, Desk>,
    visit_id: i64,
    documents: Vec<Document>,
    copies_on_media: bool,
) -> Reply<VisitView> {
    desk.run(move |app| app.set_documents(visit_id, &documents, copies_on_media))
        .await
}

#[tauri::command]
pub async fn confirm_consent(
    desk: State<'_, Desk>,
    visit_id: i64,
    present: Present,
) -> Reply<VisitView> {
    desk.run(move |app| app.confirm_consent(visit_id, present))
        .await
}

#[tauri::command]
pub async fn close_visit(desk: State<'_, Desk>, visit_id: i64) -> Reply<VisitView> {
    desk.run(move |app| app.close_visit(visit_id)).await
}

#[tauri::command]
pub async fn visit(desk: State<'_, Desk>, visit_id: i64) -> Reply<VisitView> {
    desk.run(move |app| app.visit(visit_id)).await
}

#[tauri::command]
pub async fn my_open_visits(desk: State<'_, Desk>) -> Reply<Vec<VisitView>> {
    desk.run(move |app| app.my_open_visits()).await
}

/// Titles and issuers listed at this center before, offered while the clerk types.
#[tauri::command]
pub async fn document_suggestions(desk: State<'_, Desk>) -> Reply<DocumentSuggestions> {
    desk.run(move |app| app.document_suggestions()).await
}
