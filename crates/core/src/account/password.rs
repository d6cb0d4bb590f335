//! Password hashing with Argon2id (the argon2 crate's default), in PHC string format so the
//! parameters travel with each hash.
use crate::error::{Error, Result};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::LazyLock;

pub const MIN_PASSWORD_LEN: usize = 8;
/// Argon2's work grows with the password's length, so an unbounded one (a hundred megabytes
/// pasted into the field) would stall the desk; no one types more than this.
pub const MAX_PASSWORD_LEN: usize = 128;

pub(super) fn check_strength(password: &str) -> Result<()> {
    if !within_bounds(password) {
        return Err(Error::PasswordTooLong {
            max: MAX_PASSWORD_LEN,
        });
    }
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(Error::PasswordTooShort {
            min: MIN_PASSWORD_LEN,
        });
    }
    Ok(())
}

/// Whether a password is short enough to hash; looks at no more than the first
/// `MAX_PASSWORD_LEN + 1` characters, however long the string.
pub(super) fn within_bounds(password: &str) -> bool {
    password.chars().nth(MAX_PASSWORD_LEN).is_none()
}

pub(super) fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| Error::PasswordHash)
}

/// Whether `password` is the one `stored` was made from. A password too long to have been set
/// is not hashed at all: it cannot match.
pub(super) fn matches(password: &str, stored: &str) -> Result<bool> {
    if !within_bounds(password) {
        return Ok(false);
    }
    let parsed = PasswordHash::new(stored).map_err(|_| Error::PasswordHash)?;
    Ok(Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok())
}

/// A hash no password is known to match, checked against for an IIN without an account so
/// that the answer takes as long as for one with an account.
static NO_ACCOUNT: LazyLock<Option<String>> = LazyLock::new(|| hash("no account has this").ok());

/// Spends the time [`matches`] takes, for an IIN that has no account.
pub(super) fn match_nothing(password: &str) -> Result<()> {
    if let Some(stored) = NO_ACCOUNT.as_deref() {
        matches(password, stored)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("correct horse").unwrap();
        let b = hash("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(matches("correct horse", &a).unwrap());
        assert!(!matches("correct hors", &a).unwrap());
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(matches!(
            check_strength("1234567"),
            Err(Error::PasswordTooShort { min: 8 })
        ));
        assert!(check_strength("12345678").is_ok());
        // Counted in characters, not bytes: Kazakh letters are two bytes each.
        assert!(check_strength("әғқңөұүһ").is_ok());
    }

    #[test]
    fn long_passwords_are_refused_before_hashing() {
        let longest = "ә".repeat(MAX_PASSWORD_LEN);
        assert!(check_strength(&longest).is_ok());
        let too_long = format!("{longest}ә");
        assert!(matches!(
            check_strength(&too_long),
            Err(Error::PasswordTooLong {
                max: MAX_PASSWORD_LEN
            })
        ));
        // The right password with one letter more: refused without Argon2 ever seeing it.
        let stored = hash(&longest).unwrap();
        assert!(!matches(&too_long, &stored).unwrap());
        let huge = "x".repeat(100 * 1024 * 1024);
        let started = std::time::Instant::now();
        assert!(!matches(&huge, &stored).unwrap());
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
    }
}
