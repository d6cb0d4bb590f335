//! A document: pages in order, turned into PDF bytes by the writer.

use crate::page::Page;
use crate::{writer, PdfError};

/// Pages to be written as one PDF.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub(crate) pages: Vec<Page>,
    pub(crate) title: Option<String>,
    pub(crate) qr_text: Option<String>,
}

impl Document {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the `/Title` of the document information dictionary (shown by PDF viewers).
    pub fn set_title(&mut self, title: impl Into<String>) -> &mut Self {
        self.title = Some(title.into());
        self
    }

    /// Keeps the text of the document's QR code in the information dictionary as
    /// `/RastauQR`, so a verifier reads it without decoding an image.
    pub fn set_qr_text(&mut self, text: impl Into<String>) -> &mut Self {
        self.qr_text = Some(text.into());
        self
    }

    /// Appends a page.
    pub fn push(&mut self, page: Page) -> &mut Self {
        self.pages.push(page);
        self
    }

    /// The pages so far.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Writes the PDF. The same document always gives the same bytes (no clock, no random
    /// ID), written as a classic xref table so that a signature can be appended as an
    /// incremental update.
    pub fn to_pdf(&self) -> Result<Vec<u8>, PdfError> {
        if self.pages.is_empty() {
            return Err(PdfError::NoPages);
        }
        writer::write(self)
    }
}
