//! The locales must say the same things: every message, attribute and variable in one
//! language exists in the other, and every error the core can raise has words in both.
use super::*;
use crate::ids::IdError;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use rastau_print::PrintError;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Shape = BTreeMap<String, BTreeSet<String>>;

fn locale_dir(lang: Lang) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(lang.code())
}

/// message id → its attributes (as `.name`) and variables (as `$name`).
fn shape(lang: Lang) -> Shape {
    let mut shape = Shape::new();
    for file in FILES {
        let source = std::fs::read_to_string(locale_dir(lang).join(file)).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", lang.code()));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let mut parts = BTreeSet::new();
            value.iter().for_each(|p| pattern_vars(p, &mut parts));
            for attribute in attributes {
                parts.insert(format!(".{}", attribute.id.name));
                pattern_vars(&attribute.value, &mut parts);
            }
            assert!(
                shape.insert(id.clone(), parts).is_none(),
                "{id} defined twice in {}",
                lang.code()
            );
        }
    }
    shape
}

fn pattern_vars(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_vars(inline, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            variants.iter().for_each(|v| pattern_vars(&v.value, out));
        }
    }
}

fn inline_vars(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(format!("${}", id.name));
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments
                .positional
                .iter()
                .for_each(|a| inline_vars(a, out));
            arguments
                .named
                .iter()
                .for_each(|a| inline_vars(&a.value, out));
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn both_locales_have_the_same_messages_attributes_and_variables() {
    let (kk, ru) = (shape(Lang::Kk), shape(Lang::Ru));
    let mut faults = vec![];
    for (a, b, a_name, b_name) in [(&kk, &ru, "kk", "ru"), (&ru, &kk, "ru", "kk")] {
        for (id, parts) in a {
            match b.get(id) {
                None => faults.push(format!("{id} is in {a_name}, missing in {b_name}")),
                Some(other) => faults.extend(
                    parts
                        .difference(other)
                        .map(|p| format!("{id}{p} is in {a_name}, missing in {b_name}")),
                ),
            }
        }
    }
    assert!(faults.is_empty(), "locale faults:\n{}", faults.join("\n"));
}

#[test]
fn every_locale_file_is_embedded() {
    for lang in Lang::ALL {
        let mut on_disk: Vec<String> = std::fs::read_dir(locale_dir(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".ftl"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
        listed.sort();
        assert_eq!(
            on_disk,
            listed,
            "locales/{} and i18n::FILES differ",
            lang.code()
        );
    }
}

/// One of every error the core raises; a new variant belongs here too.
fn every_error() -> Vec<Error> {
    let io = std::io::Error::other("disk");
    vec![
        Error::Id(IdError::Length { found: 3 }),
        Error::Id(IdError::NonDigit { position: 4 }),
        Error::Id(IdError::CheckDigit {
            expected: 1,
            found: 2,
        }),
        Error::Id(IdError::Unissuable),
        Error::Id(IdError::ImpossibleDate {
            date: "990231".into(),
        }),
        Error::Id(IdError::UnknownCentury { digit: 9 }),
        Error::Id(IdError::ImpossibleMonth { month: 13 }),
        Error::Id(IdError::UnknownOfficeKind { digit: 7 }),
        Error::Id(IdError::NotAnIin),
        Error::Database(rusqlite::Error::InvalidQuery),
        Error::Io(io),
        Error::SchemaTooNew { found: 9, known: 1 },
        Error::AlreadySetUp,
        Error::NotSetUp,
        Error::Required { field: "fullName" },
        Error::PasswordTooShort { min: 8 },
        Error::WrongCredentials,
        Error::WrongPassword { attempts_left: 2 },
        Error::AccountLocked { minutes: 5 },
        Error::AccountInactive,
        Error::IinTaken,
        Error::AccountNotFound,
        Error::CannotDeactivateSelf,
        Error::NotLoggedIn,
        Error::SessionLocked,
        Error::SupervisorOnly,
        Error::IdleMinutesRange { min: 1, max: 120 },
        Error::PasswordHash,
        Error::PowerOfAttorneyDates,
        Error::PowerOfAttorneyExpired {
            until: "01.01.2026".into(),
        },
        Error::VisitNotFound,
        Error::VisitClosed,
        Error::NotYourVisit,
        Error::NoDocuments,
        Error::ConsentAlreadyReceived,
        Error::ConsentMissing,
        Error::NoSigningKey,
        Error::DocumentNotFound { position: 2 },
        Error::AlreadyCertified,
        Error::NoTrustAnchors,
        Error::TrustedCaNotFound { id: "x".into() },
        Error::CopyChosenTwice { id: 7 },
        Error::NotThisApplicantsCopy,
        Error::Sign(rastau_sign::SignError::WrongPassword),
        Error::Pdf(rastau_pdf::PdfError::NoPages),
        Error::Capture(rastau_capture::CaptureError::Jammed),
        Error::NoPrinterChosen,
        Error::NoCopiesChosen,
        Error::CopyNotFound { id: 7 },
        Error::StoredCopyDamaged { file: "x".into() },
        Error::HandoverDestination {
            folder: "x".into(),
            detail: "x".into(),
        },
        Error::HandoverMediumFull { file: "x".into() },
        Error::HandoverIo {
            file: "x".into(),
            detail: "x".into(),
        },
        Error::HandoverMismatch { file: "x".into() },
        Error::JournalFileExists { file: "x".into() },
        Error::Print(PrintError::NoPrintService { detail: "x".into() }),
        Error::Print(PrintError::PrinterNotFound {
            printer: "x".into(),
        }),
        Error::Print(PrintError::PrinterStopped {
            printer: "x".into(),
        }),
        Error::Print(PrintError::NotAccepting {
            printer: "x".into(),
        }),
        Error::Print(PrintError::Failed {
            printer: "x".into(),
            detail: "x".into(),
        }),
        Error::DayInFuture { day: "x".into() },
        Error::BackupAuditBroken { seq: 3 },
        Error::BackupFileUnnamed { file: "x".into() },
        Error::BackupWithoutCenter,
        Error::LockedUntilLifted,
        Error::PasswordTooLong { max: 128 },
        Error::SessionEndedDeactivated,
        Error::SessionEndedPasswordChanged,
        Error::PasswordChangeRequired,
        Error::PasswordUnchanged,
        Error::UndecidedDocuments {
            documents: vec![(2, "Диплом".into())],
        },
        Error::NothingListed,
        Error::SheetsMissing { position: 2 },
        Error::SheetCountMismatch {
            position: 1,
            sheets: 3,
            pages: 2,
        },
        Error::NoRepresentative,
        Error::NoStore { folder: "x".into() },
        Error::DayHasOpenVisits {
            day: "x".into(),
            count: 2,
        },
        Error::SignOffNotASupervisorKey,
        Error::JournalPathIsFolder { folder: "x".into() },
        Error::Migration(rusqlite_migration::Error::InvalidUserVersion),
        Error::SealMalformed,
        Error::PageNotFound,
        Error::PreviewFailed { detail: "x".into() },
        Error::NoPagesAssigned { position: 2 },
        Error::NoGrounds,
        Error::JustificationRequired,
        Error::NothingToRefuse,
        Error::DocumentRefused { position: 2 },
        Error::AlreadyRefused { position: 2 },
        Error::NotRefused { position: 2 },
        Error::RefusalInNotice { position: 2 },
        Error::NoRefusalsToNotify,
        Error::NoticeNotIssued,
        Error::SupervisorMustSign,
        Error::NotASupervisorKey,
        Error::NoticeNotFound { id: 7 },
        Error::DaySignedOff { day: "x".into() },
        Error::DayNotSignedOff { day: "x".into() },
        Error::BackupFolder {
            folder: "x".into(),
            detail: "x".into(),
        },
        Error::NotABackup { folder: "x".into() },
        Error::BackupDamaged { file: "x".into() },
        Error::CertifiedPagesFrozen { position: 2 },
    ]
}

/// The list above holds every variant: derived from the enum, so a new one cannot be missed.
#[test]
fn every_error_variant_is_in_the_list() {
    use crate::error::ErrorDiscriminants;
    use strum::IntoEnumIterator;
    let listed: std::collections::HashSet<ErrorDiscriminants> =
        every_error().iter().map(ErrorDiscriminants::from).collect();
    let missing: Vec<_> = ErrorDiscriminants::iter()
        .filter(|kind| !listed.contains(kind))
        .collect();
    assert!(missing.is_empty(), "not in every_error(): {missing:?}");
}

#[test]
fn every_error_has_words_in_both_languages_using_all_its_args() {
    for lang in Lang::ALL {
        let messages = Messages::new(lang);
        let shape = shape(lang);
        for error in every_error() {
            let id = format!("error-{}", error.code());
            assert!(messages.has(&id), "{id} missing in {}", lang.code());
            let vars = &shape[&id];
            for arg in error.args().keys() {
                assert!(
                    vars.contains(&format!("${arg}")),
                    "{id} in {} ignores ${arg}",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn messages_fill_in_arguments_and_plurals() {
    let ru = Messages::new(Lang::Ru);
    let text = ru.error(&Error::WrongPassword { attempts_left: 2 });
    assert!(text.contains('2'), "{text}");
    let kk = Messages::new(Lang::Kk);
    let text = kk.error(&Error::Required { field: "fullName" });
    assert!(text.contains("Т.А.Ә."), "{text}");
    assert_eq!(kk.text("no-such-message", []), "no-such-message");
}
