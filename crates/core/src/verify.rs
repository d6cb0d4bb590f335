//! Checking a signed file offline: who signed it, whether it is unchanged, whether the signer's
//! certificate comes from a trusted CA, and whether this store holds it. Anyone may check; no
//! login is needed, as for an applicant's file brought back to any center.
//!
//! The certificate is judged at a moment someone can vouch for, never at the signing time the
//! signature claims (a backdated claim would let an expired key pass): the moment this store
//! recorded the signature, when the file is one it issued with that very signature; otherwise
//! the present moment, and the claimed signing time is reported as a claim only.
//!
//! Each signature is also judged as ETSI EN 319 102-1 does ([`rastau_sign::validate_pdf`]): an
//! indication (passed, indeterminate, failed), its sub-indication and reasons, the time used and
//! where it came from (a timestamp, this store, the present), and the revocation status read
//! from what the file carries. A signature this store recorded is vouched for by the store when
//! the file carries no status (the center's signing asks for one at every signature).
use crate::error::Result;
use crate::journal_number::JournalNumber;
use crate::seal::{self, Seal, SealCheck, SealKind};
use crate::store::{content_hash, Store};
use crate::trust;
use chrono::{DateTime, NaiveDate, Utc};
use rastau_sign::{CallerTime, SignError, ValidationReport, Verification};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

pub struct Report {
    pub verification: Verification,
    /// The ETSI judgement of the same signature.
    pub validation: ValidationReport,
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

impl StoredKind {
    /// `copy` or `notice`, as the locale files select on.
    pub fn code(self) -> &'static str {
        match self {
            StoredKind::Copy => "copy",
            StoredKind::Notice => "notice",
        }
    }
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
    /// The store asked whether the key was revoked when it signed, and recorded the answer (a
    /// copy whose `key_status` is `ocsp` or `crl`); a notice keeps no such record.
    pub key_status_checked: bool,
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
    let caller = match recorded {
        Some(s) if s.key_status_checked => CallerTime::Store,
        Some(_) => CallerTime::StoreWithoutStatus,
        None => CallerTime::Present,
    };
    let validated = match signature {
        Some(signature) => rastau_sign::validate_detached(file, signature, &anchors, at, caller)?,
        None => rastau_sign::validate_pdf(file, &anchors, at, caller)?,
    };
    let seal = match qr_text(file)? {
        Some(text) => Some(check_seal(store.read(), &text, stored.as_ref())?),
        None => None,
    };
    Ok(Report {
        verification: validated.verification,
        validation: validated.report,
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
                    c.page_hashes, c.signature_hash, v.installation_code,
                    c.key_status IN ('ocsp', 'crl')
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
                    key_status_checked: r.get::<_, Option<bool>>(9)?.unwrap_or(false),
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
                    key_status_checked: false,
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
    /// The ETSI EN 319 102-1 judgement.
    pub validation: ValidationView,
}

/// A signature's validation report (ETSI EN 319 102-1) as the window and the PDF report show
/// it: codes that the locale files word (`verify-indication`, `verify-reason-<code>`,
/// `verify-time-used`, `verify-revocation`, `verify-revocation-source`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ValidationView {
    #[ts(type = "\"passed\" | \"indeterminate\" | \"failed\"")]
    pub indication: String,
    /// As the standard writes it: `TOTAL-PASSED`, `INDETERMINATE`, `TOTAL-FAILED`.
    pub etsi_indication: String,
    /// As the standard writes it: `HASH_FAILURE`, `TRY_LATER`…
    pub sub_indication: Option<String>,
    pub reasons: Vec<ReasonView>,
    /// The moment the signer's certificate was judged at.
    pub time: DateTime<Utc>,
    #[ts(type = "\"timestamp\" | \"store\" | \"present\"")]
    pub time_used: String,
    #[ts(type = "\"good\" | \"revoked\" | \"unknown\"")]
    pub revocation: String,
    /// `dss-ocsp`, `dss-crl`, `cades-ocsp`, `cades-crl`, `signed-data-crl` or `store`.
    pub revocation_source: Option<String>,
    /// The status's or list's thisUpdate.
    pub revocation_issued_at: Option<DateTime<Utc>>,
    /// When a status says the key was revoked (also after the time used).
    pub revoked_at: Option<DateTime<Utc>>,
}

/// One reason: `verify-reason-<code>` worded with `args`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReasonView {
    pub code: String,
    pub args: BTreeMap<String, String>,
}

/// A validation report in words, in the language of `m`: for the command line and the PDF.
pub struct Worded {
    /// `ҚОЛТАҢБА ЖАРАМДЫ` / `ПОДПИСЬ ДЕЙСТВИТЕЛЬНА`…
    pub indication: String,
    /// `TOTAL-PASSED`, or `INDETERMINATE / TRY_LATER`.
    pub code: String,
    pub reasons: Vec<String>,
    /// The moment and where it came from.
    pub time: String,
    /// The status and where it came from.
    pub revocation: String,
}

/// `23.11.2026 09:00:05 (UTC+05:00)`: local time with seconds and offset, for a report
/// another body reads.
pub fn moment(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono::Local)
        .format("%d.%m.%Y %H:%M:%S (UTC%:z)")
        .to_string()
}

impl ValidationView {
    pub fn worded(&self, m: &crate::i18n::Messages) -> Worded {
        let code = match &self.sub_indication {
            Some(sub) => format!("{} / {sub}", self.etsi_indication),
            None => self.etsi_indication.clone(),
        };
        let reasons = self
            .reasons
            .iter()
            .map(|r| {
                let args = r.args.iter().map(|(k, v)| (k.as_str(), v.as_str().into()));
                m.text(&format!("verify-reason-{}", r.code), args)
            })
            .collect();
        let time = m.text(
            "verify-time-used",
            [
                ("source", self.time_used.as_str().into()),
                ("time", moment(self.time).as_str().into()),
            ],
        );
        let state = m.text(
            "verify-revocation",
            [("state", self.revocation.as_str().into())],
        );
        let source = m.text(
            "verify-revocation-source",
            [(
                "source",
                self.revocation_source.as_deref().unwrap_or("none").into(),
            )],
        );
        Worded {
            indication: m.text(
                "verify-indication",
                [("indication", self.indication.as_str().into())],
            ),
            code,
            reasons,
            time,
            revocation: format!("{state}; {source}"),
        }
    }
}

impl From<&ValidationReport> for ValidationView {
    fn from(r: &ValidationReport) -> ValidationView {
        ValidationView {
            indication: r.indication.code().to_owned(),
            etsi_indication: r.indication.etsi().to_owned(),
            sub_indication: r.sub_indication.map(|s| s.etsi().to_owned()),
            reasons: r
                .reasons
                .iter()
                .map(|reason| ReasonView {
                    code: reason.code.to_owned(),
                    args: reason
                        .args
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), v.clone()))
                        .collect(),
                })
                .collect(),
            time: r.time,
            time_used: r.time_used.code().to_owned(),
            revocation: match r.revocation.state {
                rastau_sign::RevocationState::Good => "good",
                rastau_sign::RevocationState::Revoked => "revoked",
                rastau_sign::RevocationState::Unknown => "unknown",
            }
            .to_owned(),
            revocation_source: r.revocation.source.map(|s| s.code().to_owned()),
            revocation_issued_at: r.revocation.issued_at,
            revoked_at: r.revocation.revoked_at,
        }
    }
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
            validation: ValidationView::from(&r.validation),
        }
    }
}
