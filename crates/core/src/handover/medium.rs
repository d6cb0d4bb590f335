//! The medium copies are handed over on: a USB stick or any folder. The export talks to it only
//! through [`Medium`], so a test can put a medium in its place that fails the way a pulled-out
//! stick does, at the byte it chooses.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// A file being written on a medium.
pub trait MediumFile: Write {
    /// Flushes the file's bytes to the device (fsync).
    fn sync(&mut self) -> io::Result<()>;
}

/// The file operations a hand-over needs, none of which replaces anything that exists.
pub trait Medium {
    /// Creates a folder; fails with `AlreadyExists` if anything has that name.
    fn create_dir(&self, path: &Path) -> io::Result<()>;
    /// Creates a new file; fails with `AlreadyExists` if anything has that name.
    fn create_file(&self, path: &Path) -> io::Result<Box<dyn MediumFile>>;
    /// Gives a file its final name; fails with `AlreadyExists` rather than replace a file.
    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Flushes a folder's entries to the device, so new names survive a pulled stick.
    fn sync_dir(&self, path: &Path) -> io::Result<()>;
    /// Reads a whole file back from the device.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    fn remove_dir(&self, path: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl MediumFile for File {
    fn sync(&mut self) -> io::Result<()> {
        self.sync_all()
    }
}

impl Medium for Disk {
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        fs::create_dir(path)
    }

    fn create_file(&self, path: &Path) -> io::Result<Box<dyn MediumFile>> {
        let file = OpenOptions::new().write(true).create_new(true).open(path)?;
        Ok(Box::new(file))
    }

    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()> {
        rename_no_replace(from, to)
    }

    fn sync_dir(&self, path: &Path) -> io::Result<()> {
        File::open(path)?.sync_all()
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let mut file = File::open(path)?;
        drop_cached_pages(&file);
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn remove_dir(&self, path: &Path) -> io::Result<()> {
        fs::remove_dir(path)
    }
}

/// Without this, reading back right after writing would be answered from memory and prove
/// nothing about the stick. The file was synced, so its cached pages are clean and may go.
#[cfg(target_os = "linux")]
fn drop_cached_pages(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: a plain system call on a descriptor `file` keeps open. Advice only: on failure
    // the read is served from the cache, as it would be without the call.
    unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
}

#[cfg(not(target_os = "linux"))]
fn drop_cached_pages(_: &File) {}

/// `rename(2)` silently replaces its target; `renameat2` with `RENAME_NOREPLACE` refuses.
#[cfg(target_os = "linux")]
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (from_c, to_c) = (c(from)?, c(to)?);
    // SAFETY: both paths are NUL-terminated strings alive for the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from_c.as_ptr(),
            libc::AT_FDCWD,
            to_c.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    match io::Error::last_os_error() {
        // A file system without the flag: check, then rename.
        e if e.raw_os_error() == Some(libc::EINVAL) => rename_if_free(from, to),
        e => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    rename_if_free(from, to)
}

fn rename_if_free(from: &Path, to: &Path) -> io::Result<()> {
    if to.symlink_metadata().is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::write(&a, "new").unwrap();
        fs::write(&b, "old").unwrap();
        let kind = |r: io::Result<()>| r.unwrap_err().kind();
        assert_eq!(kind(Disk.rename_new(&a, &b)), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&b).unwrap(), "old");
        assert_eq!(
            Disk.create_file(&b).err().unwrap().kind(),
            io::ErrorKind::AlreadyExists
        );
        assert_eq!(kind(Disk.create_dir(&b)), io::ErrorKind::AlreadyExists);
        fs::remove_file(&b).unwrap();
        Disk.rename_new(&a, &b).unwrap();
        assert_eq!(Disk.read(&b).unwrap(), b"new");
    }
}
