//! Checking what comes back to the center: a signed file, or the text of a QR code.
use super::Rastau;
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
}
