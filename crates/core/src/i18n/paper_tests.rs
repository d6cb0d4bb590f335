//! What the printed papers say, in both languages: the same document under the same name, the
//! rules named alike, one Law 370-II sentence, QR captions a stranger can act on, and no
//! promise the store cannot keep.
use super::*;
use std::path::Path;

fn both() -> [Messages; 2] {
    [Messages::new(Lang::Kk), Messages::new(Lang::Ru)]
}

#[test]
fn the_consent_is_one_document_in_both_languages() {
    let [kk, ru] = both();
    assert_eq!(kk.text("forms-consent-title", []), "Өтініш");
    assert_eq!(ru.text("forms-consent-title", []), "Заявление");
    // The body keeps the rules' word for what the applicant gives.
    assert!(ru
        .text("forms-consent-body", [])
        .starts_with("Даю согласие"));
    assert!(kk
        .text("forms-consent-body", [])
        .contains("келісімімді беремін"));
}

/// Annex 1 and Annex 2 name the rules in the same words, the Kazakh as in the rules' text.
#[test]
fn both_annexes_name_the_rules_alike() {
    let [kk, ru] = both();
    assert_eq!(
        kk.text("forms-consent-annex", []),
        "Халыққа қызмет көрсету орталықтары қызметкерлерінің құжаттардың электрондық \
         көшірмелерін растауы қағидаларына 1-қосымша"
    );
    assert_eq!(
        ru.text("forms-consent-annex", []),
        "Приложение 1 к Правилам заверения электронных копий документов сотрудниками центров \
         обслуживания населения"
    );
    for m in [&kk, &ru] {
        assert_eq!(
            m.text("forms-consent-annex", []).replace('1', "2"),
            m.text("notice-annex", [])
        );
    }
}

/// Every printed electronic document carries the same Law 370-II sentence in each language:
/// a message says it, and no other text says it otherwise.
#[test]
fn the_law_of_equivalence_is_one_sentence_per_language() {
    for m in both() {
        let law = m.text("printed-law-equivalence", []);
        assert!(law.contains("370-II"), "{law}");
        for id in ["copy-statement", "notice-equivalence"] {
            let statement = m.text(id, []);
            assert!(statement.ends_with(&law), "{id}: {statement}");
            assert_eq!(statement.matches("370-II").count(), 1, "{id}: {statement}");
        }
    }
}

/// A QR caption tells an applicant or a third party where the code is checked, with what, and
/// what it proves; a command name alone tells them nothing.
#[test]
fn qr_captions_say_where_and_what_they_prove() {
    for (m, proves) in both().iter().zip(["дәлелдейді", "подтверждает"]) {
        let screen = format!("«{}»", m.text("nav-verify", []));
        for id in [
            "copy-qr-caption",
            "notice-qr-caption",
            "forms-receipt-qr-caption",
        ] {
            let caption = m.text(id, []);
            assert!(caption.contains("Rastau"), "{id}: {caption}");
            assert!(
                caption.contains(&screen),
                "{id} names the screen: {caption}"
            );
            assert!(
                caption.contains(proves),
                "{id} says what it proves: {caption}"
            );
            assert!(!caption.contains("rastau verify"), "{id}: {caption}");
        }
    }
}

/// Until a shared store exists, copies live on the computer that certified them: the receipt
/// says so, and names its own column for the last day.
#[test]
fn the_receipt_promises_only_what_this_store_keeps() {
    for (m, anywhere) in both().iter().zip(["кез келген", "любом"]) {
        let note = m.text("forms-receipt-kept-note", []);
        assert!(!note.contains(anywhere), "{note}");
        let column = m.text("forms-receipt-kept-until", []);
        assert!(note.contains(&format!("«{column}»")), "{note}");
    }
}

/// The Russian texts of rule 9 and Annex 1 are translations: the Russian seed stops inside
/// rule 7, so no comment may call them the rules' own words, and the Kazakh ones say they are.
#[test]
fn only_the_kazakh_rules_are_called_verbatim() {
    let source = |lang: Lang, file: &str| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        std::fs::read_to_string(dir.join(lang.code()).join(file)).unwrap()
    };
    for file in ["refusal.ftl", "forms.ftl"] {
        let ru = source(Lang::Ru, file).to_lowercase();
        for claim in ["дословно", "официальному русскому тексту"]
        {
            assert!(!ru.contains(claim), "ru/{file} claims «{claim}»");
        }
        assert!(ru.contains("перевод"), "ru/{file} says it is a translation");
        assert!(
            source(Lang::Kk, file).contains("сөзбе-сөз"),
            "kk/{file} says it is the rules' own text"
        );
    }
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
