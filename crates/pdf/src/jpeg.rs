//! Just enough of the JPEG format to embed a file unchanged: its pixel size, component count
//! and whether an Adobe APP14 marker says CMYK data is stored inverted.

use crate::PdfError;

/// What the PDF image dictionary needs to know about a JPEG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JpegInfo {
    pub width: u32,
    pub height: u32,
    pub components: u8,
    pub adobe: bool,
}

pub(crate) fn parse(data: &[u8]) -> Result<JpegInfo, PdfError> {
    let bad = |m: &str| PdfError::InvalidJpeg(m.to_string());
    if data.len() < 4 || data[0] != 0xFF || data[1] != 0xD8 {
        return Err(bad("missing SOI marker"));
    }
    let mut pos = 2;
    let mut adobe = false;
    loop {
        // Markers may be preceded by any number of 0xFF fill bytes.
        while pos < data.len() && data[pos] == 0xFF {
            pos += 1;
        }
        let marker = *data.get(pos).ok_or_else(|| bad("no frame header"))?;
        pos += 1;
        if marker == 0xD8 || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue; // markers without a length field
        }
        let len = u16::from_be_bytes([
            *data.get(pos).ok_or_else(|| bad("truncated"))?,
            *data.get(pos + 1).ok_or_else(|| bad("truncated"))?,
        ]) as usize;
        let seg = data
            .get(pos + 2..pos + len)
            .filter(|_| len >= 2)
            .ok_or_else(|| bad("truncated segment"))?;
        match marker {
            0xEE if seg.starts_with(b"Adobe") => adobe = true,
            // Baseline, extended sequential and progressive Huffman: what PDF readers decode.
            0xC0..=0xC2 => {
                if seg.len() < 6 {
                    return Err(bad("short frame header"));
                }
                if seg[0] != 8 {
                    return Err(bad("only 8-bit samples are supported"));
                }
                let height = u16::from_be_bytes([seg[1], seg[2]]) as u32;
                let width = u16::from_be_bytes([seg[3], seg[4]]) as u32;
                let components = seg[5];
                if width == 0 || height == 0 {
                    return Err(bad("zero width or height"));
                }
                if !matches!(components, 1 | 3 | 4) {
                    return Err(bad("unsupported number of colour components"));
                }
                return Ok(JpegInfo {
                    width,
                    height,
                    components,
                    adobe,
                });
            }
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err(bad("lossless, hierarchical or arithmetic-coded JPEG"));
            }
            0xDA | 0xD9 => return Err(bad("no frame header before scan data")),
            _ => {}
        }
        pos += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_size_of_a_real_jpeg() {
        let img = image::RgbImage::from_pixel(37, 21, image::Rgb([200, 10, 10]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut out)
            .encode_image(&img)
            .unwrap();
        let info = parse(&out).unwrap();
        assert_eq!((info.width, info.height, info.components), (37, 21, 3));
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse(b"\x89PNG\r\n").is_err());
        assert!(parse(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]).is_err());
        assert!(parse(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x40]).is_err());
    }
}
