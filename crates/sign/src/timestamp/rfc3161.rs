//! The RFC 3161 structures, written and read as DER: the request (TimeStampReq), the reply
//! (TimeStampResp) and the token's content (TSTInfo). No cryptography here; `token.rs` checks
//! the token's signature.
use crate::der::{self, expect, items, read, BOOLEAN, INTEGER, NULL, OCTET_STRING, OID, SEQUENCE};
use crate::error::SignError;
use crate::signed_data::parse_time;
use chrono::{DateTime, Utc};
use openssl::hash::MessageDigest;

/// id-ct-TSTInfo: the content type of a timestamp token.
pub(crate) const TST_INFO: &[u8] = &[
    0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x01, 0x04,
];
/// id-sha256, what every request of ours asks over.
pub(crate) const SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const SHA384: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02];
const SHA512: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03];
const SHA1: &[u8] = &[0x2B, 0x0E, 0x03, 0x02, 0x1A];

/// The digest an AlgorithmIdentifier's OID names, among those a token made elsewhere may use.
pub(crate) fn digest(oid: &[u8]) -> Option<MessageDigest> {
    match oid {
        SHA256 => Some(MessageDigest::sha256()),
        SHA384 => Some(MessageDigest::sha384()),
        SHA512 => Some(MessageDigest::sha512()),
        SHA1 => Some(MessageDigest::sha1()),
        _ => None,
    }
}

/// A TimeStampReq (v1) for the SHA-256 `digest`, with `nonce` (a positive INTEGER's content
/// bytes), certReq set so the TSA puts its certificate in the token, and the TSA policy asked
/// for, when there is one (its OID's content bytes).
pub(crate) fn request(digest: &[u8], nonce: &[u8], policy: Option<&[u8]>) -> Vec<u8> {
    let algorithm = der::write(
        SEQUENCE,
        &[der::write(OID, SHA256), der::write(NULL, &[])].concat(),
    );
    let imprint = der::write(
        SEQUENCE,
        &[algorithm, der::write(OCTET_STRING, digest)].concat(),
    );
    let mut fields = vec![der::write(INTEGER, &[1]), imprint];
    if let Some(policy) = policy {
        fields.push(der::write(OID, policy));
    }
    fields.push(der::write(INTEGER, nonce));
    fields.push(der::write(BOOLEAN, &[0xFF]));
    der::write(SEQUENCE, &fields.concat())
}

/// What a TSA answered.
#[derive(Debug)]
pub(crate) enum Reply<'a> {
    /// granted or grantedWithMods, with the token (a whole ContentInfo).
    Granted { token: &'a [u8] },
    /// Any other status, named with the TSA's own text and failure bits.
    Refused { status: String },
}

/// Reads a TimeStampResp. An error is an answer that is not one.
pub(crate) fn read_reply(der: &[u8]) -> Result<Reply<'_>, SignError> {
    let resp = der::single(der, SEQUENCE, "TimeStampResp")?;
    let (info, rest) = expect(resp.content, SEQUENCE, "PKIStatusInfo")?;
    let (status, details) = expect(info.content, INTEGER, "PKIStatus")?;
    let code = match status.content {
        [n] => *n,
        _ => return Err(SignError::malformed("PKIStatus out of range")),
    };
    if code <= 1 {
        let token = expect(rest, SEQUENCE, "timeStampToken")
            .map_err(|_| SignError::malformed("granted without a token"))?;
        return Ok(Reply::Granted {
            token: token.0.whole,
        });
    }
    let mut status = match code {
        2 => "rejection",
        3 => "waiting",
        4 => "revocationWarning",
        5 => "revocationNotification",
        _ => "unknown status",
    }
    .to_owned();
    for detail in items(details)? {
        match detail.tag {
            // statusString: SEQUENCE OF UTF8String.
            SEQUENCE => {
                for text in items(detail.content)? {
                    let text = String::from_utf8_lossy(text.content);
                    status.push_str(&format!(": {:.200}", text));
                }
            }
            // failInfo: a BIT STRING of PKIFailureInfo.
            0x03 => {
                for name in failure_names(detail.content) {
                    status.push_str(&format!(" ({name})"));
                }
            }
            _ => {}
        }
    }
    Ok(Reply::Refused { status })
}

/// The names of the PKIFailureInfo bits set in a BIT STRING's content.
fn failure_names(bits: &[u8]) -> Vec<&'static str> {
    const NAMES: [(usize, &str); 8] = [
        (0, "badAlg"),
        (2, "badRequest"),
        (5, "badDataFormat"),
        (14, "timeNotAvailable"),
        (15, "unacceptedPolicy"),
        (16, "unacceptedExtension"),
        (17, "addInfoNotAvailable"),
        (25, "systemFailure"),
    ];
    let data = bits.get(1..).unwrap_or_default();
    let set = |bit: usize| {
        data.get(bit / 8)
            .is_some_and(|b| b & (0x80 >> (bit % 8)) != 0)
    };
    NAMES
        .iter()
        .filter(|(bit, _)| set(*bit))
        .map(|(_, n)| *n)
        .collect()
}

/// The parts of a TSTInfo a client checks and a verifier reports.
#[derive(Debug)]
pub(crate) struct TstInfo<'a> {
    /// The messageImprint's digest algorithm (OID content bytes) and digest.
    pub hash_algorithm: &'a [u8],
    pub hashed: &'a [u8],
    /// serialNumber's content bytes.
    pub serial: &'a [u8],
    pub gen_time: DateTime<Utc>,
    /// The nonce's content bytes, when the TSA echoed one.
    pub nonce: Option<&'a [u8]>,
}

/// Reads a TSTInfo (the token's signed content).
pub(crate) fn read_tst_info(der: &[u8]) -> Result<TstInfo<'_>, SignError> {
    let info = der::single(der, SEQUENCE, "TSTInfo")?;
    let (version, rest) = expect(info.content, INTEGER, "TSTInfo version")?;
    if version.content != [1] {
        return Err(SignError::malformed("TSTInfo version is not 1"));
    }
    let (_policy, rest) = expect(rest, OID, "TSA policy")?;
    let (imprint, rest) = expect(rest, SEQUENCE, "messageImprint")?;
    let (algorithm, hashed) = expect(imprint.content, SEQUENCE, "hashAlgorithm")?;
    let (hash_algorithm, _) = expect(algorithm.content, OID, "hashAlgorithm")?;
    let (hashed, _) = expect(hashed, OCTET_STRING, "hashedMessage")?;
    let (serial, rest) = expect(rest, INTEGER, "serialNumber")?;
    let (time, rest) = read(rest)?;
    let gen_time = parse_time(time.tag, time.content)?;
    if time.tag != der::GENERALIZED_TIME {
        return Err(SignError::malformed("genTime is not a GeneralizedTime"));
    }
    // accuracy, ordering, nonce, [0] tsa, [1] extensions: only the nonce is an INTEGER.
    let nonce = items(rest)?
        .into_iter()
        .find(|f| f.tag == INTEGER)
        .map(|n| n.content);
    Ok(TstInfo {
        hash_algorithm: hash_algorithm.content,
        hashed: hashed.content,
        serial: serial.content,
        gen_time,
        nonce,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_what_openssl_reads() {
        let req = request(&[0xAB; 32], &[0x12, 0x34], None);
        // version 1, the imprint, the nonce, certReq TRUE.
        let (seq, _) = expect(&req, SEQUENCE, "req").unwrap();
        let fields = items(seq.content).unwrap();
        assert_eq!(fields.len(), 4);
        assert_eq!(fields[2].content, [0x12, 0x34]);
        assert_eq!(fields[3].whole, [0x01, 0x01, 0xFF]);
    }

    #[test]
    fn a_refusal_says_why() {
        // status rejection, statusString "busy", failInfo systemFailure (bit 25).
        let text = der::write(SEQUENCE, &der::write(0x0C, b"busy"));
        let bits = der::write(0x03, &[0x06, 0x00, 0x00, 0x00, 0x40]);
        let info = der::write(SEQUENCE, &[der::write(INTEGER, &[2]), text, bits].concat());
        let reply = der::write(SEQUENCE, &info);
        let Reply::Refused { status } = read_reply(&reply).unwrap() else {
            panic!("granted?")
        };
        assert_eq!(status, "rejection: busy (systemFailure)");
        let granted_empty = der::write(SEQUENCE, &der::write(SEQUENCE, &der::write(INTEGER, &[0])));
        assert!(read_reply(&granted_empty).is_err());
        assert!(read_reply(b"garbage").is_err());
    }
}
