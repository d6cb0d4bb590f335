//! The two embedded faces (Noto Sans Regular and Bold, SIL OFL) and glyph metrics.
//!
//! The fonts are compiled in so that a PDF never depends on what the clerk's computer has
//! installed; only the glyphs a document uses are written into it (see `writer::font`).

use std::sync::OnceLock;
use ttf_parser::{Face, GlyphId};

static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// Which of the embedded faces a text run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontWeight {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
}

impl FontWeight {
    #[cfg(test)]
    pub(crate) const ALL: [FontWeight; 2] = [FontWeight::Regular, FontWeight::Bold];

    pub(crate) fn data(self) -> &'static [u8] {
        match self {
            FontWeight::Regular => REGULAR_TTF,
            FontWeight::Bold => BOLD_TTF,
        }
    }

    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            FontWeight::Regular => "NotoSans-Regular",
            FontWeight::Bold => "NotoSans-Bold",
        }
    }

    /// The parsed face; parsing is cheap but done once per process anyway.
    pub(crate) fn face(self) -> &'static Face<'static> {
        static REGULAR: OnceLock<Face<'static>> = OnceLock::new();
        static BOLD: OnceLock<Face<'static>> = OnceLock::new();
        let cell = match self {
            FontWeight::Regular => &REGULAR,
            FontWeight::Bold => &BOLD,
        };
        // The bytes are part of the binary and tested, so a parse failure is a build defect.
        cell.get_or_init(|| Face::parse(self.data(), 0).expect("embedded Noto Sans parses"))
    }

    /// Glyph for `c`; `.notdef` (0) when the face lacks it.
    pub(crate) fn glyph(self, c: char) -> GlyphId {
        self.face().glyph_index(c).unwrap_or(GlyphId(0))
    }

    /// Advance width of `c` in thousandths of the font size (PDF glyph space).
    pub(crate) fn advance_1000(self, c: char) -> f32 {
        let face = self.face();
        let adv = face.glyph_hor_advance(self.glyph(c)).unwrap_or(0);
        adv as f32 * 1000.0 / face.units_per_em() as f32
    }

    /// Width of `text` set at `size` points, without kerning (the writer does not kern either).
    pub fn measure(self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_1000(c)).sum::<f32>() * size / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kazakh_letter_has_a_glyph_in_both_faces() {
        for w in FontWeight::ALL {
            // ₸ is printed on receipts, the no-break space keeps "№" with its number.
            for c in "ӘҒҚҢӨҰҮҺІәғқңөұүһі№«»—₸\u{a0}".chars() {
                assert_ne!(w.glyph(c).0, 0, "{w:?} lacks {c}");
            }
        }
    }

    #[test]
    fn bold_is_wider() {
        let r = FontWeight::Regular.measure("Қазақстан", 10.0);
        let b = FontWeight::Bold.measure("Қазақстан", 10.0);
        assert!(r > 30.0 && b > r, "{r} {b}");
    }
}
