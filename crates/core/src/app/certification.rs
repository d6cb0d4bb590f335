//! Certifying a document (rule 7, stage 2): its pages with the certification sheet, sealed,
//! signed by the clerk's open key, stored and recorded.
use super::Rastau;
use crate::audit::{Action, Event, Record};
use crate::center;
use crate::copy::{self, CopyView, Facts, NewCopy};
use crate::error::{Error, Result};
use crate::refusal;
use crate::scans::records;
use crate::signed::Signed;
use crate::signing_key;
use crate::visit;
use rastau_capture::ScanPage;

impl Rastau {
    /// Certifies listed document `position` from the pages assigned to it.
    pub fn certify_document(&mut self, visit_id: i64, position: u32) -> Result<CopyView> {
        self.pages_changeable(visit_id)?;
        let pages =
            records::for_document(self.store().read(), &self.store.files(), visit_id, position)?;
        if pages.is_empty() {
            return Err(Error::NoPagesAssigned { position });
        }
        self.certify_pages(visit_id, position, &pages)
    }

    /// Certifies document `position` of a visit from `pages`, the ones the store keeps for it
    /// ([`Rastau::certify_document`] is the way in): the PDF with its certification sheet,
    /// signed (PAdES inside, CAdES beside), stored and recorded.
    fn certify_pages(
        &mut self,
        visit_id: i64,
        position: u32,
        pages: &[ScanPage],
    ) -> Result<CopyView> {
        let clerk = self.actor()?;
        let signer = self.session()?.signer().ok_or(Error::NoSigningKey)?;
        let now = self.now();
        // The key may have expired since it was opened, or its CA been removed from the trusted.
        signing_key::check(self.store.read(), signer.as_ref(), &clerk.iin, now)?;
        let target = visit::to_certify(self.store.read(), &clerk, visit_id, position)?;
        refusal::ensure_not_refused(self.store.read(), target.document_id, position)?;
        copy::ensure_whole(&target.document, position, pages.len())?;
        let center = center::profile(self.store.read())?;
        let facts = Facts {
            applicant: &target.applicant,
            document: &target.document,
            clerk: &clerk,
            center: &center,
            certified_at: now,
        };
        let page_hashes: Vec<String> = pages.iter().map(ScanPage::sha256_hex).collect();
        let seal_key = self.seal_key()?;
        let seal = copy::seal(&seal_key, target.number, position, &facts, &page_hashes)?;
        let sheet = copy::sheet(&facts, page_hashes.clone(), seal.to_text().into_bytes());
        let pdf = rastau_pdf::certified_copy(&copy::to_pdf_pages(pages)?, &sheet)?;
        let keep_until = copy::keep_until(now);
        let detail = format!("{} #{position}", target.number);
        let certificate = signer.certificate();
        let name = clerk.full_name.clone();
        let (id, pdf_hash, signature_hash) = self.sign_and_record(
            &pdf,
            Signed::Copy,
            signer.as_ref(),
            &name,
            now,
            |tx, files| {
                let id = copy::insert(
                    tx,
                    &NewCopy {
                        visit_id,
                        document_id: target.document_id,
                        pdf_hash: &files.pdf_hash,
                        signature_hash: &files.signature_hash,
                        page_hashes: &page_hashes,
                        signer_name: &certificate.subject_name,
                        signer_iin: &clerk.iin,
                        signer_serial: &certificate.serial_hex,
                        certified_at: now,
                        keep_until,
                    },
                )?;
                Event::by(&clerk, Action::Certified)
                    .on(Record::Copy(id))
                    .detail(detail)
                    .append(tx, now)?;
                Ok((id, files.pdf_hash.clone(), files.signature_hash.clone()))
            },
        )?;
        Ok(CopyView {
            id,
            visit_id,
            journal_number: target.number.to_string(),
            position,
            document_title: target.document.title,
            pdf_hash,
            signature_hash,
            page_count: page_hashes.len() as u32,
            signer_name: signer.certificate().subject_name.clone(),
            certified_at: now,
            keep_until,
            kept_through: copy::kept_through(keep_until),
        })
    }
}
