use crate::state::Desk;
use rastau_core::{ErrorPayload, FirstStart, Lang, Status};
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn status(desk: State<Desk>) -> Reply<Status> {
    desk.with(|app| app.status())
}

#[tauri::command]
pub fn first_start(desk: State<Desk>, request: FirstStart) -> Reply<Status> {
    desk.with(|app| app.first_start(&request))
}

#[tauri::command]
pub fn login(desk: State<Desk>, iin: String, password: String) -> Reply<Status> {
    desk.with(|app| app.login(&iin, &password))
}

#[tauri::command]
pub fn logout(desk: State<Desk>) -> Reply<Status> {
    desk.with(|app| app.logout())
}

#[tauri::command]
pub fn lock(desk: State<Desk>) -> Reply<Status> {
    desk.with(|app| app.lock())
}

#[tauri::command]
pub fn unlock(desk: State<Desk>, password: String) -> Reply<Status> {
    desk.with(|app| app.unlock(&password))
}

#[tauri::command]
pub fn choose_password(desk: State<Desk>, current: String, new: String) -> Reply<Status> {
    desk.with(|app| app.choose_password(&current, &new))
}

#[tauri::command]
pub fn touch(desk: State<Desk>) -> Reply<()> {
    desk.with(|app| app.touch())
}

#[tauri::command]
pub fn set_language(desk: State<Desk>, language: Lang) -> Reply<Status> {
    desk.with(|app| app.set_language(language))
}

#[tauri::command]
pub fn demo_logins(desk: State<Desk>) -> Reply<Vec<rastau_core::demo::DemoLogin>> {
    desk.with(|app| app.demo_logins())
}
