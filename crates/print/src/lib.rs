//! Printing through the operating system's print queues: list the printers with their state
//! and the default, and send a PDF to one, getting the job number back.
//!
//! ```no_run
//! let cups = rastau_print::Cups::local();
//! for printer in cups.printers()? {
//!     println!("{} ready: {}", printer.name, printer.ready());
//! }
//! let job = cups.print_pdf("PDF", &std::fs::read("copy.pdf").unwrap(), "2026/000042")?;
//! println!("job {job}");
//! # Ok::<(), rastau_print::PrintError>(())
//! ```
//!
//! # Why IPP with the `ipp` crate
//! CUPS is spoken to in its own protocol, IPP, over the local socket address every CUPS
//! installation listens on (`localhost:631`):
//! - The answers are typed: `printer-state` is idle / processing / stopped,
//!   `printer-is-accepting-jobs` a boolean, the job id an integer, and failures IPP status codes
//!   (`client-error-not-found`, `server-error-not-accepting-jobs`). The `lp`/`lpstat` commands
//!   give the same facts as sentences whose wording changes between CUPS versions and languages,
//!   and `lpstat -r` even exits 0 when the scheduler is down.
//! - No program has to be installed beside the app (`cups-client`), and no C library at build
//!   time: the `printers` crate links libcups and needs its headers to build.
//! - "No print service at all" is simply a refused connection, told apart from every answer.
//!
//! The price: the `ipp` crate brings a small HTTP client (ureq, without TLS), and a CUPS
//! configured to listen on its Unix socket only is not reached (Debian's default listens on
//! both; [`Cups::at`] takes another address).
//!
//! # A stopped queue
//! CUPS takes a job into a stopped queue without complaint and keeps it there until someone
//! starts the queue. [`Cups::print_pdf`] asks for the queue's state first and refuses a
//! stopped or rejecting queue with its own error, so the clerk is never told "sent" for paper
//! that will not come.
//!
//! Every failure is a [`PrintError`] with a [`PrintError::code`]; the clerk-facing text is the
//! Fluent message `error-<code>` in `locales/{kk,ru}/print.ftl`.

mod attributes;
mod cups;
mod error;
mod printer;
mod user;

pub use cups::{Cups, LOCAL_CUPS};
pub use error::PrintError;
pub use printer::{JobId, PrinterInfo, PrinterState};
