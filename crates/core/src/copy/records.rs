//! Reading and writing certified copy records (the files themselves are in the file store).
use crate::error::{Error, Result};
use crate::visit::Document;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{named_params, Connection, ErrorCode, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// A certified copy as recorded.
pub struct NewCopy<'a> {
    pub visit_id: i64,
    pub document_id: i64,
    pub pdf_hash: &'a str,
    pub signature_hash: &'a str,
    pub page_hashes: &'a [String],
    pub signer_name: &'a str,
    pub signer_iin: &'a str,
    pub signer_serial: &'a str,
    pub certified_at: DateTime<Utc>,
    pub keep_until: DateTime<Utc>,
    /// What was known of the key's revocation: `ocsp`, `crl` or `none`.
    pub key_status: &'a str,
    /// The time the timestamp authority vouched for the signature, if it did.
    pub timestamped_at: Option<DateTime<Utc>>,
}

/// A copy as the counter shows it when the applicant comes back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CopyView {
    #[ts(type = "number")]
    pub id: i64,
    /// The visit the copy was certified in.
    #[ts(type = "number")]
    pub visit_id: i64,
    pub journal_number: String,
    /// The document's place (1-based) in that visit's list.
    pub position: u32,
    pub document_title: String,
    pub pdf_hash: String,
    pub signature_hash: String,
    pub page_count: u32,
    pub signer_name: String,
    pub certified_at: DateTime<Utc>,
    /// When the copy leaves the store (rule 8).
    pub keep_until: DateTime<Utc>,
    /// The last day it is kept, as the receipt names it: the day before `keep_until`.
    pub kept_through: NaiveDate,
}

/// A copy made during one visit, with the document it reproduces: a line of the receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct CertifiedDocument {
    pub document: Document,
    pub page_count: u32,
    /// The last day the copy is kept.
    pub kept_through: NaiveDate,
}

pub fn insert(tx: &Transaction, copy: &NewCopy) -> Result<i64> {
    let inserted = tx.execute(
        "INSERT INTO certified_copy (visit_id, document_id, pdf_hash, signature_hash, page_count,
                                     page_hashes, signer_name, signer_iin, signer_serial,
                                     certified_at, keep_until, key_status, timestamped_at)
         VALUES (:visit, :document, :pdf, :sig, :pages, :hashes, :name, :iin, :serial, :at, :until,
                 :key_status, :timestamped_at)",
        named_params! {
            ":visit": copy.visit_id,
            ":document": copy.document_id,
            ":pdf": copy.pdf_hash,
            ":sig": copy.signature_hash,
            ":pages": copy.page_hashes.len() as i64,
            ":hashes": copy.page_hashes.join(" "),
            ":key_status": copy.key_status,
            ":timestamped_at": copy.timestamped_at,
            ":name": copy.signer_name,
            ":iin": copy.signer_iin,
            ":serial": copy.signer_serial,
            ":at": copy.certified_at,
            ":until": copy.keep_until,
        },
    );
    match inserted {
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::ConstraintViolation => {
            Err(Error::AlreadyCertified)
        }
        other => {
            other?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// Every copy of the applicant still within its retention period at `now`, from any visit, in
/// the order of the journal and of each visit's document list.
pub fn for_applicant(conn: &Connection, tax_id: &str, now: DateTime<Utc>) -> Result<Vec<CopyView>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, v.journal_year, v.journal_seq, d.title, c.pdf_hash, c.signature_hash,
                c.page_count, c.signer_name, c.certified_at, c.keep_until, c.visit_id, d.position,
                v.installation_code
         FROM certified_copy c
         JOIN visit v ON v.id = c.visit_id
         JOIN document d ON d.id = c.document_id
         JOIN applicant a ON a.id = v.applicant_id
         WHERE a.tax_id = ?1 AND c.removed_on IS NULL AND c.keep_until > ?2
         ORDER BY v.journal_year, v.journal_seq, d.position",
    )?;
    let rows = stmt.query_map(rusqlite::params![tax_id, now], |r| {
        let number = crate::journal_number::JournalNumber::coded(r.get(12)?, r.get(1)?, r.get(2)?);
        let keep_until = r.get(9)?;
        Ok(CopyView {
            id: r.get(0)?,
            visit_id: r.get(10)?,
            journal_number: number.to_string(),
            position: r.get(11)?,
            document_title: r.get(3)?,
            pdf_hash: r.get(4)?,
            signature_hash: r.get(5)?,
            page_count: r.get(6)?,
            signer_name: r.get(7)?,
            certified_at: r.get(8)?,
            keep_until,
            kept_through: super::kept_through(keep_until),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The copies certified during a visit, in the order of its document list.
pub fn of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<CertifiedDocument>> {
    let mut stmt = conn.prepare(
        "SELECT d.title, d.number, d.issued_on, d.issuer, d.sheets, c.page_count, c.keep_until
         FROM certified_copy c JOIN document d ON d.id = c.document_id
         WHERE c.visit_id = ?1
         ORDER BY d.position",
    )?;
    let rows = stmt.query_map([visit_id], |r| {
        Ok(CertifiedDocument {
            document: Document::from_row(r)?,
            page_count: r.get("page_count")?,
            kept_through: super::kept_through(r.get("keep_until")?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The signed PDFs' SHA-256s of a visit, in the order they were certified.
pub fn pdf_hashes_of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT pdf_hash FROM certified_copy WHERE visit_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([visit_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The places (1-based) of the visit's documents that have a certified copy.
pub fn positions_of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<u32>> {
    let mut stmt = conn.prepare(
        "SELECT d.position FROM certified_copy c JOIN document d ON d.id = c.document_id
         WHERE c.visit_id = ?1 ORDER BY d.position",
    )?;
    let rows = stmt.query_map([visit_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
