//! Errors of PDF assembly.
use rastau_coded::{Arg, Coded};

/// Everything that can stop a PDF from being written.
///
/// Each variant has a stable code ([`Coded`]); the UI shows the Fluent message `error-<code>`
/// from `locales/<lang>/pdf.ftl`. These are build defects rather than the user's doing, so the
/// messages take no arguments.
#[derive(Debug, thiserror::Error, PartialEq, strum::EnumIter)]
pub enum PdfError {
    /// The bytes given as a JPEG are not a baseline/progressive JPEG we can pass through.
    #[error("invalid JPEG image: {0}")]
    InvalidJpeg(String),
    /// The pixel buffer does not hold `width × height × channels` bytes.
    #[error("pixel buffer holds {actual} bytes, expected {expected}")]
    PixelBufferSize {
        /// Bytes the dimensions call for.
        expected: usize,
        /// Bytes actually given.
        actual: usize,
    },
    /// Width, height or resolution is zero, negative or absurd.
    #[error("invalid image geometry: {0}")]
    InvalidGeometry(String),
    /// A rotation that is not a multiple of 90 degrees.
    #[error("rotation must be 0, 90, 180 or 270 degrees, got {0}")]
    InvalidRotation(i32),
    /// The certification sheet lists a different number of page hashes than there are pages.
    #[error("{pages} pages but {hashes} page hashes")]
    HashCountMismatch {
        /// Scanned pages given.
        pages: usize,
        /// Hashes listed on the sheet.
        hashes: usize,
    },
    /// A certified copy needs at least one page.
    #[error("no pages to put into the PDF")]
    NoPages,
    /// The QR payload does not fit into the largest QR code.
    #[error("QR payload of {0} bytes is too long")]
    QrTooLong(usize),
    /// The embedded font could not be parsed or subset (a build defect, not a user error).
    #[error("font error: {0}")]
    Font(String),
}

impl Coded for PdfError {
    fn code(&self) -> &'static str {
        match self {
            PdfError::InvalidJpeg(_) => "pdf-invalid-jpeg",
            PdfError::PixelBufferSize { .. } | PdfError::InvalidGeometry(_) => "pdf-invalid-image",
            PdfError::InvalidRotation(_) => "pdf-invalid-rotation",
            PdfError::HashCountMismatch { .. } => "pdf-hash-count",
            PdfError::NoPages => "pdf-no-pages",
            PdfError::QrTooLong(_) => "pdf-qr-too-long",
            PdfError::Font(_) => "pdf-internal",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_error_has_words_in_both_languages() {
        rastau_coded::check::every_error_is_worded(
            PdfError::iter(),
            env!("CARGO_MANIFEST_DIR"),
            &["pdf.ftl"],
        );
    }
}
