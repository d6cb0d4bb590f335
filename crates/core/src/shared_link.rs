//! This installation's link to the shared store: which center it joined, under which
//! installation code, and the login of its own PostgreSQL role. The link lives in a file beside
//! the store, readable by the app's OS user alone, because it holds that role's password; the
//! administrator's credentials used to join are never kept.
use crate::error::{Error, ErrorPayload, Result};
use crate::setting;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use rastau_shared::{Credentials, SharedError};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::Permissions;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

/// The link's file in the data folder.
pub const LINK_FILE: &str = "shared-link.json";

/// A status check must not hang the window on a server that never answers.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// What a clerk asks of the server at the counter (a lookup, a fetch, a change of staff) gives
/// up on a server that does not answer within this, rather than keep them and the store waiting.
const COUNTER_TIMEOUT: Duration = Duration::from_secs(10);

/// The link as the file holds it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub center: String,
    pub installation: String,
    pub host: String,
    pub port: u16,
    pub database: String,
    pub role: String,
    pub password: String,
}

impl fmt::Debug for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Link")
            .field("view", &self.view())
            .finish_non_exhaustive()
    }
}

/// The link without its password: what the window and the command line show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LinkView {
    pub center: String,
    pub installation: String,
    /// The installation's PostgreSQL role, which stays on the server after unlinking.
    pub role: String,
    pub host: String,
    pub port: u16,
}

/// How the shared store answers this installation's own role right now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "answer", rename_all = "camelCase")]
#[ts(export)]
pub enum ServerAnswer {
    Reachable,
    /// The server answered but refused the role's name or password (revoked, or dropped).
    CredentialsRefused,
    Unreachable {
        reason: ErrorPayload,
    },
}

/// The link's state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
#[ts(export)]
pub enum SharedStatus {
    NotLinked,
    Linked {
        link: LinkView,
        answer: ServerAnswer,
        /// Audit entries committed here that the shared store has not acknowledged yet.
        #[ts(type = "number")]
        waiting: u64,
        /// When a push last finished here (RFC 3339, UTC), if one ever did.
        last_exchange: Option<String>,
    },
}

/// The link's state as the store has it, before the server is asked.
#[derive(Debug, Clone)]
pub enum LinkState {
    NotLinked,
    Linked {
        link: Link,
        backlog: Backlog,
        last_exchange: Option<String>,
    },
}

impl LinkState {
    /// Asks the server how it answers the installation's role (up to the probe's timeout):
    /// the status as shown. Hold no store meanwhile.
    pub fn probe(self) -> SharedStatus {
        match self {
            LinkState::NotLinked => SharedStatus::NotLinked,
            LinkState::Linked {
                link,
                backlog,
                last_exchange,
            } => {
                let (answer, mark) = link.probe();
                SharedStatus::Linked {
                    answer,
                    link: link.view(),
                    waiting: mark.map_or(backlog.waiting(), |m| backlog.waiting_after(m)),
                    last_exchange,
                }
            }
        }
    }
}

impl Link {
    /// The link to the server `admin` reached, for the installation `credentials` log in as:
    /// the server's address is kept, the administrator's name and password are not.
    pub fn new(
        admin: &postgres::Config,
        center: &str,
        installation: &str,
        credentials: Credentials,
    ) -> Link {
        let host = match admin.get_hosts().first() {
            Some(postgres::config::Host::Tcp(name)) => name.clone(),
            Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
            None => "localhost".into(),
        };
        // Without a database name PostgreSQL takes the user's; that user was the administrator.
        let database = admin.get_dbname().or(admin.get_user()).unwrap_or_default();
        Link {
            center: center.to_owned(),
            installation: installation.to_owned(),
            host,
            port: admin.get_ports().first().copied().unwrap_or(5432),
            database: database.to_owned(),
            role: credentials.role,
            password: credentials.password,
        }
    }

    pub fn view(&self) -> LinkView {
        LinkView {
            center: self.center.clone(),
            installation: self.installation.clone(),
            role: self.role.clone(),
            host: self.host.clone(),
            port: self.port,
        }
    }

    /// The settings to connect as the installation's own role.
    pub fn config(&self) -> postgres::Config {
        let mut config = postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .dbname(&self.database)
            .user(&self.role)
            .password(&self.password);
        config
    }

    /// What `ask` answers, if it answers within `timeout`; else the server is unreachable.
    /// The client's own timeout covers only the socket's connection: a server that takes it and
    /// then says nothing is waited for on a thread of its own, left to end when that server
    /// lets go.
    pub fn within<T: Send + 'static>(
        &self,
        timeout: Duration,
        ask: impl FnOnce() -> std::result::Result<T, SharedError> + Send + 'static,
    ) -> std::result::Result<T, SharedError> {
        let (tell, answer) = std::sync::mpsc::channel();
        std::thread::spawn(move || drop(tell.send(ask())));
        answer.recv_timeout(timeout).unwrap_or_else(|_| {
            Err(SharedError::Unreachable {
                host: self.host.clone(),
                detail: format!("no answer in {} s", timeout.as_secs()),
            })
        })
    }

    /// Connects as the installation's role for a clerk who waits at the counter: given up
    /// after the counter's timeout, a server that accepts and then says nothing included.
    pub fn connect_at_counter(&self) -> std::result::Result<postgres::Client, SharedError> {
        let mut config = self.config();
        config.connect_timeout(COUNTER_TIMEOUT);
        self.within(COUNTER_TIMEOUT, move || rastau_shared::connect_with(config))
    }

    /// Connects as the installation's role and says how the server answered, within the
    /// probe's timeout, and, when it did, how far this installation's pushes got there.
    pub fn probe(&self) -> (ServerAnswer, Option<i64>) {
        let mut config = self.config();
        config.connect_timeout(PROBE_TIMEOUT);
        let installation = self.installation.clone();
        let answer = self.within(PROBE_TIMEOUT, move || {
            let mut client = rastau_shared::connect_with(config)?;
            rastau_shared::pushed_mark(&mut client, &installation)
        });
        match answer {
            Ok(mark) => (ServerAnswer::Reachable, Some(mark)),
            Err(SharedError::WrongCredentials { .. }) => (ServerAnswer::CredentialsRefused, None),
            Err(e) => (
                ServerAnswer::Unreachable {
                    reason: Error::from(e).payload(),
                },
                None,
            ),
        }
    }
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(LINK_FILE)
}

/// The link of the store in `dir`, if it has joined.
pub fn read(dir: &Path) -> Result<Option<Link>> {
    let file = path(dir);
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| Error::SharedLinkDamaged {
            file: file.display().to_string(),
            detail: e.to_string(),
        })
}

/// Writes the link, owner-only from its first byte, and never over an existing one: a second
/// join racing this one finds the first's link and is refused.
pub fn write(dir: &Path, link: &Link) -> Result<()> {
    let mut file = tempfile::Builder::new()
        .prefix(".shared-link")
        .permissions(Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    file.write_all(&serde_json::to_vec_pretty(link).map_err(std::io::Error::other)?)?;
    file.as_file().sync_all()?;
    file.persist_noclobber(path(dir))
        .map_err(|e| match (e.error.kind(), read(dir)) {
            (ErrorKind::AlreadyExists, Ok(Some(other))) => Error::SharedAlreadyLinked {
                center: other.center,
            },
            _ => e.error.into(),
        })?;
    Ok(())
}

/// Removes the link; the store is then no longer linked.
pub fn remove(dir: &Path) -> Result<()> {
    Ok(std::fs::remove_file(path(dir))?)
}

/// This store's installation code, made at its first join and kept for good: the shared
/// store's rows of this installation carry it. Eight hexadecimal digits, short enough for the
/// journal numbers that will carry it too.
pub fn installation_code(tx: &Transaction) -> Result<String> {
    if let Some(code) = setting::get(tx, setting::INSTALLATION_CODE)? {
        return Ok(code);
    }
    let code = format!("{:08X}", OsRng.next_u32());
    setting::set(tx, setting::INSTALLATION_CODE, &code)?;
    Ok(code)
}

/// Where this store's history stands against the shared store's copy of it.
#[derive(Debug, Clone, Copy)]
pub struct Backlog {
    /// The mark the last push here saw the shared store acknowledge.
    acknowledged: i64,
    /// The last audit entry committed here.
    committed: i64,
}

impl Backlog {
    pub fn read(conn: &Connection) -> Result<Backlog> {
        let acknowledged = setting::get(conn, setting::SHARED_PUSHED_SEQ)?
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let committed =
            conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_entry", [], |r| {
                r.get(0)
            })?;
        Ok(Backlog {
            acknowledged,
            committed,
        })
    }

    /// Audit entries committed here after the last one acknowledged: every change is an audit
    /// entry, so this is the count of changes waiting, as far as this store knows.
    pub fn waiting(self) -> u64 {
        self.waiting_after(self.acknowledged)
    }

    /// The changes waiting when the shared store holds entries up to `mark`. The server's word
    /// beats the remembered one, which stays behind when a batch committed there and its answer
    /// was lost with the connection.
    pub fn waiting_after(self, mark: i64) -> u64 {
        self.committed.saturating_sub(mark).max(0) as u64
    }
}
