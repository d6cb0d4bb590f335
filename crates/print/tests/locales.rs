//! Every error code has a message in both languages, with the variables `args()` provides.

use rastau_print::PrintError;
use std::collections::{BTreeMap, BTreeSet};

fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = format!(
        "{}/../../locales/{lang}/print.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("error-")) {
        let (id, body) = line.split_once(" = ").expect("one-line messages");
        let vars = body
            .split("{ $")
            .skip(1)
            .map(|rest| rest.split(' ').next().unwrap().to_owned())
            .collect();
        assert!(
            out.insert(id.to_owned(), vars).is_none(),
            "{id} twice in {lang}"
        );
    }
    out
}

/// One value of every variant, to compare `args()` with the messages.
fn samples() -> Vec<PrintError> {
    let s = || "x".to_owned();
    vec![
        PrintError::NoPrintService { detail: s() },
        PrintError::PrinterNotFound { printer: s() },
        PrintError::PrinterStopped { printer: s() },
        PrintError::NotAccepting { printer: s() },
        PrintError::Failed {
            printer: s(),
            detail: s(),
        },
    ]
}

#[test]
fn both_languages_cover_every_code_with_its_variables() {
    let kk = messages("kk");
    let ru = messages("ru");
    assert_eq!(
        kk.keys().collect::<Vec<_>>(),
        ru.keys().collect::<Vec<_>>(),
        "same ids in kk and ru"
    );
    let codes: BTreeSet<String> = PrintError::ALL_CODES
        .iter()
        .map(|c| format!("error-{c}"))
        .collect();
    assert_eq!(codes, kk.keys().cloned().collect::<BTreeSet<_>>());
    let samples = samples();
    assert_eq!(
        samples.len(),
        PrintError::ALL_CODES.len(),
        "a sample of every variant"
    );
    for err in samples {
        let id = format!("error-{}", err.code());
        let args: BTreeSet<String> = err.args().iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(kk[&id], args, "{id} in kk");
        assert_eq!(ru[&id], args, "{id} in ru");
    }
}

#[test]
fn kazakh_is_kazakh() {
    let path = format!("{}/../../locales/kk/print.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    for letter in ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і'] {
        assert!(text.contains(letter), "no {letter}");
    }
}
