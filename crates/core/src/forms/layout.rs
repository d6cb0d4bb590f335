//! Layout pieces the forms share: the right-hand header column of the annexes, with its lines
//! filled in like a completed blank, and the small type of notes and captions.
use rastau_pdf::{Flow, TextStyle};

/// Small gray type for the annex note and captions under lines.
pub(super) fn note() -> TextStyle {
    TextStyle::regular(8.0).gray(0.3)
}

/// A column at the right of the flow, for the header block.
pub(super) struct Column {
    x: f32,
    width: f32,
}

impl Column {
    /// The column starting `share` of the way across the flow and reaching its right margin.
    pub(super) fn right_of(flow: &Flow, share: f32) -> Column {
        Column {
            x: flow.left + flow.width * share,
            width: flow.width * (1.0 - share),
        }
    }

    /// `text` in the column, followed by `gap` points.
    pub(super) fn write(&self, flow: &mut Flow, text: &str, style: &TextStyle, gap: f32) {
        let height = style.height(text, self.width) + gap;
        let (page, y) = flow.reserve(height);
        page.text(self.x, y + gap, self.width, text, style);
    }

    /// A line of the form filled in: the text over a thin rule, like a completed blank.
    pub(super) fn filled(&self, flow: &mut Flow, text: &str, style: &TextStyle) {
        let height = style.height(text, self.width) + 3.0;
        let (page, y) = flow.reserve(height);
        page.text(self.x, y, self.width, text, style);
        page.rule(self.x, self.x + self.width, y + height - 1.0, 0.4, 0.45);
    }
}
