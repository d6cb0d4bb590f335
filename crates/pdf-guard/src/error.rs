//! Why a PDF was not handed to lopdf. The crates that load PDFs turn these into their own coded
//! errors (with the file's name where they have one), which the UI words in Kazakh or Russian.

/// Why a PDF was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuardError {
    /// A stream, or all of them together, would inflate (or be copied) beyond the limits: a
    /// decompression bomb. `max_mb` is the limit that was reached.
    #[error("the PDF expands beyond {max_mb} MB")]
    Expands { max_mb: u64 },
    /// More objects, or deeper nesting, than any real document has: the parser would run out
    /// of memory or stack on it.
    #[error("the PDF is built too intricately to be read safely")]
    TooComplex,
    /// The PDF is encrypted; its streams cannot be checked before lopdf decrypts them.
    #[error("the PDF is encrypted")]
    Encrypted,
    /// lopdf could not read it (or failed on it).
    #[error("unreadable PDF: {detail}")]
    Unreadable { detail: String },
}
