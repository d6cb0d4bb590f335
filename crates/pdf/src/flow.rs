//! Top-to-bottom placement across pages: the one piece of pagination forms need.

use crate::geom::{mm, Orientation};
use crate::page::Page;
use crate::table::Table;
use crate::text::{Align, TextStyle};

/// A cursor that moves down a stack of same-sized A4 pages, opening a new page when a block
/// does not fit. Blocks are never split: the caller splits long content (e.g. table rows).
#[derive(Debug, Clone)]
pub struct Flow {
    orientation: Orientation,
    pages: Vec<Page>,
    /// Left margin in points.
    pub left: f32,
    /// Width between the side margins in points.
    pub width: f32,
    top: f32,
    bottom: f32,
    y: f32,
}

impl Flow {
    /// A flow over A4 pages with margins in millimetres (left, top, right, bottom).
    pub fn a4(orientation: Orientation, margins_mm: [f32; 4]) -> Self {
        let page = Page::a4(orientation);
        let [l, t, r, b] = margins_mm.map(mm);
        Flow {
            orientation,
            left: l,
            width: page.width() - l - r,
            top: t,
            bottom: page.height() - b,
            y: t,
            pages: vec![page],
        }
    }

    /// The current vertical position (top of the next block).
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Number of pages opened so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Space left on the current page.
    pub fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    /// Makes room for a block of `height`: opens a new page unless it fits on this one (or
    /// this page is still empty). Returns the page and the y at which to draw.
    pub fn reserve(&mut self, height: f32) -> (&mut Page, f32) {
        if height > self.remaining() && self.y > self.top {
            self.new_page();
        }
        let y = self.y;
        self.y += height;
        (self.pages.last_mut().expect("a flow has a page"), y)
    }

    /// Moves the cursor down by `gap` without drawing.
    pub fn skip(&mut self, gap: f32) {
        self.y = (self.y + gap).min(self.bottom);
    }

    /// Draws `table` row by row at the left margin, opening pages as needed. Row `header`
    /// (if any) is drawn above the first row and repeated at the top of each new page, and
    /// is never left alone at the bottom of a page.
    pub fn table(&mut self, table: &Table, header: Option<usize>) {
        let x = self.left;
        let first = header.map_or(0, |h| h + 1);
        let head_h = header.map_or(0.0, |h| table.row_height(h));
        if first >= table.rows.len() {
            if let Some(h) = header {
                let (page, y) = self.reserve(head_h);
                table.draw_row(page, h, x, y);
            }
            return;
        }
        for i in first..table.rows.len() {
            let row_h = table.row_height(i);
            match header {
                Some(h) if i == first || row_h > self.remaining() => {
                    let (page, y) = self.reserve(head_h + row_h);
                    table.draw_row(page, h, x, y);
                    table.draw_row(page, i, x, y + head_h);
                }
                _ => {
                    let (page, y) = self.reserve(row_h);
                    table.draw_row(page, i, x, y);
                }
            }
        }
    }

    /// Writes `text` wrapped across the full width as one block; returns its height.
    pub fn text(&mut self, text: &str, style: &TextStyle) -> f32 {
        let (x, width) = (self.left, self.width);
        let height = style.height(text, width);
        let (page, y) = self.reserve(height);
        page.text(x, y, width, text, style)
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::a4(self.orientation));
        self.y = self.top;
    }

    /// The finished pages.
    pub fn into_pages(self) -> Vec<Page> {
        self.pages
    }

    /// The finished pages; when there is more than one, each gets "n / N" at its foot
    /// (language-free, so the same for Kazakh and Russian).
    pub fn into_numbered_pages(self) -> Vec<Page> {
        let mut pages = self.pages;
        let total = pages.len();
        if total > 1 {
            let folio = TextStyle::regular(8.0).align(Align::Center).gray(0.3);
            for (i, page) in pages.iter_mut().enumerate() {
                let (y, width) = (page.height() - mm(10.0), page.width());
                page.text(0.0, y, width, &format!("{} / {total}", i + 1), &folio);
            }
        }
        pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Cell;

    #[test]
    fn opens_a_page_when_a_block_does_not_fit() {
        let mut f = Flow::a4(Orientation::Portrait, [20.0; 4]);
        f.reserve(500.0);
        assert_eq!(f.into_pages().len(), 1);
        let mut f = Flow::a4(Orientation::Portrait, [20.0; 4]);
        f.reserve(500.0);
        let (_, y) = f.reserve(500.0);
        assert_eq!(y, mm(20.0));
        assert_eq!(f.into_pages().len(), 2);
    }

    #[test]
    fn pages_are_numbered_only_when_there_are_several() {
        let folios = |pages: &[Page]| {
            pages
                .iter()
                .flat_map(|p| &p.ops)
                .filter_map(|op| match op {
                    crate::page::Op::Text { text, .. } if text.contains(" / ") => {
                        Some(text.clone())
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        let mut f = Flow::a4(Orientation::Portrait, [20.0; 4]);
        f.text("Өтініш", &TextStyle::regular(10.0));
        assert!(folios(&f.into_numbered_pages()).is_empty());
        let mut f = Flow::a4(Orientation::Portrait, [20.0; 4]);
        f.reserve(500.0);
        f.reserve(500.0);
        assert_eq!(folios(&f.into_numbered_pages()), ["1 / 2", "2 / 2"]);
    }

    #[test]
    fn long_table_repeats_its_header() {
        let s = crate::TextStyle::regular(10.0);
        let mut t = Table::new(vec![100.0, 300.0]);
        t.row(vec![Cell::new("№", s), Cell::new("head", s)]);
        for i in 0..100 {
            t.row(vec![Cell::new(i.to_string(), s), Cell::new("row", s)]);
        }
        let mut f = Flow::a4(Orientation::Portrait, [20.0; 4]);
        f.table(&t, Some(0));
        let pages = f.into_pages();
        assert!(pages.len() >= 3);
        for p in &pages {
            let heads = p
                .ops
                .iter()
                .filter(|op| matches!(op, crate::page::Op::Text { text, .. } if text == "head"));
            assert_eq!(heads.count(), 1);
        }
    }
}
