//! The hash chain over the audit trail. Each entry's hash is the SHA-256 of its fields and the
//! hash of the entry before it, so an entry cannot be changed, removed or slipped in without
//! breaking the links after it; [`verify`] walks the chain and names the first break.
//!
//! The sequence number is not hashed: it is the row's place, and a removal shows as a broken
//! link rather than as a gap in numbers.
use crate::error::Result;
use crate::store::content_hash;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an entry's hash covers, in this order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fields {
    pub at: String,
    pub actor_iin: Option<String>,
    pub actor_name: Option<String>,
    pub action: String,
    pub record_kind: Option<String>,
    pub record_id: Option<i64>,
    pub detail: String,
}

impl Fields {
    /// The columns [`Fields::read`] reads, in its order.
    pub const COLUMNS: &str = "at, actor_iin, actor_name, action, record_kind, record_id, detail";

    /// The fields from `row`, whose [`Fields::COLUMNS`] start at column `first`.
    pub fn read(row: &rusqlite::Row, first: usize) -> rusqlite::Result<Fields> {
        Ok(Fields {
            at: row.get(first)?,
            actor_iin: row.get(first + 1)?,
            actor_name: row.get(first + 2)?,
            action: row.get(first + 3)?,
            record_kind: row.get(first + 4)?,
            record_id: row.get(first + 5)?,
            detail: row.get(first + 6)?,
        })
    }

    /// The hash of these fields linked to `prev_hash`: SHA-256 of a JSON array, which leaves no
    /// room for two different entries to run together into the same bytes.
    pub fn hash(&self, prev_hash: &str) -> String {
        let linked = serde_json::json!([
            prev_hash,
            self.at,
            self.actor_iin,
            self.actor_name,
            self.action,
            self.record_kind,
            self.record_id,
            self.detail,
        ]);
        content_hash(linked.to_string().as_bytes())
    }
}

/// The first break in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Fault {
    /// The entry's fields no longer give its hash.
    Changed {
        #[ts(type = "number")]
        seq: i64,
    },
    /// Entries between these two are gone (`after` is `None` when the first ones are).
    Removed {
        #[ts(type = "number | null")]
        after: Option<i64>,
        #[ts(type = "number")]
        before: i64,
    },
    /// The entry was not made where it stands: the entry after it links past it.
    Inserted {
        #[ts(type = "number")]
        seq: i64,
    },
}

/// What a walk over the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChainReport {
    #[ts(type = "number")]
    pub entries: i64,
    /// The last entry's hash: noted elsewhere, it lets a later check see a cut-off tail.
    pub head: String,
    pub fault: Option<Fault>,
}

struct Link {
    seq: i64,
    prev_hash: String,
    hash: String,
    /// Whether the fields hash to `hash` over `prev_hash`.
    sound: bool,
}

/// The hash of the last entry: what the next one links to.
pub fn head(conn: &Connection) -> Result<String> {
    let last = conn
        .query_row(
            "SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(GENESIS.to_owned()),
            e => Err(e),
        })?;
    Ok(last)
}

/// Walks the whole trail in order and names the first break.
pub fn verify(conn: &Connection) -> Result<ChainReport> {
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, {}, prev_hash, hash FROM audit_entry ORDER BY seq",
        Fields::COLUMNS
    ))?;
    let mut links = stmt.query_map([], |r| {
        let fields = Fields::read(r, 1)?;
        let prev_hash: String = r.get(8)?;
        let hash: String = r.get(9)?;
        Ok(Link {
            seq: r.get(0)?,
            sound: fields.hash(&prev_hash) == hash,
            prev_hash,
            hash,
        })
    })?;
    let mut report = ChainReport {
        entries: 0,
        head: GENESIS.to_owned(),
        fault: None,
    };
    // An entry is judged when the one after it arrives: only then is it known whether the
    // chain goes on from it, skips it, or lost something after it.
    let mut before_last: Option<Link> = None;
    let mut last: Option<Link> = None;
    for link in links.by_ref() {
        let link = link?;
        report.entries += 1;
        if report.fault.is_none() {
            report.fault = match &last {
                None => (link.prev_hash != GENESIS).then_some(Fault::Removed {
                    after: None,
                    before: link.seq,
                }),
                Some(last) => judge(before_last.as_ref(), last, &link),
            };
        }
        report.head = link.hash.clone();
        before_last = last.replace(link);
    }
    if let Some(last) = last.filter(|l| report.fault.is_none() && !l.sound) {
        report.fault = Some(Fault::Changed { seq: last.seq });
    }
    Ok(report)
}

/// The fault of `entry`, which is linked to `before`, seen from `next`.
fn judge(before: Option<&Link>, entry: &Link, next: &Link) -> Option<Fault> {
    if next.prev_hash == entry.hash {
        return (!entry.sound).then_some(Fault::Changed { seq: entry.seq });
    }
    if next.prev_hash == before.map_or(GENESIS, |l| l.hash.as_str()) {
        return Some(Fault::Inserted { seq: entry.seq });
    }
    // Neither: its hash was made anew over changed fields, or entries after it are gone.
    Some(if next.seq == entry.seq + 1 {
        Fault::Changed { seq: entry.seq }
    } else {
        Fault::Removed {
            after: Some(entry.seq),
            before: next.seq,
        }
    })
}
