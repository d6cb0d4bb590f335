//! The journal printed and exported: the PDF read back with poppler (header, totals, a refused
//! document's grounds, landscape A4, page numbers, every Kazakh letter) and the CSV written to
//! a new file that is never written over.
mod common;

use chrono::{Duration, NaiveDate};
use common::clerk_iin;
use common::journal::*;
use common::poppler::*;
use rastau_core::ids::check_digit;
use rastau_core::journal::{to_csv, JournalFilter, CSV_COLUMNS};
use rastau_core::refusal::Ground;
use rastau_core::visit::{Document, OpenVisit, Representative};
use rastau_core::{Error, Lang};

/// Valid IINs starting with the 9 digits of `prefix`.
fn issuable_iins(prefix: &str) -> impl Iterator<Item = String> + '_ {
    (0..100)
        .map(move |n| format!("{prefix}{n:02}"))
        .filter(|first11| {
            let digits: Vec<u8> = first11.bytes().map(|b| b - b'0').collect();
            check_digit(&digits.try_into().unwrap()).is_some()
        })
        .map(|first11| common::iin(&first11))
}

fn day_text(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

#[test]
fn the_pdf_names_the_center_and_days_and_shows_grounds_and_totals() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let pdf = day
        .desk
        .app
        .journal_pdf(&JournalFilter::day(today), Lang::Ru)
        .unwrap();
    let text = one_line(&text_of(&pdf, "journal-ru"));
    assert_has(&text, "ЦОН города Караганды", "the center");
    assert_has(
        &text,
        "Журнал заверения электронных копий документов",
        "title",
    );
    assert_has(&text, &format!("за {}", day_text(today)), "the day");
    assert_has(
        &text,
        "Диплом — отказ, подпункт 3) пункта 9 Правил",
        "the refused document with its ground",
    );
    assert_has(&text, "дольше 30 минут", "the visit over the limit");
    assert_has(&text, "Итоги", "totals");
    for (what, row) in [
        ("all", "Всего 3 3 2 1 0 1 22 мин 20 с 35 мин 1"),
        ("first clerk", "Ғабитов Ұлан 2 3 1 0 0 1 16 мин 20 мин 0"),
        ("second clerk", "Иванова Мария 1 0 1 1 0 0 35 мин 35 мин 1"),
    ] {
        assert_has(&text, row, what);
    }
    assert!(
        !text.contains("Отбор"),
        "a journal of everything names no selection"
    );
    assert_eq!(
        page_size(&pdf, "journal-ru"),
        "841.89 x 595.276 pts (A4)",
        "A4 landscape"
    );
}

#[test]
fn the_pdf_says_what_the_filter_left_out_and_a_clerk_gets_their_own() {
    let (mut day, today) = a_day();
    day.as_second_clerk();
    let mut filter = JournalFilter::day(today);
    filter.to = today + Duration::days(1);
    filter.over_limit_only = true;
    let pdf = day.desk.app.journal_pdf(&filter, Lang::Ru).unwrap();
    let text = one_line(&text_of(&pdf, "journal-clerk-ru"));
    assert_has(
        &text,
        &format!(
            "с {} по {}",
            day_text(today),
            day_text(today + Duration::days(1))
        ),
        "the range",
    );
    assert_has(
        &text,
        "Отбор: специалист Иванова Мария; только обслуживание дольше 30 минут",
        "the selection",
    );
    assert!(!text.contains("Ғабитов"), "another clerk's visits: {text}");
}

#[test]
fn a_long_journal_has_numbered_pages_in_kazakh_with_every_letter() {
    let (mut day, today) = a_day();
    let title = format!("Анықтама {KAZAKH_LETTERS}");
    let document = Document { title, ..diploma() };
    day.desk.as_clerk();
    day.open_key(&clerk_iin());
    for applicant in issuable_iins("950601400").take(30) {
        let visit = day.visit(&applicant, std::slice::from_ref(&document), false);
        day.refuse(visit, &[1], Ground::NotPresented);
        day.close(visit, 1);
    }
    day.desk.as_supervisor();
    let filter = JournalFilter {
        to: today + Duration::days(1),
        ..JournalFilter::day(today)
    };
    let pdf = day.desk.app.journal_pdf(&filter, Lang::Kk).unwrap();
    let pages = page_count(&pdf, "journal-kk");
    assert!(pages >= 3, "{pages} pages");
    let text = text_of(&pdf, "journal-kk");
    // pdftotext guesses the spaces of a short centred line from the gaps, not always alike.
    let folios: Vec<String> = text
        .lines()
        .map(|l| l.replace(' ', ""))
        .filter(|l| {
            l.split_once('/')
                .is_some_and(|(_, total)| total == pages.to_string())
        })
        .collect();
    let expected: Vec<String> = (1..=pages).map(|p| format!("{p}/{pages}")).collect();
    assert_eq!(folios, expected, "page numbers");
    let words = one_line(&text);
    assert_has(
        &words,
        "Құжаттардың электрондық көшірмелерін растау журналы",
        "title",
    );
    assert_has(&words, "Қарағанды қаласы бойынша ХҚКО", "the center");
    assert_has(
        &words,
        "бас тартылды, Қағидалардың 9-тармағының 3) тармақшасы",
        "grounds",
    );
    assert_has(&words, "Қорытынды", "totals");
    assert_kazakh_letters(&text, "the Kazakh journal");
    assert_eq!(page_size(&pdf, "journal-kk"), "841.89 x 595.276 pts (A4)");
    render(&pdf, "journal-kk", 60);
}

#[test]
fn the_csv_is_written_to_a_new_file_and_never_over_one() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let filter = JournalFilter::day(today);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("журнал.csv");
    day.desk.app.export_journal_csv(&filter, &path).unwrap();
    let journal = day.desk.app.journal(&filter).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), to_csv(&journal));

    std::fs::write(&path, b"kept").unwrap();
    let again = day.desk.app.export_journal_csv(&filter, &path);
    assert!(
        matches!(&again, Err(Error::JournalFileExists { file }) if file.ends_with("журнал.csv")),
        "{again:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"kept");
    let pdf = folder.path().join("журнал.pdf");
    day.desk
        .app
        .export_journal_pdf(&filter, Lang::Kk, &pdf)
        .unwrap();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let names = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(names, 2, "no temporary file is left behind");
}

#[test]
fn a_folder_typed_as_the_target_is_named_a_folder_and_left_alone() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let filter = JournalFilter::day(today);
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("Журналы");
    std::fs::create_dir(&folder).unwrap();
    let csv = day.desk.app.export_journal_csv(&filter, &folder);
    assert!(
        matches!(&csv, Err(Error::JournalPathIsFolder { folder: f }) if f.ends_with("Журналы")),
        "{csv:?}"
    );
    let pdf = day.desk.app.export_journal_pdf(&filter, Lang::Ru, &folder);
    assert!(
        matches!(&pdf, Err(Error::JournalPathIsFolder { .. })),
        "{pdf:?}"
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 1);
}

/// The fields of a CSV line that has no quoted field.
fn fields(line: &str) -> Vec<&str> {
    assert!(!line.contains('"'), "{line}");
    line.split(',').collect()
}

#[test]
fn the_csv_defuses_typed_text_that_a_spreadsheet_would_run_as_a_formula() {
    let (mut day, today) = a_day();
    let next_day = day.desk.clock_now().date_naive();
    day.desk.as_clerk();
    let mut applicant = common::person_applicant();
    applicant.tax_id = common::iin("96010130015");
    applicant.surname = "=1+2".into();
    let visit = day
        .desk
        .app
        .open_visit(&OpenVisit {
            applicant,
            representative: Some(Representative {
                full_name: "@SUM(A1:A2)".into(),
                iin: common::iin("85020230016"),
                poa_number: "77".into(),
                poa_issued_on: next_day - Duration::days(10),
                poa_valid_until: next_day + Duration::days(100),
            }),
        })
        .unwrap();
    let titles = ["-2+3", "+7 701 000 00 00"].map(|title| Document {
        title: title.into(),
        ..diploma()
    });
    day.desk
        .app
        .set_documents(visit.id, &titles, false)
        .unwrap();
    day.desk.as_supervisor();
    day.open_key(&common::supervisor_iin());
    day.desk.app.sign_off_day(today, Lang::Ru, None).unwrap();
    let correction = "=cmd|' /C calc'!A0";
    day.desk.app.correct_day(today, None, correction).unwrap();

    let filter = JournalFilter {
        to: next_day,
        ..JournalFilter::day(today)
    };
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("journal.csv");
    day.desk.app.export_journal_csv(&filter, &path).unwrap();
    let csv = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
    let lines: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .map(fields)
        .collect();
    let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    let theirs: Vec<&Vec<&str>> = lines
        .iter()
        .filter(|l| l[column("visit_id")] == visit.id.to_string())
        .collect();
    assert_eq!(theirs.len(), 2);
    assert_eq!(theirs[0][column("applicant")], "'=1+2 Әлия Серікқызы");
    assert_eq!(theirs[0][column("representative")], "'@SUM(A1:A2)");
    assert_eq!(theirs[0][column("document_title")], "'-2+3");
    assert_eq!(theirs[1][column("document_title")], "'+7 701 000 00 00");
    assert_eq!(theirs[0][column("journal_number")], visit.number_text);
    let last = lines.last().unwrap();
    assert_eq!(last[column("outcome")], "correction");
    assert_eq!(last[column("document_title")], format!("'{correction}"));
    for line in &lines {
        for field in line {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a field a spreadsheet would run: {field:?} in {line:?}"
            );
        }
    }
}
