//! The notice of refusal (Annex 2) read back with poppler and zbar, in Kazakh, in Russian and
//! both on one sheet.
mod common;

use common::notice::{Notice, JUSTIFICATION, NUMBER};
use common::poppler::*;
use rastau_core::forms::notice_pdf;
use rastau_core::i18n::Messages;
use rastau_core::refusal::{Ground, NoticeLanguages};
use rastau_core::Lang;

const TITLE_KK: &str = "Құжаттардың электрондық көшірмелерін растаудан бас тарту туралы хабарлама";
const TITLE_RU: &str = "Уведомление об отказе в заверении электронных копий документов";
/// The sentence names the center by the district and city in the notice's own language, with
/// no brackets left of the annex's "(specify the district, the city)".
const SENTENCE_KK: &str = "Қарағанды қаласы Қазыбек би ауданының халыққа қызмет көрсету \
    орталығы мына негіздемелер бойынша құжаттардың электрондық көшірмелерін растаудан бас \
    тартады:";
const SENTENCE_RU: &str = "Центр обслуживания населения района имени Казыбек би, г. Караганда, \
    отказывает в заверении электронных копий документов по следующим основаниям:";
const MAX_SIZE: usize = 100 * 1024;

/// The words a notice in `lang` must hold, and which it must not when that language is not
/// printed.
fn words_of(lang: Lang) -> Vec<String> {
    let m = Messages::new(lang);
    let (title, sentence, number, date) = match lang {
        Lang::Kk => (TITLE_KK, SENTENCE_KK, "Р/с №", "« 23 » қараша 2026 ж."),
        Lang::Ru => (TITLE_RU, SENTENCE_RU, "№ п/п", "« 23 » ноября 2026 г."),
    };
    let mut words: Vec<String> = [title, sentence, number, date].map(squeeze).to_vec();
    words.extend(Ground::ALL.map(|g| format!("{}: {}", g.reference(&m), g.wording(&m))));
    words
}

/// The constants above are wrapped in the source; compare their words.
fn squeeze(text: &str) -> String {
    one_line(text)
}

/// Checks what every notice shows, whatever its languages; returns its text on one line.
fn read_back(languages: NoticeLanguages, notice: &Notice, name: &str) -> String {
    let name = format!("notice-{}-{name}", languages.code());
    let pdf = notice_pdf(&notice.facts(), languages).unwrap();
    assert!(pdf.len() <= MAX_SIZE, "{name}: {} bytes", pdf.len());
    assert_eq!(page_count(&pdf, &name), 1, "{name} fits one page");
    assert_eq!(info_value(&pdf, &name, "RastauQR"), Some(notice.qr.clone()));
    let title = info_value(&pdf, &name, "Title").expect("a title");
    assert!(title.ends_with(NUMBER), "{name}: title {title}");
    for font in fonts(&pdf, &name) {
        assert!(font.contains('+'), "{name}: a font not subset: {font}");
    }
    let sharp = render(&pdf, &format!("{name}-qr"), 150);
    assert_eq!(decode_qr(&sharp), notice.qr.as_bytes(), "{name}: QR code");
    render(&pdf, &name, 80);

    let text = text_of(&pdf, &name);
    assert_kazakh_letters(&text, &name);
    let text = one_line(&text);
    for wanted in [
        &notice.applicant.display_name(),
        &notice.applicant.address,
        JUSTIFICATION,
        "Үй кітабы (Һ. Әуезов көшесі, 3)",
        "І-ҚР № 004512",
        &notice.authorised.full_name,
        &notice.authorised.position,
        "Ғабитов Ұлан, тел. +7 7212 41 12 12",
    ] {
        assert_has(&text, wanted, &name);
    }
    // Both languages whatever the notice's: the one Law sentence and how to check the QR code.
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for id in ["printed-law-equivalence", "notice-qr-caption"] {
            assert_has(&text, &m.text(id, []), &name);
        }
    }
    assert_eq!(
        text.matches(JUSTIFICATION).count(),
        1,
        "{name}: the justification is printed once"
    );
    text
}

fn assert_in_language(text: &str, lang: Lang, printed: bool) {
    for wanted in words_of(lang) {
        assert_eq!(
            text.contains(&wanted),
            printed,
            "{lang:?} printed: {printed}, «{wanted}» in\n{text}"
        );
    }
}

#[test]
fn a_kazakh_notice_is_in_kazakh_but_for_the_law_of_equivalence() {
    let text = read_back(NoticeLanguages::Kk, &Notice::new(&Ground::ALL), "all");
    assert_in_language(&text, Lang::Kk, true);
    assert_in_language(&text, Lang::Ru, false);
    assert_has(&text, "Орын.: Ғабитов Ұлан", "executor");
    assert_has(
        &text,
        "(өтініш берушінің Т.А.Ә. немесе ұйымының атауы)",
        "caption",
    );
    assert_has(&text, "Нөмірі: І-ҚР № 004512", "details");
}

#[test]
fn a_russian_notice_is_in_russian_but_for_the_law_of_equivalence() {
    let text = read_back(NoticeLanguages::Ru, &Notice::new(&Ground::ALL), "all");
    assert_in_language(&text, Lang::Ru, true);
    assert_in_language(&text, Lang::Kk, false);
    assert_has(&text, "Исп.: Ғабитов Ұлан", "executor");
    assert_has(
        &text,
        "(Ф.И.О., либо наименование организации заявителя)",
        "caption",
    );
    assert_has(
        &text,
        "подпункт 3) пункта 9 Правил: представленные документы имеют подчистки",
        "ground 3",
    );
}

#[test]
fn a_bilingual_notice_fits_three_grounds_on_one_sheet() {
    let text = read_back(NoticeLanguages::Both, &Notice::new(&Ground::ALL), "all");
    assert_in_language(&text, Lang::Kk, true);
    assert_in_language(&text, Lang::Ru, true);
    assert_has(&text, "Орын. / Исп.: Ғабитов Ұлан", "executor");
    assert_has(
        &text,
        "Қағидалардың 9-тармағының 1) тармақшасы: осы Қағидалардың 5-тармағында көрсетілген \
         құжаттар ұсынылмаса",
        "ground 1",
    );
}

#[test]
fn only_the_given_grounds_are_quoted() {
    let text = read_back(
        NoticeLanguages::Ru,
        &Notice::new(&[Ground::NotPresented, Ground::Defects]),
        "two",
    );
    let m = Messages::new(Lang::Ru);
    assert!(text.contains(&Ground::Defects.wording(&m)));
    assert!(!text.contains(&Ground::NoResource.wording(&m)));
}
