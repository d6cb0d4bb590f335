//! The one error type of the shared store's client. The user never sees `Display` text: every
//! variant has a stable code and typed arguments (`Coded`), worded in Kazakh and Russian by
//! the Fluent message `error-<code>` in `locales/{kk,ru}/shared.ftl`.

use rastau_coded::{Arg, Coded};

/// Everything that can go wrong between this installation and the shared store.
#[derive(Debug, thiserror::Error, strum::EnumIter)]
#[non_exhaustive]
pub enum SharedError {
    /// The shared store's address is not a PostgreSQL URL we can use.
    #[error("not a usable PostgreSQL URL: {detail}")]
    InvalidUrl { detail: String },
    /// Nothing answered at the address, or the connection broke.
    #[error("the shared store at {host} is not reachable: {detail}")]
    Unreachable { host: String, detail: String },
    /// The connection broke in the middle (the server restarted or shut down, the network
    /// dropped): what the server had not committed is sent again by the next exchange.
    #[error("the connection to the shared store was lost: {detail}")]
    ConnectionLost { detail: String },
    /// The server refused the user name or password.
    #[error("the shared store refused the credentials of {user}")]
    WrongCredentials { user: String },
    /// A server other than this machine must be reached over TLS, and that failed.
    #[error("no TLS connection to the shared store at {host}: {detail}")]
    Tls { host: String, detail: String },
    /// PostgreSQL refused the statement to this role (grants, row-level security, or the
    /// append-only trigger).
    #[error("the shared store refused this: {detail}")]
    NotPermitted { detail: String },
    /// The database was migrated by a newer Rastau than this one.
    #[error("the shared store's schema is version {found}; this build knows up to {known}")]
    SchemaTooNew { found: i64, known: i64 },
    /// A center or installation code outside the letters A-Z, digits and hyphens (1-32).
    #[error("invalid code {code:?}")]
    InvalidCode { code: String },
    /// No center has this code in the shared store.
    #[error("no center {code} in the shared store")]
    UnknownCenter { code: String },
    /// An installation with this code (or its PostgreSQL role) exists already.
    #[error("installation {code} exists already")]
    InstallationExists { code: String },
    /// Too many wrong passwords for this person at the counters of the center: the shared
    /// store refuses their sign-in for `minutes` more.
    #[error("sign-in locked by the shared store for {minutes} more minutes")]
    SignInLocked { minutes: i64 },
    /// As [`SharedError::SignInLocked`], past the last timed lock: until a supervisor sets a
    /// new password.
    #[error("sign-in locked by the shared store until a new password is set")]
    SignInLockedUntilLifted,
    /// A supervisor at another counter changed the center's policy since this counter last
    /// heard it: the change was not made, and the counter now has theirs.
    #[error("the center's policy changed meanwhile at another counter")]
    PolicyChanged,
    /// Any other failure the database reported.
    #[error("the shared store failed: {detail}")]
    Database { detail: String },
}

impl SharedError {
    /// Whether this is the shared store refusing a person's sign-in whatever the password.
    pub fn locks_sign_in(&self) -> bool {
        matches!(
            self,
            Self::SignInLocked { .. } | Self::SignInLockedUntilLifted
        )
    }
}

impl Coded for SharedError {
    fn code(&self) -> &'static str {
        match self {
            Self::InvalidUrl { .. } => "shared-invalid-url",
            Self::Unreachable { .. } => "shared-unreachable",
            Self::ConnectionLost { .. } => "shared-connection-lost",
            Self::WrongCredentials { .. } => "shared-wrong-credentials",
            Self::Tls { .. } => "shared-tls",
            Self::NotPermitted { .. } => "shared-not-permitted",
            Self::SchemaTooNew { .. } => "shared-schema-too-new",
            Self::InvalidCode { .. } => "shared-invalid-code",
            Self::UnknownCenter { .. } => "shared-unknown-center",
            Self::InstallationExists { .. } => "shared-installation-exists",
            Self::SignInLocked { .. } => "shared-sign-in-locked",
            Self::SignInLockedUntilLifted => "shared-sign-in-locked-until-lifted",
            Self::PolicyChanged => "shared-policy-changed",
            Self::Database { .. } => "shared-database",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::InvalidUrl { detail }
            | Self::ConnectionLost { detail }
            | Self::NotPermitted { detail }
            | Self::Database { detail } => vec![("detail", detail.into())],
            Self::Unreachable { host, detail } | Self::Tls { host, detail } => {
                vec![("host", host.into()), ("detail", detail.into())]
            }
            Self::WrongCredentials { user } => vec![("user", user.into())],
            Self::SchemaTooNew { found, known } => {
                vec![("found", (*found).into()), ("known", (*known).into())]
            }
            Self::InvalidCode { code }
            | Self::UnknownCenter { code }
            | Self::InstallationExists { code } => vec![("code", code.into())],
            Self::SignInLocked { minutes } => vec![("minutes", (*minutes).into())],
            Self::SignInLockedUntilLifted | Self::PolicyChanged => vec![],
        }
    }
}

/// A failure of a statement on an open connection. Refusals by grants, policies and the
/// append-only trigger all carry SQLSTATE 42501, so the user hears one thing for all three.
/// RS001 and RS002 are the shared store's own: its sign-in lock (migration 0003); RS003 a
/// center's policy changed meanwhile (0004).
/// A server going away says so in class 57 (operator intervention) or 08 (connection
/// exception), or by closing the connection without a word.
impl From<postgres::Error> for SharedError {
    fn from(e: postgres::Error) -> Self {
        match e.as_db_error() {
            Some(db) if *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE => {
                Self::NotPermitted {
                    detail: db.message().to_owned(),
                }
            }
            Some(db) if db.code().code() == "RS001" => Self::SignInLocked {
                minutes: db.detail().and_then(|d| d.parse().ok()).unwrap_or(1),
            },
            Some(db) if db.code().code() == "RS002" => Self::SignInLockedUntilLifted,
            Some(db) if db.code().code() == "RS003" => Self::PolicyChanged,
            Some(db)
                if db.code().code().starts_with("57") || db.code().code().starts_with("08") =>
            {
                Self::ConnectionLost {
                    detail: db.message().to_owned(),
                }
            }
            None if e.is_closed() || io_failed(&e) => Self::ConnectionLost {
                detail: e.to_string(),
            },
            Some(db) => Self::Database {
                detail: db.message().to_owned(),
            },
            None => Self::Database {
                detail: e.to_string(),
            },
        }
    }
}

/// Whether the error came from the socket under the connection.
fn io_failed(e: &postgres::Error) -> bool {
    std::error::Error::source(e).is_some_and(|cause| cause.is::<std::io::Error>())
}
