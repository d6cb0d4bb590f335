//! The clerk's open EDS key as the counter shows it: whose it is and until when it signs.
use chrono::{DateTime, Utc};
use rastau_sign::CertificateInfo;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SigningKeyView {
    pub owner: String,
    pub iin: Option<String>,
    pub issuer: String,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
}

impl From<&CertificateInfo> for SigningKeyView {
    fn from(c: &CertificateInfo) -> SigningKeyView {
        SigningKeyView {
            owner: c.subject_name.clone(),
            iin: c.iin.clone(),
            issuer: c.issuer_name.clone(),
            valid_from: c.not_before,
            valid_until: c.not_after,
        }
    }
}
