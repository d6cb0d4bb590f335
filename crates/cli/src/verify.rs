//! `rastau verify <file> [<signature>]` and `rastau trust add <ca.pem>`.
use rastau_core::i18n::Messages;
use rastau_core::store::Store;
use rastau_core::verify::{self, Report};
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
    let report = verify::verify(store, &bytes, signature.as_deref()).map_err(|e| m.error(&e))?;
    let text = describe(&report, m);
    let v = &report.verification;
    if v.intact && v.trusted {
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
    if let Some(time) = v.signing_time {
        let time = time.format("%d.%m.%Y %H:%M:%S UTC").to_string();
        lines.push(m.text("verify-signing-time", [("time", time.into())]));
    }
    let said =
        |yes: bool, id: &str| m.text(&format!("{id}-{}", if yes { "yes" } else { "no" }), []);
    lines.push(said(v.intact, "verify-intact"));
    lines.push(said(v.trusted, "verify-trusted"));
    match &report.stored {
        Some(copy) => {
            lines.push(m.text(
                "verify-in-store",
                [
                    ("number", copy.journal_number.as_str().into()),
                    ("document", copy.document_title.as_str().into()),
                    ("taxId", copy.applicant_tax_id.as_str().into()),
                    ("date", day(copy.certified_at).into()),
                ],
            ));
            if copy.removed {
                lines.push(m.text("verify-removed", []));
            }
        }
        None => lines.push(m.text("verify-not-in-store", [])),
    }
    lines.join("\n")
}

pub fn trust(store: &mut Store, pem: &Path, m: &Messages) -> Result<String, String> {
    let bytes = std::fs::read(pem).map_err(|e| m.error(&e.into()))?;
    store
        .write(|tx| verify::trust(tx, &bytes))
        .map_err(|e| m.error(&e))?;
    Ok(m.text("trust-added", []))
}
