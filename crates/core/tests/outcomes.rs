//! Rule 6: the result of a request is the certified copy or a motivated refusal issued as a
//! signed electronic document, and nothing else. A visit closes only when every listed document
//! has one of the two; an applicant who walks away is refused on ground 1.
mod common;

use common::journal::{a_day, diploma};
use common::*;
use rastau_core::i18n::Messages;
use rastau_core::journal::{DocumentOutcome, JournalFilter};
use rastau_core::refusal::{Ground, NoticeLanguages, RefuseRequest};
use rastau_core::visit::{Decision, OpenVisit};
use rastau_core::{Error, Lang};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

const WALKED_AWAY: &str =
    "Заявитель ушёл, не дождавшись заверения: подлинник для заверения не представлен.";

fn ground_one(positions: &[u32]) -> RefuseRequest {
    RefuseRequest {
        positions: positions.to_vec(),
        grounds: vec![Ground::NotPresented],
        justification: WALKED_AWAY.into(),
    }
}

fn open_clerk_key(c: &mut Counter) {
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
}

#[test]
fn a_visit_with_an_undecided_document_is_not_closed_and_the_refusal_names_it() {
    let mut c = consented_visit(&[birth_certificate(), diploma()]);
    c.certify_all(1);
    let refused = c.desk.app.close_visit(c.visit_id).unwrap_err();
    assert!(
        matches!(&refused, Error::UndecidedDocuments { documents } if documents == &[(2, "Диплом".to_owned())]),
        "{refused:?}"
    );
    // The message names the document, not the certified one, and offers both ways out.
    let ru = Messages::new(Lang::Ru).error(&refused);
    assert!(ru.contains("«Диплом»") && !ru.contains("Туу"), "{ru}");
    for way in ["заверьте", "откажите", "уведомление", "подпункту 1)"]
    {
        assert!(ru.contains(way), "«{way}» is missing from {ru}");
    }
    let kk = Messages::new(Lang::Kk).error(&refused);
    assert!(
        kk.contains("«Диплом»") && kk.contains("1) тармақшасы"),
        "{kk}"
    );
    assert!(c.desk.app.my_open_visits().unwrap()[0].ended_at.is_none());
}

#[test]
fn an_applicant_who_walks_away_is_refused_on_ground_one_and_that_closes_the_visit() {
    let mut c = consented_visit(&[birth_certificate(), diploma()]);
    open_clerk_key(&mut c);
    let visit_id = c.visit_id;
    let app = &mut c.desk.app;
    app.refuse(visit_id, &ground_one(&[1, 2])).unwrap();
    // Refused is not yet the result: the notice is.
    assert!(matches!(
        app.close_visit(visit_id),
        Err(Error::NoticeNotIssued)
    ));
    app.issue_notice(visit_id, NoticeLanguages::Both, None)
        .unwrap();
    assert!(app.close_visit(visit_id).unwrap().ended_at.is_some());
}

#[test]
fn a_visit_with_nothing_listed_closes_only_once_its_request_is_listed_and_refused() {
    let mut c = listed_visit(&[]);
    let visit_id = c.visit_id;
    let refused = c.desk.app.close_visit(visit_id).unwrap_err();
    assert!(matches!(refused, Error::NothingListed), "{refused:?}");
    let ru = Messages::new(Lang::Ru).error(&refused);
    assert!(ru.contains("подпункту 1)"), "{ru}");

    c.desk
        .app
        .set_documents(visit_id, &[diploma()], false)
        .unwrap();
    open_clerk_key(&mut c);
    let app = &mut c.desk.app;
    app.refuse(visit_id, &ground_one(&[1])).unwrap();
    app.issue_notice(visit_id, NoticeLanguages::Ru, None)
        .unwrap();
    assert!(app.close_visit(visit_id).unwrap().ended_at.is_some());
}

#[test]
fn undecided_is_the_journal_outcome_of_open_visits_only() {
    let (mut day, today) = a_day();
    let open = day.visit(&iin("95060140012"), &[diploma()], true);
    day.desk.as_supervisor();
    let filter = JournalFilter {
        to: today + chrono::Duration::days(1),
        ..JournalFilter::day(today)
    };
    let journal = day.desk.app.journal(&filter).unwrap();
    for row in &journal.rows {
        let undecided = row
            .documents
            .iter()
            .any(|d| d.outcome == DocumentOutcome::Undecided);
        assert_eq!(undecided, row.visit_id == open, "{row:?}");
        assert_eq!(row.ended_at.is_none(), row.visit_id == open, "{row:?}");
    }
}

#[test]
fn a_supervisor_cannot_close_a_clerks_undecided_visit_either() {
    let mut desk = with_clerk();
    desk.as_clerk();
    let visit = desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    desk.app
        .set_documents(visit.id, &[birth_certificate()], false)
        .unwrap();
    desk.as_supervisor();
    assert!(matches!(
        desk.app.close_visit(visit.id),
        Err(Error::UndecidedDocuments { .. })
    ));
}

#[test]
fn each_listed_document_has_its_own_decision_by_its_place_even_under_one_title() {
    // Three birth certificates of three children: the same title, three results.
    let twins = [
        birth_certificate(),
        birth_certificate(),
        birth_certificate(),
    ];
    let mut c = consented_visit(&twins);
    open_clerk_key(&mut c);
    let visit_id = c.visit_id;
    let app = &mut c.desk.app;
    let pending = vec![Decision::Pending; 3];
    assert_eq!(app.visit(visit_id).unwrap().outcomes, pending);

    let copy = certify_with(app, visit_id, 2, &[scanned_page(80)]).unwrap();
    app.refuse(visit_id, &ground_one(&[1])).unwrap();
    let certified = Decision::Certified { copy_id: copy.id };
    assert_eq!(
        app.visit(visit_id).unwrap().outcomes,
        [
            Decision::Refused { notice_id: None },
            certified,
            Decision::Pending
        ]
    );

    let notice = app
        .issue_notice(visit_id, NoticeLanguages::Ru, None)
        .unwrap();
    let refused = Decision::Refused {
        notice_id: Some(notice.id),
    };
    assert_eq!(
        app.visit(visit_id).unwrap().outcomes,
        [refused, certified, Decision::Pending]
    );
    // The open visits the counter resumes carry the same decisions.
    assert_eq!(
        app.my_open_visits().unwrap()[0].outcomes,
        [refused, certified, Decision::Pending]
    );
}
