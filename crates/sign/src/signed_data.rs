//! Reads from a CMS SignedData what OpenSSL's Rust API does not expose: the embedded
//! certificates, which of them signed, the content type, the signature value, the signed and
//! unsigned attributes of the first signer, its digest and signature algorithms, and whether the
//! signed content travels inside. OpenSSL still does all the cryptography; this only walks the
//! DER (definite lengths, as CAdES signatures and timestamp tokens are encoded).
use crate::der::{self, expect, items, read, Tlv};
use crate::der::{CONTEXT_0, CONTEXT_0_PRIMITIVE, CONTEXT_1, OCTET_STRING, OID, SEQUENCE, SET};
use crate::error::SignError;
use chrono::{DateTime, NaiveDateTime, Utc};
use openssl::bn::BigNum;
use openssl::x509::X509;

const SIGNED_DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
const SIGNING_TIME: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x05];
/// id-aa-signingCertificateV2 (RFC 5035), the attribute that makes CMS into CAdES-BES, and
/// that binds a timestamp token to its TSA's certificate.
pub(crate) const SIGNING_CERTIFICATE_V2: &[u8] = &[
    0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x2F,
];
/// id-aa-signingCertificate (RFC 2634): the same binding by a SHA-1 hash.
pub(crate) const SIGNING_CERTIFICATE: &[u8] = &[
    0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x0C,
];

/// How the first signer names its certificate.
#[derive(Debug)]
pub(crate) enum SignerId<'a> {
    /// The issuer's Name (whole DER element) and the serial number (INTEGER content bytes).
    IssuerSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The subjectKeyIdentifier of the certificate.
    KeyId(&'a [u8]),
}

/// One attribute of a SignerInfo: its type and its values, each a whole DER element.
#[derive(Debug)]
pub(crate) struct Attribute<'a> {
    /// The OID's content bytes.
    pub oid: &'a [u8],
    pub values: Vec<&'a [u8]>,
}

/// The parts of a SignedData that verification reports on.
#[derive(Debug)]
pub(crate) struct SignedParts<'a> {
    /// The encapsulated content's type (OID content bytes): id-data for a document signature,
    /// id-ct-TSTInfo for a timestamp token.
    pub content_type: &'a [u8],
    /// Every embedded certificate, each as a whole DER element.
    pub certificates: Vec<&'a [u8]>,
    pub signer: SignerId<'a>,
    /// The signing-time attribute of the first signer: claimed by the signer, not proven.
    pub signing_time: Option<DateTime<Utc>>,
    /// The first signer's signed attributes.
    pub attributes: Vec<Attribute<'a>>,
    /// The first signer's signature value (the OCTET STRING's content): what a signature
    /// timestamp covers.
    pub signature: &'a [u8],
    /// The first signer's unsigned attributes.
    pub unsigned: Vec<Attribute<'a>>,
    /// The first signer's digestAlgorithm, dotted (`2.16.840.1.101.3.4.2.1` for SHA-256).
    pub digest_algorithm: String,
    /// The first signer's signatureAlgorithm, dotted (`1.2.840.113549.1.1.1` for RSA,
    /// `1.2.398.3.10.1.1.1.2` for Kazakhstan's GOST 34.310).
    pub signature_algorithm: String,
    /// The signed content travels inside the SignedData (an attached signature), rather than
    /// beside it as a detached one.
    pub content_present: bool,
}

impl SignedParts<'_> {
    /// The values of the first signed attribute of type `oid`.
    pub fn attribute(&self, oid: &[u8]) -> Option<&[&[u8]]> {
        let found = self.attributes.iter().find(|a| a.oid == oid);
        found.map(|a| a.values.as_slice())
    }

    /// The embedded certificate the first signer names.
    pub fn signer_certificate(&self) -> Result<X509, SignError> {
        for der in &self.certificates {
            let Ok(cert) = X509::from_der(der) else {
                continue;
            };
            let matches = match self.signer {
                SignerId::IssuerSerial { issuer, serial } => {
                    cert.issuer_name().to_der()? == issuer
                        && cert.serial_number().to_bn()? == BigNum::from_slice(serial)?
                }
                SignerId::KeyId(id) => cert.subject_key_id().is_some_and(|k| k.as_slice() == id),
            };
            if matches {
                return Ok(cert);
            }
        }
        Err(SignError::malformed(
            "the signature does not include the signer's certificate",
        ))
    }
}

/// Where a SignedData's first SignerInfo lies, to rebuild the structure around a changed one.
pub(crate) struct Layout<'a> {
    /// The ContentInfo's content type (whole OID element).
    pub content_type: &'a [u8],
    /// Every element of the SignedData, whole, in order.
    pub signed_data: Vec<Tlv<'a>>,
    /// The index of the signerInfos SET among them.
    pub signer_infos: usize,
    /// The SignerInfos, each whole; the first is the one signatures are read from.
    pub infos: Vec<Tlv<'a>>,
}

/// Walks a DER ContentInfo holding SignedData down to its SignerInfos.
pub(crate) fn layout(der: &[u8]) -> Result<Layout<'_>, SignError> {
    let (info, _) = expect(der, SEQUENCE, "ContentInfo")?;
    let (kind, rest) = expect(info.content, OID, "content type")?;
    if kind.content != SIGNED_DATA {
        return Err(SignError::malformed("signature: not CMS SignedData"));
    }
    let (explicit, _) = expect(rest, CONTEXT_0, "content")?;
    let (signed, _) = expect(explicit.content, SEQUENCE, "SignedData")?;
    let signed_data = items(signed.content)?;
    // version, digestAlgorithms and encapContentInfo come first; then optional
    // [0] certificates and [1] CRLs; signerInfos is the last SET.
    let signer_infos = (3..signed_data.len())
        .rev()
        .find(|&i| signed_data[i].tag == SET)
        .ok_or_else(|| SignError::malformed("no signerInfos"))?;
    let infos = items(signed_data[signer_infos].content)?;
    if infos.first().is_none_or(|i| i.tag != SEQUENCE) {
        return Err(SignError::NoSignature);
    }
    Ok(Layout {
        content_type: kind.whole,
        signed_data,
        signer_infos,
        infos,
    })
}

/// The fields of a SignerInfo, whole: version, sid, digestAlgorithm, [0] signedAttrs
/// (optional), signatureAlgorithm, signature, [1] unsignedAttrs (optional). Returns the fields
/// and the index of the signature among them.
pub(crate) fn signer_info_fields(info: &[u8]) -> Result<(Vec<Tlv<'_>>, usize), SignError> {
    let fields = items(info)?;
    let signed_attrs = fields.get(3).is_some_and(|f| f.tag == CONTEXT_0);
    let at = if signed_attrs { 5 } else { 4 };
    match fields.get(at) {
        Some(f) if f.tag == OCTET_STRING => Ok((fields, at)),
        _ => Err(SignError::malformed("signature: no signature value")),
    }
}

/// Reads a DER ContentInfo holding SignedData.
pub(crate) fn read_signed_data(der: &[u8]) -> Result<SignedParts<'_>, SignError> {
    let layout = layout(der)?;
    let (encap, _) = expect(layout.signed_data[2].whole, SEQUENCE, "encapContentInfo")?;
    let (content_type, _) = expect(encap.content, OID, "eContentType")?;
    // The content itself follows its type only when it is attached.
    let content_present = items(encap.content)?.len() > 1;
    let certificates = match layout.signed_data.get(3) {
        Some(c) if c.tag == CONTEXT_0 => items(c.content)?.iter().map(|c| c.whole).collect(),
        _ => Vec::new(),
    };
    let (fields, signature_at) = signer_info_fields(layout.infos[0].content)?;
    let signer = signer_id(&fields[1])?;
    let digest_algorithm = algorithm(fields.get(2), "digest algorithm")?;
    let signature_algorithm = algorithm(fields.get(signature_at - 1), "signature algorithm")?;
    let attributes = match fields.get(3) {
        Some(a) if a.tag == CONTEXT_0 => read_attributes(a.content)?,
        _ => Vec::new(),
    };
    let unsigned = match fields.get(signature_at + 1) {
        Some(a) if a.tag == CONTEXT_1 => read_attributes(a.content)?,
        _ => Vec::new(),
    };
    let mut signing_time = None;
    if let Some(value) = attributes
        .iter()
        .find(|a| a.oid == SIGNING_TIME)
        .and_then(|a| a.values.first())
    {
        let (time, _) = read(value)?;
        signing_time = Some(parse_time(time.tag, time.content)?);
    }
    Ok(SignedParts {
        content_type: content_type.content,
        certificates,
        signer,
        signing_time,
        attributes,
        signature: fields[signature_at].content,
        unsigned,
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
    der::dotted(oid.content).ok_or_else(bad)
}

/// The content of a SET OF Attribute.
fn read_attributes(content: &[u8]) -> Result<Vec<Attribute<'_>>, SignError> {
    let mut out = Vec::new();
    for attr in items(content)? {
        if attr.tag != SEQUENCE {
            return Err(SignError::malformed("signature: attribute"));
        }
        let (oid, rest) = expect(attr.content, OID, "attribute type")?;
        let (set, _) = expect(rest, SET, "attribute values")?;
        let values = items(set.content)?.iter().map(|v| v.whole).collect();
        out.push(Attribute {
            oid: oid.content,
            values,
        });
    }
    Ok(out)
}

fn signer_id<'a>(sid: &Tlv<'a>) -> Result<SignerId<'a>, SignError> {
    match sid.tag {
        SEQUENCE => {
            let (issuer, rest) = expect(sid.content, SEQUENCE, "issuer")?;
            let (serial, _) = expect(rest, der::INTEGER, "serial number")?;
            Ok(SignerId::IssuerSerial {
                issuer: issuer.whole,
                serial: serial.content,
            })
        }
        CONTEXT_0_PRIMITIVE => Ok(SignerId::KeyId(sid.content)),
        _ => Err(SignError::malformed("signature: unknown signer id")),
    }
}

/// UTCTime (tag 0x17) or GeneralizedTime (0x18), in UTC as DER requires; a GeneralizedTime
/// may carry fractions of a second (a TSA's genTime often does).
pub(crate) fn parse_time(tag: u8, content: &[u8]) -> Result<DateTime<Utc>, SignError> {
    let bad = || SignError::malformed(format!("time {}", String::from_utf8_lossy(content)));
    let text = std::str::from_utf8(content).map_err(|_| bad())?;
    let format = match tag {
        0x17 => "%y%m%d%H%M%SZ",
        der::GENERALIZED_TIME => "%Y%m%d%H%M%S%.fZ",
        _ => return Err(bad()),
    };
    NaiveDateTime::parse_from_str(text, format)
        .map(|t| t.and_utc())
        .map_err(|_| bad())
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
        let t = parse_time(0x18, b"20260315093000.25Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-15T09:30:00.250+00:00");
        assert!(parse_time(0x18, b"20260315093000").is_err());
    }

    #[test]
    fn oids_read_as_dotted_text() {
        let sha256 = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
        assert_eq!(
            der::dotted(&sha256).as_deref(),
            Some("2.16.840.1.101.3.4.2.1")
        );
        let gost = [0x2A, 0x83, 0x0E, 0x03, 0x0A, 0x01, 0x01, 0x01, 0x02];
        assert_eq!(der::dotted(&gost).as_deref(), Some("1.2.398.3.10.1.1.1.2"));
        assert_eq!(
            der::dotted(&[0x2A, 0x86]),
            None,
            "cut in the middle of an arc"
        );
        assert_eq!(der::dotted(&[0x2A, 0x80, 0x01]), None, "padded arc");
        assert_eq!(der::dotted(&[]), None);
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        for bytes in [&b""[..], b"\x30", b"\x30\x05\x06\x01", b"%PDF-1.7"] {
            assert!(read_signed_data(bytes).is_err());
        }
    }
}
