//! The print service: CUPS spoken to over IPP.
use crate::attributes::{printer_info, text};
use crate::error::PrintError;
use crate::printer::{JobId, PrinterInfo, PrinterState};
use crate::user::login_name;
use ipp::attribute::IppAttribute;
use ipp::model::{DelimiterTag, IppVersion, Operation, StatusCode};
use ipp::operation::builder::IppOperationBuilder;
use ipp::operation::IppOperation;
use ipp::payload::IppPayload;
use ipp::prelude::{IppClient, IppError, IppRequestResponse, Uri};
use ipp::value::IppValue;
use std::io::Cursor;
use std::time::Duration;

/// The local CUPS scheduler's address on every Linux desktop it runs on.
pub const LOCAL_CUPS: &str = "http://localhost:631";

/// A request that takes longer than this means the scheduler is hung, not busy.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What the printer settings and the print check ask of every queue.
const QUEUE_ATTRIBUTES: &[&str] = &[
    "printer-name",
    "printer-info",
    "printer-state",
    "printer-is-accepting-jobs",
];

/// A connection to one CUPS scheduler.
#[derive(Debug, Clone)]
pub struct Cups {
    server: String,
}

impl Default for Cups {
    fn default() -> Self {
        Cups::local()
    }
}

impl Cups {
    /// The scheduler on this machine.
    pub fn local() -> Cups {
        Cups::at(LOCAL_CUPS)
    }

    /// The scheduler at `server`, e.g. `http://localhost:631`.
    pub fn at(server: &str) -> Cups {
        Cups {
            server: server.trim_end_matches('/').to_owned(),
        }
    }

    /// Every queue with its state, the system default marked.
    pub fn printers(&self) -> Result<Vec<PrinterInfo>, PrintError> {
        let default = self.default_printer()?;
        let mut request = IppOperationBuilder::cups()
            .get_printers()
            .into_ipp_request();
        ask_for(&mut request, QUEUE_ATTRIBUTES);
        let response = match self.send(&self.server, request) {
            // CUPS answers "not found" when there is no queue at all.
            Err(Status(StatusCode::ClientErrorNotFound)) => return Ok(vec![]),
            other => other.map_err(|e| e.into_error(""))?,
        };
        Ok(response
            .attributes()
            .groups_of(DelimiterTag::PrinterAttributes)
            .filter_map(|group| printer_info(group, default.as_deref()))
            .collect())
    }

    /// One queue with its state.
    pub fn printer(&self, name: &str) -> Result<PrinterInfo, PrintError> {
        let uri = self.printer_uri(name)?;
        let request = IppOperationBuilder::get_printer_attributes(uri.clone())
            .attributes(QUEUE_ATTRIBUTES)
            .build()
            .map_err(|e| failed(name, e))?;
        let response = self
            .send(&uri.to_string(), request.into_ipp_request())
            .map_err(|e| e.into_error(name))?;
        let default = self.default_printer()?;
        let info = response
            .attributes()
            .groups_of(DelimiterTag::PrinterAttributes)
            .find_map(|group| printer_info(group, default.as_deref()));
        info.ok_or_else(|| PrintError::PrinterNotFound {
            printer: name.to_owned(),
        })
    }

    /// Sends a PDF to the queue `printer` under the job title `title`.
    ///
    /// The queue is checked first: CUPS takes jobs into a stopped queue without complaint, and
    /// they would wait there while the clerk believes the paper is coming.
    pub fn print_pdf(&self, printer: &str, pdf: &[u8], title: &str) -> Result<JobId, PrintError> {
        let queue = self.printer(printer)?;
        if !queue.accepting {
            return Err(PrintError::NotAccepting {
                printer: queue.name,
            });
        }
        if queue.state == PrinterState::Stopped {
            return Err(PrintError::PrinterStopped {
                printer: queue.name,
            });
        }
        let uri = self.printer_uri(printer)?;
        let job =
            IppOperationBuilder::print_job(uri.clone(), IppPayload::new(Cursor::new(pdf.to_vec())))
                .user_name(login_name())
                .job_title(title)
                .document_format("application/pdf")
                .build()
                .map_err(|e| failed(printer, e))?;
        let response = self
            .send(&uri.to_string(), job.into_ipp_request())
            .map_err(|e| e.into_error(printer))?;
        let job_id = response
            .attributes()
            .groups_of(DelimiterTag::JobAttributes)
            .find_map(|g| g.get("job-id")?.value().as_integer().copied());
        job_id
            .map(JobId)
            .ok_or_else(|| failed(printer, "no job-id in the answer"))
    }

    /// The system default queue's name, if one is set.
    fn default_printer(&self) -> Result<Option<String>, PrintError> {
        let mut request =
            IppRequestResponse::new(IppVersion::v1_1(), Operation::CupsGetDefault, None)
                .map_err(|e| failed("", e))?;
        ask_for(&mut request, &["printer-name"]);
        match self.send(&self.server, request) {
            Ok(response) => Ok(response
                .attributes()
                .groups_of(DelimiterTag::PrinterAttributes)
                .find_map(|g| text(g, "printer-name"))),
            Err(Status(StatusCode::ClientErrorNotFound)) => Ok(None),
            Err(e) => Err(e.into_error("")),
        }
    }

    /// The queue's IPP address. Names are percent-encoded: CUPS allows characters in them
    /// that a URI path does not.
    fn printer_uri(&self, name: &str) -> Result<Uri, PrintError> {
        let not_found = || PrintError::PrinterNotFound {
            printer: name.to_owned(),
        };
        if name.is_empty() {
            return Err(not_found());
        }
        let encoded: String = name
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        format!("{}/printers/{encoded}", self.server)
            .parse()
            .map_err(|_| not_found())
    }

    /// One IPP exchange, its answer's status turned into an error when it is not a success.
    fn send(&self, server: &str, request: IppRequestResponse) -> Result<IppRequestResponse, Fault> {
        let uri: Uri = server
            .parse()
            .map_err(|e| Fault::Unreachable(format!("{e}")))?;
        let client = IppClient::builder(uri)
            .request_timeout(REQUEST_TIMEOUT)
            .build();
        let response = client.send(request).map_err(Fault::from)?;
        let status = response.header().status_code();
        if status.is_success() {
            Ok(response)
        } else {
            Err(Status(status))
        }
    }
}

/// Adds `requested-attributes`, so CUPS sends only what is read.
fn ask_for(request: &mut IppRequestResponse, names: &[&str]) {
    let values = names
        .iter()
        .map(|n| IppValue::Keyword((*n).try_into().expect("attribute names are short keywords")))
        .collect();
    request.attributes_mut().add(
        DelimiterTag::OperationAttributes,
        IppAttribute::with_name("requested-attributes", IppValue::Array(values))
            .expect("a short attribute name"),
    );
}

fn failed(printer: &str, detail: impl std::fmt::Display) -> PrintError {
    PrintError::Failed {
        printer: printer.to_owned(),
        detail: detail.to_string(),
    }
}

/// How one exchange went wrong, before it is known which printer to name.
#[derive(Debug)]
enum Fault {
    /// Nothing answered: no scheduler, or not at that address.
    Unreachable(String),
    /// The scheduler answered with an IPP error status.
    Status(StatusCode),
    /// Anything else (a malformed answer, an HTTP error).
    Other(String),
}
use Fault::Status;

impl From<IppError> for Fault {
    fn from(e: IppError) -> Self {
        match e {
            IppError::IoError(e) => Fault::Unreachable(e.to_string()),
            IppError::ClientError(e) if is_transport(&e) => Fault::Unreachable(e.to_string()),
            IppError::StatusError(status) => Status(status),
            other => Fault::Other(other.to_string()),
        }
    }
}

/// Whether ureq failed before any HTTP answer came back.
fn is_transport(e: &ureq::Error) -> bool {
    use ureq::Error as E;
    matches!(
        e,
        E::Io(_) | E::ConnectionFailed | E::HostNotFound | E::Timeout(_)
    )
}

impl Fault {
    fn into_error(self, printer: &str) -> PrintError {
        let printer = printer.to_owned();
        match self {
            Fault::Unreachable(detail) => PrintError::NoPrintService { detail },
            Status(StatusCode::ClientErrorNotFound) => PrintError::PrinterNotFound { printer },
            Status(StatusCode::ServerErrorNotAcceptingJobs) => PrintError::NotAccepting { printer },
            Status(status) => PrintError::Failed {
                printer,
                detail: status.to_string(),
            },
            Fault::Other(detail) => PrintError::Failed { printer, detail },
        }
    }
}
