use crate::state::Desk;
use rastau_core::center::CenterProfile;
use rastau_core::{ErrorPayload, Status};
use tauri::State;

#[tauri::command]
pub fn update_center(desk: State<Desk>, profile: CenterProfile) -> Result<Status, ErrorPayload> {
    desk.with(|app| app.update_center(&profile))
}
