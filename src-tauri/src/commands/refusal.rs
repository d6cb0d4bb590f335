use crate::state::{off_main, Desk};
use rastau_core::printing::JobId;
use rastau_core::refusal::{
    NoticeLanguages, NoticeSigner, NoticeView, RefusalsView, RefuseRequest,
};
use rastau_core::{preview, ErrorPayload};
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn refusals(desk: State<'_, Desk>, visit_id: i64) -> Reply<RefusalsView> {
    desk.run(move |a| a.refusals(visit_id)).await
}

#[tauri::command]
pub async fn refuse(
    desk: State<'_, Desk>,
    visit_id: i64,
    request: RefuseRequest,
) -> Reply<RefusalsView> {
    desk.run(move |a| a.refuse(visit_id, &request)).await
}

#[tauri::command]
pub async fn withdraw_refusal(
    desk: State<'_, Desk>,
    visit_id: i64,
    position: u32,
) -> Reply<RefusalsView> {
    desk.run(move |a| a.withdraw_refusal(visit_id, position))
        .await
}

/// Signs the notice with the key open in this session, or with the supervisor's key file at
/// `key_path` (read here, kept in memory for this one signature). The notice is signed between
/// two short holds on the store: the key's revocation status and timestamp go over the network,
/// and a key in NCALayer waits for its owner's PIN, while the window's other commands answer.
#[tauri::command]
pub async fn issue_notice(
    desk: State<'_, Desk>,
    visit_id: i64,
    languages: NoticeLanguages,
    key_path: Option<PathBuf>,
    password: Option<String>,
) -> Reply<NoticeView> {
    let key = super::key_file(key_path, password)?;
    let job = desk
        .run(move |a| a.start_notice(visit_id, languages, key.as_ref()))
        .await?;
    let signed = off_main(move || job.sign().map_err(ErrorPayload::from)).await?;
    desk.run(move |a| a.finish_notice(signed)).await
}

/// The signed notice's pages as images, shown before printing.
#[tauri::command]
pub async fn preview_notice(desk: State<'_, Desk>, notice_id: i64) -> Reply<Vec<String>> {
    desk.run(move |a| preview::pages(&a.notice_file(notice_id)?))
        .await
}

#[tauri::command]
pub async fn print_notice(desk: State<'_, Desk>, notice_id: i64) -> Reply<JobId> {
    desk.run(move |a| a.print_notice(notice_id)).await
}

#[tauri::command]
pub async fn notices(desk: State<'_, Desk>, tax_id: String) -> Reply<Vec<NoticeView>> {
    desk.run(move |a| a.notices(&tax_id)).await
}

#[tauri::command]
pub async fn notice_signer(desk: State<'_, Desk>) -> Reply<NoticeSigner> {
    desk.run(move |a| a.notice_signer()).await
}

#[tauri::command]
pub async fn set_notice_signer(desk: State<'_, Desk>, who: NoticeSigner) -> Reply<()> {
    desk.run(move |a| a.set_notice_signer(who)).await
}
