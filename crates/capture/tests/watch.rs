//! The scan-to-folder watcher on a real temporary folder.

use rastau_capture::{FolderWatcher, WatchOptions};
use rastau_coded::{Arg, Coded};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

fn options() -> WatchOptions {
    WatchOptions {
        settle: Duration::from_millis(400),
        poll: Duration::from_millis(50),
    }
}

fn drain(watcher: &FolderWatcher, wait: Duration) -> Vec<PathBuf> {
    let mut got = Vec::new();
    while let Some(p) = watcher.recv_timeout(wait) {
        got.push(p);
    }
    got
}

#[test]
fn new_files_are_reported_once_when_complete() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.pdf"), b"%PDF-1.4 before the watch").unwrap();
    let watcher = FolderWatcher::start(dir.path(), options()).unwrap();

    // Written straight into its final name, in pieces with pauses shorter than `settle`.
    let slow = dir.path().join("scan-001.jpg");
    let mut f = std::fs::File::create(&slow).unwrap();
    for _ in 0..4 {
        f.write_all(&[0xAB; 4096]).unwrap();
        f.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
        assert!(watcher.try_recv().is_none(), "reported while still growing");
    }
    drop(f);

    // Written under a temporary name, then renamed.
    let part = dir.path().join("scan-002.pdf.part");
    std::fs::write(&part, b"%PDF-1.4 finished").unwrap();
    std::fs::rename(&part, dir.path().join("scan-002.pdf")).unwrap();

    // Not pages.
    std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
    std::fs::write(dir.path().join(".hidden.png"), b"x").unwrap();
    std::fs::write(dir.path().join("empty.png"), b"").unwrap();

    let mut got = drain(&watcher, Duration::from_millis(1500));
    got.sort();
    assert_eq!(
        got,
        vec![
            dir.path().join("scan-001.jpg"),
            dir.path().join("scan-002.pdf")
        ]
    );

    // Touching a reported file again does not report it twice.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&slow)
        .unwrap()
        .write_all(b"more")
        .unwrap();
    assert!(drain(&watcher, Duration::from_millis(1000)).is_empty());
}

#[test]
fn missing_folder_is_a_watch_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = FolderWatcher::start(&dir.path().join("nope"), options()).unwrap_err();
    assert_eq!(err.code(), "capture-watch-failed");
    assert!(err.args().contains(&("folder", Arg::from("nope"))));
}
