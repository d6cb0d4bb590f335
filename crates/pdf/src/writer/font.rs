//! Embedding a face as a subset CID font that text extraction can read back.
//!
//! Each distinct character of the document gets its own CID (1, 2, … in code-point order).
//! A /CIDToGIDMap stream maps CIDs to the subset's glyphs and a /ToUnicode CMap maps CIDs back
//! to characters. Keying on characters rather than glyphs keeps extraction exact even when
//! two characters share a glyph (Latin "I" and Kazakh "І" may), and a missing glyph still
//! extracts as the right character.

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use super::{deflate, Refs};
use crate::fonts::FontWeight;
use crate::PdfError;

const IDENTITY: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// The characters one face has to show, and their CIDs.
pub(crate) struct FontPlan {
    pub weight: FontWeight,
    cids: BTreeMap<char, u16>,
}

impl FontPlan {
    pub fn new(weight: FontWeight, chars: BTreeSet<char>) -> Result<Self, PdfError> {
        if chars.len() >= u16::MAX as usize {
            return Err(PdfError::Font("too many distinct characters".into()));
        }
        let cids = chars.into_iter().zip(1u16..).collect();
        Ok(FontPlan { weight, cids })
    }

    /// `text` as the big-endian two-byte codes Identity-H expects.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        // Every character was collected from the same ops, so the lookup cannot miss.
        text.chars()
            .flat_map(|c| self.cids.get(&c).copied().unwrap_or(0).to_be_bytes())
            .collect()
    }

    /// Writes the Type0 font and everything it needs; returns the Type0 font's reference.
    pub fn write(&self, pdf: &mut Pdf, refs: &mut Refs) -> Result<Ref, PdfError> {
        let w = self.weight;
        let face = w.face();
        let per_unit = 1000.0 / face.units_per_em() as f32;

        let mut remapper = GlyphRemapper::new();
        for c in self.cids.keys() {
            remapper.remap(w.glyph(*c).0);
        }
        let subset =
            subsetter::subset(w.data(), 0, &remapper).map_err(|e| PdfError::Font(e.to_string()))?;

        let mut cid_to_gid = vec![0u8, 0u8]; // CID 0 is .notdef
        let mut widths = Vec::with_capacity(self.cids.len());
        let mut cmap = UnicodeCmap::new(Name(b"Rastau-UCS"), IDENTITY);
        for (c, cid) in &self.cids {
            let new_gid = remapper.get(w.glyph(*c).0).unwrap_or(0);
            cid_to_gid.extend(new_gid.to_be_bytes());
            widths.push(w.advance_1000(*c));
            cmap.pair(*cid, *c);
        }

        // A subset must be named with a tag unique to its glyph set; derive it from the
        // characters so that identical input keeps giving identical bytes.
        let chars: String = self.cids.keys().collect();
        let digest = crate::hash::sha256(format!("{}{chars}", w.postscript_name()).as_bytes());
        let tag: String = digest[..6]
            .iter()
            .map(|b| (b'A' + b % 26) as char)
            .collect();
        let base_font = format!("{tag}+{}", w.postscript_name());

        let [type0, cid_font, descriptor, file, to_unicode, gid_map] = refs.next_n();
        pdf.type0_font(type0)
            .base_font(Name(base_font.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);

        let mut cid = pdf.cid_font(cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(base_font.as_bytes()))
            .system_info(IDENTITY)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_stream(gid_map);
        cid.widths().consecutive(1, widths);
        cid.finish();

        let bbox = face.global_bounding_box();
        let scale = |v: i16| v as f32 * per_unit;
        pdf.font_descriptor(descriptor)
            .name(Name(base_font.as_bytes()))
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                scale(bbox.x_min),
                scale(bbox.y_min),
                scale(bbox.x_max),
                scale(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(scale(face.ascender()))
            .descent(scale(face.descender()))
            .cap_height(scale(face.capital_height().unwrap_or(714)))
            .stem_v(if w == FontWeight::Bold { 140.0 } else { 80.0 })
            .font_file2(file);

        let packed = deflate(&subset);
        pdf.stream(file, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
        pdf.stream(gid_map, &deflate(&cid_to_gid))
            .filter(Filter::FlateDecode);
        pdf.cmap(to_unicode, &deflate(&cmap.finish()))
            .filter(Filter::FlateDecode);
        Ok(type0)
    }
}
