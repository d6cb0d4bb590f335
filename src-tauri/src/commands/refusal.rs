use crate::state::Desk;
use rastau_core::printing::JobId;
use rastau_core::refusal::{
    NoticeLanguages, NoticeSigner, NoticeView, RefusalsView, RefuseRequest,
};
use rastau_core::{preview, ErrorPayload};
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn refusals(desk: State<Desk>, visit_id: i64) -> Reply<RefusalsView> {
    desk.with(|a| a.refusals(visit_id))
}

#[tauri::command]
pub fn refuse(desk: State<Desk>, visit_id: i64, request: RefuseRequest) -> Reply<RefusalsView> {
    desk.with(|a| a.refuse(visit_id, &request))
}

#[tauri::command]
pub fn withdraw_refusal(desk: State<Desk>, visit_id: i64, position: u32) -> Reply<RefusalsView> {
    desk.with(|a| a.withdraw_refusal(visit_id, position))
}

/// Signs the notice with the key open in this session, or with the supervisor's key file at
/// `key_path` (read here, kept in memory for this one signature).
#[tauri::command]
pub fn issue_notice(
    desk: State<Desk>,
    visit_id: i64,
    languages: NoticeLanguages,
    key_path: Option<PathBuf>,
    password: Option<String>,
) -> Reply<NoticeView> {
    let key = super::key_file(key_path, password)?;
    desk.with(|a| a.issue_notice(visit_id, languages, key.as_ref()))
}

/// The signed notice's pages as images, shown before printing.
#[tauri::command]
pub fn preview_notice(desk: State<Desk>, notice_id: i64) -> Reply<Vec<String>> {
    desk.with(|a| preview::pages(&a.notice_file(notice_id)?))
}

#[tauri::command]
pub fn print_notice(desk: State<Desk>, notice_id: i64) -> Reply<JobId> {
    desk.with(|a| a.print_notice(notice_id))
}

#[tauri::command]
pub fn notices(desk: State<Desk>, tax_id: String) -> Reply<Vec<NoticeView>> {
    desk.with(|a| a.notices(&tax_id))
}

#[tauri::command]
pub fn notice_signer(desk: State<Desk>) -> Reply<NoticeSigner> {
    desk.with(|a| a.notice_signer())
}

#[tauri::command]
pub fn set_notice_signer(desk: State<Desk>, who: NoticeSigner) -> Reply<()> {
    desk.with(|a| a.set_notice_signer(who))
}
