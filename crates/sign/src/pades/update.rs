//! An incremental update: new versions of objects appended after the original bytes, with a
//! cross-reference section that points back to the previous one. The original bytes stay
//! untouched, so earlier signatures stay valid.
use super::syntax::write_object;
use crate::error::SignError;
use lopdf::{Dictionary, Object, ObjectId};

/// The cross-reference form of the original file; the update keeps it, because some readers
/// refuse a classic table that points back to a cross-reference stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XrefForm {
    Table,
    Stream,
}

pub(crate) struct Update {
    out: Vec<u8>,
    offsets: Vec<(ObjectId, usize)>,
}

impl Update {
    pub(crate) fn new(original: &[u8]) -> Update {
        let mut out = original.to_vec();
        if !matches!(out.last(), Some(b'\n' | b'\r')) {
            out.push(b'\n');
        }
        Update {
            out,
            offsets: Vec::new(),
        }
    }

    /// The bytes written so far, for writing an object by hand and noting positions in it.
    pub(crate) fn bytes(&mut self) -> &mut Vec<u8> {
        &mut self.out
    }

    pub(crate) fn begin(&mut self, id: ObjectId) {
        self.offsets.push((id, self.out.len()));
        self.out
            .extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
    }

    pub(crate) fn end(&mut self) {
        self.out.extend_from_slice(b"\nendobj\n");
    }

    pub(crate) fn object(&mut self, id: ObjectId, object: &Object) -> Result<(), SignError> {
        self.begin(id);
        write_object(&mut self.out, object)?;
        self.end();
        Ok(())
    }

    /// Writes the cross-reference section and the trailer. `trailer` holds what carries over
    /// from the previous trailer (Root, Info, ID); `xref_id` is the object number for a
    /// cross-reference stream, unused for a table.
    pub(crate) fn finish(
        mut self,
        mut trailer: Dictionary,
        prev: usize,
        form: XrefForm,
        xref_id: u32,
    ) -> Result<Vec<u8>, SignError> {
        let xref_offset = self.out.len();
        if form == XrefForm::Stream {
            self.offsets.push(((xref_id, 0), xref_offset));
        }
        self.offsets.sort_by_key(|((id, _), _)| *id);
        let size = self.offsets.last().map_or(0, |((id, _), _)| id + 1);
        let size = size.max(trailer.get(b"Size").and_then(Object::as_i64).unwrap_or(0) as u32);
        trailer.set("Size", i64::from(size));
        trailer.set("Prev", prev as i64);
        match form {
            XrefForm::Table => self.write_table(trailer)?,
            XrefForm::Stream => self.write_stream(trailer, xref_id)?,
        }
        self.out
            .extend_from_slice(format!("startxref\n{xref_offset}\n%%EOF\n").as_bytes());
        Ok(self.out)
    }

    /// Runs of consecutive object numbers, each a subsection of the cross-reference section.
    fn runs(&self) -> Vec<&[(ObjectId, usize)]> {
        self.offsets.chunk_by(|a, b| b.0 .0 == a.0 .0 + 1).collect()
    }

    fn write_table(&mut self, trailer: Dictionary) -> Result<(), SignError> {
        let mut text = String::from("xref\n");
        for run in self.runs() {
            text.push_str(&format!("{} {}\n", run[0].0 .0, run.len()));
            for ((_, generation), offset) in run {
                // Exactly 20 bytes per entry, as the format requires.
                text.push_str(&format!("{offset:010} {generation:05} n\r\n"));
            }
        }
        text.push_str("trailer\n");
        self.out.extend_from_slice(text.as_bytes());
        write_object(&mut self.out, &Object::Dictionary(trailer))?;
        self.out.push(b'\n');
        Ok(())
    }

    fn write_stream(&mut self, mut dict: Dictionary, xref_id: u32) -> Result<(), SignError> {
        let mut index = Vec::new();
        let mut data = Vec::new();
        for run in self.runs() {
            index.push(Object::Integer(i64::from(run[0].0 .0)));
            index.push(Object::Integer(run.len() as i64));
            for ((_, generation), offset) in run {
                let offset = u32::try_from(*offset)
                    .map_err(|_| SignError::malformed("PDF larger than 4 GB"))?;
                data.push(1);
                data.extend_from_slice(&offset.to_be_bytes());
                data.extend_from_slice(&(*generation).to_be_bytes());
            }
        }
        dict.set("Type", Object::Name(b"XRef".to_vec()));
        dict.set("W", vec![1.into(), 4.into(), 2.into()]);
        dict.set("Index", index);
        dict.set("Length", data.len() as i64);
        self.out
            .extend_from_slice(format!("{xref_id} 0 obj\n").as_bytes());
        write_object(&mut self.out, &Object::Dictionary(dict))?;
        self.out.extend_from_slice(b"\nstream\n");
        self.out.extend_from_slice(&data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
        Ok(())
    }
}
