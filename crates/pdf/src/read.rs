//! Reading back what this crate writes: the text of a Rastau PDF's QR code, which
//! [`Document::set_qr_text`](crate::Document::set_qr_text) keeps in the information dictionary
//! as `/RastauQR`, so that a verifier needs no image decoding. The file may come from anywhere:
//! it is loaded through the guard that refuses decompression bombs before parsing.
use rastau_pdf_guard::{GuardError, Limits};

/// The QR text `pdf` carries. A file built to make the reader run out of memory or stack is
/// refused; any other file the reader cannot open (encrypted, not a PDF) simply carries none.
pub fn qr_text(pdf: &[u8]) -> Result<Option<String>, GuardError> {
    let doc = match rastau_pdf_guard::load(pdf, &Limits::default()) {
        Ok(doc) => doc,
        Err(GuardError::Encrypted | GuardError::Unreadable { .. }) => return Ok(None),
        Err(bomb) => return Err(bomb),
    };
    let info = doc.trailer.get(b"Info").ok();
    let info = info.and_then(|i| doc.dereference(i).ok()?.1.as_dict().ok());
    // Seals are ASCII, which a PDF text string keeps byte for byte.
    let text = info.and_then(|i| i.get(b"RastauQR").ok()?.as_str().ok());
    Ok(text.and_then(|t| String::from_utf8(t.to_vec()).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Orientation, Page};
    use rastau_pdf_guard::test_files::object_stream_bomb;

    fn written(qr: Option<&str>) -> Vec<u8> {
        let mut document = Document::new();
        if let Some(text) = qr {
            document.set_qr_text(text);
        }
        document.push(Page::a4(Orientation::Portrait));
        document.to_pdf().unwrap()
    }

    #[test]
    fn the_qr_text_written_is_read_back() {
        let seal = "RASTAU1 2026/000042-N1 ABCD";
        assert_eq!(
            qr_text(&written(Some(seal))).unwrap().as_deref(),
            Some(seal)
        );
        assert_eq!(qr_text(&written(None)).unwrap(), None);
    }

    #[test]
    fn a_file_that_is_no_pdf_carries_none_and_a_bomb_is_refused() {
        assert_eq!(qr_text(b"not a pdf at all").unwrap(), None);
        assert!(matches!(
            qr_text(&object_stream_bomb(1 << 30)),
            Err(GuardError::Expands { .. })
        ));
    }
}
