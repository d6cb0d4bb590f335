use crate::state::Desk;
use rastau_core::account::{Account, AccountChanges, NewAccount};
use rastau_core::ErrorPayload;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn accounts(desk: State<'_, Desk>) -> Reply<Vec<Account>> {
    desk.run(move |app| app.accounts()).await
}

#[tauri::command]
pub async fn create_clerk(desk: State<'_, Desk>, account: NewAccount) -> Reply<Account> {
    desk.run(move |app| app.create_clerk(&account)).await
}

#[tauri::command]
pub async fn update_account(desk: State<'_, Desk>, changes: AccountChanges) -> Reply<Account> {
    desk.run(move |app| app.update_account(&changes)).await
}

#[tauri::command]
pub async fn set_account_active(desk: State<'_, Desk>, id: i64, active: bool) -> Reply<Account> {
    desk.run(move |app| app.set_account_active(id, active))
        .await
}
