//! Serialisation of a [`Document`] with `pdf-writer`.
//!
//! The file is a classic PDF 1.7: one object per indirect object, a plain xref table and a
//! trailer (no object or xref streams), so that an incremental update carrying a PAdES
//! signature can simply be appended. Its /ID is derived from the body's bytes.

mod content;
mod font;
mod image;

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::document::Document;
use crate::fonts::FontWeight;
use crate::page::Op;
use crate::PdfError;
use font::FontPlan;

/// Hands out object numbers in order.
pub(crate) struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }

    fn next_n<const N: usize>(&mut self) -> [Ref; N] {
        std::array::from_fn(|_| self.next())
    }
}

/// zlib (FlateDecode) compression; level 6 is miniz's default balance of size and speed.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

pub(crate) fn write(doc: &Document) -> Result<Vec<u8>, PdfError> {
    // Scans dominate the size: reserving for them up front saves re-copying megabytes of
    // JPEG data while the buffer grows.
    let image_bytes: usize = doc
        .pages
        .iter()
        .flat_map(|p| &p.ops)
        .map(|op| match op {
            Op::Image { image, .. } => image.data_len(),
            _ => 0,
        })
        .sum();
    let mut pdf = Pdf::with_capacity(image_bytes + (1 << 16));
    let mut refs = Refs(0);
    let [catalog, pages_id, info] = refs.next_n();

    // Fonts: one subset per weight actually used.
    let mut chars: BTreeMap<FontWeight, BTreeSet<char>> = BTreeMap::new();
    for op in doc.pages.iter().flat_map(|p| &p.ops) {
        if let Op::Text { text, style, .. } = op {
            chars.entry(style.weight).or_default().extend(text.chars());
        }
    }
    let mut fonts = Vec::new();
    for (weight, set) in chars {
        let name = format!("F{}", fonts.len());
        fonts.push((FontPlan::new(weight, set)?, name));
    }
    let mut font_refs = Vec::new();
    for (plan, _) in &fonts {
        font_refs.push(plan.write(&mut pdf, &mut refs)?);
    }

    // Images, shared between pages when the caller passed clones of one image.
    let mut xobjects: BTreeMap<usize, (Ref, String)> = BTreeMap::new();
    let mut page_ids = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let [page_id, content_id] = refs.next_n();
        page_ids.push(page_id);
        let mut names = Vec::new();
        for op in &page.ops {
            if let Op::Image { image, .. } = op {
                let key = image.data_key();
                if !xobjects.contains_key(&key) {
                    let id = refs.next();
                    image::write(&mut pdf, id, image);
                    xobjects.insert(key, (id, format!("Im{}", xobjects.len())));
                }
                names.push(xobjects[&key].1.clone());
            }
        }

        let stream = content::build(
            page,
            &content::Names {
                fonts: &fonts,
                images: &names,
            },
        );
        pdf.stream(content_id, &deflate(&stream))
            .filter(Filter::FlateDecode);

        let mut p = pdf.page(page_id);
        p.parent(pages_id)
            .media_box(Rect::new(0.0, 0.0, page.width, page.height))
            .contents(content_id);
        if page.rotation.degrees() != 0 {
            p.rotate(page.rotation.degrees());
        }
        let mut res = p.resources();
        if !fonts.is_empty() {
            let mut f = res.fonts();
            for ((_, name), id) in fonts.iter().zip(&font_refs) {
                f.pair(Name(name.as_bytes()), *id);
            }
        }
        if !names.is_empty() {
            let mut x = res.x_objects();
            let mut seen = BTreeSet::new();
            for name in &names {
                if seen.insert(name) {
                    let id = xobjects.values().find(|(_, n)| n == name).map(|v| v.0);
                    x.pair(Name(name.as_bytes()), id.expect("image was written"));
                }
            }
        }
    }

    pdf.pages(pages_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    pdf.catalog(catalog).pages(pages_id);
    let mut meta = pdf.document_info(info);
    meta.producer(TextStr("Rastau"));
    if let Some(title) = &doc.title {
        meta.title(TextStr(title));
    }
    if let Some(text) = &doc.qr_text {
        meta.pair(Name(b"RastauQR"), TextStr(text));
    }
    meta.finish();

    // Same content, same ID: both halves equal, as for any newly created file. The ID names
    // the file rather than proving anything, so a fast 128-bit hash serves; SHA-256 over
    // megabytes of scans was a third of the assembly time.
    let id = xxhash_rust::xxh3::xxh3_128(pdf.as_bytes())
        .to_be_bytes()
        .to_vec();
    pdf.set_file_id((id.clone(), id));
    let mut bytes = pdf.finish();
    // End with an EOL after %%EOF so an appended incremental update starts on its own line.
    bytes.push(b'\n');
    Ok(bytes)
}
