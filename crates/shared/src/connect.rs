//! Connecting to the shared store: TLS through the system OpenSSL, required for every server
//! but this machine (a unix socket or a loopback address), where the URL's own `sslmode`
//! stands.

use crate::SharedError;
use openssl::ssl::{SslConnector, SslMethod};
use postgres::config::{Host, SslMode};
use postgres::error::SqlState;
use postgres::{Client, Config};
use postgres_openssl::MakeTlsConnector;
use std::str::FromStr;

/// The connection settings of a `postgres://` URL.
pub fn config(url: &str) -> Result<Config, SharedError> {
    Config::from_str(url).map_err(|e| SharedError::InvalidUrl {
        detail: e.to_string(),
    })
}

/// Opens a connection to the URL's database.
pub fn connect(url: &str) -> Result<Client, SharedError> {
    connect_with(config(url)?)
}

/// Opens a connection with these settings; TLS is made required unless every host is local.
pub fn connect_with(mut config: Config) -> Result<Client, SharedError> {
    if tls_required(&config) {
        config.ssl_mode(SslMode::Require);
    }
    // Peer verification against the system's CAs, and the host name checked by the connector.
    let tls = SslConnector::builder(SslMethod::tls())
        .map_err(|e| tls_error(&config, e.to_string()))?
        .build();
    config
        .connect(MakeTlsConnector::new(tls))
        .map_err(|e| connect_error(&config, e))
}

/// Whether a connection with these settings leaves this machine.
pub fn tls_required(config: &Config) -> bool {
    config.get_hosts().iter().any(|host| match host {
        Host::Unix(_) => false,
        Host::Tcp(name) => !matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1"),
    }) || config
        .get_hostaddrs()
        .iter()
        .any(|addr| !addr.is_loopback())
}

fn hosts(config: &Config) -> String {
    let names: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            Host::Tcp(name) => name.clone(),
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    names.join(",")
}

fn tls_error(config: &Config, detail: String) -> SharedError {
    SharedError::Tls {
        host: hosts(config),
        detail,
    }
}

/// A failure to connect, told apart by what the user can do about it.
fn connect_error(config: &Config, e: postgres::Error) -> SharedError {
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return SharedError::WrongCredentials {
                user: config.get_user().unwrap_or_default().to_owned(),
            };
        }
        return SharedError::from(e);
    }
    let detail = e.to_string();
    // tokio-postgres keeps its error kinds private; its TLS failures say so in their text.
    if detail.contains("TLS") {
        return tls_error(config, detail);
    }
    SharedError::Unreachable {
        host: hosts(config),
        detail,
    }
}
