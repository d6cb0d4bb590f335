//! The CAs this center trusts (NCA RK's roots and intermediates, the test CA in tests and the
//! demo): a clerk's or supervisor's key certifies only when it chains to one of them, and
//! signatures brought to the Verify screen are judged against them.
//!
//! Each CA is kept on its own, named by the SHA-256 of its certificate, after it has been read
//! and found to be a CA: one bad file can no longer spoil every verification. Entries written
//! by earlier builds (a whole PEM file under the hash of the file) are still read; one that
//! holds no CA is listed as unreadable, ignored, and can be removed.
use crate::error::{Error, Result};
use crate::setting;
use chrono::{DateTime, Utc};
use rastau_sign::{CaCertificate, CaInfo, TrustAnchors};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Settings keys of trusted CA certificates: this, then the entry's id.
const PREFIX: &str = "trusted-ca:";

/// A trusted CA as the supervisor's list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrustedCa {
    /// What removes the entry: the certificate's SHA-256 (an older entry's file hash).
    pub id: String,
    /// `None`: an entry of an earlier build that holds no readable CA certificate.
    pub subject: Option<String>,
    pub issuer: Option<String>,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
}

impl TrustedCa {
    fn readable(id: &str, info: &CaInfo) -> TrustedCa {
        TrustedCa {
            id: id.to_owned(),
            subject: Some(info.subject.clone()),
            issuer: Some(info.issuer.clone()),
            valid_from: Some(info.not_before),
            valid_until: Some(info.not_after),
        }
    }

    fn unreadable(id: &str) -> TrustedCa {
        TrustedCa {
            id: id.to_owned(),
            subject: None,
            issuer: None,
            valid_from: None,
            valid_until: None,
        }
    }
}

/// Adds every CA certificate of `file` (PEM, one or more, or one DER certificate); nothing is
/// kept unless all of them are CAs. Returns what was added.
pub fn add(tx: &Transaction, file: &[u8]) -> Result<Vec<CaInfo>> {
    let cas = CaCertificate::read_all(file)?;
    for ca in &cas {
        let pem = String::from_utf8(ca.to_pem()?).expect("PEM is ASCII");
        setting::set(tx, &format!("{PREFIX}{}", ca.info.fingerprint), &pem)?;
    }
    Ok(cas.into_iter().map(|ca| ca.info).collect())
}

/// Removes the entry `id` (as [`TrustedCa::id`] gives it).
pub fn remove(tx: &Transaction, id: &str) -> Result<()> {
    let removed = tx.execute(
        "DELETE FROM setting WHERE key = ?1",
        [format!("{PREFIX}{id}")],
    )?;
    if removed == 0 {
        return Err(Error::TrustedCaNotFound { id: id.to_owned() });
    }
    Ok(())
}

/// Every entry, readable or not, by subject.
pub fn list(conn: &Connection) -> Result<Vec<TrustedCa>> {
    let mut list = Vec::new();
    for (id, cas) in entries(conn)? {
        match cas {
            Some(cas) => list.extend(cas.iter().map(|ca| TrustedCa::readable(&id, &ca.info))),
            None => list.push(TrustedCa::unreadable(&id)),
        }
    }
    list.sort_by(|a, b| a.subject.cmp(&b.subject).then(a.id.cmp(&b.id)));
    Ok(list)
}

/// The anchors signing keys and signatures are judged against: every readable CA.
pub fn anchors(conn: &Connection) -> Result<TrustAnchors> {
    let cas = entries(conn)?.into_iter().flat_map(|(_, cas)| cas);
    Ok(TrustAnchors::new(cas.flatten()))
}

/// The trusted list's rows: each entry's id and its CAs, `None` where they cannot be read.
fn entries(conn: &Connection) -> Result<Vec<(String, Option<Vec<CaCertificate>>)>> {
    Ok(kept(conn)?
        .into_iter()
        .map(|(id, pem)| {
            let cas = CaCertificate::read_all(pem.as_bytes()).ok();
            (id, cas)
        })
        .collect())
}

/// Each entry's id and what is kept under it (PEM), as the center's policy carries them.
pub fn kept(conn: &Connection) -> Result<BTreeMap<String, String>> {
    setting::with_prefix(conn, PREFIX)
}

/// Makes the trusted list exactly `entries` (as [`kept`] gives them): the center's policy
/// from the shared store, over whatever this store held.
pub fn replace(tx: &Transaction, entries: &BTreeMap<String, String>) -> Result<()> {
    setting::replace_prefix(tx, PREFIX, entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use rastau_sign::test_pki::TestPki;

    #[test]
    fn an_older_entry_that_holds_no_ca_is_listed_ignored_and_removable() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let pki = TestPki::new();
        store
            .write(|tx| {
                add(tx, &pki.ca_pem)?;
                // What `trust add` of earlier builds kept: anything with a BEGIN line.
                let junk = "-----BEGIN CERTIFICATE-----\nbad end line";
                setting::set(tx, &format!("{PREFIX}0badf11e"), junk)
            })
            .unwrap();
        let list = list(store.read()).unwrap();
        assert_eq!(list.len(), 2, "{list:?}");
        assert!(list
            .iter()
            .any(|ca| ca.id == "0badf11e" && ca.subject.is_none()));
        assert!(!anchors(store.read()).unwrap().is_empty());
        store.write(|tx| remove(tx, "0badf11e")).unwrap();
        assert_eq!(self::list(store.read()).unwrap().len(), 1);
        let again = store.write(|tx| remove(tx, "0badf11e")).unwrap_err();
        assert!(matches!(again, Error::TrustedCaNotFound { .. }));
    }
}
