//! Checking a signed file offline: who signed it, whether it is unchanged, whether the signer's
//! certificate comes from a trusted CA, and whether this store holds it. Anyone may check; no
//! login is needed, as for an applicant's file brought back to any center.
//!
//! The certificate is judged at a moment someone can vouch for, never at the signing time the
//! signature claims (a backdated claim would let an expired key pass): the moment this store
//! recorded the signature, when the file is one it issued with that very signature; otherwise
//! the present moment, and the claimed signing time is reported as a claim only.
use crate::error::Result;
use crate::journal_number::JournalNumber;
use crate::seal::{self, Seal, SealCheck, SealKind};
use crate::store::{content_hash, Store};
use crate::trust;
use chrono::{DateTime, NaiveDate, Utc};
use rastau_sign::{SignError, Verification};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

pub struct Report {
    pub verification: Verification,
    /// Where the moment the certificate was judged at came from.
    pub time_source: TimeSource,
    /// The certified copy or notice of refusal this exact file is, if this store issued it.
    pub stored: Option<StoredDocument>,
    /// The center's seal in the file's QR code, if it carries one.
    pub seal: Option<SealReport>,
}

pub struct SealReport {
    pub seal: Seal,
    pub check: SealCheck,
    /// For a file this store issued: whether the seal's digest matches its page or row hashes.
    pub matches_store: Option<bool>,
}

/// Who vouches for the moment a signature was judged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TimeSource {
    /// This store recorded the signature when it made it (a copy or notice it issued).
    Store,
    /// No one: the file is not from this store, so it is judged as of now, and the signing time
    /// it carries is only what the signer's computer claimed.
    Now,
}

/// What a file this store issued is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StoredKind {
    Copy,
    Notice,
}

pub struct StoredDocument {
    pub kind: StoredKind,
    /// `2026/000042` for a copy, `2026/000042-N1` for a notice.
    pub number: String,
    /// The copy's document, or the documents a notice refuses.
    pub title: String,
    pub applicant_tax_id: String,
    /// Certified or signed.
    pub issued_at: DateTime<Utc>,
    pub removed: bool,
    /// The detached signature this store made for the file.
    pub signature_hash: String,
    /// What the file's seal digest covers: the page hashes of a copy, the row hashes of a notice.
    pub sealed_hashes: Vec<String>,
}

/// Verifies `file`: its PAdES signature when no detached `signature` is given.
pub fn verify(
    store: &Store,
    file: &[u8],
    signature: Option<&[u8]>,
    now: DateTime<Utc>,
) -> Result<Report> {
    let anchors = trust::anchors(store.read())?;
    let stored = stored(store.read(), &content_hash(file))?;
    // The PAdES signature is inside the file, so the same file means the same signature; a
    // detached one must be the one stored beside it.
    let recorded = stored
        .as_ref()
        .filter(|s| signature.is_none_or(|signature| content_hash(signature) == s.signature_hash));
    let (at, time_source) = match recorded {
        Some(s) => (s.issued_at, TimeSource::Store),
        None => (now, TimeSource::Now),
    };
    let verification = match signature {
        Some(signature) => rastau_sign::verify_detached(file, signature, &anchors, at)?,
        None => rastau_sign::verify_pdf(file, &anchors, at)?,
    };
    let seal = match qr_text(file)? {
        Some(text) => Some(check_seal(store.read(), &text, stored.as_ref())?),
        None => None,
    };
    Ok(Report {
        verification,
        time_source,
        stored,
        seal,
    })
}

/// Checks a seal read from a QR code or a file against this center's and trusted keys.
pub fn check_seal(
    conn: &Connection,
    text: &str,
    stored: Option<&StoredDocument>,
) -> Result<SealReport> {
    let seal = Seal::parse(text)?;
    let check = seal.check(&seal::known_keys(conn)?);
    let matches_store = stored.map(|file| seal.digest == seal::digest_of(&file.sealed_hashes));
    Ok(SealReport {
        seal,
        check,
        matches_store,
    })
}

/// The QR code's text a Rastau PDF keeps; a bomb is refused as the signature check refuses it.
fn qr_text(pdf: &[u8]) -> Result<Option<String>> {
    rastau_pdf::qr_text(pdf).map_err(|e| SignError::from(e).into())
}

fn stored(conn: &Connection, hash: &str) -> Result<Option<StoredDocument>> {
    match stored_copy(conn, hash)? {
        Some(copy) => Ok(Some(copy)),
        None => stored_notice(conn, hash),
    }
}

fn hashes(text: String) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

fn stored_copy(conn: &Connection, hash: &str) -> Result<Option<StoredDocument>> {
    Ok(conn
        .query_row(
            "SELECT v.journal_year, v.journal_seq, d.title, a.tax_id, c.certified_at, c.removed_on,
                    c.page_hashes, c.signature_hash, v.installation_code
             FROM certified_copy c
             JOIN visit v ON v.id = c.visit_id
             JOIN document d ON d.id = c.document_id
             JOIN applicant a ON a.id = v.applicant_id
             WHERE c.pdf_hash = ?1",
            [hash],
            |r| {
                Ok(StoredDocument {
                    kind: StoredKind::Copy,
                    number: JournalNumber::coded(r.get(8)?, r.get(0)?, r.get(1)?).to_string(),
                    title: r.get(2)?,
                    applicant_tax_id: r.get(3)?,
                    issued_at: r.get(4)?,
                    removed: r.get::<_, Option<String>>(5)?.is_some(),
                    sealed_hashes: hashes(r.get(6)?),
                    signature_hash: r.get(7)?,
                })
            },
        )
        .optional()?)
}

fn stored_notice(conn: &Connection, hash: &str) -> Result<Option<StoredDocument>> {
    Ok(conn
        .query_row(
            "SELECT v.journal_year, v.journal_seq, n.seq, a.tax_id, n.issued_at, n.row_hashes,
                    (SELECT group_concat(d.title, '; ') FROM refusal r
                     JOIN document d ON d.id = r.document_id WHERE r.notice_id = n.id),
                    n.signature_hash, v.installation_code
             FROM refusal_notice n
             JOIN visit v ON v.id = n.visit_id
             JOIN applicant a ON a.id = v.applicant_id
             WHERE n.pdf_hash = ?1",
            [hash],
            |r| {
                let visit = JournalNumber::coded(r.get(8)?, r.get(0)?, r.get(1)?);
                Ok(StoredDocument {
                    kind: StoredKind::Notice,
                    number: visit.notice(r.get(2)?),
                    applicant_tax_id: r.get(3)?,
                    issued_at: r.get(4)?,
                    sealed_hashes: hashes(r.get(5)?),
                    title: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    removed: false,
                    signature_hash: r.get(7)?,
                })
            },
        )
        .optional()?)
}

/// The report as the Verify screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VerifyView {
    pub signer_name: String,
    pub signer_iin: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    /// What the signature claims; only a claim unless `time_source` is the store.
    pub signing_time: Option<DateTime<Utc>>,
    pub intact: bool,
    /// Chains to a trusted CA, every certificate valid at `checked_at`.
    pub trusted: bool,
    pub checked_at: DateTime<Utc>,
    pub time_source: TimeSource,
    /// `2026/000042`, the document's title and IIN/BIN, if this store issued the file.
    pub in_store: Option<StoredView>,
    pub seal: Option<SealView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoredView {
    pub kind: StoredKind,
    pub number: String,
    pub title: String,
    pub tax_id: String,
    pub issued_at: DateTime<Utc>,
    pub removed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SealView {
    pub kind: SealKind,
    pub document: String,
    pub tax_id: String,
    pub date: NaiveDate,
    pub key_id: String,
    pub check: SealCheck,
    pub matches_store: Option<bool>,
}

impl From<&SealReport> for SealView {
    fn from(r: &SealReport) -> SealView {
        SealView {
            kind: r.seal.kind,
            document: r.seal.document.clone(),
            tax_id: r.seal.tax_id.clone(),
            date: r.seal.date,
            key_id: r.seal.key_id.clone(),
            check: r.check,
            matches_store: r.matches_store,
        }
    }
}

impl From<&Report> for VerifyView {
    fn from(r: &Report) -> VerifyView {
        let v = &r.verification;
        VerifyView {
            signer_name: v.signer.subject_name.clone(),
            signer_iin: v.signer.iin.clone(),
            valid_from: v.signer.not_before,
            valid_until: v.signer.not_after,
            signing_time: v.signing_time,
            intact: v.intact,
            trusted: v.trusted,
            checked_at: v.checked_at,
            time_source: r.time_source,
            in_store: r.stored.as_ref().map(|s| StoredView {
                kind: s.kind,
                number: s.number.clone(),
                title: s.title.clone(),
                tax_id: s.applicant_tax_id.clone(),
                issued_at: s.issued_at,
                removed: s.removed,
            }),
            seal: r.seal.as_ref().map(SealView::from),
        }
    }
}
