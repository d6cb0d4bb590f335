//! `rastau shared …`: the shared store of the centers (PostgreSQL).
use rastau_core::i18n::Messages;

/// Creates or migrates the shared store's schema and roles; says what it did.
pub fn init(url: &str, messages: &Messages) -> Result<String, String> {
    let report = rastau_shared::connect(url)
        .and_then(|mut client| rastau_shared::init(&mut client))
        .map_err(|e| messages.coded(&e))?;
    let mut lines = vec![];
    if !report.roles_created.is_empty() {
        let roles = report.roles_created.join(", ");
        lines.push(messages.text("shared-init-roles-created", [("roles", roles.into())]));
    }
    if report.from_version == report.to_version {
        let version = report.to_version.into();
        lines.push(messages.text("shared-init-up-to-date", [("version", version)]));
    } else {
        lines.push(messages.text(
            "shared-init-migrated",
            [
                ("from", report.from_version.into()),
                ("to", report.to_version.into()),
            ],
        ));
    }
    Ok(lines.join("\n"))
}
