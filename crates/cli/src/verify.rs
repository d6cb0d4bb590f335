//! `rastau verify <file> [<signature>]`, `rastau verify --qr <text>` and `rastau seal show`.
use chrono::Utc;
use rastau_core::clock::SystemClock;
use rastau_core::i18n::Messages;
use rastau_core::seal::{self, SealCheck};
use rastau_core::store::Store;
use rastau_core::verify::{self, Report, SealReport, StoredKind, TimeSource, ValidationView};
use rastau_core::{Lang, Rastau};
use std::path::Path;

/// The report, or the translated reason the file could not be checked; with `pdf`, the report
/// is also written there as a PDF in the output's language (a new file).
///
/// Exit code: TOTAL-PASSED succeeds and TOTAL-FAILED fails; INDETERMINATE keeps the rule this
/// command always had: it succeeds when the file is unchanged and its signer's certificate
/// chains to a trusted CA at the time used (what is missing is then revocation data, a
/// timestamp or the like, which the report names), and fails otherwise. A forged seal, or one
/// that does not match this store's record, fails in every case.
pub fn run(
    store: Store,
    file: &Path,
    signature: Option<&Path>,
    pdf: Option<&Path>,
    lang: Lang,
    m: &Messages,
) -> Result<String, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| m.error(&e.into()));
    let bytes = read(file)?;
    let signature_bytes = signature.map(read).transpose()?;
    let report = verify::verify(&store, &bytes, signature_bytes.as_deref(), Utc::now())
        .map_err(|e| m.error(&e))?;
    let mut text = describe(&report, m);
    if let Some(pdf) = pdf {
        let app = Rastau::new(store, Box::new(SystemClock));
        app.export_verification_report(file, signature, lang, pdf)
            .map_err(|e| m.error(&e))?;
        text.push('\n');
        text.push_str(&m.text(
            "verify-report-written",
            [("path", pdf.display().to_string().into())],
        ));
    }
    let v = &report.verification;
    let seal_ok = report.seal.as_ref().is_none_or(sound);
    let holds = match ValidationView::from(&report.validation).indication.as_str() {
        "passed" => true,
        "failed" => false,
        _ => v.intact && v.trusted,
    };
    if holds && seal_ok {
        Ok(text)
    } else {
        Err(text)
    }
}

fn describe(report: &Report, m: &Messages) -> String {
    let v = &report.verification;
    let day = |t: chrono::DateTime<chrono::Utc>| t.format("%d.%m.%Y").to_string();
    let worded = ValidationView::from(&report.validation).worded(m);
    let mut lines = vec![
        m.text(
            "verify-indication-line",
            [
                ("words", worded.indication.as_str().into()),
                ("code", worded.code.as_str().into()),
            ],
        ),
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
    lines.push(m.text(
        "verify-time-used-line",
        [("time", worded.time.as_str().into())],
    ));
    lines.push(m.text(
        "verify-revocation-line",
        [("state", worded.revocation.as_str().into())],
    ));
    if !worded.reasons.is_empty() {
        lines.push(m.text("verify-reasons-line", []));
        lines.extend(worded.reasons.iter().map(|r| format!("  - {r}")));
    }
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
