//! Stream filters as lopdf applies them (`Stream::decompressed_content`): FlateDecode,
//! LZWDecode and ASCII85Decode in the order the dictionary lists them, each Flate or LZW stage
//! followed by the PNG predictor of `/DecodeParms`; lopdf stops at the first filter it does not
//! know, after the stages before it have run. Here the same chain is run with a cap on every
//! stage's output, counting bytes instead of keeping them, so measuring a bomb costs no memory.

use crate::error::GuardError;
use lopdf::{Dictionary, Object};
use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// One decoding stage lopdf knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Flate,
    Lzw { early_change: bool },
    Ascii85,
}

/// How lopdf will decode a stream, read from its dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Encoding {
    stages: Vec<Stage>,
    /// The PNG predictor `/DecodeParms` asks for, if any.
    predictor: Option<Predictor>,
}

/// lopdf's predictor parameters, widened so that no value can overflow here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Predictor {
    bytes_per_pixel: u128,
    pixels_per_row: u128,
}

impl Predictor {
    /// lopdf allocates a buffer of this size before reading any row.
    fn row(self) -> u128 {
        self.bytes_per_pixel * self.pixels_per_row
    }

    /// lopdf's predictor over `data`; a row it cannot read ends all decoding, as in lopdf.
    /// Only called once the row is known to fit the cap, so both values fit in usize.
    fn apply(self, data: &[u8]) -> Vec<u8> {
        let size = |v: u128| usize::try_from(v).unwrap_or(usize::MAX);
        lopdf::filters::png::decode_frame(
            data,
            size(self.bytes_per_pixel),
            size(self.pixels_per_row),
        )
        .unwrap_or_default()
    }
}

impl Encoding {
    /// The encoding of a stream with this dictionary; `None` when lopdf would decode nothing.
    pub(crate) fn of(dict: &Dictionary) -> Option<Encoding> {
        let stream = lopdf::Stream::new(dict.clone(), Vec::new());
        let names = stream.filters().ok()?;
        let params = dict.get(b"DecodeParms").and_then(Object::as_dict).ok();
        let int = |key: &[u8]| params.and_then(|p| p.get(key).and_then(Object::as_i64).ok());
        let early_change = int(b"EarlyChange").is_none_or(|v| v != 0);
        let stages: Vec<Stage> = names
            .iter()
            .map_while(|name| match *name {
                b"FlateDecode" => Some(Stage::Flate),
                b"LZWDecode" => Some(Stage::Lzw { early_change }),
                b"ASCII85Decode" => Some(Stage::Ascii85),
                _ => None,
            })
            .collect();
        if stages.is_empty() {
            return None;
        }
        let predictor = params
            .is_some_and(|_| (10..=15).contains(&int(b"Predictor").unwrap_or(1)))
            .then(|| {
                let colors = int(b"Colors").unwrap_or(1).max(1) as u128;
                let bits = int(b"BitsPerComponent").unwrap_or(8).max(8) as u128;
                Predictor {
                    bytes_per_pixel: colors * bits / 8,
                    pixels_per_row: int(b"Columns").unwrap_or(1).max(1) as u128,
                }
            });
        Some(Encoding { stages, predictor })
    }

    /// Bytes all stages together produce from `data` (what lopdf allocates while decoding
    /// it), refused when any one stage would produce more than `cap`.
    pub(crate) fn measure(&self, data: &[u8], cap: u64) -> Result<u64, GuardError> {
        let expands = || GuardError::Expands { max_mb: cap >> 20 };
        if let Some(predictor) = self.predictor {
            if predictor.row() > u128::from(cap) {
                return Err(GuardError::TooComplex);
            }
            if self.stages.len() > 1 {
                // A predicted stage feeds the next one: only the real bytes tell what follows.
                return self.measure_stage_by_stage(data, cap);
            }
        }
        let counters: Vec<Rc<Cell<u64>>> = self.stages.iter().map(|_| Rc::default()).collect();
        let mut reader: Box<dyn Read + '_> = Box::new(data);
        for (stage, counter) in self.stages.iter().zip(&counters) {
            reader = Box::new(Capped {
                inner: stage.reader(reader),
                count: Rc::clone(counter),
                cap,
            });
        }
        drain(reader);
        let counts: Vec<u64> = counters.iter().map(|c| c.get()).collect();
        if counts.iter().any(|&c| c > cap) {
            return Err(expands());
        }
        Ok(counts.iter().sum())
    }

    fn measure_stage_by_stage(&self, data: &[u8], cap: u64) -> Result<u64, GuardError> {
        let mut total = 0;
        let mut input = data.to_vec();
        for stage in &self.stages {
            let mut output = Vec::new();
            let capped = Capped {
                inner: stage.reader(Box::new(&input[..])),
                count: Rc::default(),
                cap,
            };
            // A decoding error ends the stage with what it produced, as in lopdf.
            let _ = capped.take(cap + 1).read_to_end(&mut output);
            if output.len() as u64 > cap {
                return Err(GuardError::Expands { max_mb: cap >> 20 });
            }
            total += output.len() as u64;
            if let (Stage::Flate | Stage::Lzw { .. }, Some(predictor)) = (stage, self.predictor) {
                output = predictor.apply(&output);
            }
            input = output;
        }
        Ok(total)
    }
}

impl Stage {
    fn reader<'a>(self, inner: Box<dyn Read + 'a>) -> Box<dyn Read + 'a> {
        match self {
            Stage::Flate => Box::new(flate2::read::ZlibDecoder::new(inner)),
            Stage::Lzw { early_change } => Box::new(Lzw::new(inner, early_change)),
            Stage::Ascii85 => Box::new(Ascii85::new(inner)),
        }
    }
}

/// Reads `reader` to its end or its first error, keeping nothing.
fn drain(mut reader: impl Read) {
    let mut buf = [0u8; 16 * 1024];
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            return;
        }
    }
}

/// Passes bytes through, counting them; fails once more than `cap` went by.
struct Capped<R> {
    inner: R,
    count: Rc<Cell<u64>>,
    cap: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.count.get() > self.cap {
            return Err(io::Error::other("stage output over the cap"));
        }
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// LZW as lopdf decodes it (weezl, MSB first, 8-bit symbols), as a reader.
struct Lzw<'a> {
    inner: Box<dyn Read + 'a>,
    decoder: weezl::decode::Decoder,
    input: Vec<u8>,
    at: usize,
    done: bool,
}

impl<'a> Lzw<'a> {
    fn new(inner: Box<dyn Read + 'a>, early_change: bool) -> Self {
        let order = weezl::BitOrder::Msb;
        let decoder = if early_change {
            weezl::decode::Decoder::with_tiff_size_switch(order, 8)
        } else {
            weezl::decode::Decoder::new(order, 8)
        };
        Lzw {
            inner,
            decoder,
            input: vec![0; 16 * 1024],
            at: 0,
            done: false,
        }
    }

    /// Refills the input when it is used up; false at the end of the input.
    fn fill(&mut self) -> bool {
        if self.at < self.input.len() {
            return true;
        }
        self.input.resize(16 * 1024, 0);
        match self.inner.read(&mut self.input) {
            Ok(n) if n > 0 => {
                self.input.truncate(n);
                self.at = 0;
                true
            }
            _ => false,
        }
    }
}

impl Read for Lzw<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while !self.done && !buf.is_empty() {
            let more = self.fill();
            let input = if more {
                &self.input[self.at..]
            } else {
                &[][..]
            };
            let result = self.decoder.decode_bytes(input, buf);
            self.at += result.consumed_in;
            match result.status {
                Ok(weezl::LzwStatus::Ok) if result.consumed_out > 0 => {
                    return Ok(result.consumed_out)
                }
                Ok(weezl::LzwStatus::Ok) => {}
                Ok(weezl::LzwStatus::NoProgress) if more => {}
                // End marker, end of input or a bad code: lopdf keeps what came before.
                _ => {
                    self.done = true;
                    return Ok(result.consumed_out);
                }
            }
        }
        Ok(0)
    }
}

/// ASCII85 as lopdf decodes it: whitespace skipped, `z` for four zero bytes, the first byte
/// outside `!`..`u` ends the data, a last partial group is padded.
struct Ascii85<'a> {
    inner: io::Bytes<io::BufReader<Box<dyn Read + 'a>>>,
    out: Vec<u8>,
    group: u32,
    count: usize,
    done: bool,
}

impl<'a> Ascii85<'a> {
    fn new(inner: Box<dyn Read + 'a>) -> Self {
        Ascii85 {
            inner: io::BufReader::new(inner).bytes(),
            out: Vec::new(),
            group: 0,
            count: 0,
            done: false,
        }
    }

    /// Decodes input until some output is ready or the data ends.
    fn step(&mut self) {
        while self.out.is_empty() && !self.done {
            let Some(Ok(c)) = self.inner.next() else {
                return self.finish();
            };
            match c {
                b'z' if self.count == 0 => self.out.extend_from_slice(&[0; 4]),
                c if c.is_ascii_whitespace() => {}
                b'!'..=b'u' => {
                    self.group = self
                        .group
                        .wrapping_mul(85)
                        .wrapping_add(u32::from(c - b'!'));
                    self.count += 1;
                    if self.count == 5 {
                        self.out.extend_from_slice(&self.group.to_be_bytes());
                        (self.group, self.count) = (0, 0);
                    }
                }
                _ => self.finish(),
            }
        }
    }

    fn finish(&mut self) {
        self.done = true;
        if self.count > 0 {
            for _ in self.count..5 {
                self.group = self.group.wrapping_mul(85).wrapping_add(84);
            }
            self.out
                .extend_from_slice(&self.group.to_be_bytes()[..self.count - 1]);
            self.count = 0;
        }
    }
}

impl Read for Ascii85<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.step();
        let n = self.out.len().min(buf.len());
        buf[..n].copy_from_slice(&self.out[..n]);
        self.out.drain(..n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn lopdf_len(dict: &Dictionary, data: &[u8]) -> usize {
        lopdf::Stream::new(dict.clone(), data.to_vec())
            .decompressed_content()
            .map_or(0, |d| d.len())
    }

    #[test]
    fn the_last_stage_counts_the_bytes_lopdf_ends_with() {
        let text = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET ".repeat(100);
        let ascii85 = b"87cURD]i,\"Ebo80~>";
        let dict = |filter: Object| dictionary! { "Filter" => filter };
        let cases: Vec<(Dictionary, Vec<u8>)> = vec![
            (dict("FlateDecode".into()), zlib(&text)),
            (
                dict(vec!["FlateDecode".into(), "FlateDecode".into()].into()),
                zlib(&zlib(&text)),
            ),
            (dict("ASCII85Decode".into()), ascii85.to_vec()),
        ];
        for (d, data) in cases {
            let encoding = Encoding::of(&d).unwrap();
            let total = encoding.measure(&data, 1 << 20).unwrap();
            let last = lopdf_len(&d, &data) as u64;
            assert!(total >= last, "{total} < {last}");
        }
        let d = dict("ASCII85Decode".into());
        // "Hello World!"
        assert_eq!(Encoding::of(&d).unwrap().measure(ascii85, 1 << 20), Ok(12));
    }

    #[test]
    fn a_stage_over_the_cap_is_refused_and_unknown_filters_decode_nothing() {
        let d = dictionary! { "Filter" => vec!["FlateDecode".into(), "FlateDecode".into()] };
        let bomb = zlib(&zlib(&vec![0; 8 << 20]));
        let err = Encoding::of(&d)
            .unwrap()
            .measure(&bomb, 1 << 20)
            .unwrap_err();
        assert_eq!(err, GuardError::Expands { max_mb: 1 });
        assert!(Encoding::of(&dictionary! { "Filter" => "DCTDecode" }).is_none());
        assert!(Encoding::of(&dictionary! {}).is_none());
    }

    #[test]
    fn a_predictor_row_larger_than_the_cap_is_refused() {
        let d = dictionary! {
            "Filter" => "FlateDecode",
            "DecodeParms" => dictionary! { "Predictor" => 12, "Columns" => i64::MAX, "Colors" => i64::MAX },
        };
        let err = Encoding::of(&d).unwrap().measure(&zlib(b"x"), 1 << 20);
        assert_eq!(err, Err(GuardError::TooComplex));
    }
}
