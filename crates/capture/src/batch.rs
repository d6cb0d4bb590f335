//! One `scanimage --batch` run: pages are taken as `scanimage` finishes them (it prints each
//! finished file's name with `--batch-print`), handed to the progress callback, and kept
//! whatever happens next — a jam on page 7 still returns pages 1 to 6.

use crate::error::{CaptureError, PartialScan};
use crate::faults;
use crate::page::{PageKind, ScanPage};
use crate::scanner::{spawn_error, ScanOptions, Scanner};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// How long `scanimage` gets to stop the scanner cleanly after a cancel before it is killed.
const CANCEL_GRACE: Duration = Duration::from_secs(5);

/// How long `scanimage` gets to exit by itself after it has reported a fault.
const FAULT_EXIT_GRACE: Duration = Duration::from_secs(2);

/// A cancel button: clone it into the UI, call [`CancelToken::cancel`] from any thread.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token not yet cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the running scan to stop. Pages already received are kept.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// True once [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

pub(crate) fn run(
    scanner: &Scanner,
    options: &ScanOptions,
    on_page: &mut dyn FnMut(usize, &ScanPage),
    cancel: &CancelToken,
) -> Result<Vec<ScanPage>, PartialScan> {
    let fail = |pages, error| Err(PartialScan { pages, error });
    if let Err(e) = options.validate() {
        return fail(Vec::new(), e);
    }
    if cancel.is_cancelled() {
        return fail(Vec::new(), CaptureError::Cancelled);
    }
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            let error = CaptureError::Io {
                file: String::new(),
                detail: e.to_string(),
            };
            return fail(Vec::new(), error);
        }
    };
    let pattern = dir.path().join("page-%04d.png");
    let mut child = match scanner
        .command()
        .args(options.args(&pattern.to_string_lossy()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return fail(Vec::new(), spawn_error(e)),
    };
    let stderr = Arc::new(Mutex::new(String::new()));
    let stderr_reader = collect_stderr(&mut child, Arc::clone(&stderr));
    let lines = page_lines(&mut child);

    let mut pages = Vec::new();
    let mut page_error = None;
    let mut stalled = false;
    let mut last_news = Instant::now();
    let mut fault_seen: Option<Instant> = None;
    let mut stop_sent: Option<Instant> = None;
    loop {
        match lines.recv_timeout(Duration::from_millis(50)) {
            Ok(line) => {
                last_news = Instant::now();
                let path = PathBuf::from(line.trim());
                // Anything on stdout that is not one of our files is chatter, not a page.
                if !path.starts_with(dir.path()) {
                    continue;
                }
                match take_page(&path, options, scanner) {
                    Ok(page) => {
                        pages.push(page);
                        on_page(pages.len(), &pages[pages.len() - 1]);
                    }
                    Err(e) => {
                        page_error = Some(e);
                        terminate(&mut child);
                        stop_sent = Some(Instant::now());
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if stop_sent.is_none() {
            if cancel.is_cancelled() {
                terminate(&mut child);
                stop_sent = Some(Instant::now());
            } else if last_news.elapsed() > scanner.stall_timeout {
                stalled = true;
                terminate(&mut child);
                stop_sent = Some(Instant::now());
            }
        }
        if fault_seen.is_none() && faults::reported_fault(&lock(&stderr)) {
            fault_seen = Some(Instant::now());
        }
        // Some backends (SANE's own `test` one, under load) deadlock in sane_cancel after
        // reporting a fault. The scan is over by then, so nothing is lost by killing it; the
        // fault is read from the message instead of the exit code.
        let hung_after_fault = fault_seen.is_some_and(|t| t.elapsed() > FAULT_EXIT_GRACE);
        let hung_after_stop = stop_sent.is_some_and(|t| t.elapsed() > CANCEL_GRACE);
        if hung_after_fault || hung_after_stop {
            let _ = child.kill();
        }
    }
    let status = child.wait();
    let _ = stderr_reader.join();
    let stderr = lock(&stderr).clone();
    if let Some(error) = page_error {
        return fail(pages, error);
    }
    if cancel.is_cancelled() {
        return fail(pages, CaptureError::Cancelled);
    }
    if stalled {
        let error = CaptureError::Stalled {
            device: options.device.clone(),
            seconds: scanner.stall_timeout.as_secs(),
        };
        return fail(pages, error);
    }
    let exit_code = match status {
        Ok(s) if s.success() && !faults::reported_fault(&stderr) => {
            return match pages.is_empty() {
                true => fail(pages, CaptureError::NoDocuments),
                false => Ok(pages),
            };
        }
        // Exit 0 after a fault it reported: a signal (a broken pipe, under load) cut its
        // shutdown short and its handler exits with 0. The message says what happened.
        Ok(s) if s.success() => None,
        Ok(s) => s.code(),
        Err(e) => return fail(pages, spawn_error(e)),
    };
    match faults::classify(exit_code, &stderr, &options.device) {
        // The feeder running out after some pages is how a feeder batch normally ends.
        CaptureError::NoDocuments if !pages.is_empty() => Ok(pages),
        error => fail(pages, error),
    }
}

fn lock(text: &Mutex<String>) -> std::sync::MutexGuard<'_, String> {
    // A panic while holding the lock cannot leave a String half-written; go on with it.
    text.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Reads a finished page file, decodes it under the limits, crops it to the requested size.
fn take_page(
    path: &Path,
    options: &ScanOptions,
    scanner: &Scanner,
) -> Result<ScanPage, CaptureError> {
    let file = crate::error::display_name(path);
    let bytes = std::fs::read(path).map_err(|e| CaptureError::Io {
        file: file.clone(),
        detail: e.to_string(),
    })?;
    // The page is in memory now; free the disk at once (a long ADF run adds up).
    let _ = std::fs::remove_file(path);
    let page = crate::import::scanned_png(&bytes, &file, &scanner.limits)?;
    let (want_w, want_h) = options.page_px();
    crop(page, want_w, want_h)
}

/// Cuts the 1 mm asked for beyond the page (see [`ScanOptions::args`]) back off. A page that
/// came out smaller (scanner at its maximum) is left as it is.
fn crop(page: ScanPage, want_w: u32, want_h: u32) -> Result<ScanPage, CaptureError> {
    let (w, h) = (want_w.min(page.width_px), want_h.min(page.height_px));
    if (w, h) == (page.width_px, page.height_px) {
        return Ok(page);
    }
    let PageKind::Pixels { data, channels } = &page.kind else {
        return Ok(page);
    };
    let stride = page.width_px as usize * usize::from(*channels);
    let row = w as usize * usize::from(*channels);
    let mut out = Vec::with_capacity(row * h as usize);
    for line in data.chunks_exact(stride).take(h as usize) {
        out.extend_from_slice(&line[..row]);
    }
    ScanPage::pixels(out, *channels, w, h, page.dpi)
}

/// Asks `scanimage` to stop: on SIGTERM it cancels the scan so the scanner is left idle and
/// the sheet in the feeder is ejected, where a kill could leave the device mid-page.
fn terminate(child: &mut Child) {
    #[cfg(unix)]
    {
        if let Ok(pid) = i32::try_from(child.id()) {
            // SAFETY: kill(2) with a pid we spawned and have not reaped yet.
            unsafe {
                libc::kill(pid, libc::SIGTERM);
            }
            return;
        }
    }
    let _ = child.kill();
}

/// Stderr into `sink` as it comes (the watchdog reads it live), on a thread so a full pipe
/// never blocks `scanimage`. Only the tail is kept.
fn collect_stderr(child: &mut Child, sink: Arc<Mutex<String>>) -> std::thread::JoinHandle<()> {
    let pipe = child.stderr.take();
    std::thread::spawn(move || {
        let Some(mut pipe) = pipe else { return };
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            let mut text = lock(&sink);
            text.push_str(&String::from_utf8_lossy(&buf[..n]));
            if text.len() > 128 * 1024 {
                let cut = text.len() - 64 * 1024;
                let cut = (cut..text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                text.drain(..cut);
            }
        }
    })
}

/// Stdout lines (finished page files) as a channel, so the caller can also watch the cancel
/// token while waiting for the next page.
fn page_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crop_keeps_top_left() {
        let data: Vec<u8> = (0..12).collect(); // 4x3 gray
        let page = ScanPage::pixels(data, 1, 4, 3, 300).unwrap();
        let cropped = crop(page, 3, 2).unwrap();
        assert_eq!((cropped.width_px, cropped.height_px), (3, 2));
        assert_eq!(
            cropped.kind,
            PageKind::Pixels {
                data: vec![0, 1, 2, 4, 5, 6],
                channels: 1
            }
        );
    }
}
