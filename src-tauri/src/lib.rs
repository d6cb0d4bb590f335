//! The desktop shell: opens the store, registers the commands, shows the window. Everything
//! else happens in `rastau-core`.
mod commands;
mod inbox;
mod launch;
mod pushing;
mod state;

use inbox::{ActiveVisit, ScanFolder};
use state::{Desk, Running};

pub fn run() {
    let options = launch::Options::from_args(std::env::args().skip(1));
    let desk = Desk::open(&options);
    let scan_folder = inbox::folder(&options.data_dir);
    let data_dir = options.data_dir.clone();
    tauri::Builder::default()
        .manage(desk)
        .manage(Running::default())
        .manage(ActiveVisit::default())
        .manage(ScanFolder(scan_folder.clone()))
        .setup(move |app| {
            inbox::watch(app.handle().clone(), scan_folder);
            state::keep_sweeping(app.handle().clone());
            pushing::keep_pushing(app.handle().clone(), data_dir);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("the window could not be opened");
}
