//! The one road a signed document takes, whatever it is (a certified copy, a notice of
//! refusal, a day's journal, and the next signed document too): its PDF bytes signed inside
//! (PAdES) and beside (detached CAdES) by the signer, at the moment its record will carry; both
//! files stored by hash; then its record and audit entry in one transaction. Files first, the
//! record after: a crash in between leaves files no record names (the sweep takes them), never
//! a record without its file; a failed record takes its files back at once.
use crate::center;
use crate::error::Result;
use crate::i18n::Messages;
use crate::lang::Lang;
use crate::Rastau;
use chrono::{DateTime, Utc};
use rastau_sign::{PdfSignatureMeta, Signer};
use rusqlite::Transaction;

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
    fn reason(self) -> String {
        let id = match self {
            Signed::Copy => "copy-sign-reason",
            Signed::Notice => "notice-sign-reason",
            Signed::Journal => "journal-sign-reason",
        };
        Messages::new(Lang::Kk).text(id, [])
    }
}

/// The SHA-256s under which a signed PDF and its detached signature are stored.
pub(crate) struct SignedFiles {
    pub pdf_hash: String,
    pub signature_hash: String,
}

impl Rastau {
    /// Signs `pdf` as `what`, by `signer` in the name of `name` at `at`, stores both files and
    /// commits `record` (the document's record and its audit entry); answers what `record` did.
    pub(crate) fn sign_and_record<T>(
        &mut self,
        pdf: &[u8],
        what: Signed,
        signer: &dyn Signer,
        name: &str,
        at: DateTime<Utc>,
        record: impl FnOnce(&Transaction, &SignedFiles) -> Result<T>,
    ) -> Result<T> {
        let meta = PdfSignatureMeta {
            name: name.to_owned(),
            reason: what.reason(),
            location: center::profile(self.store.read())?.city_kk,
            signing_time: at,
        };
        let signed = rastau_sign::sign_pdf(pdf, signer, &meta)?;
        let signature = signer.sign_detached(&signed, at)?;
        let mut pending = self.store.files().pending();
        let files = SignedFiles {
            pdf_hash: pending.put(&signed)?,
            signature_hash: pending.put(&signature)?,
        };
        let recorded = self.store.write(|tx| record(tx, &files))?;
        pending.keep();
        Ok(recorded)
    }
}
