//! Signing in, with a lockout after repeated wrong passwords.
use super::records::{credentials_by_id, credentials_by_iin, record_failures, Credentials};
use super::{password, Account};
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Transaction;

pub const MAX_FAILED_LOGINS: u32 = 5;
pub const LOCK_MINUTES: i64 = 5;

/// Checks an IIN and password. Wrong attempts are counted (and so must be committed even
/// though the caller gets an error): the outer `Result` is the store's, the inner the verdict.
pub fn authenticate(
    tx: &Transaction,
    iin: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Account>> {
    match credentials_by_iin(tx, iin)? {
        None => Ok(Err(Error::WrongCredentials)),
        Some(c) => judge(tx, c, password, now),
    }
}

/// Checks the password of a known account: unlocking an idle session counts attempts the
/// same way as signing in.
pub fn verify_password(
    tx: &Transaction,
    id: i64,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Account>> {
    let c = credentials_by_id(tx, id)?.ok_or(Error::AccountNotFound)?;
    judge(tx, c, password, now)
}

fn judge(
    tx: &Transaction,
    c: Credentials,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Account>> {
    if !c.account.active {
        return Ok(Err(Error::AccountInactive));
    }
    if let Some(until) = c.locked_until.filter(|until| *until > now) {
        return Ok(Err(locked(until, now)));
    }
    // A lock that has run out starts a fresh count.
    let failed_before = if c.locked_until.is_some() {
        0
    } else {
        c.failed_logins
    };
    if password::matches(password, &c.hash)? {
        record_failures(tx, c.account.id, 0, None)?;
        return Ok(Ok(c.account));
    }
    let failed = failed_before + 1;
    if failed >= MAX_FAILED_LOGINS {
        let until = now + Duration::minutes(LOCK_MINUTES);
        record_failures(tx, c.account.id, 0, Some(until))?;
        return Ok(Err(locked(until, now)));
    }
    record_failures(tx, c.account.id, failed, None)?;
    Ok(Err(Error::WrongPassword {
        attempts_left: MAX_FAILED_LOGINS - failed,
    }))
}

fn locked(until: DateTime<Utc>, now: DateTime<Utc>) -> Error {
    // Rounded up: "1 minute" while any part of a minute is left.
    let seconds = (until - now).num_seconds().max(1);
    Error::AccountLocked {
        minutes: (seconds + 59) / 60,
    }
}
