//! A copy as the shared store keeps it (its `kept_copy` view): the row read, checked before it
//! is kept here, and shown to the clerk. The lookup and the fetch that bring these rows are the
//! application's (`app/shared_copies.rs`).
use crate::error::{Error, Result};
use crate::fetched::{CenterName, Origin, SharedCopyView};
use crate::journal_number::JournalNumber;
use crate::shared_link::Link;
use crate::store::content_hash;
use chrono::{DateTime, Utc};
use postgres::Row;
use rastau_shared::SharedError;
use rastau_sign::TrustAnchors;

/// The columns of the shared store's `kept_copy`, in its order.
pub(crate) const KEPT_COPY: &str =
    "center_code, center_name, installation_code, copy_id, journal_year,
    journal_seq, title, number, issued_on, issuer, page_count, signer_name, signer_iin,
    certified_at, keep_until, pdf_sha256, p7s_sha256, applicant_tax_id, center_name_ru";

/// A row of the shared store's `kept_copy`.
pub(crate) struct Kept {
    pub(crate) center_code: String,
    pub(crate) center_name: CenterName,
    pub(crate) installation_code: String,
    pub(crate) copy_id: i64,
    pub(crate) number: JournalNumber,
    pub(crate) title: String,
    pub(crate) document_number: String,
    pub(crate) issued_on: String,
    pub(crate) issuer: String,
    pub(crate) page_count: i32,
    pub(crate) signer_name: String,
    pub(crate) signer_iin: String,
    pub(crate) certified_at: DateTime<Utc>,
    pub(crate) keep_until: DateTime<Utc>,
    pub(crate) pdf_sha256: String,
    pub(crate) p7s_sha256: String,
    pub(crate) applicant_tax_id: String,
}

impl Kept {
    pub(crate) fn read(row: &Row) -> Result<Kept> {
        let time = |column: &str| -> Result<DateTime<Utc>> {
            let text: String = row.get(column);
            parse_time(&text).ok_or_else(|| {
                Error::from(SharedError::Database {
                    detail: format!("{column}: {text}"),
                })
            })
        };
        Ok(Kept {
            center_code: row.get("center_code"),
            center_name: CenterName {
                kk: row.get("center_name"),
                ru: row.get("center_name_ru"),
            },
            installation_code: row.get("installation_code"),
            copy_id: row.get("copy_id"),
            // The installation's code always: copies of other centers must not look alike.
            number: JournalNumber::coded(
                Some(row.get("installation_code")),
                row.get("journal_year"),
                row.get::<_, i32>("journal_seq") as u32,
            ),
            title: row.get("title"),
            document_number: row.get("number"),
            issued_on: row.get("issued_on"),
            issuer: row.get("issuer"),
            page_count: row.get("page_count"),
            signer_name: row.get("signer_name"),
            signer_iin: row.get("signer_iin"),
            certified_at: time("certified_at")?,
            keep_until: time("keep_until")?,
            pdf_sha256: row.get("pdf_sha256"),
            p7s_sha256: row.get("p7s_sha256"),
            applicant_tax_id: row.get("applicant_tax_id"),
        })
    }

    pub(crate) fn view(self, link: &Link, fetched: Option<i64>) -> SharedCopyView {
        SharedCopyView {
            here: self.installation_code == link.installation,
            number_text: self.number.to_string(),
            center_code: self.center_code,
            center_name: self.center_name,
            installation_code: self.installation_code,
            copy_id: self.copy_id,
            title: self.title,
            document_number: self.document_number,
            issued_on: self.issued_on,
            issuer: self.issuer,
            page_count: self.page_count.max(0) as u32,
            signer_name: self.signer_name,
            certified_at: self.certified_at,
            keep_until: self.keep_until,
            fetched,
        }
    }

    /// The bytes are the ones recorded, and the detached and embedded signatures both hold,
    /// judged at the recorded moment of certification: the shared store vouches for it as this
    /// store does for its own copies.
    pub(crate) fn check(&self, pdf: &[u8], p7s: &[u8], anchors: &TrustAnchors) -> Result<()> {
        let number = || self.number.to_string();
        if content_hash(pdf) != self.pdf_sha256 || content_hash(p7s) != self.p7s_sha256 {
            return Err(Error::SharedCopyDamaged { number: number() });
        }
        let untrusted = || Error::SharedCopyNotTrusted {
            number: number(),
            signer: self.signer_name.clone(),
        };
        let detached = rastau_sign::verify_detached(pdf, p7s, anchors, self.certified_at)
            .map_err(|_| untrusted())?;
        let embedded =
            rastau_sign::verify_pdf(pdf, anchors, self.certified_at).map_err(|_| untrusted())?;
        if !(detached.trusted && embedded.trusted) {
            return Err(untrusted());
        }
        Ok(())
    }

    pub(crate) fn origin(&self) -> Origin<'_> {
        Origin {
            center_code: &self.center_code,
            center_name: &self.center_name,
            installation_code: &self.installation_code,
            copy_id: self.copy_id,
            number: &self.number,
            title: &self.title,
            applicant_tax_id: &self.applicant_tax_id,
            signer_name: &self.signer_name,
            signer_iin: &self.signer_iin,
            certified_at: self.certified_at,
            keep_until: self.keep_until,
            pdf_hash: &self.pdf_sha256,
            signature_hash: &self.p7s_sha256,
        }
    }
}

/// A time as the counters write them (`2026-11-23 09:00:00.123+00:00`).
fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z")
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
