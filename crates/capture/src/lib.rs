//! Getting page images into Rastau: scanners through SANE's `scanimage` (flatbed and feeder,
//! with progress, cancellation and typed faults that never lose pages already scanned),
//! imported JPEG/PNG/TIFF/PDF files (JPEG bytes kept untouched for the certified copy, every
//! declared size checked before decoding), cheap page operations, thumbnails, and a
//! scan-to-folder watcher.
//!
//! Every failure is a [`CaptureError`] with a [`CaptureError::code`]; the clerk-facing text is
//! the Fluent message `error-<code>` in `locales/{kk,ru}/capture.ftl`.

mod batch;
mod error;
mod faults;
mod image_file;
mod import;
mod limits;
mod page;
mod pages;
mod scanner;
#[cfg(feature = "test-pages")]
pub mod test_pages;
#[cfg(feature = "test-pages")]
pub mod test_sane;
mod thumbnail;
mod watch;

pub use batch::CancelToken;
pub use error::{CaptureError, PartialScan};
pub use image_file::image_file;
pub use import::{import_bytes, import_file, sniff, FileKind, DEFAULT_DPI};
pub use limits::Limits;
pub use page::{PageKind, Rotation, ScanPage};
pub use pages::Pages;
pub use scanner::{ColorMode, Device, ScanOptions, Scanner, Source};
pub use thumbnail::{thumbnail, Thumbnail, THUMBNAIL_HEIGHT};
pub use watch::{is_scan_file, FolderWatcher, WatchOptions};
