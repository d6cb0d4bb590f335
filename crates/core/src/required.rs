//! One rule every form shares: a required field may not be blank.
use crate::error::{Error, Result};

/// `field` is the camelCase name the UI uses, so the message can name the field in the
/// user's language.
pub fn require(field: &'static str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::Required { field });
    }
    Ok(())
}
