use crate::state::Desk;
use rastau_core::{ErrorPayload, FirstStart, Lang, Status};
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn status(desk: State<'_, Desk>) -> Reply<Status> {
    desk.run(move |app| app.status()).await
}

#[tauri::command]
pub async fn first_start(desk: State<'_, Desk>, request: FirstStart) -> Reply<Status> {
    desk.run(move |app| app.first_start(&request)).await
}

#[tauri::command]
pub async fn login(desk: State<'_, Desk>, iin: String, password: String) -> Reply<Status> {
    desk.run(move |app| app.login(&iin, &password)).await
}

#[tauri::command]
pub async fn logout(desk: State<'_, Desk>) -> Reply<Status> {
    desk.run(move |app| app.logout()).await
}

#[tauri::command]
pub async fn lock(desk: State<'_, Desk>) -> Reply<Status> {
    desk.run(move |app| app.lock()).await
}

#[tauri::command]
pub async fn unlock(desk: State<'_, Desk>, password: String) -> Reply<Status> {
    desk.run(move |app| app.unlock(&password)).await
}

#[tauri::command]
pub async fn choose_password(desk: State<'_, Desk>, current: String, new: String) -> Reply<Status> {
    desk.run(move |app| app.choose_password(&current, &new))
        .await
}

#[tauri::command]
pub async fn touch(desk: State<'_, Desk>) -> Reply<()> {
    desk.run(move |app| app.touch()).await
}

#[tauri::command]
pub async fn set_language(desk: State<'_, Desk>, language: Lang) -> Reply<Status> {
    desk.run(move |app| app.set_language(language)).await
}

#[tauri::command]
pub async fn demo_logins(desk: State<'_, Desk>) -> Reply<Vec<rastau_core::demo::DemoLogin>> {
    desk.run(move |app| app.demo_logins()).await
}
