//! The check made on a file's raw bytes before lopdf may load it. lopdf 0.38 reads every object
//! the cross-reference sections name, inflates object streams and cross-reference streams
//! while it loads, copies every stream's bytes, and trusts the sizes a file declares; none of it
//! can be capped from outside. So every place lopdf could start an object (each `obj` keyword,
//! wherever it is) is read here first with [`crate::syntax`], and everything lopdf would take
//! is added up before it takes it:
//!
//! - every stream's bytes, found by its `/Length` (direct, or the largest integer any object of
//!   that number holds), and what its filters inflate to, each stream under
//!   [`Limits::max_stream_bytes`];
//! - the objects inside object streams (decoded for real once measured);
//! - the work of parsing every object a cross-reference entry sends lopdf to;
//! - all of it under [`Limits::max_total_bytes`], every value under [`Limits::max_objects`],
//!   nesting under [`Limits::max_depth`].
//!
//! Reading more than lopdf would (a value it would refuse, an `obj` inside a string) only makes
//! the sums larger.

use crate::error::GuardError;
use crate::filters::Encoding;
use crate::syntax::{self, Fault, Reader, Val};
use crate::xref;
use crate::Limits;
use lopdf::{Dictionary, Object};
use std::collections::HashMap;

/// Integers by object number: the largest, when several objects claim a number.
type Ints = HashMap<(u32, u16), i64>;

/// Refuses `file` if loading it with lopdf could go beyond `limits`.
pub(crate) fn check(file: &[u8], limits: &Limits) -> Result<(), GuardError> {
    // lopdf drops whatever precedes the header, and offsets count from it.
    let start = memchr::memmem::find(file, b"%PDF-").unwrap_or(0);
    let pdf = &file[start..];
    if names_encryption(pdf) {
        return Err(GuardError::Encrypted);
    }
    let mut tally = Tally::new(limits);
    let objects = Objects::read(pdf, limits, &mut tally)?;
    let (ints, measured) = read_object_streams(&objects, limits, &mut tally)?;
    let mut offsets = xref::table_offsets(pdf).ok_or_else(|| GuardError::Unreadable {
        detail: "a cross-reference section numbers objects past the largest number".to_owned(),
    })?;
    for (i, stream) in objects.streams.iter().enumerate() {
        let window = objects.window(stream, &ints);
        tally.bytes(window.map_or(0, |w| w.len() as u64))?;
        if stream.dict.has(b"W") {
            offsets.extend(xref_stream_offsets(stream, &objects, limits, &mut tally)?);
        }
        if !measured[i] {
            // Without a length lopdf reads no data, but a later reader may take it all.
            let data = window.unwrap_or_else(|| pdf.get(stream.data..).unwrap_or_default());
            if let Some(encoding) = Encoding::of(&stream.dict) {
                tally.bytes(encoding.measure(data, limits.max_stream_bytes)?)?;
            }
        }
    }
    for offset in offsets {
        tally.bytes(objects.parse_cost(offset, &ints))?;
    }
    Ok(())
}

/// Decodes and reads every object stream lopdf can find the data of while loading. Gives
/// the integers of all objects, those inside object streams too, and which streams were
/// measured.
fn read_object_streams(
    objects: &Objects,
    limits: &Limits,
    tally: &mut Tally,
) -> Result<(Ints, Vec<bool>), GuardError> {
    let mut ints = objects.ints.clone();
    let mut measured = vec![false; objects.streams.len()];
    for (i, stream) in objects.streams.iter().enumerate() {
        if !stream.dict.has_type(b"ObjStm") {
            continue;
        }
        // While loading, lopdf resolves lengths among top-level objects only.
        if let Some(content) = objects.decoded(stream, &objects.ints, limits, tally)? {
            read_object_stream(&content, &stream.dict, limits, tally, &mut ints)?;
            measured[i] = true;
        }
    }
    Ok((ints, measured))
}

/// Whether any name in the file is `/Encrypt` (with or without `#` escapes): lopdf decrypts
/// such a file while loading, and the plain streams cannot be measured before.
fn names_encryption(pdf: &[u8]) -> bool {
    memchr::memchr_iter(b'/', pdf).any(|at| {
        matches!(
            Reader::new(pdf, at, 0, 1).value(),
            Ok(Val::Name(name)) if name == b"Encrypt"
        )
    })
}

/// What may still be taken while loading one file.
struct Tally {
    bytes_left: u64,
    max_bytes: u64,
    values_left: u64,
}

impl Tally {
    fn new(limits: &Limits) -> Tally {
        Tally {
            bytes_left: limits.max_total_bytes,
            max_bytes: limits.max_total_bytes,
            values_left: limits.max_objects,
        }
    }

    fn bytes(&mut self, n: u64) -> Result<(), GuardError> {
        self.bytes_left = self.bytes_left.checked_sub(n).ok_or(GuardError::Expands {
            max_mb: self.max_bytes >> 20,
        })?;
        Ok(())
    }

    fn values(&mut self, n: u64) -> Result<(), GuardError> {
        self.values_left = self
            .values_left
            .checked_sub(n)
            .ok_or(GuardError::TooComplex)?;
        Ok(())
    }

    /// Reads one value at `pos` of `bytes`, charging its values and the bytes read over.
    fn read(
        &mut self,
        bytes: &[u8],
        pos: usize,
        limits: &Limits,
    ) -> Result<Option<(Val, usize)>, GuardError> {
        let mut reader = Reader::new(bytes, pos, limits.max_depth, self.values_left);
        let value = reader.value();
        self.values_left = reader.budget;
        self.bytes((reader.pos - pos) as u64)?;
        match value {
            Ok(value) => Ok(Some((value, reader.pos))),
            Err(Fault::NotAValue) => Ok(None),
            Err(Fault::TooDeep | Fault::TooMany) => Err(GuardError::TooComplex),
        }
    }
}

/// A stream object: its dictionary and where its data starts.
struct Stream {
    dict: Dictionary,
    data: usize,
}

/// Every object the file could hold, read at every `obj` keyword.
struct Objects<'a> {
    pdf: &'a [u8],
    ints: Ints,
    streams: Vec<Stream>,
    /// What lopdf parses for an object, by where its number starts.
    costs: HashMap<usize, Cost>,
}

/// An object's text, and its stream (by index) whose data lopdf copies along with it.
#[derive(Clone, Copy)]
struct Cost {
    text: usize,
    stream: Option<usize>,
}

impl<'a> Objects<'a> {
    fn read(pdf: &'a [u8], limits: &Limits, tally: &mut Tally) -> Result<Self, GuardError> {
        let mut objects = Objects {
            pdf,
            ints: HashMap::new(),
            streams: Vec::new(),
            costs: HashMap::new(),
        };
        for at in memchr::memmem::find_iter(pdf, b"obj") {
            let (header, id) = header_before(pdf, at);
            let Some((value, end)) = tally.read(pdf, at + 3, limits)? else {
                continue;
            };
            let mut cost = Cost {
                text: end - header,
                stream: None,
            };
            match (value, id) {
                (Val::Int(n), Some(id)) => note_int(&mut objects.ints, id, n),
                (Val::Dict(entries), _) => {
                    let mut after = Reader::new(pdf, end, 0, 0);
                    after.skip_space();
                    if after.keyword(b"stream") {
                        while after.keyword(b" ") || after.keyword(b"\t") {}
                        if after.eol() {
                            cost.stream = Some(objects.streams.len());
                            objects.streams.push(Stream {
                                dict: syntax::dictionary(&entries),
                                data: after.pos,
                            });
                        }
                    }
                }
                _ => {}
            }
            objects.costs.insert(header, cost);
        }
        Ok(objects)
    }

    /// The stream's data as lopdf takes it, when its length resolves to one that fits.
    fn window(&self, stream: &Stream, ints: &Ints) -> Option<&'a [u8]> {
        let length = match stream.dict.get(b"Length").ok()? {
            Object::Integer(n) => *n,
            Object::Reference(id) => *ints.get(id)?,
            _ => return None,
        };
        let end = stream.data.checked_add(usize::try_from(length).ok()?)?;
        self.pdf.get(stream.data..end)
    }

    /// The stream decoded as lopdf decodes it while loading, once its size is known to be
    /// within the limits; `None` when lopdf would find no data for it.
    fn decoded(
        &self,
        stream: &Stream,
        ints: &Ints,
        limits: &Limits,
        tally: &mut Tally,
    ) -> Result<Option<Vec<u8>>, GuardError> {
        let Some(data) = self.window(stream, ints) else {
            return Ok(None);
        };
        let Some(encoding) = Encoding::of(&stream.dict) else {
            return Ok(Some(data.to_vec()));
        };
        tally.bytes(encoding.measure(data, limits.max_stream_bytes)?)?;
        let stream = lopdf::Stream::new(stream.dict.clone(), data.to_vec());
        // lopdf keeps the raw bytes of a stream it cannot decode.
        Ok(Some(
            stream
                .decompressed_content()
                .unwrap_or_else(|_| data.to_vec()),
        ))
    }

    /// Bytes lopdf parses and copies for the object a cross-reference entry points at.
    fn parse_cost(&self, offset: usize, ints: &Ints) -> u64 {
        let mut reader = Reader::new(self.pdf, offset, 0, 0);
        reader.skip_space();
        let Some(cost) = self.costs.get(&reader.pos) else {
            return 0;
        };
        let data = cost
            .stream
            .and_then(|i| self.window(&self.streams[i], ints))
            .map_or(0, <[u8]>::len);
        (cost.text + data) as u64
    }
}

/// Where the `<number> <generation>` before an `obj` keyword starts, and the two numbers;
/// the keyword's own position and no number when they are not there.
fn header_before(pdf: &[u8], obj: usize) -> (usize, Option<(u32, u16)>) {
    let before = &pdf[..obj];
    let trimmed = |end: usize| {
        before[..end]
            .iter()
            .rposition(|&c| !syntax::is_whitespace(c))
            .map_or(0, |p| p + 1)
    };
    let number_before = |end: usize| {
        let start = before[..end]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let text = std::str::from_utf8(&before[start..end]).ok()?;
        Some((start, text.parse::<u64>().ok()?))
    };
    let parsed = (|| {
        let gen_end = trimmed(obj);
        let (gen_start, generation) = number_before(gen_end)?;
        let num_end = trimmed(gen_start);
        if num_end == gen_start {
            return None;
        }
        let (num_start, number) = number_before(num_end)?;
        let id = (u32::try_from(number).ok()?, u16::try_from(generation).ok()?);
        Some((num_start, id))
    })();
    match parsed {
        Some((start, id)) => (start, Some(id)),
        None => (obj, None),
    }
}

fn note_int(ints: &mut Ints, id: (u32, u16), n: i64) {
    let slot = ints.entry(id).or_insert(n);
    *slot = (*slot).max(n);
}

/// The objects of a decoded object stream, read as lopdf's `ObjectStream::new` reads them:
/// `/First` bytes of `<number> <offset>` pairs, each offset counted from `/First`.
fn read_object_stream(
    content: &[u8],
    dict: &Dictionary,
    limits: &Limits,
    tally: &mut Tally,
    ints: &mut Ints,
) -> Result<(), GuardError> {
    let Some(first) = dict
        .get(b"First")
        .and_then(Object::as_i64)
        .ok()
        .and_then(|f| usize::try_from(f).ok())
    else {
        return Ok(());
    };
    let Some(index) = content
        .get(..first)
        .and_then(|i| std::str::from_utf8(i).ok())
    else {
        return Ok(());
    };
    let numbers: Vec<Option<u32>> = index.split_whitespace().map(|n| n.parse().ok()).collect();
    for pair in numbers.chunks_exact(2) {
        let (Some(number), Some(offset)) = (pair[0], pair[1]) else {
            continue;
        };
        let at = first + offset as usize;
        if at >= content.len() {
            continue;
        }
        if let Some((Val::Int(n), _)) = tally.read(content, at, limits)? {
            note_int(ints, (number, 0), n);
        }
    }
    Ok(())
}

/// The entries of what may be a cross-reference stream (it has `/W`): refused when lopdf would
/// allocate a field wider than any offset or loop over more entries than the limits allow.
fn xref_stream_offsets(
    stream: &Stream,
    objects: &Objects,
    limits: &Limits,
    tally: &mut Tally,
) -> Result<Vec<usize>, GuardError> {
    let ints = |key: &[u8]| -> Option<Vec<i64>> {
        let array = stream.dict.get(key).and_then(Object::as_array).ok()?;
        array.iter().map(|v| v.as_i64().ok()).collect()
    };
    let Some(widths) = ints(b"W").filter(|w| w.len() >= 3 && w[..3].iter().all(|&v| v >= 0)) else {
        return Ok(Vec::new());
    };
    // Eight bytes hold any offset; lopdf allocates whatever width a file names.
    if widths[..3].iter().any(|&w| w > 8) {
        return Err(GuardError::TooComplex);
    }
    let widths = [widths[0] as usize, widths[1] as usize, widths[2] as usize];
    let Ok(size) = stream.dict.get(b"Size").and_then(Object::as_i64) else {
        return Ok(Vec::new());
    };
    let index = ints(b"Index").unwrap_or_else(|| vec![0, size]);
    let declared: u64 = index
        .chunks_exact(2)
        .map(|pair| pair[1].max(0) as u64)
        .fold(0, u64::saturating_add);
    let content = objects
        .decoded(stream, &objects.ints, limits, tally)?
        .unwrap_or_default();
    let entry_len: usize = widths.iter().sum();
    // Entries of no width read nothing, so lopdf makes as many as the file declares.
    let entries = match entry_len {
        0 => declared,
        len => declared.min((content.len() / len) as u64),
    };
    tally.values(entries)?;
    Ok(if entry_len == 0 {
        Vec::new()
    } else {
        xref::stream_offsets(&content, widths, &index)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_numbers_are_read_back_from_the_keyword() {
        let pdf = b"%PDF-1.7\n12 0 obj\n<<>>\nendobj\n 3  1 obj 5 endobj x obj";
        // "endobj" holds the keyword too: the second match.
        let obj = |n: usize| {
            pdf.windows(3)
                .enumerate()
                .filter(|(_, w)| *w == b"obj")
                .nth(n)
                .unwrap()
                .0
        };
        assert_eq!(header_before(pdf, obj(0)), (9, Some((12, 0))));
        assert_eq!(header_before(pdf, obj(2)), (31, Some((3, 1))));
        assert_eq!(header_before(pdf, obj(3)).1, None);
    }

    #[test]
    fn encryption_is_seen_in_escaped_names() {
        assert!(names_encryption(b"trailer << /Encr#79pt 5 0 R >>"));
        assert!(!names_encryption(b"trailer << /EncryptMetadata false >>"));
    }
}
