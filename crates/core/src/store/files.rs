//! Files kept beside the database under the SHA-256 of their bytes: scans, certified copies,
//! signatures, notices. The same bytes are stored once; a stored file never changes.
use crate::error::Result;
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Folder of the files inside the data folder.
pub const FILES_DIR: &str = "files";

/// The lowercase hex SHA-256 of `bytes`: a file's name in the store.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How long a file no record names is left alone after it was written: another process (the
/// `rastau` command) may have written it a moment ago and be about to commit its record.
pub const SETTLED: Duration = Duration::from_secs(15 * 60);

/// Whether the file at `path` was last stored longer than [`SETTLED`] ago.
pub fn is_settled(path: &Path) -> std::io::Result<bool> {
    let modified = fs::metadata(path)?.modified()?;
    Ok(modified <= SystemTime::now() - SETTLED)
}

#[derive(Clone)]
pub struct Files {
    root: PathBuf,
    /// Whether each file reaches the disk before `put` returns (see [`super::Store::defer_syncs`]).
    synced: bool,
}

impl Files {
    pub fn new(data_dir: &Path) -> Files {
        Files::with_syncs(data_dir, true)
    }

    pub(crate) fn with_syncs(data_dir: &Path, synced: bool) -> Files {
        Files {
            root: data_dir.join(FILES_DIR),
            synced,
        }
    }

    /// Where the file of `hash` lives (two-level fan-out keeps folders small).
    pub fn path(&self, hash: &str) -> PathBuf {
        self.root.join(&hash[..2]).join(hash)
    }

    /// Every file in the store's folder, by its name (a hash, or a leftover of an interrupted
    /// write), with its path.
    pub fn all(&self) -> Result<Vec<(String, PathBuf)>> {
        let mut found = Vec::new();
        for fan in self.fans()? {
            found.extend(Files::in_fan(&fan)?);
        }
        found.sort();
        Ok(found)
    }

    /// The folders of the fan-out, each a bounded share of the files; a stray file at the top
    /// counts as a folder of its own.
    pub fn fans(&self) -> Result<Vec<PathBuf>> {
        if !self.root.is_dir() {
            return Ok(vec![]);
        }
        let mut fans = fs::read_dir(&self.root)?
            .map(|entry| Ok(entry?.path()))
            .collect::<Result<Vec<_>>>()?;
        fans.sort();
        Ok(fans)
    }

    /// The files of one fan folder by name, with their paths; a folder gone meanwhile has none.
    pub fn in_fan(fan: &Path) -> Result<Vec<(String, PathBuf)>> {
        if !fan.is_dir() {
            return Ok(if fan.exists() {
                vec![(file_name(fan), fan.to_owned())]
            } else {
                vec![]
            });
        }
        fs::read_dir(fan)?
            .map(|entry| {
                let path = entry?.path();
                Ok((file_name(&path), path))
            })
            .collect()
    }

    /// Stores `bytes` and returns their hash. Written to a temporary file, flushed to disk and
    /// renamed into place, so a crash leaves either the whole file or none.
    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        let hash = content_hash(bytes);
        let path = self.path(&hash);
        if path.is_file() {
            // Stored again now: the start-up sweep leaves young files alone (see `sweep`).
            File::options()
                .append(true)
                .open(&path)?
                .set_modified(SystemTime::now())?;
            return Ok(hash);
        }
        let dir = path.parent().expect("a hash path has a folder");
        fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(bytes)?;
        if self.synced {
            tmp.as_file().sync_all()?;
        }
        tmp.persist(&path).map_err(|e| e.error)?;
        if self.synced {
            File::open(dir)?.sync_all()?;
        }
        Ok(hash)
    }

    /// Puts every stored file on the disk, after puts that did not wait for it. One `sync(2)`
    /// where there is one: a wait per file took seconds for a week's demo.
    #[cfg(unix)]
    pub(crate) fn sync_all(&self) -> Result<()> {
        // SAFETY: sync(2) takes no arguments and cannot fail.
        unsafe { libc::sync() };
        Ok(())
    }

    #[cfg(not(unix))]
    pub(crate) fn sync_all(&self) -> Result<()> {
        for (_, path) in self.all()? {
            File::open(&path)?.sync_all()?;
        }
        Ok(())
    }

    /// Removes the file of `hash`; whether it was there.
    pub fn remove(&self, hash: &str) -> Result<bool> {
        match fs::remove_file(self.path(hash)) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Files to store for a record not yet committed: see [`Pending`].
    pub fn pending(&self) -> Pending {
        Pending {
            files: Files {
                root: self.root.clone(),
                synced: self.synced,
            },
            new: vec![],
            kept: false,
        }
    }

    pub fn get(&self, hash: &str) -> Result<Vec<u8>> {
        Ok(fs::read(self.path(hash))?)
    }
}

/// Files stored ahead of the record that names them. Unless [`Pending::keep`] is called once
/// the record is committed, the files this put (not those that were there before) are
/// removed again, so a failed certification (a full disk, a refused insert) leaves the store
/// as it was.
#[must_use = "the files go again unless kept"]
pub struct Pending {
    files: Files,
    new: Vec<String>,
    kept: bool,
}

impl Pending {
    pub fn put(&mut self, bytes: &[u8]) -> Result<String> {
        let there = self.files.path(&content_hash(bytes)).is_file();
        let hash = self.files.put(bytes)?;
        if !there {
            self.new.push(hash.clone());
        }
        Ok(hash)
    }

    /// The record is committed: the files stay.
    pub fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.kept {
            for hash in &self.new {
                let _ = self.files.remove(hash);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_by_hash_once_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let files = Files::new(dir.path());
        let hash = files.put("Қазақ әріптері".as_bytes()).unwrap();
        assert_eq!(hash, content_hash("Қазақ әріптері".as_bytes()));
        assert_eq!(files.put("Қазақ әріптері".as_bytes()).unwrap(), hash);
        assert_eq!(files.get(&hash).unwrap(), "Қазақ әріптері".as_bytes());
        assert!(files
            .path(&hash)
            .starts_with(dir.path().join(FILES_DIR).join(&hash[..2])));
        let leftovers = fs::read_dir(files.path(&hash).parent().unwrap())
            .unwrap()
            .count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn pending_files_go_unless_kept_and_files_there_before_stay() {
        let dir = tempfile::tempdir().unwrap();
        let files = Files::new(dir.path());
        let before = files.put(b"named by a record already").unwrap();
        let mut pending = files.pending();
        let new = pending.put(b"for a record that never came").unwrap();
        assert_eq!(pending.put(b"named by a record already").unwrap(), before);
        drop(pending);
        assert!(!files.path(&new).exists());
        assert!(files.path(&before).is_file());
        let mut pending = files.pending();
        let kept = pending.put(b"for a committed record").unwrap();
        pending.keep();
        assert!(files.path(&kept).is_file());
    }

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            content_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
