//! Serving an applicant at the counter: the visit, its journal number, documents and consent.
mod common;

use chrono::{Duration, NaiveDate};
use common::poppler::{one_line, text_of};
use common::*;
use rastau_core::applicant::Applicant;
use rastau_core::audit::Action;
use rastau_core::ids::{IdError, TaxId};
use rastau_core::visit::{ConsentGiven, Document, OpenVisit, Present, Representative, VisitView};
use rastau_core::{Error, Lang};

/// An applicant who came in person.
fn alone(applicant: Applicant) -> OpenVisit {
    OpenVisit {
        applicant,
        representative: None,
    }
}

fn document(title: &str) -> Document {
    Document {
        title: title.into(),
        number: "№ 0012345".into(),
        issued_on: "12.03.2015".into(),
        issuer: "ӘМ / МЮ РК".into(),
        sheets: 1,
    }
}

/// A visit of [`person_applicant`] listing one document.
fn listed(desk: &mut Desk) -> VisitView {
    let visit = desk.app.open_visit(&alone(person_applicant())).unwrap();
    desk.app
        .set_documents(visit.id, &[document("Диплом")], false)
        .unwrap()
}

fn clerk_at_counter() -> Desk {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    desk
}

#[test]
fn a_visit_gets_the_next_journal_number_and_remembers_the_applicant() {
    let mut desk = clerk_at_counter();
    let first = desk.app.open_visit(&alone(person_applicant())).unwrap();
    assert_eq!(first.number.seq, 1);
    assert_eq!(first.number_text, format!("{}/000001", first.number.year));
    assert_eq!(first.clerk_name, "Ғабитов Ұлан");
    assert_eq!(first.started_at, desk.clock_now());

    let lookup = desk
        .app
        .lookup_applicant(&person_applicant().tax_id)
        .unwrap();
    assert!(matches!(lookup.id, TaxId::Iin(_)));
    assert_eq!(lookup.known, Some(person_applicant()));

    let mut edited = person_applicant();
    edited.phone = "+7 777 111 22 33".into();
    let second = desk.app.open_visit(&alone(edited.clone())).unwrap();
    assert_eq!(second.number.seq, 2, "unique and gap-free");
    assert_eq!(
        desk.app
            .lookup_applicant(&edited.tax_id)
            .unwrap()
            .known
            .unwrap()
            .phone,
        edited.phone
    );
}

#[test]
fn an_unknown_or_invalid_number_is_told_at_once() {
    let mut desk = clerk_at_counter();
    assert_eq!(
        desk.app
            .lookup_applicant(&iin("99123130017"))
            .unwrap()
            .known,
        None
    );
    assert!(matches!(
        desk.app.lookup_applicant("123"),
        Err(Error::Id(IdError::Length { found: 3 }))
    ));
}

#[test]
fn a_legal_entity_needs_its_name_and_a_person_their_name() {
    let mut desk = clerk_at_counter();
    let company = Applicant {
        tax_id: "150540000007".into(),
        surname: String::new(),
        given_name: String::new(),
        patronymic: String::new(),
        organization: String::new(),
        address: String::new(),
        phone: String::new(),
    };
    let refused = desk.app.open_visit(&alone(company.clone()));
    assert!(matches!(
        refused,
        Err(Error::Required {
            field: "organization"
        })
    ));
    let named = Applicant {
        organization: "«Дала» ЖШС".into(),
        ..company
    };
    assert!(desk.app.open_visit(&alone(named)).is_ok());

    let nameless = Applicant {
        surname: " ".into(),
        ..person_applicant()
    };
    let refused = desk.app.open_visit(&alone(nameless));
    assert!(matches!(refused, Err(Error::Required { field: "surname" })));
}

#[test]
fn a_refused_visit_takes_no_number() {
    let mut desk = clerk_at_counter();
    let today = desk.clock_now().date_naive();
    let expired = Representative {
        full_name: "Серікбаев Дәулет".into(),
        iin: iin("87040230019"),
        poa_number: "Н-77".into(),
        poa_issued_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        poa_valid_until: today - Duration::days(1),
    };
    let request = OpenVisit {
        applicant: person_applicant(),
        representative: Some(expired.clone()),
    };
    assert!(matches!(
        desk.app.open_visit(&request),
        Err(Error::PowerOfAttorneyExpired { .. })
    ));
    let valid = Representative {
        poa_valid_until: today + Duration::days(30),
        ..expired
    };
    let visit = desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: Some(valid.clone()),
        })
        .unwrap();
    assert_eq!(visit.number.seq, 1, "the refused attempt took no number");
    assert_eq!(visit.representative, Some(valid));
}

#[test]
fn no_documents_no_consent_and_the_list_is_fixed_after_it() {
    let mut desk = clerk_at_counter();
    let visit = desk.app.open_visit(&alone(person_applicant())).unwrap();
    assert!(matches!(
        desk.app.confirm_consent(visit.id, Present::Applicant),
        Err(Error::NoDocuments)
    ));
    assert!(matches!(
        desk.app.set_documents(visit.id, &[document(" ")], false),
        Err(Error::Required {
            field: "documentTitle"
        })
    ));
    let listed = desk
        .app
        .set_documents(
            visit.id,
            &[document("Туу туралы куәлік"), document("Диплом")],
            true,
        )
        .unwrap();
    assert_eq!(listed.documents.len(), 2);
    assert!(listed.copies_on_media);
    let consented = desk
        .app
        .confirm_consent(visit.id, Present::Applicant)
        .unwrap();
    assert!(consented.consent_received_at.is_some());
    assert!(matches!(
        desk.app
            .set_documents(visit.id, &[document("Another")], false),
        Err(Error::ConsentAlreadyReceived)
    ));
}

#[test]
fn closing_fixes_the_duration_and_flags_a_breach_of_30_minutes() {
    let mut desk = clerk_at_counter();
    let quick = listed(&mut desk);
    desk.clock.advance(Duration::minutes(9));
    walked_away(&mut desk.app, quick.id);
    let closed = desk.app.close_visit(quick.id).unwrap();
    assert_eq!(closed.duration_seconds, Some(9 * 60));
    assert!(!closed.over_limit);
    assert!(matches!(
        desk.app.close_visit(quick.id),
        Err(Error::VisitClosed)
    ));

    let slow = listed(&mut desk);
    // Activity keeps the session open past the idle limit.
    for _ in 0..4 {
        desk.clock.advance(Duration::minutes(8));
        desk.app.touch().unwrap();
    }
    walked_away(&mut desk.app, slow.id);
    assert!(desk.app.close_visit(slow.id).unwrap().over_limit);
}

#[test]
fn open_visits_survive_a_restart_and_belong_to_their_clerk() {
    let mut desk = clerk_at_counter();
    let visit = desk.app.open_visit(&alone(person_applicant())).unwrap();
    let mut desk = desk.restart();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    let open = desk.app.my_open_visits().unwrap();
    assert_eq!(
        open.iter().map(|v| v.id).collect::<Vec<_>>(),
        vec![visit.id]
    );

    desk.app.logout().unwrap();
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let second_clerk = person(iin("91030330033"), "Second", "password-2");
    hire(&mut desk.app, &second_clerk);
    desk.app.login(&second_clerk.iin, "password-2").unwrap();
    assert!(desk.app.my_open_visits().unwrap().is_empty());
    assert!(matches!(
        desk.app.close_visit(visit.id),
        Err(Error::NotYourVisit)
    ));
}

#[test]
fn the_consent_records_who_signed_it_in_person_and_who_registered_it() {
    let mut desk = clerk_at_counter();
    let alone = listed(&mut desk);
    assert!(matches!(
        desk.app.confirm_consent(alone.id, Present::Representative),
        Err(Error::NoRepresentative)
    ));
    let consented = desk
        .app
        .confirm_consent(alone.id, Present::Applicant)
        .unwrap();
    assert_eq!(
        consented.consent_given,
        Some(ConsentGiven {
            present: Present::Applicant,
            name: "Нұрланова Әлия Серікқызы".into(),
            registered_by: "Ғабитов Ұлан".into(),
        })
    );
    assert!(matches!(
        desk.app.confirm_consent(alone.id, Present::Representative),
        Err(Error::ConsentAlreadyReceived)
    ));

    let today = desk.clock_now().date_naive();
    let representative = Representative {
        full_name: "Серікбаев Дәулет Һашимұлы".into(),
        iin: iin("87040230019"),
        poa_number: "Н-77".into(),
        poa_issued_on: today - Duration::days(10),
        poa_valid_until: today + Duration::days(30),
    };
    let with = desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: Some(representative),
        })
        .unwrap();
    desk.app
        .set_documents(with.id, &[document("Диплом")], false)
        .unwrap();
    desk.app
        .confirm_consent(with.id, Present::Representative)
        .unwrap();

    // Kept with the visit: shown after a restart, in the audit trail and on the receipt.
    let mut desk = desk.restart();
    desk.as_supervisor();
    let view = rastau_core::visit::view(desk.app.store().read(), with.id).unwrap();
    let given = view.consent_given.expect("presence recorded");
    assert_eq!(
        (
            given.present,
            given.name.as_str(),
            given.registered_by.as_str()
        ),
        (
            Present::Representative,
            "Серікбаев Дәулет Һашимұлы",
            "Ғабитов Ұлан"
        )
    );
    let entries = audit_of(&mut desk.app, Action::ConsentConfirmed).entries;
    assert_eq!(
        entries[0].detail,
        format!(
            "representative Серікбаев Дәулет Һашимұлы; registered by {} Ғабитов Ұлан",
            clerk_iin()
        )
    );
    assert!(entries[1]
        .detail
        .starts_with("applicant Нұрланова Әлия Серікқызы;"));
    let receipt = desk.app.sealed_receipt(with.id, Lang::Ru).unwrap();
    let text = one_line(&text_of(&receipt, "receipt-consent-in-person-ru"));
    assert!(
        text.contains(
            "Согласие дано лично Серікбаев Дәулет Һашимұлы (представитель), \
             зарегистрировал(а) Ғабитов Ұлан"
        ),
        "{text}"
    );
}
