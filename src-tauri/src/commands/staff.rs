use crate::state::Desk;
use rastau_core::account::{Account, AccountChanges, NewAccount};
use rastau_core::ErrorPayload;
use tauri::State;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn accounts(desk: State<Desk>) -> Reply<Vec<Account>> {
    desk.with(|app| app.accounts())
}

#[tauri::command]
pub fn create_clerk(desk: State<Desk>, account: NewAccount) -> Reply<Account> {
    desk.with(|app| app.create_clerk(&account))
}

#[tauri::command]
pub fn update_account(desk: State<Desk>, changes: AccountChanges) -> Reply<Account> {
    desk.with(|app| app.update_account(&changes))
}

#[tauri::command]
pub fn set_account_active(desk: State<Desk>, id: i64, active: bool) -> Reply<Account> {
    desk.with(|app| app.set_account_active(id, active))
}
