//! The one road a signed document takes, whatever it is (a certified copy, a notice of
//! refusal, a day's journal, and the next signed document too): its PDF bytes signed inside
//! (PAdES) and beside (detached CAdES) by the signer, at the moment its record will carry; both
//! files stored by hash; then its record and audit entry in one transaction. Files first, the
//! record after: a crash in between leaves files no record names (the sweep takes them), never
//! a record without its file; a failed record takes its files back at once. Signing holds no
//! store ([`sign_and_store`]): each document is made under the store, signed away from it (the
//! key's status and timestamps go over the network, an NCALayer key waits for its PIN) and
//! recorded under it again ([`Rastau::record_signed`]), its maker checking that nothing it
//! relied on changed meanwhile.
use super::Rastau;
use crate::error::Result;
use crate::signed::{Signed, SignedFiles};
use crate::signing_key::KeyInHand;
use crate::stamping;
use crate::store::{Files, Pending};
use chrono::{DateTime, Utc};
use rastau_sign::PdfSignatureMeta;
use rusqlite::Transaction;
use std::cell::Cell;

/// A signed document's two files, stored but named by no record yet: dropped unrecorded, it
/// takes its new files back with it.
pub(super) struct SignedUnrecorded {
    pending: Pending,
    files: SignedFiles,
}

/// Signs `pdf` as `what` with `key` in the name of `name` at `at` (in `location`), and stores
/// both files in `store`: the slow half of the road, which needs no hold on the store's records.
/// Each signature carries the center's timestamp authority's token (CAdES-T, PAdES B-T) when it
/// names one; the PDF carries the key's path and revocation status in its Document Security
/// Store (PAdES B-LT), written after its signature; the detached signature covers the whole
/// file and carries them as its certificate and revocation values.
pub(super) fn sign_and_store(
    store: Files,
    pdf: &[u8],
    what: Signed,
    key: &KeyInHand,
    name: &str,
    location: String,
    at: DateTime<Utc>,
) -> Result<SignedUnrecorded> {
    let meta = PdfSignatureMeta {
        name: name.to_owned(),
        reason: what.reason(),
        location,
        signing_time: at,
    };
    let signer = key.signer.as_ref();
    let stamper = key.standing.stamper.as_ref();
    let stamped_at = Cell::new(None);
    let finish = |cms| {
        let stamped = stamping::stamped(stamper, cms)?;
        stamped_at.set(stamped.at);
        Ok(stamped.cms_der)
    };
    let data = key.standing.validation_data();
    let signed = rastau_sign::sign_pdf_with(pdf, signer, &meta, &finish)?;
    let signed = rastau_sign::add_validation_data(&signed, &data)?;
    let signature = stamping::stamped(stamper, signer.sign_detached(&signed, at)?)?.cms_der;
    let signature = rastau_sign::add_validation_values(&signature, &data)?;
    let mut pending = store.pending();
    let files = SignedFiles {
        pdf_hash: pending.put(&signed)?,
        signature_hash: pending.put(&signature)?,
        timestamped_at: stamped_at.get(),
    };
    Ok(SignedUnrecorded { pending, files })
}

impl Rastau {
    /// Commits `record` for files signed and stored before; the files stay only if it commits.
    pub(super) fn record_signed<T>(
        &mut self,
        signed: SignedUnrecorded,
        record: impl FnOnce(&Transaction, &SignedFiles) -> Result<T>,
    ) -> Result<T> {
        let SignedUnrecorded { pending, files } = signed;
        let recorded = self.store.write(|tx| record(tx, &files))?;
        pending.keep();
        Ok(recorded)
    }
}
