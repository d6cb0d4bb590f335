//! Refusals (rule 9): a document the center will not certify, on one or more of the grounds the
//! rules name, with the clerk's justification; and the notice of Annex 2 that tells the
//! applicant so, itself an electronic document signed with the EDS of the authorised person.
mod ground;

pub use ground::Ground;

use crate::lang::Lang;
use crate::visit::Document;
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
