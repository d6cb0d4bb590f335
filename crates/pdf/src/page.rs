//! A page and the small set of things that can be drawn on it.

use crate::geom::{Orientation, Rect, Rotation, A4_LONG, A4_SHORT};
use crate::image::PageImage;
use crate::table::Table;
use crate::text::{Align, TextStyle};
use crate::{qr, PdfError};

/// Noto Sans cap height in em: baselines are placed so that capitals sit centred in their
/// line box, which keeps text optically centred in table cells.
const CAP_HEIGHT: f32 = 0.714;

/// One drawing operation, in layout coordinates (top-left origin).
#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// One line of text; `x` is its left end, `baseline` its baseline.
    Text {
        x: f32,
        baseline: f32,
        text: String,
        style: TextStyle,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        gray: f32,
    },
    StrokeRect {
        rect: Rect,
        width: f32,
    },
    FillRects {
        rects: Vec<Rect>,
        gray: f32,
    },
    Image {
        image: PageImage,
        rect: Rect,
    },
}

/// A page being laid out. Coordinates are points from the top-left corner (see [`crate::geom`]).
#[derive(Debug, Clone)]
pub struct Page {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) rotation: Rotation,
    pub(crate) ops: Vec<Op>,
}

impl Page {
    /// An empty A4 page.
    pub fn a4(orientation: Orientation) -> Self {
        match orientation {
            Orientation::Portrait => Page::new(A4_SHORT, A4_LONG),
            Orientation::Landscape => Page::new(A4_LONG, A4_SHORT),
        }
    }

    /// An empty page of any size in points.
    pub fn new(width: f32, height: f32) -> Self {
        Page {
            width,
            height,
            rotation: Rotation::None,
            ops: Vec::new(),
        }
    }

    /// A page exactly the paper size of `image`, showing it edge to edge, turned by `rotation`.
    pub fn scan(image: PageImage, rotation: Rotation) -> Self {
        let (w, h) = image.paper_size_pt();
        let mut page = Page::new(w, h);
        page.rotation = rotation;
        page.image(image, Rect::new(0.0, 0.0, w, h));
        page
    }

    /// Page width in points (before rotation).
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Page height in points (before rotation).
    pub fn height(&self) -> f32 {
        self.height
    }

    /// Writes `text` wrapped to `width`, its first line box's top at `y`. Returns the height
    /// used (lines × leading).
    pub fn text(&mut self, x: f32, y: f32, width: f32, text: &str, style: &TextStyle) -> f32 {
        let lines = style.wrap(text, width);
        let leading = style.leading();
        let first = y + (leading + style.size * CAP_HEIGHT) / 2.0;
        for (i, line) in lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            let lx = match style.align {
                Align::Left => x,
                Align::Center => x + (width - style.measure(line)) / 2.0,
                Align::Right => x + width - style.measure(line),
            };
            self.ops.push(Op::Text {
                x: lx,
                baseline: first + i as f32 * leading,
                text: line.clone(),
                style: *style,
            });
        }
        lines.len() as f32 * leading
    }

    /// A straight line of `width` points.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32) {
        self.ops.push(Op::Line {
            from,
            to,
            width,
            gray: 0.0,
        });
    }

    /// A horizontal rule from `x1` to `x2` at `y`, in `gray` (0 black … 1 white).
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, gray: f32) {
        self.ops.push(Op::Line {
            from: (x1, y),
            to: (x2, y),
            width,
            gray,
        });
    }

    /// The outline of `rect`.
    pub fn stroke_rect(&mut self, rect: Rect, width: f32) {
        self.ops.push(Op::StrokeRect { rect, width });
    }

    /// `rect` filled with `gray` (0 black … 1 white).
    pub fn fill_rect(&mut self, rect: Rect, gray: f32) {
        self.ops.push(Op::FillRects {
            rects: vec![rect],
            gray,
        });
    }

    /// `image` stretched into `rect`.
    pub fn image(&mut self, image: PageImage, rect: Rect) {
        self.ops.push(Op::Image { image, rect });
    }

    /// A QR code for `payload`, quiet zone included, as a `size`-point square at (`x`, `y`).
    pub fn qr(&mut self, payload: &[u8], x: f32, y: f32, size: f32) -> Result<(), PdfError> {
        let m = qr::encode(payload)?;
        let unit = size / m.side as f32;
        let rects = m
            .runs
            .iter()
            .map(|&(row, col, len)| {
                Rect::new(
                    x + col as f32 * unit,
                    y + row as f32 * unit,
                    len as f32 * unit,
                    unit,
                )
            })
            .collect();
        self.ops.push(Op::FillRects { rects, gray: 0.0 });
        Ok(())
    }

    /// Draws `table` with its top-left corner at (`x`, `y`); returns its height.
    pub fn table(&mut self, x: f32, y: f32, table: &Table) -> f32 {
        let mut top = y;
        for row in 0..table.rows.len() {
            top += table.draw_row(self, row, x, top);
        }
        top - y
    }
}
