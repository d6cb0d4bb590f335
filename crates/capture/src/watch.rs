//! Scan-to-folder: many office scanners (and their Windows drivers) drop files into a shared
//! folder. This watches one folder and yields each new image or PDF once it is completely
//! written. Scanners write in one of two ways, and both are covered: straight into the final
//! name (the file is taken once its size has stopped changing for `settle`), or into a
//! temporary name renamed at the end (the temporary name is ignored, the rename is seen).

use crate::error::{display_name, CaptureError};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Extensions taken from the folder; everything else (".part", ".tmp", "~", sidecar XML) is
/// not a page.
const EXTENSIONS: &[&str] = &["jpg", "jpeg", "jpe", "png", "tif", "tiff", "pdf"];

/// Watcher tuning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchOptions {
    /// How long a file's size must stay the same before it counts as written.
    pub settle: Duration,
    /// How often pending files are checked.
    pub poll: Duration,
}

impl Default for WatchOptions {
    fn default() -> Self {
        Self {
            settle: Duration::from_millis(1500),
            poll: Duration::from_millis(100),
        }
    }
}

/// Watches a folder for new scans until dropped.
pub struct FolderWatcher {
    ready: mpsc::Receiver<PathBuf>,
    stop: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
    // Kept alive: dropping it ends the OS watch.
    _watcher: RecommendedWatcher,
}

impl std::fmt::Debug for FolderWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatcher").finish_non_exhaustive()
    }
}

impl FolderWatcher {
    /// Starts watching `folder` (not its subfolders). Files already there are not reported:
    /// only what arrives from now on.
    pub fn start(folder: &Path, options: WatchOptions) -> Result<Self, CaptureError> {
        let failed = |e: notify::Error| CaptureError::WatchFailed {
            folder: display_name(folder),
            detail: e.to_string(),
        };
        let (events_tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(event) = res {
                for path in event.paths {
                    let _ = events_tx.send(path);
                }
            }
        })
        .map_err(failed)?;
        watcher
            .watch(folder, RecursiveMode::NonRecursive)
            .map_err(failed)?;
        let (ready_tx, ready) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let worker = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || settle_loop(events, ready_tx, stop, options))
        };
        Ok(Self {
            ready,
            stop,
            worker: Some(worker),
            _watcher: watcher,
        })
    }

    /// The next completely written file, waiting at most `timeout`.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<PathBuf> {
        self.ready.recv_timeout(timeout).ok()
    }

    /// The next completely written file, if one is ready now.
    pub fn try_recv(&self) -> Option<PathBuf> {
        self.ready.try_recv().ok()
    }
}

impl Drop for FolderWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// True for a file name that can be a finished scan.
pub fn is_scan_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    // Hidden files, editor/Office locks and partial downloads are never finished scans.
    if name.starts_with('.') || name.starts_with('~') || name.ends_with('~') {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

struct Pending {
    size: u64,
    since: Instant,
}

fn settle_loop(
    events: mpsc::Receiver<PathBuf>,
    ready: mpsc::Sender<PathBuf>,
    stop: Arc<AtomicBool>,
    options: WatchOptions,
) {
    let mut pending: HashMap<PathBuf, Pending> = HashMap::new();
    let mut reported: HashSet<PathBuf> = HashSet::new();
    while !stop.load(Ordering::SeqCst) {
        match events.recv_timeout(options.poll) {
            Ok(path) => note(&path, &mut pending, &mut reported),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        // Drain the burst of events a single write produces before checking sizes.
        while let Ok(path) = events.try_recv() {
            note(&path, &mut pending, &mut reported);
        }
        let now = Instant::now();
        let mut done = Vec::new();
        pending.retain(|path, p| {
            let Ok(meta) = std::fs::metadata(path) else {
                return false; // gone (renamed away or deleted)
            };
            if meta.len() != p.size {
                p.size = meta.len();
                p.since = now;
                return true;
            }
            // Empty files are scanners that have only just created the file; and on Windows a
            // file still open for writing cannot be opened, so an open also proves it closed.
            let written = p.size > 0
                && now.duration_since(p.since) >= options.settle
                && std::fs::File::open(path).is_ok();
            if written {
                done.push(path.clone());
            }
            !written
        });
        for path in done {
            reported.insert(path.clone());
            if ready.send(path).is_err() {
                return;
            }
        }
    }
}

/// Records an event on `path`: a new or growing candidate, or a file that went away (which
/// may then come back as a new scan under the same name).
fn note(path: &Path, pending: &mut HashMap<PathBuf, Pending>, reported: &mut HashSet<PathBuf>) {
    if !path.is_file() {
        pending.remove(path);
        reported.remove(path);
        return;
    }
    if !is_scan_file(path) || reported.contains(path) {
        return;
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let entry = pending.entry(path.to_path_buf()).or_insert(Pending {
        size,
        since: Instant::now(),
    });
    if entry.size != size {
        entry.size = size;
        entry.since = Instant::now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_and_foreign_names_are_ignored() {
        for good in ["scan.pdf", "IMG_0001.JPG", "a.tiff", "b.Png"] {
            assert!(is_scan_file(Path::new(good)), "{good}");
        }
        for bad in [
            "scan.pdf.part",
            ".scan.pdf",
            "~$scan.pdf",
            "scan.pdf~",
            "scan.tmp",
            "notes.txt",
            "x",
        ] {
            assert!(!is_scan_file(Path::new(bad)), "{bad}");
        }
    }
}
