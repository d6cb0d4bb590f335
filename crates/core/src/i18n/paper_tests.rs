//! What the printed papers say, in both languages.
use super::*;

fn both() -> [Messages; 2] {
    [Messages::new(Lang::Kk), Messages::new(Lang::Ru)]
}

/// The profile's fields in both languages are named when left blank.
#[test]
fn blank_place_names_are_named_in_the_message() {
    for m in both() {
        for field in ["cityKk", "cityRu", "districtKk", "districtRu"] {
            let text = m.error(&Error::Required { field });
            assert!(!text.contains(field), "{text}");
        }
    }
}
