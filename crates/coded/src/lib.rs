//! What an error of any Rastau crate says to the user: a stable code, whose Fluent message
//! `error-<code>` words it in Kazakh or Russian, and that message's arguments. One trait for
//! every crate, so the core, the CLI, the window and the tests read all errors alike.
//!
//! Arguments are typed: a number stays a number, so that Fluent's plural rules choose
//! «2 попытки» and «5 попыток».
#[cfg(feature = "check")]
pub mod check;

use serde::Serialize;

/// An error that the user reads in their language.
pub trait Coded {
    /// Stable and machine-readable: the UI branches on it and looks up `error-<code>`.
    fn code(&self) -> &'static str;
    /// The Fluent variables of the message, by name.
    fn args(&self) -> Vec<(&'static str, Arg)>;
}

/// A value for a Fluent variable.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

/// An error's field, borrowed as a `match` on the error gives it.
impl<T: Clone + Into<Arg>> From<&T> for Arg {
    fn from(v: &T) -> Self {
        v.clone().into()
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as i64)
            }
        }
    )*};
}
number_arg!(u8, u32, u64, i32, i64, usize);

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) => write!(f, "{n}"),
        }
    }
}
