//! The hash chain over the audit trail. Each entry's hash is the SHA-256 of its fields and the
//! hash of the entry before it, so an entry cannot be changed, removed or slipped in without
//! breaking the links after it; [`walk`] goes over the links of a trail, from whichever store,
//! and names the first break ([`verify`] for the local store's).
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

/// One entry as the chain sees it, from whichever store holds the trail: the local SQLite
/// file, or an installation's rows in the shared store (the columns are named alike in both).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub seq: i64,
    pub fields: Fields,
    pub prev_hash: String,
    pub hash: String,
}

impl Link {
    /// The columns [`Link::read`] reads, in its order.
    pub const COLUMNS: &str =
        "seq, at, actor_iin, actor_name, action, record_kind, record_id, detail, prev_hash, hash";

    /// The link from a row of [`Link::COLUMNS`].
    pub fn read(row: &rusqlite::Row) -> rusqlite::Result<Link> {
        Ok(Link {
            seq: row.get(0)?,
            fields: Fields::read(row, 1)?,
            prev_hash: row.get(8)?,
            hash: row.get(9)?,
        })
    }
}

/// A link once its own hash is checked; whether the chain goes on from it is judged later.
struct Judged {
    seq: i64,
    prev_hash: String,
    hash: String,
    /// Whether the fields hash to `hash` over `prev_hash`.
    sound: bool,
}

impl From<Link> for Judged {
    fn from(link: Link) -> Judged {
        Judged {
            sound: link.fields.hash(&link.prev_hash) == link.hash,
            seq: link.seq,
            prev_hash: link.prev_hash,
            hash: link.hash,
        }
    }
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

/// Walks the whole local trail in order and names the first break.
pub fn verify(conn: &Connection) -> Result<ChainReport> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM audit_entry ORDER BY seq",
        Link::COLUMNS
    ))?;
    let links = stmt.query_map([], Link::read)?;
    Ok(walk(links)?)
}

/// Walks a trail's links, given in the order of `seq`, and names the first break. A trail
/// that stops early (a copy not yet complete) is sound as far as it goes; its head tells how
/// far that is. A link that cannot be read ends the walk with its error.
pub fn walk<E>(
    links: impl IntoIterator<Item = std::result::Result<Link, E>>,
) -> std::result::Result<ChainReport, E> {
    let mut report = ChainReport {
        entries: 0,
        head: GENESIS.to_owned(),
        fault: None,
    };
    // An entry is judged when the one after it arrives: only then is it known whether the
    // chain goes on from it, skips it, or lost something after it.
    let mut before_last: Option<Judged> = None;
    let mut last: Option<Judged> = None;
    for link in links {
        let link = Judged::from(link?);
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
fn judge(before: Option<&Judged>, entry: &Judged, next: &Judged) -> Option<Fault> {
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
