//! A day at the center for the journal's tests: two clerks, certified and refused documents,
//! a visit over the limit, and one visit the next day.
use super::*;
use chrono::{Duration, NaiveDate};
use rastau_core::refusal::{Ground, NoticeLanguages, RefuseRequest};
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};

pub const SECOND_CLERK_PASSWORD: &str = "clerk-pass-2";

pub fn second_clerk_iin() -> String {
    iin("91030330033")
}

pub fn diploma() -> Document {
    Document {
        title: "Диплом".into(),
        number: "ЖБ-Б 0012345".into(),
        issued_on: "30.06.2017".into(),
        issuer: "ҚарМУ".into(),
        sheets: 1,
    }
}

pub struct Day {
    pub desk: Desk,
    pub pki: &'static TestPki,
}

impl Day {
    pub fn as_second_clerk(&mut self) {
        self.desk
            .app
            .login(&second_clerk_iin(), SECOND_CLERK_PASSWORD)
            .unwrap();
    }

    /// The clerk signed in with `iin` opens a visit for a new applicant listing `documents`.
    pub fn visit(&mut self, applicant_iin: &str, documents: &[Document], consent: bool) -> i64 {
        let mut applicant = person_applicant();
        applicant.tax_id = applicant_iin.to_owned();
        let visit = self
            .desk
            .app
            .open_visit(&OpenVisit {
                applicant,
                representative: None,
            })
            .unwrap();
        self.desk
            .app
            .set_documents(visit.id, documents, false)
            .unwrap();
        if consent {
            self.desk
                .app
                .confirm_consent(visit.id, Present::Applicant)
                .unwrap();
        }
        visit.id
    }

    pub fn open_key(&mut self, iin: &str) {
        let key = self.pki.clerk(iin, ClerkOptions::default());
        self.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    }

    pub fn certify(&mut self, visit_id: i64, position: u32) {
        certify_with(
            &mut self.desk.app,
            visit_id,
            position,
            &[scanned_page(position as u8)],
        )
        .unwrap();
    }

    pub fn refuse(&mut self, visit_id: i64, positions: &[u32], ground: Ground) {
        let request = RefuseRequest {
            positions: positions.to_vec(),
            grounds: vec![ground],
            justification: "Обоснование отказа.".into(),
        };
        self.desk.app.refuse(visit_id, &request).unwrap();
        self.desk
            .app
            .issue_notice(visit_id, NoticeLanguages::Ru, None)
            .unwrap();
    }

    /// Ends the visit `minutes` after now, the clerk busy all along (so the idle lock stays off).
    pub fn close(&mut self, visit_id: i64, minutes: i64) {
        for _ in 0..minutes {
            self.desk.clock.advance(Duration::minutes(1));
            self.desk.app.touch().unwrap();
        }
        self.desk.app.close_visit(visit_id).unwrap();
    }
}

/// Clerk 1: one visit with both documents certified (12 minutes), one with a certified and a
/// refused document (ground 3, 20 minutes). Clerk 2: a visit without consent refused on ground
/// 1 after 35 minutes, over the limit. And one visit the next day, refused on ground 1.
pub fn a_day() -> (Day, NaiveDate) {
    let mut desk = with_clerk();
    desk.as_supervisor();
    hire(
        &mut desk.app,
        &person(second_clerk_iin(), "Иванова Мария", SECOND_CLERK_PASSWORD),
    );
    let mut day = Day {
        desk,
        pki: super::pki(),
    };
    let today = day.desk.clock_now().date_naive();
    day.desk.as_clerk();
    day.open_key(&clerk_iin());
    let first = day.visit(&iin("95060140012"), &[birth_certificate(), diploma()], true);
    day.certify(first, 1);
    day.certify(first, 2);
    day.close(first, 12);
    let second = day.visit(&iin("87010130013"), &[birth_certificate(), diploma()], true);
    day.certify(second, 1);
    day.refuse(second, &[2], Ground::Defects);
    day.close(second, 20);

    day.as_second_clerk();
    day.open_key(&second_clerk_iin());
    let third = day.visit(&iin("99121530014"), &[diploma()], false);
    day.refuse(third, &[1], Ground::NotPresented);
    day.close(third, 35);

    day.desk.clock.advance(Duration::days(1));
    day.as_second_clerk();
    day.open_key(&second_clerk_iin());
    let tomorrow = day.visit(&iin("99121530014"), &[diploma()], false);
    day.refuse(tomorrow, &[1], Ground::NotPresented);
    day.close(tomorrow, 5);
    (day, today)
}
