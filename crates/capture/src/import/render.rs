//! Rasterising PDF pages with poppler's `pdftoppm`, for pages that are not a single JPEG. Run
//! as a separate process with a time limit, so a hostile PDF can stall or crash only that
//! process, never the app.

use super::png;
use crate::error::CaptureError;
use crate::limits::Limits;
use crate::page::ScanPage;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Resolution pages are rendered at: the certified copy's standard.
pub(crate) const RENDER_DPI: u32 = 300;

/// How long one page may take before `pdftoppm` is killed.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Renders page `number` (1-based) of the PDF at `pdf` to an RGB page of exactly `size_px`
/// (as shown, /Rotate applied). The size is given because `pdftoppm` rounds up on its own
/// (A4 would come out 2481 px wide); the caller rounds to nearest, as scanned pages are.
pub(crate) fn render_page(
    pdf: &Path,
    number: u32,
    size_px: (u32, u32),
    file: &str,
    limits: &Limits,
) -> Result<ScanPage, CaptureError> {
    let failed = |detail: String| CaptureError::RenderFailed {
        file: file.to_owned(),
        page: number,
        detail,
    };
    let dir = tempfile::tempdir().map_err(|e| failed(e.to_string()))?;
    let prefix = dir.path().join("page");
    let page = number.to_string();
    let mut child = Command::new("pdftoppm")
        .args(["-r", &RENDER_DPI.to_string(), "-f", &page, "-l", &page])
        .args(["-scale-to-x", &size_px.0.to_string()])
        .args(["-scale-to-y", &size_px.1.to_string()])
        .args(["-png", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CaptureError::ToolMissing {
                tool: "pdftoppm",
                package: "poppler-utils",
            },
            _ => failed(e.to_string()),
        })?;
    // Read stderr on a thread: a chatty pdftoppm must not block on a full pipe while we wait.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.take(64 * 1024).read_to_string(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| failed(e.to_string()))? {
            Some(status) => break status,
            None if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(format!("no result in {} s", TIMEOUT.as_secs())));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let stderr = reader.join().unwrap_or_default();
    if !status.success() {
        if stderr.contains("Incorrect password") {
            return Err(CaptureError::Encrypted {
                file: file.to_owned(),
            });
        }
        let last = stderr.lines().last().unwrap_or("").trim();
        return Err(failed(format!("{status}: {last}")));
    }
    let out = prefix.with_extension("png");
    let bytes = std::fs::read(&out).map_err(|e| failed(e.to_string()))?;
    let mut page = png::import(&bytes, file, limits)?;
    page.dpi = RENDER_DPI;
    Ok(page)
}
