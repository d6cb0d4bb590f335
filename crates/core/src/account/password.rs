//! Password hashing with Argon2id (the argon2 crate's default), in PHC string format so the
//! parameters travel with each hash.
use crate::error::{Error, Result};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

pub const MIN_PASSWORD_LEN: usize = 8;

pub(super) fn check_strength(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(Error::PasswordTooShort {
            min: MIN_PASSWORD_LEN,
        });
    }
    Ok(())
}

pub(super) fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| Error::PasswordHash)
}

pub(super) fn matches(password: &str, stored: &str) -> Result<bool> {
    let parsed = PasswordHash::new(stored).map_err(|_| Error::PasswordHash)?;
    Ok(Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok())
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
}
