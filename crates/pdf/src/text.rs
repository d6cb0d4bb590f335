//! Text styles and line breaking.
//!
//! Line breaking is greedy at spaces, with explicit `\n` honoured and words longer than the
//! box broken between characters. There is no shaping or hyphenation: Kazakh and Russian
//! Cyrillic and Latin need neither, and a smaller model is easier to trust on a legal form.

use crate::fonts::FontWeight;

/// Horizontal alignment of text inside its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left (default).
    #[default]
    Left,
    /// Centered.
    Center,
    /// Flush right.
    Right,
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Regular or bold face.
    pub weight: FontWeight,
    /// Font size in points.
    pub size: f32,
    /// Alignment inside the box.
    pub align: Align,
    /// Distance between baselines as a multiple of `size`.
    pub line_height: f32,
    /// Fill gray level, 0 = black, 1 = white.
    pub gray: f32,
}

impl Default for TextStyle {
    fn default() -> Self {
        TextStyle {
            weight: FontWeight::Regular,
            size: 10.0,
            align: Align::Left,
            line_height: 1.3,
            gray: 0.0,
        }
    }
}

impl TextStyle {
    /// Regular text of `size` points.
    pub fn regular(size: f32) -> Self {
        TextStyle {
            size,
            ..Default::default()
        }
    }

    /// Bold text of `size` points.
    pub fn bold(size: f32) -> Self {
        TextStyle {
            weight: FontWeight::Bold,
            size,
            ..Default::default()
        }
    }

    /// The same style with another alignment.
    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    /// The same style with another gray level.
    pub fn gray(mut self, gray: f32) -> Self {
        self.gray = gray;
        self
    }

    /// Distance between two baselines, in points.
    pub fn leading(&self) -> f32 {
        self.size * self.line_height
    }

    /// Width of `text` on one line, in points.
    pub fn measure(&self, text: &str) -> f32 {
        self.weight.measure(text, self.size)
    }

    /// Lines of `text` wrapped to `width` points.
    pub fn wrap(&self, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            wrap_paragraph(self, para, width, &mut lines);
        }
        lines
    }

    /// Height of `text` wrapped to `width`: lines × leading.
    pub fn height(&self, text: &str, width: f32) -> f32 {
        self.wrap(text, width).len() as f32 * self.leading()
    }
}

fn wrap_paragraph(style: &TextStyle, para: &str, width: f32, out: &mut Vec<String>) {
    let space = style.measure(" ");
    let mut line = String::new();
    let mut line_w = 0.0;
    for word in para.split(' ').filter(|w| !w.is_empty()) {
        let word_w = style.measure(word);
        if line.is_empty() {
            // fall through to placing the word below
        } else if line_w + space + word_w <= width {
            line.push(' ');
            line.push_str(word);
            line_w += space + word_w;
            continue;
        } else {
            out.push(std::mem::take(&mut line));
        }
        if word_w <= width {
            line.push_str(word);
            line_w = word_w;
        } else {
            // A word wider than the box (a hash, a long number): break it between characters.
            line_w = 0.0;
            for c in word.chars() {
                let cw = style.measure(c.encode_utf8(&mut [0; 4]));
                if !line.is_empty() && line_w + cw > width {
                    out.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
    }
    out.push(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_empty_paragraphs() {
        let s = TextStyle::regular(10.0);
        let lines = s.wrap("Электрондық көшірме растау\n\nбіз", 80.0);
        assert!(lines.len() >= 4, "{lines:?}");
        assert!(lines.iter().all(|l| s.measure(l) <= 80.0));
        assert!(lines.contains(&String::new()));
        assert_eq!(lines.last().unwrap(), "біз");
    }

    #[test]
    fn breaks_overlong_words() {
        let s = TextStyle::regular(10.0);
        let hash = "a".repeat(64);
        let lines = s.wrap(&hash, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), hash);
    }
}
