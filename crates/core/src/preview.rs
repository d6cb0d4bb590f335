//! On-screen previews of a form before it goes to the printer: its pages as PNG images, drawn by
//! poppler's `pdftoppm`, the renderer the tests look through as well.
use crate::error::{Error, Result};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use std::process::Command;

/// Enough to read the form on screen, small enough to answer at once.
const DPI: &str = "72";

/// Every page of `pdf` as a PNG `data:` URL, in order.
pub fn pages(pdf: &[u8]) -> Result<Vec<String>> {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("form.pdf");
    std::fs::write(&input, pdf)?;
    let prefix = dir.path().join("page");
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", DPI])
        .arg(&input)
        .arg(&prefix)
        .output()
        .map_err(|e| Error::PreviewFailed {
            detail: format!("pdftoppm (poppler-utils): {e}"),
        })?;
    if !out.status.success() {
        return Err(Error::PreviewFailed {
            detail: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        });
    }
    // pdftoppm numbers pages with as many digits as the last one needs, so names sort.
    let mut files: Vec<_> = std::fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.retain(|p| p.extension().is_some_and(|x| x == "png"));
    files.sort();
    files
        .iter()
        .map(|p| {
            Ok(format!(
                "data:image/png;base64,{}",
                B64.encode(std::fs::read(p)?)
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_pdf::{Document, Orientation, Page, TextStyle};

    #[test]
    fn every_page_is_drawn_in_order() {
        let mut doc = Document::new();
        for text in ["Бірінші бет", "Екінші бет"] {
            let mut page = Page::a4(Orientation::Portrait);
            page.text(40.0, 40.0, 400.0, text, &TextStyle::regular(12.0));
            doc.push(page);
        }
        let pages = pages(&doc.to_pdf().unwrap()).unwrap();
        assert_eq!(pages.len(), 2);
        assert!(pages
            .iter()
            .all(|p| p.starts_with("data:image/png;base64,iVBOR")));
    }

    #[test]
    fn a_broken_pdf_is_a_preview_error() {
        assert!(matches!(
            pages(b"%PDF-1.7 broken"),
            Err(Error::PreviewFailed { .. })
        ));
    }
}
