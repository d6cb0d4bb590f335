//! The refusal side of a visit as the counter screen shows it.
use super::records::Stored;
use super::signer::NoticeSigner;
use super::{Ground, NoticeView};
use serde::Serialize;
use ts_rs::TS;

/// A refused document on the counter screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefusalView {
    pub position: u32,
    pub title: String,
    pub grounds: Vec<Ground>,
    pub justification: String,
    /// In a signed notice: no longer withdrawn.
    pub signed: bool,
}

/// The refusal side of a visit: what is refused, the notices signed, and what the counter
/// suggests.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefusalsView {
    pub refusals: Vec<RefusalView>,
    pub notices: Vec<NoticeView>,
    /// Documents neither certified nor refused with no pages: ground 1, originals missing.
    pub without_pages: Vec<u32>,
    /// Who must sign the notice.
    pub notice_signer: NoticeSigner,
}

impl From<Stored> for RefusalView {
    fn from(s: Stored) -> RefusalView {
        RefusalView {
            position: s.refusal.position,
            title: s.refusal.document.title,
            grounds: s.refusal.grounds,
            justification: s.refusal.justification,
            signed: s.notice_id.is_some(),
        }
    }
}
