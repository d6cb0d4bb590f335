//! Why a number is not a valid IIN or BIN, in a form the Fluent messages can render.
use rastau_coded::{Arg, Coded};

/// Why a string is not a valid IIN or BIN.
///
/// `Display` is a short English text for logs and developers; clerks see the Fluent
/// message `error-{code}` rendered with its [`Coded`] arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum IdError {
    /// The number does not have 12 characters (after trimming surrounding whitespace).
    #[error("an IIN or BIN has 12 digits, found {found} characters")]
    Length {
        /// How many characters were entered.
        found: usize,
    },
    /// A character is not an ASCII digit.
    #[error("character {position} is not a digit")]
    NonDigit {
        /// The 1-based position of the first such character.
        position: usize,
    },
    /// The twelfth digit does not match the first eleven.
    #[error("check digit should be {expected}, found {found}")]
    CheckDigit {
        /// The digit the first eleven call for.
        expected: u8,
        /// The digit entered.
        found: u8,
    },
    /// Both check digit passes give 10: such a number is never issued.
    #[error("no check digit exists for these eleven digits; the number is never issued")]
    Unissuable,
    /// The IIN's first six digits are not a real date of birth.
    #[error("date of birth {date} (YYMMDD) does not exist")]
    ImpossibleDate {
        /// The six `YYMMDD` digits as entered.
        date: String,
    },
    /// The IIN's seventh digit is not one of 1..=6.
    #[error("century digit {digit} is unknown")]
    UnknownCentury {
        /// The seventh digit.
        digit: u8,
    },
    /// The BIN's registration month (digits 3–4) is not 01..=12.
    #[error("registration month {month} does not exist")]
    ImpossibleMonth {
        /// The month as written, without leading zero.
        month: u32,
    },
    /// The BIN's sixth digit is not one of 0..=3.
    #[error("office kind digit {digit} is unknown")]
    UnknownOfficeKind {
        /// The sixth digit.
        digit: u8,
    },
    /// A person's IIN was required but a legal entity's BIN was given.
    #[error("a BIN was given where an IIN is required")]
    NotAnIin,
    /// The IIN's date of birth is after today: a mistyped century digit, most often.
    #[error("date of birth {date} is in the future")]
    BornInFuture {
        /// The date of birth, `DD.MM.YYYY`.
        date: String,
    },
    /// The BIN's registration month is after this month.
    #[error("registration month {month} is in the future")]
    RegisteredInFuture {
        /// The registration month, `MM.YYYY`.
        month: String,
    },
}

impl Coded for IdError {
    fn code(&self) -> &'static str {
        match self {
            IdError::Length { .. } => "id-length",
            IdError::NonDigit { .. } => "id-non-digit",
            IdError::CheckDigit { .. } => "id-check-digit",
            IdError::Unissuable => "id-unissuable",
            IdError::ImpossibleDate { .. } => "id-impossible-date",
            IdError::UnknownCentury { .. } => "id-unknown-century",
            IdError::ImpossibleMonth { .. } => "id-impossible-month",
            IdError::UnknownOfficeKind { .. } => "id-unknown-office",
            IdError::NotAnIin => "id-not-iin",
            IdError::BornInFuture { .. } => "id-born-in-future",
            IdError::RegisteredInFuture { .. } => "id-registered-in-future",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            IdError::Length { found } => vec![("found", (*found).into())],
            IdError::NonDigit { position } => vec![("position", (*position).into())],
            IdError::CheckDigit { expected, found } => {
                vec![("expected", (*expected).into()), ("found", (*found).into())]
            }
            IdError::ImpossibleDate { date } => vec![("date", date.into())],
            IdError::UnknownCentury { digit } | IdError::UnknownOfficeKind { digit } => {
                vec![("digit", (*digit).into())]
            }
            IdError::ImpossibleMonth { month } => vec![("month", (*month).into())],
            IdError::BornInFuture { date } => vec![("date", date.into())],
            IdError::RegisteredInFuture { month } => vec![("month", month.into())],
            IdError::Unissuable | IdError::NotAnIin => Vec::new(),
        }
    }
}

impl IdError {
    /// The Fluent message id of this error: `error-{code}`.
    pub fn message_id(&self) -> String {
        format!("error-{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    use fluent_syntax::ast;
    use std::collections::BTreeSet;

    const KK: &str = include_str!("../../../../locales/kk/ids.ftl");
    const RU: &str = include_str!("../../../../locales/ru/ids.ftl");

    /// One error of each kind, with argument values distinct enough to find in the text.
    fn every_error() -> Vec<IdError> {
        vec![
            IdError::Length { found: 13 },
            IdError::NonDigit { position: 11 },
            IdError::CheckDigit {
                expected: 7,
                found: 3,
            },
            IdError::Unissuable,
            IdError::ImpossibleDate {
                date: "310230".into(),
            },
            IdError::UnknownCentury { digit: 8 },
            IdError::ImpossibleMonth { month: 14 },
            IdError::UnknownOfficeKind { digit: 9 },
            IdError::NotAnIin,
            IdError::BornInFuture {
                date: "01.06.2095".into(),
            },
            IdError::RegisteredInFuture {
                month: "05.2031".into(),
            },
        ]
    }

    const LABELS: [&str; 15] = [
        "id-kind-iin",
        "id-kind-bin",
        "id-sex-male",
        "id-sex-female",
        "id-entity-resident",
        "id-entity-non-resident",
        "id-entity-joint-entrepreneur",
        "id-office-head",
        "id-office-branch",
        "id-office-representative",
        "id-office-peasant-farm",
        "id-birth-date",
        "id-century",
        "id-registered",
        "id-valid",
    ];

    fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang}/ids.ftl: {errors:?}"));
        let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
        // Without isolation marks the rendered text can be searched for argument values.
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        bundle
    }

    fn render(bundle: &FluentBundle<FluentResource>, id: &str, args: &FluentArgs) -> String {
        let message = bundle.get_message(id).unwrap_or_else(|| panic!("{id}"));
        let pattern = message.value().unwrap_or_else(|| panic!("{id} value"));
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors);
        assert!(errors.is_empty(), "{id}: {errors:?}");
        text.into_owned()
    }

    /// Every message id with the variables it references.
    fn variables_by_message(source: &str) -> BTreeSet<(String, BTreeSet<String>)> {
        let resource = fluent_syntax::parser::parse(source).expect("valid Fluent");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some((m.id.name.to_string(), variables(m))),
                _ => None,
            })
            .collect()
    }

    fn variables(message: &ast::Message<&str>) -> BTreeSet<String> {
        let elements = message.value.iter().flat_map(|p| &p.elements);
        elements
            .filter_map(|element| match element {
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
                } => Some(id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn codes_are_distinct_and_prefixed() {
        use strum::IntoEnumIterator;
        let codes: BTreeSet<_> = IdError::iter().map(|e| e.code()).collect();
        assert_eq!(codes.len(), IdError::iter().count());
        assert!(codes.iter().all(|c| c.starts_with("id-")));
    }

    #[test]
    fn every_error_is_worded_in_both_languages() {
        use strum::IntoEnumIterator;
        rastau_coded::check::every_error_is_worded(
            IdError::iter(),
            env!("CARGO_MANIFEST_DIR"),
            &["ids.ftl"],
        );
    }

    #[test]
    fn message_id_adds_error_prefix() {
        assert_eq!(IdError::NotAnIin.message_id(), "error-id-not-iin");
    }

    #[test]
    fn args_match_the_fields() {
        assert_eq!(
            IdError::CheckDigit {
                expected: 7,
                found: 3
            }
            .args(),
            vec![("expected", Arg::Number(7)), ("found", Arg::Number(3))]
        );
        assert_eq!(
            IdError::ImpossibleDate {
                date: "000229".into()
            }
            .args(),
            vec![("date", Arg::from("000229"))]
        );
        assert!(IdError::Unissuable.args().is_empty());
    }

    #[test]
    fn every_error_renders_with_all_its_args_in_both_languages() {
        for (lang, source) in [("kk", KK), ("ru", RU)] {
            let bundle = bundle(lang, source);
            for error in every_error() {
                let mut args = FluentArgs::new();
                for (name, value) in error.args() {
                    args.set(name, value.to_string());
                }
                let text = render(&bundle, &error.message_id(), &args);
                for (name, value) in error.args() {
                    let value = value.to_string();
                    assert!(text.contains(&value), "{lang} {error:?}: ${name} in {text}");
                }
            }
        }
    }

    #[test]
    fn every_label_renders_in_both_languages() {
        for (lang, source) in [("kk", KK), ("ru", RU)] {
            let bundle = bundle(lang, source);
            for id in LABELS {
                assert!(
                    !render(&bundle, id, &FluentArgs::new()).is_empty(),
                    "{lang} {id}"
                );
            }
        }
    }

    #[test]
    fn kazakh_and_russian_have_the_same_messages_and_variables() {
        assert_eq!(variables_by_message(KK), variables_by_message(RU));
    }
}
