//! The validation report (ETSI EN 319 102-1's indications) on real signatures: PAdES B-LT
//! copies made by this crate with a real timestamp (`openssl ts` behind a local responder) and
//! a real OCSP response (`openssl ocsp` on 127.0.0.1), judged offline from what they carry,
//! and checked by pyHanko's long-term validation too; an expired key timestamped inside its
//! validity; a key revoked after signing and before; a changed file; CAdES revocation values;
//! no revocation data; a CA nobody trusts; GOST.
mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::net::free_port;
use common::tsa::TsaServer;
use common::validators::Validators;
use common::{meta, minimal_pdf, tamper_text};
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, Revocation, TestPki, PASSWORD};
use rastau_sign::{
    add_unsigned_attribute, add_validation_data, check_chain, revocation_status,
    revocation_values_der, sign_pdf, sign_pdf_with, timestamp_signature, validate_detached,
    validate_pdf, CallerTime, Indication, Pkcs12Signer, RevocationOptions, RevocationReason,
    RevocationSource, RevocationState, RevocationStatus, Signer, SubIndication, TimeUsed,
    TimestampOptions, ValidationData, ValidationReport,
};

const IIN: &str = "900101300007";
const DOCUMENT: &[u8] = b"%PDF-1.7 a certified copy, as bytes";
const REVOCATION_VALUES: &str = "1.2.840.113549.1.9.16.2.24";

fn clerk(pki: &TestPki, ocsp: &str, expired: bool) -> Pkcs12Signer {
    let opts = ClerkOptions {
        ocsp_url: Some(ocsp),
        expired,
        ..ClerkOptions::default()
    };
    Pkcs12Signer::open(&pki.clerk(IIN, opts), PASSWORD).unwrap()
}

fn ca_der(pki: &TestPki) -> Vec<u8> {
    openssl::x509::X509::from_pem(&pki.ca_pem)
        .unwrap()
        .to_der()
        .unwrap()
}

/// The OCSP response the responder gives now for `signer`'s certificate.
fn ocsp_response(pki: &TestPki, signer: &Pkcs12Signer) -> (RevocationStatus, Vec<u8>) {
    let status = revocation_status(
        signer.certificate_der(),
        &ca_der(pki),
        Utc::now(),
        &RevocationOptions::default(),
    )
    .unwrap();
    let der = match &status {
        RevocationStatus::Good { evidence } | RevocationStatus::Revoked { evidence, .. } => {
            evidence.der.clone()
        }
        other => panic!("no status: {other:?}"),
    };
    (status, der)
}

/// A responder on `port` that knows `signer`'s certificate as valid.
fn responder(pki: &TestPki, port: u16, signer: &Pkcs12Signer) -> OcspServer {
    let index = TestPki::ocsp_index(&[(signer.certificate_der(), None)]);
    OcspServer::by_ca(port, &index, pki)
}

/// `signer`'s signature over the test PDF, timestamped by `tsa`, at `claimed`.
fn signed_b_t(
    pki: &TestPki,
    signer: &Pkcs12Signer,
    tsa: &TsaServer,
    claimed: DateTime<Utc>,
) -> Vec<u8> {
    let anchors = pki.trust();
    let stamp = |cms: Vec<u8>| {
        timestamp_signature(&cms, &tsa.url, &anchors, &TimestampOptions::default())
            .map(|t| t.cms_der)
    };
    let meta = rastau_sign::PdfSignatureMeta {
        signing_time: claimed,
        ..meta()
    };
    sign_pdf_with(&minimal_pdf(), signer, &meta, &stamp).unwrap()
}

/// `pdf` with its Document Security Store: the path (found at `at`) and the OCSP response.
fn with_dss(pki: &TestPki, pdf: &[u8], signer: &Pkcs12Signer, ocsp: Vec<u8>) -> Vec<u8> {
    let ca = ca_der(pki);
    let data = ValidationData {
        certificates: vec![signer.certificate_der().to_vec(), ca],
        ocsp_responses: vec![ocsp],
        crls: Vec::new(),
    };
    add_validation_data(pdf, &data).unwrap()
}

fn report_of(pdf: &[u8], pki: &TestPki, caller: CallerTime) -> ValidationReport {
    validate_pdf(pdf, &pki.trust(), Utc::now(), caller)
        .unwrap()
        .report
}

fn codes(report: &ValidationReport) -> Vec<&'static str> {
    report.reasons.iter().map(|r| r.code).collect()
}

/// PAdES B-LT made by this crate: signature, timestamp and a real OCSP response in the DSS.
/// pyHanko's long-term validation (no network: the responder is gone by then) and our report
/// both pass it.
#[test]
fn a_b_lt_copy_passes_pyhanko_ltv_and_our_report() {
    let v = Validators::new();
    let tsa = TsaServer::start(&v.pki, &v.pki.tsa(true));
    let port = free_port();
    let signer = clerk(&v.pki, &format!("http://127.0.0.1:{port}"), false);
    let index = TestPki::ocsp_index(&[(signer.certificate_der(), None)]);
    let server = OcspServer::by_ca(port, &index, &v.pki);
    let signed = signed_b_t(&v.pki, &signer, &tsa, Utc::now());
    let (status, ocsp) = ocsp_response(&v.pki, &signer);
    assert!(
        matches!(status, RevocationStatus::Good { .. }),
        "{status:?}"
    );
    let b_lt = with_dss(&v.pki, &signed, &signer, ocsp);
    drop(server);

    let file = v.write("b-lt.pdf", &b_lt);
    let (valid, said) = v.pyhanko_ltv(&file);
    assert!(
        valid,
        "pyHanko's long-term validation refused our B-LT:\n{said}"
    );
    assert!(said.contains("PASSED/-"), "{said}");

    let report = report_of(&b_lt, &v.pki, CallerTime::Present);
    assert_eq!(report.indication, Indication::TotalPassed, "{report:?}");
    assert_eq!(report.sub_indication, None);
    assert_eq!(report.time_used, TimeUsed::Timestamp);
    assert_eq!(report.revocation.state, RevocationState::Good);
    assert_eq!(report.revocation.source, Some(RevocationSource::DssOcsp));
    assert_eq!(report.revocation.unusable, 0);

    // The same copy without its store: nothing says the key was not revoked, to pyHanko
    // either.
    let (valid, said) = v.pyhanko_ltv(&v.write("b-t.pdf", &signed));
    assert!(!valid && said.contains("INDETERMINATE"), "{said}");
    let report = report_of(&signed, &v.pki, CallerTime::Present);
    assert_eq!(report.indication, Indication::Indeterminate, "{report:?}");
    assert_eq!(report.sub_indication, Some(SubIndication::TryLater));
    assert_eq!(codes(&report), ["no-revocation-data"]);
    // Unless this store recorded the signature.
    let report = report_of(&signed, &v.pki, CallerTime::Store);
    assert_eq!(report.indication, Indication::TotalPassed, "{report:?}");
    assert_eq!(report.revocation.source, Some(RevocationSource::Store));
    assert_eq!(report.time_used, TimeUsed::Timestamp);
}

/// What B-LT is for: the key expired years ago, but its signature was timestamped inside its
/// validity and the copy carries a status saying it was not revoked. Without the timestamp the
/// same copy is out of bounds.
#[test]
fn an_expired_key_timestamped_in_its_validity_with_a_good_status_passes() {
    let pki = TestPki::new();
    // Eight years ago: inside the expired key's validity (ten to six years back).
    let then = Utc::now() - Duration::days(8 * 365);
    let tsa = TsaServer::start_faked(
        &pki,
        &pki.long_lived_tsa(),
        &then.format("%Y-%m-%d %H:%M:%S").to_string(),
    );
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let signer = clerk(&pki, &url, true);
    let index = TestPki::ocsp_index(&[(signer.certificate_der(), None)]);
    let server = OcspServer::by_ca(port, &index, &pki);
    let signed = signed_b_t(&pki, &signer, &tsa, then);
    let (status, ocsp) = ocsp_response(&pki, &signer);
    assert!(
        matches!(status, RevocationStatus::Good { .. }),
        "{status:?}"
    );
    drop(server);
    let b_lt = with_dss(&pki, &signed, &signer, ocsp.clone());

    let report = report_of(&b_lt, &pki, CallerTime::Present);
    assert_eq!(report.indication, Indication::TotalPassed, "{report:?}");
    assert_eq!(report.time_used, TimeUsed::Timestamp);
    assert!((report.time - then).num_seconds().abs() < 120, "{report:?}");
    assert_eq!(report.revocation.state, RevocationState::Good);

    // Signed at the same claimed moment, no timestamp: judged now, the key is long expired.
    let plain = sign_pdf(
        &minimal_pdf(),
        &signer,
        &rastau_sign::PdfSignatureMeta {
            signing_time: then,
            ..meta()
        },
    )
    .unwrap();
    let report = report_of(
        &with_dss(&pki, &plain, &signer, ocsp),
        &pki,
        CallerTime::Present,
    );
    assert_eq!(report.indication, Indication::Indeterminate, "{report:?}");
    assert_eq!(
        report.sub_indication,
        Some(SubIndication::OutOfBoundsNotRevoked)
    );
    assert_eq!(codes(&report)[0], "expired");
    let report = report_of(&plain, &pki, CallerTime::Present);
    assert_eq!(report.sub_indication, Some(SubIndication::OutOfBoundsNoPoe));
}

/// A key revoked after the timestamped signature: the copy still passes, the later revocation
/// named; judged at the present with no timestamp, nothing proves the signature came first. A
/// key revoked before the signature fails.
#[test]
fn revoked_after_signing_passes_with_a_timestamp_and_revoked_before_fails() {
    let pki = TestPki::new();
    let tsa = TsaServer::start(&pki, &pki.tsa(true));
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let signer = clerk(&pki, &url, false);
    let signed = signed_b_t(&pki, &signer, &tsa, Utc::now());
    let genuine = report_of(&signed, &pki, CallerTime::Present);
    // Revoked (whole seconds, as the index keeps them) two seconds after the timestamp.
    let revoked_at = Utc.timestamp_opt(genuine.time.timestamp() + 2, 0).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(
        (revoked_at - Utc::now()).num_milliseconds().max(0) as u64 + 200,
    ));
    let revocation = Revocation {
        at: revoked_at,
        reason: RevocationReason::KeyCompromise,
    };
    let index = TestPki::ocsp_index(&[(signer.certificate_der(), Some(revocation))]);
    let server = OcspServer::by_ca(port, &index, &pki);
    let (status, ocsp) = ocsp_response(&pki, &signer);
    assert!(
        matches!(status, RevocationStatus::Revoked { .. }),
        "{status:?}"
    );
    drop(server);
    let b_lt = with_dss(&pki, &signed, &signer, ocsp.clone());
    let report = report_of(&b_lt, &pki, CallerTime::Present);
    assert_eq!(report.indication, Indication::TotalPassed, "{report:?}");
    assert_eq!(report.revocation.revoked_at, Some(revoked_at));
    assert_eq!(
        report.revocation.reason,
        Some(RevocationReason::KeyCompromise)
    );
    assert!(codes(&report).contains(&"revoked-later"), "{report:?}");

    // Without the timestamp the present is the only time anyone vouches for: after the
    // revocation.
    let plain = sign_pdf(&minimal_pdf(), &signer, &meta()).unwrap();
    let report = report_of(
        &with_dss(&pki, &plain, &signer, ocsp),
        &pki,
        CallerTime::Present,
    );
    assert_eq!(report.indication, Indication::Indeterminate, "{report:?}");
    assert_eq!(report.sub_indication, Some(SubIndication::RevokedNoPoe));
    assert_eq!(report.revocation.state, RevocationState::Revoked);

    // Timestamped after the revocation: failed.
    let late = signed_b_t(&pki, &signer, &tsa, Utc::now());
    let server = OcspServer::by_ca(port, &index, &pki);
    let (_, ocsp) = ocsp_response(&pki, &signer);
    drop(server);
    let report = report_of(
        &with_dss(&pki, &late, &signer, ocsp),
        &pki,
        CallerTime::Present,
    );
    assert_eq!(report.indication, Indication::TotalFailed, "{report:?}");
    assert_eq!(report.sub_indication, Some(SubIndication::Revoked));
    assert_eq!(codes(&report)[0], "revoked");
}

#[test]
fn a_changed_copy_fails_with_a_hash_failure() {
    let pki = TestPki::new();
    let signer = clerk(&pki, "http://127.0.0.1:1", false);
    let signed = sign_pdf(&minimal_pdf(), &signer, &meta()).unwrap();
    let report = report_of(&tamper_text(&signed), &pki, CallerTime::Present);
    assert_eq!(report.indication, Indication::TotalFailed, "{report:?}");
    assert_eq!(report.sub_indication, Some(SubIndication::HashFailure));
    assert_eq!(codes(&report), ["changed"]);

    // Bytes appended after the signature that are not validation data.
    let mut appended = signed.clone();
    appended.extend_from_slice(b"\n% more\n");
    let report = report_of(&appended, &pki, CallerTime::Present);
    assert_eq!(report.sub_indication, Some(SubIndication::HashFailure));

    // A detached signature over other bytes: the digest differs.
    let cms = signer.sign_detached(DOCUMENT, Utc::now()).unwrap();
    let r = validate_detached(
        b"other",
        &cms,
        &pki.trust(),
        Utc::now(),
        CallerTime::Present,
    )
    .unwrap()
    .report;
    assert_eq!(r.sub_indication, Some(SubIndication::HashFailure), "{r:?}");
    // The right bytes, the signature value broken: the signed digest still matches.
    let mut broken = cms.clone();
    let value_at = broken.len() - 10;
    broken[value_at] ^= 0x55;
    let r = validate_detached(
        DOCUMENT,
        &broken,
        &pki.trust(),
        Utc::now(),
        CallerTime::Present,
    )
    .unwrap()
    .report;
    assert_eq!(r.indication, Indication::TotalFailed, "{r:?}");
    assert_eq!(r.sub_indication, Some(SubIndication::SigCryptoFailure));
}

/// CAdES: the status travels in the id-aa-ets-revocationValues attribute, as an OCSP basic
/// response or a CRL.
#[test]
fn cades_revocation_values_are_read_and_checked() {
    let pki = TestPki::new();
    let port = free_port();
    let signer = clerk(&pki, &format!("http://127.0.0.1:{port}"), false);
    let server = responder(&pki, port, &signer);
    let (_, ocsp) = ocsp_response(&pki, &signer);
    drop(server);
    let cms = signer.sign_detached(DOCUMENT, Utc::now()).unwrap();
    let judge = |cms: &[u8]| {
        validate_detached(DOCUMENT, cms, &pki.trust(), Utc::now(), CallerTime::Present)
            .unwrap()
            .report
    };
    let bare = judge(&cms);
    assert_eq!(
        bare.sub_indication,
        Some(SubIndication::TryLater),
        "{bare:?}"
    );

    let values = revocation_values_der(&[], std::slice::from_ref(&ocsp)).unwrap();
    let with_ocsp = add_unsigned_attribute(&cms, REVOCATION_VALUES, &values).unwrap();
    let r = judge(&with_ocsp);
    assert_eq!(r.indication, Indication::TotalPassed, "{r:?}");
    assert_eq!(r.revocation.source, Some(RevocationSource::CadesOcsp));
    assert_eq!(r.time_used, TimeUsed::Present);

    let crl = pki.crl(&[]);
    let values = revocation_values_der(&[crl], &[]).unwrap();
    let with_crl = add_unsigned_attribute(&cms, REVOCATION_VALUES, &values).unwrap();
    let r = judge(&with_crl);
    assert_eq!(r.indication, Indication::TotalPassed, "{r:?}");
    assert_eq!(r.revocation.source, Some(RevocationSource::CadesCrl));

    // A list that another CA signed is not believed, and says so.
    let stranger = TestPki::new();
    let values = revocation_values_der(&[stranger.crl(&[])], &[]).unwrap();
    let foreign = add_unsigned_attribute(&cms, REVOCATION_VALUES, &values).unwrap();
    let r = judge(&foreign);
    assert_eq!(r.sub_indication, Some(SubIndication::TryLater), "{r:?}");
    assert_eq!(r.revocation.unusable, 1);
    assert!(codes(&r).contains(&"revocation-unusable"));

    // A list naming the key revoked last week: the present is after it.
    let revoked = Revocation {
        at: Utc::now() - Duration::days(7),
        reason: RevocationReason::Superseded,
    };
    let list = pki.crl(&[(signer.certificate_der(), revoked)]);
    let values = revocation_values_der(&[list], &[]).unwrap();
    let r = judge(&add_unsigned_attribute(&cms, REVOCATION_VALUES, &values).unwrap());
    assert_eq!(r.sub_indication, Some(SubIndication::RevokedNoPoe), "{r:?}");
    assert_eq!(r.revocation.reason, Some(RevocationReason::Superseded));
}

#[test]
fn a_ca_nobody_trusts_has_no_chain_and_gost_is_not_checkable_here() {
    let pki = TestPki::new();
    let signer = clerk(&pki, "http://127.0.0.1:1", false);
    let signed = sign_pdf(&minimal_pdf(), &signer, &meta()).unwrap();
    let stranger = TestPki::new();
    let report = report_of(&signed, &stranger, CallerTime::Present);
    assert_eq!(report.indication, Indication::Indeterminate, "{report:?}");
    assert_eq!(
        report.sub_indication,
        Some(SubIndication::NoCertificateChainFound)
    );
    assert!(check_chain(&signer, &pki.trust(), Utc::now()).is_ok());

    // GOST, as tests/gost.rs makes it: rsaEncryption rewritten to GOST 34.310's OID.
    const RSA: [u8; 11] = [
        0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01,
    ];
    const GOST_KZ: [u8; 11] = [
        0x06, 0x09, 0x2A, 0x83, 0x0E, 0x03, 0x0A, 0x01, 0x01, 0x01, 0x02,
    ];
    let mut cms = signer.sign_detached(DOCUMENT, Utc::now()).unwrap();
    let at = cms.windows(11).rposition(|w| w == RSA).unwrap();
    cms[at..at + 11].copy_from_slice(&GOST_KZ);
    let r = validate_detached(
        DOCUMENT,
        &cms,
        &pki.trust(),
        Utc::now(),
        CallerTime::Present,
    )
    .unwrap()
    .report;
    assert_eq!(r.indication, Indication::Indeterminate, "{r:?}");
    assert_eq!(
        r.sub_indication,
        Some(SubIndication::CryptoConstraintsFailureNoPoe)
    );
    assert_eq!(r.reasons[0].code, "algorithm-not-checkable");
    assert!(r.reasons[0].args[0].1.contains("GOST"), "{r:?}");
}
