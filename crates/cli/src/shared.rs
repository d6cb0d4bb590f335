//! `rastau shared …`: the shared store of the centers (PostgreSQL).
use crate::custody::fault_text;
use crate::sign_in::{self, signed_in};
use chrono::{DateTime, Utc};
use rastau_core::dates::date_time;
use rastau_core::i18n::Messages;
use rastau_core::push::push_linked;
use rastau_core::shared_link::{LinkView, ServerAnswer, SharedStatus};
use rastau_core::store::Store;
use rastau_core::Rastau;

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

/// Runs the shared store's retention as its owner role; says what it removed.
pub fn retention(url: &str, messages: &Messages) -> Result<String, String> {
    let report = rastau_shared::connect(url)
        .and_then(|mut client| rastau_shared::run_retention(&mut client))
        .map_err(|e| messages.coded(&e))?;
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    Ok(messages.text(
        "shared-retention-report",
        [
            ("copies", count(report.copies).into()),
            ("files", count(report.files).into()),
            ("bytes", count(report.bytes).into()),
        ],
    ))
}

/// Walks every installation's audit chain in the shared store; `Err` (exit code 1) when any is
/// broken, with the whole report.
pub fn audit_verify(url: &str, m: &Messages) -> Result<String, String> {
    let chains = rastau_shared::connect(url)
        .and_then(|mut client| rastau_core::audit::shared::verify(&mut client))
        .map_err(|e| m.coded(&e))?;
    let mut lines = vec![];
    let mut broken = 0i64;
    for chain in &chains {
        let counted = m.text(
            "shared-audit-installation",
            [
                ("installation", chain.installation.as_str().into()),
                ("center", chain.center.as_str().into()),
                ("entries", chain.report.entries.into()),
                ("head", chain.report.head.as_str().into()),
            ],
        );
        let verdict = match &chain.report.fault {
            None => m.text("shared-audit-sound", []),
            Some(fault) => {
                broken += 1;
                fault_text(fault, m)
            }
        };
        lines.push(format!("{counted} {verdict}"));
    }
    lines.push(m.text(
        "shared-audit-summary",
        [
            ("installations", (chains.len() as i64).into()),
            ("broken", broken.into()),
        ],
    ));
    let report = lines.join("\n");
    if broken == 0 {
        Ok(report)
    } else {
        Err(report)
    }
}

/// Links this installation to a center, a supervisor signing in; says the link's state after.
pub fn join(
    store: Store,
    url: &str,
    center: &str,
    iin: &str,
    m: &Messages,
) -> Result<String, String> {
    let password = sign_in::password(m)?;
    let status = sign_in::signed_in_with(store, iin, &password, m)?
        .join_shared(url, center, &password)
        .map_err(|e| m.error(&e))?;
    Ok(describe(&status, m))
}

/// Unlinks this installation, a supervisor signing in; the role left on the server is named.
pub fn leave(store: Store, iin: &str, m: &Messages) -> Result<String, String> {
    let link = signed_in(store, iin, m)?
        .leave_shared()
        .map_err(|e| m.error(&e))?;
    Ok(m.text(
        "shared-left",
        [
            ("center", link.center.as_str().into()),
            ("role", link.role.as_str().into()),
        ],
    ))
}

/// The link's state; nobody signs in, since it shows no secret.
pub fn status(store: Store, m: &Messages) -> Result<String, String> {
    let app = Rastau::new(store, Box::new(rastau_core::clock::SystemClock));
    let status = app.shared_status().map_err(|e| m.error(&e))?;
    Ok(describe(&status, m))
}

/// Pushes what waits; the counts of what went up.
pub fn sync(mut store: Store, batch: u32, m: &Messages) -> Result<String, String> {
    let report = push_linked(&mut store, batch, Utc::now()).map_err(|e| m.error(&e))?;
    let pulled = m.text("shared-staff-pulled", [("count", report.staff.into())]);
    let pushed = m.text(
        "shared-synced",
        [
            ("entries", report.entries.into()),
            ("visits", report.visits.into()),
            ("copies", report.copies.into()),
            ("notices", report.notices.into()),
            ("handovers", report.handovers.into()),
            ("signoffs", report.signoffs.into()),
            ("files", report.files.into()),
            (
                "megabytes",
                format!("{:.1}", report.bytes as f64 / 1e6).into(),
            ),
        ],
    );
    Ok(format!("{pushed}\n{pulled}"))
}

fn describe(status: &SharedStatus, m: &Messages) -> String {
    match status {
        SharedStatus::NotLinked => m.text("shared-status-not-linked", []),
        SharedStatus::Linked {
            link,
            answer,
            waiting,
            last_exchange,
        } => [
            linked(link, m),
            answered(answer, m),
            m.text("shared-status-waiting", [("count", (*waiting).into())]),
            exchanged(last_exchange.as_deref(), m),
        ]
        .join("\n"),
    }
}

fn linked(link: &LinkView, m: &Messages) -> String {
    m.text(
        "shared-status-linked",
        [
            ("center", link.center.as_str().into()),
            ("installation", link.installation.as_str().into()),
            ("host", link.host.as_str().into()),
            ("port", link.port.to_string().into()),
            ("role", link.role.as_str().into()),
        ],
    )
}

fn answered(answer: &ServerAnswer, m: &Messages) -> String {
    match answer {
        ServerAnswer::Reachable => m.text("shared-status-reachable", []),
        ServerAnswer::CredentialsRefused => m.text("shared-status-credentials-refused", []),
        ServerAnswer::Unreachable { reason } => m.text(
            "shared-status-unreachable",
            [("reason", m.payload(reason).into())],
        ),
    }
}

fn exchanged(at: Option<&str>, m: &Messages) -> String {
    let at = at.and_then(|at| DateTime::parse_from_rfc3339(at).ok());
    match at {
        Some(at) => m.text(
            "shared-status-last-exchange",
            [("at", date_time(at.with_timezone(&Utc)).into())],
        ),
        None => m.text("shared-status-never-exchanged", []),
    }
}
