//! Every error has a message in both languages, with the variables its arguments give.

use rastau_shared::SharedError;
use strum::IntoEnumIterator;

#[test]
fn both_languages_cover_every_code_with_its_variables() {
    rastau_coded::check::every_error_is_worded(
        SharedError::iter(),
        env!("CARGO_MANIFEST_DIR"),
        &["shared.ftl"],
    );
}
