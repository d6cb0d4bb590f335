//! The applicant's copies kept at other centers (rule 8): looked up in the shared store and
//! fetched for the visit at the counter. Both go over the network, so each runs in three
//! steps: checked under the store, asked of the server with the store let go (a slow server
//! keeps the clerk waiting for an answer, never the window nor the counter's other commands),
//! recorded under the store.
use crate::state::{off_main, Desk};
use rastau_core::fetched::SharedCopyView;
use rastau_core::{ErrorPayload, FetchStart};
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

/// The center of the shared store this installation is linked to, or nothing when it is not:
/// the counter offers the copies kept at other centers only then. Asks the server nothing.
#[tauri::command]
pub async fn shared_center(desk: State<'_, Desk>) -> Reply<Option<String>> {
    desk.run(move |a| a.shared_center()).await
}

/// The copies of the visit's applicant kept anywhere in the shared store, newest first. Each
/// lookup is logged there (the clerk, the visit, the applicant), so only the clerk asks for it.
#[tauri::command]
pub async fn shared_copies(desk: State<'_, Desk>, visit_id: i64) -> Reply<Vec<SharedCopyView>> {
    let lookup = desk.run(move |a| a.start_shared_lookup(visit_id)).await?;
    let (lookup, copies) = off_main(move || {
        let copies = lookup.ask().map_err(|e| e.payload())?;
        Ok((lookup, copies))
    })
    .await?;
    desk.run(move |a| {
        a.finish_shared_lookup(&lookup, &copies)?;
        Ok(copies)
    })
    .await
}

/// Fetches the copy `copy_id` of the installation `installation` for the visit, checked
/// (hashes, signature trusted here) before it is kept; its id among the visit's fetched copies,
/// to hand over.
#[tauri::command]
pub async fn fetch_shared_copy(
    desk: State<'_, Desk>,
    visit_id: i64,
    installation: String,
    copy_id: i64,
) -> Reply<i64> {
    let start = desk
        .run(move |a| a.start_fetch(visit_id, &installation, copy_id))
        .await?;
    let fetch = match start {
        FetchStart::Kept(id) => return Ok(id),
        FetchStart::Ask(fetch) => fetch,
    };
    let fetched = off_main(move || fetch.ask().map_err(|e| e.payload())).await?;
    desk.run(move |a| a.finish_fetch(fetched)).await
}
