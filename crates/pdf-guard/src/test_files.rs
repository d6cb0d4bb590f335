//! Hostile PDFs for the tests of the crates that load PDFs, written byte by byte so that no
//! PDF writer smooths them out. Built with the feature `test-support`.

use std::io::Write;

/// A zlib stream of `n` zero bytes (`n` ≥ 1), written directly as fixed-Huffman codes (one
/// literal, then copies of 258 bytes at distance 1), so that even gigabytes cost no
/// compression time: about 13 bits per 258 bytes.
pub fn zeros_zlib(n: u64) -> Vec<u8> {
    let mut bits = BitWriter::default();
    bits.push(0b011, 3); // final block, fixed Huffman codes
    bits.push_code(0b0011_0000, 8); // literal 0
    let (copies, rest) = ((n - 1) / 258, (n - 1) % 258);
    let copy = |bits: &mut BitWriter| {
        bits.push_code(0b1100_0101, 8); // length 258
        bits.push_code(0, 5); // distance 1
    };
    // Eight copies are 104 bits, 13 whole bytes: from the second eight on, every eight
    // write the same bytes.
    let mut written = 0;
    if copies >= 16 {
        (0..8).for_each(|_| copy(&mut bits));
        let start = bits.out.len();
        (0..8).for_each(|_| copy(&mut bits));
        let unit = bits.out[start..].to_vec();
        let repeats = (copies - 16) / 8;
        for _ in 0..repeats {
            bits.out.extend_from_slice(&unit);
        }
        written = 16 + repeats * 8;
    }
    (written..copies).for_each(|_| copy(&mut bits));
    for _ in 0..rest {
        bits.push_code(0b0011_0000, 8);
    }
    bits.push_code(0, 7); // end of block
    let mut out = vec![0x78, 0x01];
    out.extend(bits.finish());
    // Adler-32 of n zeros: A stays 1, B adds 1 per byte.
    let b = (n % 65_521) as u32;
    out.extend_from_slice(&((b << 16) | 1).to_be_bytes());
    out
}

/// Deflate's bit order: values least significant bit first, Huffman codes most significant
/// bit first.
#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    len: u32,
}

impl BitWriter {
    fn push(&mut self, value: u64, len: u32) {
        self.acc |= value << self.len;
        self.len += len;
        while self.len >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.len -= 8;
        }
    }

    fn push_code(&mut self, code: u64, len: u32) {
        let reversed = (0..len).fold(0, |r, i| r << 1 | (code >> i & 1));
        self.push(reversed, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.len > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// `data` compressed with zlib once more.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

/// A one-page PDF (objects 1 to 3: catalog, pages, an empty page) followed by `extra`
/// objects numbered from 4, with a classic cross-reference table.
pub fn pdf_with(extra: &[Vec<u8>]) -> Vec<u8> {
    pdf_from(b"<< /Type /Catalog /Pages 2 0 R >>", extra)
}

/// [`pdf_with`], the catalog written as `catalog`.
fn pdf_from(catalog: &[u8], extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        catalog.to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_vec(),
    ];
    objects.extend(extra.iter().cloned());
    pdf(&objects)
}

/// A PDF of `objects` numbered from 1 (the first is the catalog), with a classic
/// cross-reference table.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    let size = objects.len() + 1;
    pdf.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f\r\n").as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// A stream object with `dict` entries and `data`, its `/Length` given directly.
pub fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut object = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    object.extend_from_slice(data);
    object.extend_from_slice(b"\nendstream");
    object
}

/// The attacker's file: an object stream compressed twice, `inflated` bytes inside. lopdf
/// inflates object streams while loading, before anyone can look.
pub fn object_stream_bomb(inflated: u64) -> Vec<u8> {
    let data = zlib(&zeros_zlib(inflated));
    pdf_with(&[stream(
        "/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]",
        &data,
    )])
}

/// A file whose cross-reference stream is compressed twice, `inflated` bytes inside: lopdf
/// inflates it first of all, to find the objects.
pub fn xref_stream_bomb(inflated: u64) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let xref = pdf.len();
    pdf.extend_from_slice(b"1 0 obj\n");
    pdf.extend_from_slice(&stream(
        "/Type /XRef /Size 2 /W [1 4 2] /Filter [/FlateDecode /FlateDecode]",
        &zlib(&zeros_zlib(inflated)),
    ));
    pdf.extend_from_slice(format!("\nendobj\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    pdf
}

/// A catalog holding arrays nested `depth` deep: lopdf's parser recurses once per level.
pub fn deeply_nested(depth: usize) -> Vec<u8> {
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    pdf_from(
        format!("<< /Type /Catalog /Pages 2 0 R /X {nested} >>").as_bytes(),
        &[],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn zeros_zlib_inflates_to_exactly_that_many_zeros() {
        for n in [1, 258, 259, 5000, 100_000] {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&zeros_zlib(n)[..])
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out.len() as u64, n);
            assert!(out.iter().all(|&b| b == 0));
        }
    }
}
