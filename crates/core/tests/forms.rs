//! The printed forms (consent of Annex 1, receipt) read back with poppler and zbar, and the
//! scan of the signed consent kept with the visit.
mod common;

use chrono::NaiveDate;
use common::poppler::*;
use common::*;
use rastau_capture::test_pages::TestPage;
use rastau_capture::ScanPage;
use rastau_core::applicant::Applicant;
use rastau_core::i18n::Messages;
use rastau_core::store::{Files, FILES_DIR};
use rastau_core::visit::{self, Document, OpenVisit, Present, Representative, VisitView};
use rastau_core::Coded;
use rastau_core::{Error, Lang};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

const CLERK_PASSWORD: &str = "clerk-pass-1";

fn entity() -> Applicant {
    Applicant {
        tax_id: "150540000007".into(),
        surname: String::new(),
        given_name: String::new(),
        patronymic: String::new(),
        organization: "«Ұлытау Өнеркәсіп» ЖШС".into(),
        address: "Қарағанды қ., Бұқар жырау даңғылы, 49".into(),
        phone: "+7 7212 41 00 00".into(),
    }
}

fn representative() -> Representative {
    Representative {
        full_name: "Серікбаев Дәулет Һашимұлы".into(),
        iin: "900101300007".into(),
        poa_number: "Н-2026/118".into(),
        poa_issued_on: NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
        poa_valid_until: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    }
}

/// Documents whose words hold every Kazakh letter between them; the n-th has n sheets.
fn documents() -> Vec<Document> {
    vec![
        Document {
            title: "Неке қию туралы куәлік".into(),
            number: "І-ҚР № 004512".into(),
            issued_on: "14.02.2015".into(),
            issuer: "Өскемен қаласының АХАЖ бөлімі".into(),
            sheets: 1,
        },
        Document {
            title: "Ұлттық бірыңғай тестілеу сертификаты".into(),
            number: "№ 7712094".into(),
            issued_on: "20.06.2019".into(),
            issuer: "Ұлттық тестілеу орталығы".into(),
            sheets: 2,
        },
        Document {
            title: "Үй кітабы (Һ. Әуезов көшесі, 3)".into(),
            number: String::new(),
            issued_on: "01.09.2001".into(),
            issuer: "«Ғимарат-Ңөұүһі» ЖШС".into(),
            sheets: 3,
        },
    ]
}

fn clerk_at_counter() -> Desk {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), CLERK_PASSWORD).unwrap();
    desk
}

/// A visit with the documents listed and the consent received, signed by the representative
/// if there is one.
fn consented(desk: &mut Desk, request: OpenVisit, on_media: bool) -> VisitView {
    let visit = desk.app.open_visit(&request).unwrap();
    desk.app
        .set_documents(visit.id, &documents(), on_media)
        .unwrap();
    let present = match request.representative {
        Some(_) => Present::Representative,
        None => Present::Applicant,
    };
    desk.app.confirm_consent(visit.id, present).unwrap()
}

fn scanned_page() -> ScanPage {
    TestPage::sized(620, 877).scan()
}

/// Certifies every listed document of the visit with the clerk's own key, then ends it.
fn certify_all_and_close(desk: &mut Desk, visit: &VisitView) -> VisitView {
    let pki = common::pki();
    let key = pki.clerk(
        &clerk_iin(),
        ClerkOptions {
            name: "Ғабитов Ұлан",
            ..Default::default()
        },
    );
    desk.app.open_signing_key(&key, PASSWORD).unwrap();
    for position in 1..=visit.documents.len() as u32 {
        let pages = vec![scanned_page(); position as usize];
        certify_with(&mut desk.app, visit.id, position, &pages).unwrap();
    }
    desk.clock.advance(chrono::Duration::minutes(8));
    desk.app.close_visit(visit.id).unwrap()
}

/// A payload like the center-signed one: text, then bytes that are not UTF-8.
fn qr_payload(visit: &VisitView) -> Vec<u8> {
    let mut payload = format!("RASTAU-R1;{};", visit.number_text).into_bytes();
    payload.extend((0..160u32).map(|i| (i * 37 + 11) as u8));
    payload
}

struct Expect<'a> {
    name: &'a str,
    title: &'a str,
    free: &'a str,
    tax_label: &'a str,
}

fn expect(lang: Lang) -> Expect<'static> {
    match lang {
        Lang::Kk => Expect {
            name: "kk",
            title: "Өтініш",
            free: "Тегін (0 ₸)",
            tax_label: "ЖСН",
        },
        Lang::Ru => Expect {
            name: "ru",
            title: "Заявление",
            free: "Бесплатно (0 ₸)",
            tax_label: "ИИН",
        },
    }
}

fn assert_visit_facts(text: &str, visit: &VisitView, what: &str) {
    let words = one_line(text);
    assert_has(&words, &visit.applicant.display_name(), what);
    assert_has(&words, &visit.applicant.tax_id, what);
    assert_has(&words, &visit.number_text, what);
    for d in &visit.documents {
        assert_has(&words, &d.title, what);
        assert_has(&words, &d.issuer, what);
        if !d.number.is_empty() {
            assert_has(&words, &d.number, what);
        }
    }
    if let Some(r) = &visit.representative {
        assert_has(&words, &r.full_name, what);
        assert_has(&words, &r.iin, what);
        assert_has(&words, &r.poa_number, what);
    }
    assert_kazakh_letters(text, what);
}

#[test]
fn the_consent_is_prefilled_in_either_language() {
    let mut desk = clerk_at_counter();
    let alone = consented(
        &mut desk,
        OpenVisit {
            applicant: form_applicant(),
            representative: None,
        },
        false,
    );
    let for_entity = consented(
        &mut desk,
        OpenVisit {
            applicant: entity(),
            representative: Some(representative()),
        },
        true,
    );
    for lang in Lang::ALL {
        let e = expect(lang);
        for (visit, who) in [(&alone, "person"), (&for_entity, "entity")] {
            let name = format!("consent-{}-{who}", e.name);
            let pdf = desk.app.consent_form(visit.id, lang).unwrap();
            let text = text_of(&pdf, &name);
            assert_has(&text, e.title, &name);
            assert_visit_facts(&text, visit, &name);
            assert_eq!(page_count(&pdf, &name), 1, "{name} fits one page");
            render(&pdf, &name, 100);
        }
    }

    let kk = one_line(&text_of(
        &desk.app.consent_form(alone.id, Lang::Kk).unwrap(),
        "consent-kk-person",
    ));
    assert_has(&kk, "Қарағанды қаласының", "city");
    assert_has(&kk, "Қазыбек би ауданы", "district");
    assert_has(&kk, "Қарағанды қаласы бойынша ХҚКО", "center");
    assert_has(&kk, "ЖСН: ", "IIN label");
    assert_has(
        &kk,
        "Мына құжаттардың электрондық көшірмелерін растау үшін келісімімді беремін",
        "body",
    );
    assert_has(&kk, "тасымалдағышқа беру қажет: жоқ", "media");
    assert_has(&kk, "Т.А.Ә.: Әбілқайыр Ғалымжан Қанатұлы", "signer");
    assert_has(&kk, "(өтініш берушінің қолы)", "signature");
    assert_has(&kk, "« 23 » қараша 2026 ж.", "date");
    assert_has(
        &kk,
        "Халыққа қызмет көрсету орталықтары қызметкерлерінің құжаттардың электрондық \
         көшірмелерін растауы қағидаларына 1-қосымша",
        "annex",
    );

    let ru = one_line(&text_of(
        &desk.app.consent_form(for_entity.id, Lang::Ru).unwrap(),
        "consent-ru-entity",
    ));
    // The place as the clerk wrote it in Russian, not the Kazakh names.
    assert_has(&ru, "г. Караганда", "city");
    assert_has(&ru, "район имени Казыбек би", "district");
    for kazakh in ["г. Қарағанды", "Қазыбек би район"] {
        assert!(!ru.contains(kazakh), "{kazakh} in {ru}");
    }
    assert_has(&ru, "ЦОН города Караганды", "center");
    assert_has(&ru, "БИН: 150540000007", "BIN label");
    assert_has(&ru, "Даю согласие на заверение электронных копий", "body");
    assert_has(&ru, "на электронном носителе: да", "media");
    assert_has(
        &ru,
        "по доверенности № Н-2026/118 от 10.01.2026 (действительна до 31.12.2026)",
        "power of attorney",
    );
    assert_has(
        &ru,
        "Ф.И.О.: Серікбаев Дәулет Һашимұлы",
        "the representative signs",
    );
    assert_has(&ru, "(подпись заявителя)", "signature");
    assert_has(&ru, "« 23 » ноября 2026 г.", "date");
    assert_has(
        &ru,
        "Приложение 1 к Правилам заверения электронных копий документов сотрудниками центров \
         обслуживания населения",
        "annex",
    );
}

#[test]
fn the_receipt_lists_the_copies_and_carries_the_given_qr_code() {
    let mut desk = clerk_at_counter();
    let open = consented(
        &mut desk,
        OpenVisit {
            applicant: form_applicant(),
            representative: None,
        },
        false,
    );
    let alone = certify_all_and_close(&mut desk, &open);
    let open = consented(
        &mut desk,
        OpenVisit {
            applicant: entity(),
            representative: Some(representative()),
        },
        true,
    );
    let for_entity = certify_all_and_close(&mut desk, &open);

    for lang in Lang::ALL {
        let e = expect(lang);
        for (visit, who) in [(&alone, "person"), (&for_entity, "entity")] {
            let name = format!("receipt-{}-{who}", e.name);
            let qr = qr_payload(visit);
            let pdf = desk.app.receipt(visit.id, lang, &qr).unwrap();
            let text = text_of(&pdf, &name);
            let title = match lang {
                Lang::Kk => "Қолхат",
                Lang::Ru => "Расписка",
            };
            assert_has(&text, title, &name);
            assert_has(&text, e.free, &name);
            assert_has(&text, "Ғабитов Ұлан", &name);
            assert_has(&text, e.tax_label, &name);
            assert_visit_facts(&text, visit, &name);
            assert_eq!(page_count(&pdf, &name), 1, "{name} fits one page");
            render(&pdf, &name, 100);
            let sharp = render(&pdf, &format!("{name}-qr"), 200);
            assert_eq!(
                decode_qr(&sharp),
                qr,
                "{name}: the QR code holds the payload"
            );
        }
    }

    let ru = one_line(&text_of(
        &desk
            .app
            .receipt(for_entity.id, Lang::Ru, &qr_payload(&for_entity))
            .unwrap(),
        "receipt-ru-entity",
    ));
    // Three documents of 1, 2 and 3 pages, kept six months from 23.11.2026.
    for row in [
        "1 Неке қию туралы куәлік",
        "2 Ұлттық бірыңғай тестілеу сертификаты",
    ] {
        assert_has(&ru, row, "numbered rows");
    }
    assert_has(&ru, "23.05.2027", "kept until");
    let m = Messages::new(Lang::Ru);
    for id in ["forms-receipt-kept-note", "forms-receipt-qr-caption"] {
        assert_has(&ru, &m.text(id, []), id);
    }
    let at = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono::Local)
            .format("%d.%m.%Y %H:%M")
            .to_string()
    };
    let started = at(for_entity.started_at);
    let ended = at(for_entity.ended_at.expect("closed"));
    assert_ne!(started, ended);
    assert_has(&ru, &format!("Документы приняты {started}"), "start");
    assert_has(&ru, &format!("Обслуживание завершено {ended}"), "end");
}

#[test]
fn a_long_document_list_runs_onto_numbered_pages() {
    let mut desk = clerk_at_counter();
    let visit = desk
        .app
        .open_visit(&OpenVisit {
            applicant: form_applicant(),
            representative: None,
        })
        .unwrap();
    let many: Vec<Document> = (1..=30)
        .map(|n| Document {
            title: format!("Анықтама № {n}"),
            ..documents()[0].clone()
        })
        .collect();
    desk.app.set_documents(visit.id, &many, false).unwrap();
    let pdf = desk.app.consent_form(visit.id, Lang::Kk).unwrap();
    assert_eq!(page_count(&pdf, "consent-kk-long"), 2);
    let text = one_line(&text_of(&pdf, "consent-kk-long"));
    for n in 1..=30 {
        assert_has(&text, &format!("{n}) Анықтама № {n} "), "every document");
    }
    // pdftotext reads the folio "1 / 2" as "1/2".
    let squeezed = text.replace(' ', "");
    assert_has(&squeezed, "1/2", "folio");
    assert_has(&squeezed, "2/2", "folio");
    assert_has(&text, "(өтініш берушінің қолы)", "the signature comes last");
}

#[test]
fn forms_are_for_the_clerk_of_the_visit_or_a_supervisor() {
    let mut desk = clerk_at_counter();
    let visit = consented(
        &mut desk,
        OpenVisit {
            applicant: form_applicant(),
            representative: None,
        },
        false,
    );
    // A visit with nothing certified yet still gets a receipt, saying so.
    let text = text_of(
        &desk.app.receipt(visit.id, Lang::Kk, b"rastau").unwrap(),
        "receipt-kk-nothing-certified",
    );
    assert_has(&text, "Электрондық көшірмелер расталған жоқ.", "no copies");

    desk.app.logout().unwrap();
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    hire(
        &mut desk.app,
        &person_account(iin("91030340033"), "Омарова Айгүл"),
    );
    desk.as_supervisor();
    assert!(desk.app.consent_form(visit.id, Lang::Ru).is_ok());
    assert!(desk.app.receipt(visit.id, Lang::Ru, b"rastau").is_ok());

    desk.app.logout().unwrap();
    desk.app.login(&iin("91030340033"), CLERK_PASSWORD).unwrap();
    assert!(matches!(
        desk.app.consent_form(visit.id, Lang::Kk),
        Err(Error::NotYourVisit)
    ));
    assert!(matches!(
        desk.app.receipt(visit.id, Lang::Kk, b"rastau"),
        Err(Error::NotYourVisit)
    ));
    assert!(matches!(
        desk.app.consent_form(visit.id + 100, Lang::Kk),
        Err(Error::VisitNotFound)
    ));
    desk.app.logout().unwrap();
    assert!(matches!(
        desk.app.consent_form(visit.id, Lang::Kk),
        Err(Error::NotLoggedIn)
    ));
}

fn person_account(iin: String, name: &str) -> rastau_core::account::NewAccount {
    common::person(iin, name, CLERK_PASSWORD)
}

fn stored_files(desk: &Desk) -> usize {
    let root = desk.dir.path().join(FILES_DIR);
    let Ok(fans) = std::fs::read_dir(root) else {
        return 0;
    };
    fans.map(|fan| std::fs::read_dir(fan.unwrap().path()).unwrap().count())
        .sum()
}

/// A PNG of a few dozen bytes declaring 100 000 × 100 000 pixels.
fn bomb_png() -> Vec<u8> {
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        // The import refuses the size before it would check a checksum.
        c.extend_from_slice(&[0; 4]);
        c
    }
    let mut ihdr = 100_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[test]
fn the_signed_consent_scan_is_kept_with_the_visit() {
    let mut desk = clerk_at_counter();
    let visit = consented(
        &mut desk,
        OpenVisit {
            applicant: form_applicant(),
            representative: None,
        },
        false,
    );
    assert_eq!(visit.consent_scan_hash, None);

    let scan = TestPage::sized(1240, 1754).jpeg();
    let attached = desk.app.attach_consent_scan(visit.id, &scan).unwrap();
    let hash = attached
        .consent_scan_hash
        .clone()
        .expect("the scan is shown");
    assert_eq!(Files::new(desk.dir.path()).get(&hash).unwrap(), scan);
    assert_eq!(desk.app.my_open_visits().unwrap(), vec![attached.clone()]);

    let files_before = stored_files(&desk);
    let truncated = &scan[..scan.len() / 2];
    for (bytes, code) in [
        (truncated, "capture-truncated"),
        (&bomb_png()[..], "capture-image-too-large"),
        (
            b"not a scan at all".as_slice(),
            "capture-unsupported-format",
        ),
    ] {
        let err = desk.app.attach_consent_scan(visit.id, bytes).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        let kk = Messages::new(Lang::Kk).error(&err);
        assert_has(&kk, "«Қол қойылған өтініш»", "the file is named in words");
        let unchanged = visit::view(desk.app.store().read(), visit.id).unwrap();
        assert_eq!(unchanged, attached, "a refused scan changes nothing");
    }
    assert_eq!(
        stored_files(&desk),
        files_before,
        "nothing refused is stored"
    );

    // A PDF from a scanner app is taken too, and replaces the earlier scan.
    let pdf = desk.app.consent_form(visit.id, Lang::Kk).unwrap();
    let rescanned = desk.app.attach_consent_scan(visit.id, &pdf).unwrap();
    let pdf_hash = rescanned.consent_scan_hash.expect("the new scan is shown");
    assert_ne!(pdf_hash, hash);
    assert_eq!(Files::new(desk.dir.path()).get(&pdf_hash).unwrap(), pdf);
}

#[test]
fn only_the_clerk_serving_an_open_visit_attaches_its_consent_scan() {
    let mut desk = clerk_at_counter();
    let visit = consented(
        &mut desk,
        OpenVisit {
            applicant: form_applicant(),
            representative: None,
        },
        false,
    );
    let scan = TestPage::sized(400, 560).jpeg();
    desk.app.logout().unwrap();
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    assert!(matches!(
        desk.app.attach_consent_scan(visit.id, &scan),
        Err(Error::NotYourVisit)
    ));
    desk.app.logout().unwrap();
    desk.app.login(&clerk_iin(), CLERK_PASSWORD).unwrap();
    walked_away(&mut desk.app, visit.id);
    let notice_files = stored_files(&desk);
    desk.app.close_visit(visit.id).unwrap();
    assert!(matches!(
        desk.app.attach_consent_scan(visit.id, &scan),
        Err(Error::VisitClosed)
    ));
    let closed = visit::view(desk.app.store().read(), visit.id).unwrap();
    assert_eq!(closed.consent_scan_hash, None);
    assert_eq!(stored_files(&desk), notice_files, "no scan was stored");
}

#[test]
fn the_sealed_receipt_carries_the_centers_seal_over_the_signed_copies() {
    let mut desk = clerk_at_counter();
    let visit = consented(
        &mut desk,
        OpenVisit {
            applicant: form_applicant(),
            representative: None,
        },
        false,
    );
    let visit = certify_all_and_close(&mut desk, &visit);
    let pdf = desk.app.sealed_receipt(visit.id, Lang::Ru).unwrap();
    let qr = String::from_utf8(decode_qr(&render(&pdf, "receipt-ru-sealed", 200))).unwrap();
    let seal = desk.app.verify_qr(&qr).unwrap();
    assert_eq!(seal.check, rastau_core::seal::SealCheck::Valid, "{qr}");
    assert_eq!(seal.kind, rastau_core::seal::SealKind::Receipt);
    assert_eq!(seal.document, visit.number_text);
    assert_eq!(seal.tax_id, visit.applicant.tax_id);
    let hashes = rastau_core::copy::pdf_hashes_of_visit(desk.app.store().read(), visit.id).unwrap();
    assert_eq!(hashes.len(), documents().len());
    use base64::Engine;
    let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(rastau_core::seal::digest_of(&hashes));
    assert!(qr.contains(&digest), "the digest covers the signed copies");
}
