//! Checking: a signed file or the text of a QR code brought back to the center, and the audit
//! trail's chain.
use super::Rastau;
use crate::audit::{self, chain, AuditFilter, AuditPage, ChainReport};
use crate::error::Result;
use crate::forms::{verification_report_pdf, ReportFacts};
use crate::lang::Lang;
use crate::store::content_hash;
use crate::verify::{self, SealView, VerifyView};
use std::path::Path;

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

    /// The report of a signed file's check as a PDF in `lang` (ETSI EN 319 102-1's indication,
    /// reasons, time, revocation, seal), made by this center now; `file_name` and
    /// `signature_name` as the reader knows the files.
    pub fn verification_report(
        &self,
        file_name: &str,
        file: &[u8],
        signature: Option<(&str, &[u8])>,
        lang: Lang,
    ) -> Result<Vec<u8>> {
        let view = self.verify_file(file, signature.map(|(_, bytes)| bytes))?;
        let center = crate::center::profile(self.store.read())?;
        verification_report_pdf(
            &ReportFacts {
                center: &center,
                file_name,
                file_sha256: &content_hash(file),
                signature_name: signature.map(|(name, _)| name),
                view: &view,
                made_at: self.now(),
            },
            lang,
        )
    }

    /// Writes [`Rastau::verification_report`] of the file at `file` (and its detached
    /// signature) to the new file `path`; an existing file is never written over.
    pub fn export_verification_report(
        &self,
        file: &Path,
        signature: Option<&Path>,
        lang: Lang,
        path: &Path,
    ) -> Result<()> {
        super::journal::refuse_existing(path)?;
        let name = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let bytes = std::fs::read(file)?;
        let signed = signature.map(std::fs::read).transpose()?;
        let signature_name = signature.map(name);
        let pdf = self.verification_report(
            &name(file),
            &bytes,
            signature_name.as_deref().zip(signed.as_deref()),
            lang,
        )?;
        super::journal::write_new(path, &pdf)
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
