//! PDF import. A scanner's PDF page is usually one JPEG drawn over the whole page: then the
//! JPEG bytes are taken exactly as they are (no second lossy generation in the certified copy).
//! Any other page (text, vector drawings, several images, masks, odd color spaces) is
//! rasterised by `pdftoppm` at 300 dpi. The file is loaded through `rastau-pdf-guard`, so a
//! decompression bomb is refused before lopdf inflates it, and every page's share of the
//! import's budget is claimed before any page is decoded or rendered.

use super::{jpeg, render};
use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::{Rotation, ScanPage};
use rastau_pdf_guard::lopdf::{Document, Object, ObjectId};
use rastau_pdf_guard::GuardError;
use std::path::Path;

/// Content streams of single-image pages are a few dozen bytes ("q W 0 0 H 0 0 cm /Im0 Do Q").
/// Larger ones are not looked into: such a page is rendered.
const MAX_SIMPLE_CONTENT: usize = 4096;

/// Imports every page. `path` is the file on disk when there is one (for `pdftoppm`); bytes
/// that came from elsewhere are written to a temporary file only if a page needs rendering.
pub(crate) fn import(
    bytes: &[u8],
    path: Option<&Path>,
    file: &str,
    limits: &Limits,
) -> Result<Vec<ScanPage>, CaptureError> {
    let doc = rastau_pdf_guard::load(bytes, &rastau_pdf_guard::Limits::default())
        .map_err(|e| guard_error(e, file))?;
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(CaptureError::Corrupt {
            file: file.to_owned(),
            detail: "no pages".to_owned(),
        });
    }
    limits.check_pages(file, page_ids.len())?;
    let mut plans = Vec::with_capacity(page_ids.len());
    for (&number, &page_id) in &page_ids {
        plans.push(plan(&doc, number, page_id, file, limits)?);
    }
    let mut budget = limits.budget(file);
    for plan in &plans {
        budget.claim(plan.kept_bytes())?;
    }
    let mut temp: Option<tempfile::NamedTempFile> = None;
    let mut pages = Vec::with_capacity(plans.len());
    for plan in plans {
        let page = match plan {
            Plan::Jpeg(draw) => draw.import(file, limits)?,
            Plan::Render { number, size_px } => {
                let on_disk = match path {
                    Some(p) => p.to_path_buf(),
                    None => {
                        if temp.is_none() {
                            temp = Some(write_temp(bytes, file)?);
                        }
                        temp.as_ref()
                            .map(|t| t.path().to_path_buf())
                            .unwrap_or_default()
                    }
                };
                render::render_page(&on_disk, number, size_px, file, limits)?
            }
        };
        pages.push(page);
    }
    Ok(pages)
}

fn guard_error(e: GuardError, file: &str) -> CaptureError {
    let file = file.to_owned();
    match e {
        GuardError::Expands { max_mb } => CaptureError::ExpandsTooFar { file, max_mb },
        GuardError::TooComplex => CaptureError::PdfTooComplex { file },
        GuardError::Encrypted => CaptureError::Encrypted { file },
        GuardError::Unreadable { detail } => CaptureError::Corrupt { file, detail },
    }
}

/// How a page becomes a scan page.
enum Plan<'a> {
    /// Its one JPEG, as it is.
    Jpeg(JpegDraw<'a>),
    /// Page `number` (1-based) rendered by `pdftoppm` to `size_px`.
    Render { number: u32, size_px: (u32, u32) },
}

impl Plan<'_> {
    /// Bytes the page keeps once imported: the JPEG's own, or 8-bit RGB pixels.
    fn kept_bytes(&self) -> u64 {
        let (w, h, bytes) = match self {
            Plan::Jpeg(draw) if matches!(draw.header.components, 1 | 3) => {
                return draw.bytes.len() as u64
            }
            Plan::Jpeg(draw) => (draw.header.width, draw.header.height, 3),
            Plan::Render { size_px, .. } => (size_px.0, size_px.1, 3),
        };
        u64::from(w) * u64::from(h) * bytes
    }
}

fn plan<'a>(
    doc: &'a Document,
    number: u32,
    page_id: ObjectId,
    file: &str,
    limits: &Limits,
) -> Result<Plan<'a>, CaptureError> {
    if let Some(draw) = single_jpeg(doc, page_id) {
        return Ok(Plan::Jpeg(draw));
    }
    Ok(Plan::Render {
        number,
        size_px: render_size(doc, page_id, file, limits)?,
    })
}

fn write_temp(bytes: &[u8], file: &str) -> Result<tempfile::NamedTempFile, CaptureError> {
    use std::io::Write;
    let io = |e: std::io::Error| CaptureError::Io {
        file: file.to_owned(),
        detail: e.to_string(),
    };
    let mut temp = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.flush().map_err(io)?;
    Ok(temp)
}

/// A page attribute, looked up the page tree as PDF inheritance says, references followed.
fn inherited<'a>(doc: &'a Document, page_id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    // Depth cap: a hostile /Parent cycle must not loop forever.
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return doc.dereference(value).ok().map(|(_, v)| v);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Width and height in points of what a viewer shows: CropBox, else MediaBox.
fn page_size_pt(doc: &Document, page_id: ObjectId) -> Option<(f64, f64)> {
    let bx =
        inherited(doc, page_id, b"CropBox").or_else(|| inherited(doc, page_id, b"MediaBox"))?;
    let v: Vec<f64> = bx.as_array().ok()?.iter().filter_map(number).collect();
    (v.len() == 4).then(|| ((v[2] - v[0]).abs(), (v[3] - v[1]).abs()))
}

/// The page's pixel size at 300 dpi as shown (rotation applied), refused when over the limits
/// (a PDF can declare a page kilometres wide in a few bytes).
fn render_size(
    doc: &Document,
    page_id: ObjectId,
    file: &str,
    limits: &Limits,
) -> Result<(u32, u32), CaptureError> {
    let (w, h) = page_size_pt(doc, page_id).unwrap_or((612.0, 792.0));
    let px = |pt: f64| ((pt / 72.0 * f64::from(render::RENDER_DPI)).round() as u64).max(1);
    limits.check_dimensions(file, px(w), px(h), 6)?;
    // Within the pixel limit, so each side fits in u32.
    let (w, h) = (px(w) as u32, px(h) as u32);
    Ok(if page_rotation(doc, page_id).is_sideways() {
        (h, w)
    } else {
        (w, h)
    })
}

/// The page's /Rotate as a rotation value (pdftoppm applies it itself when rendering).
fn page_rotation(doc: &Document, page_id: ObjectId) -> Rotation {
    inherited(doc, page_id, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .and_then(|d| Rotation::from_degrees(d).ok())
        .unwrap_or_default()
}

/// A page that is nothing but one upright JPEG image.
struct JpegDraw<'a> {
    bytes: &'a [u8],
    header: jpeg::JpegHeader,
    /// The drawn width in points.
    width_pt: f64,
    rotation: Rotation,
}

impl JpegDraw<'_> {
    fn import(self, file: &str, limits: &Limits) -> Result<ScanPage, CaptureError> {
        let mut page = jpeg::import(self.bytes, file, limits)?;
        // The resolution is how many pixels the page draws per inch, not what JFIF claims.
        let dpi = (f64::from(self.header.width) * 72.0 / self.width_pt).round();
        page.dpi = if (50.0..=4800.0).contains(&dpi) {
            dpi as u32
        } else {
            super::DEFAULT_DPI
        };
        page.rotation = self.rotation;
        Ok(page)
    }
}

/// The page's JPEG, if the page is nothing but one upright JPEG image.
fn single_jpeg(doc: &Document, page_id: ObjectId) -> Option<JpegDraw<'_>> {
    let (name, width_pt) = single_draw(doc, page_id)?;
    let xobject = inherited(doc, page_id, b"Resources")
        .and_then(|r| r.as_dict().ok())
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| doc.dereference(x).ok())
        .and_then(|(_, x)| x.as_dict().ok())
        .and_then(|x| x.get(&name).ok())
        .and_then(|x| doc.dereference(x).ok())
        .and_then(|(_, x)| x.as_stream().ok())?;
    let d = &xobject.dict;
    let name_is = |key: &[u8], want: &[u8]| {
        d.get(key)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_name().ok())
            == Some(want)
    };
    let filter_is_dct = match d.get(b"Filter") {
        Ok(Object::Name(n)) => n == b"DCTDecode",
        Ok(Object::Array(a)) => a.len() == 1 && a[0].as_name().ok() == Some(b"DCTDecode"),
        _ => false,
    };
    let plain_color = name_is(b"ColorSpace", b"DeviceGray")
        || name_is(b"ColorSpace", b"DeviceRGB")
        || icc_with_1_or_3(doc, d.get(b"ColorSpace").ok());
    // Masks, decode arrays and parameters would change what the viewer shows: not "as is".
    let untouched = [
        &b"SMask"[..],
        b"Mask",
        b"Decode",
        b"DecodeParms",
        b"ImageMask",
    ]
    .iter()
    .all(|k| d.get(k).is_err());
    let bits8 = d
        .get(b"BitsPerComponent")
        .ok()
        .and_then(|o| o.as_i64().ok())
        == Some(8);
    if !(name_is(b"Subtype", b"Image") && filter_is_dct && plain_color && untouched && bits8) {
        return None;
    }
    let bytes = &xobject.content;
    let header = jpeg::parse_header(bytes).ok()?;
    let declared = |k: &[u8]| d.get(k).ok().and_then(|o| o.as_i64().ok());
    if declared(b"Width") != Some(i64::from(header.width))
        || declared(b"Height") != Some(i64::from(header.height))
    {
        return None;
    }
    Some(JpegDraw {
        bytes,
        header,
        width_pt,
        rotation: page_rotation(doc, page_id),
    })
}

fn icc_with_1_or_3(doc: &Document, cs: Option<&Object>) -> bool {
    let Some(Ok((_, cs))) = cs.map(|o| doc.dereference(o)) else {
        return false;
    };
    let Ok(arr) = cs.as_array() else {
        return false;
    };
    if arr.len() != 2 || arr[0].as_name().ok() != Some(b"ICCBased") {
        return false;
    }
    let n = doc
        .dereference(&arr[1])
        .ok()
        .and_then(|(_, o)| o.as_stream().ok())
        .and_then(|s| s.dict.get(b"N").ok())
        .and_then(|n| n.as_i64().ok());
    matches!(n, Some(1 | 3))
}

/// If the page's content is only `q`, `Q`, `cm` and exactly one `Do`, drawn upright and
/// unflipped, the XObject name and its drawn width in points.
fn single_draw(doc: &Document, page_id: ObjectId) -> Option<(Vec<u8>, f64)> {
    let mut content = Vec::new();
    for id in doc.get_page_contents(page_id) {
        let stream = doc.get_object(id).ok()?.as_stream().ok()?;
        if content.len() + stream.content.len() > MAX_SIMPLE_CONTENT {
            return None;
        }
        // Decoded under the same small cap: a Flate bomb of a few bytes stays a few bytes.
        let cap = (MAX_SIMPLE_CONTENT - content.len()) as u64;
        content.extend(rastau_pdf_guard::decoded(stream, cap).ok()?);
        content.push(b'\n');
    }
    let limits = rastau_pdf_guard::Limits::default();
    let content = rastau_pdf_guard::content(&content, &limits).ok()?;
    let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack = Vec::new();
    let mut drawn = None;
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop()?,
            "cm" => {
                let m: Vec<f64> = op.operands.iter().filter_map(number).collect();
                if m.len() != 6 {
                    return None;
                }
                ctm = multiply([m[0], m[1], m[2], m[3], m[4], m[5]], ctm);
            }
            "Do" if drawn.is_none() => {
                let name = op.operands.first()?.as_name().ok()?.to_vec();
                drawn = Some((name, ctm));
            }
            _ => return None,
        }
    }
    let (name, [a, b, c, d, _, _]) = drawn?;
    (b == 0.0 && c == 0.0 && a > 0.0 && d > 0.0).then_some((name, a))
}

/// `m` × `ctm`, the PDF `cm` rule (new matrix applied before the current one).
fn multiply(m: [f64; 6], ctm: [f64; 6]) -> [f64; 6] {
    [
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    ]
}
