//! Centers and installations as the shared store knows them. An installation logs in with a
//! PostgreSQL role of its own, a member of the group role; the policies map that role to its
//! installation and center.

use crate::{SharedError, GROUP_ROLE};
use postgres::error::SqlState;
use postgres::Client;
use std::fmt;

/// An installation's login, handed to it once (the server keeps only a SCRAM verifier).
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub role: String,
    pub password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// A center's name in both languages.
#[derive(Debug, Clone, Copy)]
pub struct CenterName<'a> {
    pub kk: &'a str,
    pub ru: &'a str,
}

/// Registers a center unless it exists; true when registered now. A center registered before
/// it had a Russian name gets this one.
pub fn ensure_center(
    client: &mut Client,
    code: &str,
    name: CenterName,
) -> Result<bool, SharedError> {
    check_code(code)?;
    let mut tx = client.transaction()?;
    let inserted = tx.execute(
        "INSERT INTO center (center_code, name, name_ru) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        &[&code, &name.kk, &name.ru],
    )?;
    tx.execute(
        "UPDATE center SET name_ru = $2 WHERE center_code = $1 AND name_ru = ''",
        &[&code, &name.ru],
    )?;
    tx.commit()?;
    Ok(inserted == 1)
}

/// Creates the installation's login role (a generated password, member of the group role) and
/// registers it under its center, together or not at all.
pub fn create_installation(
    client: &mut Client,
    center_code: &str,
    installation_code: &str,
) -> Result<Credentials, SharedError> {
    check_code(center_code)?;
    check_code(installation_code)?;
    let exists = |e: postgres::Error| match e.code() {
        Some(c) if *c == SqlState::DUPLICATE_OBJECT || *c == SqlState::UNIQUE_VIOLATION => {
            SharedError::InstallationExists {
                code: installation_code.to_owned(),
            }
        }
        _ => SharedError::from(e),
    };
    let mut tx = client.transaction()?;
    let center_known = tx
        .query_opt(
            "SELECT 1 FROM center WHERE center_code = $1",
            &[&center_code],
        )?
        .is_some();
    if !center_known {
        return Err(SharedError::UnknownCenter {
            code: center_code.to_owned(),
        });
    }
    let credentials = Credentials {
        role: role_name(installation_code),
        password: generated_password()?,
    };
    // Utility statements take no parameters; the role name is made of [a-z0-9_] only
    // (checked above), the verifier of base64 and `$:` (see `verifier`), so quoting is safe.
    tx.batch_execute(&format!(
        "CREATE ROLE {} LOGIN PASSWORD '{}' IN ROLE {GROUP_ROLE}",
        credentials.role,
        verifier(&credentials)
    ))
    .map_err(exists)?;
    tx.execute(
        "INSERT INTO installation (installation_code, center_code, role_name) VALUES ($1, $2, $3)",
        &[&installation_code, &center_code, &credentials.role],
    )
    .map_err(exists)?;
    tx.commit()?;
    Ok(credentials)
}

/// Gives the installation `installation_code` of `center_code`, which joined before and left,
/// a new password and lets its role log in again: its history in the shared store goes on
/// under the same code. Refused for an installation of another center.
pub fn rejoin_installation(
    client: &mut Client,
    center_code: &str,
    installation_code: &str,
) -> Result<Credentials, SharedError> {
    check_code(center_code)?;
    check_code(installation_code)?;
    let row = client.query_opt(
        "SELECT role_name::text FROM installation WHERE installation_code = $1 AND center_code = $2",
        &[&installation_code, &center_code],
    )?;
    let Some(row) = row else {
        return Err(SharedError::InstallationExists {
            code: installation_code.to_owned(),
        });
    };
    let credentials = Credentials {
        role: row.get(0),
        password: generated_password()?,
    };
    // As in create_installation: the role was made from a checked code.
    client.batch_execute(&format!(
        "ALTER ROLE {} LOGIN PASSWORD '{}'",
        credentials.role,
        verifier(&credentials)
    ))?;
    Ok(credentials)
}

/// Codes are written into role names: A-Z, digits and hyphens, 1 to 32 of them.
fn check_code(code: &str) -> Result<(), SharedError> {
    let fits = (1..=32).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    if fits {
        Ok(())
    } else {
        Err(SharedError::InvalidCode {
            code: code.to_owned(),
        })
    }
}

/// One role per installation code; the prefix keeps them apart from the cluster's others.
fn role_name(installation_code: &str) -> String {
    format!(
        "rastau_i_{}",
        installation_code.to_ascii_lowercase().replace('-', "_")
    )
}

/// The password's SCRAM-SHA-256 verifier, made here as `psql`'s `\password` does: the server
/// stores it as given, so the password itself never reaches the server's statement log,
/// `pg_stat_activity` or `pg_stat_statements`.
fn verifier(credentials: &Credentials) -> String {
    postgres_protocol::password::scram_sha_256(credentials.password.as_bytes())
}

fn generated_password() -> Result<String, SharedError> {
    let mut bytes = [0u8; 24];
    openssl::rand::rand_bytes(&mut bytes).map_err(|e| SharedError::Database {
        detail: e.to_string(),
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// How far the installation's pushes got: the `seq` of the last audit entry the shared store
/// holds from it, 0 before its first push.
pub fn pushed_mark(client: &mut Client, installation_code: &str) -> Result<i64, SharedError> {
    let row = client.query_opt(
        "SELECT high_water FROM push_mark WHERE installation_code = $1",
        &[&installation_code],
    )?;
    Ok(row.map_or(0, |r| r.get(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_before_they_become_role_names() {
        assert!(check_code("ALM-01").is_ok());
        for bad in ["", "alm", "A B", "A'; DROP", &"A".repeat(33), "АЛМ"] {
            assert!(check_code(bad).is_err(), "{bad:?}");
        }
        assert_eq!(role_name("ALM-01"), "rastau_i_alm_01");
    }
}
