//! Reads from a CMS SignedData what OpenSSL's Rust API does not expose: the embedded
//! certificates, which of them signed, and the signed attributes. OpenSSL still does all the
//! cryptography; this only walks the DER (definite lengths, as CAdES signatures are encoded).
use crate::error::SignError;
use chrono::{DateTime, NaiveDateTime, Utc};

const SIGNED_DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
const SIGNING_TIME: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x05];
/// id-aa-signingCertificateV2 (RFC 5035), the attribute that makes CMS into CAdES-BES.
#[cfg(test)]
pub(crate) const SIGNING_CERTIFICATE_V2: &[u8] = &[
    0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x2F,
];

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const OID: u8 = 0x06;
const CONTEXT_0: u8 = 0xA0;
const CONTEXT_0_PRIMITIVE: u8 = 0x80;

/// How the first signer names its certificate.
#[derive(Debug)]
pub(crate) enum SignerId<'a> {
    /// The issuer's Name (whole DER element) and the serial number (INTEGER content bytes).
    IssuerSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The subjectKeyIdentifier of the certificate.
    KeyId(&'a [u8]),
}

/// The parts of a SignedData that verification reports on.
#[derive(Debug)]
pub(crate) struct SignedParts<'a> {
    /// Every embedded certificate, each as a whole DER element.
    pub certificates: Vec<&'a [u8]>,
    pub signer: SignerId<'a>,
    /// The signing-time attribute of the first signer: claimed by the signer, not proven.
    pub signing_time: Option<DateTime<Utc>>,
    /// The OIDs (content bytes) of the first signer's signed attributes.
    #[cfg_attr(not(test), allow(dead_code))]
    pub attributes: Vec<&'a [u8]>,
}

struct Tlv<'a> {
    tag: u8,
    content: &'a [u8],
    whole: &'a [u8],
}

/// The total length of the DER element at the start of `bytes`: a PDF pads the signature with
/// zeros up to the space reserved for it.
pub(crate) fn element_len(bytes: &[u8]) -> Option<usize> {
    let (header, len) = header(bytes)?;
    header.checked_add(len).filter(|&end| end <= bytes.len())
}

fn header(bytes: &[u8]) -> Option<(usize, usize)> {
    let first = *bytes.get(1)?;
    if first & 0x80 == 0 {
        return Some((2, usize::from(first)));
    }
    let count = usize::from(first & 0x7F);
    // 0 would be BER's indefinite length; more than 4 bytes is no signature we would accept.
    if count == 0 || count > 4 {
        return None;
    }
    let len = bytes
        .get(2..2 + count)?
        .iter()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    Some((2 + count, len))
}

fn read(bytes: &[u8]) -> Result<(Tlv<'_>, &[u8]), SignError> {
    let bad = || SignError::malformed("signature: broken DER");
    let (head, len) = header(bytes).ok_or_else(bad)?;
    let end = head.checked_add(len).filter(|&e| e <= bytes.len());
    let end = end.ok_or_else(bad)?;
    let tlv = Tlv {
        tag: bytes[0],
        content: &bytes[head..end],
        whole: &bytes[..end],
    };
    Ok((tlv, &bytes[end..]))
}

fn expect<'a>(bytes: &'a [u8], tag: u8, what: &str) -> Result<(Tlv<'a>, &'a [u8]), SignError> {
    let (tlv, rest) = read(bytes)?;
    if tlv.tag != tag {
        return Err(SignError::malformed(format!("signature: expected {what}")));
    }
    Ok((tlv, rest))
}

fn items(mut bytes: &[u8]) -> Result<Vec<Tlv<'_>>, SignError> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (tlv, rest) = read(bytes)?;
        out.push(tlv);
        bytes = rest;
    }
    Ok(out)
}

/// Reads a DER ContentInfo holding SignedData.
pub(crate) fn read_signed_data(der: &[u8]) -> Result<SignedParts<'_>, SignError> {
    let (info, _) = expect(der, SEQUENCE, "ContentInfo")?;
    let (kind, rest) = expect(info.content, OID, "content type")?;
    if kind.content != SIGNED_DATA {
        return Err(SignError::malformed("signature: not CMS SignedData"));
    }
    let (explicit, _) = expect(rest, CONTEXT_0, "content")?;
    let (signed, _) = expect(explicit.content, SEQUENCE, "SignedData")?;
    let mut certificates = Vec::new();
    let mut signer_infos = None;
    // version, digestAlgorithms and encapContentInfo come first; then optional
    // [0] certificates and [1] CRLs; signerInfos is the last SET.
    for item in items(signed.content)?.into_iter().skip(3) {
        match item.tag {
            CONTEXT_0 => certificates = items(item.content)?.iter().map(|c| c.whole).collect(),
            SET => signer_infos = Some(item.content),
            _ => {}
        }
    }
    let signer_infos = signer_infos.ok_or_else(|| SignError::malformed("no signerInfos"))?;
    let (first, _) =
        expect(signer_infos, SEQUENCE, "SignerInfo").map_err(|_| SignError::NoSignature)?;
    let fields = items(first.content)?;
    let sid = fields
        .get(1)
        .ok_or_else(|| SignError::malformed("signature: no signer id"))?;
    let signer = signer_id(sid)?;
    let attrs = match fields.get(3) {
        Some(a) if a.tag == CONTEXT_0 => items(a.content)?,
        _ => Vec::new(),
    };
    let mut attributes = Vec::new();
    let mut signing_time = None;
    for attr in &attrs {
        let (oid, values) = expect(attr.content, OID, "attribute type")?;
        attributes.push(oid.content);
        if oid.content == SIGNING_TIME {
            let (set, _) = expect(values, SET, "attribute values")?;
            let (time, _) = read(set.content)?;
            signing_time = Some(parse_time(time.tag, time.content)?);
        }
    }
    Ok(SignedParts {
        certificates,
        signer,
        signing_time,
        attributes,
    })
}

fn signer_id<'a>(sid: &Tlv<'a>) -> Result<SignerId<'a>, SignError> {
    match sid.tag {
        SEQUENCE => {
            let (issuer, rest) = expect(sid.content, SEQUENCE, "issuer")?;
            let (serial, _) = expect(rest, 0x02, "serial number")?;
            Ok(SignerId::IssuerSerial {
                issuer: issuer.whole,
                serial: serial.content,
            })
        }
        CONTEXT_0_PRIMITIVE => Ok(SignerId::KeyId(sid.content)),
        _ => Err(SignError::malformed("signature: unknown signer id")),
    }
}

/// UTCTime (tag 0x17) or GeneralizedTime (0x18), in UTC as DER requires.
fn parse_time(tag: u8, content: &[u8]) -> Result<DateTime<Utc>, SignError> {
    let text = std::str::from_utf8(content).map_err(|_| SignError::malformed("signing time"))?;
    let format = match tag {
        0x17 => "%y%m%d%H%M%SZ",
        0x18 => "%Y%m%d%H%M%SZ",
        _ => return Err(SignError::malformed("signing time")),
    };
    NaiveDateTime::parse_from_str(text, format)
        .map(|t| t.and_utc())
        .map_err(|_| SignError::malformed(format!("signing time {text}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_asn1_time_forms_are_read() {
        let t = parse_time(0x17, b"260315093000Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-15T09:30:00+00:00");
        let t = parse_time(0x18, b"20500101000000Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2050-01-01T00:00:00+00:00");
    }

    #[test]
    fn element_length_ignores_padding_and_refuses_truncation() {
        assert_eq!(element_len(&[0x30, 0x02, 1, 2, 0, 0, 0]), Some(4));
        assert_eq!(element_len(&[0x30, 0x82, 0x01, 0x00, 1]), None);
        assert_eq!(element_len(&[0x30, 0x80, 0, 0]), None);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        for bytes in [&b""[..], b"\x30", b"\x30\x05\x06\x01", b"%PDF-1.7"] {
            assert!(read_signed_data(bytes).is_err());
        }
    }
}
