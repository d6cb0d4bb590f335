//! The counter's paper: the consent form and the sealed receipt, to look at or print, and the
//! scan of the signed consent kept with the visit.
use super::printing::JobId;
use super::Rastau;
use crate::audit::{Action, Event, Record};
use crate::error::Result;
use crate::forms::{consent_pdf, receipt_pdf, ReceiptFacts};
use crate::i18n::Messages;
use crate::lang::Lang;
use crate::seal::{self, Seal, SealKind, Sealed};
use crate::visit::{self, VisitView};
use crate::{center, copy, dates, handover, refusal};
use rastau_capture::{Limits, ScanPage};

impl Rastau {
    /// Annex 1 pre-filled from the visit and dated today, in `lang` (the applicant's choice,
    /// not the screen's). For the clerk serving the visit or a supervisor.
    pub fn consent_form(&mut self, visit_id: i64, lang: Lang) -> Result<Vec<u8>> {
        let actor = self.actor()?;
        let today = dates::local_day(self.now());
        let conn = self.store.read();
        let visit = visit::view_as(conn, &actor, visit_id)?;
        consent_pdf(&center::profile(conn)?, &visit, lang, today)
    }

    /// The receipt of the visit in `lang`, its QR code holding `qr`. For the clerk serving the
    /// visit or a supervisor.
    pub fn receipt(&mut self, visit_id: i64, lang: Lang, qr: &[u8]) -> Result<Vec<u8>> {
        let actor = self.actor()?;
        let conn = self.store.read();
        let visit = visit::view_as(conn, &actor, visit_id)?;
        let facts = ReceiptFacts {
            center: &center::profile(conn)?,
            visit: &visit,
            certified: &copy::of_visit(conn, visit_id)?,
            refused: &refusal::with_notices(conn, visit_id)?,
            handed_over: &handover::records::handed_over(conn, visit_id)?,
            qr,
        };
        receipt_pdf(&facts, lang)
    }

    /// The receipt with its QR code: the center's seal over the journal number, the IIN/BIN,
    /// the day and the SHA-256s of the signed copies (in the order certified) followed by those
    /// of the signed notices of refusal (in the order signed).
    pub fn sealed_receipt(&mut self, visit_id: i64, lang: Lang) -> Result<Vec<u8>> {
        let actor = self.actor()?;
        let visit = visit::view_as(self.store.read(), &actor, visit_id)?;
        let mut hashes = copy::pdf_hashes_of_visit(self.store.read(), visit_id)?;
        hashes.extend(refusal::notice_hashes_of_visit(
            self.store.read(),
            visit_id,
        )?);
        let key = self.seal_key()?;
        let seal = Seal::issue(
            &key,
            &Sealed {
                kind: SealKind::Receipt,
                document: &visit.number_text,
                tax_id: &visit.applicant.tax_id,
                date: dates::local_day(self.now()),
                digest: seal::digest_of(&hashes),
            },
        )?;
        self.receipt(visit_id, lang, seal.to_text().as_bytes())
    }

    /// Prints the sealed receipt on the center's printer and counts the copy handed out.
    pub fn print_receipt(&mut self, visit_id: i64, lang: Lang) -> Result<JobId> {
        let pdf = self.sealed_receipt(visit_id, lang)?;
        self.print_counted(
            &pdf,
            &format!("receipt-{visit_id}-{}", lang.code()),
            Some(Record::Visit(visit_id)),
            |tx, actor, now| visit::record_receipt_print(tx, visit_id, actor.id, now),
        )
    }

    /// Keeps the signed consent scanned at the counter, straight from the scanner, as
    /// [`Rastau::attach_consent_scan`] keeps a file.
    pub fn attach_consent_page(&mut self, visit_id: i64, page: &ScanPage) -> Result<VisitView> {
        let file = rastau_capture::image_file(page)?;
        self.attach_consent_scan(visit_id, &file)
    }

    /// Keeps the scan (an image or a PDF) of the signed consent with the clerk's own open
    /// visit. The file is read under the import limits first, so a damaged file or a
    /// decompression bomb is refused before anything is stored.
    pub fn attach_consent_scan(&mut self, visit_id: i64, bytes: &[u8]) -> Result<VisitView> {
        let clerk = self.actor()?;
        visit::consent_scan_allowed(self.store.read(), &clerk, visit_id)?;
        // The name the capture errors quote, in the clerk's language.
        let name = Messages::new(clerk.language).text("forms-consent-scan-file", []);
        rastau_capture::import_bytes(bytes, &name, &Limits::default())?;
        // Files first: a crash in between leaves an orphan file, never a record without its file.
        let mut files = self.store.files().pending();
        let hash = files.put(bytes)?;
        self.audited(
            |_| {
                Event::by(&clerk, Action::ConsentScanKept)
                    .on(Record::Visit(visit_id))
                    .detail(&hash)
            },
            |tx| visit::attach_consent_scan(tx, &clerk, visit_id, &hash),
        )?;
        files.keep();
        visit::view(self.store.read(), visit_id)
    }
}
