//! Refusing under rule 9: grounds and justification required, a document either certified or
//! refused, the notice of Annex 2 signed by the authorised person and kept with the visit.
mod common;

use common::poppler::{one_line, text_of};
use common::*;
use rastau_core::clock::Clock;
use rastau_core::refusal::{Ground, NoticeLanguages, NoticeSigner, RefuseRequest};
use rastau_core::seal::{SealCheck, SealKind};
use rastau_core::signing_key::KeyFile;
use rastau_core::verify::StoredKind;
use rastau_core::visit::Document;
use rastau_core::Coded;
use rastau_core::Error;
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};
use rastau_sign::{verify_detached, verify_pdf, SignError};

const PENCIL: &str = "На с. 2 дата рождения исправлена карандашом; печать АХАТ не читается.";

fn diploma() -> Document {
    Document {
        title: "Диплом".into(),
        number: "ЖБ-Б 0012345".into(),
        issued_on: "30.06.2017".into(),
        issuer: "ҚарМУ".into(),
        sheets: 1,
    }
}

fn refuse(positions: &[u32], grounds: &[Ground], justification: &str) -> RefuseRequest {
    RefuseRequest {
        positions: positions.to_vec(),
        grounds: grounds.to_vec(),
        justification: justification.into(),
    }
}

fn open_clerk_key(c: &mut Counter) {
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
}

#[test]
fn a_refusal_names_a_ground_and_a_justification() {
    let mut c = consented_visit(&[birth_certificate(), diploma()]);
    let app = &mut c.desk.app;
    let cases = [
        (refuse(&[2], &[], PENCIL), "no ground"),
        (
            refuse(&[2], &[Ground::Defects], "  \n "),
            "no justification",
        ),
        (refuse(&[], &[Ground::Defects], PENCIL), "no document"),
        (
            refuse(&[2, 7], &[Ground::Defects], PENCIL),
            "no such document",
        ),
    ];
    let errors: Vec<String> = cases
        .iter()
        .map(|(request, what)| match app.refuse(c.visit_id, request) {
            Err(e) => e.code().to_owned(),
            Ok(_) => panic!("{what}: refused nothing"),
        })
        .collect();
    assert_eq!(
        errors,
        [
            "no-grounds",
            "justification-required",
            "nothing-to-refuse",
            "document-not-found"
        ]
    );
    // The last request failed on document 7: document 2 was not refused either.
    assert!(app.refusals(c.visit_id).unwrap().refusals.is_empty());
}

#[test]
fn one_document_certified_one_refused_and_the_notice_signed() {
    let mut c = consented_visit(&[birth_certificate(), diploma()]);
    c.certify_all(1);
    let visit_id = c.visit_id;
    let app = &mut c.desk.app;

    let view = app
        .refuse(visit_id, &refuse(&[2], &[Ground::Defects], PENCIL))
        .unwrap();
    assert_eq!(view.refusals.len(), 1);
    assert_eq!(view.refusals[0].grounds, [Ground::Defects]);
    assert_eq!(view.refusals[0].justification, PENCIL);
    assert!(!view.refusals[0].signed);

    // A document is certified or refused, never both.
    assert!(matches!(
        certify_with(app, visit_id, 2, &[scanned_page(9)]),
        Err(Error::DocumentRefused { position: 2 })
    ));
    assert!(matches!(
        app.refuse(visit_id, &refuse(&[1], &[Ground::Defects], PENCIL)),
        Err(Error::AlreadyCertified)
    ));
    assert!(matches!(
        app.refuse(visit_id, &refuse(&[2], &[Ground::NoResource], PENCIL)),
        Err(Error::AlreadyRefused { position: 2 })
    ));
    // The applicant leaves with the notice: no closing the visit before it is signed.
    assert!(matches!(
        app.close_visit(visit_id),
        Err(Error::NoticeNotIssued)
    ));

    let notice = app
        .issue_notice(visit_id, NoticeLanguages::Both, None)
        .unwrap();
    assert!(notice.number.ends_with("-N1"), "{}", notice.number);
    assert_eq!(notice.documents, ["Диплом"]);
    assert_eq!(notice.prints, 0);
    assert!(matches!(
        app.withdraw_refusal(visit_id, 2),
        Err(Error::RefusalInNotice { position: 2 })
    ));
    assert!(matches!(
        app.issue_notice(visit_id, NoticeLanguages::Ru, None),
        Err(Error::NoRefusalsToNotify)
    ));

    // PAdES inside and CAdES beside, by the clerk, from the center's trusted CA.
    let pdf = app.notice_file(notice.id).unwrap();
    let signature = app.store().files().get(&notice.signature_hash).unwrap();
    let inside = verify_pdf(&pdf, &c.pki.trust(), c.desk.clock.now()).unwrap();
    assert!(inside.intact && inside.trusted, "{inside:?}");
    assert_eq!(inside.signer.iin.as_deref(), Some(clerk_iin().as_str()));
    assert!(
        verify_detached(&pdf, &signature, &c.pki.trust(), c.desk.clock.now())
            .unwrap()
            .intact
    );

    // `rastau verify` knows the notice and its seal.
    let report = app.verify_file(&pdf, None).unwrap();
    let stored = report.in_store.expect("this store issued the notice");
    assert_eq!(stored.kind, StoredKind::Notice);
    assert_eq!(stored.number, notice.number);
    let seal = report.seal.expect("the notice carries a sealed QR code");
    assert_eq!(seal.kind, SealKind::Notice);
    assert_eq!(seal.document, notice.number);
    assert_eq!(seal.check, SealCheck::Valid);
    assert_eq!(seal.matches_store, Some(true));

    // The receipt lists the certified copy and the refused document with its notice.
    let receipt = app.sealed_receipt(visit_id, rastau_core::Lang::Ru).unwrap();
    let text = one_line(&text_of(&receipt, "receipt-with-refusal-ru"));
    for wanted in [
        "Заверенные электронные копии",
        "Туу туралы куәлік",
        "Отказано в заверении",
    ] {
        assert!(text.contains(wanted), "«{wanted}» is missing from {text}");
    }
    assert!(text.contains("Диплом Номер: ЖБ-Б 0012345"), "{text}");
    assert!(text.contains(&format!("пп. 3 {}", notice.number)), "{text}");

    let closed = app.close_visit(visit_id).unwrap();
    assert!(closed.ended_at.is_some());
    let history = app.notices(&person_applicant().tax_id).unwrap();
    assert_eq!(history, [notice]);
}

#[test]
fn without_consent_ground_one_is_suggested_and_the_whole_request_refused() {
    let mut c = listed_visit(&[birth_certificate(), diploma()]);
    let visit_id = c.visit_id;
    assert!(c
        .desk
        .app
        .visit(visit_id)
        .unwrap()
        .consent_received_at
        .is_none());
    let view = c.desk.app.refusals(visit_id).unwrap();
    assert_eq!(view.without_pages, [1, 2]);
    assert_eq!(view.notice_signer, NoticeSigner::Clerk);

    let why = "Письменное согласие (приложение 1) не представлено.";
    let view = c
        .desk
        .app
        .refuse(visit_id, &refuse(&[1, 2], &[Ground::NotPresented], why))
        .unwrap();
    assert_eq!(view.refusals.len(), 2);
    assert!(
        view.without_pages.is_empty(),
        "refused documents need no pages"
    );

    // Signing needs the clerk's key, opened as for certifying.
    assert!(matches!(
        c.desk.app.issue_notice(visit_id, NoticeLanguages::Ru, None),
        Err(Error::NoSigningKey)
    ));
    open_clerk_key(&mut c);
    let notice = c
        .desk
        .app
        .issue_notice(visit_id, NoticeLanguages::Ru, None)
        .unwrap();
    assert_eq!(notice.documents, ["Туу туралы куәлік", "Диплом"]);
    assert_eq!(notice.languages, NoticeLanguages::Ru);
    c.desk.app.close_visit(visit_id).unwrap();
}

#[test]
fn a_refusal_is_withdrawn_until_its_notice_is_signed() {
    let mut c = consented_visit(&[birth_certificate()]);
    let app = &mut c.desk.app;
    app.refuse(c.visit_id, &refuse(&[1], &[Ground::Defects], PENCIL))
        .unwrap();
    let view = app.withdraw_refusal(c.visit_id, 1).unwrap();
    assert!(view.refusals.is_empty());
    assert!(matches!(
        app.withdraw_refusal(c.visit_id, 1),
        Err(Error::NotRefused { position: 1 })
    ));
    c.certify_all(1);
}

#[test]
fn when_the_center_requires_it_a_supervisor_signs_with_their_own_key() {
    let mut c = consented_visit(&[diploma()]);
    c.desk.as_supervisor();
    c.desk
        .app
        .set_notice_signer(NoticeSigner::Supervisor)
        .unwrap();
    c.desk.as_clerk();
    open_clerk_key(&mut c);
    let app = &mut c.desk.app;
    app.refuse(c.visit_id, &refuse(&[1], &[Ground::Defects], PENCIL))
        .unwrap();
    assert!(matches!(
        app.issue_notice(c.visit_id, NoticeLanguages::Kk, None),
        Err(Error::SupervisorMustSign)
    ));

    let key_file = |pkcs12: Vec<u8>, password: &str| KeyFile {
        pkcs12,
        password: password.into(),
    };
    let clerks = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    let supervisors = |options| c.pki.clerk(&supervisor_iin(), options);
    let expired = ClerkOptions {
        expired: true,
        ..Default::default()
    };
    // The forger's key: self-signed, in the supervisor's name, with nonRepudiation.
    let forged = c.pki.self_signed(&supervisor_iin());
    let refused = [
        key_file(clerks, PASSWORD),
        key_file(supervisors(ClerkOptions::default()), "not-the-password"),
        key_file(supervisors(expired), PASSWORD),
        key_file(forged, PASSWORD),
    ]
    .map(|key| {
        app.issue_notice(c.visit_id, NoticeLanguages::Kk, Some(&key))
            .unwrap_err()
    });
    assert!(matches!(refused[0], Error::NotASupervisorKey));
    assert!(matches!(refused[1], Error::Sign(SignError::WrongPassword)));
    assert!(matches!(refused[2], Error::Sign(SignError::Expired { .. })));
    assert!(
        matches!(refused[3], Error::Sign(SignError::UntrustedIssuer { .. })),
        "{:?}",
        refused[3]
    );
    assert!(app.refusals(c.visit_id).unwrap().notices.is_empty());

    let name = "Әбілқасымова Гүлнар";
    let key = c.pki.clerk(
        &supervisor_iin(),
        ClerkOptions {
            name,
            ..Default::default()
        },
    );
    let notice = app
        .issue_notice(
            c.visit_id,
            NoticeLanguages::Kk,
            Some(&key_file(key, PASSWORD)),
        )
        .unwrap();
    assert_eq!(notice.signer_name, name);
    let pdf = app.notice_file(notice.id).unwrap();
    let signed = verify_pdf(&pdf, &c.pki.trust(), c.desk.clock_now()).unwrap();
    assert_eq!(
        signed.signer.iin.as_deref(),
        Some(supervisor_iin().as_str())
    );
}

/// The notice is signed away from the store (the key's status and timestamp go over the
/// network, an NCALayer key waits for its PIN): a refusal withdrawn meanwhile means the notice
/// signed no longer names what the visit refuses, so it is not kept, and its files go with it.
#[test]
fn a_notice_whose_refusals_change_while_it_is_signed_is_not_kept() {
    let mut c = consented_visit(&[birth_certificate(), diploma()]);
    open_clerk_key(&mut c);
    let app = &mut c.desk.app;
    app.refuse(c.visit_id, &refuse(&[1, 2], &[Ground::Defects], PENCIL))
        .unwrap();
    let files_before = stored_files(&c.desk);
    let app = &mut c.desk.app;
    let job = app
        .start_notice(c.visit_id, NoticeLanguages::Ru, None)
        .unwrap();
    let signed = job.sign().unwrap();
    app.withdraw_refusal(c.visit_id, 2).unwrap();
    let e = app.finish_notice(signed).unwrap_err();
    assert!(matches!(e, Error::RefusalsChangedWhileSigning), "{e:?}");
    assert_eq!(e.code(), "refusals-changed-while-signing");
    assert!(app.refusals(c.visit_id).unwrap().notices.is_empty());
    assert_eq!(
        stored_files(&c.desk),
        files_before,
        "its files went with it"
    );
    // Signed again over what the visit now refuses, it is kept.
    let notice = c
        .desk
        .app
        .issue_notice(c.visit_id, NoticeLanguages::Ru, None)
        .unwrap();
    assert_eq!(c.desk.app.refusals(c.visit_id).unwrap().notices.len(), 1);
    assert!(notice.number.ends_with("-N1"), "{}", notice.number);
}

/// The files in the store's file folder, by name.
fn stored_files(desk: &Desk) -> Vec<String> {
    let mut names: Vec<String> = walk(&desk.dir.path().join(rastau_core::store::FILES_DIR));
    names.sort();
    names
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| match e.file_type().map(|t| t.is_dir()) {
            Ok(true) => walk(&e.path()),
            _ => vec![e.file_name().to_string_lossy().into_owned()],
        })
        .collect()
}
