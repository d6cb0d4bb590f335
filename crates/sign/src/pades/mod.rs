//! PAdES: a CAdES signature inside the PDF itself, so the certified copy carries its own proof
//! and any PDF reader can check it. The signature is added as an incremental update (new
//! versions of the catalog, the first page and the AcroForm, plus a signature field), which
//! leaves the original bytes and any earlier signature as they were.
mod byte_range;
mod dss;
mod syntax;
mod update;

pub(crate) use byte_range::{find_last_signature, FoundSignature};
pub use dss::{add_validation_data, ValidationData};
pub(crate) use dss::{only_validation_data_after, read_validation_data};

use crate::error::SignError;
use crate::signer::Signer;
use chrono::{DateTime, Utc};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId};
use serde::{Deserialize, Serialize};
use syntax::text_string;
use update::{Update, XrefForm};

/// Room reserved for the DER signature. An RSA signature with its certificate takes about
/// 2 KB; the rest is for a chain of certificates and for other key kinds (NCALayer).
const SIGNATURE_SPACE: usize = 16 * 1024;
/// Wide enough for four offsets of a file up to 10 GB; the unused part becomes spaces.
const BYTE_RANGE_WIDTH: usize = 4 * 11 + 1;

/// What a PDF reader shows next to the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PdfSignatureMeta {
    /// The signer's name as written in the signature (usually the certificate's CN).
    pub name: String,
    /// Why it is signed, e.g. "Копия верна".
    pub reason: String,
    /// Where: the service center.
    pub location: String,
    /// The moment written as the signature's `/M`. The CMS signing-time inside the signature
    /// is set by the [`Signer`] itself when it signs.
    pub signing_time: DateTime<Utc>,
}

/// Returns `pdf` with an incremental update holding a signature field signed by `signer`
/// (`/SubFilter /ETSI.CAdES.detached`). Refuses encrypted PDFs ([`SignError::PdfEncrypted`]),
/// decompression bombs ([`SignError::PdfExpands`], [`SignError::PdfTooComplex`]) and files
/// lopdf cannot read ([`SignError::Malformed`]).
pub fn sign_pdf(
    pdf: &[u8],
    signer: &dyn Signer,
    meta: &PdfSignatureMeta,
) -> Result<Vec<u8>, SignError> {
    sign_pdf_with(pdf, signer, meta, &Ok)
}

/// Like [`sign_pdf`], the CMS signature passing through `finish` after it is made and before it
/// is written into `/Contents`: what it adds to the signature's unsigned attributes (a signature
/// timestamp for PAdES B-T, see [`crate::timestamp_signature`]) travels in the PDF, and what it
/// refuses refuses the signing. The byte range is fixed before `finish` runs, so it must not
/// touch what was signed; the result must still fit the room reserved for the signature.
pub fn sign_pdf_with(
    pdf: &[u8],
    signer: &dyn Signer,
    meta: &PdfSignatureMeta,
    finish: &dyn Fn(Vec<u8>) -> Result<Vec<u8>, SignError>,
) -> Result<Vec<u8>, SignError> {
    let Revision {
        doc,
        prev,
        form,
        root_id,
        first_free,
    } = Revision::read(pdf)?;
    let page_id = *doc
        .get_pages()
        .values()
        .next()
        .ok_or_else(|| SignError::malformed("PDF without pages"))?;
    let (sig_id, field_id, xref_id) = ((first_free, 0), (first_free + 1, 0), first_free + 2);

    let mut update = Update::new(pdf);
    let sig = write_signature_dictionary(&mut update, sig_id, meta)?;
    let field = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => text_string(&field_name(&doc, root_id)),
        "V" => Object::Reference(sig_id),
        "P" => Object::Reference(page_id),
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        // Print + Locked: an invisible field nobody edits.
        "F" => 132,
    };
    update.object(field_id, &Object::Dictionary(field))?;
    for (id, object) in updated_objects(&doc, root_id, page_id, field_id)? {
        update.object(id, &object)?;
    }
    let mut out = update.finish(carried_trailer(&doc), prev, form, xref_id)?;
    sig.fill(&mut out, signer, meta.signing_time, finish)?;
    Ok(out)
}

/// The newest revision of a PDF that is to be updated: what an incremental update appends to.
struct Revision {
    doc: Document,
    /// Where its cross-reference section starts: the update's `/Prev`.
    prev: usize,
    form: XrefForm,
    root_id: ObjectId,
    /// The first object number the update may take.
    first_free: u32,
}

impl Revision {
    /// Reads `pdf` through the guard; refuses an encrypted file and one without a catalog.
    fn read(pdf: &[u8]) -> Result<Revision, SignError> {
        let doc = rastau_pdf_guard::load(pdf, &rastau_pdf_guard::Limits::default())?;
        if doc.trailer.has(b"Encrypt") {
            return Err(SignError::PdfEncrypted);
        }
        let prev = last_xref_offset(pdf)?;
        let form = if pdf[prev..].starts_with(b"xref") {
            XrefForm::Table
        } else {
            XrefForm::Stream
        };
        let root_id = doc.trailer.get(b"Root").and_then(Object::as_reference);
        let root_id = root_id.map_err(|_| SignError::malformed("PDF without a catalog"))?;
        let size = doc
            .trailer
            .get(b"Size")
            .and_then(Object::as_i64)
            .unwrap_or(0);
        let first_free = (size.max(0) as u32).max(doc.max_id + 1);
        Ok(Revision {
            doc,
            prev,
            form,
            root_id,
            first_free,
        })
    }
}

/// What the update's trailer carries over from the previous one.
fn carried_trailer(doc: &Document) -> Dictionary {
    let mut trailer = Dictionary::new();
    for key in [&b"Root"[..], b"Info", b"ID", b"Size"] {
        if let Ok(value) = doc.trailer.get(key) {
            trailer.set(key.to_vec(), value.clone());
        }
    }
    trailer
}

/// Where the placeholders of the signature dictionary are, to fill once the file is complete.
struct Placeholders {
    byte_range: usize,
    contents: usize,
}

fn write_signature_dictionary(
    update: &mut Update,
    id: ObjectId,
    meta: &PdfSignatureMeta,
) -> Result<Placeholders, SignError> {
    update.begin(id);
    let out = update.bytes();
    out.extend_from_slice(
        b"<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange ",
    );
    let byte_range = out.len();
    out.extend(std::iter::repeat_n(b' ', BYTE_RANGE_WIDTH));
    out.extend_from_slice(b"\n/Contents ");
    let contents = out.len();
    out.push(b'<');
    out.extend(std::iter::repeat_n(b'0', SIGNATURE_SPACE * 2));
    out.extend_from_slice(b">\n");
    let date = meta.signing_time.format("D:%Y%m%d%H%M%SZ").to_string();
    let mut rest = dictionary! { "M" => Object::string_literal(date) };
    for (key, value) in [
        ("Name", &meta.name),
        ("Reason", &meta.reason),
        ("Location", &meta.location),
    ] {
        if !value.is_empty() {
            rest.set(key, text_string(value));
        }
    }
    syntax::write_entries(out, &rest)?;
    out.extend_from_slice(b">>");
    update.end();
    Ok(Placeholders {
        byte_range,
        contents,
    })
}

impl Placeholders {
    /// Fixes the byte range over everything but the `<…>` of `/Contents`, signs those bytes,
    /// passes the signature through `finish` and writes it into the reserved room.
    fn fill(
        &self,
        out: &mut [u8],
        signer: &dyn Signer,
        at: DateTime<Utc>,
        finish: &dyn Fn(Vec<u8>) -> Result<Vec<u8>, SignError>,
    ) -> Result<(), SignError> {
        let gap_end = self.contents + SIGNATURE_SPACE * 2 + 2;
        let range = format!("[0 {} {} {}]", self.contents, gap_end, out.len() - gap_end);
        out[self.byte_range..self.byte_range + range.len()].copy_from_slice(range.as_bytes());
        let mut signed = Vec::with_capacity(out.len());
        signed.extend_from_slice(&out[..self.contents]);
        signed.extend_from_slice(&out[gap_end..]);
        let signature = finish(signer.sign_detached(&signed, at)?)?;
        if signature.len() > SIGNATURE_SPACE {
            return Err(SignError::Crypto {
                detail: format!("signature of {} bytes does not fit", signature.len()),
            });
        }
        let mut hex = Vec::with_capacity(signature.len() * 2 + 2);
        syntax::write_hex_string(&mut hex, &signature);
        // Without the closing '>': the zeros after the signature are its padding.
        let hex = &hex[..hex.len() - 1];
        out[self.contents..self.contents + hex.len()].copy_from_slice(hex);
        Ok(())
    }
}

/// The catalog, AcroForm and first page, each with the new field added. An AcroForm that is
/// its own object is updated in place; one inside the catalog travels with the catalog.
fn updated_objects(
    doc: &Document,
    root_id: ObjectId,
    page_id: ObjectId,
    field_id: ObjectId,
) -> Result<Vec<(ObjectId, Object)>, SignError> {
    let malformed = |what: &str| SignError::malformed(format!("PDF: {what}"));
    let mut catalog = doc
        .get_dictionary(root_id)
        .map_err(|_| malformed("catalog"))?
        .clone();
    let mut objects = Vec::new();
    match catalog.get(b"AcroForm") {
        Ok(Object::Reference(form_id)) => {
            let form_id = *form_id;
            let form = doc
                .get_dictionary(form_id)
                .map_err(|_| malformed("AcroForm"))?;
            objects.push((
                form_id,
                Object::Dictionary(with_field(doc, form, field_id)?),
            ));
        }
        found => {
            let form = match found {
                Ok(Object::Dictionary(form)) => form.clone(),
                _ => Dictionary::new(),
            };
            catalog.set("AcroForm", with_field(doc, &form, field_id)?);
            objects.push((root_id, Object::Dictionary(catalog)));
        }
    }
    let mut page = doc
        .get_dictionary(page_id)
        .map_err(|_| malformed("page"))?
        .clone();
    let mut annots = resolved_array(doc, page.get(b"Annots").ok());
    annots.push(Object::Reference(field_id));
    page.set("Annots", annots);
    objects.push((page_id, Object::Dictionary(page)));
    Ok(objects)
}

fn with_field(
    doc: &Document,
    form: &Dictionary,
    field_id: ObjectId,
) -> Result<Dictionary, SignError> {
    let mut form = form.clone();
    let mut fields = resolved_array(doc, form.get(b"Fields").ok());
    fields.push(Object::Reference(field_id));
    form.set("Fields", fields);
    // SignaturesExist + AppendOnly: readers must keep later changes incremental.
    form.set("SigFlags", 3);
    Ok(form)
}

/// The items of an array given directly or by reference; none when absent or not an array.
fn resolved_array(doc: &Document, value: Option<&Object>) -> Vec<Object> {
    value
        .and_then(|v| doc.dereference(v).ok())
        .and_then(|(_, v)| v.as_array().ok())
        .cloned()
        .unwrap_or_default()
}

/// `Signature1`, `Signature2`, … : the first name no top-level field has yet.
fn field_name(doc: &Document, root_id: ObjectId) -> String {
    let form = doc
        .get_dictionary(root_id)
        .ok()
        .and_then(|c| c.get_deref(b"AcroForm", doc).ok())
        .and_then(|f| f.as_dict().ok());
    let fields = resolved_array(doc, form.and_then(|f| f.get(b"Fields").ok()));
    let taken: Vec<String> = fields
        .iter()
        .filter_map(|f| doc.dereference(f).ok()?.1.as_dict().ok())
        .filter_map(|f| lopdf::decode_text_string(f.get(b"T").ok()?).ok())
        .collect();
    (1..)
        .map(|n| format!("Signature{n}"))
        .find(|name| !taken.contains(name))
        .unwrap_or_default()
}

/// The offset after the last `startxref`: where the newest cross-reference section starts.
fn last_xref_offset(pdf: &[u8]) -> Result<usize, SignError> {
    let bad = || SignError::malformed("PDF: no startxref");
    let tail_start = pdf.len().saturating_sub(2048);
    let tail = &pdf[tail_start..];
    let at = tail
        .windows(9)
        .rposition(|w| w == b"startxref")
        .ok_or_else(bad)?;
    let digits: String = tail[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| char::from(b))
        .collect();
    let offset: usize = digits.parse().map_err(|_| bad())?;
    (offset < pdf.len()).then_some(offset).ok_or_else(bad)
}
