//! Reading and writing notices of refusal and their printed copies.
use super::NoticeLanguages;
use crate::error::{Error, Result};
use crate::journal_number::JournalNumber;
use chrono::{DateTime, Utc};
use rusqlite::{named_params, params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// A signed notice as recorded.
pub struct NewNotice<'a> {
    pub visit_id: i64,
    /// From `next_seq`.
    pub seq: i64,
    pub languages: NoticeLanguages,
    pub pdf_hash: &'a str,
    pub signature_hash: &'a str,
    pub row_hashes: &'a [String],
    pub signer_id: i64,
    pub signer_name: &'a str,
    pub signer_iin: &'a str,
    pub signer_serial: &'a str,
    pub issued_at: DateTime<Utc>,
}

/// A notice as the counter and the applicant's history show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NoticeView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub visit_id: i64,
    /// `2026/000042-N1`: the visit's journal number and the notice's place in the visit.
    pub number: String,
    pub languages: NoticeLanguages,
    /// The refused documents' titles, in the order of the visit's list.
    pub documents: Vec<String>,
    pub signer_name: String,
    pub issued_at: DateTime<Utc>,
    pub pdf_hash: String,
    pub signature_hash: String,
    /// How many paper copies were handed out.
    pub prints: u32,
}

/// Records the notice; returns its id.
pub fn insert(tx: &Transaction, notice: &NewNotice) -> Result<i64> {
    tx.execute(
        "INSERT INTO refusal_notice (visit_id, seq, languages, pdf_hash, signature_hash,
                                     row_hashes, signer_id, signer_name, signer_iin,
                                     signer_serial, issued_at)
         VALUES (:visit, :seq, :languages, :pdf, :sig, :rows, :signer, :name, :iin, :serial,
                 :at)",
        named_params! {
            ":visit": notice.visit_id,
            ":seq": notice.seq,
            ":languages": notice.languages.code(),
            ":pdf": notice.pdf_hash,
            ":sig": notice.signature_hash,
            ":rows": notice.row_hashes.join(" "),
            ":signer": notice.signer_id,
            ":name": notice.signer_name,
            ":iin": notice.signer_iin,
            ":serial": notice.signer_serial,
            ":at": notice.issued_at,
        },
    )?;
    Ok(tx.last_insert_rowid())
}

/// The place the next notice of the visit takes among its notices.
pub fn next_seq(conn: &Connection, visit_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM refusal_notice WHERE visit_id = ?1",
        [visit_id],
        |r| r.get(0),
    )?)
}

pub fn record_print(
    tx: &Transaction,
    notice_id: i64,
    account_id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO notice_print (notice_id, account_id, printed_at) VALUES (?1, ?2, ?3)",
        params![notice_id, account_id, at],
    )?;
    Ok(())
}

const SELECT_VIEW: &str = "
    SELECT n.id, n.visit_id, n.seq, n.languages, n.signer_name, n.issued_at, n.pdf_hash,
           n.signature_hash, v.installation_code, v.journal_year, v.journal_seq,
           (SELECT count(*) FROM notice_print p WHERE p.notice_id = n.id) AS prints,
           (SELECT group_concat(title, char(10)) FROM
               (SELECT d.title FROM refusal r JOIN document d ON d.id = r.document_id
                WHERE r.notice_id = n.id ORDER BY d.position)) AS documents
    FROM refusal_notice n
    JOIN visit v ON v.id = n.visit_id
    JOIN applicant a ON a.id = v.applicant_id";

fn view_row(r: &rusqlite::Row) -> rusqlite::Result<NoticeView> {
    let visit = JournalNumber::coded(
        r.get("installation_code")?,
        r.get("journal_year")?,
        r.get("journal_seq")?,
    );
    let languages: String = r.get("languages")?;
    let documents: Option<String> = r.get("documents")?;
    Ok(NoticeView {
        id: r.get("id")?,
        visit_id: r.get("visit_id")?,
        number: visit.notice(r.get("seq")?),
        languages: NoticeLanguages::from_code(&languages).unwrap_or(NoticeLanguages::Both),
        documents: documents
            .map(|d| d.lines().map(str::to_owned).collect())
            .unwrap_or_default(),
        signer_name: r.get("signer_name")?,
        issued_at: r.get("issued_at")?,
        pdf_hash: r.get("pdf_hash")?,
        signature_hash: r.get("signature_hash")?,
        prints: r.get("prints")?,
    })
}

fn select(conn: &Connection, filter: &str, arg: &dyn rusqlite::ToSql) -> Result<Vec<NoticeView>> {
    let sql = format!("{SELECT_VIEW} WHERE {filter} ORDER BY n.issued_at DESC, n.id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([arg], view_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn view(conn: &Connection, id: i64) -> Result<NoticeView> {
    select(conn, "n.id = ?1", &id)?
        .pop()
        .ok_or(Error::NoticeNotFound { id })
}

pub fn of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<NoticeView>> {
    select(conn, "n.visit_id = ?1", &visit_id)
}

pub fn for_applicant(conn: &Connection, tax_id: &str) -> Result<Vec<NoticeView>> {
    select(conn, "a.tax_id = ?1", &tax_id)
}
