//! A center's policy as the shared store keeps it: what it trusts and how its counters sign,
//! one version per change (migration 0004). The document is JSON whose shape the counters
//! define; here it is only kept, versioned and guarded. Changes go through the store's
//! function, which checks that a supervisor signed in there makes them.

use crate::SharedError;
use postgres::{Client, GenericClient};

/// One version of a center's policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyVersion {
    pub version: i32,
    /// The document, JSON.
    pub document: String,
}

/// The current version of `center`'s policy, if it has one (an installation's policies show
/// it no other center's).
pub fn current(
    client: &mut impl GenericClient,
    center: &str,
) -> Result<Option<PolicyVersion>, SharedError> {
    let row = client.query_opt(
        "SELECT version, policy::text FROM current_center_policy WHERE center_code = $1",
        &[&center],
    )?;
    Ok(row.map(|r| PolicyVersion {
        version: r.get(0),
        document: r.get(1),
    }))
}

/// A supervisor's change, made from version `from` (0 when the center had none); the version
/// written. Another counter's change since `from` refuses it ([`SharedError::PolicyChanged`]).
pub fn change(
    client: &mut Client,
    token: &str,
    from: i32,
    document: &str,
) -> Result<i32, SharedError> {
    let row = client.query_one(
        "SELECT center_policy_change($1, $2, $3::text::jsonb)",
        &[&token, &from, &document],
    )?;
    Ok(row.get(0))
}

/// The first installation of a center brings its policy when the center has none; true when
/// it did. By the administrator, at joining.
pub fn carry_in(
    admin: &mut Client,
    center: &str,
    installation: &str,
    document: &str,
) -> Result<bool, SharedError> {
    let inserted = admin.execute(
        "INSERT INTO center_policy (center_code, version, policy, installation_code)
         SELECT $1, 1, $3::text::jsonb, $2
          WHERE NOT EXISTS (SELECT 1 FROM center_policy WHERE center_code = $1)
         ON CONFLICT DO NOTHING",
        &[&center, &installation, &document],
    )?;
    Ok(inserted == 1)
}
