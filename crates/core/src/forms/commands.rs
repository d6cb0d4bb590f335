//! The forms' commands on the application object: printing the consent and the receipt.
use super::{consent_pdf, receipt_pdf, ReceiptFacts};
use crate::error::Result;
use crate::lang::Lang;
use crate::visit;
use crate::{center, copy, dates, Rastau};

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
            qr,
        };
        receipt_pdf(&facts, lang)
    }
}
