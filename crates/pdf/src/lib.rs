//! Rastau's PDFs, written and read in one place: certified electronic copies of paper
//! documents and the printed forms (consent, refusal notice, receipts, journals), and
//! [`qr_text`], which reads back the seal a Rastau PDF carries.
//!
//! # What it produces
//! - [`certified_copy`]: every scanned page at its true paper size (pixels ÷ dpi), followed
//!   by a bilingual (Kazakh, Russian) certification sheet with the page hashes and a QR code.
//!   JPEG scans are embedded byte for byte as `/DCTDecode` images; decoded pixels (PNG
//!   scans) are Flate-compressed. Rotation is the page's `/Rotate`, so nothing is re-encoded.
//! - A small layout API for forms: [`Page`] (text boxes with wrapping and alignment, rules,
//!   rectangles, images, QR codes, [`Table`]s) and [`Flow`] for top-to-bottom pagination.
//!   Coordinates are points from the top-left corner.
//!
//! ```
//! use rastau_pdf::{Align, Cell, Document, Orientation, Page, Table, TextStyle};
//!
//! let mut page = Page::a4(Orientation::Portrait);
//! let w = page.width();
//! let right = TextStyle::bold(11.0).align(Align::Right);
//! let mut y = 40.0;
//! y += page.text(40.0, y, w - 80.0, "Өтініш беруші: Ұлықбекова Ә. Ғ.", &right);
//! page.rule(40.0, w - 40.0, y + 4.0, 0.5, 0.0);
//! let mut table = Table::new(vec![30.0, 200.0, 285.0]);
//! let s = TextStyle::regular(9.0);
//! table.row(vec![Cell::new("№", s), Cell::new("Құжат", s), Cell::new("Негіздеме", s)]);
//! page.table(40.0, y + 12.0, &table);
//! page.qr(b"2026-000123", w - 120.0, 700.0, 80.0)?;
//! let pdf = Document::new().push(page).to_pdf()?;
//! assert!(pdf.starts_with(b"%PDF-1.7"));
//! # Ok::<(), rastau_pdf::PdfError>(())
//! ```
//!
//! # Why `pdf-writer` + `subsetter` + `ttf-parser`
//! - `printpdf` 0.12 embeds the whole font (a one-page notice was ~700 KB).
//! - `krilla` subsets fonts and passes JPEGs through, but it cannot set a page's `/Rotate`,
//!   needs Rust 1.92 (the workspace promises 1.85) and brings a shaping/rendering stack.
//! - `pdf-writer` writes exactly the objects we ask for: a classic xref table and trailer
//!   (easy to extend with a PAdES incremental update), `/Rotate`, `/DCTDecode` with the
//!   original bytes. `subsetter` cuts Noto Sans down to the glyphs used (a one-page
//!   certification sheet is ~30 KB) and a `/ToUnicode` CMap keyed per character makes
//!   `pdftotext` return the exact text, every Kazakh letter (ӘҒҚҢӨҰҮҺІ әғқңөұүһі) included.
//!   The price is that text is laid out here without shaping or kerning, which Cyrillic and
//!   Latin do not need.
//!
//! # Determinism
//! The same input gives the same bytes: no clock is read (dates come in as text), the
//! `/ID` is a hash of the file body, and font subset tags are derived from the characters.

mod certify;
mod document;
mod error;
mod flow;
mod fonts;
pub mod geom;
mod hash;
mod image;
mod jpeg;
mod page;
mod qr;
mod read;
mod scan;
mod table;
mod text;
mod writer;

pub use certify::{certification_pages, certified_copy, CertificationSheet, Field, SheetText};
pub use document::Document;
pub use error::PdfError;
pub use flow::Flow;
pub use fonts::FontWeight;
pub use geom::{mm, Orientation, Rect, Rotation};
pub use hash::sha256_hex;
pub use image::{Channels, PageImage, DEFAULT_DPI};
pub use page::Page;
pub use read::qr_text;
pub use scan::ScanPage;
pub use table::{Cell, Table};
pub use text::{Align, TextStyle};
