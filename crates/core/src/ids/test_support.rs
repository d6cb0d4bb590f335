//! Builders of valid numbers for tests: the check digit is computed, never copied.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use super::{check_digit, Bin, EntityType, Iin, OfficeKind, Sex};

/// Appends the check digit to eleven digits; panics if the number is unissuable.
pub fn with_check(first11: &str) -> String {
    try_with_check(first11).unwrap_or_else(|| panic!("{first11} is unissuable"))
}

/// Appends the check digit to eleven digits, or `None` when the number is unissuable.
pub fn try_with_check(first11: &str) -> Option<String> {
    let bytes = first11.as_bytes();
    assert_eq!(bytes.len(), 11, "{first11}");
    let digits: [u8; 11] = std::array::from_fn(|i| bytes[i] - b'0');
    check_digit(&digits).map(|c| format!("{first11}{c}"))
}

fn century_digit(century: u16, sex: Sex) -> u16 {
    (century - 1800) / 100 * 2 + if sex == Sex::Male { 1 } else { 2 }
}

fn arb_birth_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    let span = (last - first).num_days() as u64;
    (0..=span).prop_map(move |offset| first + Days::new(offset))
}

/// Valid IINs built from independently chosen fields, skipping unissuable ones.
pub fn arb_iin() -> impl Strategy<Value = Iin> {
    let sex = prop_oneof![Just(Sex::Male), Just(Sex::Female)];
    (arb_birth_date(), sex, 0..10_000u32).prop_filter_map(
        "unissuable",
        |(birth_date, sex, serial)| {
            let century = u16::try_from(birth_date.year() / 100 * 100).unwrap();
            let first11 = format!(
                "{}{}{serial:04}",
                birth_date.format("%y%m%d"),
                century_digit(century, sex)
            );
            Some(Iin {
                number: try_with_check(&first11)?,
                birth_date,
                century,
                sex,
                serial: format!("{serial:04}"),
            })
        },
    )
}

/// Valid BINs built from independently chosen fields, skipping unissuable ones.
pub fn arb_bin() -> impl Strategy<Value = Bin> {
    let entity_type = prop_oneof![
        Just((EntityType::Resident, 4)),
        Just((EntityType::NonResident, 5)),
        Just((EntityType::JointEntrepreneur, 6)),
    ];
    let office = prop_oneof![
        Just((OfficeKind::HeadOffice, 0)),
        Just((OfficeKind::Branch, 1)),
        Just((OfficeKind::Representative, 2)),
        Just((OfficeKind::PeasantFarm, 3)),
    ];
    (0..100u8, 1..=12u32, entity_type, office, 0..100_000u32).prop_filter_map(
        "unissuable",
        |(yy, month, (entity_type, type_digit), (office, office_digit), serial)| {
            let first11 = format!("{yy:02}{month:02}{type_digit}{office_digit}{serial:05}");
            Some(Bin {
                number: try_with_check(&first11)?,
                registration_year_yy: yy,
                registration_month: month,
                entity_type,
                office,
                serial: format!("{serial:05}"),
            })
        },
    )
}
