//! What a signed document is (a certified copy, a notice of refusal, a day's journal): the
//! reason its signature states, and the SHA-256s its signed PDF and detached signature are
//! stored under. The road it takes to be signed is the application's
//! (`app/signing.rs`).
use crate::i18n::Messages;
use crate::lang::Lang;

/// What is signed: the reason the signature states.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Signed {
    Copy,
    Notice,
    Journal,
}

impl Signed {
    /// The signature's reason, in Kazakh like the location (the signature dictionary has room
    /// for one language).
    pub(crate) fn reason(self) -> String {
        let id = match self {
            Signed::Copy => "copy-sign-reason",
            Signed::Notice => "notice-sign-reason",
            Signed::Journal => "journal-sign-reason",
        };
        Messages::new(Lang::Kk).text(id, [])
    }
}

/// The SHA-256s under which a signed PDF and its detached signature are stored, and the time
/// the center's timestamp authority vouched for the PDF's signature (none without a token).
pub(crate) struct SignedFiles {
    pub pdf_hash: String,
    pub signature_hash: String,
    pub timestamped_at: Option<chrono::DateTime<chrono::Utc>>,
}
