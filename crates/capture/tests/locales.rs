//! Every error code has a message in both languages, with the variables `args()` provides.

use rastau_capture::CaptureError;
use std::collections::{BTreeMap, BTreeSet};

fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = format!(
        "{}/../../locales/{lang}/capture.ftl",
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
fn samples() -> Vec<CaptureError> {
    let s = || "x".to_owned();
    vec![
        CaptureError::ToolMissing {
            tool: "scanimage",
            package: "sane-utils",
        },
        CaptureError::DeviceNotFound { device: s() },
        CaptureError::DeviceBusy { device: s() },
        CaptureError::AccessDenied { device: s() },
        CaptureError::Disconnected {
            device: s(),
            detail: s(),
        },
        CaptureError::Jammed,
        CaptureError::NoDocuments,
        CaptureError::CoverOpen,
        CaptureError::Cancelled,
        CaptureError::Stalled {
            device: s(),
            seconds: 300,
        },
        CaptureError::ScannerFailed {
            exit_code: 4,
            detail: s(),
        },
        CaptureError::InvalidOptions { detail: s() },
        CaptureError::Io {
            file: s(),
            detail: s(),
        },
        CaptureError::UnsupportedFormat { file: s() },
        CaptureError::FileTooLarge {
            file: s(),
            size_mb: 300,
            max_mb: 256,
        },
        CaptureError::ImageTooLarge {
            file: s(),
            width: 1,
            height: 1,
            max_megapixels: 60,
        },
        CaptureError::Truncated { file: s() },
        CaptureError::Corrupt {
            file: s(),
            detail: s(),
        },
        CaptureError::TooManyPages {
            file: s(),
            pages: 900,
            max: 500,
        },
        CaptureError::Encrypted { file: s() },
        CaptureError::RenderFailed {
            file: s(),
            page: 2,
            detail: s(),
        },
        CaptureError::NoSuchPage {
            number: 5,
            count: 4,
        },
        CaptureError::BadPageOrder { count: 4 },
        CaptureError::BadRotation { degrees: 45 },
        CaptureError::WatchFailed {
            folder: s(),
            detail: s(),
        },
        CaptureError::ExpandsTooFar {
            file: s(),
            max_mb: 1024,
        },
        CaptureError::PdfTooComplex { file: s() },
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
    let codes: BTreeSet<String> = CaptureError::ALL_CODES
        .iter()
        .map(|c| format!("error-{c}"))
        .collect();
    assert_eq!(codes, kk.keys().cloned().collect::<BTreeSet<_>>());
    let samples = samples();
    assert_eq!(
        samples.len(),
        CaptureError::ALL_CODES.len(),
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
    let path = format!(
        "{}/../../locales/kk/capture.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    for letter in ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і'] {
        assert!(text.contains(letter), "no {letter}");
    }
}
