//! A visit: one applicant served at the counter, from the documents accepted to the end, under
//! one journal registration number.
mod clock;
mod consent;
mod outcome;
mod records;
mod representative;
mod suggestions;

pub use clock::{over_limit, ClockLimits, LIMITS, LIMIT_SECONDS, WARN_SECONDS};
pub use consent::{ConsentGiven, Present};
pub use outcome::{decisions, ensure_decided, undecided, Decision};
pub use records::{
    attach_consent_scan, close, confirm_consent, consent_scan_allowed, ensure_changeable, open,
    open_for_clerk, record_receipt_print, set_documents, to_certify, view, view_as, ToCertify,
};
pub use representative::Representative;
pub use suggestions::{suggestions, DocumentSuggestions};

use crate::applicant::Applicant;
use crate::journal_number::JournalNumber;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A document the applicant asks to certify, as listed on the consent (Annex 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Document {
    pub title: String,
    pub number: String,
    /// As written on the document; free text because originals vary.
    pub issued_on: String,
    pub issuer: String,
    /// How many sheets (pages) the paper original has, each scanned as one page of the copy:
    /// rule 2.1's copy reproduces the whole original. At least 1; 0 only for a document listed
    /// before the count was asked.
    pub sheets: u32,
}

impl Document {
    /// From a row with the columns `title`, `number`, `issued_on`, `issuer` and `sheets`.
    pub(crate) fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Document> {
        Ok(Document {
            title: r.get("title")?,
            number: r.get("number")?,
            issued_on: r.get("issued_on")?,
            issuer: r.get("issuer")?,
            sheets: r.get::<_, Option<u32>>("sheets")?.unwrap_or(0),
        })
    }
}

/// What the clerk fills in to open a visit.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenVisit {
    pub applicant: Applicant,
    #[ts(optional)]
    pub representative: Option<Representative>,
}

/// A visit as the counter screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VisitView {
    #[ts(type = "number")]
    pub id: i64,
    pub number: JournalNumber,
    /// The number as printed, e.g. `2026/000042`.
    pub number_text: String,
    pub applicant: Applicant,
    pub representative: Option<Representative>,
    pub clerk_name: String,
    pub documents: Vec<Document>,
    /// Each listed document's decision so far, in the order of `documents`.
    pub outcomes: Vec<Decision>,
    pub copies_on_media: bool,
    pub consent_received_at: Option<DateTime<Utc>>,
    /// Who signed the consent in person and who registered it; `None` before the consent, and
    /// for one registered before this was recorded.
    pub consent_given: Option<ConsentGiven>,
    /// SHA-256 of the scanned signed consent in the file store, once the clerk has scanned it.
    pub consent_scan_hash: Option<String>,
    /// When the documents were accepted: the 30-minute clock starts here.
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    #[ts(type = "number | null")]
    pub duration_seconds: Option<i64>,
    pub over_limit: bool,
    pub limits: ClockLimits,
}
