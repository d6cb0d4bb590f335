//! One OCSP question (RFC 6960) about one certificate, over HTTP POST, and the checks its
//! answer must pass before it is believed.
use super::{check_window, generalized_time, http, http_failure, http_url, Asked, Evidence};
use super::{Failure, RevocationOptions, RevocationReason, RevocationStatus, Source};
use chrono::{DateTime, Utc};
use foreign_types::ForeignTypeRef;
use openssl::hash::MessageDigest;
use openssl::ocsp::{
    OcspBasicResponse, OcspCertId, OcspCertStatus, OcspFlag, OcspRequest, OcspResponse,
    OcspResponseStatus,
};
use openssl::stack::Stack;
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::verify::{X509VerifyFlags, X509VerifyParam};
use openssl::x509::X509;
use std::ffi::{c_int, c_uchar};

// Three functions of libcrypto (linked through openssl-sys) that neither the openssl crate nor
// openssl-sys declares: the request's nonce, its check, and the response's producedAt.
extern "C" {
    fn OCSP_request_add1_nonce(
        req: *mut openssl_sys::OCSP_REQUEST,
        val: *mut c_uchar,
        len: c_int,
    ) -> c_int;
    fn OCSP_check_nonce(
        req: *mut openssl_sys::OCSP_REQUEST,
        bs: *mut openssl_sys::OCSP_BASICRESP,
    ) -> c_int;
    fn OCSP_resp_get0_produced_at(
        bs: *const openssl_sys::OCSP_BASICRESP,
    ) -> *const openssl_sys::ASN1_GENERALIZEDTIME;
}

/// Asks the responder at `url` about `cert`, issued by `issuer`.
pub(super) fn ask(
    url: &str,
    cert: &X509,
    issuer: &X509,
    now: DateTime<Utc>,
    options: &RevocationOptions,
) -> Asked {
    let address = http_url(url)?;
    let malformed = Failure::malformed_at(url);
    let local = |e: openssl::error::ErrorStack| malformed(format!("OpenSSL: {e}"));
    // SHA-1 names the certificate in the request, as RFC 5019 responders all understand; it is
    // an identifier here, not a signature.
    let id = || OcspCertId::from_cert(MessageDigest::sha1(), cert, issuer).map_err(local);
    let mut request = OcspRequest::new().map_err(local)?;
    request.add_id(id()?).map_err(local)?;
    // SAFETY: `request` is a live OCSP_REQUEST; a null value with length 0 asks OpenSSL for a
    // random nonce of its default length, copied into the request.
    if unsafe { OCSP_request_add1_nonce(request.as_ptr(), std::ptr::null_mut(), 0) } != 1 {
        return Err(malformed("could not add a nonce".into()));
    }
    let body = http::post(
        &address,
        "application/ocsp-request",
        &request.to_der().map_err(local)?,
        options.timeout,
        options.max_ocsp_bytes,
    )
    .map_err(|e| http_failure(url, options.max_ocsp_bytes, e))?;

    let response =
        OcspResponse::from_der(&body).map_err(|_| malformed("not an OCSP response".into()))?;
    let status = response.status();
    if status != OcspResponseStatus::SUCCESSFUL {
        return Err(Failure::Refused {
            url: url.into(),
            status: response_status_name(status).into(),
        });
    }
    let basic = response
        .basic()
        .map_err(|_| malformed("not a basic OCSP response".into()))?;
    verify_signer(&basic, issuer, now).map_err(|detail| Failure::BadSignature {
        url: url.into(),
        detail,
    })?;
    // SAFETY: both pointers are live objects owned by this function for the call; the
    // function only reads the two nonces.
    let nonce = unsafe { OCSP_check_nonce(request.as_ptr(), basic.as_ptr()) };
    // 0: both carry one and they differ. -1 (the response echoes none) is believed within its
    // validity window, as responders with pre-produced answers do.
    if nonce == 0 {
        return Err(Failure::NonceMismatch { url: url.into() });
    }
    let asked = id()?;
    let single = basic
        .find_status(&asked)
        .ok_or_else(|| malformed("the response does not answer for this certificate".into()))?;
    let time = |t| generalized_time(t).map_err(|e| malformed(e.to_string()));
    let this_update = time(single.this_update)?;
    let next_update = single.next_update().map(time).transpose()?;
    check_window(url, this_update, next_update, now, options.clock_skew)?;
    let produced_at = produced_at(&basic).map(time).transpose()?;
    let evidence = Evidence {
        source: Source::Ocsp,
        url: url.into(),
        produced_at,
        this_update,
        next_update,
        der: body.clone(),
    };
    match single.status {
        OcspCertStatus::GOOD => Ok(RevocationStatus::Good { evidence }),
        OcspCertStatus::REVOKED => {
            let at = single
                .revocation_time
                .ok_or_else(|| malformed("revoked without a revocation time".into()))?;
            Ok(RevocationStatus::Revoked {
                revoked_at: time(at)?,
                reason: RevocationReason::from_code(single.reason.as_raw().into()),
                evidence,
            })
        }
        _ => Err(Failure::UnknownCertificate { url: url.into() }),
    }
}

/// Reads an `OCSPResponse` a signature carries (a PAdES Document Security Store's, or a
/// CAdES signature's revocation values wrapped back into one) about `cert`, issued by
/// `issuer`, with the same checks as a fetched one but the nonce (none was asked) and the
/// window (judged by the caller at the time it uses): signed by the issuer or its authorised
/// responder, valid at the response's own producedAt (else its thisUpdate), answering for this
/// certificate. Why not, as text, otherwise.
pub(crate) fn embedded(der: &[u8], cert: &X509, issuer: &X509) -> Result<RevocationStatus, String> {
    let response = OcspResponse::from_der(der).map_err(|_| "not an OCSP response".to_owned())?;
    if response.status() != OcspResponseStatus::SUCCESSFUL {
        return Err(format!(
            "the responder refused: {}",
            response_status_name(response.status())
        ));
    }
    let basic = response
        .basic()
        .map_err(|_| "not a basic OCSP response".to_owned())?;
    let time = |t| generalized_time(t).map_err(|e| e.to_string());
    let produced_at = produced_at(&basic).map(time).transpose()?;
    let ids = [MessageDigest::sha1(), MessageDigest::sha256()]
        .map(|digest| OcspCertId::from_cert(digest, cert, issuer).map_err(|e| e.to_string()));
    let mut single = None;
    for id in ids.iter().flatten() {
        single = basic.find_status(id);
        if single.is_some() {
            break;
        }
    }
    let single = single.ok_or("the response does not answer for this certificate")?;
    let this_update = time(single.this_update)?;
    let next_update = single.next_update().map(time).transpose()?;
    verify_signer(&basic, issuer, produced_at.unwrap_or(this_update))
        .map_err(|detail| format!("not signed by the issuer or its responder: {detail}"))?;
    let evidence = Evidence {
        source: Source::Ocsp,
        url: String::new(),
        produced_at,
        this_update,
        next_update,
        der: der.to_vec(),
    };
    match single.status {
        OcspCertStatus::GOOD => Ok(RevocationStatus::Good { evidence }),
        OcspCertStatus::REVOKED => Ok(RevocationStatus::Revoked {
            revoked_at: time(
                single
                    .revocation_time
                    .ok_or("revoked without a revocation time")?,
            )?,
            reason: RevocationReason::from_code(single.reason.as_raw().into()),
            evidence,
        }),
        _ => Err("the responder does not know this certificate".into()),
    }
}

/// The response is signed by `issuer`, or by a certificate `issuer` issued with
/// id-kp-OCSPSigning, valid at `now`: OpenSSL's `OCSP_basic_verify` against a store that holds
/// `issuer` alone (partial chain, so an intermediate issuer is an anchor by itself). A signer
/// that chains to the issuer without that usage, or is the issuer of nothing here, fails its
/// final "explicit trust" step, which no certificate of this store has.
fn verify_signer(
    basic: &OcspBasicResponse,
    issuer: &X509,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let build = || -> Result<_, openssl::error::ErrorStack> {
        let mut store = X509StoreBuilder::new()?;
        store.add_cert(issuer.clone())?;
        let mut param = X509VerifyParam::new()?;
        param.set_time(now.timestamp() as _);
        param.set_flags(X509VerifyFlags::PARTIAL_CHAIN)?;
        store.set_param(&param)?;
        let mut certs = Stack::new()?;
        certs.push(issuer.clone())?;
        Ok((store.build(), certs))
    };
    let (store, certs) = build().map_err(|e| e.to_string())?;
    basic
        .verify(&certs, &store, OcspFlag::empty())
        .map_err(|e| e.to_string())
}

fn response_status_name(status: OcspResponseStatus) -> &'static str {
    match status {
        OcspResponseStatus::MALFORMED_REQUEST => "malformedRequest",
        OcspResponseStatus::INTERNAL_ERROR => "internalError",
        OcspResponseStatus::TRY_LATER => "tryLater",
        OcspResponseStatus::SIG_REQUIRED => "sigRequired",
        OcspResponseStatus::UNAUTHORIZED => "unauthorized",
        _ => "unknown status",
    }
}

/// The response's producedAt, borrowed from it; none where OpenSSL has none.
fn produced_at(
    basic: &openssl::ocsp::OcspBasicResponseRef,
) -> Option<&openssl::asn1::Asn1GeneralizedTimeRef> {
    // SAFETY: `basic` is a live response; the time returned is owned by it (or null), and the
    // reference handed out cannot outlive `basic`.
    unsafe {
        let t = OCSP_resp_get0_produced_at(basic.as_ptr());
        (!t.is_null()).then(|| openssl::asn1::Asn1GeneralizedTimeRef::from_ptr(t.cast_mut()))
    }
}
