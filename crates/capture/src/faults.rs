//! Turning how `scanimage` ended into a typed error. `scanimage` exits with the SANE status of
//! the failed call (6 jammed, 7 no documents, ...), except that failing to open the device is
//! exit 1 with a message, so both the code and the last stderr lines are looked at.

use crate::error::CaptureError;

// SANE_Status values (sane/sane.h), which scanimage uses as its exit code.
const STATUS_CANCELLED: i32 = 2;
const STATUS_DEVICE_BUSY: i32 = 3;
const STATUS_JAMMED: i32 = 6;
const STATUS_NO_DOCS: i32 = 7;
const STATUS_COVER_OPEN: i32 = 8;
const STATUS_IO_ERROR: i32 = 9;
const STATUS_ACCESS_DENIED: i32 = 11;

/// The error for a `scanimage` run that did not succeed. `exit_code` is `None` when the
/// process was killed by a signal.
pub(crate) fn classify(exit_code: Option<i32>, stderr: &str, device: &str) -> CaptureError {
    let device = device.to_owned();
    let detail = last_message(stderr);
    if let Some(open) = stderr.lines().find(|l| l.contains("open of device")) {
        // "scanimage: open of device X failed: Invalid argument" is what an unknown name and
        // an unplugged scanner both give.
        return if open.contains("busy") {
            CaptureError::DeviceBusy { device }
        } else if open.contains("denied") {
            CaptureError::AccessDenied { device }
        } else if open.contains("I/O") {
            CaptureError::Disconnected { device, detail }
        } else {
            CaptureError::DeviceNotFound { device }
        };
    }
    match exit_code {
        // Killed by us after it reported a fault and then hung (see `batch`): the message
        // says what happened.
        None => by_message(stderr, device, detail),
        Some(STATUS_JAMMED) => CaptureError::Jammed,
        Some(STATUS_NO_DOCS) => CaptureError::NoDocuments,
        Some(STATUS_COVER_OPEN) => CaptureError::CoverOpen,
        Some(STATUS_CANCELLED) => CaptureError::Cancelled,
        Some(STATUS_DEVICE_BUSY) => CaptureError::DeviceBusy { device },
        Some(STATUS_IO_ERROR) => CaptureError::Disconnected { device, detail },
        Some(STATUS_ACCESS_DENIED) => CaptureError::AccessDenied { device },
        Some(code) => CaptureError::ScannerFailed {
            exit_code: code,
            detail,
        },
    }
}

/// True when stderr shows a failed SANE call: the scan is over even if `scanimage` has not
/// exited yet.
pub(crate) fn reported_fault(stderr: &str) -> bool {
    stderr
        .lines()
        .any(|l| l.starts_with("scanimage: sane_") || l.contains("open of device"))
}

/// The fault from SANE's status text (`sane_strstatus`, English because `scanimage` runs
/// with `LC_ALL=C`).
fn by_message(stderr: &str, device: String, detail: String) -> CaptureError {
    let has = |text: &str| {
        stderr
            .lines()
            .any(|l| l.starts_with("scanimage:") && l.contains(text))
    };
    if has("Document feeder jammed") {
        CaptureError::Jammed
    } else if has("out of documents") {
        CaptureError::NoDocuments
    } else if has("cover is open") {
        CaptureError::CoverOpen
    } else if has("Operation was cancelled") {
        CaptureError::Cancelled
    } else if has("Device busy") {
        CaptureError::DeviceBusy { device }
    } else if has("Error during device I/O") {
        CaptureError::Disconnected { device, detail }
    } else if has("Access to resource has been denied") {
        CaptureError::AccessDenied { device }
    } else {
        CaptureError::ScannerFailed {
            exit_code: -1,
            detail: if detail.is_empty() {
                "terminated by a signal".to_owned()
            } else {
                detail
            },
        }
    }
}

/// The last `scanimage:` message, which names the failing call; progress chatter is skipped.
fn last_message(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("scanimage:") && !l.contains("rounded value"))
        .or_else(|| stderr.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or("")
        .trim()
        .chars()
        .take(300)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_coded::{Arg, Coded};

    #[test]
    fn maps_sane_statuses_and_open_failures() {
        let code = |exit, err| classify(exit, err, "test").code();
        assert_eq!(
            code(
                Some(1),
                "scanimage: open of device nosuch failed: Invalid argument\n"
            ),
            "capture-device-not-found"
        );
        assert_eq!(
            code(Some(1), "scanimage: open of device x failed: Device busy\n"),
            "capture-device-busy"
        );
        assert_eq!(
            code(Some(6), "scanimage: sane_read: Document feeder jammed"),
            "capture-jammed"
        );
        assert_eq!(code(Some(7), ""), "capture-no-documents");
        assert_eq!(code(Some(8), ""), "capture-cover-open");
        assert_eq!(
            code(Some(9), "scanimage: sane_read: Error during device I/O"),
            "capture-disconnected"
        );
        assert_eq!(code(Some(4), "x"), "capture-scanner-failed");
        assert_eq!(code(None, ""), "capture-scanner-failed");
        assert_eq!(
            code(
                None,
                "Scanning page 4\nscanimage: sane_read: Document feeder jammed\n"
            ),
            "capture-jammed"
        );
        assert!(reported_fault(
            "scanimage: sane_start: Document feeder out of documents"
        ));
        assert!(!reported_fault(
            "scanimage: rounded value of br-y from 298 to 297"
        ));
    }

    #[test]
    fn detail_is_the_failing_call() {
        let err = classify(
            Some(4),
            "Scanning page 1\nscanimage: sane_start: Invalid argument\nBatch terminated, 0 pages scanned\n",
            "test",
        );
        assert!(err.args().contains(&(
            "detail",
            Arg::from("scanimage: sane_start: Invalid argument")
        )));
    }
}
