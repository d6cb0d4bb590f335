//! `rastau trust add|list|remove` (the CAs keys must chain to), `rastau trust seal` (another
//! center's seal key), `rastau trust without-status` (signing when a key's revocation status
//! cannot be had) and `rastau trust key-source` (key files or NCALayer). Each signs a supervisor in and goes through the application, which
//! checks the role and writes the audit entry, exactly as the window does.
use crate::sign_in::signed_in;
use rastau_core::i18n::Messages;
use rastau_core::key_source::{KeySource, KeySourceSettings, KeyStorage};
use rastau_core::signature_policy::WithoutStatus;
use rastau_core::store::Store;
use rastau_core::trust::TrustedCa;
use std::path::Path;

pub fn add(store: Store, file: &Path, iin: &str, m: &Messages) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| m.error(&e.into()))?;
    let added = signed_in(store, iin, m)?
        .trust_ca(&bytes)
        .map_err(|e| m.error(&e))?;
    Ok(added
        .iter()
        .map(|ca| describe(ca, "trust-added", m))
        .collect::<Vec<_>>()
        .join("\n"))
}

pub fn list(store: Store, iin: &str, m: &Messages) -> Result<String, String> {
    let cas = signed_in(store, iin, m)?
        .trusted_cas()
        .map_err(|e| m.error(&e))?;
    if cas.is_empty() {
        return Ok(m.text("trust-list-empty", []));
    }
    let lines: Vec<String> = cas
        .iter()
        .map(|ca| describe(ca, "trust-list-entry", m))
        .collect();
    Ok(lines.join("\n"))
}

pub fn remove(store: Store, id: &str, iin: &str, m: &Messages) -> Result<String, String> {
    signed_in(store, iin, m)?
        .remove_trusted_ca(id)
        .map_err(|e| m.error(&e))?;
    Ok(m.text("trust-removed", [("id", id.into())]))
}

pub fn seal(store: Store, key: &str, iin: &str, m: &Messages) -> Result<String, String> {
    let id = signed_in(store, iin, m)?
        .trust_seal(key)
        .map_err(|e| m.error(&e))?;
    Ok(m.text("trust-seal-added", [("key", id.as_str().into())]))
}

/// How the center signs: its choice for keys whose revocation status or a timestamp cannot be
/// had, and its timestamp authority; each changed when given, then both said.
pub fn signature_policy(
    store: Store,
    choice: Option<WithoutStatus>,
    tsa: Option<String>,
    iin: &str,
    m: &Messages,
) -> Result<String, String> {
    let mut app = signed_in(store, iin, m)?;
    let mut policy = app.signature_policy().map_err(|e| m.error(&e))?;
    if choice.is_some() || tsa.is_some() {
        policy.without_status = choice.unwrap_or(policy.without_status);
        policy.timestamp_url = tsa.or(policy.timestamp_url);
        policy = app.set_signature_policy(&policy).map_err(|e| m.error(&e))?;
    }
    let choice = m.text(
        match policy.without_status {
            WithoutStatus::Refuse => "trust-without-status-refuse",
            WithoutStatus::Allow => "trust-without-status-allow",
        },
        [],
    );
    let tsa = match &policy.timestamp_url {
        Some(url) => m.text("trust-tsa", [("url", url.as_str().into())]),
        None => m.text("trust-tsa-none", []),
    };
    Ok(format!("{choice}\n{tsa}"))
}

/// How the center's keys are opened: set when `source` or `storages` is given (what is left
/// out stays as chosen before), then said.
pub fn key_source(
    store: Store,
    source: Option<KeySource>,
    storages: Vec<KeyStorage>,
    iin: &str,
    m: &Messages,
) -> Result<String, String> {
    let mut app = signed_in(store, iin, m)?;
    let now = app.key_source().map_err(|e| m.error(&e))?;
    let settings = if source.is_none() && storages.is_empty() {
        now
    } else {
        let chosen = KeySourceSettings {
            source: source.unwrap_or(now.source),
            storages: if storages.is_empty() {
                now.storages
            } else {
                storages
            },
        };
        app.set_key_source(&chosen).map_err(|e| m.error(&e))?
    };
    let storages: Vec<String> = settings
        .storages
        .iter()
        .map(|s| m.text(&format!("key-storage-{}", s.code()), []))
        .collect();
    Ok(m.text(
        match settings.source {
            KeySource::Pkcs12 => "trust-key-source-pkcs12",
            KeySource::NcaLayer => "trust-key-source-ncalayer",
        },
        [("storages", storages.join(", ").into())],
    ))
}

/// One trusted CA in words, by the message `id`; an unreadable entry says so whatever `id`.
fn describe(ca: &TrustedCa, id: &str, m: &Messages) -> String {
    let day = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| t.format("%d.%m.%Y").to_string())
            .unwrap_or_default()
    };
    match &ca.subject {
        None => m.text("trust-list-unreadable", [("id", ca.id.as_str().into())]),
        Some(subject) => m.text(
            id,
            [
                ("subject", subject.as_str().into()),
                ("issuer", ca.issuer.as_deref().unwrap_or_default().into()),
                ("from", day(ca.valid_from).into()),
                ("until", day(ca.valid_until).into()),
                ("id", ca.id.as_str().into()),
            ],
        ),
    }
}
