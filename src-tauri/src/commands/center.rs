use crate::state::Desk;
use rastau_core::center::CenterProfile;
use rastau_core::{ErrorPayload, Status};
use tauri::State;

#[tauri::command]
pub async fn update_center(
    desk: State<'_, Desk>,
    profile: CenterProfile,
) -> Result<Status, ErrorPayload> {
    desk.run(move |app| app.update_center(&profile)).await
}
