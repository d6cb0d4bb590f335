//! Signing off a day: the supervisor signs the day's journal PDF with their EDS (the command is
//! the application's, `app/journal.rs`), and the day is locked. What was signed never changes; a correction is a new entry, with its author and
//! time, shown in every later export of that day.
use super::{JournalFilter, JournalView};
use crate::account::Account;
use crate::day_lock::{day_text, ensure_day_open};
use crate::error::Result;
use crate::journal_number::JournalNumber;
use crate::signed::SignedFiles;
use chrono::{DateTime, NaiveDate, Utc};
use rastau_sign::Signer;
use rusqlite::{named_params, params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignOffView {
    pub day: NaiveDate,
    pub signer_name: String,
    pub signed_at: DateTime<Utc>,
    pub pdf_hash: String,
    pub signature_hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CorrectionView {
    pub day: NaiveDate,
    /// The visit corrected, if the correction is about one.
    pub visit_number: Option<String>,
    pub author: String,
    pub written_at: DateTime<Utc>,
    pub text: String,
}

pub fn signed_off(conn: &Connection, day: NaiveDate) -> Result<Option<SignOffView>> {
    Ok(conn
        .query_row(
            "SELECT signer_name, signed_at, pdf_hash, signature_hash FROM day_signoff
             WHERE day = ?1",
            [day_text(day)],
            |r| {
                Ok(SignOffView {
                    day,
                    signer_name: r.get(0)?,
                    signed_at: r.get(1)?,
                    pdf_hash: r.get(2)?,
                    signature_hash: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The corrections written for the days from `from` to `to`, oldest first.
pub fn corrections(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CorrectionView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.day, c.written_at, c.text, c.author_name, v.journal_year, v.journal_seq,
                v.installation_code
         FROM journal_correction c
         LEFT JOIN visit v ON v.id = c.visit_id
         WHERE c.day BETWEEN ?1 AND ?2
         ORDER BY c.id",
    )?;
    let rows = stmt.query_map(params![day_text(from), day_text(to)], |r| {
        let year: Option<i32> = r.get(4)?;
        let seq: Option<u32> = r.get(5)?;
        let code: Option<String> = r.get(6)?;
        let day: String = r.get(0)?;
        Ok(CorrectionView {
            day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or_default(),
            visit_number: year
                .zip(seq)
                .map(|(y, s)| JournalNumber::coded(code.clone(), y, s).to_string()),
            author: r.get(3)?,
            written_at: r.get(1)?,
            text: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many visits of `day`, by any clerk, have not ended.
pub(crate) fn open_visits_on(conn: &Connection, day: NaiveDate) -> Result<u32> {
    let (from, to) = JournalFilter::day(day).instants();
    Ok(conn.query_row(
        "SELECT count(*) FROM visit
          WHERE started_at >= ?1 AND started_at < ?2 AND ended_at IS NULL",
        params![from, to],
        |r| r.get(0),
    )?)
}

/// A day signed off, as its record keeps it.
pub(crate) struct NewSignOff<'a> {
    pub day: NaiveDate,
    pub supervisor: &'a Account,
    pub files: &'a SignedFiles,
    pub signer: &'a dyn Signer,
    pub at: DateTime<Utc>,
}

pub(crate) fn insert(tx: &Transaction, s: &NewSignOff) -> Result<()> {
    ensure_day_open(tx, s.day)?;
    tx.execute(
        "INSERT INTO day_signoff (day, supervisor_id, pdf_hash, signature_hash, signer_name,
                                  signer_iin, signer_serial, signed_at)
         VALUES (:day, :supervisor, :pdf, :sig, :name, :iin, :serial, :at)",
        named_params! {
            ":day": day_text(s.day),
            ":supervisor": s.supervisor.id,
            ":pdf": s.files.pdf_hash,
            ":sig": s.files.signature_hash,
            ":name": s.signer.certificate().subject_name,
            ":iin": s.supervisor.iin,
            ":serial": s.signer.certificate().serial_hex,
            ":at": s.at,
        },
    )?;
    Ok(())
}

/// Writes `text` as `author`'s correction to the signed-off `day`, about visit `visit_id` or
/// the day as a whole.
pub(crate) fn insert_correction(
    tx: &Transaction,
    day: NaiveDate,
    visit_id: Option<i64>,
    author: &Account,
    at: DateTime<Utc>,
    text: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO journal_correction (day, visit_id, account_id, author_name,
                                         written_at, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            day_text(day),
            visit_id,
            author.id,
            author.full_name,
            at,
            text.trim()
        ],
    )?;
    Ok(())
}

/// Adds the range's sign-offs and corrections to a journal view.
pub(super) fn annotate(
    conn: &Connection,
    filter: &JournalFilter,
    view: &mut JournalView,
) -> Result<()> {
    let mut stmt = conn
        .prepare_cached("SELECT day FROM day_signoff WHERE day BETWEEN ?1 AND ?2 ORDER BY day")?;
    let days = stmt
        .query_map(params![day_text(filter.from), day_text(filter.to)], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    view.signed_off = days
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| signed_off(conn, d))
        .filter_map(Result::transpose)
        .collect::<Result<_>>()?;
    view.corrections = corrections(conn, filter.from, filter.to)?;
    Ok(())
}
