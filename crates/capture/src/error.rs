//! The one error type of the capture crate. The clerk never sees `Display` text: every variant
//! has a stable code and typed arguments ([`Coded`]), which the UI turns into Kazakh or Russian through the
//! Fluent message `error-<code>` in `locales/{kk,ru}/capture.ftl`.

use crate::page::ScanPage;
use rastau_coded::{Arg, Coded};

/// Everything that can go wrong while getting page images in.
#[derive(Debug, thiserror::Error, strum::EnumIter)]
#[non_exhaustive]
pub enum CaptureError {
    /// An external program this crate drives is not installed.
    #[error("{tool} is not installed (Debian package {package})")]
    ToolMissing {
        /// Program name, e.g. `scanimage`.
        tool: &'static str,
        /// Package that provides it, e.g. `sane-utils`.
        package: &'static str,
    },
    /// The scanner could not be opened: wrong name, switched off or unplugged.
    #[error("scanner {device} not found")]
    DeviceNotFound { device: String },
    /// Another program is using the scanner.
    #[error("scanner {device} is busy")]
    DeviceBusy { device: String },
    /// The operating system refused access to the scanner.
    #[error("access to scanner {device} denied")]
    AccessDenied { device: String },
    /// The scanner stopped answering in the middle of a scan (cable pulled, power lost).
    #[error("scanner {device} disconnected or failed: {detail}")]
    Disconnected { device: String, detail: String },
    /// Paper jam in the feeder.
    #[error("paper jammed in the scanner")]
    Jammed,
    /// The feeder is empty (or the flatbed reports no document).
    #[error("no documents in the feeder")]
    NoDocuments,
    /// The scanner lid or feeder cover is open.
    #[error("scanner cover is open")]
    CoverOpen,
    /// The scan was stopped by the clerk (or by the button on the scanner).
    #[error("scan cancelled")]
    Cancelled,
    /// No page and no answer from the scanner for [`crate::Scanner::with_stall_timeout`].
    #[error("scanner {device} stopped responding for {seconds} s")]
    Stalled { device: String, seconds: u64 },
    /// `scanimage` ended in a way none of the variants above describes.
    #[error("scanner program failed (exit code {exit_code}): {detail}")]
    ScannerFailed { exit_code: i32, detail: String },
    /// The scan options cannot be sent to a scanner (zero resolution, negative size...).
    #[error("invalid scan options: {detail}")]
    InvalidOptions { detail: String },
    /// Reading or writing a file failed.
    #[error("cannot read {file}: {detail}")]
    Io { file: String, detail: String },
    /// Not a JPEG, PNG, TIFF or PDF file, or a variant of one this crate cannot take.
    #[error("unsupported file format: {file}")]
    UnsupportedFormat { file: String },
    /// The file is larger than [`crate::Limits::max_file_bytes`].
    #[error("{file} is too large: {size_mb} MB, limit {max_mb} MB")]
    FileTooLarge {
        file: String,
        size_mb: u64,
        max_mb: u64,
    },
    /// The image declares more pixels than [`crate::Limits`] allow: a huge page or a
    /// decompression bomb. Refused before any pixel is decoded.
    #[error("{file}: image {width}x{height} exceeds {max_megapixels} megapixels")]
    ImageTooLarge {
        file: String,
        width: u64,
        height: u64,
        max_megapixels: u64,
    },
    /// The file ends before its image data does (interrupted copy or transfer).
    #[error("{file} is truncated")]
    Truncated { file: String },
    /// The file is damaged or not what its header says.
    #[error("{file} is damaged: {detail}")]
    Corrupt { file: String, detail: String },
    /// A PDF or multi-page TIFF with more pages than [`crate::Limits::max_pages`].
    #[error("{file} has {pages} pages, limit {max}")]
    TooManyPages {
        file: String,
        pages: usize,
        max: usize,
    },
    /// A PDF that cannot be opened without a password.
    #[error("{file} is password-protected")]
    Encrypted { file: String },
    /// `pdftoppm` failed to rasterise a PDF page.
    #[error("{file}: rendering page {page} failed: {detail}")]
    RenderFailed {
        file: String,
        page: u32,
        detail: String,
    },
    /// A page operation named a page that does not exist (numbers are 1-based).
    #[error("no page {number}; there are {count}")]
    NoSuchPage { number: usize, count: usize },
    /// A new page order that is not a permutation of the current pages.
    #[error("the new page order is not a permutation of {count} pages")]
    BadPageOrder { count: usize },
    /// A rotation other than 0, 90, 180 or 270 degrees.
    #[error("rotation {degrees} is not a multiple of 90 degrees")]
    BadRotation { degrees: i64 },
    /// The scan folder cannot be watched.
    #[error("cannot watch folder {folder}: {detail}")]
    WatchFailed { folder: String, detail: String },
    /// The file decodes (or decompresses) to more than the limits allow, all pages or
    /// streams together: a decompression bomb, or a document too big for one import.
    #[error("{file} expands beyond {max_mb} MB")]
    ExpandsTooFar { file: String, max_mb: u64 },
    /// A PDF with more objects or deeper nesting than any real document: reading it could
    /// exhaust memory or the stack.
    #[error("{file}: PDF built too intricately to be read safely")]
    PdfTooComplex { file: String },
}

impl Coded for CaptureError {
    fn code(&self) -> &'static str {
        match self {
            Self::ToolMissing { .. } => "capture-tool-missing",
            Self::DeviceNotFound { .. } => "capture-device-not-found",
            Self::DeviceBusy { .. } => "capture-device-busy",
            Self::AccessDenied { .. } => "capture-access-denied",
            Self::Disconnected { .. } => "capture-disconnected",
            Self::Jammed => "capture-jammed",
            Self::NoDocuments => "capture-no-documents",
            Self::CoverOpen => "capture-cover-open",
            Self::Cancelled => "capture-cancelled",
            Self::Stalled { .. } => "capture-stalled",
            Self::ScannerFailed { .. } => "capture-scanner-failed",
            Self::InvalidOptions { .. } => "capture-invalid-options",
            Self::Io { .. } => "capture-io",
            Self::UnsupportedFormat { .. } => "capture-unsupported-format",
            Self::FileTooLarge { .. } => "capture-file-too-large",
            Self::ImageTooLarge { .. } => "capture-image-too-large",
            Self::Truncated { .. } => "capture-truncated",
            Self::Corrupt { .. } => "capture-corrupt",
            Self::TooManyPages { .. } => "capture-too-many-pages",
            Self::Encrypted { .. } => "capture-encrypted",
            Self::RenderFailed { .. } => "capture-render-failed",
            Self::NoSuchPage { .. } => "capture-no-such-page",
            Self::BadPageOrder { .. } => "capture-bad-page-order",
            Self::BadRotation { .. } => "capture-bad-rotation",
            Self::WatchFailed { .. } => "capture-watch-failed",
            Self::ExpandsTooFar { .. } => "capture-expands-too-far",
            Self::PdfTooComplex { .. } => "capture-pdf-too-complex",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        fn s(v: impl Into<Arg>) -> Arg {
            v.into()
        }
        match self {
            Self::ToolMissing { tool, package } => vec![("tool", s(tool)), ("package", s(package))],
            Self::DeviceNotFound { device }
            | Self::DeviceBusy { device }
            | Self::AccessDenied { device } => vec![("device", s(device))],
            Self::Disconnected { device, detail } => {
                vec![("device", s(device)), ("detail", s(detail))]
            }
            Self::Jammed | Self::NoDocuments | Self::CoverOpen | Self::Cancelled => vec![],
            Self::ScannerFailed { exit_code, detail } => {
                vec![("exit_code", s(exit_code)), ("detail", s(detail))]
            }
            Self::Stalled { device, seconds } => {
                vec![("device", s(device)), ("seconds", s(seconds))]
            }
            Self::InvalidOptions { detail } => vec![("detail", s(detail))],
            Self::Io { file, detail } | Self::Corrupt { file, detail } => {
                vec![("file", s(file)), ("detail", s(detail))]
            }
            Self::UnsupportedFormat { file }
            | Self::Truncated { file }
            | Self::Encrypted { file } => vec![("file", s(file))],
            Self::FileTooLarge {
                file,
                size_mb,
                max_mb,
            } => vec![
                ("file", s(file)),
                ("size_mb", s(size_mb)),
                ("max_mb", s(max_mb)),
            ],
            Self::ImageTooLarge {
                file,
                width,
                height,
                max_megapixels,
            } => vec![
                ("file", s(file)),
                ("width", s(width)),
                ("height", s(height)),
                ("max_megapixels", s(max_megapixels)),
            ],
            Self::TooManyPages { file, pages, max } => {
                vec![("file", s(file)), ("pages", s(pages)), ("max", s(max))]
            }
            Self::RenderFailed { file, page, detail } => {
                vec![("file", s(file)), ("page", s(page)), ("detail", s(detail))]
            }
            Self::NoSuchPage { number, count } => {
                vec![("number", s(number)), ("count", s(count))]
            }
            Self::BadPageOrder { count } => vec![("count", s(count))],
            Self::BadRotation { degrees } => vec![("degrees", s(degrees))],
            Self::WatchFailed { folder, detail } => {
                vec![("folder", s(folder)), ("detail", s(detail))]
            }
            Self::ExpandsTooFar { file, max_mb } => {
                vec![("file", s(file)), ("max_mb", s(max_mb))]
            }
            Self::PdfTooComplex { file } => vec![("file", s(file))],
        }
    }
}

/// A batch scan that stopped on an error. The pages that arrived before the fault are kept
/// here, so nothing the clerk already scanned is lost.
#[derive(Debug, thiserror::Error)]
#[error("{error} ({} pages kept)", pages.len())]
pub struct PartialScan {
    /// Pages received before the fault, in scan order.
    pub pages: Vec<ScanPage>,
    /// What stopped the batch.
    #[source]
    pub error: CaptureError,
}

/// The file name to show the clerk: the last path component, never a whole machine path.
pub(crate) fn display_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}
