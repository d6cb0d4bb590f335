//! Staff accounts: clerks and supervisors, who sign in with their IIN and a password.
mod cache;
mod login;
mod password;
mod records;
mod throttle;
mod typed_iin;

pub use cache::{as_staff, keep, refresh};
pub use login::{authenticate, verify_password};
pub use password::{MAX_PASSWORD_LEN, MIN_PASSWORD_LEN};
pub use records::{
    by_iin, check_changes, check_new, choose_password, get, hash_for, insert, list,
    refuse_unchanged, set_active, set_language, standing, update,
};
pub use throttle::{LOCK_MINUTES, MAX_FAILED_LOGINS};
pub use typed_iin::TypedIin;

use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Role {
    Clerk,
    Supervisor,
}

impl Role {
    /// The stored code, also the suffix of the Fluent label `role-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Supervisor => "supervisor",
        }
    }

    fn from_code(code: &str) -> Option<Role> {
        [Role::Clerk, Role::Supervisor]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// Who chose an account's password: its owner, or a supervisor for them (then the owner must
/// choose their own before doing anything else).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChosenBy {
    Owner,
    Supervisor,
}

/// Why an account's open sessions were last ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpochReason {
    Deactivated,
    PasswordChanged,
}

impl EpochReason {
    fn code(self) -> &'static str {
        match self {
            EpochReason::Deactivated => "deactivated",
            EpochReason::PasswordChanged => "password-changed",
        }
    }

    fn from_code(code: &str) -> Option<EpochReason> {
        [EpochReason::Deactivated, EpochReason::PasswordChanged]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// An account's state as every command checks it: sessions opened under another `epoch` have
/// ended, and an owner who must choose a password may do nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub epoch: i64,
    pub moved_because: Option<EpochReason>,
    pub must_choose_password: bool,
    /// The role the store gives the account now (the shared store's, on a linked counter).
    pub role: Role,
}

/// An account as the UI sees it: never with its password hash.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Account {
    #[ts(type = "number")]
    pub id: i64,
    pub iin: String,
    pub full_name: String,
    pub position: String,
    pub phone: String,
    pub role: Role,
    pub language: Lang,
    pub active: bool,
}

/// A new account as typed into the form.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewAccount {
    pub iin: String,
    pub full_name: String,
    pub position: String,
    pub phone: String,
    pub password: String,
}

/// An edit of an existing account; a password is changed only when one is given.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountChanges {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub position: String,
    pub phone: String,
    #[ts(optional)]
    pub new_password: Option<String>,
}
