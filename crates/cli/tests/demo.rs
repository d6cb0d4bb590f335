//! `rastau demo` as a newcomer runs it: the demo lands in the data folder the command is given,
//! however it is given, so the other commands given it the same way find it; the whole week's
//! demo passes `doctor` and the audit check.
use std::path::Path;
use std::process::{Command, Output};

const SUPERVISOR: &str = "850315400124";

fn rastau(env_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["--lang", "ru"])
        .args(args)
        .env("RASTAU_DATA_DIR", env_dir)
        .env("RASTAU_PASSWORD", "demo-2026")
        .output()
        .unwrap()
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn the_demo_fills_the_folder_of_rastau_data_dir_and_the_journal_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let demo = rastau(dir.path(), &["demo", "--accounts-only"]);
    assert!(demo.status.success(), "{}", said(&demo));
    assert!(dir.path().join("rastau.sqlite3").is_file());
    assert!(!dir.path().join("demo").exists());
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let journal = rastau(
        dir.path(),
        &["journal", "--date", &today, "--iin", SUPERVISOR],
    );
    assert!(journal.status.success(), "{}", said(&journal));
    assert!(String::from_utf8_lossy(&journal.stdout).contains("journal_number"));
}

#[test]
fn the_week_s_demo_names_its_keys_and_passes_doctor_and_the_audit_check() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    // --data-dir wins over the environment, as for every other command.
    let demo = rastau(elsewhere.path(), &["--data-dir", folder, "demo"]);
    let text = said(&demo);
    assert!(demo.status.success(), "{text}");
    let keys = dir.path().join("keys");
    assert!(
        text.contains(&format!("Ключи ЭЦП: {}/<ИИН>.p12", keys.display())),
        "{text}"
    );
    assert!(keys.join(format!("{SUPERVISOR}.p12")).is_file());
    assert!(text.contains("дольше 30 минут 1"), "{text}");
    assert!(!elsewhere.path().join("rastau.sqlite3").exists());
    for check in [&["doctor"][..], &["audit", "verify"]] {
        let out = rastau(
            elsewhere.path(),
            &[&["--data-dir", folder][..], check].concat(),
        );
        assert!(out.status.success(), "{check:?}: {}", said(&out));
    }
}
