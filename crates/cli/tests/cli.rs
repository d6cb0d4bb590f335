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

/// A century digit mistyped makes a person born in 2095; a BIN month yet to come is as wrong.
#[test]
fn a_birth_date_or_registration_month_still_to_come_is_refused() {
    let out = rastau(&["--lang", "ru", "id", "check", "950601500126"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("01.06.2095"), "{}", stderr(&out));
    // December 2099: the registration month of a BIN issued no earlier than that.
    let next = {
        let digits: Vec<u32> = "99124000001"
            .chars()
            .map(|c| c.to_digit(10).unwrap())
            .collect();
        let weighted = |w: &[u32]| digits.iter().zip(w).map(|(d, w)| d * w).sum::<u32>() % 11;
        let first = weighted(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        let check = if first == 10 {
            weighted(&[3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])
        } else {
            first
        };
        format!("99124000001{check}")
    };
    let out = rastau(&["--lang", "ru", "id", "check", &next]);
    assert_eq!(out.status.code(), Some(1), "{next}: {}", stdout(&out));
    assert!(stderr(&out).contains("12.2099"), "{}", stderr(&out));
}

/// `rastau id check … | head -c 1`: the reader goes away before the output is written; the
/// command ends quietly instead of panicking.
#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rastau"))
        .args(["id", "check", "900101300007"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closing our end of the pipe at once is what `head` does once it has read enough.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
