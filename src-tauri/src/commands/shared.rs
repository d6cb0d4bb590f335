use crate::state::{off_main, Desk};
use rastau_core::shared_link::{LinkView, SharedStatus};
use rastau_core::ErrorPayload;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

/// Whether this installation is linked to the shared store, and how its server answers the
/// installation's own role now. Anyone signed in; asking is no activity (the window asks every
/// minute). The store is let go before the server is asked: a server that does not answer holds
/// the probe for its five seconds, and the counter's commands go on meanwhile.
#[tauri::command]
pub async fn shared_status(desk: State<'_, Desk>) -> Reply<SharedStatus> {
    let state = desk.run(|app| app.shared_link_state()).await?;
    off_main(move || Ok(state.probe())).await
}

/// Links this installation to the center `center` of the shared store reached with the
/// administrator's `url`, which is used once and kept nowhere; the supervisor's `password`
/// again, for the shared store's own check of it. Supervisors only.
#[tauri::command]
pub async fn join_shared(
    desk: State<'_, Desk>,
    url: String,
    center: String,
    password: String,
) -> Reply<SharedStatus> {
    desk.run(move |app| app.join_shared(&url, &center, &password))
        .await
}

/// Unlinks this installation; its PostgreSQL role stays on the server. Supervisors only.
#[tauri::command]
pub async fn leave_shared(desk: State<'_, Desk>) -> Reply<LinkView> {
    desk.run(|app| app.leave_shared()).await
}
