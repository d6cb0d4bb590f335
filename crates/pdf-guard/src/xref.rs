//! Where cross-reference sections send lopdf. lopdf parses the object at every offset they
//! list, once per entry: a compressed section of a million entries all naming one large object
//! makes it parse that object a million times. These are the offsets, from classic tables and
//! from cross-reference streams, so that the pre-scan can add up what parsing them costs.

/// The offsets of in-use entries of every classic `xref` table in `pdf`, as lopdf reads
/// them (`<start> <count>` lines, then `<offset> <generation> n|f` entries); `None` when a
/// section numbers objects past what an object number holds, where lopdf's own sum overflows.
pub(crate) fn table_offsets(pdf: &[u8]) -> Option<Vec<usize>> {
    let mut offsets = Vec::new();
    for found in memchr::memmem::find_iter(pdf, b"xref") {
        if found >= 5 && &pdf[found - 5..found] == b"start" {
            continue;
        }
        let mut cursor = Cursor {
            pdf,
            pos: found + 4,
        };
        if !cursor.eol() {
            continue;
        }
        while let Some(start) = cursor.section_header() {
            let mut number = start;
            while let Some((offset, in_use)) = cursor.entry() {
                if number > u32::MAX as usize {
                    return None;
                }
                number += 1;
                if in_use {
                    offsets.push(offset);
                }
            }
        }
    }
    Some(offsets)
}

/// The offsets of in-use (type 1) entries of a decoded cross-reference stream with field
/// widths `widths` and `/Index` pairs `index`, as lopdf reads them; reading ends where the
/// data does.
pub(crate) fn stream_offsets(data: &[u8], widths: [usize; 3], index: &[i64]) -> Vec<usize> {
    let entry_len: usize = widths.iter().sum();
    let mut offsets = Vec::new();
    let mut entries = data.chunks_exact(entry_len.max(1));
    for pair in index.chunks_exact(2) {
        for _ in 0..pair[1].max(0) {
            let Some(entry) = entries.next() else {
                return offsets;
            };
            let (kind, rest) = entry.split_at(widths[0]);
            let number = |bytes: &[u8]| bytes.iter().fold(0usize, |v, &b| v << 8 | usize::from(b));
            if kind.is_empty() || number(kind) == 1 {
                offsets.push(number(&rest[..widths[1]]));
            }
        }
    }
    offsets
}

struct Cursor<'a> {
    pdf: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn take(&mut self, word: &[u8]) -> bool {
        let found = self
            .pdf
            .get(self.pos..)
            .is_some_and(|r| r.starts_with(word));
        if found {
            self.pos += word.len();
        }
        found
    }

    fn eol(&mut self) -> bool {
        self.take(b"\r\n") || self.take(b"\n") || self.take(b"\r")
    }

    fn number(&mut self) -> Option<usize> {
        let rest = self.pdf.get(self.pos..)?;
        let len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let value = std::str::from_utf8(&rest[..len]).ok()?.parse().ok()?;
        self.pos += len;
        Some(value)
    }

    /// `<start> <count>` and its end of line; the start.
    fn section_header(&mut self) -> Option<usize> {
        let back = self.pos;
        let header = (|| {
            let start = self.number()?;
            (self.take(b" ") && self.number().is_some()).then_some(())?;
            self.take(b" ");
            self.eol().then_some(start)
        })();
        if header.is_none() {
            self.pos = back;
        }
        header
    }

    /// `<offset> <generation> n|f` and its two-byte end; the offset and whether it is in use.
    fn entry(&mut self) -> Option<(usize, bool)> {
        let back = self.pos;
        let entry = (|| {
            let offset = self.number()?;
            (self.take(b" ") && self.number().is_some() && self.take(b" ")).then_some(())?;
            let in_use = if self.take(b"n") {
                true
            } else if self.take(b"f") {
                false
            } else {
                return None;
            };
            (self.take(b" \r") || self.take(b" \n") || self.take(b"\r\n"))
                .then_some((offset, in_use))
        })();
        if entry.is_none() {
            self.pos = back;
        }
        entry
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_tables_give_their_in_use_offsets() {
        let pdf = b"startxref\n9\nxref\n0 3\n0000000000 65535 f\r\n0000000017 00000 n\r\n\
                    0000000081 00000 n \ntrailer\n";
        assert_eq!(table_offsets(pdf), Some(vec![17, 81]));
        let past = b"xref\n4294967295 2\n0000000017 00000 n\r\n0000000081 00000 n\r\n";
        assert_eq!(table_offsets(past), None);
    }

    #[test]
    fn stream_entries_give_their_type_1_offsets() {
        let data = [0, 0, 0, 1, 0, 17, 2, 0, 5, 1, 1, 0];
        assert_eq!(stream_offsets(&data, [1, 2, 0], &[0, 4]), vec![17, 256]);
        assert_eq!(stream_offsets(&data, [1, 2, 0], &[0, 9]), vec![17, 256]);
    }
}
