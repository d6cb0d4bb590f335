//! Tauri commands: each one turns an `invoke` from the UI into one core call.
mod center;
mod session;
mod staff;
mod visit;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        session::status,
        session::first_start,
        session::login,
        session::logout,
        session::lock,
        session::unlock,
        session::touch,
        session::set_language,
        session::demo_logins,
        staff::accounts,
        staff::create_clerk,
        staff::update_account,
        staff::set_account_active,
        center::update_center,
        visit::lookup_applicant,
        visit::open_visit,
        visit::set_documents,
        visit::confirm_consent,
        visit::close_visit,
        visit::my_open_visits,
    ]
}
