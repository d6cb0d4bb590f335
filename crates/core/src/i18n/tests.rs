//! The locales must say the same things: every message, attribute and variable in one
//! language exists in the other, and every error the core can raise has words in both.
use super::*;
use crate::ids::IdError;
use rastau_coded::check;
use rastau_print::PrintError;
use strum::IntoEnumIterator;

fn locale_dir(lang: Lang) -> std::path::PathBuf {
    check::locale_dir(env!("CARGO_MANIFEST_DIR"), lang.code())
}

fn shape(lang: Lang) -> check::Shape {
    check::shape(&locale_dir(lang), FILES)
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

/// One of every error the core raises: a new variant of the core's enum belongs here too
/// (the test below fails until it is), those of the crates below come from their enums.
fn every_error() -> Vec<Error> {
    let io = std::io::Error::other("disk");
    let mut all = vec![
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
        Error::PagesChangedWhileCertifying { position: 2 },
        Error::RefusalsChangedWhileSigning,
        Error::SignedInChangedWhileSigning,
        Error::JournalChangedWhileSigning {
            day: "24.11.2026".into(),
        },
        Error::BackupCancelled,
        Error::Io(std::io::Error::from(std::io::ErrorKind::StorageFull)),
        Error::SharedAlreadyLinked { center: "x".into() },
        Error::SharedNotLinked,
        Error::SharedHistoryDiverged { seq: 7 },
        Error::SharedCopyGone { number: "x".into() },
        Error::SharedCopyDamaged { number: "x".into() },
        Error::SharedCopyNotTrusted {
            number: "x".into(),
            signer: "x".into(),
        },
        Error::SharedLinkDamaged {
            file: "x".into(),
            detail: "x".into(),
        },
        Error::StaffNeedsSharedSignIn,
        Error::PolicyNeedsSharedSignIn,
        Error::SharedPolicyUnreadable { detail: "x".into() },
        Error::NoKeyStorage,
        Error::KeySourceIsNcaLayer,
        Error::KeySourceIsPkcs12,
        Error::KeyStorageNotOffered,
        Error::SignedInChangedWhileOpeningKey,
    ];
    // The crates below the core: every variant, derived from their enums.
    all.extend(IdError::iter().map(Error::Id));
    all.extend(rastau_sign::SignError::iter().map(Error::Sign));
    all.extend(rastau_pdf::PdfError::iter().map(Error::Pdf));
    all.extend(rastau_capture::CaptureError::iter().map(Error::Capture));
    all.extend(PrintError::iter().map(Error::Print));
    all.extend(rastau_shared::SharedError::iter().map(Error::Shared));
    all
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
    check::every_error_is_worded(every_error(), env!("CARGO_MANIFEST_DIR"), FILES);
}

/// The UI switches on these codes: a misspelt one fails `svelte-check`, not a clerk.
#[test]
fn the_error_codes_are_written_for_the_ui() {
    let codes: std::collections::BTreeSet<&str> = every_error().iter().map(|e| e.code()).collect();
    let union: Vec<String> = codes.iter().map(|c| format!("  | \"{c}\"")).collect();
    let ts = format!(
        "// Generated from Rust by `cargo test -p rastau-core`; do not edit.\n\
         /** Every code an error of Rastau can carry; its message is `error-<code>`. */\n\
         export type ErrorCode =\n{};\n",
        union.join("\n")
    );
    let target =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings/ErrorCode.ts");
    std::fs::write(target, ts).unwrap();
    assert!(codes.contains("disk-full") && codes.contains("sign-wrong-password"));
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
