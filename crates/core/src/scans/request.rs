//! What the clerk asks of the scanner, in the words of the counter screen.
use super::PageSource;
use crate::error::{Error, Result};
use rastau_capture::{CancelToken, ColorMode, ScanOptions, ScanPage, Scanner, Source};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScanRequest {
    /// SANE device name, from [`list_scanners`].
    pub device: String,
    /// The automatic feeder (until it is empty) rather than one page from the glass.
    pub feeder: bool,
    /// Scan in color; gray otherwise (smaller, enough for most documents).
    pub color: bool,
    /// The listed document the pages go to, if the clerk chose one.
    pub position: Option<u32>,
}

impl ScanRequest {
    /// Where the pages it brings say they came from.
    pub fn source(&self) -> PageSource {
        match self.feeder {
            true => PageSource::Feeder,
            false => PageSource::Flatbed,
        }
    }

    /// A4 at 300 dpi, the resolution the certification sheet assumes for paper size.
    pub fn options(&self) -> ScanOptions {
        ScanOptions {
            source: if self.feeder {
                Source::Adf
            } else {
                Source::Flatbed
            },
            mode: if self.color {
                ColorMode::Color
            } else {
                ColorMode::Gray
            },
            ..ScanOptions::a4(self.device.clone())
        }
    }
}

/// A scanner to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScannerView {
    /// SANE device name, passed back in [`ScanRequest::device`].
    pub device: String,
    /// Vendor and model, as the clerk knows the machine.
    pub label: String,
}

/// The scanners SANE sees now (a USB scanner plugged in later appears on the next call).
pub fn list_scanners() -> Result<Vec<ScannerView>> {
    Ok(Scanner::new()
        .list_devices()?
        .into_iter()
        .map(|d| ScannerView {
            label: format!("{} {}", d.vendor, d.model).trim().to_owned(),
            device: d.name,
        })
        .collect())
}

/// Scans as `request` asks, handing each page to `keep` as it arrives (the counter stores it at
/// once, so a jam on page 7 keeps pages 1–6). Stops at the first fault, or when `cancel` fires.
/// A page that `keep` refuses stops the scanner too, and that refusal is the error told: the
/// scanner's own "cancelled" that follows it says nothing the clerk can act on.
pub fn scan<E: From<Error>>(
    scanner: &Scanner,
    request: &ScanRequest,
    mut keep: impl FnMut(usize, &ScanPage) -> std::result::Result<(), E>,
    cancel: &CancelToken,
) -> std::result::Result<usize, E> {
    let mut kept = Ok(0);
    let scanned = scanner.scan_batch(
        &request.options(),
        |n, page| {
            if kept.is_ok() {
                kept = keep(n, page).map(|()| n);
                if kept.is_err() {
                    cancel.cancel();
                }
            }
        },
        cancel,
    );
    let count = kept?;
    match scanned {
        Ok(_) => Ok(count),
        Err(partial) => Err(Error::from(partial.error).into()),
    }
}

/// One sheet from the glass, to replace a page that came out badly.
pub fn scan_one(request: &ScanRequest) -> Result<ScanPage> {
    let glass = ScanRequest {
        feeder: false,
        ..request.clone()
    };
    Ok(Scanner::new().scan_page(&glass.options())?)
}
