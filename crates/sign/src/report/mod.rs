//! A validation report as the EU's DSS gives one (ETSI EN 319 102-1): an indication, its
//! sub-indication and the reasons, the time the signer's certificate was judged at and who
//! vouches for it, and the revocation status with the place it was read from — judged offline,
//! from what the file carries.
//!
//! [`validate_pdf`] and [`validate_detached`] verify as [`crate::verify_pdf`] and
//! [`crate::verify_detached`] do, then read the revocation data the signature carries: a PDF's
//! Document Security Store (PAdES B-LT: `/OCSPs`, `/CRLs`, `/Certs`), a CMS signature's
//! id-aa-ets-revocationValues unsigned attribute (CAdES: `crlVals [0]`, `ocspVals [1]`) and
//! its SignedData `crls`. Each OCSP response or CRL is believed only as `revocation/` believes
//! a fetched one: signed by the signer's issuer (or, for OCSP, a responder it authorised, at the
//! response's producedAt), answering for this very certificate. Only the signer's own
//! certificate's status is judged; the CAs above it are the center's trusted list.
//!
//! The time used is a signature timestamp's genTime when one holds, else the caller's moment:
//! the store's record of the signature ([`CallerTime::Store`]) or the present
//! ([`CallerTime::Present`]).
//!
//! The mapping, in the order it is decided (the first that applies):
//!
//! | what was found | indication | sub-indication |
//! |---|---|---|
//! | an algorithm this build cannot check (GOST) | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE |
//! | the signed bytes' digest differs from the signed one, or the PDF changed after its signature beyond validation data | TOTAL-FAILED | HASH_FAILURE |
//! | the digest matches but the signature value does not verify | TOTAL-FAILED | SIG_CRYPTO_FAILURE |
//! | the signature's timestamp does not hold | INDETERMINATE | NO_POE |
//! | no path to a trusted CA | INDETERMINATE | NO_CERTIFICATE_CHAIN_FOUND |
//! | revoked at or before a vouched time (timestamp, store) | TOTAL-FAILED | REVOKED |
//! | revoked before the present, no earlier time vouched | INDETERMINATE | REVOKED_NO_POE |
//! | the certificate not yet valid at a vouched time / at the present | TOTAL-FAILED / INDETERMINATE | NOT_YET_VALID |
//! | expired at the time used, a status says not revoked | INDETERMINATE | OUT_OF_BOUNDS_NOT_REVOKED |
//! | expired at the time used, no status | INDETERMINATE | OUT_OF_BOUNDS_NO_POE |
//! | a certificate of the path bad otherwise at the time used | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE |
//! | no status, or only statuses older than the time used, and no store vouching | INDETERMINATE | TRY_LATER |
//! | otherwise: not revoked at the time used (a status issued at or after it, or one whose validity window holds it, or a revocation dated after it), or the store recorded the signature | TOTAL-PASSED | — |
//!
//! GOST: OpenSSL cannot check the signature value here, nor revocation data signed with GOST
//! keys, so nothing is proven either way; the reason says so, naming the algorithm.
//!
//! A timestamp proves the signature existed by its genTime; a revocation dated before it is
//! taken as failed (REVOKED), as a timestamp is taken when the signature is made. The store's
//! moment is the signing itself, as this center recorded it; this center's signing asks the
//! key's status at every signature (or signs without one when its setting allows, which the copy
//! states), so a signature it recorded is vouched for when the file carries no status.
mod carried;

pub use carried::revocation_values_der;

use crate::certificate::to_chrono;
use crate::error::SignError;
use crate::revocation::{crl, ocsp, RevocationReason, RevocationStatus};
use crate::signed_data;
use crate::trust::{leads_nowhere, TrustAnchors};
use crate::verify::{verify_detached, verify_found, TimeSource as VerifiedAt, Verification};
use crate::{pades, ValidationData};
use chrono::{DateTime, Utc};
use openssl::hash::{hash, MessageDigest};
use openssl::x509::X509;
use serde::Serialize;

/// ETSI EN 319 102-1's main indication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Indication {
    TotalPassed,
    Indeterminate,
    TotalFailed,
}

impl Indication {
    /// As the standard writes it: `TOTAL-PASSED`.
    pub fn etsi(self) -> &'static str {
        match self {
            Indication::TotalPassed => "TOTAL-PASSED",
            Indication::Indeterminate => "INDETERMINATE",
            Indication::TotalFailed => "TOTAL-FAILED",
        }
    }

    /// A short stable code for messages: `passed`, `indeterminate`, `failed`.
    pub fn code(self) -> &'static str {
        match self {
            Indication::TotalPassed => "passed",
            Indication::Indeterminate => "indeterminate",
            Indication::TotalFailed => "failed",
        }
    }
}

/// The sub-indications this validator gives (the module's table says when).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SubIndication {
    HashFailure,
    SigCryptoFailure,
    Revoked,
    NotYetValid,
    NoCertificateChainFound,
    CertificateChainGeneralFailure,
    OutOfBoundsNoPoe,
    OutOfBoundsNotRevoked,
    RevokedNoPoe,
    NoPoe,
    TryLater,
    CryptoConstraintsFailureNoPoe,
}

impl SubIndication {
    /// As the standard writes it: `HASH_FAILURE`.
    pub fn etsi(self) -> &'static str {
        use SubIndication::*;
        match self {
            HashFailure => "HASH_FAILURE",
            SigCryptoFailure => "SIG_CRYPTO_FAILURE",
            Revoked => "REVOKED",
            NotYetValid => "NOT_YET_VALID",
            NoCertificateChainFound => "NO_CERTIFICATE_CHAIN_FOUND",
            CertificateChainGeneralFailure => "CERTIFICATE_CHAIN_GENERAL_FAILURE",
            OutOfBoundsNoPoe => "OUT_OF_BOUNDS_NO_POE",
            OutOfBoundsNotRevoked => "OUT_OF_BOUNDS_NOT_REVOKED",
            RevokedNoPoe => "REVOKED_NO_POE",
            NoPoe => "NO_POE",
            TryLater => "TRY_LATER",
            CryptoConstraintsFailureNoPoe => "CRYPTO_CONSTRAINTS_FAILURE_NO_POE",
        }
    }
}

/// The moment the caller names, and who vouches for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallerTime {
    /// The store that made the signature recorded it at this moment, having checked then that
    /// the key was not revoked.
    Store,
    /// The store recorded it at this moment, but signed without a revocation status (its center
    /// allows that): it vouches for the time, not for the key.
    StoreWithoutStatus,
    /// Nobody: the present moment.
    Present,
}

/// Where the time used came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeUsed {
    /// A signature timestamp that holds.
    Timestamp,
    /// The store's record of the signature.
    Store,
    /// The present moment: nobody vouches for an earlier one.
    Present,
}

impl TimeUsed {
    pub fn code(self) -> &'static str {
        match self {
            TimeUsed::Timestamp => "timestamp",
            TimeUsed::Store => "store",
            TimeUsed::Present => "present",
        }
    }
}

/// The signer's certificate's revocation status at the time used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RevocationState {
    /// Not revoked at the time used.
    Good,
    /// Revoked at or before the time used.
    Revoked,
    /// Not known: no usable status, or none that covers the time used.
    Unknown,
}

/// Where the status was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RevocationSource {
    /// An OCSP response in the PDF's Document Security Store.
    DssOcsp,
    /// A CRL in the PDF's Document Security Store.
    DssCrl,
    /// An OCSP response in the CAdES revocation values.
    CadesOcsp,
    /// A CRL in the CAdES revocation values.
    CadesCrl,
    /// A CRL in the CMS SignedData's own `crls`.
    SignedDataCrl,
    /// This store recorded the signature when its key was checked for signing.
    Store,
}

impl RevocationSource {
    pub fn code(self) -> &'static str {
        use RevocationSource::*;
        match self {
            DssOcsp => "dss-ocsp",
            DssCrl => "dss-crl",
            CadesOcsp => "cades-ocsp",
            CadesCrl => "cades-crl",
            SignedDataCrl => "signed-data-crl",
            Store => "store",
        }
    }
}

/// The revocation part of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevocationFinding {
    pub state: RevocationState,
    pub source: Option<RevocationSource>,
    /// The status's thisUpdate (OCSP) or the list's thisUpdate (CRL).
    pub issued_at: Option<DateTime<Utc>>,
    /// When the certificate was revoked, when a status says it was (also after the time used).
    pub revoked_at: Option<DateTime<Utc>>,
    pub reason: Option<RevocationReason>,
    /// Statuses the file carries that were not believed (not the issuer's, not about this
    /// certificate, unreadable).
    pub unusable: usize,
}

/// One reason behind the indication: a code (`verify-reason-<code>` in the locale files) and
/// its arguments, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Reason {
    fn new(code: &'static str) -> Reason {
        Reason {
            code,
            args: Vec::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl Into<String>) -> Reason {
        self.args.push((name, value.into()));
        self
    }
}

/// The report of one signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationReport {
    pub indication: Indication,
    pub sub_indication: Option<SubIndication>,
    pub reasons: Vec<Reason>,
    /// The moment the certificate was judged at.
    pub time: DateTime<Utc>,
    pub time_used: TimeUsed,
    pub revocation: RevocationFinding,
}

/// A signature verified and judged.
#[derive(Debug, Clone)]
pub struct Validated {
    pub verification: Verification,
    pub report: ValidationReport,
}

/// Verifies a PDF's last signature ([`crate::verify_pdf`]) and judges it with what the
/// signature and the file's Document Security Store carry.
pub fn validate_pdf(
    pdf: &[u8],
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
    caller: CallerTime,
) -> Result<Validated, SignError> {
    let found = pades::find_last_signature(pdf)?;
    let (verification, changed_after) = verify_found(pdf, &found, anchors, at)?;
    let dss = pades::read_validation_data(pdf);
    let report = judge(Input {
        data: &found.signed_bytes,
        signature: &found.signature,
        verification: &verification,
        changed_after,
        dss: Some(&dss),
        anchors,
        caller,
    })?;
    Ok(Validated {
        verification,
        report,
    })
}

/// Verifies a detached CMS/CAdES signature ([`crate::verify_detached`]) and judges it with
/// what it carries.
pub fn validate_detached(
    data: &[u8],
    signature: &[u8],
    anchors: &TrustAnchors,
    at: DateTime<Utc>,
    caller: CallerTime,
) -> Result<Validated, SignError> {
    let verification = verify_detached(data, signature, anchors, at)?;
    let report = judge(Input {
        data,
        signature,
        verification: &verification,
        changed_after: false,
        dss: None,
        anchors,
        caller,
    })?;
    Ok(Validated {
        verification,
        report,
    })
}

struct Input<'a> {
    data: &'a [u8],
    signature: &'a [u8],
    verification: &'a Verification,
    changed_after: bool,
    dss: Option<&'a ValidationData>,
    anchors: &'a TrustAnchors,
    caller: CallerTime,
}

/// The moment format of the reasons' arguments.
fn moment(t: DateTime<Utc>) -> String {
    t.format("%d.%m.%Y %H:%M:%S UTC").to_string()
}

fn judge(input: Input<'_>) -> Result<ValidationReport, SignError> {
    let v = input.verification;
    let time = v.checked_at;
    let time_used = match (v.time_source, input.caller) {
        (VerifiedAt::Timestamp, _) => TimeUsed::Timestamp,
        (VerifiedAt::Caller, CallerTime::Store | CallerTime::StoreWithoutStatus) => TimeUsed::Store,
        (VerifiedAt::Caller, CallerTime::Present) => TimeUsed::Present,
    };
    let vouched = time_used != TimeUsed::Present;
    let unknown = RevocationFinding {
        state: RevocationState::Unknown,
        source: None,
        issued_at: None,
        revoked_at: None,
        reason: None,
        unusable: 0,
    };
    let report = |indication, sub, reasons, revocation| ValidationReport {
        indication,
        sub_indication: sub,
        reasons,
        time,
        time_used,
        revocation,
    };
    use Indication::*;
    use SubIndication::*;

    if !v.checkable {
        let reason = Reason::new("algorithm-not-checkable").arg("algorithm", v.algorithm.clone());
        return Ok(report(
            Indeterminate,
            Some(CryptoConstraintsFailureNoPoe),
            vec![reason],
            unknown,
        ));
    }
    let parts = signed_data::read_signed_data(input.signature)?;
    if !v.intact {
        let (sub, reason) = if input.changed_after {
            (HashFailure, "changed-after-signing")
        } else if digest_matches(&parts, input.data) {
            (SigCryptoFailure, "signature-value")
        } else {
            (HashFailure, "changed")
        };
        return Ok(report(
            TotalFailed,
            Some(sub),
            vec![Reason::new(reason)],
            unknown,
        ));
    }
    if let Some(problem) = &v.timestamp_problem {
        let reason = Reason::new("timestamp-invalid").arg("detail", problem.clone());
        return Ok(report(Indeterminate, Some(NoPoe), vec![reason], unknown));
    }

    let signer = parts.signer_certificate()?;
    let mut untrusted: Vec<X509> = parts
        .certificates
        .iter()
        .filter_map(|der| X509::from_der(der).ok())
        .collect();
    if let Some(dss) = input.dss {
        untrusted.extend(
            dss.certificates
                .iter()
                .filter_map(|d| X509::from_der(d).ok()),
        );
    }
    let path = match input.anchors.path_any_time(&signer, &untrusted)? {
        Ok(path) => path,
        Err(e) if leads_nowhere(e) => {
            let reason = Reason::new("no-chain").arg("issuer", v.signer.issuer_name.clone());
            return Ok(report(
                Indeterminate,
                Some(NoCertificateChainFound),
                vec![reason],
                unknown,
            ));
        }
        Err(e) => {
            let reason = Reason::new("chain-invalid").arg("detail", e.error_string());
            return Ok(report(
                Indeterminate,
                Some(CertificateChainGeneralFailure),
                vec![reason],
                unknown,
            ));
        }
    };

    let revocation = match path.get(1) {
        Some(issuer) => revocation_at(&signer, issuer, &parts, input.signature, input.dss, time),
        None => unknown.clone(),
    };
    let mut reasons = Vec::new();
    if revocation.unusable > 0 {
        reasons
            .push(Reason::new("revocation-unusable").arg("count", revocation.unusable.to_string()));
    }
    if revocation.state == RevocationState::Revoked {
        let on = revocation.revoked_at.map(moment).unwrap_or_default();
        reasons.insert(0, Reason::new("revoked").arg("time", on));
        let sub = if vouched { Revoked } else { RevokedNoPoe };
        let indication = if vouched { TotalFailed } else { Indeterminate };
        return Ok(report(indication, Some(sub), reasons, revocation));
    }

    // Each certificate of the path at the time used, the signer's first.
    for cert in &path {
        let (from, until) = (to_chrono(cert.not_before())?, to_chrono(cert.not_after())?);
        let whose = crate::certificate::one_line(cert.subject_name());
        if time < from {
            reasons.insert(
                0,
                Reason::new("not-yet-valid")
                    .arg("subject", whose)
                    .arg("from", moment(from)),
            );
            let indication = if vouched { TotalFailed } else { Indeterminate };
            return Ok(report(indication, Some(NotYetValid), reasons, revocation));
        }
        if time > until {
            reasons.insert(
                0,
                Reason::new("expired")
                    .arg("subject", whose)
                    .arg("until", moment(until)),
            );
            let sub = if revocation.state == RevocationState::Good {
                OutOfBoundsNotRevoked
            } else {
                OutOfBoundsNoPoe
            };
            return Ok(report(Indeterminate, Some(sub), reasons, revocation));
        }
    }
    if !v.trusted {
        // The path holds at the time used by every date, yet OpenSSL's full check refused it.
        reasons.insert(0, Reason::new("chain-invalid").arg("detail", "OpenSSL"));
        return Ok(report(
            Indeterminate,
            Some(CertificateChainGeneralFailure),
            reasons,
            revocation,
        ));
    }

    if let Some(at) = revocation.revoked_at {
        reasons.push(Reason::new("revoked-later").arg("time", moment(at)));
    }
    match revocation.state {
        RevocationState::Good => Ok(report(TotalPassed, None, reasons, revocation)),
        _ if input.caller == CallerTime::Store => {
            reasons.push(Reason::new("store-vouches"));
            let by_store = RevocationFinding {
                state: RevocationState::Good,
                source: Some(RevocationSource::Store),
                ..revocation
            };
            Ok(report(TotalPassed, None, reasons, by_store))
        }
        _ => {
            let reason = match revocation.issued_at {
                Some(at) => Reason::new("revocation-stale").arg("time", moment(at)),
                None => Reason::new("no-revocation-data"),
            };
            reasons.insert(0, reason);
            Ok(report(Indeterminate, Some(TryLater), reasons, revocation))
        }
    }
}

/// Whether the messageDigest the signer signed is the digest of `data`: then a signature that
/// does not verify failed in its value, not because the bytes changed.
fn digest_matches(parts: &signed_data::SignedParts<'_>, data: &[u8]) -> bool {
    const MESSAGE_DIGEST: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04];
    let Some(signed) = parts
        .attribute(MESSAGE_DIGEST)
        .and_then(|v| v.first())
        .and_then(|v| crate::der::read(v).ok())
        .map(|(tlv, _)| tlv.content)
    else {
        return false;
    };
    let digest = openssl::asn1::Asn1Object::from_str(&parts.digest_algorithm)
        .ok()
        .and_then(|o| MessageDigest::from_nid(o.nid()));
    digest
        .and_then(|d| hash(d, data).ok())
        .is_some_and(|computed| &computed[..] == signed)
}

/// The signer's status at `time`, from every status the file carries about it.
fn revocation_at(
    signer: &X509,
    issuer: &X509,
    parts: &signed_data::SignedParts<'_>,
    signature: &[u8],
    dss: Option<&ValidationData>,
    time: DateTime<Utc>,
) -> RevocationFinding {
    let cades = carried::revocation_values(parts);
    let mut candidates: Vec<(RevocationSource, Result<RevocationStatus, String>)> = Vec::new();
    let add_ocsp = |source, items: &[Vec<u8>], out: &mut Vec<_>| {
        for der in items {
            out.push((source, ocsp::embedded(der, signer, issuer)));
        }
    };
    if let Some(dss) = dss {
        add_ocsp(
            RevocationSource::DssOcsp,
            &dss.ocsp_responses,
            &mut candidates,
        );
    }
    add_ocsp(RevocationSource::CadesOcsp, &cades.ocsp, &mut candidates);
    let mut lists: Vec<(RevocationSource, &[Vec<u8>])> = vec![];
    if let Some(dss) = dss {
        lists.push((RevocationSource::DssCrl, &dss.crls));
    }
    lists.push((RevocationSource::CadesCrl, &cades.crls));
    let signed_data_crls = carried::signed_data_crls(signature);
    lists.push((RevocationSource::SignedDataCrl, &signed_data_crls));
    let not_after = to_chrono(signer.not_after()).ok();
    for (source, items) in lists {
        for der in items {
            let status = crl::embedded(der, signer, issuer).and_then(|s| match s {
                // A list issued after the certificate expired may have dropped it: its silence
                // proves nothing.
                RevocationStatus::Good { ref evidence }
                    if not_after.is_some_and(|end| evidence.this_update > end) =>
                {
                    Err("the list was issued after the certificate expired".into())
                }
                s => Ok(s),
            });
            candidates.push((source, status));
        }
    }
    // A status about another certificate, or a list of another issuer, is not "unusable": a
    // DSS holds every signature's statuses.
    let about_another =
        |e: &String| e.contains("does not answer") || e.contains("issued by someone else");
    let unusable = candidates
        .iter()
        .filter(|(_, s)| s.as_ref().is_err_and(|e| !about_another(e)))
        .count();
    let usable: Vec<(RevocationSource, RevocationStatus)> = candidates
        .into_iter()
        .filter_map(|(source, s)| s.ok().map(|s| (source, s)))
        .collect();
    let finding = |state, source, issued_at, revoked_at, reason| RevocationFinding {
        state,
        source: Some(source),
        issued_at: Some(issued_at),
        revoked_at,
        reason,
        unusable,
    };
    // Revoked at or before the time used, the earliest date.
    let revoked = usable
        .iter()
        .filter_map(|(source, s)| match s {
            RevocationStatus::Revoked {
                revoked_at,
                reason,
                evidence,
            } => Some((*source, *revoked_at, *reason, evidence.this_update)),
            _ => None,
        })
        .min_by_key(|(_, at, _, _)| *at);
    if let Some((source, at, reason, issued)) = revoked {
        if at <= time {
            return finding(RevocationState::Revoked, source, issued, Some(at), reason);
        }
    }
    // Not revoked at the time used: a good status issued at or after it (within the clock
    // skew fetched statuses are allowed), or whose validity window holds it; or a revocation
    // dated after it.
    let skew = chrono::Duration::minutes(5);
    let covering = usable.iter().find_map(|(source, s)| match s {
        RevocationStatus::Good { evidence }
            if evidence.this_update >= time - skew
                || evidence
                    .next_update
                    .is_some_and(|next| evidence.this_update <= time && time <= next) =>
        {
            Some((*source, evidence.this_update))
        }
        _ => None,
    });
    if let Some((source, at, reason, issued)) = revoked {
        return finding(RevocationState::Good, source, issued, Some(at), reason);
    }
    if let Some((source, issued)) = covering {
        return finding(RevocationState::Good, source, issued, None, None);
    }
    // Only statuses older than the time used: the newest of them says how old.
    let newest = usable
        .iter()
        .filter_map(|(source, s)| match s {
            RevocationStatus::Good { evidence } => Some((*source, evidence.this_update)),
            _ => None,
        })
        .max_by_key(|(_, at)| *at);
    match newest {
        Some((source, issued)) => finding(RevocationState::Unknown, source, issued, None, None),
        None => RevocationFinding {
            state: RevocationState::Unknown,
            source: None,
            issued_at: None,
            revoked_at: None,
            reason: None,
            unusable,
        },
    }
}
