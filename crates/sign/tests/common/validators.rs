//! The independent validators of signed PDFs: poppler's `pdfsig` (what Linux PDF viewers use)
//! with an NSS database that trusts the test CA alone, and pyHanko (a full PAdES validator).
use super::{path, run, text};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::Pkcs12Signer;
use std::path::{Path, PathBuf};

const POPPLER: &str = "Debian package poppler-utils (apt-get install -y poppler-utils)";
const NSS: &str = "Debian package libnss3-tools (apt-get install -y libnss3-tools)";
const PYHANKO: &str = "PyPI packages pyhanko and pyhanko-cli (pip install pyhanko pyhanko-cli)";

pub struct Validators {
    pub dir: tempfile::TempDir,
    pub pki: TestPki,
}

impl Validators {
    pub fn new() -> Validators {
        let dir = tempfile::tempdir().unwrap();
        let pki = TestPki::new();
        pki.write_ca(dir.path()).unwrap();
        // pdfsig trusts what an NSS database trusts; give it one holding only the test CA.
        let nss = dir.path().join("nss");
        std::fs::create_dir(&nss).unwrap();
        let db = format!("sql:{}", path(&nss));
        let out = run("certutil", &["-N", "-d", &db, "--empty-password"], NSS);
        assert!(out.status.success(), "certutil -N: {}", text(&out));
        let ca = dir.path().join("ca.pem");
        let args = [
            "-A",
            "-d",
            &db,
            "-n",
            "test-ca",
            "-t",
            "CT,C,C",
            "-i",
            path(&ca),
        ];
        let out = run("certutil", &args, NSS);
        assert!(out.status.success(), "certutil -A: {}", text(&out));
        Validators { dir, pki }
    }

    pub fn signer(&self, iin: &str) -> Pkcs12Signer {
        Pkcs12Signer::open(&self.pki.clerk(iin, ClerkOptions::default()), PASSWORD).unwrap()
    }

    pub fn write(&self, name: &str, pdf: &[u8]) -> PathBuf {
        let file = self.dir.path().join(name);
        std::fs::write(&file, pdf).unwrap();
        file
    }

    /// Whether pdfsig calls every signature valid and its certificate trusted.
    pub fn pdfsig(&self, pdf: &Path) -> (bool, String) {
        let db = format!("sql:{}", path(&self.dir.path().join("nss")));
        let out = run("pdfsig", &["-nssdir", &db, path(pdf)], POPPLER);
        let said = text(&out);
        let signatures = said.matches("Signature Validation:").count();
        let ok = out.status.success()
            && signatures > 0
            && said
                .matches("Signature Validation: Signature is Valid.")
                .count()
                == signatures
            && said
                .matches("Certificate Validation: Certificate is Trusted.")
                .count()
                == signatures;
        (ok, said)
    }

    /// Whether pyHanko calls every signature intact and trusted (by the test CA alone), and
    /// the last one untouched by later changes but validation data (its "LTA updates").
    pub fn pyhanko(&self, pdf: &Path) -> (bool, String) {
        let ca = self.dir.path().join("ca.pem");
        let args = [
            "sign",
            "validate",
            "--trust-replace",
            "--trust",
            path(&ca),
            path(pdf),
        ];
        let out = run(&pyhanko(), &args, PYHANKO);
        let said = text(&out);
        let ok = out.status.success()
            && [
                ":INTACT:TRUSTED,UNTOUCHED",
                ":INTACT:TRUSTED,EXTENDED_WITH_LTA_UPDATES,",
            ]
            .iter()
            .any(|verdict| said.contains(verdict));
        (ok, said)
    }
}

impl Validators {
    /// pyHanko's long-term validation (ETSI EN 319 102-1 with the PAdES B-LT/LTA checks) of the
    /// file's last signature: the test CA the only trust, nothing fetched, revocation data read
    /// from the file alone. pyHanko 0.38's command line has no `--ltv-profile` any more, so
    /// `tests/tools/pyhanko_ltv.py` calls the same validation through its API. Whether it
    /// passed, and what it said (`PASSED/-`, `INDETERMINATE/TRY_LATER`, …).
    pub fn pyhanko_ltv(&self, pdf: &Path) -> (bool, String) {
        let ca = self.dir.path().join("ca.pem");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/pyhanko_ltv.py");
        let out = run(
            &pyhanko_python(),
            &[path(&script), path(&ca), path(pdf)],
            PYHANKO,
        );
        (out.status.success(), text(&out))
    }
}

/// The Python that pyHanko runs on (beside it in its environment), else `python3`.
pub fn pyhanko_python() -> String {
    let beside = |dir: &Path| dir.join("python3");
    let on_path = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).find(|dir| dir.join("pyhanko").is_file()));
    let dir = on_path.or_else(|| local_pyhanko().and_then(|p| p.parent().map(Path::to_owned)));
    match dir.map(|d| beside(&d)).filter(|p| p.is_file()) {
        Some(python) => python.to_str().expect("UTF-8 path").to_owned(),
        None => "python3".to_owned(),
    }
}

/// pyHanko on PATH, else in the project's own environment (`target/pytools`, where
/// `scripts/setup.sh` installs it); the bare name when neither has it, to fail with what to
/// install.
pub fn pyhanko() -> String {
    match local_pyhanko() {
        Some(local) if !on_path("pyhanko") => local.to_str().expect("UTF-8 path").to_owned(),
        _ => "pyhanko".to_owned(),
    }
}

fn local_pyhanko() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/pytools/bin/pyhanko");
    local.is_file().then_some(local)
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}
