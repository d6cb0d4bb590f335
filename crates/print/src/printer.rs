//! What the clerk's printer settings show: the queues, their state, the default.
use serde::Serialize;
use ts_rs::TS;

/// The state of a print queue, as IPP reports it (`printer-state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PrinterState {
    /// Waiting for work.
    Idle,
    /// Printing a job now.
    Printing,
    /// Stopped: jobs wait in the queue until someone starts it again.
    Stopped,
}

/// One print queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrinterInfo {
    /// The queue name, the one to print on.
    pub name: String,
    /// The description the administrator gave the queue (may be empty).
    pub description: String,
    pub state: PrinterState,
    /// Whether the queue takes new jobs at all (`cupsreject` turns this off).
    pub accepting: bool,
    /// The system's default printer.
    pub is_default: bool,
}

impl PrinterInfo {
    /// Whether a job sent now will print rather than wait or be refused.
    pub fn ready(&self) -> bool {
        self.accepting && self.state != PrinterState::Stopped
    }
}

/// The print service's number for a submitted job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JobId(pub i32);

impl std::fmt::Display for JobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
