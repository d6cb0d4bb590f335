//! Real small file systems for the tests of full and read-only disks: a tmpfs mounted for the
//! test (`mount` needs root, which the test command runs as).
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a folder, unmounted when dropped.
pub struct Mounted(PathBuf);

impl Mounted {
    pub fn on(dir: &Path, options: &str) -> Mounted {
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .status()
            .unwrap();
        assert!(status.success(), "mount -t tmpfs needs root");
        Mounted(dir.to_owned())
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A tmpfs of its own in a new temporary folder.
pub struct Tmpfs {
    // Unmounted before the folder is removed: fields drop in order.
    _mounted: Mounted,
    dir: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(options: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        Tmpfs {
            _mounted: Mounted::on(dir.path(), options),
            dir,
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Fills the file system holding `dir` to the last byte; returns the filler to free it.
pub fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    while file.write_all(&chunk).is_ok() {}
    while file.write_all(&[0]).is_ok() {}
    let _ = file.sync_all();
    filler
}
