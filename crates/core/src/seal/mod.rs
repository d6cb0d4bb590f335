//! The center's seal: the compact payload a QR code carries, signed with the center's own key so
//! that `rastau verify` can tell offline that this center's system issued a paper or a file.
//!
//! The text form is `R2|<kind>|<document>|<IIN/BIN>|<YYYYMMDD>|<digest>|<key id>|<signature>`,
//! digest and signature in unpadded base64url (about 180 characters in all). What the digest
//! covers depends on the kind (see [`SealKind`]).
mod key_file;

pub use key_file::SEAL_KEY_FILE;

/// Makes `pem` (a key that a backup carried) this installation's seal key, owner-only.
pub(crate) fn install_key_file(dir: &Path, pem: &[u8]) -> Result<()> {
    SealKey::from_pem(pem)?;
    key_file::write(dir, pem)
}

use crate::audit::{Action, Event};
use crate::error::{Error, Result};
use crate::setting;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use rastau_sign::{SealKey, SealPublicKey};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use ts_rs::TS;

const VERSION: &str = "R2";
/// Where builds before the key file kept the private key (PKCS#8 PEM); moved out at start.
const LEGACY_KEY: &str = "seal-key";
/// Public halves of this installation's own keys, by key id, as hex of the point.
const OWN_PUBLIC: &str = "seal-own:";
/// Public keys of other centers, by key id, as hex of the point.
const TRUSTED: &str = "trusted-seal:";

/// What a seal vouches for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SealKind {
    /// A certified copy's certification sheet. The QR is inside the signed PDF, so it cannot
    /// hold that file's own hash; the digest is SHA-256 over the page images' SHA-256s as
    /// printed on the sheet, and the PDF's EDS covers the rest.
    Copy,
    /// A receipt: the digest is SHA-256 over the SHA-256s of the signed copies and notices of
    /// refusal of the visit.
    Receipt,
    /// A notice of refusal: like a copy's sheet, the QR is inside the signed PDF; the digest is
    /// SHA-256 over the SHA-256s of the notice's rows (`Refusal::row_hash`).
    Notice,
}

impl SealKind {
    fn letter(self) -> &'static str {
        match self {
            SealKind::Copy => "C",
            SealKind::Receipt => "R",
            SealKind::Notice => "N",
        }
    }

    fn from_letter(letter: &str) -> Option<SealKind> {
        match letter {
            "C" => Some(SealKind::Copy),
            "R" => Some(SealKind::Receipt),
            "N" => Some(SealKind::Notice),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Seal {
    pub kind: SealKind,
    /// `2026/000042-1` for document 1 of visit 2026/000042; the journal number for a receipt;
    /// `2026/000042-N1` for the visit's first notice of refusal.
    pub document: String,
    pub tax_id: String,
    pub date: NaiveDate,
    pub digest: [u8; 32],
    pub key_id: String,
    signature: Vec<u8>,
}

/// Facts to seal.
pub struct Sealed<'a> {
    pub kind: SealKind,
    pub document: &'a str,
    pub tax_id: &'a str,
    pub date: NaiveDate,
    pub digest: [u8; 32],
}

/// SHA-256 over hex digests joined in order: the digest of both kinds.
pub fn digest_of(hashes: &[String]) -> [u8; 32] {
    Sha256::digest(hashes.concat().as_bytes()).into()
}

/// What checking a seal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SealCheck {
    /// Signed by this center or by a center whose key was added as trusted.
    Valid,
    /// Signed by a key this store does not know: another center's, or a forgery.
    UnknownKey,
    /// The key is known and the signature does not match: the payload was changed.
    Forged,
}

impl Seal {
    pub fn issue(key: &SealKey, facts: &Sealed) -> Result<Seal> {
        let mut seal = Seal {
            kind: facts.kind,
            document: facts.document.to_owned(),
            tax_id: facts.tax_id.to_owned(),
            date: facts.date,
            digest: facts.digest,
            key_id: key.public()?.id()?,
            signature: vec![],
        };
        seal.signature = key.sign(seal.signed_part().as_bytes())?.to_vec();
        Ok(seal)
    }

    fn signed_part(&self) -> String {
        [
            VERSION,
            self.kind.letter(),
            &self.document,
            &self.tax_id,
            &self.date.format("%Y%m%d").to_string(),
            &B64.encode(self.digest),
            &self.key_id,
        ]
        .join("|")
    }

    pub fn to_text(&self) -> String {
        format!("{}|{}", self.signed_part(), B64.encode(&self.signature))
    }

    pub fn parse(text: &str) -> Result<Seal> {
        let fields: Vec<&str> = text.trim().split('|').collect();
        let [VERSION, kind, document, tax_id, date, digest, key_id, signature] = fields[..] else {
            return Err(Error::SealMalformed);
        };
        let digest = B64.decode(digest).ok().and_then(|d| d.try_into().ok());
        Ok(Seal {
            kind: SealKind::from_letter(kind).ok_or(Error::SealMalformed)?,
            document: document.to_owned(),
            tax_id: tax_id.to_owned(),
            date: NaiveDate::parse_from_str(date, "%Y%m%d").map_err(|_| Error::SealMalformed)?,
            digest: digest.ok_or(Error::SealMalformed)?,
            key_id: key_id.to_owned(),
            signature: B64.decode(signature).map_err(|_| Error::SealMalformed)?,
        })
    }

    pub fn check(&self, keys: &[SealPublicKey]) -> SealCheck {
        let key = keys
            .iter()
            .find(|k| k.id().is_ok_and(|id| id == self.key_id));
        match key {
            None => SealCheck::UnknownKey,
            Some(key) if key.verifies(self.signed_part().as_bytes(), &self.signature) => {
                SealCheck::Valid
            }
            Some(_) => SealCheck::Forged,
        }
    }
}

/// The installation's seal key from its key file in `dir`, made (and audited) on first use;
/// its public half is recorded in the store, where seals are checked against it.
pub fn own_key(tx: &Transaction, dir: &Path, now: DateTime<Utc>) -> Result<SealKey> {
    let key = match key_file::read(dir)? {
        Some(key) => key,
        None => match move_legacy_key(tx, dir, now)? {
            Some(key) => key,
            None => {
                let key = SealKey::generate()?;
                key_file::write(dir, &key.to_pem()?)?;
                Event::system(Action::SealKeyMade)
                    .detail(key.public()?.id()?)
                    .append(tx, now)?;
                key
            }
        },
    };
    // A store restored onto this machine may not know this key's public half yet.
    record_own_public(tx, &key)?;
    Ok(key)
}

/// Moves a private key that an earlier build kept in the database out into the key file
/// (audited), leaving only its public half in the store.
pub fn move_legacy_key(
    tx: &Transaction,
    dir: &Path,
    now: DateTime<Utc>,
) -> Result<Option<SealKey>> {
    let Some(pem) = setting::get(tx, LEGACY_KEY)? else {
        return Ok(None);
    };
    let key = SealKey::from_pem(pem.as_bytes())?;
    if key_file::read(dir)?.is_none() {
        key_file::write(dir, pem.as_bytes())?;
    }
    tx.execute("DELETE FROM setting WHERE key = ?1", [LEGACY_KEY])?;
    record_own_public(tx, &key)?;
    Event::system(Action::SealKeyMovedOut)
        .detail(key.public()?.id()?)
        .append(tx, now)?;
    Ok(Some(key))
}

fn record_own_public(tx: &Transaction, key: &SealKey) -> Result<()> {
    let public = key.public()?;
    setting::set(
        tx,
        &format!("{OWN_PUBLIC}{}", public.id()?),
        &public.to_hex()?,
    )
}

/// The installation's public key, hex of the point, to give to other centers; `None` before
/// anything was sealed.
pub fn own_public_hex(dir: &Path) -> Result<Option<String>> {
    key_file::read(dir)?
        .map(|key| Ok(key.public()?.to_hex()?))
        .transpose()
}

/// Adds another center's public key (hex of the point) as trusted; returns its id.
pub fn trust(tx: &Transaction, public_hex: &str) -> Result<String> {
    let key = SealPublicKey::from_hex(public_hex).map_err(|_| Error::SealMalformed)?;
    let id = key.id()?;
    setting::set(tx, &format!("{TRUSTED}{id}"), &key.to_hex()?)?;
    Ok(id)
}

/// Other centers' seal keys trusted here, by id (hex), as the center's policy carries them.
pub fn trusted(conn: &Connection) -> Result<BTreeMap<String, String>> {
    setting::with_prefix(conn, TRUSTED)
}

/// Makes the other centers' seal keys trusted here exactly `keys` (as [`trusted`] gives them).
pub fn replace_trusted(tx: &Transaction, keys: &BTreeMap<String, String>) -> Result<()> {
    setting::replace_prefix(tx, TRUSTED, keys)
}

/// The keys seals are checked against: this installation's own (every one it has had) and the
/// trusted ones of other centers.
pub fn known_keys(conn: &Connection) -> Result<Vec<SealPublicKey>> {
    let mut keys = vec![];
    if let Some(pem) = setting::get(conn, LEGACY_KEY)? {
        keys.push(SealKey::from_pem(pem.as_bytes())?.public()?);
    }
    let mut stmt =
        conn.prepare("SELECT value FROM setting WHERE key LIKE ?1 OR key LIKE ?2 ORDER BY key")?;
    let rows = stmt.query_map([format!("{OWN_PUBLIC}%"), format!("{TRUSTED}%")], |r| {
        r.get::<_, String>(0)
    })?;
    for value in rows {
        keys.push(SealPublicKey::from_hex(&value?)?);
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed(key: &SealKey) -> Seal {
        Seal::issue(
            key,
            &Sealed {
                kind: SealKind::Copy,
                document: "2026/000042-1",
                tax_id: "780214300450",
                date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                digest: digest_of(&["ab".repeat(32), "cd".repeat(32)]),
            },
        )
        .unwrap()
    }

    #[test]
    fn text_round_trips_and_checks() {
        let key = SealKey::generate().unwrap();
        let seal = sealed(&key);
        let text = seal.to_text();
        assert!(text.starts_with("R2|C|2026/000042-1|780214300450|20261123|"));
        assert!(text.len() < 200, "{} characters", text.len());
        let parsed = Seal::parse(&text).unwrap();
        assert_eq!(parsed, seal);
        assert_eq!(parsed.check(&[key.public().unwrap()]), SealCheck::Valid);
    }

    #[test]
    fn a_changed_field_is_forged_and_another_key_unknown() {
        let key = SealKey::generate().unwrap();
        let text = sealed(&key)
            .to_text()
            .replace("780214300450", "880612401122");
        let changed = Seal::parse(&text).unwrap();
        assert_eq!(changed.check(&[key.public().unwrap()]), SealCheck::Forged);
        let stranger = SealKey::generate().unwrap().public().unwrap();
        assert_eq!(sealed(&key).check(&[stranger]), SealCheck::UnknownKey);
    }

    #[test]
    fn malformed_text_is_refused() {
        let key = SealKey::generate().unwrap();
        let text = sealed(&key).to_text();
        for bad in [
            "",
            "RASTAU1;2026/000001;1",
            &text.replacen("R2", "R3", 1),
            &text.replace("|C|", "|X|"),
            &text.replace("20261123", "20261332"),
            &format!("{text}|extra"),
        ] {
            assert!(
                matches!(Seal::parse(bad), Err(Error::SealMalformed)),
                "{bad}"
            );
        }
    }
}
