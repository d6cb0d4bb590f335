//! Reads from a CMS SignedData what OpenSSL's Rust API does not expose: the embedded
//! certificates, which of them signed, the signed attributes, the signer's digest and signature
//! algorithms, and whether the signed content travels inside. OpenSSL still does all the
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
    /// The first signer's digestAlgorithm, dotted (`2.16.840.1.101.3.4.2.1` for SHA-256).
    pub digest_algorithm: String,
    /// The first signer's signatureAlgorithm, dotted (`1.2.840.113549.1.1.1` for RSA,
    /// `1.2.398.3.10.1.1.1.2` for Kazakhstan's GOST 34.310).
    pub signature_algorithm: String,
    /// The signed content travels inside the SignedData (an attached signature), rather than
    /// beside it as a detached one.
    pub content_present: bool,
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
    let fields = items(signed.content)?;
    // encapContentInfo: the content type, then the content itself only when it is attached.
    let encapsulated = fields
        .get(2)
        .filter(|f| f.tag == SEQUENCE)
        .ok_or_else(|| SignError::malformed("signature: no encapsulated content info"))?;
    let content_present = items(encapsulated.content)?.len() > 1;
    // version, digestAlgorithms and encapContentInfo come first; then optional
    // [0] certificates and [1] CRLs; signerInfos is the last SET.
    for item in fields.into_iter().skip(3) {
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
    let digest_algorithm = algorithm(fields.get(2), "digest algorithm")?;
    let (attrs, next) = match fields.get(3) {
        Some(a) if a.tag == CONTEXT_0 => (items(a.content)?, 4),
        _ => (Vec::new(), 3),
    };
    let signature_algorithm = algorithm(fields.get(next), "signature algorithm")?;
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
        digest_algorithm,
        signature_algorithm,
        content_present,
    })
}

/// The OID of an AlgorithmIdentifier (SEQUENCE { OID, parameters }), dotted.
fn algorithm(field: Option<&Tlv<'_>>, what: &str) -> Result<String, SignError> {
    let bad = || SignError::malformed(format!("signature: no {what}"));
    let field = field.filter(|f| f.tag == SEQUENCE).ok_or_else(bad)?;
    let (oid, _) = expect(field.content, OID, what)?;
    dotted(oid.content).ok_or_else(bad)
}

/// An OID's content bytes as the dotted text everyone quotes (`1.2.398.3.10.1.1.1.2`).
pub(crate) fn dotted(content: &[u8]) -> Option<String> {
    let mut arcs: Vec<u64> = Vec::new();
    let mut value: u64 = 0;
    for (i, &byte) in content.iter().enumerate() {
        // A leading 0x80 pads an arc, which DER forbids; more than 63 bits is no real OID.
        if (value == 0 && byte == 0x80) || value > (u64::MAX >> 7) {
            return None;
        }
        value = (value << 7) | u64::from(byte & 0x7F);
        if byte & 0x80 == 0 {
            if arcs.is_empty() {
                // The first subidentifier carries the first two arcs.
                let first = (value / 40).min(2);
                arcs.push(first);
                arcs.push(value - first * 40);
            } else {
                arcs.push(value);
            }
            value = 0;
        } else if i == content.len() - 1 {
            return None;
        }
    }
    (!arcs.is_empty()).then(|| {
        let text: Vec<String> = arcs.iter().map(u64::to_string).collect();
        text.join(".")
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
    fn oids_read_as_dotted_text() {
        let sha256 = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
        assert_eq!(dotted(&sha256).as_deref(), Some("2.16.840.1.101.3.4.2.1"));
        let gost = [0x2A, 0x83, 0x0E, 0x03, 0x0A, 0x01, 0x01, 0x01, 0x02];
        assert_eq!(dotted(&gost).as_deref(), Some("1.2.398.3.10.1.1.1.2"));
        assert_eq!(dotted(&[0x2A, 0x86]), None, "cut in the middle of an arc");
        assert_eq!(dotted(&[0x2A, 0x80, 0x01]), None, "padded arc");
        assert_eq!(dotted(&[]), None);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        for bytes in [&b""[..], b"\x30", b"\x30\x05\x06\x01", b"%PDF-1.7"] {
            assert!(read_signed_data(bytes).is_err());
        }
    }
}
