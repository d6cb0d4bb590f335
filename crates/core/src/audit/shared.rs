//! The audit trails in the shared store: each installation's chain, as its push copied it
//! there, walked by the same [`chain::walk`] as the local trail. Read as the owner role, which
//! sees every center's rows, in one snapshot.
use super::chain::{self, ChainReport, Fields, Link};
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, IsolationLevel, Row};
use rastau_shared::{SharedError, OWNER_ROLE};

/// What the walk over one installation's chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallationChain {
    pub installation: String,
    pub center: String,
    pub report: ChainReport,
}

/// Walks every installation's chain in the shared store `client` is connected to, as its
/// administrator (who may act as the owner role); installations in the order of their codes.
/// A chain the push has not finished copying is sound as far as it goes.
pub fn verify(client: &mut Client) -> Result<Vec<InstallationChain>, SharedError> {
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    tx.batch_execute(&format!("SET LOCAL ROLE {OWNER_ROLE}"))?;
    let installations = tx.query(
        "SELECT installation_code, center_code FROM installation ORDER BY installation_code",
        &[],
    )?;
    let query = format!(
        "SELECT {} FROM audit_entry WHERE installation_code = $1 ORDER BY seq",
        Link::COLUMNS
    );
    let mut chains = Vec::with_capacity(installations.len());
    for row in installations {
        let installation: String = row.get(0);
        let links = tx.query_raw(&query, [&installation])?.iterator();
        let report = chain::walk(links.map(|row| link(&row?)))?;
        chains.push(InstallationChain {
            installation,
            center: row.get(1),
            report,
        });
    }
    tx.commit()?;
    Ok(chains)
}

/// A row of [`Link::COLUMNS`].
fn link(row: &Row) -> Result<Link, postgres::Error> {
    Ok(Link {
        seq: row.try_get(0)?,
        fields: Fields {
            at: row.try_get(1)?,
            actor_iin: row.try_get(2)?,
            actor_name: row.try_get(3)?,
            action: row.try_get(4)?,
            record_kind: row.try_get(5)?,
            record_id: row.try_get(6)?,
            detail: row.try_get(7)?,
        },
        prev_hash: row.try_get(8)?,
        hash: row.try_get(9)?,
    })
}
