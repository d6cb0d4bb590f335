//! What the clerk asks of the scanner, in the words of the counter screen.
use crate::error::Result;
use rastau_capture::{ColorMode, ScanOptions, Scanner, Source};
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
