//! What the login form's IIN field held, as much of it as the audit trail may keep. No one is
//! signed in yet, so the text may be anything: a password typed into the wrong field, a hundred
//! thousand characters, newlines. Only a valid IIN is kept as it is; anything else is kept as
//! "malformed" with its length, never its text ([`Event::failed_login`](crate::audit::Event::failed_login)).
use crate::ids::Iin;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedIin {
    /// A person's IIN with a right check digit: the only text that may name an account.
    Valid(String),
    Malformed {
        chars: usize,
    },
}

impl TypedIin {
    pub fn new(typed: &str) -> TypedIin {
        match Iin::parse(typed) {
            Ok(iin) => TypedIin::Valid(iin.number),
            Err(_) => TypedIin::Malformed {
                chars: typed.chars().count(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_valid_iin_is_kept_as_typed() {
        assert_eq!(
            TypedIin::new(" 850315400124 "),
            TypedIin::Valid("850315400124".into())
        );
        for (typed, chars) in [
            ("850315400125", 12), // a wrong check digit
            ("мой-пароль-2026", 15),
            ("8503154001\n24", 13),
        ] {
            assert_eq!(
                TypedIin::new(typed),
                TypedIin::Malformed { chars },
                "{typed}"
            );
        }
    }
}
