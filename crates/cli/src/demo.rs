//! `rastau demo`.
use rastau_core::i18n::Messages;
use rastau_core::store::{demo_data_dir, Store};
use std::path::PathBuf;

pub fn run(data_dir: Option<PathBuf>, messages: &Messages) -> Result<String, String> {
    let dir = demo_data_dir(data_dir);
    let fail = |e: rastau_core::Error| messages.error(&e);
    let mut store = Store::open(&dir).map_err(fail)?;
    let logins = rastau_core::demo::fill(&mut store, chrono::Utc::now()).map_err(fail)?;
    let mut lines = vec![dir.display().to_string()];
    for login in logins {
        let role = messages.text(&format!("role-{}", login.role.code()), []);
        lines.push(format!(
            "  {} {} ({role}) / {}",
            login.iin, login.full_name, login.password
        ));
    }
    Ok(lines.join("\n"))
}
