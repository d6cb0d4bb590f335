//! Refusals (rule 9): a document the center will not certify, on one or more of the grounds the
//! rules name, with the clerk's justification; and the notice of Annex 2 that tells the
//! applicant so, itself an electronic document signed with the EDS of the authorised person.
mod ground;
pub(crate) mod notices;
pub(crate) mod records;
pub(crate) mod signer;
mod view;

pub use ground::Ground;
pub use notices::NoticeView;
pub use records::{ensure_not_refused, ensure_notified, parse_grounds, RefuseRequest};
pub use signer::NoticeSigner;
pub use view::{RefusalView, RefusalsView};

use crate::error::Result;
use crate::lang::Lang;
use crate::store::content_hash;
use crate::visit::Document;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One refused document as the notice lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Refusal {
    /// The document's place (1-based) in the visit's list.
    pub position: u32,
    pub document: Document,
    /// At least one, in the order of rule 9, each once.
    pub grounds: Vec<Ground>,
    /// The clerk's words: which page bears a pencil correction, which seal is illegible.
    pub justification: String,
}

impl Refusal {
    /// SHA-256 of the row as the notice prints it; the notice's seal covers these.
    pub fn row_hash(&self) -> String {
        let grounds: Vec<String> = self
            .grounds
            .iter()
            .map(|g| g.number().to_string())
            .collect();
        let d = &self.document;
        let row = [
            &self.position.to_string(),
            &d.title,
            &d.number,
            &d.issued_on,
            &d.issuer,
            &grounds.join(" "),
            &self.justification,
        ]
        .map(String::as_str)
        .join("\u{1f}");
        content_hash(row.as_bytes())
    }
}

/// The visit's refusals with the numbers of their notices (`—` while none is signed), for the
/// receipt.
pub fn with_notices(conn: &Connection, visit_id: i64) -> Result<Vec<(Refusal, String)>> {
    let notices = notices::of_visit(conn, visit_id)?;
    let number = |id: Option<i64>| {
        notices
            .iter()
            .find(|n| Some(n.id) == id)
            .map_or_else(|| "—".to_owned(), |n| n.number.clone())
    };
    Ok(records::of_visit(conn, visit_id)?
        .into_iter()
        .map(|s| (s.refusal, number(s.notice_id)))
        .collect())
}

/// The signed notices' SHA-256s of a visit, in the order they were signed.
pub fn notice_hashes_of_visit(conn: &Connection, visit_id: i64) -> Result<Vec<String>> {
    let mut notices = notices::of_visit(conn, visit_id)?;
    notices.sort_by_key(|n| n.id);
    Ok(notices.into_iter().map(|n| n.pdf_hash).collect())
}

/// The language(s) of a notice, as the applicant asks: Kazakh, Russian, or both on one sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum NoticeLanguages {
    Kk,
    Ru,
    Both,
}

impl NoticeLanguages {
    /// The languages printed, the state language first.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            NoticeLanguages::Kk => &[Lang::Kk],
            NoticeLanguages::Ru => &[Lang::Ru],
            NoticeLanguages::Both => &[Lang::Kk, Lang::Ru],
        }
    }

    /// As stored: `kk`, `ru` or `both`.
    pub fn code(self) -> &'static str {
        match self {
            NoticeLanguages::Kk => "kk",
            NoticeLanguages::Ru => "ru",
            NoticeLanguages::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<NoticeLanguages> {
        [
            NoticeLanguages::Kk,
            NoticeLanguages::Ru,
            NoticeLanguages::Both,
        ]
        .into_iter()
        .find(|l| l.code() == code)
    }
}
