//! The desktop shell: opens the store, registers the commands, shows the window. Everything
//! else happens in `rastau-core`.
mod commands;
mod launch;
mod state;

use state::Desk;

pub fn run() {
    let options = launch::Options::from_args(std::env::args().skip(1));
    let desk = Desk::open(&options);
    tauri::Builder::default()
        .manage(desk)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("the window could not be opened");
}
