//! EDS keys at the desk: the open key as the counter shows it (whose it is and until when it
//! signs), a supervisor's key brought for one signature, and the one check every key passes
//! before it signs anything.
use crate::account::{self, Account, Role};
use crate::error::{Error, Result};
use crate::signature_policy::{self, WithoutStatus};
use crate::stamping::Stamper;
use crate::trust;
use chrono::{DateTime, Utc};
use rastau_sign::{
    CertPath, CertificateInfo, Evidence, Failure, Pkcs12Signer, RevocationOptions,
    RevocationStatus, Signer, Source, ValidationData,
};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;
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

/// A supervisor's key file brought to the desk, with its password; kept in memory only for the
/// one signature.
#[derive(Clone, Deserialize)]
pub struct KeyFile {
    pub pkcs12: Vec<u8>,
    pub password: String,
}

/// Refuses a key that may not sign for `iin` at `now` (the application's clock, not anything
/// the certificate claims): an authentication key, another person's, one outside its validity,
/// or one that does not chain to a CA this center trusts — with no CA trusted at all, nothing
/// signs, and the message says what a supervisor adds. What it answers still has to ask
/// whether the key was revoked ([`CheckedKey::standing`]): that one needs the network.
pub fn check(
    conn: &Connection,
    signer: &dyn Signer,
    iin: &str,
    now: DateTime<Utc>,
) -> Result<CheckedKey> {
    rastau_sign::check_signer(signer.certificate(), iin, now)?;
    let anchors = trust::anchors(conn)?;
    if anchors.is_empty() {
        return Err(Error::NoTrustAnchors);
    }
    let path = rastau_sign::check_chain(signer, &anchors, now)?;
    let policy = signature_policy::load(conn)?;
    Ok(CheckedKey {
        path,
        stamper: Stamper::of(&policy, &anchors),
        without_status: policy.without_status,
    })
}

/// A key that may sign now, with what was known of it when it was checked: what every
/// signature is made with.
#[derive(Clone)]
pub struct KeyInHand {
    pub signer: Arc<dyn Signer>,
    pub standing: KeyStanding,
}

/// A key that passed the checks that need no network: its path to the trusted CA, and the
/// center's policy for its revocation status and timestamps.
#[derive(Debug, Clone)]
pub struct CheckedKey {
    path: CertPath,
    stamper: Option<Stamper>,
    without_status: WithoutStatus,
}

/// What was known of a key when it signed: the path to the trusted CA and the revocation
/// status obtained (none, where the center signs without one), which a signature carries; and
/// whom its signatures ask for a timestamp.
#[derive(Debug, Clone)]
pub struct KeyStanding {
    path: CertPath,
    status: Option<Evidence>,
    pub stamper: Option<Stamper>,
}

/// Bounds of one revocation lookup at the counter: a queue waits on it. Two addresses of each
/// kind at most (`rastau_sign::MAX_URLS`) make 12 s the worst case.
fn revocation_options() -> RevocationOptions {
    RevocationOptions {
        timeout: Duration::from_secs(3),
        ..RevocationOptions::default()
    }
}

impl CheckedKey {
    /// The key `signer` ready to sign at `now`, once its revocation status allows it
    /// ([`CheckedKey::standing`]).
    pub fn in_hand(self, signer: Arc<dyn Signer>, now: DateTime<Utc>) -> Result<KeyInHand> {
        Ok(KeyInHand {
            signer,
            standing: self.standing(now)?,
        })
    }

    /// Asks the key's OCSP responder, then its CRL, whether it was revoked by `now`. A revoked
    /// key is refused with its revocation date; a key whose status cannot be had is refused
    /// too, unless the center signs without one.
    pub fn standing(self, now: DateTime<Utc>) -> Result<KeyStanding> {
        let leaf = &self.path.certificates[0];
        let status = match self.path.issuer() {
            Some(issuer) => {
                rastau_sign::revocation_status(leaf, issuer, now, &revocation_options())?
            }
            // The trusted CA's own key: no one above it answers for it.
            None => RevocationStatus::Unreachable {
                ocsp: Failure::NotNamed,
                crl: Failure::NotNamed,
            },
        };
        let status = match (&status, self.without_status) {
            (RevocationStatus::Unreachable { .. }, WithoutStatus::Allow) => None,
            _ => Some(status.require_good()?.clone()),
        };
        Ok(KeyStanding {
            path: self.path,
            status,
            stamper: self.stamper,
        })
    }
}

impl KeyStanding {
    /// What a copy records of its key's status: `ocsp`, `crl`, or `none` when none could be had.
    pub fn key_status(&self) -> &'static str {
        match self.status.as_ref().map(|e| e.source) {
            Some(Source::Ocsp) => "ocsp",
            Some(Source::Crl) => "crl",
            None => "none",
        }
    }

    /// Whether the key signs without a revocation status (the center allows it).
    pub fn without_status(&self) -> bool {
        self.status.is_none()
    }

    /// The certificates and the status, for the signature to carry (PAdES B-LT, CAdES
    /// revocation values).
    pub fn validation_data(&self) -> ValidationData {
        let mut data = ValidationData {
            certificates: self.path.certificates.clone(),
            ..ValidationData::default()
        };
        if let Some(evidence) = &self.status {
            match evidence.source {
                Source::Ocsp => data.ocsp_responses.push(evidence.der.clone()),
                Source::Crl => data.crls.push(evidence.der.clone()),
            }
        }
        data
    }
}

/// Opens a supervisor's key, refusing a key of anyone but an active supervisor of this center
/// and a key the certified copies' checks would refuse (validity, usage, owner, trusted CA).
pub fn supervisor_key(
    conn: &Connection,
    key: &KeyFile,
    now: DateTime<Utc>,
) -> Result<(Account, Arc<dyn Signer>, CheckedKey)> {
    let signer = Pkcs12Signer::open(&key.pkcs12, &key.password)?;
    let supervisor = signer
        .certificate()
        .iin
        .as_deref()
        .map(|iin| account::by_iin(conn, iin))
        .transpose()?
        .flatten()
        .filter(|a| a.role == Role::Supervisor && a.active)
        .ok_or(Error::NotASupervisorKey)?;
    let checked = check(conn, &signer, &supervisor.iin, now)?;
    Ok((supervisor, Arc::new(signer), checked))
}
