//! The audit chains in the shared store, walked by the same walk as the local trail: a real
//! store's day at the counter, its audit entries copied into the shared store as the owner,
//! is sound there (and so is a copy the push has not finished); an entry the owner changes or
//! deletes there is named as the local check would name it.
mod common;

use common::journal::a_day;
use postgres::Client;
use rastau_core::audit::chain::{self, Link};
use rastau_core::audit::shared::{self, InstallationChain};
use rastau_core::audit::Fault;
use rastau_shared::test_db::World;

/// The local trail's links, oldest first.
fn local_links(conn: &rusqlite::Connection) -> Vec<Link> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM audit_entry ORDER BY seq",
            Link::COLUMNS
        ))
        .unwrap();
    let links = stmt.query_map([], Link::read).unwrap();
    links.map(Result::unwrap).collect()
}

/// Copies `links` into the shared store's `audit_entry` as the installation's rows.
fn copy(owner: &mut Client, center: &str, installation: &str, links: &[Link]) {
    for link in links {
        let f = &link.fields;
        owner
            .execute(
                "INSERT INTO audit_entry (center_code, installation_code, seq, at, actor_iin,
                     actor_name, action, record_kind, record_id, detail, prev_hash, hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                &[
                    &center,
                    &installation,
                    &link.seq,
                    &f.at,
                    &f.actor_iin,
                    &f.actor_name,
                    &f.action,
                    &f.record_kind,
                    &f.record_id,
                    &f.detail,
                    &link.prev_hash,
                    &link.hash,
                ],
            )
            .unwrap();
    }
}

fn verify(w: &World) -> Vec<InstallationChain> {
    // As the command does: the administrator's connection, not one already acting as owner.
    shared::verify(&mut w.db.admin()).unwrap()
}

#[test]
fn a_counters_trail_copied_to_the_shared_store_is_verified_there() {
    let (day, _) = a_day();
    let local = chain::verify(day.desk.app.store().read()).unwrap();
    assert_eq!(local.fault, None);
    let links = local_links(day.desk.app.store().read());
    assert!(links.len() > 20, "a day at the counter: {}", links.len());
    assert_eq!(links.len() as i64, local.entries);

    let mut w = World::new();
    let (center, installation) = (w.center.clone(), w.installation.clone());
    copy(&mut w.owner, &center, &installation, &links);
    // A second installation of the center whose push has got half way.
    let halfway = format!("{installation}-2");
    rastau_shared::create_installation(&mut w.db.admin(), &center, &halfway).unwrap();
    let half = &links[..links.len() / 2];
    copy(&mut w.owner, &center, &halfway, half);

    let chains = verify(&w);
    let mut by_code: Vec<_> = chains.iter().map(|c| c.installation.as_str()).collect();
    by_code.sort();
    assert_eq!(
        chains
            .iter()
            .map(|c| c.installation.as_str())
            .collect::<Vec<_>>(),
        by_code,
        "in the order of their codes"
    );
    let whole = chains.iter().find(|c| c.installation == installation);
    assert_eq!(
        whole.unwrap(),
        &InstallationChain {
            installation: installation.clone(),
            center: center.clone(),
            report: local.clone(),
        }
    );
    let partial = chains.iter().find(|c| c.installation == halfway).unwrap();
    assert_eq!(partial.report.fault, None, "a prefix is sound");
    assert_eq!(partial.report.entries, half.len() as i64);
    assert_eq!(partial.report.head, half.last().unwrap().hash);

    // The owner may change history (retention does); the chain tells.
    let changed = &links[4];
    w.owner
        .execute(
            "UPDATE audit_entry SET detail = detail || ' (edited)'
              WHERE installation_code = $1 AND seq = $2",
            &[&installation, &changed.seq],
        )
        .unwrap();
    let report = |w: &World| {
        verify(w)
            .into_iter()
            .find(|c| c.installation == installation)
            .unwrap()
            .report
    };
    let broken = report(&w);
    assert_eq!(broken.fault, Some(Fault::Changed { seq: changed.seq }));
    assert_eq!(broken.entries, local.entries);
    let other = verify(&w)
        .into_iter()
        .find(|c| c.installation == halfway)
        .unwrap();
    assert_eq!(
        other.report.fault, None,
        "each installation's chain is its own"
    );

    w.owner
        .execute(
            "UPDATE audit_entry SET detail = $3 WHERE installation_code = $1 AND seq = $2",
            &[&installation, &changed.seq, &changed.fields.detail],
        )
        .unwrap();
    assert_eq!(report(&w), local, "put back, sound again");

    let removed = &links[7];
    w.owner
        .execute(
            "DELETE FROM audit_entry WHERE installation_code = $1 AND seq = $2",
            &[&installation, &removed.seq],
        )
        .unwrap();
    let broken = report(&w);
    assert_eq!(
        broken.fault,
        Some(Fault::Removed {
            after: Some(links[6].seq),
            before: links[8].seq
        })
    );
    assert_eq!(broken.entries, local.entries - 1);
}

#[test]
fn an_installation_without_entries_has_an_empty_sound_chain() {
    let w = World::new();
    let chains = verify(&w);
    assert_eq!(chains.len(), 1);
    let chain = &chains[0];
    assert_eq!(chain.installation, w.installation);
    assert_eq!(chain.center, w.center);
    assert_eq!(chain.report.entries, 0);
    assert_eq!(chain.report.head, chain::GENESIS);
    assert_eq!(chain.report.fault, None);
}
