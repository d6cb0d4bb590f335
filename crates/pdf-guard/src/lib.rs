//! The one way Rastau loads a PDF that came from outside: a scanned file to import, a copy to
//! verify, a document to sign. lopdf 0.38 inflates object streams while it loads, allocates what
//! a file declares and recurses once per level of nesting, so a few kilobytes can make it take
//! gigabytes or overflow the stack before any caller can look. [`load`] checks the raw bytes
//! first ([`Limits`]; how in the `scan` module) and only then lets lopdf parse, on a thread of
//! its own with a deep stack, so that a panic inside lopdf comes back as an error.
//!
//! It is a crate of its own because three crates load PDFs (capture imports them, sign signs
//! them, core reads the QR text out of them) and none of them depends on another; each turns a
//! [`GuardError`] into its own coded, translated error. Once loaded, a stream's content is
//! decoded with [`decoded`] and a content stream parsed with [`content`], under the same caps.

#[cfg(any(test, feature = "test-support"))]
pub mod allocations;
mod error;
mod filters;
#[cfg(feature = "test-support")]
pub mod mutations;
mod scan;
mod syntax;
#[cfg(any(test, feature = "test-support"))]
pub mod test_files;
mod xref;

pub use error::GuardError;
pub use lopdf;

use filters::Encoding;
use lopdf::content::Content;
use lopdf::{Document, Stream};

/// What one PDF may make lopdf take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest size one stream may inflate to, at any stage of its filters.
    pub max_stream_bytes: u64,
    /// Most bytes loading may take in all: stream data copied, every stream inflated (each
    /// stage), object text parsed (once per cross-reference entry that names it).
    pub max_total_bytes: u64,
    /// Most values (numbers, names, strings, arrays, dictionaries, cross-reference entries).
    pub max_objects: u64,
    /// Deepest nesting of arrays and dictionaries.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // An A4 page at 600 dpi in RGB, inflated, is about 105 MB.
            max_stream_bytes: 256 << 20,
            max_total_bytes: 1 << 30,
            // A value is about 120 bytes in lopdf: some 120 MB at most.
            max_objects: 1_000_000,
            max_depth: 64,
        }
    }
}

/// lopdf's parser uses a frame of some kilobytes per nesting level in a debug build.
const PARSER_STACK: usize = 64 << 20;

/// The name of the thread lopdf parses on.
const PARSER_THREAD: &str = "pdf-parser";

/// Loads `bytes` with lopdf once they are known to stay within `limits`.
pub fn load(bytes: &[u8], limits: &Limits) -> Result<Document, GuardError> {
    isolated(|| {
        scan::check(bytes, limits)?;
        Document::load_mem(bytes).map_err(|e| match e {
            lopdf::Error::Decryption(_) => GuardError::Encrypted,
            other => GuardError::Unreadable {
                detail: other.to_string(),
            },
        })
    })?
}

/// The decoded content of a stream of a loaded document, refused beyond `max_bytes` at any
/// stage of its filters. Like lopdf, a stream it cannot decode gives its raw bytes.
pub fn decoded(stream: &Stream, max_bytes: u64) -> Result<Vec<u8>, GuardError> {
    let Some(encoding) = Encoding::of(&stream.dict) else {
        return Ok(stream.content.clone());
    };
    encoding.measure(&stream.content, max_bytes)?;
    let decoded = isolated(|| stream.decompressed_content())?;
    Ok(decoded.unwrap_or_else(|_| stream.content.clone()))
}

/// The operations of a page content stream (already decoded, so at most as large as the cap
/// it was decoded under), its nesting checked first.
pub fn content(bytes: &[u8], limits: &Limits) -> Result<Content, GuardError> {
    if syntax::nesting(bytes) > limits.max_depth {
        return Err(GuardError::TooComplex);
    }
    isolated(|| Content::decode(bytes))?.map_err(|e| GuardError::Unreadable {
        detail: e.to_string(),
    })
}

/// Runs `f` on a thread with a deep stack; a panic becomes [`GuardError::Unreadable`].
fn isolated<T: Send>(f: impl FnOnce() -> T + Send) -> Result<T, GuardError> {
    let failed = |detail: String| GuardError::Unreadable { detail };
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name(PARSER_THREAD.to_owned())
            .stack_size(PARSER_STACK)
            .spawn_scoped(scope, f)
            .map_err(|e| failed(e.to_string()))?
            .join()
            .map_err(|_| failed("the PDF parser failed on this file".to_owned()))
    })
}
