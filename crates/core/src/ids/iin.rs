//! The IIN: a person's number, carrying the date of birth, century and sex.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{Digits, EntityType, IdError};

/// A valid individual identification number (ИИН / ЖСН), decoded.
///
/// Build it with `Iin::parse` or `TaxId::parse`; the fields are public for reading and stay
/// consistent only when built that way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Iin {
    /// The twelve digits.
    pub number: String,
    /// Digits 1–6, resolved to a full date with the century of digit 7.
    #[ts(type = "string")]
    pub birth_date: NaiveDate,
    /// The first year of the century of birth: 1800, 1900 or 2000.
    pub century: u16,
    /// From digit 7: odd for men, even for women.
    pub sex: Sex,
    /// Digits 8–11, with leading zeros.
    pub serial: String,
}

/// A person's sex as encoded in the IIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Sex {
    /// Odd century digits (1, 3, 5).
    Male,
    /// Even century digits (2, 4, 6).
    Female,
}

impl Sex {
    /// The Fluent message id of this sex's label.
    pub fn message_id(self) -> &'static str {
        match self {
            Sex::Male => "id-sex-male",
            Sex::Female => "id-sex-female",
        }
    }
}

impl Iin {
    /// Parses a person's IIN, rejecting a valid BIN with [`IdError::NotAnIin`].
    ///
    /// The checks run in the order of [`TaxId::parse`](super::TaxId::parse); the century
    /// digit is checked before the date because 29 February depends on it.
    ///
    /// ```
    /// use rastau_core::ids::{IdError, Iin, Sex};
    ///
    /// let iin = Iin::parse("000229500008").unwrap();
    /// assert_eq!(iin.birth_date.to_string(), "2000-02-29");
    /// assert_eq!(iin.sex, Sex::Male);
    /// assert_eq!(Iin::parse("150540000007"), Err(IdError::NotAnIin));
    /// ```
    pub fn parse(s: &str) -> Result<Iin, IdError> {
        let digits = Digits::validate(s)?;
        if EntityType::from_digit(digits.digit(5)).is_some() {
            return Err(IdError::NotAnIin);
        }
        Iin::from_digits(&digits)
    }

    /// [`Iin::parse`], refusing too a date of birth after `today`.
    pub fn parse_on(s: &str, today: NaiveDate) -> Result<Iin, IdError> {
        let iin = Iin::parse(s)?;
        iin.ensure_born_by(today)?;
        Ok(iin)
    }

    /// Refuses a date of birth after `today`: no one is born in the future.
    pub fn ensure_born_by(&self, today: NaiveDate) -> Result<(), IdError> {
        if self.birth_date > today {
            return Err(IdError::BornInFuture {
                date: self.birth_date.format("%d.%m.%Y").to_string(),
            });
        }
        Ok(())
    }

    /// Decodes digits already known to be an IIN's rather than a BIN's.
    pub(super) fn from_digits(digits: &Digits) -> Result<Iin, IdError> {
        let (century, sex) = century_and_sex(digits.digit(7))?;
        Ok(Iin {
            number: digits.number(),
            birth_date: birth_date(digits, century)?,
            century,
            sex,
            serial: digits.text(8..=11),
        })
    }
}

/// Digit 7 counts centuries from 1800 in pairs, man before woman.
fn century_and_sex(digit: u8) -> Result<(u16, Sex), IdError> {
    if !(1..=6).contains(&digit) {
        return Err(IdError::UnknownCentury { digit });
    }
    let century = 1800 + 100 * u16::from((digit - 1) / 2);
    let sex = if digit % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    Ok((century, sex))
}

fn birth_date(digits: &Digits, century: u16) -> Result<NaiveDate, IdError> {
    let yy = i32::from(digits.digit(1)) * 10 + i32::from(digits.digit(2));
    let year = i32::from(century) + yy;
    NaiveDate::from_ymd_opt(year, digits.value(3..=4), digits.value(5..=6)).ok_or_else(|| {
        IdError::ImpossibleDate {
            date: digits.text(1..=6),
        }
    })
}

impl FromStr for Iin {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Iin::parse(s)
    }
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{arb_iin, with_check};
    use super::super::TaxId;
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn decodes_every_field() {
        let iin = Iin::parse("900101300007").unwrap();
        assert_eq!(
            iin,
            Iin {
                number: "900101300007".into(),
                birth_date: date(1990, 1, 1),
                century: 1900,
                sex: Sex::Male,
                serial: "0000".into(),
            }
        );
    }

    #[test]
    fn century_digit_gives_century_and_sex() {
        let cases = [
            (1, 1800, Sex::Male),
            (2, 1800, Sex::Female),
            (3, 1900, Sex::Male),
            (4, 1900, Sex::Female),
            (5, 2000, Sex::Male),
            (6, 2000, Sex::Female),
        ];
        for (digit, century, sex) in cases {
            let iin = Iin::parse(&with_check(&format!("870512{digit}0421"))).unwrap();
            assert_eq!((iin.century, iin.sex), (century, sex), "digit {digit}");
            assert_eq!(iin.birth_date, date(i32::from(century) + 87, 5, 12));
            assert_eq!(iin.serial, "0421");
        }
    }

    #[test]
    fn unknown_century_digits_are_rejected() {
        for digit in [0, 7, 8, 9] {
            let number = with_check(&format!("870512{digit}0421"));
            assert_eq!(
                Iin::parse(&number),
                Err(IdError::UnknownCentury { digit }),
                "{number}"
            );
        }
    }

    #[test]
    fn leap_day_depends_on_the_century() {
        let iin = Iin::parse("000229500008").unwrap();
        assert_eq!(iin.birth_date, date(2000, 2, 29));
        for digit in [1, 2] {
            // 1800 is not a leap year: divisible by 100 but not by 400.
            assert_eq!(
                Iin::parse(&with_check(&format!("000229{digit}0000"))),
                Err(IdError::ImpossibleDate {
                    date: "000229".into()
                })
            );
        }
        assert!(Iin::parse(&with_check("96022930000")).is_ok());
        assert_eq!(
            Iin::parse(&with_check("97022930000")),
            Err(IdError::ImpossibleDate {
                date: "970229".into()
            })
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for yymmdd in ["310230", "900001", "901301", "900100", "900431", "990229"] {
            assert_eq!(
                Iin::parse(&with_check(&format!("{yymmdd}30000"))),
                Err(IdError::ImpossibleDate {
                    date: yymmdd.into()
                }),
                "{yymmdd}"
            );
        }
    }

    #[test]
    fn century_is_checked_before_date() {
        assert_eq!(
            Iin::parse(&with_check("90023190000")),
            Err(IdError::UnknownCentury { digit: 9 })
        );
    }

    #[test]
    fn a_bin_is_not_an_iin() {
        for number in [
            "150540000007",
            &with_check("15055130000"),
            &with_check("15056000000"),
        ] {
            assert_eq!(Iin::parse(number), Err(IdError::NotAnIin), "{number}");
            assert!(matches!(TaxId::parse(number), Ok(TaxId::Bin(_))));
        }
    }

    #[test]
    fn shared_checks_come_before_the_bin_test() {
        assert_eq!(Iin::parse("1505"), Err(IdError::Length { found: 4 }));
        assert_eq!(
            Iin::parse("150540000008"),
            Err(IdError::CheckDigit {
                expected: 7,
                found: 8
            })
        );
    }

    #[test]
    fn from_str_and_display() {
        let iin: Iin = "900101300007".parse().unwrap();
        assert_eq!(iin.to_string(), "900101300007");
        assert_eq!(Sex::Female.message_id(), "id-sex-female");
    }

    proptest! {
        #[test]
        fn valid_iins_round_trip(expected in arb_iin()) {
            let number = expected.number.clone();
            prop_assert_eq!(Iin::parse(&number), Ok(expected.clone()));
            prop_assert_eq!(TaxId::parse(&number), Ok(TaxId::Iin(expected)));
        }
    }

    #[test]
    fn a_birth_date_after_today_is_refused_and_today_is_not() {
        let today = date(2026, 12, 4);
        assert_eq!(
            Iin::parse_on("950601500126", today),
            Err(IdError::BornInFuture {
                date: "01.06.2095".into()
            })
        );
        let born_today = Iin::parse("261204500007").unwrap();
        assert!(born_today.ensure_born_by(today).is_ok());
        assert!(born_today.ensure_born_by(date(2026, 12, 3)).is_err());
        assert!(Iin::parse_on("900101300007", today).is_ok());
    }
}
