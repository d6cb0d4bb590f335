//! Rule 2.1: the written consent is given "at the moment of personal presence". Registering it
//! records who signed it in front of the clerk (the applicant, or the representative under the
//! power of attorney) and who registered it.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who signed the consent in person at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Present {
    Applicant,
    Representative,
}

impl Present {
    /// As stored and in the audit trail: `applicant` or `representative`.
    pub fn code(self) -> &'static str {
        match self {
            Present::Applicant => "applicant",
            Present::Representative => "representative",
        }
    }

    pub fn from_code(code: &str) -> Option<Present> {
        [Present::Applicant, Present::Representative]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// The consent as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsentGiven {
    pub present: Present,
    /// The full name of the person present, as at the visit.
    pub name: String,
    /// The clerk (or supervisor) who registered the consent.
    pub registered_by: String,
}

impl ConsentGiven {
    /// From the visit row's `consent_present`, `consent_present_name` and `consent_clerk_name`;
    /// `None` before the consent, and for one registered before presence was recorded.
    pub(crate) fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Option<ConsentGiven>> {
        let present: Option<String> = r.get("consent_present")?;
        let Some(present) = present.as_deref().and_then(Present::from_code) else {
            return Ok(None);
        };
        Ok(Some(ConsentGiven {
            present,
            name: r.get("consent_present_name")?,
            registered_by: r.get("consent_clerk_name")?,
        }))
    }
}
