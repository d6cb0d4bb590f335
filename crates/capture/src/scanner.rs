//! Scanners through SANE's `scanimage` program. A subprocess rather than linking libsane:
//! a crashing or hanging backend (they exist) takes down only that process, its exit code
//! says exactly which fault happened, and there is no C library to build against.

use crate::batch::{self, CancelToken};
use crate::error::{CaptureError, PartialScan};
use crate::limits::Limits;
use crate::page::ScanPage;
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// A scanner SANE can see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// SANE device name to pass back in [`ScanOptions::device`], e.g. `epson2:libusb:001:004`.
    pub name: String,
    /// Manufacturer.
    pub vendor: String,
    /// Model.
    pub model: String,
    /// Kind, e.g. "flatbed scanner".
    pub kind: String,
}

/// Where the paper is taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// Whatever the device uses when not told: no `--source` is passed. The only choice that
    /// works on flatbed-only scanners, whose backends have no source option at all.
    Default,
    /// The glass: one page per scan.
    Flatbed,
    /// The automatic document feeder: pages until the feeder is empty.
    Adf,
    /// A backend-specific source name, e.g. "ADF Duplex".
    Named(String),
}

impl Source {
    /// The `--source` value. The two standard names are SANE's well-known ones.
    fn sane_name(&self) -> Option<&str> {
        match self {
            Self::Default => None,
            Self::Flatbed => Some("Flatbed"),
            Self::Adf => Some("Automatic Document Feeder"),
            Self::Named(name) => Some(name),
        }
    }
}

/// Color or grayscale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColorMode {
    /// 24-bit color.
    Color,
    /// 8-bit gray.
    Gray,
}

impl ColorMode {
    fn sane_name(self) -> &'static str {
        match self {
            Self::Color => "Color",
            Self::Gray => "Gray",
        }
    }
}

/// What to scan and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanOptions {
    /// SANE device name, from [`Scanner::list_devices`].
    pub device: String,
    /// Flatbed or feeder.
    pub source: Source,
    /// Dots per inch.
    pub resolution_dpi: u32,
    /// Color or gray.
    pub mode: ColorMode,
    /// Scan area width, millimetres, from the top-left corner.
    pub width_mm: f64,
    /// Scan area height, millimetres.
    pub height_mm: f64,
    /// Most pages one batch takes. `None` on the feeder means "until it is empty"; on the
    /// flatbed and the default source it means one page (a flatbed never runs out of paper).
    pub max_pages: Option<u32>,
    /// Extra `scanimage` arguments appended after the standard ones: backend options, and in
    /// tests the `test` backend's fault injection (`--read-return-value=SANE_STATUS_JAMMED`).
    pub extra_args: Vec<String>,
}

impl ScanOptions {
    /// A4 (210 × 297 mm), 300 dpi, color, from the device's default source.
    pub fn a4(device: impl Into<String>) -> Self {
        Self {
            device: device.into(),
            source: Source::Default,
            resolution_dpi: 300,
            mode: ColorMode::Color,
            width_mm: 210.0,
            height_mm: 297.0,
            max_pages: None,
            extra_args: Vec::new(),
        }
    }

    /// The page size in pixels this crate delivers: millimetres at the resolution, rounded.
    pub fn page_px(&self) -> (u32, u32) {
        let px = |mm: f64| (mm / 25.4 * f64::from(self.resolution_dpi)).round() as u32;
        (px(self.width_mm), px(self.height_mm))
    }

    pub(crate) fn validate(&self) -> Result<(), CaptureError> {
        let bad = |detail: String| Err(CaptureError::InvalidOptions { detail });
        if self.device.trim().is_empty() {
            return bad("no device".to_owned());
        }
        if !(1..=19_200).contains(&self.resolution_dpi) {
            return bad(format!("resolution {}", self.resolution_dpi));
        }
        let sane_mm = |mm: f64| mm.is_finite() && mm > 0.0 && mm <= 2000.0;
        if !sane_mm(self.width_mm) || !sane_mm(self.height_mm) {
            return bad(format!("size {}x{} mm", self.width_mm, self.height_mm));
        }
        if self.max_pages == Some(0) {
            return bad("max_pages 0".to_owned());
        }
        Ok(())
    }

    /// The `scanimage` arguments for a batch into `pattern` (a `%04d` file pattern).
    pub(crate) fn args(&self, pattern: &str) -> Vec<String> {
        // Ask for 1 mm more than wanted: many backends (the `test` one too) truncate the pixel
        // count, giving A4 at 300 dpi 3507 rows instead of 3508. The extra is cropped off after.
        // scanimage clamps it to the device maximum by itself.
        let mm = |v: f64| format!("{:.1}", (v + 1.0).ceil());
        let mut args = vec![
            "-d".to_owned(),
            self.device.clone(),
            "--format=png".to_owned(),
            format!("--resolution={}", self.resolution_dpi),
            format!("--mode={}", self.mode.sane_name()),
            "-l".to_owned(),
            "0".to_owned(),
            "-t".to_owned(),
            "0".to_owned(),
            "-x".to_owned(),
            mm(self.width_mm),
            "-y".to_owned(),
            mm(self.height_mm),
            format!("--batch={pattern}"),
            "--batch-print".to_owned(),
        ];
        if let Some(source) = self.source.sane_name() {
            args.push(format!("--source={source}"));
        }
        // On the flatbed `--batch` never stops by itself, so there is always a count.
        let count = match (&self.source, self.max_pages) {
            (_, Some(n)) => Some(n),
            (Source::Flatbed | Source::Default, None) => Some(1),
            _ => None,
        };
        if let Some(n) = count {
            args.push(format!("--batch-count={n}"));
        }
        args.extend(self.extra_args.iter().cloned());
        args
    }
}

/// Drives `scanimage`.
#[derive(Debug, Clone)]
pub struct Scanner {
    pub(crate) program: PathBuf,
    pub(crate) env: Vec<(OsString, OsString)>,
    pub(crate) limits: Limits,
    pub(crate) stall_timeout: Duration,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new()
    }
}

impl Scanner {
    /// `scanimage` from `PATH`, default limits.
    pub fn new() -> Self {
        Self {
            program: PathBuf::from("scanimage"),
            env: Vec::new(),
            limits: Limits::default(),
            stall_timeout: Duration::from_secs(300),
        }
    }

    /// How long a batch may go without a new page before the scanner counts as hung
    /// (default 5 minutes: a 1200 dpi color page on a slow USB scanner takes a while).
    pub fn with_stall_timeout(mut self, timeout: Duration) -> Self {
        self.stall_timeout = timeout;
        self
    }

    /// Uses another `scanimage` binary (a bundled one, or a test wrapper).
    pub fn with_program(mut self, program: impl Into<PathBuf>) -> Self {
        self.program = program.into();
        self
    }

    /// Sets an environment variable for `scanimage`, e.g. `SANE_CONFIG_DIR`, without touching
    /// the app's own environment.
    pub fn with_env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Limits applied to every scanned page.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub(crate) fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        // English status texts: `faults` reads them when the exit code cannot be had.
        cmd.env("LC_ALL", "C")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null());
        cmd
    }

    /// The scanners SANE finds (network discovery can take a few seconds).
    pub fn list_devices(&self) -> Result<Vec<Device>, CaptureError> {
        // Tab-separated through `-f`, because vendor and model names contain spaces.
        let output = self
            .command()
            .arg("--formatted-device-list=%d\t%v\t%m\t%t%n")
            .output()
            .map_err(spawn_error)?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(crate::faults::classify(output.status.code(), &stderr, ""));
        }
        Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some(Device {
                    name: f.next().filter(|n| !n.is_empty())?.to_owned(),
                    vendor: f.next().unwrap_or("").to_owned(),
                    model: f.next().unwrap_or("").to_owned(),
                    kind: f.next().unwrap_or("").to_owned(),
                })
            })
            .collect())
    }

    /// Scans one page (from the flatbed, or the first sheet in the feeder).
    pub fn scan_page(&self, options: &ScanOptions) -> Result<ScanPage, CaptureError> {
        let options = ScanOptions {
            max_pages: Some(1),
            ..options.clone()
        };
        let mut pages = batch::run(self, &options, &mut |_, _| {}, &CancelToken::new())
            .map_err(|partial| partial.error)?;
        pages.pop().ok_or(CaptureError::NoDocuments)
    }

    /// Scans a batch, calling `on_page(n, &page)` as page `n` (1-based) arrives. Stops at the
    /// end of the feeder, at `max_pages`, on a fault, or when `cancel` is triggered. On any
    /// stop other than the normal end, the pages received so far come back in [`PartialScan`].
    pub fn scan_batch(
        &self,
        options: &ScanOptions,
        mut on_page: impl FnMut(usize, &ScanPage),
        cancel: &CancelToken,
    ) -> Result<Vec<ScanPage>, PartialScan> {
        batch::run(self, options, &mut on_page, cancel)
    }
}

pub(crate) fn spawn_error(e: std::io::Error) -> CaptureError {
    match e.kind() {
        std::io::ErrorKind::NotFound => CaptureError::ToolMissing {
            tool: "scanimage",
            package: "sane-utils",
        },
        _ => CaptureError::ScannerFailed {
            exit_code: -1,
            detail: e.to_string(),
        },
    }
}
