//! Certifying a document (rule 7, stage 2): its pages with the certification sheet, sealed,
//! signed by the clerk's open key, stored and recorded.
//!
//! In three steps, so that a document of many pages does not hold the store while its copy is
//! made: [`Rastau::start_certification`] checks and gathers under the store, [`Certification::
//! sign`] reads the pages, builds the PDF and signs it with no hold on the store, and
//! [`Rastau::finish_certification`] records it, checking again that nothing it relied on
//! changed meanwhile (the pages, the visit, who is signed in). [`Rastau::certify_document`]
//! takes the three in a row.
use super::signing::{sign_and_store, SignedUnrecorded};
use super::Rastau;
use crate::account::Account;
use crate::audit::{Action, Event, Record};
use crate::center::{self, CenterProfile};
use crate::copy::{self, CopyView, Facts, NewCopy};
use crate::error::{Error, Result};
use crate::refusal;
use crate::scans::records::{self, StoredPage};
use crate::signed::Signed;
use crate::signing_key::{self, CheckedKey};
use crate::store::Files;
use crate::visit::{self, ToCertify};
use chrono::{DateTime, Utc};
use rastau_capture::ScanPage;
use rastau_sign::{SealKey, Signer};
use std::sync::Arc;

/// A certification checked and gathered, to be made and signed away from the store.
pub struct Certification {
    visit_id: i64,
    position: u32,
    clerk: Account,
    signer: Arc<dyn Signer>,
    /// The key's revocation status is asked when the copy is made, away from the store.
    key: CheckedKey,
    at: DateTime<Utc>,
    target: ToCertify,
    center: CenterProfile,
    seal_key: SealKey,
    pages: Vec<StoredPage>,
    files: Files,
}

/// A copy made and signed, its files stored, waiting for its record.
pub struct SignedCopy {
    job: Certification,
    page_hashes: Vec<String>,
    key_status: &'static str,
    signed: SignedUnrecorded,
}

impl Rastau {
    /// Certifies listed document `position` from the pages assigned to it.
    pub fn certify_document(&mut self, visit_id: i64, position: u32) -> Result<CopyView> {
        let signed = self.start_certification(visit_id, position)?.sign()?;
        self.finish_certification(signed)
    }

    /// Checks that listed document `position` can be certified now by the signed-in clerk's
    /// open key, and gathers what its copy needs.
    pub fn start_certification(&mut self, visit_id: i64, position: u32) -> Result<Certification> {
        self.pages_changeable(visit_id)?;
        let clerk = self.actor()?;
        let signer = self.session()?.signer().ok_or(Error::NoSigningKey)?;
        let at = self.now();
        // The key may have expired since it was opened, or its CA been removed from the trusted.
        let key = signing_key::check(self.store.read(), signer.as_ref(), &clerk.iin, at)?;
        let (target, pages) = self.document_to_certify(&clerk, visit_id, position)?;
        copy::ensure_whole(&target.document, position, pages.len())?;
        Ok(Certification {
            visit_id,
            position,
            signer,
            key,
            at,
            target,
            center: center::profile(self.store.read())?,
            seal_key: self.seal_key()?,
            pages,
            files: self.store.files(),
            clerk,
        })
    }

    /// Records a copy made by [`Certification::sign`], if the clerk, the visit and the pages
    /// are still as they were when it started; otherwise its files go and nothing is recorded.
    pub fn finish_certification(&mut self, made: SignedCopy) -> Result<CopyView> {
        let SignedCopy {
            job,
            page_hashes,
            key_status,
            signed,
        } = made;
        self.pages_changeable(job.visit_id)?;
        if self.actor()?.id != job.clerk.id {
            return Err(Error::NotYourVisit);
        }
        let (_, pages) = self.document_to_certify(&job.clerk, job.visit_id, job.position)?;
        if pages != job.pages {
            return Err(Error::PagesChangedWhileCertifying {
                position: job.position,
            });
        }
        let keep_until = copy::keep_until(job.at);
        let certificate = job.signer.certificate();
        let detail = format!("{} #{}", job.target.number, job.position);
        let (id, pdf_hash, signature_hash) = self.record_signed(signed, |tx, files| {
            let id = copy::insert(
                tx,
                &NewCopy {
                    visit_id: job.visit_id,
                    document_id: job.target.document_id,
                    pdf_hash: &files.pdf_hash,
                    signature_hash: &files.signature_hash,
                    page_hashes: &page_hashes,
                    signer_name: &certificate.subject_name,
                    signer_iin: &job.clerk.iin,
                    signer_serial: &certificate.serial_hex,
                    certified_at: job.at,
                    keep_until,
                    key_status,
                    timestamped_at: files.timestamped_at,
                },
            )?;
            Event::by(&job.clerk, Action::Certified)
                .on(Record::Copy(id))
                .detail(detail)
                .append(tx, job.at)?;
            Ok((id, files.pdf_hash.clone(), files.signature_hash.clone()))
        })?;
        Ok(CopyView {
            id,
            visit_id: job.visit_id,
            journal_number: job.target.number.to_string(),
            position: job.position,
            document_title: job.target.document.title,
            pdf_hash,
            signature_hash,
            page_count: page_hashes.len() as u32,
            signer_name: certificate.subject_name.clone(),
            certified_at: job.at,
            keep_until,
            kept_through: copy::kept_through(keep_until),
        })
    }

    /// The listed document and its assigned pages, if `clerk` may certify it now.
    fn document_to_certify(
        &mut self,
        clerk: &Account,
        visit_id: i64,
        position: u32,
    ) -> Result<(ToCertify, Vec<StoredPage>)> {
        let target = visit::to_certify(self.store.read(), clerk, visit_id, position)?;
        refusal::ensure_not_refused(self.store.read(), target.document_id, position)?;
        let pages = records::assigned(self.store.read(), visit_id, position)?;
        if pages.is_empty() {
            return Err(Error::NoPagesAssigned { position });
        }
        Ok((target, pages))
    }
}

impl Certification {
    /// Reads the pages, makes the copy (the pages and the certification sheet with the center's
    /// seal) and signs it (PAdES inside, CAdES beside), its files stored: the slow part, which
    /// runs without the store.
    pub fn sign(self) -> Result<SignedCopy> {
        let key = self.key.clone().in_hand(self.signer.clone(), self.at)?;
        let pages: Vec<ScanPage> = self
            .pages
            .iter()
            .map(|page| page.load(&self.files))
            .collect::<Result<_>>()?;
        let facts = Facts {
            applicant: &self.target.applicant,
            document: &self.target.document,
            clerk: &self.clerk,
            center: &self.center,
            certified_at: self.at,
            without_key_status: key.standing.without_status(),
        };
        let page_hashes: Vec<String> = pages.iter().map(ScanPage::sha256_hex).collect();
        let seal = copy::seal(
            &self.seal_key,
            &self.target.number,
            self.position,
            &facts,
            &page_hashes,
        )?;
        let sheet = copy::sheet(&facts, page_hashes.clone(), seal.to_text().into_bytes());
        let pdf = rastau_pdf::certified_copy(&copy::to_pdf_pages(&pages)?, &sheet)?;
        let signed = sign_and_store(
            self.files.clone(),
            &pdf,
            Signed::Copy,
            &key,
            &self.clerk.full_name,
            self.center.city_kk.clone(),
            self.at,
        )?;
        Ok(SignedCopy {
            job: self,
            page_hashes,
            key_status: key.standing.key_status(),
            signed,
        })
    }
}
