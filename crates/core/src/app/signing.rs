//! The one road a signed document takes, whatever it is (a certified copy, a notice of
//! refusal, a day's journal, and the next signed document too): its PDF bytes signed inside
//! (PAdES) and beside (detached CAdES) by the signer, at the moment its record will carry; both
//! files stored by hash; then its record and audit entry in one transaction. Files first, the
//! record after: a crash in between leaves files no record names (the sweep takes them), never
//! a record without its file; a failed record takes its files back at once.
use super::Rastau;
use crate::center;
use crate::error::Result;
use crate::signed::{Signed, SignedFiles};
use chrono::{DateTime, Utc};
use rastau_sign::{PdfSignatureMeta, Signer};
use rusqlite::Transaction;

impl Rastau {
    /// Signs `pdf` as `what`, by `signer` in the name of `name` at `at`, stores both files and
    /// commits `record` (the document's record and its audit entry); answers what `record` did.
    pub(super) fn sign_and_record<T>(
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
