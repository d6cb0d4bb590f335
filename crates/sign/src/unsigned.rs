//! Adding an unsigned attribute to a signature already made: a signature timestamp (CAdES-T),
//! and later the revocation values (id-aa-ets-revocationValues), go into the first SignerInfo's
//! `unsignedAttrs`, which the signature does not cover, so adding them leaves it valid.
//!
//! Done as a DER splice, not through OpenSSL (`CMS_unsigned_add1_attr_by_OBJ` and re-encoding
//! the whole ContentInfo): the splice copies every byte outside the new attribute as it came —
//! certificates, signed attributes, the signature value, other signers — and only rewrites the
//! lengths of the elements that enclose the SignerInfo. OpenSSL would re-encode what it parsed,
//! and a signature made elsewhere (a certificate in a non-canonical encoding, signed attributes
//! another tool ordered) could come out different from what its signer signed. The splice also
//! needs no `unsafe` and no declarations the openssl crates lack; the walk is the one
//! `signed_data` already does.
use crate::der::{self, Tlv, CONTEXT_0, CONTEXT_1, OID, SEQUENCE, SET};
use crate::error::SignError;
use crate::signed_data;

/// Returns `cms_der` (a DER ContentInfo holding SignedData) with one more unsigned attribute on
/// its first SignerInfo: type `oid` (dotted, `1.2.840.113549.1.9.16.2.14`), one value
/// `value_der` (one whole DER element). Attributes already there stay, byte for byte; the new
/// one joins them in DER's order. Every signed byte is kept as it was.
///
/// ```
/// use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
/// use rastau_sign::{add_unsigned_attribute, verify_detached, Pkcs12Signer, Signer};
///
/// let pki = TestPki::new();
/// let signer = Pkcs12Signer::open(&pki.clerk("900101300007", ClerkOptions::default()), PASSWORD)?;
/// let now = chrono::Utc::now();
/// let signature = signer.sign_detached(b"scan", now)?;
/// // An attribute of a private arc, holding an INTEGER 7.
/// let more = add_unsigned_attribute(&signature, "1.3.6.1.4.1.99999.1", &[0x02, 0x01, 0x07])?;
/// assert!(verify_detached(b"scan", &more, &pki.trust(), now)?.trusted);
/// # Ok::<(), rastau_sign::SignError>(())
/// ```
pub fn add_unsigned_attribute(
    cms_der: &[u8],
    oid: &str,
    value_der: &[u8],
) -> Result<Vec<u8>, SignError> {
    let oid = der::oid(oid).ok_or_else(|| SignError::malformed(format!("OID {oid:.60}")))?;
    if der::element_len(value_der) != Some(value_der.len()) {
        return Err(SignError::malformed(
            "an attribute value must be one DER element",
        ));
    }
    let attribute = der::write(
        SEQUENCE,
        &[der::write(OID, &oid), der::write(SET, value_der)].concat(),
    );
    let layout = signed_data::layout(cms_der)?;
    let first = &layout.infos[0];
    let (fields, signature_at) = signed_data::signer_info_fields(first.content)?;
    let unsigned_at = signature_at + 1;
    let mut attributes: Vec<&[u8]> = Vec::new();
    match fields.get(unsigned_at) {
        Some(f) if f.tag == CONTEXT_1 => {
            attributes.extend(der::items(f.content)?.iter().map(|a| a.whole))
        }
        Some(_) => {
            return Err(SignError::malformed(
                "signature: unexpected SignerInfo field",
            ))
        }
        None => {}
    }
    if fields.len() > unsigned_at + 1 {
        return Err(SignError::malformed(
            "signature: unexpected SignerInfo field",
        ));
    }
    attributes.push(&attribute);
    // [1] IMPLICIT SET OF Attribute: a SET's content under the context tag.
    let set = der::set_of(attributes);
    let (set_tlv, _) = der::read(&set)?;
    let unsigned = der::write(CONTEXT_1, set_tlv.content);

    let info = rebuild(SEQUENCE, &fields[..unsigned_at], &unsigned);
    let infos = rebuild_with(SET, &layout.infos, 0, &info);
    let signed = rebuild_with(SEQUENCE, &layout.signed_data, layout.signer_infos, &infos);
    let explicit = der::write(CONTEXT_0, &signed);
    Ok(der::write(
        SEQUENCE,
        &[layout.content_type, explicit.as_slice()].concat(),
    ))
}

/// An element of `tag` holding `kept` as they were, then `last`.
fn rebuild(tag: u8, kept: &[Tlv], last: &[u8]) -> Vec<u8> {
    let mut content: Vec<u8> = kept.iter().flat_map(|f| f.whole).copied().collect();
    content.extend_from_slice(last);
    der::write(tag, &content)
}

/// An element of `tag` holding `items` as they were, but for the one at `at`, replaced.
fn rebuild_with(tag: u8, items: &[Tlv], at: usize, replacement: &[u8]) -> Vec<u8> {
    let mut content = Vec::new();
    for (i, item) in items.iter().enumerate() {
        content.extend_from_slice(if i == at { replacement } else { item.whole });
    }
    der::write(tag, &content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pki::{ClerkOptions, TestPki, PASSWORD};
    use crate::{verify_detached, Pkcs12Signer, Signer};

    #[test]
    fn attributes_join_without_touching_what_was_signed() {
        let pki = TestPki::new();
        let p12 = pki.clerk("900101300007", ClerkOptions::default());
        let signer = Pkcs12Signer::open(&p12, PASSWORD).unwrap();
        let now = chrono::Utc::now();
        let signature = signer.sign_detached(b"page", now).unwrap();
        let before = signed_data::read_signed_data(&signature).unwrap();
        assert!(before.unsigned.is_empty());

        let once = add_unsigned_attribute(&signature, "1.2.3.4", &[0x05, 0x00]).unwrap();
        let twice = add_unsigned_attribute(&once, "1.2.3.5", &[0x02, 0x01, 0x2A]).unwrap();
        let after = signed_data::read_signed_data(&twice).unwrap();
        assert_eq!(after.signature, before.signature);
        assert_eq!(after.certificates, before.certificates);
        assert_eq!(after.unsigned.len(), 2);
        assert_eq!(after.unsigned[0].oid, [0x2A, 0x03, 0x04]);
        assert_eq!(after.unsigned[1].values, [&[0x02, 0x01, 0x2A][..]]);
        assert!(
            verify_detached(b"page", &twice, &pki.trust(), now)
                .unwrap()
                .trusted
        );
        assert!(
            !verify_detached(b"Page", &twice, &pki.trust(), now)
                .unwrap()
                .intact
        );
    }

    #[test]
    fn what_cannot_be_added_is_refused() {
        for (oid, value) in [
            ("1.2.x", &[0x05, 0x00][..]),
            ("1.2.3", &[0x05, 0x01]),
            ("1.2.3", &[0x05, 0x00, 0x00]),
        ] {
            assert!(add_unsigned_attribute(b"\x30\x00", oid, value).is_err());
        }
        assert!(add_unsigned_attribute(b"not a signature", "1.2.3", &[0x05, 0x00]).is_err());
    }
}
