//! Checking: a signed file or the text of a QR code brought back to the center, and the audit
//! trail's chain.
use super::Rastau;
use crate::audit::{self, chain, AuditFilter, AuditPage, ChainReport};
use crate::error::Result;
use crate::verify::{self, SealView, VerifyView};

impl Rastau {
    /// Checks a signed file (anyone may: no login needed, as for a file brought back).
    pub fn verify_file(&self, file: &[u8], signature: Option<&[u8]>) -> Result<VerifyView> {
        Ok(VerifyView::from(&verify::verify(
            &self.store,
            file,
            signature,
            self.now(),
        )?))
    }

    /// Checks the text read from a QR code.
    pub fn verify_qr(&self, text: &str) -> Result<SealView> {
        Ok(SealView::from(&verify::check_seal(
            self.store.read(),
            text,
            None,
        )?))
    }

    /// A page of the trail, newest first. Supervisors only.
    pub fn audit(&mut self, filter: &AuditFilter) -> Result<AuditPage> {
        self.supervisor()?;
        audit::page(self.store.read(), filter)
    }

    /// Walks the whole chain. Supervisors only (the CLI, run by whoever holds the files, walks
    /// it through [`chain::verify`] directly).
    pub fn verify_audit(&mut self) -> Result<ChainReport> {
        self.supervisor()?;
        chain::verify(self.store.read())
    }
}
