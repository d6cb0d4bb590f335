//! Real files bent out of shape, for the fuzz tests of the crates that read outside input
//! (proptest on stable Rust; no nightly, so no cargo-fuzz). A case is a seed file and a few
//! mutations of the kinds that break parsers: flipped bits, cut files, numbers at the edges
//! of their types, nesting and filter names dropped in. Built with the feature `test-support`.
//!
//! The number of cases is fixed per test, and so is the random seed, so that every run is the
//! same run; `RASTAU_FUZZ_SEED` explores other inputs and `RASTAU_FUZZ_CASES` runs more of
//! them, for a longer hunt by hand.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// The seed every run starts from unless `RASTAU_FUZZ_SEED` says otherwise.
const SEED: u64 = 0x5241_5354_4155; // "RASTAU"

/// Tokens that drive parsers to their edges.
const TOKENS: &[&[u8]] = &[
    b"18446744073709551615",
    b"4294967295",
    b"-1",
    b"0",
    b"[[[[[[[[[[[[[[[[",
    b"<<<<<<<<",
    b"((((((((",
    b"/FlateDecode",
    b"/ObjStm",
    b" 0 R",
    b" obj ",
    b"stream\n",
    b"endstream",
    b"/ByteRange [0 1 2 3]",
    b"%PDF-1.7\n",
    b"|",
    b"\xFF\xD8\xFF",
    b"\xFF\xFF\xFF\xFF",
];

/// The test runner's settings for a fuzz test of `cases` cases.
pub fn config(cases: u32) -> Config {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    Config {
        cases: env("RASTAU_FUZZ_CASES").map_or(cases, |c| c as u32),
        rng_seed: RngSeed::Fixed(env("RASTAU_FUZZ_SEED").unwrap_or(SEED)),
        // A failing input is printed, shrunk, and kept by hand under `tests/regressions/`.
        failure_persistence: None,
        max_shrink_iters: 512,
        ..Config::default()
    }
}

/// One change to a file. Positions are fractions of the length, so any change fits any file.
#[derive(Debug, Clone)]
pub enum Mutation {
    FlipBit { at: u32, bit: u8 },
    SetByte { at: u32, byte: u8 },
    Insert { at: u32, bytes: Vec<u8> },
    InsertToken { at: u32, token: usize },
    Delete { at: u32, len: u16 },
    Duplicate { at: u32, len: u16 },
    Truncate { at: u32 },
}

fn index(at: u32, len: usize) -> usize {
    (u64::from(at) * len as u64 / (u64::from(u32::MAX) + 1)) as usize
}

impl Mutation {
    /// Applies the change to `bytes`.
    pub fn apply(&self, bytes: &mut Vec<u8>) {
        let len = bytes.len();
        let i = |at: u32| index(at, len);
        let span = |at: u32, n: u16| i(at)..(i(at) + usize::from(n)).min(len);
        match self {
            Mutation::FlipBit { at, bit } if len > 0 => bytes[i(*at)] ^= 1 << (bit % 8),
            Mutation::SetByte { at, byte } if len > 0 => bytes[i(*at)] = *byte,
            Mutation::Insert { at, bytes: new } => {
                let at = i(*at);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::InsertToken { at, token } => {
                let at = i(*at);
                bytes.splice(at..at, TOKENS[token % TOKENS.len()].iter().copied());
            }
            Mutation::Delete { at, len: n } => drop(bytes.drain(span(*at, *n))),
            Mutation::Duplicate { at, len: n } => {
                let copy = bytes[span(*at, *n)].to_vec();
                let end = span(*at, *n).end;
                bytes.splice(end..end, copy);
            }
            Mutation::Truncate { at } => bytes.truncate(i(*at)),
            _ => {}
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<u32>(), any::<u8>()).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        3 => (any::<u32>(), any::<u8>()).prop_map(|(at, byte)| Mutation::SetByte { at, byte }),
        2 => (any::<u32>(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        3 => (any::<u32>(), any::<usize>())
            .prop_map(|(at, token)| Mutation::InsertToken { at, token }),
        2 => (any::<u32>(), any::<u16>()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<u32>(), 1..512u16).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => any::<u32>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// One of `seeds`, changed by one to six mutations.
pub fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let count = seeds.len();
    (0..count, proptest::collection::vec(mutation(), 1..6)).prop_map(move |(seed, changes)| {
        let mut bytes = seeds[seed].clone();
        for change in &changes {
            change.apply(&mut bytes);
        }
        bytes
    })
}

/// Bytes of any kind, up to `max` long.
pub fn arbitrary(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..max)
}

/// The files kept under `dir` (a crate's `tests/regressions/`), each with its name.
pub fn regressions(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).collect())
        .unwrap_or_default();
    files.sort_by_key(|e| e.file_name());
    files
        .into_iter()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("a regression file"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mutation_fits_any_file() {
        for mut bytes in [vec![], vec![1u8], b"%PDF-1.7 1 0 obj".to_vec()] {
            for m in [
                Mutation::FlipBit {
                    at: u32::MAX,
                    bit: 9,
                },
                Mutation::SetByte {
                    at: u32::MAX,
                    byte: 0,
                },
                Mutation::Insert {
                    at: u32::MAX,
                    bytes: vec![1],
                },
                Mutation::InsertToken {
                    at: 0,
                    token: usize::MAX,
                },
                Mutation::Delete {
                    at: u32::MAX,
                    len: u16::MAX,
                },
                Mutation::Duplicate {
                    at: u32::MAX,
                    len: 7,
                },
                Mutation::Truncate { at: u32::MAX / 2 },
            ] {
                m.apply(&mut bytes);
            }
        }
    }
}
