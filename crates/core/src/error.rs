//! The one error type of the core. Users never see its `Display` text: every variant has a
//! machine-readable code and arguments, which the UI and the CLI turn into Kazakh or Russian
//! through the Fluent message `error-<code>`.
use crate::ids::IdError;
use rastau_capture::CaptureError;
pub use rastau_coded::{Arg, Coded};
use rastau_pdf::PdfError;
use rastau_print::PrintError;
use rastau_sign::SignError;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[cfg_attr(test, derive(strum::EnumDiscriminants))]
#[cfg_attr(test, strum_discriminants(derive(strum::EnumIter, Hash)))]
pub enum Error {
    #[error(transparent)]
    Id(#[from] IdError),
    #[error(transparent)]
    Sign(#[from] SignError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Capture(#[from] CaptureError),
    #[error(transparent)]
    Print(#[from] PrintError),
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("schema migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("file system: {0}")]
    Io(#[from] std::io::Error),
    #[error("the store has schema version {found}, this build knows up to {known}")]
    SchemaTooNew { found: usize, known: usize },
    #[error("the center is already set up")]
    AlreadySetUp,
    #[error("the center is not set up yet")]
    NotSetUp,
    #[error("required field {field} is empty")]
    Required { field: &'static str },
    #[error("password shorter than {min} characters")]
    PasswordTooShort { min: usize },
    #[error("no account with this IIN and password")]
    WrongCredentials,
    #[error("wrong password, {attempts_left} attempts left")]
    WrongPassword { attempts_left: u32 },
    #[error("account locked for {minutes} more minutes")]
    AccountLocked { minutes: i64 },
    #[error("account deactivated")]
    AccountInactive,
    #[error("an account with this IIN exists")]
    IinTaken,
    #[error("no such account")]
    AccountNotFound,
    #[error("a supervisor cannot deactivate their own account")]
    CannotDeactivateSelf,
    #[error("not logged in")]
    NotLoggedIn,
    #[error("the session is locked")]
    SessionLocked,
    #[error("this action is for supervisors")]
    SupervisorOnly,
    #[error("idle lock must be between {min} and {max} minutes")]
    IdleMinutesRange { min: u32, max: u32 },
    #[error("password hashing failed")]
    PasswordHash,
    #[error("the power of attorney's dates are impossible")]
    PowerOfAttorneyDates,
    #[error("the power of attorney expired on {until}")]
    PowerOfAttorneyExpired { until: String },
    #[error("no such visit")]
    VisitNotFound,
    #[error("the visit is closed")]
    VisitClosed,
    #[error("the visit belongs to another clerk")]
    NotYourVisit,
    #[error("no documents are listed")]
    NoDocuments,
    #[error("the consent was received; the list is fixed")]
    ConsentAlreadyReceived,
    #[error("no signed consent yet")]
    ConsentMissing,
    #[error("no signing key is open in this session")]
    NoSigningKey,
    #[error("no document at position {position}")]
    DocumentNotFound { position: u32 },
    #[error("the document is already certified")]
    AlreadyCertified,
    #[error("not a Rastau seal")]
    SealMalformed,
    #[error("no such page")]
    PageNotFound,
    #[error("the preview could not be drawn: {detail}")]
    PreviewFailed { detail: String },
    #[error("no pages are assigned to document {position}")]
    NoPagesAssigned { position: u32 },
    #[error("no printer is chosen")]
    NoPrinterChosen,
    #[error("no copies chosen")]
    NoCopiesChosen,
    #[error("no certified copy {id} is kept")]
    CopyNotFound { id: i64 },
    #[error("the stored file {file} does not match its hash")]
    StoredCopyDamaged { file: String },
    #[error("cannot create a folder in {folder}: {detail}")]
    HandoverDestination { folder: String, detail: String },
    #[error("the medium is full at {file}")]
    HandoverMediumFull { file: String },
    #[error("writing or reading back {file} failed: {detail}")]
    HandoverIo { file: String, detail: String },
    #[error("{file} read back differs from the copy")]
    HandoverMismatch { file: String },
    #[error("a refusal names no ground of rule 9")]
    NoGrounds,
    #[error("a refusal has no justification")]
    JustificationRequired,
    #[error("no documents chosen to refuse")]
    NothingToRefuse,
    #[error("document {position} is refused")]
    DocumentRefused { position: u32 },
    #[error("document {position} is already refused")]
    AlreadyRefused { position: u32 },
    #[error("document {position} is not refused")]
    NotRefused { position: u32 },
    #[error("the refusal of document {position} is in a signed notice")]
    RefusalInNotice { position: u32 },
    #[error("no refusal is waiting for a notice")]
    NoRefusalsToNotify,
    #[error("refusals are waiting for their notice")]
    NoticeNotIssued,
    #[error("the center requires a supervisor to sign refusal notices")]
    SupervisorMustSign,
    #[error("the key does not belong to an active supervisor of this center")]
    NotASupervisorKey,
    #[error("no refusal notice {id}")]
    NoticeNotFound { id: i64 },
    #[error("the journal of {day} is signed off")]
    DaySignedOff { day: String },
    #[error("{count} visits of {day} are still open")]
    DayHasOpenVisits { day: String, count: u32 },
    #[error("the journal of {day} is not signed off")]
    DayNotSignedOff { day: String },
    #[error("{file} exists; the journal is not written over it")]
    JournalFileExists { file: String },
    #[error("cannot write the backup in {folder}: {detail}")]
    BackupFolder { folder: String, detail: String },
    #[error("{folder} holds no Rastau backup")]
    NotABackup { folder: String },
    #[error("{file} of the backup is missing or changed")]
    BackupDamaged { file: String },
    #[error("{day} has not come yet")]
    DayInFuture { day: String },
    #[error("the backup's audit trail is broken at entry {seq}")]
    BackupAuditBroken { seq: i64 },
    #[error("the backup holds {file}, which no record names")]
    BackupFileUnnamed { file: String },
    #[error("the backup holds no center")]
    BackupWithoutCenter,
    #[error("no trusted CA is configured")]
    NoTrustAnchors,
    #[error("no trusted CA {id}")]
    TrustedCaNotFound { id: String },
    #[error("copy {id} chosen twice")]
    CopyChosenTwice { id: i64 },
    #[error("the copy is not of the applicant at the counter")]
    NotThisApplicantsCopy,
    #[error("sign-in with this IIN is locked until a supervisor sets a new password")]
    LockedUntilLifted,
    #[error("password longer than {max} characters")]
    PasswordTooLong { max: usize },
    #[error("the account was deactivated; its session ended")]
    SessionEndedDeactivated,
    #[error("the account's password changed; its session ended")]
    SessionEndedPasswordChanged,
    #[error("a supervisor set the password; its owner must choose their own first")]
    PasswordChangeRequired,
    #[error("the new password is the one already set")]
    PasswordUnchanged,
    #[error("documents {documents:?} are neither certified nor refused")]
    UndecidedDocuments { documents: Vec<(u32, String)> },
    #[error("no document is listed, so nothing was certified or refused")]
    NothingListed,
    #[error("document {position} is listed without its sheet count")]
    SheetsMissing { position: u32 },
    #[error("document {position}: the original has {sheets} sheets, {pages} pages are assigned")]
    SheetCountMismatch {
        position: u32,
        sheets: u32,
        pages: usize,
    },
    #[error("the visit names no representative")]
    NoRepresentative,
    #[error("no store in {folder}")]
    NoStore { folder: String },
    #[error("document {position} is certified: its pages can no longer change")]
    CertifiedPagesFrozen { position: u32 },
    #[error("the key signing off the day does not belong to an active supervisor")]
    SignOffNotASupervisorKey,
    #[error("{folder} is a folder; the journal is written to a file")]
    JournalPathIsFolder { folder: String },
    /// The pages of document `position` changed while its copy was being made and signed.
    #[error("the pages of document {position} changed while it was being certified")]
    PagesChangedWhileCertifying { position: u32 },
    /// The visit's refusals changed while their notice was being signed.
    #[error("the refusals changed while their notice was being signed")]
    RefusalsChangedWhileSigning,
    #[error("the backup was cancelled")]
    BackupCancelled,
    #[error(transparent)]
    Shared(#[from] rastau_shared::SharedError),
    #[error("this installation is linked to center {center} of the shared store already")]
    SharedAlreadyLinked { center: String },
    #[error("this installation is not linked to a shared store")]
    SharedNotLinked,
    #[error("the shared store's link file {file} is damaged: {detail}")]
    SharedLinkDamaged { file: String, detail: String },
    #[error("the shared store holds another history of this installation from entry {seq} on")]
    SharedHistoryDiverged { seq: i64 },
    #[error("copy {number} is no longer kept in the shared store")]
    SharedCopyGone { number: String },
    #[error("the files of copy {number} in the shared store do not match their recorded hashes")]
    SharedCopyDamaged { number: String },
    #[error("the signature of copy {number} by {signer} does not verify against the trusted CAs")]
    SharedCopyNotTrusted { number: String, signer: String },
    #[error("staff of a linked center change in the shared store: sign in while it answers")]
    StaffNeedsSharedSignIn,
    #[error("a linked center's settings change in the shared store: sign in while it answers")]
    PolicyNeedsSharedSignIn,
    #[error("the shared store's policy of the center cannot be read by this build: {detail}")]
    SharedPolicyUnreadable { detail: String },
    #[error("NCALayer is offered with no storage")]
    NoKeyStorage,
    #[error("the center's keys are opened through NCALayer, not from a key file")]
    KeySourceIsNcaLayer,
    #[error("the center's keys are key files, not opened through NCALayer")]
    KeySourceIsPkcs12,
    #[error("the center does not offer this storage in NCALayer")]
    KeyStorageNotOffered,
    #[error("someone else signed in while the key was being opened")]
    SignedInChangedWhileOpeningKey,
    #[error("someone else signed in while the day's journal was being signed")]
    SignedInChangedWhileSigning,
    /// A visit of the day ended or was corrected while its journal was being signed.
    #[error("the journal of {day} changed while it was being signed")]
    JournalChangedWhileSigning { day: String },
}

/// Whether `e` says the disk (or the user's quota on it) is full.
pub fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    ) || e.raw_os_error() == Some(libc::ENOSPC)
}

fn database_full(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
}

/// What crosses into the UI instead of an English sentence.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    /// Fluent id without the `error-` prefix, e.g. `id-check-digit`; the UI's type lists them
    /// all (`ErrorCode.ts`, written by the locale tests).
    #[ts(type = "import(\"./ErrorCode\").ErrorCode")]
    pub code: String,
    #[ts(type = "Record<string, string | number>")]
    pub args: BTreeMap<String, Arg>,
}

impl Coded for Error {
    fn code(&self) -> &'static str {
        match self {
            Error::Id(e) => e.code(),
            Error::Sign(e) => e.code(),
            Error::Pdf(e) => e.code(),
            Error::Capture(e) => e.code(),
            Error::Print(e) => e.code(),
            Error::Database(e) if database_full(e) => "disk-full",
            Error::Io(e) if is_disk_full(e) => "disk-full",
            Error::Database(_) | Error::Migration(_) => "store-failed",
            Error::Io(_) => "io-failed",
            Error::SchemaTooNew { .. } => "schema-too-new",
            Error::AlreadySetUp => "already-set-up",
            Error::NotSetUp => "not-set-up",
            Error::Required { .. } => "required",
            Error::PasswordTooShort { .. } => "password-too-short",
            Error::WrongCredentials => "wrong-credentials",
            Error::WrongPassword { .. } => "wrong-password",
            Error::AccountLocked { .. } => "account-locked",
            Error::AccountInactive => "account-inactive",
            Error::IinTaken => "iin-taken",
            Error::AccountNotFound => "account-not-found",
            Error::CannotDeactivateSelf => "cannot-deactivate-self",
            Error::NotLoggedIn => "not-logged-in",
            Error::SessionLocked => "session-locked",
            Error::SupervisorOnly => "supervisor-only",
            Error::IdleMinutesRange { .. } => "idle-minutes-range",
            Error::PasswordHash => "password-hash",
            Error::PowerOfAttorneyDates => "poa-dates",
            Error::PowerOfAttorneyExpired { .. } => "poa-expired",
            Error::VisitNotFound => "visit-not-found",
            Error::VisitClosed => "visit-closed",
            Error::NotYourVisit => "not-your-visit",
            Error::NoDocuments => "no-documents",
            Error::ConsentAlreadyReceived => "consent-already-received",
            Error::ConsentMissing => "consent-missing",
            Error::NoSigningKey => "no-signing-key",
            Error::DocumentNotFound { .. } => "document-not-found",
            Error::AlreadyCertified => "already-certified",
            Error::SealMalformed => "seal-malformed",
            Error::PageNotFound => "page-not-found",
            Error::PreviewFailed { .. } => "preview-failed",
            Error::NoPagesAssigned { .. } => "no-pages-assigned",
            Error::NoPrinterChosen => "no-printer-chosen",
            Error::NoCopiesChosen => "no-copies-chosen",
            Error::CopyNotFound { .. } => "copy-not-found",
            Error::StoredCopyDamaged { .. } => "stored-copy-damaged",
            Error::HandoverDestination { .. } => "handover-destination",
            Error::HandoverMediumFull { .. } => "handover-medium-full",
            Error::HandoverIo { .. } => "handover-io",
            Error::HandoverMismatch { .. } => "handover-mismatch",
            Error::NoGrounds => "no-grounds",
            Error::JustificationRequired => "justification-required",
            Error::NothingToRefuse => "nothing-to-refuse",
            Error::DocumentRefused { .. } => "document-refused",
            Error::AlreadyRefused { .. } => "already-refused",
            Error::NotRefused { .. } => "not-refused",
            Error::RefusalInNotice { .. } => "refusal-in-notice",
            Error::NoRefusalsToNotify => "no-refusals-to-notify",
            Error::NoticeNotIssued => "notice-not-issued",
            Error::SupervisorMustSign => "supervisor-must-sign",
            Error::NotASupervisorKey => "not-a-supervisor-key",
            Error::NoticeNotFound { .. } => "notice-not-found",
            Error::DaySignedOff { .. } => "day-signed-off",
            Error::DayHasOpenVisits { .. } => "day-has-open-visits",
            Error::DayNotSignedOff { .. } => "day-not-signed-off",
            Error::JournalFileExists { .. } => "journal-file-exists",
            Error::BackupFolder { .. } => "backup-folder",
            Error::NotABackup { .. } => "not-a-backup",
            Error::BackupDamaged { .. } => "backup-damaged",
            Error::DayInFuture { .. } => "day-in-future",
            Error::BackupAuditBroken { .. } => "backup-audit-broken",
            Error::BackupFileUnnamed { .. } => "backup-file-unnamed",
            Error::BackupWithoutCenter => "backup-without-center",
            Error::NoTrustAnchors => "no-trust-anchors",
            Error::TrustedCaNotFound { .. } => "trusted-ca-not-found",
            Error::CopyChosenTwice { .. } => "copy-chosen-twice",
            Error::NotThisApplicantsCopy => "not-this-applicants-copy",
            Error::LockedUntilLifted => "locked-until-lifted",
            Error::PasswordTooLong { .. } => "password-too-long",
            Error::SessionEndedDeactivated => "session-ended-deactivated",
            Error::SessionEndedPasswordChanged => "session-ended-password-changed",
            Error::PasswordChangeRequired => "password-change-required",
            Error::PasswordUnchanged => "password-unchanged",
            Error::UndecidedDocuments { .. } => "undecided-documents",
            Error::NothingListed => "nothing-listed",
            Error::SheetsMissing { .. } => "sheets-missing",
            Error::SheetCountMismatch { .. } => "sheet-count-mismatch",
            Error::NoRepresentative => "no-representative",
            Error::NoStore { .. } => "no-store",
            Error::CertifiedPagesFrozen { .. } => "certified-pages-frozen",
            Error::SignOffNotASupervisorKey => "signoff-not-a-supervisor-key",
            Error::JournalPathIsFolder { .. } => "journal-path-is-folder",
            Error::PagesChangedWhileCertifying { .. } => "pages-changed-while-certifying",
            Error::RefusalsChangedWhileSigning => "refusals-changed-while-signing",
            Error::BackupCancelled => "backup-cancelled",
            Error::Shared(e) => e.code(),
            Error::SharedAlreadyLinked { .. } => "shared-already-linked",
            Error::SharedNotLinked => "shared-not-linked",
            Error::SharedLinkDamaged { .. } => "shared-link-damaged",
            Error::SharedHistoryDiverged { .. } => "shared-history-diverged",
            Error::SharedCopyGone { .. } => "shared-copy-gone",
            Error::SharedCopyDamaged { .. } => "shared-copy-damaged",
            Error::SharedCopyNotTrusted { .. } => "shared-copy-not-trusted",
            Error::StaffNeedsSharedSignIn => "staff-needs-shared-sign-in",
            Error::PolicyNeedsSharedSignIn => "policy-needs-shared-sign-in",
            Error::SharedPolicyUnreadable { .. } => "shared-policy-unreadable",
            Error::NoKeyStorage => "no-key-storage",
            Error::KeySourceIsNcaLayer => "key-source-is-ncalayer",
            Error::KeySourceIsPkcs12 => "key-source-is-pkcs12",
            Error::KeyStorageNotOffered => "key-storage-not-offered",
            Error::SignedInChangedWhileOpeningKey => "signed-in-changed-while-opening-key",
            Error::SignedInChangedWhileSigning => "signed-in-changed-while-signing",
            Error::JournalChangedWhileSigning { .. } => "journal-changed-while-signing",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Error::Id(e) => e.args(),
            Error::Sign(e) => e.args(),
            Error::Capture(e) => e.args(),
            Error::Print(e) => e.args(),
            Error::Pdf(e) => e.args(),
            Error::DocumentNotFound { position }
            | Error::NoPagesAssigned { position }
            | Error::DocumentRefused { position }
            | Error::AlreadyRefused { position }
            | Error::NotRefused { position }
            | Error::RefusalInNotice { position } => {
                vec![("position", (*position).into())]
            }
            // A full disk is told as such, with no detail to weigh.
            Error::Database(e) if database_full(e) => vec![],
            Error::Io(e) if is_disk_full(e) => vec![],
            Error::Database(e) => vec![("detail", e.to_string().into())],
            Error::Migration(e) => vec![("detail", e.to_string().into())],
            Error::Io(e) => vec![("detail", e.to_string().into())],
            Error::PreviewFailed { detail } => vec![("detail", detail.as_str().into())],
            Error::SchemaTooNew { found, known } => {
                vec![("found", (*found).into()), ("known", (*known).into())]
            }
            Error::Required { field } => vec![("field", (*field).into())],
            Error::PasswordTooShort { min } => vec![("min", (*min).into())],
            Error::WrongPassword { attempts_left } => vec![("attempts", (*attempts_left).into())],
            Error::AccountLocked { minutes } => vec![("minutes", (*minutes).into())],
            Error::PowerOfAttorneyExpired { until } => vec![("until", until.as_str().into())],
            Error::DaySignedOff { day } | Error::DayNotSignedOff { day } => {
                vec![("day", day.as_str().into())]
            }
            Error::DayHasOpenVisits { day, count } => {
                vec![("day", day.as_str().into()), ("count", (*count).into())]
            }
            Error::TrustedCaNotFound { id } => vec![("id", id.as_str().into())],
            Error::CopyNotFound { id } | Error::CopyChosenTwice { id } => {
                vec![("id", (*id).into())]
            }
            Error::StoredCopyDamaged { file }
            | Error::HandoverMediumFull { file }
            | Error::HandoverMismatch { file }
            | Error::JournalFileExists { file }
            | Error::BackupDamaged { file } => vec![("file", file.as_str().into())],
            Error::NotABackup { folder } => vec![("folder", folder.as_str().into())],
            Error::HandoverDestination { folder, detail }
            | Error::BackupFolder { folder, detail } => vec![
                ("folder", folder.as_str().into()),
                ("detail", detail.as_str().into()),
            ],
            Error::HandoverIo { file, detail } => vec![
                ("file", file.as_str().into()),
                ("detail", detail.as_str().into()),
            ],
            Error::IdleMinutesRange { min, max } => {
                vec![("min", (*min).into()), ("max", (*max).into())]
            }
            Error::DayInFuture { day } | Error::JournalChangedWhileSigning { day } => {
                vec![("day", day.as_str().into())]
            }
            Error::BackupAuditBroken { seq } => vec![("seq", (*seq).into())],
            Error::BackupFileUnnamed { file } => vec![("file", file.as_str().into())],
            Error::PasswordTooLong { max } => vec![("max", (*max).into())],
            Error::UndecidedDocuments { documents } => vec![
                ("documents", listed(documents).into()),
                ("count", documents.len().into()),
            ],
            Error::SheetsMissing { position } => vec![("position", (*position).into())],
            Error::SheetCountMismatch {
                position,
                sheets,
                pages,
            } => vec![
                ("position", (*position).into()),
                ("sheets", (*sheets).into()),
                ("pages", (*pages).into()),
            ],
            Error::NoStore { folder } => vec![("folder", folder.as_str().into())],
            Error::CertifiedPagesFrozen { position }
            | Error::PagesChangedWhileCertifying { position } => {
                vec![("position", (*position).into())]
            }
            Error::JournalPathIsFolder { folder } => vec![("folder", folder.as_str().into())],
            Error::Shared(e) => e.args(),
            Error::SharedAlreadyLinked { center } => vec![("center", center.as_str().into())],
            Error::SharedHistoryDiverged { seq } => vec![("seq", (*seq).into())],
            Error::SharedCopyGone { number } | Error::SharedCopyDamaged { number } => {
                vec![("number", number.as_str().into())]
            }
            Error::SharedCopyNotTrusted { number, signer } => vec![
                ("number", number.as_str().into()),
                ("signer", signer.as_str().into()),
            ],
            Error::SharedLinkDamaged { file, detail } => vec![
                ("file", file.as_str().into()),
                ("detail", detail.as_str().into()),
            ],
            Error::SharedPolicyUnreadable { detail } => vec![("detail", detail.as_str().into())],
            _ => vec![],
        }
    }
}

impl Error {
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_owned(),
            args: self
                .args()
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(error: Error) -> Self {
        error.payload()
    }
}

/// `№ 2 «Диплом», № 3 «Үй кітабы»`: the same in both languages.
pub(crate) fn listed(documents: &[(u32, String)]) -> String {
    documents
        .iter()
        .map(|(position, title)| format!("№ {position} «{title}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}
