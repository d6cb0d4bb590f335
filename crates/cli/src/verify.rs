//! `rastau verify <file> [<signature>]`, `rastau verify --qr <text>` and `rastau seal show`.
use chrono::Utc;
use rastau_core::i18n::Messages;
use rastau_core::seal::{self, SealCheck};
use rastau_core::store::Store;
use rastau_core::verify::{self, Report, SealReport, StoredKind, TimeSource};
use std::path::Path;

/// The report, or the translated reason the file could not be checked. A file that is
/// changed or not from a trusted CA is reported and fails.
pub fn run(
    store: &Store,
    file: &Path,
    signature: Option<&Path>,
    m: &Messages,
) -> Result<String, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| m.error(&e.into()));
    let bytes = read(file)?;
    let signature = signature.map(read).transpose()?;
    let report =
        verify::verify(store, &bytes, signature.as_deref(), Utc::now()).map_err(|e| m.error(&e))?;
    let text = describe(&report, m);
    let v = &report.verification;
    let seal_ok = report.seal.as_ref().is_none_or(sound);
    if v.intact && v.trusted && seal_ok {
        Ok(text)
    } else {
        Err(text)
    }
}

fn describe(report: &Report, m: &Messages) -> String {
    let v = &report.verification;
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%d.%m.%Y").to_string();
    let mut lines = vec![
        m.text(
            "verify-signer",
            [
                ("name", v.signer.subject_name.as_str().into()),
                ("iin", v.signer.iin.as_deref().unwrap_or("—").into()),
            ],
        ),
        m.text(
            "verify-validity",
            [
                ("from", day(v.signer.not_before).into()),
                ("until", day(v.signer.not_after).into()),
            ],
        ),
    ];
    let moment = |t: chrono::DateTime<chrono::Utc>| t.format("%d.%m.%Y %H:%M:%S UTC").to_string();
    if let Some(time) = v.signing_time {
        lines.push(m.text("verify-signing-time", [("time", moment(time).into())]));
    }
    let source = match report.time_source {
        TimeSource::Store => "store",
        TimeSource::Now => "now",
    };
    lines.push(m.text(
        "verify-checked-at",
        [
            ("time", moment(v.checked_at).into()),
            ("source", source.into()),
        ],
    ));
    let said =
        |yes: bool, id: &str| m.text(&format!("{id}-{}", if yes { "yes" } else { "no" }), []);
    lines.push(said(v.intact, "verify-intact"));
    lines.push(said(v.trusted, "verify-trusted"));
    match &report.stored {
        Some(file) => {
            let kind = match file.kind {
                StoredKind::Copy => "copy",
                StoredKind::Notice => "notice",
            };
            lines.push(m.text(
                "verify-in-store",
                [
                    ("kind", kind.into()),
                    ("number", file.number.as_str().into()),
                    ("document", file.title.as_str().into()),
                    ("taxId", file.applicant_tax_id.as_str().into()),
                    ("date", day(file.issued_at).into()),
                ],
            ));
            if file.removed {
                lines.push(m.text("verify-removed", []));
            }
        }
        None => lines.push(m.text("verify-not-in-store", [])),
    }
    lines.extend(report.seal.as_ref().map(|s| describe_seal(s, m)));
    lines.join("\n")
}

/// A seal vouches only if its signature holds and, for a copy in this store, its digest
/// matches; another center's unknown key is reported but is no failure.
fn sound(report: &SealReport) -> bool {
    report.check != SealCheck::Forged && report.matches_store != Some(false)
}

fn describe_seal(report: &SealReport, m: &Messages) -> String {
    let s = &report.seal;
    let check = match report.check {
        SealCheck::Valid => "verify-seal-valid",
        SealCheck::UnknownKey => "verify-seal-unknown-key",
        SealCheck::Forged => "verify-seal-forged",
    };
    let mut lines = vec![
        m.text(
            "verify-seal",
            [
                ("document", s.document.as_str().into()),
                ("taxId", s.tax_id.as_str().into()),
                ("date", s.date.format("%d.%m.%Y").to_string().into()),
            ],
        ),
        m.text(check, [("key", s.key_id.as_str().into())]),
    ];
    if report.matches_store == Some(false) {
        lines.push(m.text("verify-seal-mismatch", []));
    }
    lines.join("\n")
}

/// Checks the text of a QR code on its own.
pub fn qr(store: &Store, text: &str, m: &Messages) -> Result<String, String> {
    let report = verify::check_seal(store.read(), text, None).map_err(|e| m.error(&e))?;
    let text = describe_seal(&report, m);
    if report.check == SealCheck::Valid {
        Ok(text)
    } else {
        Err(text)
    }
}

pub fn seal_show(store: &Store, m: &Messages) -> Result<String, String> {
    match seal::own_public_hex(store.dir()).map_err(|e| m.error(&e))? {
        Some(key) => Ok(key),
        None => Err(m.text("seal-none-yet", [])),
    }
}
