//! Every error has a message in both languages, with the variables its arguments give.

use rastau_print::PrintError;
use strum::IntoEnumIterator;

#[test]
fn both_languages_cover_every_code_with_its_variables() {
    rastau_coded::check::every_error_is_worded(
        PrintError::iter(),
        env!("CARGO_MANIFEST_DIR"),
        &["print.ftl"],
    );
}

#[test]
fn kazakh_is_kazakh() {
    let path = format!("{}/../../locales/kk/print.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    for letter in ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і'] {
        assert!(text.contains(letter), "no {letter}");
    }
}
