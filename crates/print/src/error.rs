//! The one error type of the print crate. The clerk never sees `Display` text: every variant
//! has a stable code and typed arguments (`Coded`), which the UI turns into Kazakh or Russian through the
//! Fluent message `error-<code>` in `locales/{kk,ru}/print.ftl`.

use rastau_coded::{Arg, Coded};

/// Everything that can go wrong between a PDF and a printer.
#[derive(Debug, thiserror::Error, strum::EnumIter)]
#[non_exhaustive]
pub enum PrintError {
    /// The print service (CUPS) is not running or cannot be reached.
    #[error("the print service is not reachable: {detail}")]
    NoPrintService { detail: String },
    /// No print queue has this name (removed, renamed, or never added).
    #[error("printer {printer} not found")]
    PrinterNotFound { printer: String },
    /// The queue is stopped (`cupsdisable`, or stopped by a printer fault): a job sent now
    /// would wait in the queue and never come out.
    #[error("printer {printer} is stopped")]
    PrinterStopped { printer: String },
    /// The queue refuses new jobs (`cupsreject`).
    #[error("printer {printer} is not accepting jobs")]
    NotAccepting { printer: String },
    /// The print service answered in a way none of the variants above describes.
    #[error("printing on {printer} failed: {detail}")]
    Failed { printer: String, detail: String },
}

impl Coded for PrintError {
    fn code(&self) -> &'static str {
        match self {
            Self::NoPrintService { .. } => "print-no-service",
            Self::PrinterNotFound { .. } => "print-printer-not-found",
            Self::PrinterStopped { .. } => "print-printer-stopped",
            Self::NotAccepting { .. } => "print-not-accepting",
            Self::Failed { .. } => "print-failed",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::NoPrintService { detail } => vec![("detail", detail.into())],
            Self::PrinterNotFound { printer }
            | Self::PrinterStopped { printer }
            | Self::NotAccepting { printer } => vec![("printer", printer.into())],
            Self::Failed { printer, detail } => {
                vec![("printer", printer.into()), ("detail", detail.into())]
            }
        }
    }
}
