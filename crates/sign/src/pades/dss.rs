//! PAdES B-LT: the validation data a signature needs (the certificates up to the trusted CA and
//! the revocation statuses obtained when it was made) written into the PDF's Document Security
//! Store (ETSI EN 319 142-1, 5.4), in an incremental update after the signature. A reader can
//! then validate the signature after the signer's certificate has expired, or with no network,
//! from the file alone; the signed bytes stay as they were.
//!
//! The per-signature `/VRI` entries are left out: the baseline profile makes them optional, and
//! validators (pyHanko among them) read the store's arrays.
use super::syntax::write_object;
use super::update::Update;
use super::{carried_trailer, Revision};
use crate::error::SignError;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// What a validator needs beside the signature, each item DER.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationData {
    /// The signer's certificate, its issuers up to the trusted CA, and any OCSP responder's.
    pub certificates: Vec<Vec<u8>>,
    /// `OCSPResponse`s as obtained.
    pub ocsp_responses: Vec<Vec<u8>>,
    /// `CertificateList`s as obtained.
    pub crls: Vec<Vec<u8>>,
}

impl ValidationData {
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty() && self.ocsp_responses.is_empty() && self.crls.is_empty()
    }
}

/// The three arrays of the store, by their PDF keys.
const ARRAYS: [&str; 3] = ["Certs", "OCSPs", "CRLs"];

/// Returns `pdf` with an incremental update whose catalog holds a `/DSS` with `data` added to
/// what the store held before (an item already there is not written twice).
pub fn add_validation_data(pdf: &[u8], data: &ValidationData) -> Result<Vec<u8>, SignError> {
    let Revision {
        doc,
        prev,
        form,
        root_id,
        first_free,
    } = Revision::read(pdf)?;
    let mut catalog = doc
        .get_dictionary(root_id)
        .map_err(|_| SignError::malformed("PDF: catalog"))?
        .clone();
    let mut store = existing_store(&doc, &catalog);
    let mut update = Update::new(pdf);
    let mut next_id = first_free;
    for (key, items) in ARRAYS
        .iter()
        .zip([&data.certificates, &data.ocsp_responses, &data.crls])
    {
        let mut array = store
            .get(key.as_bytes())
            .ok()
            .and_then(|a| a.as_array().ok())
            .cloned()
            .unwrap_or_default();
        let held = held_bytes(&doc, &array);
        for der in items {
            if held.contains(der) {
                continue;
            }
            let id = (next_id, 0);
            next_id += 1;
            write_stream(&mut update, id, der)?;
            array.push(Object::Reference(id));
        }
        if !array.is_empty() {
            store.set(*key, array);
        }
    }
    let store_id = (next_id, 0);
    update.object(store_id, &Object::Dictionary(store))?;
    catalog.set("DSS", Object::Reference(store_id));
    update.object(root_id, &Object::Dictionary(catalog))?;
    update.finish(carried_trailer(&doc), prev, form, next_id + 1)
}

/// The store the catalog already has (direct or by reference), or an empty one.
fn existing_store(doc: &Document, catalog: &Dictionary) -> Dictionary {
    catalog
        .get_deref(b"DSS", doc)
        .ok()
        .and_then(|d| d.as_dict().ok())
        .cloned()
        .unwrap_or_else(|| {
            let mut store = Dictionary::new();
            store.set("Type", Object::Name(b"DSS".to_vec()));
            store
        })
}

/// The decoded bytes of the streams `array` refers to.
fn held_bytes(doc: &Document, array: &[Object]) -> Vec<Vec<u8>> {
    array
        .iter()
        .filter_map(|item| doc.dereference(item).ok())
        .filter_map(|(_, object)| object.as_stream().ok())
        .filter_map(|stream| stream.get_plain_content().ok())
        .collect()
}

/// An unfiltered stream object holding `bytes`.
fn write_stream(update: &mut Update, id: ObjectId, bytes: &[u8]) -> Result<(), SignError> {
    update.begin(id);
    let mut dict = Dictionary::new();
    dict.set("Length", bytes.len() as i64);
    let out = update.bytes();
    write_object(out, &Object::Dictionary(dict))?;
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(bytes);
    out.extend_from_slice(b"\nendstream");
    update.end();
    Ok(())
}

/// What the PDF's Document Security Store holds (empty when it has none, or cannot be read):
/// what a validator reads beside the signature.
pub(crate) fn read_validation_data(pdf: &[u8]) -> ValidationData {
    let Ok(Revision { doc, root_id, .. }) = Revision::read(pdf) else {
        return ValidationData::default();
    };
    let Ok(catalog) = doc.get_dictionary(root_id) else {
        return ValidationData::default();
    };
    let store = existing_store(&doc, catalog);
    let array = |key: &str| {
        let items = store.get(key.as_bytes()).and_then(Object::as_array);
        items.map(|a| held_bytes(&doc, a)).unwrap_or_default()
    };
    ValidationData {
        certificates: array("Certs"),
        ocsp_responses: array("OCSPs"),
        crls: array("CRLs"),
    }
}

/// Whether everything after the first `end` bytes of `pdf` (where a signature's byte range
/// ends) only adds validation data: every object of the signed revision is still there and the
/// same, but the catalog, which may differ in its `/DSS` alone; the trailer names the same
/// catalog and information, and the newest cross-reference section lies after `end`. New objects
/// are then reachable through the store only, so nothing a reader shows has changed since the
/// signature.
pub(crate) fn only_validation_data_after(pdf: &[u8], end: usize) -> bool {
    let (Some(signed), Ok(now)) = (pdf.get(..end).map(Revision::read), Revision::read(pdf)) else {
        return false;
    };
    let Ok(signed) = signed else {
        return false;
    };
    if now.prev < end {
        // Bytes after the signature but no revision of their own: nothing a store update adds.
        return false;
    }
    let same_trailer = [&b"Root"[..], b"Info"]
        .iter()
        .all(|key| signed.doc.trailer.get(key).ok() == now.doc.trailer.get(key).ok());
    same_trailer
        && signed.doc.objects.iter().all(|(id, before)| {
            let Some(after) = now.doc.objects.get(id) else {
                return false;
            };
            if *id != signed.root_id {
                return after == before;
            }
            match (before.as_dict(), after.as_dict()) {
                (Ok(before), Ok(after)) => without_store(before) == without_store(after),
                _ => false,
            }
        })
}

fn without_store(catalog: &Dictionary) -> Dictionary {
    let mut catalog = catalog.clone();
    catalog.remove(b"DSS");
    catalog
}
