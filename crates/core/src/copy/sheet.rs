//! The certification sheet's words, in Kazakh and Russian, from the shared Fluent files.
use crate::account::Account;
use crate::applicant::Applicant;
use crate::center::CenterProfile;
use crate::dates;
use crate::error::Result;
use crate::i18n::Messages;
use crate::journal_number::JournalNumber;
use crate::lang::Lang;
use crate::seal::{digest_of, Seal, SealKind, Sealed};
use crate::visit::Document;
use chrono::{DateTime, Utc};
use rastau_pdf::{CertificationSheet, Field, SheetText};
use rastau_sign::SealKey;

/// Everything the sheet tells about one certification.
pub(crate) struct Facts<'a> {
    pub applicant: &'a Applicant,
    pub document: &'a Document,
    pub clerk: &'a Account,
    pub center: &'a CenterProfile,
    pub certified_at: DateTime<Utc>,
    /// The clerk's key signed without a revocation status (the center allows it): the sheet
    /// says so.
    pub without_key_status: bool,
}

fn text(lang: Lang, facts: &Facts) -> SheetText {
    let m = Messages::new(lang);
    let l = |id: &str| m.text(id, []);
    let field = |id: &str, value: &str| Field::new(l(id), value);
    let at = dates::date_time(facts.certified_at);
    SheetText {
        title: l("copy-title"),
        applicant: field("copy-applicant", &facts.applicant.display_name()),
        id_number: field("copy-id-number", &facts.applicant.tax_id),
        document: field("copy-document", &facts.document.title),
        document_number: field("copy-document-number", &facts.document.number),
        document_date: field("copy-document-date", &facts.document.issued_on),
        issuer: field("copy-issuer", &facts.document.issuer),
        sheets_label: l("copy-sheets"),
        pages_label: l("copy-pages"),
        hashes_heading: l("copy-hashes"),
        clerk: field("copy-clerk", &facts.clerk.full_name),
        position: field("copy-position", &facts.clerk.position),
        center: field("copy-center", facts.center.name(lang)),
        certified_at: field("copy-certified-at", &at),
        statement: if facts.without_key_status {
            format!(
                "{} {}",
                l("copy-statement"),
                l("copy-statement-without-key-status")
            )
        } else {
            l("copy-statement")
        },
        qr_caption: l("copy-qr-caption"),
    }
}

pub(crate) fn sheet(facts: &Facts, page_hashes: Vec<String>, qr: Vec<u8>) -> CertificationSheet {
    CertificationSheet {
        kk: text(Lang::Kk, facts),
        ru: text(Lang::Ru, facts),
        original_sheets: facts.document.sheets,
        page_hashes,
        qr_payload: qr,
    }
}

/// The center's seal for the sheet's QR code: document `2026/000042-1`, IIN/BIN, date and
/// the digest of the page hashes.
pub(crate) fn seal(
    key: &SealKey,
    number: &JournalNumber,
    position: u32,
    facts: &Facts,
    page_hashes: &[String],
) -> Result<Seal> {
    Seal::issue(
        key,
        &Sealed {
            kind: SealKind::Copy,
            document: &format!("{number}-{position}"),
            tax_id: &facts.applicant.tax_id,
            date: facts
                .certified_at
                .with_timezone(&chrono::Local)
                .date_naive(),
            digest: digest_of(page_hashes),
        },
    )
}
