//! The journal's rows as read from the store: three queries over the visits accepted in the
//! range (visits, documents, notices), grouped by visit.
use super::filter::{JournalFilter, Outcome};
use crate::error::Result;
use crate::journal_number::JournalNumber;
use crate::refusal::{self, Ground};
use crate::visit::over_limit;
use chrono::{DateTime, Utc};
use rusqlite::{named_params, Connection};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One visit in the journal.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalRow {
    #[ts(type = "number")]
    pub visit_id: i64,
    /// `2026/000042`, or `A1B2C3D4-2026/000042` once the installation has its code.
    pub number: String,
    /// The number's year and place in the year: the journal's order, which sorting by number
    /// follows (the text would put a code's letters and digits before the year).
    pub year: i32,
    pub seq: u32,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    #[ts(type = "number | null")]
    pub duration_seconds: Option<i64>,
    pub over_limit: bool,
    pub tax_id: String,
    /// The person's full name or the organisation's.
    pub applicant: String,
    pub representative: Option<String>,
    #[ts(type = "number")]
    pub clerk_id: i64,
    pub clerk_name: String,
    pub documents: Vec<JournalDocument>,
    pub notices: Vec<JournalNotice>,
    pub receipt_prints: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalDocument {
    pub position: u32,
    pub title: String,
    pub outcome: DocumentOutcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum DocumentOutcome {
    Certified,
    Refused { grounds: Vec<Ground> },
    Undecided,
}

/// A notice of refusal issued during the visit and how many paper copies were handed out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalNotice {
    pub number: String,
    pub prints: u32,
}

impl JournalRow {
    /// Whether one of the visit's documents ended as `outcome`.
    pub fn has(&self, outcome: Outcome) -> bool {
        self.documents.iter().any(|d| {
            matches!(
                (&d.outcome, outcome),
                (DocumentOutcome::Certified, Outcome::Certified)
                    | (DocumentOutcome::Refused { .. }, Outcome::Refused)
                    | (DocumentOutcome::Undecided, Outcome::Undecided)
            )
        })
    }

    /// Whether `filter` keeps the row, by what SQL did not already select by: outcome, ground,
    /// over-limit and the search box.
    pub(super) fn admitted_by(&self, filter: &JournalFilter) -> bool {
        let outcome = filter.outcome.is_none_or(|o| self.has(o));
        let ground = filter.ground.is_none_or(|g| {
            self.documents
                .iter()
                .any(|d| matches!(&d.outcome, DocumentOutcome::Refused { grounds } if grounds.contains(&g)))
        });
        let over = !filter.over_limit_only || self.over_limit;
        let search = filter
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .is_none_or(|s| self.mentions(&s.to_lowercase()));
        outcome && ground && over && search
    }

    /// Whether `needle` (lower case) is part of the number, the IIN/BIN, a name or a title.
    pub fn mentions(&self, needle: &str) -> bool {
        let titles = self.documents.iter().map(|d| d.title.as_str());
        [
            &self.number,
            &self.tax_id,
            &self.applicant,
            &self.clerk_name,
        ]
        .into_iter()
        .map(String::as_str)
        .chain(self.representative.as_deref())
        .chain(titles)
        .any(|text| text.to_lowercase().contains(needle))
    }
}

/// The visits accepted within the filter's days (of its clerk, if it names one), oldest first.
pub fn load(conn: &Connection, filter: &JournalFilter) -> Result<Vec<JournalRow>> {
    let (from, to) = filter.instants();
    let mut rows = visits(conn, from, to, filter.clerk_id)?;
    let index: HashMap<i64, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.visit_id, i))
        .collect();
    let place = |visit_id: i64| index.get(&visit_id).copied();
    for (i, document) in documents(conn, from, to)?.filter_map(|(v, d)| Some((place(v)?, d))) {
        rows[i].documents.push(document);
    }
    for (i, notice) in notices(conn, from, to)?.filter_map(|(v, n)| Some((place(v)?, n))) {
        rows[i].notices.push(notice);
    }
    Ok(rows)
}

/// The visits started within `[:from, :to)`, of the clerk `:clerk` unless it is NULL, oldest
/// first, with the names as they were at the visit and the receipts printed. On a signed-off
/// day only the prints up to the sign-off count: the day reads as it was signed.
const VISITS: &str = "SELECT v.id, v.journal_year, v.journal_seq, v.started_at, v.ended_at,
            v.representative_name, v.clerk_id, v.clerk_name, a.tax_id, v.applicant_name,
            (SELECT count(*) FROM receipt_print p WHERE p.visit_id = v.id
               AND p.printed_at <= coalesce(s.signed_at, p.printed_at)) AS receipt_prints,
            v.installation_code
     FROM visit v
     JOIN applicant a ON a.id = v.applicant_id
     LEFT JOIN day_signoff s ON s.day = date(v.started_at, 'localtime')
     WHERE v.started_at >= :from AND v.started_at < :to
       AND (:clerk IS NULL OR v.clerk_id = :clerk)
     ORDER BY v.started_at, v.id";

fn visits(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    clerk_id: Option<i64>,
) -> Result<Vec<JournalRow>> {
    let mut stmt = conn.prepare_cached(VISITS)?;
    let rows = stmt.query_map(
        named_params! { ":from": from, ":to": to, ":clerk": clerk_id },
        // By position, in the order of VISITS: a name is looked up among the columns at every get.
        |r| {
            let started_at: DateTime<Utc> = r.get(3)?;
            let ended_at: Option<DateTime<Utc>> = r.get(4)?;
            let duration_seconds = ended_at.map(|end| (end - started_at).num_seconds());
            let number = JournalNumber::coded(r.get(11)?, r.get(1)?, r.get(2)?);
            Ok(JournalRow {
                visit_id: r.get(0)?,
                number: number.to_string(),
                year: number.year,
                seq: number.seq,
                started_at,
                ended_at,
                duration_seconds,
                over_limit: duration_seconds.is_some_and(over_limit),
                tax_id: r.get(8)?,
                applicant: r.get(9)?,
                representative: r.get(5)?,
                clerk_id: r.get(6)?,
                clerk_name: r.get(7)?,
                documents: vec![],
                notices: vec![],
                receipt_prints: r.get(10)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The documents of the visits started within `[:from, :to)` and what became of each.
const DOCUMENTS: &str =
    "SELECT d.visit_id, d.position, d.title, c.id IS NOT NULL AS certified, r.grounds
     FROM visit v
     JOIN document d ON d.visit_id = v.id
     LEFT JOIN certified_copy c ON c.document_id = d.id
     LEFT JOIN refusal r ON r.document_id = d.id
     WHERE v.started_at >= :from AND v.started_at < :to
     ORDER BY d.visit_id, d.position";

fn documents(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<impl Iterator<Item = (i64, JournalDocument)>> {
    // By position, in the order of DOCUMENTS.
    per_visit(conn, DOCUMENTS, from, to, |r| {
        let grounds: Option<String> = r.get(4)?;
        let outcome = match (r.get::<_, bool>(3)?, grounds) {
            (true, _) => DocumentOutcome::Certified,
            (false, Some(g)) => DocumentOutcome::Refused {
                grounds: refusal::parse_grounds(&g),
            },
            (false, None) => DocumentOutcome::Undecided,
        };
        Ok(JournalDocument {
            position: r.get(1)?,
            title: r.get(2)?,
            outcome,
        })
    })
}

/// The notices of the visits started within `[:from, :to)` and their paper copies (on a
/// signed-off day, those printed up to the sign-off).
const NOTICES: &str = "SELECT n.visit_id, n.seq, v.journal_year, v.journal_seq,
            (SELECT count(*) FROM notice_print p WHERE p.notice_id = n.id
               AND p.printed_at <= coalesce(s.signed_at, p.printed_at)) AS prints,
            v.installation_code
     FROM visit v JOIN refusal_notice n ON n.visit_id = v.id
     LEFT JOIN day_signoff s ON s.day = date(v.started_at, 'localtime')
     WHERE v.started_at >= :from AND v.started_at < :to
     ORDER BY n.visit_id, n.seq";

fn notices(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<impl Iterator<Item = (i64, JournalNotice)>> {
    // By position, in the order of NOTICES.
    per_visit(conn, NOTICES, from, to, |r| {
        let visit = JournalNumber::coded(r.get(5)?, r.get(2)?, r.get(3)?);
        Ok(JournalNotice {
            number: visit.notice(r.get(1)?),
            prints: r.get(4)?,
        })
    })
}

/// Runs `sql` over `[:from, :to)`; each row's first column is its visit's id, the rest `item`'s.
fn per_visit<T>(
    conn: &Connection,
    sql: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    item: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<impl Iterator<Item = (i64, T)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(named_params! { ":from": from, ":to": to }, |r| {
            Ok((r.get(0)?, item(r)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// Each query's plan, one line a step, its parameters all NULL.
    fn plan(conn: &Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        for i in 1..=stmt.parameter_count() {
            stmt.raw_bind_parameter(i, rusqlite::types::Null).unwrap();
        }
        let mut rows = stmt.raw_query();
        let mut steps = vec![];
        while let Some(row) = rows.next().unwrap() {
            steps.push(row.get::<_, String>(3).unwrap());
        }
        steps
    }

    /// With a million visits a day must still be found through indexes: no query reads a
    /// whole table (the planner chooses as it would on a big store: there are no statistics).
    #[test]
    fn the_queries_search_indexes_and_scan_no_table() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for sql in [VISITS, DOCUMENTS, NOTICES] {
            let steps = plan(store.read(), sql);
            assert!(
                steps[0].starts_with("SEARCH v USING ") && steps[0].contains("visit_by_start"),
                "{steps:#?}"
            );
            assert!(
                steps.iter().all(|s| !s.starts_with("SCAN")),
                "{sql}\n{steps:#?}"
            );
        }
    }

    /// The sqlite3 baseline of the journal bench runs these very queries.
    #[test]
    fn the_sqlite3_baseline_runs_these_queries() {
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let script = words(include_str!("../../benches/journal-sqlite3-baseline.sh"));
        for sql in [VISITS, DOCUMENTS, NOTICES] {
            assert!(script.contains(&words(sql)), "{sql}");
        }
    }
}
