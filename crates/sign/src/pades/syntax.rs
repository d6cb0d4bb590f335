//! Writes PDF objects back as bytes. lopdf reads the document but keeps its writer private,
//! and an incremental update needs only catalog-like dictionaries, so this is the whole writer.
use crate::error::SignError;
use lopdf::{Dictionary, Object};

/// Appends the PDF syntax of `object` to `out`. Streams are refused: the objects a signature
/// updates (catalog, page, AcroForm) are dictionaries.
pub(crate) fn write_object(out: &mut Vec<u8>, object: &Object) -> Result<(), SignError> {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        // Display of floats never uses exponents, which PDF does not have.
        Object::Real(r) => out.extend_from_slice(r.to_string().as_bytes()),
        Object::Name(name) => write_name(out, name),
        // Hex keeps every byte as it was without escaping rules to get wrong.
        Object::String(bytes, _) => write_hex_string(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            write_entries(out, dict)?;
            out.extend_from_slice(b">>");
        }
        Object::Reference((id, generation)) => {
            out.extend_from_slice(format!("{id} {generation} R").as_bytes());
        }
        Object::Stream(_) => {
            return Err(SignError::malformed(
                "a stream where a dictionary was expected",
            ));
        }
    }
    Ok(())
}

/// The `/Key value` pairs of a dictionary without its `<<` `>>`, one per line.
pub(crate) fn write_entries(out: &mut Vec<u8>, dict: &Dictionary) -> Result<(), SignError> {
    for (key, value) in dict.iter() {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value)?;
        out.push(b'\n');
    }
    Ok(())
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        let regular = (0x21..=0x7E).contains(&b) && !b"()<>[]{}/%#".contains(&b);
        if regular {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

pub(crate) fn write_hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for b in bytes {
        out.extend_from_slice(format!("{b:02X}").as_bytes());
    }
    out.push(b'>');
}

/// A PDF text string: UTF-16BE with a byte-order mark, since names and places are Kazakh or
/// Russian and PDFDocEncoding has no Cyrillic.
pub(crate) fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Object};

    fn text(object: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, object).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn names_are_escaped_and_text_is_utf16() {
        let dict = dictionary! {
            "Type" => "Catalog",
            "Odd Name#" => Object::Name(b"A B".to_vec()),
            "Kids" => vec![Object::Reference((3, 0)), Object::Real(0.5), Object::Null],
            "T" => text_string("Қол"),
        };
        let written = text(&Object::Dictionary(dict.clone()));
        assert!(written.contains("/Odd#20Name#23 /A#20B"), "{written}");
        assert!(written.contains("<FEFF049A043E043B>"), "{written}");
        assert!(written.contains("/Kids [3 0 R 0.5 null]"), "{written}");
    }
}
