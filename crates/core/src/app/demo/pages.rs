//! The pages the demo "scans": small gray A4 images that look like a document (a frame, a title,
//! lines of text, a round seal) with DEMO across them, so no one takes them for a real one.
//! Encoding is what a page costs, so a few sheets are drawn once and each page is one of them
//! with its own mark in a JPEG comment: every page a file of its own, as every scan is.
use super::dice::Dice;
use crate::error::{Error, Result};
use image::codecs::jpeg::JpegEncoder;
use image::ExtendedColorType;
use rastau_capture::ScanPage;

/// Low enough to keep a week of copies small and quick to make, high enough to read the page.
const DPI: u32 = 60;
/// A4 at [`DPI`].
const WIDTH: u32 = 496;
const HEIGHT: u32 = 702;

const PAPER: u8 = 246;
const INK: u8 = 60;
const WATERMARK: u8 = 222;

/// The letters of DEMO, 5×7 dots each, one row a line.
const LETTERS: [[&str; 7]; 4] = [
    [
        "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####.",
    ],
    [
        "#####", "#....", "#....", "####.", "#....", "#....", "#####",
    ],
    [
        "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#",
    ],
    [
        ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.",
    ],
];

struct Sheet(Vec<u8>);

impl Sheet {
    fn blank() -> Sheet {
        Sheet(vec![PAPER; (WIDTH * HEIGHT) as usize])
    }

    fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, shade: u8) {
        for row in y..(y + h).min(HEIGHT) {
            let start = (row * WIDTH + x.min(WIDTH)) as usize;
            let end = (row * WIDTH + (x + w).min(WIDTH)) as usize;
            self.0[start..end].fill(shade);
        }
    }

    fn frame(&mut self, margin: u32, thickness: u32) {
        let (w, h) = (WIDTH - 2 * margin, HEIGHT - 2 * margin);
        self.fill(margin, margin, w, thickness, INK);
        self.fill(margin, margin + h - thickness, w, thickness, INK);
        self.fill(margin, margin, thickness, h, INK);
        self.fill(margin + w - thickness, margin, thickness, h, INK);
    }

    /// A ring of radius `r` around (`cx`, `cy`), as a seal's impression.
    fn ring(&mut self, cx: i64, cy: i64, r: i64, shade: u8) {
        for y in (cy - r)..=(cy + r) {
            for x in (cx - r)..=(cx + r) {
                let d2 = (x - cx).pow(2) + (y - cy).pow(2);
                let on = (d2 <= r * r && d2 >= (r - 4).pow(2)) || d2 <= (r / 3).pow(2);
                if on && (0..WIDTH as i64).contains(&x) && (0..HEIGHT as i64).contains(&y) {
                    self.0[(y as u32 * WIDTH + x as u32) as usize] = shade;
                }
            }
        }
    }

    /// DEMO in letters `dot` pixels to a dot, starting at (`x`, `y`).
    fn demo(&mut self, x: u32, y: u32, dot: u32) {
        for (i, letter) in LETTERS.iter().enumerate() {
            let left = x + i as u32 * 6 * dot;
            for (row, line) in letter.iter().enumerate() {
                for (col, c) in line.bytes().enumerate() {
                    if c == b'#' {
                        self.fill(
                            left + col as u32 * dot,
                            y + row as u32 * dot,
                            dot,
                            dot,
                            WATERMARK,
                        );
                    }
                }
            }
        }
    }

    fn jpeg(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 60)
            .encode(&self.0, WIDTH, HEIGHT, ExtendedColorType::L8)
            .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        Ok(out)
    }
}

/// How many different sheets the pages are drawn from.
const DESIGNS: usize = 5;

/// The drawn sheets, JPEG.
pub struct Paper(Vec<Vec<u8>>);

impl Paper {
    pub fn new(dice: &mut Dice) -> Result<Paper> {
        (0..DESIGNS)
            .map(|_| design(dice)?.jpeg())
            .collect::<Result<_>>()
            .map(Paper)
    }

    /// A page drawn by `dice`, carrying `mark` (a JPEG comment, after the start of image).
    pub fn page(&self, mark: &str, dice: &mut Dice) -> ScanPage {
        let design = dice.pick(&self.0);
        let comment = mark.as_bytes();
        let length = (comment.len().min(0xfff0) + 2) as u16;
        let mut bytes = Vec::with_capacity(design.len() + comment.len() + 4);
        bytes.extend_from_slice(&design[..2]);
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(&length.to_be_bytes());
        bytes.extend_from_slice(&comment[..usize::from(length) - 2]);
        bytes.extend_from_slice(&design[2..]);
        ScanPage::jpeg(bytes, WIDTH, HEIGHT, DPI)
    }
}

/// A sheet of a document, its lines laid out by `dice`.
fn design(dice: &mut Dice) -> Result<Sheet> {
    let mut sheet = Sheet::blank();
    sheet.demo(40, 250, 17);
    sheet.frame(24, 2);
    sheet.fill(WIDTH / 2 - 110, 60, 220, 12, INK);
    let mut y = 110;
    while y < HEIGHT - 170 {
        let width = dice.range(180, 400) as u32;
        sheet.fill(50, y, width, 6, INK + 40);
        y += dice.range(16, 24) as u32;
    }
    sheet.fill(60, HEIGHT - 110, 140, 2, INK);
    sheet.ring(WIDTH as i64 - 120, HEIGHT as i64 - 115, 48, 120);
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_capture::{import_bytes, Limits};

    #[test]
    fn pages_are_small_a4_jpegs_each_a_file_of_its_own() {
        let mut dice = Dice::new(3);
        let paper = Paper::new(&mut dice).unwrap();
        let pages: Vec<ScanPage> = (0..20)
            .map(|n| paper.page(&format!("DEMO {n}"), &mut dice))
            .collect();
        let hashes: std::collections::BTreeSet<_> = pages.iter().map(|p| p.sha256).collect();
        assert_eq!(hashes.len(), pages.len());
        let a = &pages[0];
        let rastau_capture::PageKind::Jpeg { bytes } = &a.kind else {
            panic!("a JPEG page");
        };
        assert!(bytes.len() < 40_000, "{} bytes", bytes.len());
        // The capture crate reads it as any scanned JPEG, and the thumbnail decodes it.
        let read = import_bytes(bytes, "page.jpg", &Limits::default()).unwrap();
        assert_eq!((read[0].width_px, read[0].height_px), (WIDTH, HEIGHT));
        assert_eq!(read[0].sha256, a.sha256);
        rastau_capture::thumbnail(a, 160).unwrap();
        let (w, h) = a.display_size_mm();
        assert!(
            (w - 210.0).abs() < 1.0 && (h - 297.0).abs() < 1.0,
            "{w}×{h} mm"
        );
    }
}
