//! What goes up for each audit entry, read from the local store as JSON rows in the shared
//! store's own columns (SQLite's `json_object` writes them, PostgreSQL's
//! `json_populate_recordset` reads them), so that a table's part of a batch is one statement
//! there. The files a row names are read from the row itself.
//!
//! Shared history is never updated, so a row goes up once, when it is final:
//! - a visit, with its applicant, documents, consent, copies and notices, when it first closes:
//!   until then its documents and consent may still change;
//! - a copy or notice made after its visit closed, at its own entry;
//! - a hand-over when it is done or failed; a day's sign-off when signed;
//! - every audit entry, as the chain holds it.
use super::PushReport;
use crate::audit::Action;
use crate::error::{Error, Result};
use crate::store::{content_hash, Files};
use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde_json::Value;
use std::collections::BTreeMap;

/// A batch also ends after the entry whose files pass this many bytes, whatever its count of
/// entries: one PostgreSQL transaction each, large enough to be quick, small enough to retry.
const MAX_BYTES: u64 = 64 << 20;

/// The shared store's tables in the order their foreign keys need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Table {
    Applicant,
    Visit,
    Document,
    Consent,
    CertifiedCopy,
    Notice,
    Handover,
    Signoff,
    AuditEntry,
}

impl Table {
    pub(super) fn name(self) -> &'static str {
        match self {
            Table::Applicant => "applicant",
            Table::Visit => "visit",
            Table::Document => "document",
            Table::Consent => "consent",
            Table::CertifiedCopy => "certified_copy",
            Table::Notice => "notice",
            Table::Handover => "handover",
            Table::Signoff => "signoff",
            Table::AuditEntry => "audit_entry",
        }
    }

    /// The columns of the table's rows that name stored files.
    fn file_columns(self) -> &'static [&'static str] {
        match self {
            Table::Consent => &["scan_sha256"],
            Table::CertifiedCopy | Table::Notice | Table::Signoff => &["pdf_sha256", "p7s_sha256"],
            _ => &[],
        }
    }
}

/// A stored file to send, by its hash.
pub(super) struct FileRow {
    pub sha256: String,
    /// `None` when retention removed it here before it went up: the record goes without it.
    pub bytes: Option<Vec<u8>>,
    pub keep_until: Option<String>,
    pub removed_on: Option<String>,
}

/// The rows of the entries after the mark, up to `last_seq`.
#[derive(Default)]
pub(super) struct Batch {
    pub last_seq: i64,
    pub rows: BTreeMap<Table, Vec<String>>,
    pub files: Vec<FileRow>,
    pub report: PushReport,
}

/// Whose rows these are in the shared store.
pub(super) struct Owner<'a> {
    pub center: &'a str,
    pub installation: &'a str,
}

/// The entries after `mark` and what they carry; `last_seq == mark` when none wait.
pub(super) fn gather(
    conn: &Connection,
    files: &Files,
    owner: &Owner,
    mark: i64,
    entries_at_most: u32,
) -> Result<Batch> {
    let mut reader = Reader {
        conn,
        files,
        owner,
        batch: Batch {
            last_seq: mark,
            ..Batch::default()
        },
    };
    for entry in entries(conn, owner, mark, entries_at_most)? {
        reader.entry(&entry)?;
        reader.batch.last_seq = entry.seq;
        if reader.batch.report.bytes >= MAX_BYTES {
            break;
        }
    }
    Ok(reader.batch)
}

struct Entry {
    seq: i64,
    action: Option<Action>,
    record_id: Option<i64>,
    detail: String,
    json: String,
}

fn entries(conn: &Connection, owner: &Owner, mark: i64, limit: u32) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, action, record_id, detail, json_object(
             'center_code', ?1, 'installation_code', ?2, 'seq', seq, 'at', at,
             'actor_iin', actor_iin, 'actor_name', actor_name, 'action', action,
             'record_kind', record_kind, 'record_id', record_id, 'detail', detail,
             'prev_hash', prev_hash, 'hash', hash)
         FROM audit_entry WHERE seq > ?3 ORDER BY seq LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![owner.center, owner.installation, mark, limit],
        |r| {
            Ok(Entry {
                seq: r.get(0)?,
                action: Action::from_code(&r.get::<_, String>(1)?),
                record_id: r.get(2)?,
                detail: r.get(3)?,
                json: r.get(4)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

struct Reader<'a> {
    conn: &'a Connection,
    files: &'a Files,
    owner: &'a Owner<'a>,
    batch: Batch,
}

impl Reader<'_> {
    fn entry(&mut self, entry: &Entry) -> Result<()> {
        self.add(Table::AuditEntry, entry.json.clone())?;
        self.batch.report.entries += 1;
        let Some(action) = entry.action else {
            return Ok(());
        };
        match (action, entry.record_id) {
            (Action::VisitClosed, Some(id)) if self.first_close(id)? == Some(entry.seq) => {
                self.visit(id, entry.seq)?;
            }
            (Action::Certified, Some(id))
                if self.closed_before("certified_copy", id, entry.seq)? =>
            {
                self.batch.report.copies +=
                    self.rows(Table::CertifiedCopy, COPY, &[(":id", &id)])?;
            }
            (Action::NoticeIssued, Some(id))
                if self.closed_before("refusal_notice", id, entry.seq)? =>
            {
                self.batch.report.notices += self.rows(Table::Notice, NOTICE, &[(":id", &id)])?;
            }
            (Action::HandedOver | Action::HandoverFailed, Some(id)) => {
                self.batch.report.handovers +=
                    self.rows(Table::Handover, HANDOVER, &[(":id", &id)])?;
            }
            // The entry's detail is `<day> <pdf hash>`.
            (Action::DaySignedOff, _) => {
                let day = entry.detail.split(' ').next().unwrap_or_default();
                self.batch.report.signoffs +=
                    self.rows(Table::Signoff, SIGNOFF, &[(":day", &day)])?;
            }
            _ => {}
        }
        Ok(())
    }

    /// The visit whole, closed at entry `closed`: the copies and notices made before then go
    /// with it, those made after at their own entries.
    fn visit(&mut self, visit: i64, closed: i64) -> Result<()> {
        let key: &[(&str, &dyn ToSql)] = &[(":visit", &visit), (":closed", &closed)];
        self.rows(Table::Applicant, APPLICANT, key)?;
        self.batch.report.visits += self.rows(Table::Visit, VISIT, key)?;
        self.rows(Table::Document, DOCUMENTS, key)?;
        self.rows(Table::Consent, CONSENT, key)?;
        self.batch.report.copies += self.rows(Table::CertifiedCopy, COPIES_OF_VISIT, key)?;
        self.batch.report.notices += self.rows(Table::Notice, NOTICES_OF_VISIT, key)?;
        Ok(())
    }

    /// The seq of the visit's first `visit-closed` entry.
    fn first_close(&self, visit: i64) -> Result<Option<i64>> {
        Ok(self.conn.query_row(
            "SELECT min(seq) FROM audit_entry
             WHERE action = 'visit-closed' AND record_kind = 'visit' AND record_id = ?1",
            [visit],
            |r| r.get(0),
        )?)
    }

    /// Whether the visit of the row `id` of `table` had closed before entry `seq`.
    fn closed_before(&self, table: &str, id: i64, seq: i64) -> Result<bool> {
        let visit: Option<i64> = self
            .conn
            .query_row(
                &format!("SELECT visit_id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match visit {
            Some(visit) => Ok(self.first_close(visit)?.is_some_and(|closed| closed < seq)),
            None => Ok(false),
        }
    }

    /// Adds the rows `sql` reads (with `:center`, `:installation` and the `key`'s names
    /// bound where it uses them), and the files they name; how many.
    fn rows(&mut self, table: Table, sql: &str, key: &[(&str, &dyn ToSql)]) -> Result<u64> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let owner: [(&str, &dyn ToSql); 2] = [
            (":center", &self.owner.center),
            (":installation", &self.owner.installation),
        ];
        for (name, value) in owner.iter().chain(key) {
            if let Some(index) = stmt.parameter_index(name)? {
                stmt.raw_bind_parameter(index, value)?;
            }
        }
        let mut found = vec![];
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            found.push(row.get::<_, String>(0)?);
        }
        drop(rows);
        let count = found.len() as u64;
        for json in found {
            self.add(table, json)?;
        }
        Ok(count)
    }

    fn add(&mut self, table: Table, json: String) -> Result<()> {
        if !table.file_columns().is_empty() {
            let row: Value = serde_json::from_str(&json).map_err(std::io::Error::other)?;
            for column in table.file_columns() {
                if let Some(hash) = row[column].as_str() {
                    let keep_until = row["keep_until"].as_str();
                    let removed_on = row["removed_on"].as_str();
                    self.file(hash, keep_until, removed_on)?;
                }
            }
        }
        self.batch.rows.entry(table).or_default().push(json);
        Ok(())
    }

    /// The stored file, checked against its name: a file changed on this disk does not go up.
    fn file(
        &mut self,
        hash: &str,
        keep_until: Option<&str>,
        removed_on: Option<&str>,
    ) -> Result<()> {
        if self.batch.files.iter().any(|f| f.sha256 == hash) {
            return Ok(());
        }
        let bytes = match self.files.get(hash) {
            Ok(bytes) if content_hash(&bytes) == hash => Some(bytes),
            Ok(_) => {
                return Err(Error::StoredCopyDamaged {
                    file: hash.to_owned(),
                })
            }
            Err(Error::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound && removed_on.is_some() =>
            {
                None
            }
            Err(e) => return Err(e),
        };
        self.batch.report.files += 1;
        self.batch.report.bytes += bytes.as_ref().map_or(0, |b| b.len() as u64);
        self.batch.files.push(FileRow {
            sha256: hash.to_owned(),
            bytes,
            keep_until: keep_until.map(str::to_owned),
            removed_on: removed_on.map(str::to_owned),
        });
        Ok(())
    }
}

/// The applicant as this store knows them now: each version is a row up there.
const APPLICANT: &str = "
    SELECT json_object('center_code', :center, 'installation_code', :installation, 'id', a.id,
        'tax_id', a.tax_id, 'kind', a.kind, 'surname', a.surname, 'given_name', a.given_name,
        'patronymic', a.patronymic, 'organization', a.organization, 'address', a.address,
        'phone', a.phone, 'updated_at', a.updated_at)
    FROM visit v JOIN applicant a ON a.id = v.applicant_id WHERE v.id = :visit";

const VISIT: &str = "
    SELECT json_object('center_code', :center, 'installation_code', :installation, 'id', v.id,
        'journal_year', v.journal_year, 'journal_seq', v.journal_seq,
        'applicant_id', v.applicant_id, 'applicant_tax_id', a.tax_id,
        'applicant_name', v.applicant_name, 'clerk_iin', k.iin, 'clerk_name', v.clerk_name,
        'representative_name', v.representative_name,
        'representative_iin', v.representative_iin, 'poa_number', v.poa_number,
        'poa_issued_on', v.poa_issued_on, 'poa_valid_until', v.poa_valid_until,
        'copies_on_media', json(CASE WHEN v.copies_on_media THEN 'true' ELSE 'false' END),
        'started_at', v.started_at, 'ended_at', v.ended_at)
    FROM visit v JOIN applicant a ON a.id = v.applicant_id JOIN account k ON k.id = v.clerk_id
    WHERE v.id = :visit";

const DOCUMENTS: &str = "
    SELECT json_object('center_code', :center, 'installation_code', :installation, 'id', d.id,
        'visit_id', d.visit_id, 'position', d.position, 'title', d.title, 'number', d.number,
        'issued_on', d.issued_on, 'issuer', d.issuer, 'sheets', d.sheets)
    FROM document d WHERE d.visit_id = :visit ORDER BY d.position";

const CONSENT: &str = "
    SELECT json_object('center_code', :center, 'installation_code', :installation,
        'visit_id', v.id, 'present', v.consent_present, 'present_name', v.consent_present_name,
        'clerk_iin', k.iin, 'clerk_name', v.consent_clerk_name,
        'received_at', v.consent_received_at, 'scan_sha256', v.consent_scan_hash)
    FROM visit v LEFT JOIN account k ON k.id = v.consent_clerk_id
    WHERE v.id = :visit AND v.consent_received_at IS NOT NULL";

macro_rules! copy_select {
    () => {
        "
    SELECT json_object('center_code', :center, 'installation_code', :installation, 'id', c.id,
        'visit_id', c.visit_id, 'document_id', c.document_id, 'pdf_sha256', c.pdf_hash,
        'p7s_sha256', c.signature_hash, 'page_count', c.page_count,
        'page_hashes', c.page_hashes, 'signer_name', c.signer_name,
        'signer_iin', c.signer_iin, 'signer_serial', c.signer_serial,
        'certified_at', c.certified_at, 'keep_until', c.keep_until, 'removed_on', c.removed_on)
    FROM certified_copy c"
    };
}

const COPY: &str = concat!(copy_select!(), " WHERE c.id = :id");

/// Rows of a visit made before it closed (entry `:closed`): by their own first entry, or
/// with none at all (made before the audit trail was).
macro_rules! made_before_close {
    ($action:literal, $kind:literal, $row:literal) => {
        concat!(
            " AND coalesce((SELECT min(e.seq) FROM audit_entry e WHERE e.action = '",
            $action,
            "' AND e.record_kind = '",
            $kind,
            "' AND e.record_id = ",
            $row,
            ".id), 0) < :closed"
        )
    };
}

const COPIES_OF_VISIT: &str = concat!(
    copy_select!(),
    " WHERE c.visit_id = :visit",
    made_before_close!("certified", "copy", "c"),
    " ORDER BY c.id"
);

macro_rules! notice_select {
    () => {
        "
    SELECT json_object('center_code', :center, 'installation_code', :installation, 'id', n.id,
        'visit_id', n.visit_id, 'seq', n.seq, 'languages', n.languages,
        'pdf_sha256', n.pdf_hash, 'p7s_sha256', n.signature_hash, 'row_hashes', n.row_hashes,
        'signer_name', n.signer_name, 'signer_iin', n.signer_iin,
        'signer_serial', n.signer_serial, 'issued_at', n.issued_at)
    FROM refusal_notice n"
    };
}

const NOTICE: &str = concat!(notice_select!(), " WHERE n.id = :id");

const NOTICES_OF_VISIT: &str = concat!(
    notice_select!(),
    " WHERE n.visit_id = :visit",
    made_before_close!("notice-issued", "notice", "n"),
    " ORDER BY n.id"
);

/// The copies a hand-over carried, as (installation, copy) pairs: a copy fetched from another
/// counter names that counter.
const HANDOVER: &str = "
    SELECT json_object('center_code', :center, 'installation_code', :installation, 'id', h.id,
        'visit_id', h.visit_id, 'folder', h.folder, 'clerk_iin', k.iin, 'state', h.state,
        'handed_at', h.handed_at,
        'copies', (SELECT json_group_array(json(c)) FROM (
            SELECT json_object('installation', :installation, 'copy', hc.copy_id) AS c
              FROM handover_copy hc WHERE hc.handover_id = h.id
            UNION ALL
            SELECT json_object('installation', f.installation_code, 'copy', f.origin_copy_id)
              FROM handover_fetched hf JOIN fetched_copy f ON f.id = hf.fetched_id
             WHERE hf.handover_id = h.id)))
    FROM handover h JOIN account k ON k.id = h.clerk_id WHERE h.id = :id";

const SIGNOFF: &str = "
    SELECT json_object('center_code', :center, 'installation_code', :installation,
        'day', s.day, 'supervisor_iin', k.iin, 'pdf_sha256', s.pdf_hash,
        'p7s_sha256', s.signature_hash, 'signer_name', s.signer_name,
        'signer_iin', s.signer_iin, 'signer_serial', s.signer_serial, 'signed_at', s.signed_at)
    FROM day_signoff s JOIN account k ON k.id = s.supervisor_id WHERE s.day = :day";
