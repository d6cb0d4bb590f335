//! The shared store's schema and roles, made or brought up to date by `init`. Migrations run
//! in order, one transaction each, as the owner role; the version lives in `schema_version`.

use crate::SharedError;
use postgres::{Client, GenericClient};

/// Owns every table: the migrations and (later) the retention job run as it.
pub const OWNER_ROLE: &str = "rastau_owner";
/// Every installation's login role is a member: the grants and policies are given to it.
pub const GROUP_ROLE: &str = "rastau_installation";

/// The migrations, in order; the version of the schema is how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_staff.sql"),
    include_str!("migrations/0003_sign_in_throttle.sql"),
    include_str!("migrations/0004_center_policy.sql"),
    include_str!("migrations/0005_center_names.sql"),
];

/// The schema version this build makes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What `init` did: the roles it created and the versions before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitReport {
    pub roles_created: Vec<&'static str>,
    pub from_version: i64,
    pub to_version: i64,
}

impl InitReport {
    /// Whether the store was already as this build makes it.
    pub fn changed_nothing(&self) -> bool {
        self.roles_created.is_empty() && self.from_version == self.to_version
    }
}

/// Creates or migrates the schema and roles of the database `client` is connected to. The
/// connection's user must be able to create roles and to act as the owner role (a superuser,
/// as the database's administrator is). A schema newer than this build is refused before
/// anything is changed.
pub fn init(client: &mut Client) -> Result<InitReport, SharedError> {
    let from_version = current_version(client)?;
    refuse_newer(from_version)?;
    let mut roles_created = vec![];
    for role in [OWNER_ROLE, GROUP_ROLE] {
        if ensure_role(client, role)? {
            roles_created.push(role);
        }
    }
    // PostgreSQL 15 gives nobody CREATE on `public` but the database's owner.
    // pgcrypto checks staff passwords on the server (migration 0002); an extension is the
    // database administrator's to create, so it is made here rather than by a migration.
    client.batch_execute(&format!(
        "GRANT USAGE, CREATE ON SCHEMA public TO {OWNER_ROLE};
         CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public"
    ))?;
    while migrate_one(client)? {}
    Ok(InitReport {
        roles_created,
        from_version,
        to_version: current_version(client)?,
    })
}

fn refuse_newer(found: i64) -> Result<(), SharedError> {
    if found > SCHEMA_VERSION {
        return Err(SharedError::SchemaTooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// 0 for a database `init` never touched.
fn current_version(client: &mut impl GenericClient) -> Result<i64, SharedError> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('public.schema_version') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_one(
        "SELECT coalesce(max(version), 0)::bigint FROM schema_version",
        &[],
    )?;
    Ok(row.get(0))
}

/// Creates a role without login unless it exists; true when created. Roles belong to the
/// whole cluster, so two databases' `init`s may race here: the loser's duplicate is no fault.
fn ensure_role(client: &mut Client, role: &str) -> Result<bool, SharedError> {
    let exists: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&role],
        )?
        .get(0);
    if exists {
        return Ok(false);
    }
    client.batch_execute(&format!(
        "DO $$ BEGIN CREATE ROLE {role} NOLOGIN;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    ))?;
    Ok(true)
}

/// Applies the next migration in a transaction of its own; false when none is left. The
/// version table is locked first, so two `init`s on one database apply each migration once.
fn migrate_one(client: &mut Client) -> Result<bool, SharedError> {
    let mut tx = client.transaction()?;
    tx.batch_execute(&format!(
        "SET LOCAL ROLE {OWNER_ROLE};
         CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         );
         LOCK TABLE schema_version IN EXCLUSIVE MODE;"
    ))?;
    let version = current_version(&mut tx)?;
    refuse_newer(version)?;
    let Some(sql) = MIGRATIONS.get(version as usize) else {
        return Ok(false);
    };
    tx.batch_execute(sql)?;
    let next = (version + 1) as i32;
    tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[&next])?;
    tx.commit()?;
    Ok(true)
}
