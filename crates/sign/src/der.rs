//! The few DER operations the crate does by hand, where OpenSSL's Rust API does not reach:
//! walking a SignedData or an RFC 3161 structure, and writing small ones. Definite lengths only
//! (DER, as CAdES signatures and timestamp tokens are encoded); a BER indefinite length is
//! refused as broken, never guessed at.
use crate::error::SignError;

pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const SET: u8 = 0x31;
pub(crate) const OID: u8 = 0x06;
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const BOOLEAN: u8 = 0x01;
pub(crate) const OCTET_STRING: u8 = 0x04;
pub(crate) const NULL: u8 = 0x05;
pub(crate) const GENERALIZED_TIME: u8 = 0x18;
pub(crate) const CONTEXT_0: u8 = 0xA0;
pub(crate) const CONTEXT_1: u8 = 0xA1;
pub(crate) const CONTEXT_0_PRIMITIVE: u8 = 0x80;

/// One element: its tag, its content, and the whole of it (tag and length included).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub whole: &'a [u8],
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
    // 0 would be BER's indefinite length; more than 4 bytes is no structure we would accept.
    if count == 0 || count > 4 {
        return None;
    }
    let len = bytes
        .get(2..2 + count)?
        .iter()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    Some((2 + count, len))
}

/// The element at the start of `bytes` and what follows it.
pub(crate) fn read(bytes: &[u8]) -> Result<(Tlv<'_>, &[u8]), SignError> {
    let bad = || SignError::malformed("broken DER");
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

/// Like [`read`], refusing any other tag than `tag`; `what` names the element in the error.
pub(crate) fn expect<'a>(
    bytes: &'a [u8],
    tag: u8,
    what: &str,
) -> Result<(Tlv<'a>, &'a [u8]), SignError> {
    let (tlv, rest) = read(bytes)?;
    if tlv.tag != tag {
        return Err(SignError::malformed(format!("expected {what}")));
    }
    Ok((tlv, rest))
}

/// One whole element and nothing after it.
pub(crate) fn single<'a>(bytes: &'a [u8], tag: u8, what: &str) -> Result<Tlv<'a>, SignError> {
    let (tlv, rest) = expect(bytes, tag, what)?;
    if !rest.is_empty() {
        return Err(SignError::malformed(format!("bytes after {what}")));
    }
    Ok(tlv)
}

/// Every element of a constructed element's content, in order.
pub(crate) fn items(mut bytes: &[u8]) -> Result<Vec<Tlv<'_>>, SignError> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (tlv, rest) = read(bytes)?;
        out.push(tlv);
        bytes = rest;
    }
    Ok(out)
}

/// One DER element: tag, definite length, content.
pub(crate) fn write(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// A SET OF its elements, in DER's order (by their encodings, the shorter one padded with
/// zeros), whatever order they are given in.
pub(crate) fn set_of(mut elements: Vec<&[u8]>) -> Vec<u8> {
    elements.sort_by(|a, b| {
        let len = a.len().max(b.len());
        let pa = a.iter().copied().chain(std::iter::repeat(0)).take(len);
        let pb = b.iter().copied().chain(std::iter::repeat(0)).take(len);
        pa.cmp(pb).then(a.len().cmp(&b.len()))
    });
    write(SET, &elements.concat())
}

/// The content bytes of an OBJECT IDENTIFIER from its dotted form (`1.2.840.113549`); `None`
/// for text that is not one.
pub(crate) fn oid(dotted: &str) -> Option<Vec<u8>> {
    let arcs: Vec<u64> = dotted
        .split('.')
        .map(|a| {
            (!a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()))
                .then(|| a.parse().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    let (&first, &second) = (arcs.first()?, arcs.get(1)?);
    if first > 2 || (first < 2 && second > 39) {
        return None;
    }
    let mut out = Vec::new();
    let head = first.checked_mul(40)?.checked_add(second)?;
    for arc in std::iter::once(head).chain(arcs[2..].iter().copied()) {
        let mut base128 = vec![(arc & 0x7F) as u8];
        let mut rest = arc >> 7;
        while rest > 0 {
            base128.push((rest & 0x7F) as u8 | 0x80);
            rest >>= 7;
        }
        out.extend(base128.into_iter().rev());
    }
    Some(out)
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

/// A non-negative INTEGER's content bytes as lower-case hex without leading zeros (`0` for
/// zero), as serial numbers are shown.
pub(crate) fn integer_hex(content: &[u8]) -> String {
    let hex: String = content.iter().map(|b| format!("{b:02x}")).collect();
    let trimmed = hex.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_length_ignores_padding_and_refuses_truncation() {
        assert_eq!(element_len(&[0x30, 0x02, 1, 2, 0, 0, 0]), Some(4));
        assert_eq!(element_len(&[0x30, 0x82, 0x01, 0x00, 1]), None);
        assert_eq!(element_len(&[0x30, 0x80, 0, 0]), None);
    }

    #[test]
    fn written_lengths_read_back() {
        for len in [0, 1, 127, 128, 255, 256, 70_000] {
            let element = write(OCTET_STRING, &vec![7; len]);
            let (tlv, rest) = read(&element).unwrap();
            assert_eq!(
                (tlv.tag, tlv.content.len(), rest.len()),
                (OCTET_STRING, len, 0)
            );
        }
    }

    #[test]
    fn object_identifiers_encode_as_openssl_does() {
        // id-aa-signatureTimeStampToken and id-ct-TSTInfo.
        assert_eq!(
            oid("1.2.840.113549.1.9.16.2.14").unwrap(),
            [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x0E]
        );
        assert_eq!(
            oid("2.16.840.1.101.3.4.2.1").unwrap()[..3],
            [0x60, 0x86, 0x48]
        );
        for bad in ["", "1", "1.", "3.1", "1.40", "1.2.x", "1..2", "-1.2"] {
            assert_eq!(oid(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_set_is_ordered_by_encoding() {
        let (a, b, c) = (
            &[0x04, 0x01, 0x02][..],
            &[0x04, 0x01, 0x01][..],
            &[0x02, 0x00][..],
        );
        assert_eq!(set_of(vec![a, b, c]), [0x31, 8, 2, 0, 4, 1, 1, 4, 1, 2]);
    }

    #[test]
    fn serials_are_shown_without_leading_zeros() {
        assert_eq!(integer_hex(&[0x00, 0x9A, 0x01]), "9a01");
        assert_eq!(integer_hex(&[0x00]), "0");
    }
}
