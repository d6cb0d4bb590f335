//! The pages of a visit between the scanner and the certified copy: scanned from the flatbed or
//! the feeder, imported from files or a watched folder, then turned, ordered, deleted (with
//! undo), rescanned and assigned to the documents listed on the consent. The strip's commands
//! are the application's (`app/pages.rs`).
pub(crate) mod frozen;
pub(crate) mod quarantine;
pub(crate) mod records;
mod request;

pub use quarantine::REFUSED_FOLDER;
pub use rastau_capture::{CancelToken, FolderWatcher, Scanner, WatchOptions};
pub use request::{list_scanners, scan, scan_one, ScanRequest, ScannerView};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Height of the previews in the page strip, pixels.
const THUMBNAIL_HEIGHT: u32 = 240;

/// Height of a page opened large, pixels: an A4 sheet at about 150 dpi, where a seal's small
/// print and a pencilled correction (rule 9.3) can be told apart.
pub(crate) const LARGE_HEIGHT: u32 = 1800;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PageSource {
    Flatbed,
    Feeder,
    File,
    Folder,
}

/// A page as the page strip shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PageView {
    #[ts(type = "number")]
    pub id: i64,
    /// The listed document (1-based) the page belongs to; `None` while unassigned.
    pub position: Option<u32>,
    /// Degrees clockwise, as the copy will show it.
    pub rotation: u16,
    pub width_px: u32,
    pub height_px: u32,
    pub dpi: u32,
    pub source: PageSource,
    /// A PNG `data:` URL of the unrotated page.
    pub thumbnail: String,
}
