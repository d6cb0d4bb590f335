//! A private SANE configuration with the `test` backend switched on, so scanner tests run the
//! real `scanimage` against a virtual device without touching the machine's settings. Shared by
//! this crate's tests and the core's, which scan into a store through the same backend.
use crate::Scanner;
use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, MutexGuard};

/// The `test` backend has been seen to hang after a fault when several `scanimage` processes
/// run at once; one scanner at a time, as at a real counter.
static ONE_SCANNER: Mutex<()> = Mutex::new(());

/// The stock `test.conf` caps pages at 200 mm, which would crop A4; this lifts it to 300 mm.
const FALLBACK_TEST_CONF: &str = "number_of_options 0\ngeometry_max 300.0\n";

pub struct Sane {
    pub dir: tempfile::TempDir,
    _serial: MutexGuard<'static, ()>,
}

impl Sane {
    /// Sets up the config dir, or fails with what to install.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        let serial = ONE_SCANNER
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match Command::new("scanimage").arg("--version").output() {
            Ok(out) if out.status.success() => {}
            Ok(out) => panic!(
                "scanimage --version failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(e) => panic!(
                "scanimage not runnable ({e}): install the Debian packages sane-utils and \
                 libsane1 (apt-get install -y sane-utils libsane1)"
            ),
        }
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("dll.conf"), "test\n").unwrap();
        let conf = match std::fs::read_to_string("/etc/sane.d/test.conf") {
            Ok(stock) => stock
                .lines()
                .map(|l| {
                    if l.trim_start().starts_with("geometry_max") {
                        "geometry_max 300.0"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Err(_) => FALLBACK_TEST_CONF.to_owned(),
        };
        std::fs::write(dir.path().join("test.conf"), conf + "\n").unwrap();
        Self {
            dir,
            _serial: serial,
        }
    }

    /// A scanner driving the real `scanimage` with this config.
    pub fn scanner(&self) -> Scanner {
        Scanner::new().with_env("SANE_CONFIG_DIR", self.dir.path())
    }

    /// A scanner driving a shell wrapper around `scanimage` (to stage multi-step faults).
    pub fn wrapped_scanner(&self, script: &str) -> Scanner {
        let path = self.dir.path().join("scanimage-wrapper.sh");
        write_executable(&path, script);
        self.scanner().with_program(path)
    }
}

fn write_executable(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
