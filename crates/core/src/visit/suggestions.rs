//! Document titles and issuers the counter has already seen, offered while the clerk types
//! the next list: the same few documents come to a counter all day.
use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// How many recent visits' documents are looked through: enough for what is common here, and
/// a bounded read however large the store grows.
const RECENT_VISITS: i64 = 5000;

/// How many of each are offered, the most frequent first.
const OFFERED: i64 = 60;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DocumentSuggestions {
    pub titles: Vec<String>,
    pub issuers: Vec<String>,
}

/// The titles and issuers of the documents listed at this center's recent visits, most
/// frequent first.
pub fn suggestions(conn: &Connection) -> Result<DocumentSuggestions> {
    Ok(DocumentSuggestions {
        titles: most_frequent(conn, "title")?,
        issuers: most_frequent(conn, "issuer")?,
    })
}

/// `column` is one of this module's own column names, never user input.
fn most_frequent(conn: &Connection, column: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {column} FROM document
         WHERE visit_id > (SELECT COALESCE(MAX(id), 0) FROM visit) - ?1 AND {column} != ''
         GROUP BY {column} ORDER BY COUNT(*) DESC, {column} LIMIT ?2"
    ))?;
    let rows = stmt.query_map([RECENT_VISITS, OFFERED], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
