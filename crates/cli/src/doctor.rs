//! `rastau doctor`: the store's files against its records; a summary, and every fault named.
use rastau_core::doctor;
use rastau_core::i18n::Messages;
use rastau_core::store::Store;

/// The report; `Err` (exit code 1) when anything is missing, damaged or orphaned.
pub fn run(store: &Store, messages: &Messages) -> Result<String, String> {
    let report = doctor::check(store).map_err(|e| messages.error(&e))?;
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let mut lines = vec![messages.text(
        "doctor-summary",
        [
            ("checked", i64::from(report.checked).into()),
            ("missing", count(report.missing.len()).into()),
            ("damaged", count(report.damaged.len()).into()),
            ("orphans", count(report.orphans.len()).into()),
        ],
    )];
    let fault = |id: &str, what: &str, file: &str| {
        messages.text(
            id,
            [
                ("what", what.to_owned().into()),
                ("file", file.to_owned().into()),
            ],
        )
    };
    lines.extend(
        report
            .missing
            .iter()
            .map(|(w, f)| fault("doctor-missing", w, f)),
    );
    lines.extend(
        report
            .damaged
            .iter()
            .map(|(w, f)| fault("doctor-damaged", w, f)),
    );
    lines.extend(report.orphans.iter().map(|f| fault("doctor-orphan", "", f)));
    let text = lines.join("\n");
    if report.healthy() {
        Ok(text)
    } else {
        Err(text)
    }
}
