//! Reading and writing refusals. A refusal is the business of the clerk serving the open visit
//! (or a supervisor); once its notice is signed it can no longer be withdrawn.
use super::{Ground, Refusal};
use crate::account::Account;
use crate::error::{Error, Result};
use crate::visit::{self, Document};
use chrono::{DateTime, Utc};
use rusqlite::{named_params, params, Connection, ErrorCode, OptionalExtension, Transaction};
use serde::Deserialize;
use ts_rs::TS;

/// The clerk's decision on one or several documents: the same grounds and justification.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefuseRequest {
    /// The documents' places (1-based) in the visit's list.
    pub positions: Vec<u32>,
    pub grounds: Vec<Ground>,
    pub justification: String,
}

impl RefuseRequest {
    fn validate(&self) -> Result<()> {
        if self.positions.is_empty() {
            return Err(Error::NothingToRefuse);
        }
        if self.grounds.is_empty() {
            return Err(Error::NoGrounds);
        }
        if self.justification.trim().is_empty() {
            return Err(Error::JustificationRequired);
        }
        Ok(())
    }
}

/// A refusal as stored, with the notice it went into, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: i64,
    pub refusal: Refusal,
    pub notice_id: Option<i64>,
}

/// Grounds as stored: `1 3`.
fn grounds_text(grounds: &[Ground]) -> String {
    let mut sorted = grounds.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted
        .iter()
        .map(|g| g.number().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Grounds as stored (`1 3`); unknown numbers are left out.
pub fn parse_grounds(text: &str) -> Vec<Ground> {
    text.split_whitespace()
        .filter_map(|n| n.parse().ok().and_then(Ground::from_number))
        .collect()
}

/// The document at `position` of the visit: its row id, and whether a copy of it exists.
fn document(conn: &Connection, visit_id: i64, position: u32) -> Result<(i64, bool)> {
    conn.query_row(
        "SELECT d.id, c.id IS NOT NULL FROM document d
         LEFT JOIN certified_copy c ON c.document_id = d.id
         WHERE d.visit_id = ?1 AND d.position = ?2",
        params![visit_id, position],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(Error::DocumentNotFound { position })
}

/// Refuses the documents of `request` in one transaction: all of them or none.
pub fn refuse(
    tx: &Transaction,
    clerk: &Account,
    visit_id: i64,
    request: &RefuseRequest,
    now: DateTime<Utc>,
) -> Result<()> {
    visit::ensure_changeable(tx, clerk, visit_id)?;
    request.validate()?;
    for &position in &request.positions {
        let (document_id, certified) = document(tx, visit_id, position)?;
        if certified {
            return Err(Error::AlreadyCertified);
        }
        let inserted = tx.execute(
            "INSERT INTO refusal (visit_id, document_id, grounds, justification, clerk_id,
                                  refused_at)
             VALUES (:visit, :document, :grounds, :justification, :clerk, :now)",
            named_params! {
                ":visit": visit_id,
                ":document": document_id,
                ":grounds": grounds_text(&request.grounds),
                ":justification": request.justification.trim(),
                ":clerk": clerk.id,
                ":now": now,
            },
        );
        match inserted {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::ConstraintViolation =>
            {
                return Err(Error::AlreadyRefused { position });
            }
            other => other?,
        };
    }
    Ok(())
}

/// Takes back the refusal of the document at `position`, while no notice holds it.
pub fn withdraw(tx: &Transaction, clerk: &Account, visit_id: i64, position: u32) -> Result<()> {
    visit::ensure_changeable(tx, clerk, visit_id)?;
    let (document_id, _) = document(tx, visit_id, position)?;
    let notice: Option<Option<i64>> = tx
        .query_row(
            "SELECT notice_id FROM refusal WHERE document_id = ?1",
            [document_id],
            |r| r.get(0),
        )
        .optional()?;
    match notice {
        None => Err(Error::NotRefused { position }),
        Some(Some(_)) => Err(Error::RefusalInNotice { position }),
        Some(None) => {
            tx.execute("DELETE FROM refusal WHERE document_id = ?1", [document_id])?;
            Ok(())
        }
    }
}

/// Refuses to certify a refused document.
pub fn ensure_not_refused(conn: &Connection, document_id: i64, position: u32) -> Result<()> {
    let refused: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM refusal WHERE document_id = ?1)",
        [document_id],
        |r| r.get(0),
    )?;
    if refused {
        return Err(Error::DocumentRefused { position });
    }
    Ok(())
}

/// Refuses while any refusal of the visit waits for its notice.
pub fn ensure_notified(conn: &Connection, visit_id: i64) -> Result<()> {
    let waiting: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM refusal WHERE visit_id = ?1 AND notice_id IS NULL)",
        [visit_id],
        |r| r.get(0),
    )?;
    if waiting {
        return Err(Error::NoticeNotIssued);
    }
    Ok(())
}

/// The visit's refusals in the order of its document list.
pub fn of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.grounds, r.justification, r.notice_id,
                d.position, d.title, d.number, d.issued_on, d.issuer, d.sheets
         FROM refusal r JOIN document d ON d.id = r.document_id
         WHERE r.visit_id = ?1
         ORDER BY d.position",
    )?;
    let rows = stmt.query_map([visit_id], |r| {
        Ok(Stored {
            id: r.get("id")?,
            notice_id: r.get("notice_id")?,
            refusal: Refusal {
                position: r.get("position")?,
                document: Document::from_row(r)?,
                grounds: parse_grounds(&r.get::<_, String>("grounds")?),
                justification: r.get("justification")?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Puts the refusals `ids` into notice `notice_id`. Each must still be without a notice.
pub fn assign_notice(tx: &Transaction, ids: &[i64], notice_id: i64) -> Result<()> {
    for id in ids {
        let changed = tx.execute(
            "UPDATE refusal SET notice_id = ?2 WHERE id = ?1 AND notice_id IS NULL",
            params![id, notice_id],
        )?;
        if changed != 1 {
            return Err(Error::NoRefusalsToNotify);
        }
    }
    Ok(())
}

/// The positions of listed documents neither certified nor refused that have no pages: their
/// originals were not presented.
pub fn without_pages(conn: &Connection, visit_id: i64) -> Result<Vec<u32>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT position FROM scan_page
         WHERE visit_id = ?1 AND position IS NOT NULL AND deleted_at IS NULL",
    )?;
    let with_pages = stmt
        .query_map([visit_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<u32>>>()?;
    Ok(visit::undecided(conn, visit_id)?
        .into_iter()
        .map(|(position, _)| position)
        .filter(|position| !with_pages.contains(position))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_are_stored_once_each_in_rule_order() {
        let text = grounds_text(&[Ground::Defects, Ground::NotPresented, Ground::Defects]);
        assert_eq!(text, "1 3");
        assert_eq!(
            parse_grounds(&text),
            vec![Ground::NotPresented, Ground::Defects]
        );
    }
}
