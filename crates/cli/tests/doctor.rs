//! `rastau doctor` on a demo store: healthy, then a stray file makes it fail with its name.
use std::path::Path;
use std::process::{Command, Output};

fn rastau(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["--lang", "ru", "--data-dir", dir.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_healthy_store_passes_and_a_stray_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    assert!(rastau(dir.path(), &["demo", "--accounts-only"])
        .status
        .success());
    let healthy = rastau(dir.path(), &["doctor"]);
    assert!(healthy.status.success(), "{healthy:?}");
    assert!(String::from_utf8(healthy.stdout)
        .unwrap()
        .contains("Нет на месте: 0"));

    let fan = dir.path().join("files").join("ab");
    std::fs::create_dir_all(&fan).unwrap();
    // Left by a crash long enough ago: a file written a moment ago may have its record on
    // the way from another process, and is no stray yet.
    std::fs::write(fan.join(".tmpXyZ"), b"half").unwrap();
    let long_ago = std::time::SystemTime::now() - rastau_core::store::SETTLED * 2;
    std::fs::File::options()
        .append(true)
        .open(fan.join(".tmpXyZ"))
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let faulty = rastau(dir.path(), &["doctor"]);
    assert!(!faulty.status.success());
    let said = String::from_utf8(faulty.stderr).unwrap();
    assert!(
        said.contains("лишние: 1") && said.contains("Файл без записи: .tmpXyZ"),
        "{said}"
    );
}
