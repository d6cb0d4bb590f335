//! The receipt's «хранится до» date is a promise for the whole day: a copy stays through the
//! end of that local day in the center's zone and leaves at the midnight after it, whatever
//! the time of day it was certified. The center here is in Asia/Almaty (UTC+5), where the
//! local day and the UTC day differ; a test binary of its own, because the zone is the
//! process's.
mod common;

use chrono::{DateTime, Local, TimeZone, Utc};
use common::poppler::{one_line, text_of};
use common::*;
use rastau_core::Lang;

fn almaty(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Local
        .with_ymd_and_hms(y, m, d, h, min, s)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn a_copy_stays_through_the_end_of_the_day_its_receipt_names() {
    // Set before anything reads the zone; this binary runs no other test beside it.
    std::env::set_var("TZ", "Asia/Almaty");
    let mut counter = consented_visit(&[birth_certificate()]);
    let certified_at = counter.desk.clock_now();
    assert_eq!(certified_at, almaty(2026, 11, 23, 14, 0, 0), "14:00 there");
    counter.certify_all(1);
    let visit = counter.visit_id;
    let desk = &mut counter.desk;
    desk.app.close_visit(visit).unwrap();
    let receipt = desk.app.receipt(visit, Lang::Ru, b"qr").unwrap();
    let text = one_line(&text_of(&receipt, "receipt-ru-kept-until-almaty"));
    assert!(text.contains(" 23.05.2027"), "the date promised: {text}");

    let tax_id = person_applicant().tax_id;
    let evening = desk.sweep_at(almaty(2027, 5, 23, 23, 59, 59));
    assert_eq!(evening.copies, 0, "kept until the day is over");
    assert_eq!(desk.app.copies(&tax_id).unwrap().len(), 1);

    let midnight = desk.sweep_at(almaty(2027, 5, 24, 0, 0, 0));
    assert_eq!(midnight.copies, 1, "gone once the day is over");
    assert!(desk.app.copies(&tax_id).unwrap().is_empty());
}
