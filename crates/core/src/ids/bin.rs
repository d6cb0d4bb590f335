//! The BIN: a legal entity's number, carrying its registration month, type and office.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{Digits, IdError};

/// A valid business identification number (БИН / БСН), decoded.
///
/// Build it with `TaxId::parse`; the fields are public for reading and stay consistent only
/// when built that way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Bin {
    /// The twelve digits.
    pub number: String,
    /// Digits 1–2: the year of registration as written. The century is not encoded.
    pub registration_year_yy: u8,
    /// Digits 3–4: the month of registration, 1..=12.
    pub registration_month: u32,
    /// Digit 5.
    pub entity_type: EntityType,
    /// Digit 6.
    pub office: OfficeKind,
    /// Digits 7–11, with leading zeros.
    pub serial: String,
}

/// What kind of entity holds a BIN (digit 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum EntityType {
    /// 4: a legal entity resident in Kazakhstan.
    Resident,
    /// 5: a non-resident legal entity.
    NonResident,
    /// 6: an individual entrepreneur in a joint business.
    JointEntrepreneur,
}

/// Which part of the entity a BIN names (digit 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OfficeKind {
    /// 0: the head office.
    HeadOffice,
    /// 1: a branch.
    Branch,
    /// 2: a representative office.
    Representative,
    /// 3: a peasant farm.
    PeasantFarm,
}

impl EntityType {
    /// Decodes digit 5. `None` means the number is an IIN, whose digit 5 starts the day.
    pub(super) fn from_digit(digit: u8) -> Option<EntityType> {
        match digit {
            4 => Some(EntityType::Resident),
            5 => Some(EntityType::NonResident),
            6 => Some(EntityType::JointEntrepreneur),
            _ => None,
        }
    }

    /// The Fluent message id of this entity type's label.
    pub fn message_id(self) -> &'static str {
        match self {
            EntityType::Resident => "id-entity-resident",
            EntityType::NonResident => "id-entity-non-resident",
            EntityType::JointEntrepreneur => "id-entity-joint-entrepreneur",
        }
    }
}

impl OfficeKind {
    fn from_digit(digit: u8) -> Result<OfficeKind, IdError> {
        match digit {
            0 => Ok(OfficeKind::HeadOffice),
            1 => Ok(OfficeKind::Branch),
            2 => Ok(OfficeKind::Representative),
            3 => Ok(OfficeKind::PeasantFarm),
            _ => Err(IdError::UnknownOfficeKind { digit }),
        }
    }

    /// The Fluent message id of this office kind's label.
    pub fn message_id(self) -> &'static str {
        match self {
            OfficeKind::HeadOffice => "id-office-head",
            OfficeKind::Branch => "id-office-branch",
            OfficeKind::Representative => "id-office-representative",
            OfficeKind::PeasantFarm => "id-office-peasant-farm",
        }
    }
}

impl Bin {
    /// Decodes digits whose digit 5 has already been read as `entity_type`.
    /// Refuses a registration month after `today`'s. The year has two digits; BINs have been
    /// issued since 2000, so `YY` is read as `20YY`.
    pub fn ensure_registered_by(&self, today: NaiveDate) -> Result<(), IdError> {
        let year = 2000 + i32::from(self.registration_year_yy);
        if (year, self.registration_month) > (today.year(), today.month()) {
            return Err(IdError::RegisteredInFuture {
                month: format!("{:02}.{year}", self.registration_month),
            });
        }
        Ok(())
    }

    pub(super) fn from_digits(digits: &Digits, entity_type: EntityType) -> Result<Bin, IdError> {
        let month = digits.value(3..=4);
        if !(1..=12).contains(&month) {
            return Err(IdError::ImpossibleMonth { month });
        }
        Ok(Bin {
            number: digits.number(),
            registration_year_yy: digits.digit(1) * 10 + digits.digit(2),
            registration_month: month,
            entity_type,
            office: OfficeKind::from_digit(digits.digit(6))?,
            serial: digits.text(7..=11),
        })
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{arb_bin, with_check};
    use super::super::TaxId;
    use super::*;
    use proptest::prelude::*;

    fn parse_bin(number: &str) -> Result<Bin, IdError> {
        match TaxId::parse(number)? {
            TaxId::Bin(bin) => Ok(bin),
            TaxId::Iin(iin) => panic!("{number} parsed as an IIN: {iin:?}"),
        }
    }

    #[test]
    fn decodes_every_field() {
        assert_eq!(
            parse_bin("150540000007"),
            Ok(Bin {
                number: "150540000007".into(),
                registration_year_yy: 15,
                registration_month: 5,
                entity_type: EntityType::Resident,
                office: OfficeKind::HeadOffice,
                serial: "00000".into(),
            })
        );
    }

    #[test]
    fn leading_zeros_are_kept() {
        let bin = parse_bin(&with_check("07125300042")).unwrap();
        assert_eq!(bin.registration_year_yy, 7);
        assert_eq!(bin.registration_month, 12);
        assert_eq!(bin.serial, "00042");
        assert!(bin.number.starts_with("0712"));
    }

    #[test]
    fn entity_type_digits() {
        for (digit, expected) in [
            (4, EntityType::Resident),
            (5, EntityType::NonResident),
            (6, EntityType::JointEntrepreneur),
        ] {
            let bin = parse_bin(&with_check(&format!("1001{digit}054321"))).unwrap();
            assert_eq!(bin.entity_type, expected);
        }
    }

    #[test]
    fn office_kind_digits() {
        for (digit, expected) in [
            (0, OfficeKind::HeadOffice),
            (1, OfficeKind::Branch),
            (2, OfficeKind::Representative),
            (3, OfficeKind::PeasantFarm),
        ] {
            let bin = parse_bin(&with_check(&format!("10014{digit}54321"))).unwrap();
            assert_eq!(bin.office, expected);
        }
    }

    #[test]
    fn unknown_office_digits_are_rejected() {
        for digit in 4..=9 {
            assert_eq!(
                parse_bin(&with_check(&format!("10014{digit}54321"))),
                Err(IdError::UnknownOfficeKind { digit })
            );
        }
    }

    #[test]
    fn impossible_months_are_rejected() {
        for month in [0, 13, 99] {
            assert_eq!(
                parse_bin(&with_check(&format!("10{month:02}4054321"))),
                Err(IdError::ImpossibleMonth { month })
            );
        }
    }

    #[test]
    fn month_is_checked_before_office() {
        assert_eq!(
            parse_bin(&with_check("10134912345")),
            Err(IdError::ImpossibleMonth { month: 13 })
        );
    }

    #[test]
    fn message_ids() {
        assert_eq!(
            EntityType::NonResident.message_id(),
            "id-entity-non-resident"
        );
        assert_eq!(
            OfficeKind::PeasantFarm.message_id(),
            "id-office-peasant-farm"
        );
    }

    proptest! {
        #[test]
        fn valid_bins_round_trip(expected in arb_bin()) {
            prop_assert_eq!(parse_bin(&expected.number), Ok(expected));
        }
    }

    #[test]
    fn a_registration_month_after_this_one_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let this_month = parse_bin(&with_check("26124000001")).unwrap();
        assert!(this_month.ensure_registered_by(today).is_ok());
        let next_month = parse_bin(&with_check("27014000001")).unwrap();
        assert_eq!(
            next_month.ensure_registered_by(today),
            Err(IdError::RegisteredInFuture {
                month: "01.2027".into()
            })
        );
    }
}
