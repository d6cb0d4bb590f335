//! Copies certified at another counter or center, found in the shared store by the applicant's
//! IIN/BIN and fetched for the applicant at this one (rule 8: the copy is used at a center of
//! the applicant's choice). A fetched copy is checked before it is kept — its bytes against the
//! hashes the shared store recorded, its signature against this store's trusted CAs at the
//! moment its certification was recorded — and it stays the other counter's certification: it
//! has a table of its own, names where it was made, and this counter's journal does not count
//! it as its work. The application's commands are in `app/shared_copies.rs`.
use crate::error::Result;
use crate::journal_number::JournalNumber;
use crate::lang::Lang;
use chrono::{DateTime, Utc};
use rusqlite::{named_params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// A copy kept in the shared store, as a clerk elsewhere sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SharedCopyView {
    pub center_code: String,
    pub center_name: CenterName,
    pub installation_code: String,
    #[ts(type = "number")]
    pub copy_id: i64,
    /// The journal number of the visit it was certified at, in its installation.
    pub number_text: String,
    pub title: String,
    pub document_number: String,
    pub issued_on: String,
    pub issuer: String,
    pub page_count: u32,
    pub signer_name: String,
    pub certified_at: DateTime<Utc>,
    pub keep_until: DateTime<Utc>,
    /// Certified at this very installation: the counter has it already, in its own copies.
    pub here: bool,
    /// Fetched for the visit asked about already: its id among the visit's fetched copies.
    #[ts(type = "number | null")]
    pub fetched: Option<i64>,
}

/// Another center's name, as the shared store gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CenterName {
    pub kk: String,
    /// Empty when the shared store has none (a center registered before it kept one).
    pub ru: String,
}

impl CenterName {
    /// The name in `lang`, the Kazakh one where there is no Russian one.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru if !self.ru.is_empty() => &self.ru,
            _ => &self.kk,
        }
    }
}

/// What the shared store says of a copy, as the fetch records it.
pub struct Origin<'a> {
    pub center_code: &'a str,
    pub center_name: &'a CenterName,
    pub installation_code: &'a str,
    pub copy_id: i64,
    pub number: &'a JournalNumber,
    pub title: &'a str,
    pub applicant_tax_id: &'a str,
    pub signer_name: &'a str,
    pub signer_iin: &'a str,
    pub certified_at: DateTime<Utc>,
    pub keep_until: DateTime<Utc>,
    pub pdf_hash: &'a str,
    pub signature_hash: &'a str,
}

/// Records the checked copy `origin`, its files stored, as fetched for `visit_id` by `clerk_id`.
pub fn insert(
    tx: &Transaction,
    visit_id: i64,
    origin: &Origin,
    clerk_id: i64,
    at: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO fetched_copy (visit_id, center_code, center_name, center_name_ru,
             installation_code, origin_copy_id, journal_year, journal_seq, title,
             applicant_tax_id, signer_name, signer_iin, certified_at, keep_until, pdf_hash,
             signature_hash, fetched_by, fetched_at)
         VALUES (:visit, :center, :center_name, :center_name_ru, :installation, :copy, :year,
             :seq, :title, :tax_id, :signer_name, :signer_iin, :certified_at, :keep_until, :pdf,
             :signature, :clerk, :at)",
        named_params! {
            ":visit": visit_id,
            ":center": origin.center_code,
            ":center_name": origin.center_name.kk,
            ":center_name_ru": origin.center_name.ru,
            ":installation": origin.installation_code,
            ":copy": origin.copy_id,
            ":year": origin.number.year,
            ":seq": origin.number.seq,
            ":title": origin.title,
            ":tax_id": origin.applicant_tax_id,
            ":signer_name": origin.signer_name,
            ":signer_iin": origin.signer_iin,
            ":certified_at": origin.certified_at,
            ":keep_until": origin.keep_until,
            ":pdf": origin.pdf_hash,
            ":signature": origin.signature_hash,
            ":clerk": clerk_id,
            ":at": at,
        },
    )?;
    Ok(tx.last_insert_rowid())
}

/// The copies fetched for `visit_id`, by (installation, copy id) to their local id.
pub fn of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<((String, i64), i64)>> {
    let mut stmt = conn.prepare(
        "SELECT installation_code, origin_copy_id, id FROM fetched_copy WHERE visit_id = ?1",
    )?;
    let rows = stmt.query_map([visit_id], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
