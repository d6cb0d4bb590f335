//! The report of a signature check (Электрондық цифрлық қолтаңбаны тексеру хаттамасы /
//! Протокол проверки электронной цифровой подписи), for an applicant or a receiving body: the
//! file and its SHA-256, the signer, the ETSI EN 319 102-1 indication in words and as its code,
//! the reasons, the time used and who vouches for it, the revocation status and where it was
//! read, the center's seal if the file carries one, and which center made the report when.
//!
//! In Kazakh or Russian, chosen per report like the receipt; A4 like every form.
use crate::center::CenterProfile;
use crate::error::Result;
use crate::i18n::Messages;
use crate::lang::Lang;
use crate::verify::{moment, VerifyView};
use chrono::{DateTime, Utc};
use rastau_pdf::{Align, Cell, Flow, Orientation, Table, TextStyle};

const MARGINS: [f32; 4] = [25.0, 18.0, 18.0, 18.0];
const LABEL_GRAY: f32 = 0.3;
const SHADE: f32 = 0.94;

/// What the report tells.
pub struct ReportFacts<'a> {
    pub center: &'a CenterProfile,
    /// The checked file's name as the clerk chose it.
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    /// The detached signature's file name, when one was checked.
    pub signature_name: Option<&'a str>,
    pub view: &'a VerifyView,
    pub made_at: DateTime<Utc>,
}

/// The report in `lang`.
pub fn verification_report_pdf(facts: &ReportFacts, lang: Lang) -> Result<Vec<u8>> {
    let m = Messages::new(lang);
    let v = facts.view;
    let worded = v.validation.worded(&m);
    let mut flow = Flow::a4(Orientation::Portrait, MARGINS);
    let center = |style: TextStyle| style.align(Align::Center);
    flow.text(facts.center.name(lang), &center(TextStyle::bold(12.0)));
    flow.text(
        &facts.center.address,
        &center(TextStyle::regular(9.0)).gray(LABEL_GRAY),
    );
    let (x, width) = (flow.left, flow.width);
    let (page, y) = flow.reserve(8.0);
    page.rule(x, x + width, y + 5.0, 1.0, 0.0);
    flow.skip(16.0);
    flow.text(
        &m.text("verify-report-title", []),
        &center(TextStyle::bold(14.0)),
    );
    flow.text(
        &m.text("verify-report-subtitle", []),
        &center(TextStyle::regular(10.0)),
    );
    flow.skip(14.0);

    // The verdict first, as large as the title: what the reader came for.
    let verdict = TextStyle::bold(13.0).align(Align::Center);
    let verdict = match v.validation.indication.as_str() {
        "passed" => verdict,
        _ => verdict.gray(0.15),
    };
    flow.text(&worded.indication, &verdict);
    flow.text(&worded.code, &center(TextStyle::regular(10.0)));
    flow.skip(12.0);

    let none = m.text("verify-report-none", []);
    let mut rows = vec![
        (m.text("verify-report-file", []), facts.file_name.to_owned()),
        (
            m.text("verify-report-sha256", []),
            facts.file_sha256.to_owned(),
        ),
    ];
    if let Some(name) = facts.signature_name {
        rows.push((m.text("verify-report-signature-file", []), name.to_owned()));
    }
    rows.push((
        m.text("verify-report-signer", []),
        match &v.signer_iin {
            Some(iin) => format!("{}, {iin}", v.signer_name),
            None => v.signer_name.clone(),
        },
    ));
    rows.push((
        m.text("verify-report-certificate", []),
        format!("{} – {}", moment(v.valid_from), moment(v.valid_until)),
    ));
    rows.push((
        m.text("verify-report-indication", []),
        format!("{}\n{}", worded.indication, worded.code),
    ));
    rows.push((
        m.text("verify-report-reasons", []),
        if worded.reasons.is_empty() {
            none.clone()
        } else {
            worded.reasons.join("\n")
        },
    ));
    rows.push((m.text("verify-report-time", []), worded.time.clone()));
    rows.push((
        m.text("verify-report-revocation", []),
        worded.revocation.clone(),
    ));
    rows.push((
        m.text("verify-report-claimed", []),
        v.signing_time.map(moment).unwrap_or_else(|| none.clone()),
    ));
    rows.push((
        m.text("verify-report-store", []),
        match &v.in_store {
            Some(s) => m.text(
                "verify-in-store",
                [
                    ("kind", s.kind.code().into()),
                    ("number", s.number.as_str().into()),
                    ("document", s.title.as_str().into()),
                    ("taxId", s.tax_id.as_str().into()),
                    ("date", crate::dates::date_time(s.issued_at).as_str().into()),
                ],
            ),
            None => m.text("verify-not-in-store", []),
        },
    ));
    if let Some(seal) = &v.seal {
        let check = match seal.check {
            crate::seal::SealCheck::Valid => "verify-seal-valid",
            crate::seal::SealCheck::UnknownKey => "verify-seal-unknown-key",
            crate::seal::SealCheck::Forged => "verify-seal-forged",
        };
        let mut text = m.text(check, [("key", seal.key_id.as_str().into())]);
        if seal.matches_store == Some(false) {
            text = format!("{text}\n{}", m.text("verify-seal-mismatch", []));
        }
        rows.push((m.text("verify-report-seal", []), text));
    }
    let label = TextStyle::regular(10.0).gray(LABEL_GRAY);
    let value = TextStyle::regular(10.5);
    let mut table = Table::new(vec![flow.width * 0.3, flow.width * 0.7]);
    for (l, text) in rows {
        table.row(vec![
            Cell::new(l, label).shaded(SHADE),
            Cell::new(text, value),
        ]);
    }
    flow.table(&table, None);
    flow.skip(16.0);
    let made = m.text(
        "verify-report-made",
        [
            ("center", facts.center.name(lang).into()),
            ("time", moment(facts.made_at).as_str().into()),
        ],
    );
    flow.text(&made, &TextStyle::regular(10.5));
    flow.skip(6.0);
    flow.text(
        &m.text("verify-report-note", []),
        &TextStyle::regular(8.5).gray(LABEL_GRAY),
    );
    super::to_pdf(flow, m.text("verify-report-title", []))
}
