//! The `rastau` binary as a user runs it.
use std::process::{Command, Output};

fn rastau(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(args)
        .env_remove("RASTAU_LANG")
        .output()
        .expect("rastau runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn a_valid_iin_prints_its_details_in_kazakh_by_default() {
    let out = rastau(&["id", "check", "900101300007"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("ЖСН 900101300007"), "{text}");
    assert!(text.contains("01.01.1990"), "{text}");
    assert!(text.contains("1900"), "{text}");
}

#[test]
fn a_valid_bin_prints_its_details_in_russian() {
    let out = rastau(&["--lang", "ru", "id", "check", "150540000007"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("БИН 150540000007: Номер действителен"),
        "{text}"
    );
    assert!(text.contains("Головная организация"), "{text}");
}

#[test]
fn an_invalid_number_names_its_reason_and_fails() {
    let out = rastau(&["--lang", "ru", "id", "check", "900101300008"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ожидалась 7, введена 8"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    let out = rastau(&["id", "check", "9001013000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("10"), "{}", stderr(&out));
}

#[test]
fn demo_fills_a_store_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let out = rastau(&[
        "--data-dir",
        path,
        "--lang",
        "ru",
        "demo",
        "--accounts-only",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Руководитель"));
    let again = rastau(&[
        "--data-dir",
        path,
        "--lang",
        "ru",
        "demo",
        "--accounts-only",
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("Центр уже настроен"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_folder_without_a_store_is_named_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let nothing = dir.path().join("nothing here");
    let folder = nothing.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["doctor"],
        &["audit", "verify"],
        &["seal", "show"],
        &["journal", "--date", "2026-11-23", "--iin", "850315400124"],
    ];
    for command in commands {
        let out = Command::new(env!("CARGO_BIN_EXE_rastau"))
            .args(["--lang", "ru", "--data-dir", folder])
            .args(command)
            .env("RASTAU_PASSWORD", "demo-2026")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        let said = stderr(&out);
        assert!(
            said.contains(&format!("В папке {folder} нет хранилища Rastau"))
                && said.contains("rastau demo"),
            "{command:?}: {said}"
        );
        assert!(!nothing.exists(), "{command:?} made the folder");
    }
}
