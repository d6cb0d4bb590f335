//! Just enough PDF syntax to see, before lopdf does, what lopdf will build from a file. Every
//! value lopdf's parser accepts is read here with the same extent; some it refuses are read too,
//! which can only make the counts larger. Reading is bounded: nesting by a depth limit (lopdf
//! recurses once per level and overflows the stack on a few hundred), and the number of values
//! by a budget shared by the whole file.

use lopdf::{Dictionary, Object};

/// A value, kept only as far as the checks need it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Int(i64),
    Name(Vec<u8>),
    Ref(u32, u16),
    Array(Vec<Val>),
    /// Entries in file order; like lopdf, the last of two equal keys wins.
    Dict(Vec<(Vec<u8>, Val)>),
    /// Reals, strings, booleans, null.
    Other,
}

/// Why no value could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Not a value lopdf would read: nothing is allocated for it.
    NotAValue,
    /// Nested deeper than the limit.
    TooDeep,
    /// The file's budget of values is used up.
    TooMany,
}

/// Reads values from `bytes` at `pos`.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pub(crate) pos: usize,
    max_depth: usize,
    /// Values that may still be read, in this reader and any later one given the rest.
    pub(crate) budget: u64,
}

pub(crate) fn is_whitespace(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !is_delimiter(c)
}

fn hex(c: u8) -> Option<u8> {
    char::from(c).to_digit(16).map(|d| d as u8)
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8], pos: usize, max_depth: usize, budget: u64) -> Self {
        Reader {
            bytes,
            pos,
            max_depth,
            budget,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    /// Takes `word` if the bytes at the position start with it.
    pub(crate) fn keyword(&mut self, word: &[u8]) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Whitespace and comments.
    pub(crate) fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if is_whitespace(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\r' && c != b'\n') {
                    self.pos += 1;
                }
            } else {
                return;
            }
        }
    }

    /// The end of line after the `stream` keyword, as lopdf takes it.
    pub(crate) fn eol(&mut self) -> bool {
        self.keyword(b"\r\n") || self.keyword(b"\n") || self.keyword(b"\r")
    }

    /// One value at the position (space before it skipped).
    pub(crate) fn value(&mut self) -> Result<Val, Fault> {
        self.value_at(0)
    }

    fn value_at(&mut self, depth: usize) -> Result<Val, Fault> {
        if depth > self.max_depth {
            return Err(Fault::TooDeep);
        }
        self.budget = self.budget.checked_sub(1).ok_or(Fault::TooMany)?;
        self.skip_space();
        let c = self.peek().ok_or(Fault::NotAValue)?;
        match c {
            b'/' => Ok(Val::Name(self.name())),
            b'(' => self.literal_string(),
            b'<' if self.rest().starts_with(b"<<") => self.dict(depth),
            b'<' => self.hex_string(),
            b'[' => self.array(depth),
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number_or_ref(),
            _ if [&b"true"[..], b"false", b"null"]
                .iter()
                .any(|w| self.keyword(w)) =>
            {
                Ok(Val::Other)
            }
            _ => Err(Fault::NotAValue),
        }
    }

    /// A name after its `/`, `#xx` escapes decoded; a `#` without two hex digits ends it.
    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut name = Vec::new();
        while let Some(c) = self.peek() {
            let escaped = (c == b'#')
                .then(|| {
                    Some(
                        hex(*self.bytes.get(self.pos + 1)?)? << 4
                            | hex(*self.bytes.get(self.pos + 2)?)?,
                    )
                })
                .flatten();
            match escaped {
                Some(byte) => {
                    name.push(byte);
                    self.pos += 3;
                }
                None if c != b'#' && is_regular(c) => {
                    name.push(c);
                    self.pos += 1;
                }
                None => break,
            }
        }
        name
    }

    fn literal_string(&mut self) -> Result<Val, Fault> {
        self.pos += 1;
        let mut open = 1usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'(' => open += 1,
                b')' => {
                    open -= 1;
                    if open == 0 {
                        return Ok(Val::Other);
                    }
                }
                _ => {}
            }
        }
        Err(Fault::NotAValue)
    }

    fn hex_string(&mut self) -> Result<Val, Fault> {
        let end = self.rest().iter().position(|&c| c == b'>');
        self.pos += end.ok_or(Fault::NotAValue)? + 1;
        Ok(Val::Other)
    }

    fn array(&mut self, depth: usize) -> Result<Val, Fault> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if self.keyword(b"]") {
                return Ok(Val::Array(items));
            }
            items.push(self.value_at(depth + 1)?);
        }
    }

    fn dict(&mut self, depth: usize) -> Result<Val, Fault> {
        self.pos += 2;
        let mut entries = Vec::new();
        loop {
            self.skip_space();
            if self.keyword(b">>") {
                return Ok(Val::Dict(entries));
            }
            if self.peek() != Some(b'/') {
                return Err(Fault::NotAValue);
            }
            let key = self.name();
            entries.push((key, self.value_at(depth + 1)?));
        }
    }

    /// Digits, optionally signed or with a point; a plain one followed by another and `R` is
    /// a reference, as lopdf tries that first.
    fn number_or_ref(&mut self) -> Result<Val, Fault> {
        let start = self.pos;
        let signed = self.keyword(b"+") || self.keyword(b"-");
        let digits = self.digits();
        let point = self.keyword(b".");
        let decimals = if point { self.digits() } else { 0 };
        if digits + decimals == 0 {
            return Err(Fault::NotAValue);
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default();
        let Some(number) = (!point).then(|| text.parse::<i64>().ok()).flatten() else {
            return Ok(Val::Other);
        };
        if !signed {
            if let Some(reference) = self.reference_after(number) {
                return Ok(reference);
            }
        }
        Ok(Val::Int(number))
    }

    fn digits(&mut self) -> usize {
        let count = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.pos += count;
        count
    }

    /// `<generation> R` after an object number, taken only when both fit lopdf's types.
    fn reference_after(&mut self, number: i64) -> Option<Val> {
        let back = self.pos;
        self.skip_space();
        let start = self.pos;
        let generation = (self.digits() > 0)
            .then(|| {
                std::str::from_utf8(&self.bytes[start..self.pos])
                    .ok()?
                    .parse::<u16>()
                    .ok()
            })
            .flatten();
        self.skip_space();
        match (u32::try_from(number).ok(), generation, self.keyword(b"R")) {
            (Some(id), Some(generation), true) => Some(Val::Ref(id, generation)),
            _ => {
                self.pos = back;
                None
            }
        }
    }
}

/// The deepest nesting of arrays and dictionaries in `bytes`, strings and comments skipped.
/// Binary data (an inline image) may count as nesting too: never less than there is.
pub(crate) fn nesting(bytes: &[u8]) -> usize {
    let mut reader = Reader::new(bytes, 0, 0, 0);
    let (mut depth, mut deepest) = (0usize, 0usize);
    while let Some(c) = reader.peek() {
        if reader.keyword(b"<<") {
            depth += 1;
        } else if reader.keyword(b">>") {
            depth = depth.saturating_sub(1);
        } else {
            match c {
                b'(' if reader.literal_string().is_err() => break,
                b'<' if reader.hex_string().is_err() => break,
                b'(' | b'<' => {}
                b'%' => reader.skip_space(),
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if matches!(c, b'[' | b']') || !b"(<%".contains(&c) {
                reader.pos += 1;
            }
        }
        deepest = deepest.max(depth);
    }
    deepest
}

impl Val {
    /// The same value as a lopdf object, to ask lopdf's own code what it makes of it.
    pub(crate) fn to_lopdf(&self) -> Object {
        match self {
            Val::Int(i) => Object::Integer(*i),
            Val::Name(n) => Object::Name(n.clone()),
            Val::Ref(id, generation) => Object::Reference((*id, *generation)),
            Val::Array(items) => Object::Array(items.iter().map(Val::to_lopdf).collect()),
            Val::Dict(entries) => Object::Dictionary(dictionary(entries)),
            Val::Other => Object::Null,
        }
    }
}

/// Entries as the lopdf dictionary it would build.
pub(crate) fn dictionary(entries: &[(Vec<u8>, Val)]) -> Dictionary {
    let mut dict = Dictionary::new();
    for (key, value) in entries {
        dict.set(key.clone(), value.to_lopdf());
    }
    dict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8]) -> Result<Val, Fault> {
        Reader::new(text, 0, 8, 1000).value()
    }

    #[test]
    fn values_are_read_as_lopdf_reads_them() {
        assert_eq!(read(b"12 0 R"), Ok(Val::Ref(12, 0)));
        assert_eq!(read(b"12 0 obj"), Ok(Val::Int(12)));
        assert_eq!(
            read(b"/Flate#44ecode"),
            Ok(Val::Name(b"FlateDecode".to_vec()))
        );
        assert_eq!(read(b"/A#zz"), Ok(Val::Name(b"A".to_vec())));
        assert_eq!(
            read(b"<< /Length 5 %c\n /F [/A 1.5 (x\\)y) <00>] >>"),
            Ok(Val::Dict(vec![
                (b"Length".to_vec(), Val::Int(5)),
                (
                    b"F".to_vec(),
                    Val::Array(vec![
                        Val::Name(b"A".to_vec()),
                        Val::Other,
                        Val::Other,
                        Val::Other
                    ])
                ),
            ]))
        );
        assert_eq!(read(b"99999999999999999999"), Ok(Val::Other));
        assert_eq!(read(b"endobj"), Err(Fault::NotAValue));
        assert_eq!(read(b"<< /A 1"), Err(Fault::NotAValue));
    }

    #[test]
    fn nesting_and_counts_are_bounded() {
        assert_eq!(read(&[b'['; 20]), Err(Fault::TooDeep));
        let many = format!("[{}]", "0 ".repeat(2000));
        assert_eq!(read(many.as_bytes()), Err(Fault::TooMany));
    }

    #[test]
    fn nesting_skips_strings_and_comments() {
        assert_eq!(nesting(b"q [1 [2]] << /A << /B (]]]) >> >> % [[[[\n Q"), 2);
        assert_eq!(nesting(b"[[[ (unclosed"), 3);
        assert_eq!(nesting(b"> < ) ] >>"), 0);
    }

    #[test]
    fn the_last_of_two_equal_keys_wins() {
        let Ok(Val::Dict(entries)) = read(b"<< /Filter /DCTDecode /Filter /FlateDecode >>") else {
            panic!()
        };
        let dict = dictionary(&entries);
        assert_eq!(
            dict.get(b"Filter").unwrap().as_name().unwrap(),
            b"FlateDecode"
        );
    }
}
