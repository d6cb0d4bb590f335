//! The one error type of the print crate. The clerk never sees `Display` text: every variant
//! has a stable code and string arguments, which the UI turns into Kazakh or Russian through the
//! Fluent message `error-<code>` in `locales/{kk,ru}/print.ftl`.

/// Everything that can go wrong between a PDF and a printer.
#[derive(Debug, thiserror::Error)]
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

impl PrintError {
    /// Stable machine-readable code; the Fluent message id is `error-` + this.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoPrintService { .. } => "print-no-service",
            Self::PrinterNotFound { .. } => "print-printer-not-found",
            Self::PrinterStopped { .. } => "print-printer-stopped",
            Self::NotAccepting { .. } => "print-not-accepting",
            Self::Failed { .. } => "print-failed",
        }
    }

    /// Fluent variables of the message, by name. Every variable a message uses is here, in
    /// both languages.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NoPrintService { detail } => vec![("detail", detail.clone())],
            Self::PrinterNotFound { printer }
            | Self::PrinterStopped { printer }
            | Self::NotAccepting { printer } => vec![("printer", printer.clone())],
            Self::Failed { printer, detail } => {
                vec![("printer", printer.clone()), ("detail", detail.clone())]
            }
        }
    }

    /// Every code, for the test that checks both `.ftl` files have a message for each.
    pub const ALL_CODES: &'static [&'static str] = &[
        "print-no-service",
        "print-printer-not-found",
        "print-printer-stopped",
        "print-not-accepting",
        "print-failed",
    ];
}
