//! Kazakhstan's identification numbers: the IIN of a person and the BIN of a legal entity.
//!
//! Both are twelve digits ending in a check digit (Government Decree No. 565). The fifth
//! digit tells them apart: in an IIN it starts the day of birth (0..=3), in a BIN it is
//! the entity type (4..=6).

mod bin;
mod check_digit;
mod error;
mod iin;
#[cfg(test)]
mod test_support;

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

pub use bin::{Bin, EntityType, OfficeKind};
pub use check_digit::check_digit;
pub use error::IdError;
pub use iin::{Iin, Sex};

/// The length of both an IIN and a BIN.
const LENGTH: usize = 12;

/// A parsed identification number: either a person's IIN or a legal entity's BIN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum TaxId {
    /// An individual identification number (ИИН / ЖСН).
    Iin(Iin),
    /// A business identification number (БИН / БСН).
    Bin(Bin),
}

impl TaxId {
    /// Parses an IIN or a BIN, deciding which by the fifth digit.
    ///
    /// Surrounding whitespace is ignored. Checks run in this order, and the first failure
    /// is returned: length, digits only, check digit, then the date and century of an IIN
    /// or the month and office kind of a BIN.
    ///
    /// ```
    /// use rastau_core::ids::{IdError, TaxId};
    ///
    /// let id = TaxId::parse(" 900101300007 ").unwrap();
    /// assert!(matches!(id, TaxId::Iin(_)));
    /// assert_eq!(id.number(), "900101300007");
    ///
    /// let id = TaxId::parse("150540000007").unwrap();
    /// assert!(matches!(id, TaxId::Bin(_)));
    ///
    /// assert_eq!(
    ///     TaxId::parse("900101300008"),
    ///     Err(IdError::CheckDigit { expected: 7, found: 8 })
    /// );
    /// ```
    pub fn parse(s: &str) -> Result<TaxId, IdError> {
        let digits = Digits::validate(s)?;
        match EntityType::from_digit(digits.digit(5)) {
            Some(entity_type) => Bin::from_digits(&digits, entity_type).map(TaxId::Bin),
            None => Iin::from_digits(&digits).map(TaxId::Iin),
        }
    }

    /// [`TaxId::parse`], refusing too a date of birth or a registration month after `today`
    /// (the local calendar day): a century digit mistyped makes a person born in 2095.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rastau_core::ids::{IdError, TaxId};
    ///
    /// let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    /// assert!(TaxId::parse_on("950601400120", today).is_ok());
    /// assert_eq!(
    ///     TaxId::parse_on("950601500126", today),
    ///     Err(IdError::BornInFuture { date: "01.06.2095".into() })
    /// );
    /// ```
    pub fn parse_on(s: &str, today: NaiveDate) -> Result<TaxId, IdError> {
        let id = TaxId::parse(s)?;
        match &id {
            TaxId::Iin(iin) => iin.ensure_born_by(today)?,
            TaxId::Bin(bin) => bin.ensure_registered_by(today)?,
        }
        Ok(id)
    }

    /// The twelve digits as entered, without surrounding whitespace.
    pub fn number(&self) -> &str {
        match self {
            TaxId::Iin(iin) => &iin.number,
            TaxId::Bin(bin) => &bin.number,
        }
    }

    /// The Fluent message id naming the kind of number (`id-kind-iin` or `id-kind-bin`).
    pub fn kind_message_id(&self) -> &'static str {
        match self {
            TaxId::Iin(_) => "id-kind-iin",
            TaxId::Bin(_) => "id-kind-bin",
        }
    }
}

impl FromStr for TaxId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TaxId::parse(s)
    }
}

impl fmt::Display for TaxId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.number())
    }
}

/// Twelve decimal digits whose check digit has been verified; what is left to decode is
/// the meaning of the other digits.
struct Digits([u8; LENGTH]);

impl Digits {
    /// Runs the checks shared by IINs and BINs, in the order errors are reported.
    fn validate(s: &str) -> Result<Digits, IdError> {
        let digits = Self::decimal(s.trim())?;
        let first11: [u8; LENGTH - 1] = std::array::from_fn(|i| digits[i]);
        let found = digits[LENGTH - 1];
        match check_digit(&first11) {
            None => Err(IdError::Unissuable),
            Some(expected) if expected != found => Err(IdError::CheckDigit { expected, found }),
            Some(_) => Ok(Digits(digits)),
        }
    }

    fn decimal(s: &str) -> Result<[u8; LENGTH], IdError> {
        let found = s.chars().count();
        if found != LENGTH {
            return Err(IdError::Length { found });
        }
        let mut digits = [0; LENGTH];
        for (i, c) in s.chars().enumerate() {
            // `is_ascii_digit` rather than `is_numeric`: other scripts' digits are not
            // accepted by the registries, so a clerk must see them as a typo.
            if !c.is_ascii_digit() {
                return Err(IdError::NonDigit { position: i + 1 });
            }
            digits[i] = c as u8 - b'0';
        }
        Ok(digits)
    }

    /// The digit at a 1-based position, numbered as in the decree.
    fn digit(&self, position: usize) -> u8 {
        self.0[position - 1]
    }

    /// The number written by the digits at 1-based positions `range`.
    fn value(&self, range: RangeInclusive<usize>) -> u32 {
        range.fold(0, |acc, p| acc * 10 + u32::from(self.digit(p)))
    }

    /// The digits at 1-based positions `range`, keeping leading zeros.
    fn text(&self, range: RangeInclusive<usize>) -> String {
        range.map(|p| char::from(b'0' + self.digit(p))).collect()
    }

    fn number(&self) -> String {
        self.text(1..=LENGTH)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{arb_bin, arb_iin, with_check};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn length_is_checked_first_and_counts_characters() {
        assert_eq!(TaxId::parse(""), Err(IdError::Length { found: 0 }));
        assert_eq!(TaxId::parse("12345"), Err(IdError::Length { found: 5 }));
        assert_eq!(
            TaxId::parse("9001013000070"),
            Err(IdError::Length { found: 13 })
        );
        // Twelve characters but more bytes: a Cyrillic letter must count once.
        assert_eq!(
            TaxId::parse("9001013000ж7"),
            Err(IdError::NonDigit { position: 11 })
        );
    }

    #[test]
    fn surrounding_whitespace_is_ignored_inner_is_not() {
        let id = TaxId::parse("\t900101300007\n").unwrap();
        assert_eq!(id.number(), "900101300007");
        assert_eq!(
            TaxId::parse("900101 00007"),
            Err(IdError::NonDigit { position: 7 })
        );
    }

    #[test]
    fn non_digit_reports_first_position() {
        assert_eq!(
            TaxId::parse("a0010130000b"),
            Err(IdError::NonDigit { position: 1 })
        );
        assert_eq!(
            TaxId::parse("90010130000x"),
            Err(IdError::NonDigit { position: 12 })
        );
        // Arabic-Indic digits are numeric in Unicode but not in the registries.
        assert_eq!(
            TaxId::parse("٩00101300007"),
            Err(IdError::NonDigit { position: 1 })
        );
    }

    #[test]
    fn check_digit_mismatch_is_reported_with_both_digits() {
        assert_eq!(
            TaxId::parse("900101300003"),
            Err(IdError::CheckDigit {
                expected: 7,
                found: 3
            })
        );
    }

    #[test]
    fn check_digit_is_checked_before_date() {
        // 31 February, but the wrong check digit is what the clerk should fix first.
        let valid = with_check("90023130000");
        let wrong = format!("{}{}", &valid[..11], (valid.as_bytes()[11] - b'0' + 1) % 10);
        assert!(matches!(
            TaxId::parse(&wrong),
            Err(IdError::CheckDigit { .. })
        ));
        assert!(matches!(
            TaxId::parse(&valid),
            Err(IdError::ImpossibleDate { .. })
        ));
    }

    #[test]
    fn unissuable_number_is_rejected_whatever_its_last_digit() {
        for last in 0..=9 {
            let number = format!("90010130080{last}");
            assert_eq!(TaxId::parse(&number), Err(IdError::Unissuable), "{number}");
        }
    }

    #[test]
    fn second_weights_are_used_when_first_pass_gives_ten() {
        // Both computed by hand from the decree: the first pass of these gives 10.
        assert!(TaxId::parse("900101300811").is_ok());
        assert!(TaxId::parse("150518400309").is_ok());
    }

    #[test]
    fn fifth_digit_tells_iin_from_bin() {
        for (number, is_bin) in [
            (with_check("90010130000"), false),
            (with_check("90013130000"), false),
            (with_check("15054000000"), true),
            (with_check("15055000000"), true),
            (with_check("15056000000"), true),
        ] {
            let id = TaxId::parse(&number).unwrap();
            assert_eq!(matches!(id, TaxId::Bin(_)), is_bin, "{number}");
        }
    }

    #[test]
    fn from_str_and_display_agree_with_parse() {
        let id: TaxId = "900101300007".parse().unwrap();
        assert_eq!(id, TaxId::parse("900101300007").unwrap());
        assert_eq!(id.to_string(), "900101300007");
        assert_eq!("x".parse::<TaxId>(), Err(IdError::Length { found: 1 }));
    }

    #[test]
    fn serializes_with_a_kind_tag() {
        let iin = serde_json::to_value(TaxId::parse("900101300007").unwrap()).unwrap();
        assert_eq!(
            iin,
            serde_json::json!({
                "kind": "iin",
                "number": "900101300007",
                "birthDate": "1990-01-01",
                "century": 1900,
                "sex": "male",
                "serial": "0000",
            })
        );
        let bin = serde_json::to_value(TaxId::parse("150540000007").unwrap()).unwrap();
        assert_eq!(
            bin,
            serde_json::json!({
                "kind": "bin",
                "number": "150540000007",
                "registrationYearYy": 15,
                "registrationMonth": 5,
                "entityType": "resident",
                "office": "headOffice",
                "serial": "00000",
            })
        );
    }

    #[test]
    fn kind_message_ids() {
        let iin = TaxId::parse("900101300007").unwrap();
        let bin = TaxId::parse("150540000007").unwrap();
        assert_eq!(iin.kind_message_id(), "id-kind-iin");
        assert_eq!(bin.kind_message_id(), "id-kind-bin");
    }

    fn with_wrong_last_digit(number: &str, last: u8) -> String {
        format!("{}{}", &number[..11], last)
    }

    proptest! {
        #[test]
        fn any_other_check_digit_is_rejected(
            number in prop_oneof![arb_iin().prop_map(|i| i.number), arb_bin().prop_map(|b| b.number)],
            last in 0u8..=9,
        ) {
            let expected = number.as_bytes()[11] - b'0';
            prop_assume!(last != expected);
            prop_assert_eq!(
                TaxId::parse(&with_wrong_last_digit(&number, last)),
                Err(IdError::CheckDigit { expected, found: last })
            );
        }

        #[test]
        fn arbitrary_text_never_panics(s in any::<String>()) {
            let _ = TaxId::parse(&s);
            let _ = Iin::parse(&s);
        }

        #[test]
        fn twelve_digits_parse_only_with_matching_check_digit(s in "[0-9]{12}") {
            let digits: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            let first11: [u8; 11] = std::array::from_fn(|i| digits[i]);
            let check_matches = check_digit(&first11) == Some(digits[11]);
            let parsed = TaxId::parse(&s);
            let check_failed = matches!(
                parsed,
                Err(IdError::CheckDigit { .. } | IdError::Unissuable)
            );
            prop_assert_eq!(check_failed, !check_matches);
            if let Ok(id) = parsed {
                prop_assert!(check_matches);
                prop_assert_eq!(id.number(), s.as_str());
            }
        }
    }
}
