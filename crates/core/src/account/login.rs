//! Signing in and unlocking: the password checked under the IIN's [`throttle`](super::throttle).
use super::records::{credentials_by_id, credentials_by_iin, Credentials};
use super::throttle::{Failure, Throttle};
use super::typed_iin::TypedIin;
use super::{password, Account};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;

/// Checks an IIN and password. Wrong attempts are counted (and so must be committed even
/// though the caller gets an error): the outer `Result` is the store's, the inner the verdict.
/// An IIN without an account and a wrong password get the same answer, and lock alike; the
/// attempts left are not told, since a count that starts again after its owner signs in would
/// show that the IIN has an account.
pub fn authenticate(
    tx: &Transaction,
    iin: &TypedIin,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Account>> {
    // No account has a malformed IIN, as whoever typed it can tell: nothing to count.
    let TypedIin::Valid(iin) = iin else {
        return Ok(Err(Error::WrongCredentials));
    };
    let throttle = Throttle::load(tx, iin)?;
    let found = credentials_by_iin(tx, iin)?;
    Ok(
        judge(tx, throttle, found, password, now)?.map_err(|failure| match failure {
            Failure::Wrong { .. } => Error::WrongCredentials,
            Failure::Refused(e) => e,
        }),
    )
}

/// Checks the password of the signed-in account: unlocking an idle session counts attempts the
/// same way as signing in, and, the person being known, tells the attempts left.
pub fn verify_password(
    tx: &Transaction,
    id: i64,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Account>> {
    let c = credentials_by_id(tx, id)?.ok_or(Error::AccountNotFound)?;
    let throttle = Throttle::load(tx, &c.account.iin)?;
    Ok(
        judge(tx, throttle, Some(c), password, now)?.map_err(|failure| match failure {
            Failure::Wrong { left } => Error::WrongPassword {
                attempts_left: left,
            },
            Failure::Refused(e) => e,
        }),
    )
}

/// The verdict on `password` for the account `found` (`None`: the IIN has none).
fn judge(
    tx: &Transaction,
    throttle: Throttle,
    found: Option<Credentials>,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Account, Failure>> {
    if let Some(lock) = throttle.lock(now) {
        return Ok(Err(Failure::Refused(lock)));
    }
    let right = match &found {
        Some(c) => password::matches(password, &c.hash)?,
        // As long as a real check, so that the delay does not tell either.
        None => {
            password::match_nothing(password)?;
            false
        }
    };
    let Some(c) = found.filter(|_| right) else {
        return Ok(Err(throttle.fail(tx, now)?));
    };
    throttle.clear(tx)?;
    // Told only to whoever knows the password.
    if !c.account.active {
        return Ok(Err(Failure::Refused(Error::AccountInactive)));
    }
    Ok(Ok(c.account))
}
