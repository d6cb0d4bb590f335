//! Simple ruled tables: fixed column widths, cells that wrap, rows as tall as their tallest
//! cell. No spans; a caller that paginates asks [`Table::row_height`] and draws rows itself.

use crate::geom::Rect;
use crate::page::Page;
use crate::text::TextStyle;

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Text, wrapped to the column width; `\n` starts a new line.
    pub text: String,
    /// How the text looks.
    pub style: TextStyle,
    /// Background gray level, if shaded (0 black … 1 white).
    pub fill: Option<f32>,
}

impl Cell {
    /// A cell with `text` in `style`.
    pub fn new(text: impl Into<String>, style: TextStyle) -> Self {
        Cell {
            text: text.into(),
            style,
            fill: None,
        }
    }

    /// The same cell on a gray background.
    pub fn shaded(mut self, gray: f32) -> Self {
        self.fill = Some(gray);
        self
    }
}

/// A table of rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths in points.
    pub widths: Vec<f32>,
    /// Rows; a row with fewer cells than columns leaves the rest empty.
    pub rows: Vec<Vec<Cell>>,
    /// Inner padding of every cell, in points.
    pub padding: f32,
    /// Width of the cell borders; 0 draws none.
    pub border: f32,
}

impl Table {
    /// An empty table with these column widths, 4 pt padding and 0.5 pt borders.
    pub fn new(widths: Vec<f32>) -> Self {
        Table {
            widths,
            rows: Vec::new(),
            padding: 4.0,
            border: 0.5,
        }
    }

    /// Appends a row.
    pub fn row(&mut self, cells: Vec<Cell>) -> &mut Self {
        self.rows.push(cells);
        self
    }

    /// Total width in points.
    pub fn width(&self) -> f32 {
        self.widths.iter().sum()
    }

    /// Height of row `i` in points.
    pub fn row_height(&self, i: usize) -> f32 {
        let p = self.padding;
        self.rows[i]
            .iter()
            .zip(&self.widths)
            .map(|(c, w)| c.style.height(&c.text, w - 2.0 * p))
            .fold(0.0, f32::max)
            + 2.0 * p
    }

    /// Height of the whole table in points.
    pub fn height(&self) -> f32 {
        (0..self.rows.len()).map(|i| self.row_height(i)).sum()
    }

    /// Draws row `i` with its top-left corner at (`x`, `y`); returns its height.
    pub fn draw_row(&self, page: &mut Page, i: usize, x: f32, y: f32) -> f32 {
        let h = self.row_height(i);
        let p = self.padding;
        let mut cx = x;
        for (col, w) in self.widths.iter().enumerate() {
            let rect = Rect::new(cx, y, *w, h);
            if let Some(cell) = self.rows[i].get(col) {
                if let Some(gray) = cell.fill {
                    page.fill_rect(rect, gray);
                }
                page.text(cx + p, y + p, w - 2.0 * p, &cell.text, &cell.style);
            }
            if self.border > 0.0 {
                page.stroke_rect(rect, self.border);
            }
            cx += w;
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_is_as_tall_as_its_tallest_cell() {
        let s = TextStyle::regular(10.0);
        let mut t = Table::new(vec![50.0, 200.0]);
        t.row(vec![
            Cell::new("бір екі үш төрт бес алты", s),
            Cell::new("один", s),
        ]);
        let one_line = s.leading() + 2.0 * t.padding;
        assert!(t.row_height(0) > 2.0 * one_line - 2.0 * t.padding);
        let mut page = Page::a4(crate::Orientation::Portrait);
        assert_eq!(page.table(10.0, 10.0, &t), t.height());
    }
}
