//! Journal numbers with the installation's code: once the store has its code (its first join
//! to the shared store), a new visit's number carries it on the consent of Annex 1, the receipt,
//! the seal of each certified copy, the hand-over folder on the stick and the journal, and the
//! count goes on without a gap; a visit made before the code keeps the number it was given,
//! even on what is made for it afterwards.
mod common;

use common::journal::Day;
use common::poppler::*;
use common::*;
use rastau_core::journal::JournalFilter;
use rastau_core::setting;
use rastau_core::store::Store;
use rastau_core::Lang;
use std::path::Path;

const CODE: &str = "A1B2C3D4";

/// The code a join would have given this store, written as the join writes it.
fn give_code(dir: &Path) {
    let mut store = Store::open(dir).unwrap();
    store
        .write(|tx| setting::set(tx, setting::INSTALLATION_CODE, CODE))
        .unwrap();
}

/// The certified copy's seal, read from the PDF handed over on a stick, and the folder's name.
fn handed_over(day: &mut Day, visit: i64, copy: i64, name: &str) -> (String, String) {
    let stick = tempfile::tempdir().unwrap();
    let report = day
        .desk
        .app
        .export_copies(visit, &[copy], stick.path())
        .unwrap();
    let folder = Path::new(&report.folder);
    let pdf = std::fs::read(folder.join(&report.files[0].name)).unwrap();
    let qr = info_value(&pdf, name, "RastauQR").expect("the copy keeps its seal");
    let seal = day.desk.app.verify_qr(&qr).unwrap();
    assert_eq!(seal.check, rastau_core::seal::SealCheck::Valid, "{qr}");
    let folder_name = folder.file_name().unwrap().to_string_lossy().into_owned();
    (seal.document, folder_name)
}

#[test]
fn a_linked_installations_new_numbers_carry_its_code_and_older_ones_keep_theirs() {
    let mut day = Day {
        desk: with_clerk(),
        pki: pki(),
    };
    day.desk.as_clerk();
    day.open_key(&clerk_iin());
    let year = day.desk.clock_now().format("%Y").to_string();

    let before = day.visit(&iin("95060140012"), &[birth_certificate()], true);
    give_code(day.desk.dir.path());
    let after = day.visit(&iin("87010130013"), &[birth_certificate()], true);

    let number = |day: &mut Day, visit| {
        let view = day.desk.app.visit(visit).unwrap();
        view.number_text
    };
    let old = format!("{year}/000001");
    let new = format!("{CODE}-{year}/000002");
    assert_eq!(number(&mut day, before), old, "made before the code");
    assert_eq!(
        number(&mut day, after),
        new,
        "the count goes on, with the code"
    );

    // Annex 1, in either language.
    for lang in Lang::ALL {
        let name = format!("code-consent-{lang:?}");
        let pdf = day.desk.app.consent_form(after, lang).unwrap();
        let text = one_line(&text_of(&pdf, &name));
        assert_has(&text, &new, &name);
        if lang == Lang::Kk {
            render(&pdf, &name, 100);
        }
        let name = format!("code-consent-before-{lang:?}");
        let text = text_of(&day.desk.app.consent_form(before, lang).unwrap(), &name);
        assert_has(&text, &old, &name);
        assert!(!text.contains(CODE), "{name}: {text}");
    }

    // The seal of the certified copy and the hand-over folder: the older visit's copy,
    // certified only now, still carries the number its visit was given.
    let copy_after = certify_with(&mut day.desk.app, after, 1, &[scanned_page(10)]).unwrap();
    let copy_before = certify_with(&mut day.desk.app, before, 1, &[scanned_page(20)]).unwrap();
    assert_eq!(copy_after.journal_number, new);
    assert_eq!(copy_before.journal_number, old);
    let (seal, folder) = handed_over(&mut day, after, copy_after.id, "code-copy");
    assert_eq!(seal, format!("{new}-1"));
    assert!(
        folder.starts_with(&format!("Rastau {CODE}-{year}-000002 ")),
        "{folder}"
    );
    let (seal, folder) = handed_over(&mut day, before, copy_before.id, "code-copy-before");
    assert_eq!(seal, format!("{old}-1"));
    assert!(
        folder.starts_with(&format!("Rastau {year}-000001 ")),
        "{folder}"
    );

    // The receipt. Narrow table columns break the number after the code (`A1B2C3D4-` over
    // `2026/000002`); pdftotext joins a line that ends in a hyphen to the next.
    let broken = format!("{CODE}{year}/000002");
    day.close(after, 5);
    day.close(before, 1);
    let name = "code-receipt";
    let pdf = day.desk.app.receipt(after, Lang::Ru, b"RASTAU").unwrap();
    let text = one_line(&text_of(&pdf, name));
    assert_has(&text, &new, name);
    assert_has(&text, &broken, "the hand-over's table");
    render(&pdf, name, 100);

    // The journal: in its order, found by the code or by the number without it.
    let today = day.desk.clock_now().date_naive();
    let mut filter = JournalFilter::day(today);
    let rows = day.desk.app.journal(&filter).unwrap().rows;
    let numbers: Vec<_> = rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, [old.as_str(), new.as_str()]);
    assert_eq!((rows[1].year.to_string(), rows[1].seq), (year.clone(), 2));
    let name = "code-journal";
    let pdf = day.desk.app.journal_pdf(&filter, Lang::Kk).unwrap();
    let text = one_line(&text_of(&pdf, name));
    assert_has(&text, &broken, name);
    render(&pdf, name, 100);
    for (search, found) in [
        (CODE.to_lowercase(), vec![new.as_str()]),
        (format!("{year}/000002"), vec![new.as_str()]),
        ("000001".to_owned(), vec![old.as_str()]),
    ] {
        filter.search = Some(search.clone());
        let rows = day.desk.app.journal(&filter).unwrap().rows;
        let numbers: Vec<_> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, found, "{search}");
    }
}
