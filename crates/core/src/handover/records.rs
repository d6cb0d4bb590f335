//! The copies a hand-over takes out, and the record of a hand-over from before its first file
//! reaches the medium to its end.
use crate::account::Account;
use crate::error::{Error, Result};
use crate::fetched::CenterName;
use crate::journal_number::JournalNumber;
use crate::visit;
use chrono::{DateTime, Utc};
use rusqlite::{named_params, Connection, OptionalExtension, Transaction};

/// A certified copy with what the manifest says about it.
#[derive(Debug, Clone)]
pub struct OutgoingCopy {
    pub visit_id: i64,
    pub journal_number: JournalNumber,
    /// The document's place (1-based) in its visit's list.
    pub position: u32,
    pub document_title: String,
    pub applicant_tax_id: String,
    pub signer_name: String,
    pub certified_at: DateTime<Utc>,
    pub keep_until: DateTime<Utc>,
    pub pdf_hash: String,
    pub signature_hash: String,
    /// For a copy certified elsewhere and fetched from the shared store: the center it was
    /// certified at (its journal number is that installation's).
    pub certified_elsewhere: Option<CenterName>,
}

/// The copies a clerk chose to hand over: certified here, and fetched from the shared store.
#[derive(Debug, Clone, Copy, Default)]
pub struct Chosen<'a> {
    pub copies: &'a [i64],
    pub fetched: &'a [i64],
}

/// The copies `chosen` in [`handover_order`], checked before anything is written: each chosen
/// once, still kept at `now`, and the applicant's of `visit_id`, a visit `clerk` serves, since
/// one person's copies must never reach another's stick. A fetched copy must have been fetched
/// for this very visit.
pub fn outgoing(
    conn: &Connection,
    clerk: &Account,
    visit_id: i64,
    chosen: Chosen,
    now: DateTime<Utc>,
) -> Result<Vec<OutgoingCopy>> {
    if chosen.copies.is_empty() && chosen.fetched.is_empty() {
        return Err(Error::NoCopiesChosen);
    }
    for ids in [chosen.copies, chosen.fetched] {
        if let Some(id) = ids
            .iter()
            .enumerate()
            .find_map(|(i, id)| ids[..i].contains(id).then_some(*id))
        {
            return Err(Error::CopyChosenTwice { id });
        }
    }
    let applicant = visit::view_as(conn, clerk, visit_id)?.applicant.tax_id;
    let here = chosen
        .copies
        .iter()
        .map(|&id| one(conn, id, now)?.ok_or(Error::CopyNotFound { id }));
    let fetched = chosen
        .fetched
        .iter()
        .map(|&id| one_fetched(conn, id, visit_id, now)?.ok_or(Error::CopyNotFound { id }));
    let copies = here.chain(fetched).collect::<Result<Vec<_>>>()?;
    if copies.iter().any(|c| c.applicant_tax_id != applicant) {
        return Err(Error::NotThisApplicantsCopy);
    }
    Ok(handover_order(copies, visit_id))
}

/// The order the files are numbered in on the medium: the copies of `visit_id` (the visit at
/// the counter) as its document list goes, then earlier visits' by journal number, each in
/// its list's order, then those certified elsewhere. The clerk reads the list in that order, and the applicant finds
/// `01 …` to be the first document handed in today.
pub fn handover_order(mut copies: Vec<OutgoingCopy>, visit_id: i64) -> Vec<OutgoingCopy> {
    copies.sort_by(|a, b| {
        let key = |c: &OutgoingCopy| {
            (
                c.certified_elsewhere.is_some(),
                c.visit_id != visit_id,
                c.journal_number.clone(),
                c.position,
            )
        };
        key(a).cmp(&key(b))
    });
    copies
}

/// A hand-over that was read back whole: the folder on the medium and what went into it.
pub struct HandedOver {
    pub folder: String,
    /// In [`handover_order`], so the n-th is the file numbered n.
    pub copies: Vec<OutgoingCopy>,
}

/// The hand-overs done at `visit_id`, oldest first. Copies removed since (rule 8) are still
/// named: they went out.
pub fn handed_over(conn: &Connection, visit_id: i64) -> Result<Vec<HandedOver>> {
    let mut handovers = conn.prepare(
        "SELECT id, folder FROM handover WHERE visit_id = ?1 AND state = 'done' ORDER BY id",
    )?;
    let done = handovers
        .query_map([visit_id], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
    let mut copies = conn.prepare(&format!(
        "{COPY_SELECT} JOIN handover_copy h ON h.copy_id = c.id WHERE h.handover_id = ?1"
    ))?;
    let mut fetched = conn.prepare(&format!(
        "{FETCHED_SELECT} JOIN handover_fetched h ON h.fetched_id = f.id WHERE h.handover_id = ?1"
    ))?;
    done.into_iter()
        .map(|(id, folder)| {
            let mut went = copies
                .query_map([id], copy_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            went.extend(
                fetched
                    .query_map([id], copy_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            );
            Ok(HandedOver {
                folder,
                copies: handover_order(went, visit_id),
            })
        })
        .collect()
}

const COPY_SELECT: &str = "SELECT c.visit_id, v.journal_year, v.journal_seq, d.position, d.title,
        a.tax_id, c.signer_name, c.certified_at, c.keep_until, c.pdf_hash, c.signature_hash,
        NULL, v.installation_code, NULL
    FROM certified_copy c
    JOIN visit v ON v.id = c.visit_id
    JOIN document d ON d.id = c.document_id
    JOIN applicant a ON a.id = v.applicant_id";

/// A fetched copy in [`copy_row`]'s columns; its place in the list is unknown here (0).
const FETCHED_SELECT: &str = "SELECT f.visit_id, f.journal_year, f.journal_seq, 0, f.title,
        f.applicant_tax_id, f.signer_name, f.certified_at, f.keep_until, f.pdf_hash,
        f.signature_hash, f.center_name, f.installation_code, f.center_name_ru
    FROM fetched_copy f";

fn copy_row(r: &rusqlite::Row) -> rusqlite::Result<OutgoingCopy> {
    Ok(OutgoingCopy {
        visit_id: r.get(0)?,
        journal_number: JournalNumber::coded(r.get(12)?, r.get(1)?, r.get(2)?),
        position: r.get(3)?,
        document_title: r.get(4)?,
        applicant_tax_id: r.get(5)?,
        signer_name: r.get(6)?,
        certified_at: r.get(7)?,
        keep_until: r.get(8)?,
        pdf_hash: r.get(9)?,
        signature_hash: r.get(10)?,
        certified_elsewhere: match r.get::<_, Option<String>>(11)? {
            Some(kk) => Some(CenterName { kk, ru: r.get(13)? }),
            None => None,
        },
    })
}

fn one(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Option<OutgoingCopy>> {
    Ok(conn
        .query_row(
            &format!(
                "{COPY_SELECT} WHERE c.id = :id AND c.removed_on IS NULL AND c.keep_until > :now"
            ),
            named_params! { ":id": id, ":now": now },
            copy_row,
        )
        .optional()?)
}

fn one_fetched(
    conn: &Connection,
    id: i64,
    visit_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<OutgoingCopy>> {
    Ok(conn
        .query_row(
            &format!(
                "{FETCHED_SELECT} WHERE f.id = :id AND f.visit_id = :visit
                   AND f.removed_on IS NULL AND f.keep_until > :now"
            ),
            named_params! { ":id": id, ":visit": visit_id, ":now": now },
            copy_row,
        )
        .optional()?)
}

/// Records, before the first file is written, that the `chosen` copies are going out into the folder
/// `folder` (its name on the medium, not a machine path) for the applicant of `visit_id`.
pub fn start(
    tx: &Transaction,
    visit_id: i64,
    chosen: Chosen,
    folder: &str,
    clerk_id: i64,
    at: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO handover (folder, clerk_id, handed_at, visit_id, state)
         VALUES (?1, ?2, ?3, ?4, 'writing')",
        rusqlite::params![folder, clerk_id, at, visit_id],
    )?;
    let id = tx.last_insert_rowid();
    let mut insert =
        tx.prepare("INSERT INTO handover_copy (handover_id, copy_id) VALUES (?1, ?2)")?;
    for copy in chosen.copies {
        insert.execute([id, *copy])?;
    }
    let mut insert =
        tx.prepare("INSERT INTO handover_fetched (handover_id, fetched_id) VALUES (?1, ?2)")?;
    for fetched in chosen.fetched {
        insert.execute([id, *fetched])?;
    }
    Ok(id)
}

/// Marks the hand-over `id` done: every file was read back intact.
pub fn done(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("UPDATE handover SET state = 'done' WHERE id = ?1", [id])?;
    Ok(())
}

/// Marks the hand-over `id` failed for `reason` (an error code), after what was written went.
pub fn failed(tx: &Transaction, id: i64, reason: &str) -> Result<()> {
    tx.execute(
        "UPDATE handover SET state = 'failed', failure = ?2 WHERE id = ?1",
        rusqlite::params![id, reason],
    )?;
    Ok(())
}
