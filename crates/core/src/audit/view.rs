//! The trail as supervisors browse it: newest first, a page at a time, narrowed by days, action
//! and a search over who and what.
use super::chain::Fields;
use super::detail::{self, Detail};
use super::Action;
use crate::dates;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{named_params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Entries a page holds.
pub const PAGE: i64 = 100;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditFilter {
    /// The first and last day, inclusive, in local time.
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    #[ts(optional)]
    pub action: Option<Action>,
    /// Part of an IIN, a name or an entry's detail; any letter case.
    #[ts(optional)]
    pub search: Option<String>,
    /// Entries skipped from the newest: a multiple of [`PAGE`] to turn pages.
    #[serde(default)]
    #[ts(type = "number")]
    pub offset: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// `None` for Rastau itself.
    pub actor_iin: Option<String>,
    pub actor_name: Option<String>,
    /// An [`Action`] code; a code this build does not know is shown as it is.
    pub action: String,
    pub record_kind: Option<String>,
    #[ts(type = "number | null")]
    pub record_id: Option<i64>,
    /// The journal number of the visit the record belongs to (a visit, its page, copy, notice
    /// or hand-over): what a supervisor knows the record by, rather than its row id.
    pub journal_number: Option<String>,
    /// The full name of the account an entry is about, for the same reason.
    pub account_name: Option<String>,
    /// As stored, and as the hash chain covers it.
    pub detail: String,
    /// The detail as people know what it names (see [`detail`]).
    pub shown: Detail,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Entries matching the filter, on all pages.
    #[ts(type = "number")]
    pub total: i64,
}

const MATCHING: &str = "FROM audit_entry
    WHERE (:from IS NULL OR at >= :from) AND (:to IS NULL OR at < :to)
      AND (:action IS NULL OR action = :action)
      AND (:search IS NULL OR instr(fold(coalesce(actor_iin, '') || ' ' || coalesce(actor_name, '')
                                    || ' ' || detail), :search) > 0)";

/// An entry as read, before its detail is resolved: its number, fields, and the journal number
/// and account name of its record.
type Row = (i64, Fields, Option<String>, Option<String>);

impl AuditEntry {
    fn new(
        conn: &Connection,
        (seq, fields, journal_number, account_name): Row,
    ) -> Result<AuditEntry> {
        let at = DateTime::parse_from_rfc3339(&fields.at)
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
            })?
            .with_timezone(&Utc);
        let shown = detail::read(conn, &fields.action, fields.record_id, &fields.detail)?;
        Ok(AuditEntry {
            seq,
            at,
            actor_iin: fields.actor_iin,
            actor_name: fields.actor_name,
            action: fields.action,
            record_kind: fields.record_kind,
            record_id: fields.record_id,
            journal_number,
            account_name,
            detail: fields.detail,
            shown,
        })
    }
}

/// The journal number of the visit an entry's record belongs to, if it is one of a visit's, as
/// `JournalNumber` prints it (with the installation's code the visit was given, if any).
const JOURNAL_NUMBER: &str = "(SELECT printf('%s%d/%06d', coalesce(v.installation_code || '-', ''),
                       v.journal_year, v.journal_seq)
       FROM visit v
      WHERE v.id = CASE record_kind
                     WHEN 'visit' THEN record_id
                     WHEN 'page' THEN (SELECT visit_id FROM scan_page WHERE id = record_id)
                     WHEN 'copy' THEN (SELECT visit_id FROM certified_copy WHERE id = record_id)
                     WHEN 'notice' THEN (SELECT visit_id FROM refusal_notice WHERE id = record_id)
                     WHEN 'handover' THEN (SELECT c.visit_id FROM handover_copy h
                                             JOIN certified_copy c ON c.id = h.copy_id
                                            WHERE h.handover_id = record_id LIMIT 1)
                   END)";

/// The full name of the account an entry is about, if it is about one.
const ACCOUNT_NAME: &str = "(SELECT full_name FROM account
      WHERE record_kind = 'account' AND id = record_id)";

/// The page of the trail that `filter` asks for, newest first.
pub fn page(conn: &Connection, filter: &AuditFilter) -> Result<AuditPage> {
    // Stored times are UTC RFC 3339 with a fixed width, so they compare as text.
    let instant =
        |day: NaiveDate| dates::midnight(day).to_rfc3339_opts(SecondsFormat::Micros, true);
    let from = filter.from.map(instant);
    let to = filter.to.and_then(|d| d.succ_opt()).map(instant);
    let action = filter.action.map(Action::code);
    let search = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let params = named_params! {
        ":from": from, ":to": to, ":action": action, ":search": search,
    };
    let total = conn.query_row(&format!("SELECT count(*) {MATCHING}"), params, |r| r.get(0))?;
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, {}, {JOURNAL_NUMBER}, {ACCOUNT_NAME} {MATCHING}
          ORDER BY seq DESC LIMIT {PAGE} OFFSET :offset",
        Fields::COLUMNS
    ))?;
    let rows = stmt
        .query_map(
            named_params! {
                ":from": from, ":to": to, ":action": action, ":search": search,
                ":offset": filter.offset.max(0),
            },
            |r| Ok((r.get(0)?, Fields::read(r, 1)?, r.get(8)?, r.get(9)?)),
        )?
        .collect::<rusqlite::Result<Vec<Row>>>()?;
    let entries = rows
        .into_iter()
        .map(|row| AuditEntry::new(conn, row))
        .collect::<Result<_>>()?;
    Ok(AuditPage { entries, total })
}
