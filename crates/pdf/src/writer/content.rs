//! Drawing operations to a page content stream, flipping layout coordinates (top-left
//! origin) into PDF space (bottom-left origin).

use pdf_writer::{Content, Name, Str};

use super::font::FontPlan;
use crate::page::{Op, Page};

/// Resource names the content refers to: fonts by weight, images by op index.
pub(crate) struct Names<'a> {
    pub fonts: &'a [(FontPlan, String)],
    pub images: &'a [String],
}

pub(crate) fn build(page: &Page, names: &Names) -> Vec<u8> {
    let h = page.height;
    let mut c = Content::new();
    let mut image_no = 0;
    for op in &page.ops {
        match op {
            Op::Text {
                x,
                baseline,
                text,
                style,
            } => {
                let Some((plan, name)) = names.fonts.iter().find(|(p, _)| p.weight == style.weight)
                else {
                    continue;
                };
                c.set_fill_gray(style.gray);
                c.begin_text()
                    .set_font(Name(name.as_bytes()), style.size)
                    .next_line(*x, h - baseline)
                    .show(Str(&plan.encode(text)))
                    .end_text();
            }
            Op::Line {
                from,
                to,
                width,
                gray,
            } => {
                c.set_stroke_gray(*gray)
                    .set_line_width(*width)
                    .move_to(from.0, h - from.1)
                    .line_to(to.0, h - to.1)
                    .stroke();
            }
            Op::StrokeRect { rect, width } => {
                c.set_stroke_gray(0.0)
                    .set_line_width(*width)
                    .rect(rect.x, h - rect.y - rect.h, rect.w, rect.h)
                    .stroke();
            }
            Op::FillRects { rects, gray } => {
                c.set_fill_gray(*gray);
                for r in rects {
                    c.rect(r.x, h - r.y - r.h, r.w, r.h);
                }
                c.fill_nonzero();
            }
            Op::Image { rect, .. } => {
                let name = &names.images[image_no];
                image_no += 1;
                c.save_state()
                    .transform([rect.w, 0.0, 0.0, rect.h, rect.x, h - rect.y - rect.h])
                    .x_object(Name(name.as_bytes()))
                    .restore_state();
            }
        }
    }
    c.finish().into_vec()
}
