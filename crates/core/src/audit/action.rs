//! What an audit entry records, by a stable kebab-case code: the UI names it through the Fluent
//! message `audit-action-<code>`, and the code is what the hash chain covers.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! actions {
    ($($variant:ident => $code:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum Action {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl Action {
            pub const ALL: &[Action] = &[$(Action::$variant,)*];

            pub fn code(self) -> &'static str {
                match self {
                    $(Action::$variant => $code,)*
                }
            }

            pub fn from_code(code: &str) -> Option<Action> {
                match code {
                    $($code => Some(Action::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

actions! {
    FirstStart => "first-start",
    Login => "login",
    LoginFailed => "login-failed",
    Unlock => "unlock",
    UnlockFailed => "unlock-failed",
    Logout => "logout",
    LanguageChanged => "language-changed",
    AccountCreated => "account-created",
    AccountChanged => "account-changed",
    AccountActivated => "account-activated",
    AccountDeactivated => "account-deactivated",
    CenterChanged => "center-changed",
    PrinterChosen => "printer-chosen",
    NoticeSignerChosen => "notice-signer-chosen",
    CaTrusted => "ca-trusted",
    SealTrusted => "seal-trusted",
    SealKeyMade => "seal-key-made",
    SigningKeyOpened => "signing-key-opened",
    VisitOpened => "visit-opened",
    DocumentsListed => "documents-listed",
    ConsentConfirmed => "consent-confirmed",
    ConsentScanKept => "consent-scan-kept",
    VisitClosed => "visit-closed",
    PageAdded => "page-added",
    PageRotated => "page-rotated",
    PageMoved => "page-moved",
    PageAssigned => "page-assigned",
    PageDeleted => "page-deleted",
    PageRestored => "page-restored",
    PageReplaced => "page-replaced",
    Certified => "certified",
    Refused => "refused",
    RefusalWithdrawn => "refusal-withdrawn",
    NoticeIssued => "notice-issued",
    Printed => "printed",
    HandedOver => "handed-over",
    JournalExported => "journal-exported",
    DaySignedOff => "day-signed-off",
    DayCorrected => "day-corrected",
    CopyRemoved => "copy-removed",
    RetentionRun => "retention-run",
    LeftoversRemoved => "leftovers-removed",
    BackedUp => "backed-up",
    Restored => "restored",
    DemoFilled => "demo-filled",
    CaRemoved => "ca-removed",
    SealKeyMovedOut => "seal-key-moved-out",
    HandoverStarted => "handover-started",
    HandoverFailed => "handover-failed",
    SessionEnded => "session-ended",
    PasswordChosen => "password-chosen",
    PasswordChoiceFailed => "password-choice-failed",
    SharedJoined => "shared-joined",
    SharedLeft => "shared-left",
    SharedCopiesLookedUp => "shared-copies-looked-up",
    SharedCopyFetched => "shared-copy-fetched",
    StaffRefreshed => "staff-refreshed",
    SignaturePolicyChanged => "signature-policy-changed",
    KeySourceChanged => "key-source-changed",
    PolicyRefreshed => "policy-refreshed",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for action in Action::ALL {
            assert!(seen.insert(action.code()), "{} twice", action.code());
            assert_eq!(Action::from_code(action.code()), Some(*action));
        }
    }

    #[test]
    fn every_action_has_a_name_in_both_languages() {
        for lang in [crate::Lang::Kk, crate::Lang::Ru] {
            let messages = crate::i18n::Messages::new(lang);
            for action in Action::ALL {
                let name = messages.text("audit-action-name", [("action", action.code().into())]);
                assert_ne!(name, action.code(), "{lang:?} has no name for it");
            }
        }
    }
}
