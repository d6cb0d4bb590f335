//! QR codes drawn as vector squares: crisp at any zoom and print resolution, a few hundred
//! bytes of content stream instead of an image.

use qrcode::{Color, EcLevel, QrCode};

use crate::PdfError;

/// Quiet zone the QR specification demands around the symbol, in modules.
pub(crate) const QUIET: usize = 4;

/// The dark modules of the QR code for `payload` as runs `(row, first_col, len)`, in module
/// units of a square grid of side [`Modules::side`] (quiet zone included).
pub(crate) struct Modules {
    pub side: usize,
    pub runs: Vec<(usize, usize, usize)>,
}

pub(crate) fn encode(payload: &[u8]) -> Result<Modules, PdfError> {
    // Level M survives a crease or a stamp over the printed code and still holds ~2 KB.
    let code = QrCode::with_error_correction_level(payload, EcLevel::M)
        .map_err(|_| PdfError::QrTooLong(payload.len()))?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for row in 0..width {
        let line = &colors[row * width..(row + 1) * width];
        let mut col = 0;
        while col < width {
            if line[col] == Color::Dark {
                let start = col;
                while col < width && line[col] == Color::Dark {
                    col += 1;
                }
                runs.push((row + QUIET, start + QUIET, col - start));
            } else {
                col += 1;
            }
        }
    }
    Ok(Modules {
        side: width + 2 * QUIET,
        runs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_long_payload_is_an_error() {
        assert_eq!(
            encode(&vec![7u8; 5000]).err(),
            Some(PdfError::QrTooLong(5000))
        );
        assert!(encode(b"rastau").unwrap().side >= 21 + 8);
    }
}
