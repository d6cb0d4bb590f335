//! Once a counter is linked, its center's policy in the shared store — its profile (with the
//! idle lock), the CAs keys must chain to, whether keys sign without a revocation status, the timestamp authority, where keys are
//! kept, the other centers' seals accepted — is the authority: what is written into the counter's own file gives nothing after
//! the next exchange, a supervisor's change is made once for every counter, a change made from
//! an old version does not overwrite a newer one unseen, and the installation's own role
//! writes none of it.
mod common;

use common::linked::*;
use common::*;
use rastau_core::center::CenterProfile;
use rastau_core::center_policy;
use rastau_core::error::Error;
use rastau_core::key_source::{KeySource, KeySourceSettings, KeyStorage};
use rastau_core::signature_policy::{SignaturePolicy, WithoutStatus};
use rastau_core::store::Store;
use rastau_shared::test_db::TestDb;
use rastau_shared::SharedError;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{CaCertificate, SignError};

fn policy_of(desk: &Desk) -> center_policy::CenterPolicy {
    center_policy::load(Store::open_existing(desk.dir.path()).unwrap().read()).unwrap()
}

fn versions(db: &TestDb) -> Vec<(i32, Option<String>)> {
    db.admin()
        .query(
            "SELECT version, changed_by FROM center_policy ORDER BY version",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

fn a_timestamp_authority() -> SignaturePolicy {
    SignaturePolicy {
        without_status: WithoutStatus::Refuse,
        timestamp_url: Some("http://tsp.pki.gov.kz".into()),
    }
}

/// A clerk who trusts their own CA by writing it into the file, and allows signing without a
/// revocation status there too, certifies nothing with a key of that CA: signing in brings the
/// center's policy back.
#[test]
fn a_ca_written_into_the_local_file_certifies_nothing_on_a_linked_counter() {
    let db = shared_db();
    let mut desk = joined(&db);
    assert_eq!(
        versions(&db),
        vec![(1, None)],
        "the first counter carried its policy in"
    );
    let rogue = TestPki::new();
    let id = &CaCertificate::read_all(&rogue.ca_pem).unwrap()[0]
        .info
        .fingerprint;
    let pem = String::from_utf8(rogue.ca_pem.clone()).unwrap();
    edit_file(
        desk.dir.path(),
        &format!(
            "INSERT INTO setting (key, value) VALUES ('trusted-ca:{id}', '{pem}');
             UPDATE center SET sign_without_status = 1, timestamp_url = NULL,
                               idle_lock_minutes = 120;"
        ),
    );
    assert!(policy_of(&desk).trusted_cas.contains_key(id.as_str()));

    desk.as_clerk();
    let policy = policy_of(&desk);
    assert!(
        !policy.trusted_cas.contains_key(id.as_str()),
        "signing in took it out"
    );
    assert_eq!(policy.trusted_cas.len(), 1, "the center's CA stays");
    assert_eq!(policy.profile, profile(), "the idle lock the center set");
    let key = rogue.clerk(&clerk_iin(), ClerkOptions::default());
    let refused = desk.app.open_signing_key(&key, PASSWORD);
    assert!(
        matches!(refused, Err(Error::Sign(SignError::UntrustedIssuer { .. }))),
        "{refused:?}"
    );
    // The center's own CA still certifies.
    let own = pki().clerk(&clerk_iin(), ClerkOptions::default());
    desk.app.open_signing_key(&own, PASSWORD).unwrap();
    desk.app.logout().unwrap();
    desk.as_supervisor();
    let noted = audit_of(&mut desk.app, rastau_core::audit::Action::PolicyRefreshed);
    assert_eq!(noted.entries.len(), 1, "the refresh is noted");

    // Written again while signed in, it goes at the next exchange of the window's worker.
    edit_file(
        desk.dir.path(),
        &format!("INSERT INTO setting (key, value) VALUES ('trusted-ca:{id}', '{pem}')"),
    );
    rastau_core::push::push_if_linked(desk.dir.path(), chrono::Utc::now())
        .unwrap()
        .unwrap();
    assert!(!policy_of(&desk).trusted_cas.contains_key(id.as_str()));
}

/// A supervisor's change at one counter is the center's: made in the shared store, with who
/// made it, and every other counter of the center has it at its next exchange.
#[test]
fn a_supervisors_change_at_one_counter_reaches_the_others() {
    let db = shared_db();
    let mut first = joined(&db);
    let second = second_counter(&db);
    first.as_supervisor();
    first
        .app
        .set_signature_policy(&a_timestamp_authority())
        .unwrap();
    first
        .app
        .set_key_source(&KeySourceSettings {
            source: KeySource::NcaLayer,
            storages: vec![KeyStorage::Kaztoken, KeyStorage::IdCard],
        })
        .unwrap();
    assert_eq!(
        versions(&db),
        vec![
            (1, None),
            (2, Some(supervisor_iin())),
            (3, Some(supervisor_iin()))
        ]
    );
    first
        .app
        .update_center(&CenterProfile {
            phone: "+7 7172 55 00 00".into(),
            ..profile()
        })
        .unwrap();
    let other_center = rastau_sign::SealKey::generate().unwrap();
    let seal = first
        .app
        .trust_seal(&other_center.public().unwrap().to_hex().unwrap())
        .unwrap();
    rastau_core::push::push_if_linked(second.dir.path(), chrono::Utc::now())
        .unwrap()
        .unwrap();
    let there = policy_of(&second);
    assert!(
        there.trusted_seals.contains_key(&seal),
        "the other center's seal too"
    );
    assert_eq!(there, policy_of(&first));
    assert_eq!(there.signature, a_timestamp_authority());
    assert_eq!(there.key_source.source, KeySource::NcaLayer);

    // A counter that joins later takes the center's policy, not its own.
    let third = second_counter(&db);
    assert_eq!(policy_of(&third), policy_of(&first));
    assert_eq!(versions(&db).len(), 5, "joining changed nothing there");
}

/// Two supervisors at two counters: the one whose counter had not heard of the other's change
/// is refused rather than overwriting it, and then has it.
#[test]
fn a_change_made_from_an_old_version_is_refused_and_the_counter_takes_the_new_one() {
    let db = shared_db();
    let mut first = joined(&db);
    let mut second = second_counter(&db);
    second.as_supervisor();
    first.as_supervisor();
    first
        .app
        .set_signature_policy(&a_timestamp_authority())
        .unwrap();
    let stale = second.app.remove_trusted_ca(
        &CaCertificate::read_all(&pki().ca_pem).unwrap()[0]
            .info
            .fingerprint,
    );
    assert!(
        matches!(stale, Err(Error::Shared(SharedError::PolicyChanged))),
        "{stale:?}"
    );
    let now_there = policy_of(&second);
    assert_eq!(
        now_there,
        policy_of(&first),
        "the refusal brought the new one"
    );
    assert_eq!(now_there.trusted_cas.len(), 1, "nothing was removed");
    // Made again from what it now has, the change goes through.
    second
        .app
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Allow,
            timestamp_url: None,
        })
        .unwrap();
    assert_eq!(versions(&db).len(), 3);
}

/// Signed in while the shared store did not answer, a supervisor changes no policy (it would
/// be overwritten at the next exchange); nothing changes here either.
#[test]
fn offline_a_supervisor_changes_no_policy() {
    let db = shared_db();
    let mut desk = joined(&db);
    let link = go_offline(desk.dir.path());
    desk.as_supervisor();
    let before = policy_of(&desk);
    let refused = desk.app.set_signature_policy(&a_timestamp_authority());
    assert!(
        matches!(refused, Err(Error::PolicyNeedsSharedSignIn)),
        "{refused:?}"
    );
    assert_eq!(policy_of(&desk), before);
    desk.app.logout().unwrap();
    come_back(desk.dir.path(), &link);
    desk.as_supervisor();
    desk.app
        .set_signature_policy(&a_timestamp_authority())
        .unwrap();
    assert_eq!(versions(&db).len(), 2);
}

/// With the installation's own login (in a file the clerk can read): no row of the policy
/// written or changed directly, and no change through the function without a supervisor's
/// token.
#[test]
fn the_installations_own_role_writes_no_policy() {
    let db = shared_db();
    let mut desk = joined(&db);
    let mut own = own_login(&desk);
    let refused =
        |e: postgres::Error| e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE);
    let insert = own.execute(
        "INSERT INTO center_policy (center_code, version, policy, installation_code)
         SELECT center_code, version + 1, '{}'::jsonb, installation_code FROM center_policy",
        &[],
    );
    assert!(insert.is_err_and(refused), "no INSERT");
    let update = own.execute("UPDATE center_policy SET policy = '{}'::jsonb", &[]);
    assert!(update.is_err_and(refused), "no UPDATE");
    let forged = rastau_shared::policy::change(&mut own, &"0".repeat(64), 1, "{}");
    assert!(
        matches!(forged, Err(SharedError::NotPermitted { .. })),
        "{forged:?}"
    );
    // A clerk's own token (her password known to the server) changes nothing either.
    desk.as_supervisor();
    give_password(&mut desk.app, &clerk_iin(), GIVEN_PASSWORD);
    desk.app.logout().unwrap();
    let token = rastau_shared::staff::sign_in(&mut own, &clerk_iin(), GIVEN_PASSWORD)
        .unwrap()
        .expect("her password is known to the server");
    let by_clerk = rastau_shared::policy::change(&mut own, &token, 1, "{}");
    assert!(
        matches!(by_clerk, Err(SharedError::NotPermitted { .. })),
        "{by_clerk:?}"
    );
    assert_eq!(versions(&db), vec![(1, None)]);
}
