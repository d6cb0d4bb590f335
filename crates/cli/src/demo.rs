//! `rastau demo`.
use rastau_core::demo::{Extent, Filled, WeekReport, CA_FILE, DEMO_PASSWORD};
use rastau_core::i18n::Messages;
use rastau_core::store::{demo_data_dir, Store};
use std::path::PathBuf;

pub fn run(
    data_dir: Option<PathBuf>,
    extent: Extent,
    messages: &Messages,
) -> Result<String, String> {
    let dir = demo_data_dir(data_dir);
    let fail = |e: rastau_core::Error| messages.error(&e);
    let mut store = Store::open(&dir).map_err(fail)?;
    let filled = rastau_core::demo::fill(&mut store, chrono::Utc::now(), extent).map_err(fail)?;
    Ok(report(&dir, &filled, messages))
}

fn report(dir: &std::path::Path, filled: &Filled, messages: &Messages) -> String {
    let mut lines = vec![dir.display().to_string()];
    for login in &filled.logins {
        let role = messages.text(&format!("role-{}", login.role.code()), []);
        lines.push(format!(
            "  {} {} ({role}) / {}",
            login.iin, login.full_name, login.password
        ));
    }
    if let Some(keys) = &filled.keys {
        let folder = keys.display().to_string();
        lines.push(messages.text(
            "demo-keys",
            [
                ("folder", folder.as_str().into()),
                ("password", DEMO_PASSWORD.into()),
                ("ca", CA_FILE.into()),
            ],
        ));
    }
    if let Some(week) = &filled.week {
        lines.push(week_line(week, messages));
    }
    lines.join("\n")
}

fn week_line(week: &WeekReport, messages: &Messages) -> String {
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    let signed: Vec<String> = week.signed_off.iter().copied().map(day).collect();
    messages.text(
        "demo-week",
        [
            ("from", day(week.from).into()),
            ("to", day(week.to).into()),
            ("visits", week.visits.into()),
            ("copies", week.copies.into()),
            ("refused", week.refused.into()),
            ("notices", week.notices.into()),
            ("over", week.over_limit.into()),
            ("signed", signed.join(", ").into()),
        ],
    )
}
