//! Rule 6: the result of a request is the certified copy, or a motivated refusal issued as a
//! signed electronic document. A visit therefore ends only when every listed document has one
//! of the two. The refusal is per listed document (the notice of Annex 2 has a row for each), so
//! a request with nothing listed has nothing to refuse yet: what the applicant asked for is
//! listed first, and refused on ground 1 as the whole request is when the consent is missing.
use crate::error::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// Where one listed document stands: no result yet, its certified copy, or its refusal (with
/// the notice once one is signed over it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum Decision {
    Pending,
    Certified {
        #[ts(type = "number")]
        copy_id: i64,
    },
    Refused {
        #[ts(type = "number | null")]
        notice_id: Option<i64>,
    },
}

/// The decision on each listed document, in list order. Read by the document's place in the
/// visit, never by its title: two documents may carry the same one.
pub fn decisions(conn: &Connection, visit_id: i64) -> Result<Vec<Decision>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, r.id, r.notice_id FROM document d
         LEFT JOIN certified_copy c ON c.document_id = d.id
         LEFT JOIN refusal r ON r.document_id = d.id
         WHERE d.visit_id = ?1
         ORDER BY d.position",
    )?;
    let rows = stmt.query_map([visit_id], |r| {
        let copy: Option<i64> = r.get(0)?;
        let refusal: Option<i64> = r.get(1)?;
        Ok(match (copy, refusal) {
            (Some(copy_id), _) => Decision::Certified { copy_id },
            (None, Some(_)) => Decision::Refused {
                notice_id: r.get(2)?,
            },
            (None, None) => Decision::Pending,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The listed documents neither certified nor refused, as (position, title), in list order.
pub fn undecided(conn: &Connection, visit_id: i64) -> Result<Vec<(u32, String)>> {
    let mut stmt = conn.prepare(
        "SELECT d.position, d.title FROM document d
         WHERE d.visit_id = ?1
           AND NOT EXISTS (SELECT 1 FROM certified_copy c WHERE c.document_id = d.id)
           AND NOT EXISTS (SELECT 1 FROM refusal r WHERE r.document_id = d.id)
         ORDER BY d.position",
    )?;
    let rows = stmt.query_map([visit_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses while the visit lists nothing, or lists a document with neither result.
pub fn ensure_decided(conn: &Connection, visit_id: i64) -> Result<()> {
    let listed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM document WHERE visit_id = ?1)",
        [visit_id],
        |r| r.get(0),
    )?;
    if !listed {
        return Err(Error::NothingListed);
    }
    let documents = undecided(conn, visit_id)?;
    if !documents.is_empty() {
        return Err(Error::UndecidedDocuments { documents });
    }
    Ok(())
}
