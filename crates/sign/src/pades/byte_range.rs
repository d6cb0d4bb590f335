//! Finding the signature to verify in a signed PDF by its `/ByteRange`, straight from the
//! bytes: a tampered file may no longer parse as a PDF, and it still has to be reported as
//! changed rather than as unreadable.
use crate::der::element_len;
use crate::error::SignError;

/// The last signature of a PDF and what it covers.
pub(crate) struct FoundSignature {
    /// The bytes the byte range names, concatenated: what the signature must match.
    pub signed_bytes: Vec<u8>,
    /// The DER signature from `/Contents`, without its zero padding.
    pub signature: Vec<u8>,
    /// The range starts at 0 and ends at the end of the file, so the only bytes left out are
    /// the `/Contents` string itself.
    pub covers_whole_file: bool,
    /// The range starts at 0 and ends here: what follows was added after the signature.
    pub signed_end: Option<usize>,
}

/// The signature whose byte range reaches furthest; among equals, the one written last.
pub(crate) fn find_last_signature(pdf: &[u8]) -> Result<FoundSignature, SignError> {
    let ranges = pdf
        .windows(b"/ByteRange".len())
        .enumerate()
        .filter(|(_, w)| *w == b"/ByteRange")
        .filter_map(|(at, _)| parse_range(&pdf[at + b"/ByteRange".len()..]));
    let beyond = || SignError::malformed("signature byte range outside the file");
    let mut last: Option<([usize; 4], usize)> = None;
    for range in ranges {
        // Offsets are the file's own text: a sum past usize is a hostile file, not a panic.
        let reach = range[2].checked_add(range[3]).ok_or_else(beyond)?;
        if last.is_none_or(|(_, furthest)| reach >= furthest) {
            last = Some((range, reach));
        }
    }
    let ([a, b, c, _], second_end) = last.ok_or(SignError::NoSignature)?;
    let first_end = a.checked_add(b).filter(|&e| e <= c).ok_or_else(beyond)?;
    if second_end > pdf.len() {
        return Err(beyond());
    }
    let signature = decode_contents(&pdf[first_end..c])?;
    let mut signed_bytes = pdf[a..first_end].to_vec();
    signed_bytes.extend_from_slice(&pdf[c..second_end]);
    Ok(FoundSignature {
        signed_bytes,
        signature,
        covers_whole_file: a == 0 && second_end == pdf.len(),
        signed_end: (a == 0).then_some(second_end),
    })
}

/// `[0 840 17226 1500]` after the key; None when it is anything else.
fn parse_range(after_key: &[u8]) -> Option<[usize; 4]> {
    let text = after_key.get(..200.min(after_key.len()))?;
    let text = std::str::from_utf8(text.split(|&b| b == b']').next()?).ok()?;
    let inner = text.trim_start().strip_prefix('[')?;
    let numbers: Vec<usize> = inner
        .split_ascii_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    numbers.try_into().ok()
}

/// The gap must be exactly one hex string; its DER is followed by zero padding.
fn decode_contents(gap: &[u8]) -> Result<Vec<u8>, SignError> {
    let bad = || SignError::malformed("signature /Contents is not a hex string");
    let hex = gap
        .strip_prefix(b"<")
        .and_then(|g| g.strip_suffix(b">"))
        .ok_or_else(bad)?;
    let digits: Vec<u8> = hex
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    let value = |b: u8| char::from(b).to_digit(16).map(|v| v as u8);
    let bytes = digits
        .chunks(2)
        .map(|pair| Some(value(pair[0])? << 4 | value(*pair.get(1).unwrap_or(&b'0'))?))
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(bad)?;
    let len = element_len(&bytes).ok_or(SignError::NoSignature)?;
    Ok(bytes[..len].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_with_any_spacing() {
        assert_eq!(parse_range(b" [0 10 20 5]"), Some([0, 10, 20, 5]));
        assert_eq!(parse_range(b"[ 0  10\n20 5 ]   "), Some([0, 10, 20, 5]));
        assert_eq!(parse_range(b" [0 10 20]"), None);
        assert_eq!(parse_range(b" 12 0 R"), None);
    }

    #[test]
    fn a_pdf_without_byte_range_has_no_signature() {
        let e = find_last_signature(b"%PDF-1.7\n%%EOF\n").err().unwrap();
        assert!(matches!(e, SignError::NoSignature));
    }

    #[test]
    fn contents_padding_is_cut_after_the_der() {
        assert_eq!(
            decode_contents(b"<3002AABB0000>").unwrap(),
            vec![0x30, 2, 0xAA, 0xBB]
        );
        assert!(decode_contents(b"(3002AABB)").is_err());
    }
}
