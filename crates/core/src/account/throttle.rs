//! How many wrong passwords sign-in with an IIN may take. Kept per IIN typed, whether or not an
//! account has it: an IIN without an account is answered and locked exactly as a wrong
//! password is, so the answers tell no one which IINs have accounts.
//!
//! [`MAX_FAILED_LOGINS`] wrong attempts in a row lock sign-in with that IIN. Each lock is longer
//! than the one before ([`LOCK_MINUTES`]: 5, 15, then 60 minutes) and the next one lasts until a
//! supervisor sets a new password: guessing gets 20 tries in all, not five every five minutes
//! forever. A right password forgets the count and the locks.
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

pub const MAX_FAILED_LOGINS: u32 = 5;
/// The first, second and third lock; after as many, sign-in waits for a supervisor.
pub const LOCK_MINUTES: [i64; 3] = [5, 15, 60];

/// The wrong attempts of one IIN.
pub(super) struct Throttle {
    iin: String,
    failed: u32,
    lockouts: u32,
    locked_until: Option<DateTime<Utc>>,
}

/// Why a password was not taken.
pub(super) enum Failure {
    /// A wrong password (or an IIN without an account), with the attempts left before a lock.
    Wrong { left: u32 },
    /// Refused whatever the password: locked, or the account deactivated.
    Refused(Error),
}

impl Throttle {
    pub fn load(conn: &Connection, iin: &str) -> Result<Throttle> {
        let row = conn
            .query_row(
                "SELECT failed, lockouts, locked_until FROM sign_in_throttle WHERE iin = ?1",
                [iin],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (failed, lockouts, locked_until) = row.unwrap_or((0, 0, None));
        Ok(Throttle {
            iin: iin.to_owned(),
            failed,
            lockouts,
            locked_until,
        })
    }

    /// The lock that refuses this IIN now whatever the password, if there is one.
    pub fn lock(&self, now: DateTime<Utc>) -> Option<Error> {
        if self.lockouts as usize > LOCK_MINUTES.len() {
            return Some(Error::LockedUntilLifted);
        }
        self.locked_until
            .filter(|until| *until > now)
            .map(|until| locked(until, now))
    }

    /// Counts a wrong attempt; the last one allowed locks.
    pub fn fail(mut self, tx: &Transaction, now: DateTime<Utc>) -> Result<Failure> {
        self.failed += 1;
        let failure = if self.failed < MAX_FAILED_LOGINS {
            Failure::Wrong {
                left: MAX_FAILED_LOGINS - self.failed,
            }
        } else {
            // The lock's end starts a fresh count.
            self.failed = 0;
            self.lockouts += 1;
            let minutes = LOCK_MINUTES.get(self.lockouts as usize - 1);
            self.locked_until = minutes.map(|m| now + Duration::minutes(*m));
            Failure::Refused(self.lock(now).unwrap_or(Error::LockedUntilLifted))
        };
        tx.execute(
            "INSERT INTO sign_in_throttle (iin, failed, lockouts, locked_until)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (iin) DO UPDATE
             SET failed = excluded.failed, lockouts = excluded.lockouts,
                 locked_until = excluded.locked_until",
            params![self.iin, self.failed, self.lockouts, self.locked_until],
        )?;
        Ok(failure)
    }

    /// Forgets the attempts and the locks: the right password was given.
    pub fn clear(self, tx: &Transaction) -> Result<()> {
        lift(tx, &self.iin)
    }
}

/// Forgets the attempts and the locks of `iin`: a supervisor set a new password.
pub(super) fn lift(tx: &Transaction, iin: &str) -> Result<()> {
    tx.execute("DELETE FROM sign_in_throttle WHERE iin = ?1", [iin])?;
    Ok(())
}

fn locked(until: DateTime<Utc>, now: DateTime<Utc>) -> Error {
    // Rounded up: "1 minute" while any part of a minute is left.
    let seconds = (until - now).num_seconds().max(1);
    Error::AccountLocked {
        minutes: (seconds + 59) / 60,
    }
}
