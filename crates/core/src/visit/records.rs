//! Reading and writing visits and their document lists.
use super::outcome::decisions;
use super::{clock, ConsentGiven, Document, OpenVisit, Present, Representative, VisitView};
use crate::account::{Account, Role};
use crate::applicant;
use crate::day_lock::ensure_day_open;
use crate::error::{Error, Result};
use crate::journal_number::{self, JournalNumber};
use crate::required::require;
use chrono::{DateTime, Datelike, Local, NaiveDate, Utc};
use rusqlite::{named_params, params, Connection, OptionalExtension, Transaction};

/// Opens a visit for `clerk`, remembering the applicant; the clock starts at `now`. The
/// applicant's and the clerk's names stay with the visit as they are now: its journal must not
/// change when either is renamed later.
pub fn open(
    tx: &Transaction,
    clerk: &Account,
    request: &OpenVisit,
    now: DateTime<Utc>,
) -> Result<i64> {
    let today = now.with_timezone(&Local).date_naive();
    if let Some(r) = &request.representative {
        r.validate(today)?;
    }
    ensure_day_open(tx, today)?;
    let applicant_id = applicant::remember(tx, &request.applicant, now)?;
    let number = journal_number::next(tx, now.with_timezone(&Local).year())?;
    let r = request.representative.as_ref();
    tx.execute(
        "INSERT INTO visit (installation_code, journal_year, journal_seq, applicant_id,
                            applicant_name, clerk_id, clerk_name, representative_name,
                            representative_iin, poa_number, poa_issued_on, poa_valid_until,
                            started_at)
         VALUES (:code, :year, :seq, :applicant, :applicant_name, :clerk, :clerk_name, :name,
                 :iin, :poa, :issued, :until, :now)",
        named_params! {
            ":code": number.code,
            ":year": number.year,
            ":seq": number.seq,
            ":applicant": applicant_id,
            ":applicant_name": request.applicant.display_name(),
            ":clerk": clerk.id,
            ":clerk_name": clerk.full_name,
            ":name": r.map(|r| r.full_name.trim()),
            ":iin": r.map(|r| r.iin.trim()),
            ":poa": r.map(|r| r.poa_number.trim()),
            ":issued": r.map(|r| r.poa_issued_on),
            ":until": r.map(|r| r.poa_valid_until),
            ":now": now,
        },
    )?;
    Ok(tx.last_insert_rowid())
}

struct Row {
    clerk_id: i64,
    consent_received_at: Option<DateTime<Utc>>,
    started_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
}

fn row(conn: &Connection, visit_id: i64) -> Result<Row> {
    conn.query_row(
        "SELECT clerk_id, consent_received_at, started_at, ended_at FROM visit WHERE id = ?1",
        [visit_id],
        |r| {
            Ok(Row {
                clerk_id: r.get(0)?,
                consent_received_at: r.get(1)?,
                started_at: r.get(2)?,
                ended_at: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::VisitNotFound)
}

/// A visit is the business of the clerk serving it, and of the supervisors.
fn concerns(conn: &Connection, actor: &Account, visit_id: i64) -> Result<Row> {
    let row = row(conn, visit_id)?;
    if row.clerk_id != actor.id && actor.role != Role::Supervisor {
        return Err(Error::NotYourVisit);
    }
    Ok(row)
}

/// A visit may be changed by the clerk serving it (or a supervisor) while it is open and its
/// day not signed off.
fn changeable(conn: &Connection, actor: &Account, visit_id: i64) -> Result<Row> {
    let row = concerns(conn, actor, visit_id)?;
    ensure_day_open(conn, row.started_at.with_timezone(&Local).date_naive())?;
    if row.ended_at.is_some() {
        return Err(Error::VisitClosed);
    }
    Ok(row)
}

/// Refuses unless the visit is open and `actor`'s (or `actor` supervises).
pub fn ensure_changeable(conn: &Connection, actor: &Account, visit_id: i64) -> Result<()> {
    changeable(conn, actor, visit_id).map(drop)
}

/// Replaces the list of documents; fixed once the signed consent has been received.
pub fn set_documents(
    tx: &Transaction,
    actor: &Account,
    visit_id: i64,
    documents: &[Document],
    copies_on_media: bool,
) -> Result<()> {
    if changeable(tx, actor, visit_id)?
        .consent_received_at
        .is_some()
    {
        return Err(Error::ConsentAlreadyReceived);
    }
    for (position, d) in (1..).zip(documents) {
        require("documentTitle", &d.title)?;
        if d.sheets == 0 {
            return Err(Error::SheetsMissing { position });
        }
    }
    tx.execute("DELETE FROM document WHERE visit_id = ?1", [visit_id])?;
    for (position, d) in (1_i64..).zip(documents) {
        tx.execute(
            "INSERT INTO document (visit_id, position, title, number, issued_on, issuer, sheets)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                visit_id,
                position,
                d.title.trim(),
                d.number.trim(),
                d.issued_on.trim(),
                d.issuer.trim(),
                d.sheets
            ],
        )?;
    }
    tx.execute(
        "UPDATE visit SET copies_on_media = ?2 WHERE id = ?1",
        params![visit_id, copies_on_media],
    )?;
    Ok(())
}

/// `actor` registers the signed Annex 1, signed in front of them by `present`. No documents,
/// no consent; registered once.
pub fn confirm_consent(
    tx: &Transaction,
    actor: &Account,
    visit_id: i64,
    present: Present,
    now: DateTime<Utc>,
) -> Result<ConsentGiven> {
    if changeable(tx, actor, visit_id)?
        .consent_received_at
        .is_some()
    {
        return Err(Error::ConsentAlreadyReceived);
    }
    let count: i64 = tx.query_row(
        "SELECT count(*) FROM document WHERE visit_id = ?1",
        [visit_id],
        |r| r.get(0),
    )?;
    if count == 0 {
        return Err(Error::NoDocuments);
    }
    let (applicant, representative): (String, Option<String>) = tx.query_row(
        "SELECT applicant_name, representative_name FROM visit WHERE id = ?1",
        [visit_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let name = match present {
        Present::Applicant => applicant,
        Present::Representative => representative.ok_or(Error::NoRepresentative)?,
    };
    tx.execute(
        "UPDATE visit SET consent_received_at = :now, consent_present = :present,
                          consent_present_name = :name, consent_clerk_id = :clerk,
                          consent_clerk_name = :clerk_name
         WHERE id = :id",
        named_params! {
            ":id": visit_id,
            ":now": now,
            ":present": present.code(),
            ":name": name,
            ":clerk": actor.id,
            ":clerk_name": actor.full_name,
        },
    )?;
    Ok(ConsentGiven {
        present,
        name,
        registered_by: actor.full_name.clone(),
    })
}

/// The scan of the signed consent may be attached by the clerk serving the open visit only:
/// the signed paper is at their counter.
pub fn consent_scan_allowed(conn: &Connection, actor: &Account, visit_id: i64) -> Result<()> {
    if changeable(conn, actor, visit_id)?.clerk_id != actor.id {
        return Err(Error::NotYourVisit);
    }
    Ok(())
}

/// Keeps the scan of the signed consent (its hash in the file store) with the visit, replacing
/// an earlier one.
pub fn attach_consent_scan(
    tx: &Transaction,
    actor: &Account,
    visit_id: i64,
    scan_hash: &str,
) -> Result<()> {
    consent_scan_allowed(tx, actor, visit_id)?;
    tx.execute(
        "UPDATE visit SET consent_scan_hash = ?2 WHERE id = ?1",
        params![visit_id, scan_hash],
    )?;
    Ok(())
}

/// Counts a paper receipt handed to the applicant.
pub fn record_receipt_print(
    tx: &Transaction,
    visit_id: i64,
    account_id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO receipt_print (visit_id, account_id, printed_at) VALUES (?1, ?2, ?3)",
        params![visit_id, account_id, at],
    )?;
    Ok(())
}

/// Ends the service; the duration is fixed from here on.
pub fn close(tx: &Transaction, actor: &Account, visit_id: i64, now: DateTime<Utc>) -> Result<()> {
    changeable(tx, actor, visit_id)?;
    tx.execute(
        "UPDATE visit SET ended_at = ?2 WHERE id = ?1",
        params![visit_id, now],
    )?;
    Ok(())
}

/// The visits `clerk` has open, oldest first (normally one; more after a crash or a queue).
pub fn open_for_clerk(conn: &Connection, clerk: &Account) -> Result<Vec<VisitView>> {
    let mut stmt =
        conn.prepare("SELECT id FROM visit WHERE clerk_id = ?1 AND ended_at IS NULL ORDER BY id")?;
    let ids = stmt
        .query_map([clerk.id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.into_iter().map(|id| view(conn, id)).collect()
}

fn documents(conn: &Connection, visit_id: i64) -> Result<Vec<Document>> {
    let mut stmt = conn.prepare(
        "SELECT title, number, issued_on, issuer, sheets FROM document WHERE visit_id = ?1
         ORDER BY position",
    )?;
    let rows = stmt.query_map([visit_id], Document::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn representative(r: &rusqlite::Row) -> rusqlite::Result<Option<Representative>> {
    let Some(full_name) = r.get::<_, Option<String>>("representative_name")? else {
        return Ok(None);
    };
    Ok(Some(Representative {
        full_name,
        iin: r.get("representative_iin")?,
        poa_number: r.get("poa_number")?,
        poa_issued_on: r.get::<_, NaiveDate>("poa_issued_on")?,
        poa_valid_until: r.get::<_, NaiveDate>("poa_valid_until")?,
    }))
}

/// The visit row with what a view needs besides the applicant and documents.
fn visit_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, VisitView)> {
    let number = JournalNumber::coded(
        r.get("installation_code")?,
        r.get("journal_year")?,
        r.get("journal_seq")?,
    );
    let started_at: DateTime<Utc> = r.get("started_at")?;
    let ended_at: Option<DateTime<Utc>> = r.get("ended_at")?;
    let duration_seconds = ended_at.map(|end| (end - started_at).num_seconds());
    let view = VisitView {
        id: r.get("id")?,
        number_text: number.to_string(),
        number,
        applicant: applicant::Applicant::default(),
        representative: representative(r)?,
        clerk_name: r.get("clerk_name")?,
        documents: vec![],
        outcomes: vec![],
        copies_on_media: r.get("copies_on_media")?,
        consent_received_at: r.get("consent_received_at")?,
        consent_given: ConsentGiven::from_row(r)?,
        consent_scan_hash: r.get("consent_scan_hash")?,
        started_at,
        ended_at,
        duration_seconds,
        over_limit: duration_seconds.is_some_and(clock::over_limit),
        limits: clock::LIMITS,
    };
    Ok((r.get("applicant_id")?, view))
}

pub fn view(conn: &Connection, visit_id: i64) -> Result<VisitView> {
    let (applicant_id, mut view) = conn
        .query_row("SELECT * FROM visit WHERE id = ?1", [visit_id], visit_row)
        .optional()?
        .ok_or(Error::VisitNotFound)?;
    view.applicant = applicant::get(conn, applicant_id)?;
    view.documents = documents(conn, visit_id)?;
    view.outcomes = decisions(conn, visit_id)?;
    Ok(view)
}

/// The visit, for the clerk serving it or a supervisor (open or closed: forms are reprinted).
pub fn view_as(conn: &Connection, actor: &Account, visit_id: i64) -> Result<VisitView> {
    concerns(conn, actor, visit_id)?;
    view(conn, visit_id)
}

/// What certifying one listed document needs.
pub struct ToCertify {
    pub document_id: i64,
    pub document: Document,
    pub applicant: applicant::Applicant,
    pub number: JournalNumber,
}

/// The document at `position` (1-based) of an open visit of `actor`'s with a received consent.
pub fn to_certify(
    conn: &Connection,
    actor: &Account,
    visit_id: i64,
    position: u32,
) -> Result<ToCertify> {
    if changeable(conn, actor, visit_id)?
        .consent_received_at
        .is_none()
    {
        return Err(Error::ConsentMissing);
    }
    let view = view(conn, visit_id)?;
    let document_id = conn
        .query_row(
            "SELECT id FROM document WHERE visit_id = ?1 AND position = ?2",
            params![visit_id, position],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::DocumentNotFound { position })?;
    let document = view.documents[position as usize - 1].clone();
    Ok(ToCertify {
        document_id,
        document,
        applicant: view.applicant,
        number: view.number,
    })
}
