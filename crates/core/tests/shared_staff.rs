//! Once a counter is linked, its center's staff in the shared store is the authority over who
//! signs in and as what: a clerk signs in at any counter of the center, a supervisor's change is
//! made once for all of them, signing in works offline from the cache, and what a clerk writes
//! into their own computer's file (a raised role, a swapped hash, a new account) gives nothing.
mod common;

use common::journal::SECOND_CLERK_PASSWORD;
use common::linked::*;
use common::*;
use rastau_core::account::{Account, AccountChanges, NewAccount, Role};
use rastau_core::error::Error;
use rastau_core::shared_link;
use rastau_shared::test_db::TestDb;

fn new_clerk() -> NewAccount {
    person(iin("91030340033"), "Сейітқали Әлия", SECOND_CLERK_PASSWORD)
}

/// A joined counter where the supervisor made a clerk (so the shared store knows her password),
/// and a connection as the installation's own role: everything the clerk can read on the
/// machine, the link file's login.
fn clerk_made_and_own_login(db: &TestDb) -> (Desk, Account, postgres::Client) {
    let mut desk = joined(db);
    desk.as_supervisor();
    let made = desk.app.create_clerk(&new_clerk()).unwrap();
    desk.app.logout().unwrap();
    let own = own_login(&desk);
    (desk, made, own)
}

#[test]
fn a_role_raised_in_the_local_file_gives_nothing_on_a_linked_counter() {
    let db = shared_db();
    let mut desk = joined(&db);
    edit_file(
        desk.dir.path(),
        &format!(
            "UPDATE account SET role = 'supervisor' WHERE iin = '{}'",
            clerk_iin()
        ),
    );
    let status = desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    assert_eq!(status.session.unwrap().account.role, Role::Clerk);
    assert!(matches!(desk.app.accounts(), Err(Error::SupervisorOnly)));
    assert!(matches!(
        desk.app.create_clerk(&new_clerk()),
        Err(Error::SupervisorOnly)
    ));

    // Raised while signed in: the session's role and the store's must both say supervisor.
    edit_file(
        desk.dir.path(),
        &format!(
            "UPDATE account SET role = 'supervisor' WHERE iin = '{}'",
            clerk_iin()
        ),
    );
    assert!(matches!(desk.app.accounts(), Err(Error::SupervisorOnly)));
}

#[test]
fn a_swapped_hash_or_an_account_added_to_the_file_signs_no_one_in_while_linked() {
    let db = shared_db();
    let mut desk = joined(&db);
    // The clerk copies their own hash over the supervisor's, to sign in as them with theirs.
    edit_file(
        desk.dir.path(),
        &format!(
            "UPDATE account SET password_hash =
                 (SELECT password_hash FROM account WHERE iin = '{clerk}')
             WHERE iin = '{supervisor}';
             INSERT INTO account (iin, full_name, position, phone, role, password_hash,
                                  created_at, updated_at)
             SELECT '{made_up}', 'Жасалған Адам', 'басшы', '', 'supervisor', password_hash,
                    created_at, updated_at
               FROM account WHERE iin = '{clerk}'",
            clerk = clerk_iin(),
            supervisor = supervisor_iin(),
            made_up = iin("88050530055"),
        ),
    );
    assert!(matches!(
        desk.app.login(&supervisor_iin(), "clerk-pass-1"),
        Err(Error::WrongCredentials)
    ));
    assert!(matches!(
        desk.app.login(&iin("88050530055"), "clerk-pass-1"),
        Err(Error::AccountInactive)
    ));
    desk.as_supervisor();
}

#[test]
fn a_clerk_made_at_one_counter_signs_in_at_another_and_a_deactivation_reaches_both() {
    let db = shared_db();
    let mut first = joined(&db);
    let mut second = second_counter(&db);

    // The clerk carried in with the first counter is known at the second.
    second.as_clerk();
    second.app.logout().unwrap();

    first.as_supervisor();
    let made = first.app.create_clerk(&new_clerk()).unwrap();
    first.app.logout().unwrap();
    let status = second.app.login(&made.iin, SECOND_CLERK_PASSWORD).unwrap();
    assert!(
        status.session.unwrap().must_choose_password,
        "a password a supervisor set is chosen anew, at whichever counter"
    );
    second
        .app
        .choose_password(SECOND_CLERK_PASSWORD, "her-own-words")
        .unwrap();
    second.app.logout().unwrap();
    // Chosen at the second counter, it is her password at the first too.
    first.app.login(&made.iin, "her-own-words").unwrap();
    first.app.logout().unwrap();

    // The supervisor deactivates her at the second counter while she works at the first.
    first.app.login(&made.iin, "her-own-words").unwrap();
    second.as_supervisor();
    let id = account_of(&mut second.app, &made.iin).id;
    second.app.set_account_active(id, false).unwrap();
    // The first counter hears of it at its next exchange with the shared store.
    rastau_core::push::push_if_linked(first.dir.path(), chrono::Utc::now())
        .unwrap()
        .unwrap();
    assert!(matches!(
        first.app.touch(),
        Err(Error::SessionEndedDeactivated)
    ));
    assert!(matches!(
        first.app.login(&made.iin, "her-own-words"),
        Err(Error::AccountInactive)
    ));
}

#[test]
fn offline_the_cache_signs_people_in_and_staff_changes_wait_for_the_shared_store() {
    let db = shared_db();
    let mut desk = joined(&db);
    let link = go_offline(desk.dir.path());
    desk.as_clerk();
    desk.app.logout().unwrap();
    desk.as_supervisor();
    assert!(matches!(
        desk.app.create_clerk(&new_clerk()),
        Err(Error::StaffNeedsSharedSignIn)
    ));
    let me = desk.app.accounts().unwrap()[0].clone();
    let renamed = AccountChanges {
        id: me.id,
        full_name: "Басшы Өзгерген".into(),
        position: me.position.clone(),
        phone: me.phone.clone(),
        new_password: None,
    };
    assert!(matches!(
        desk.app.update_account(&renamed),
        Err(Error::StaffNeedsSharedSignIn)
    ));
    desk.app.logout().unwrap();

    come_back(desk.dir.path(), &link);
    desk.as_supervisor();
    let updated = desk.app.update_account(&renamed).unwrap();
    assert_eq!(updated.full_name, "Басшы Өзгерген");
    let mut admin = db.admin();
    let name: String = admin
        .query_one(
            "SELECT full_name FROM current_staff WHERE iin = $1",
            &[&supervisor_iin()],
        )
        .unwrap()
        .get(0);
    assert_eq!(name, "Басшы Өзгерген", "made once, in the shared store");
}

#[test]
fn the_installations_own_role_cannot_make_anyone_a_supervisor() {
    let db = shared_db();
    let desk = joined(&db);
    let link = shared_link::read(desk.dir.path()).unwrap().unwrap();
    // Everything the clerk can read on the machine: the link file's login.
    let mut own = rastau_shared::connect_with(link.config()).unwrap();
    let clerk = clerk_iin();
    let refused =
        |e: postgres::Error| e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE);

    let insert = own.execute(
        "INSERT INTO staff (center_code, iin, version, full_name, position, phone, role, active,
                            password_hash, must_choose, installation_code)
         SELECT center_code, iin, version + 1, full_name, position, phone, 'supervisor',
                active, password_hash, must_choose, installation_code
           FROM current_staff WHERE iin = $1",
        &[&clerk],
    );
    assert!(insert.is_err_and(refused), "no INSERT on staff");
    let update = own.execute(
        "UPDATE staff SET role = 'supervisor' WHERE iin = $1",
        &[&clerk],
    );
    assert!(update.is_err_and(refused), "no UPDATE on staff");
    let verifiers = own.query("SELECT * FROM staff_verifier", &[]);
    assert!(
        verifiers.is_err_and(refused),
        "the verifiers are not readable"
    );

    // The clerk's own password gets a token, but a clerk's token changes no staff.
    let token: Option<String> =
        rastau_shared::staff::sign_in(&mut own, &clerk, "clerk-pass-1").unwrap();
    assert!(
        token.is_none(),
        "carried in at joining: no password known to the server"
    );
    let guessed =
        rastau_shared::staff::sign_in(&mut own, &supervisor_iin(), "clerk-pass-1").unwrap();
    assert!(guessed.is_none(), "a wrong password gets no token");
    let forged = own.query(
        "SELECT * FROM staff_change($1, $2, 'x', 'x', '', 'supervisor', true, NULL, NULL)",
        &[&"0".repeat(64), &clerk],
    );
    assert!(
        forged.is_err_and(refused),
        "a made-up token changes nothing"
    );
    let role: String = db
        .admin()
        .query_one("SELECT role FROM current_staff WHERE iin = $1", &[&clerk])
        .unwrap()
        .get(0);
    assert_eq!(role, "clerk");
}

#[test]
fn a_clerks_token_changes_no_staff() {
    let db = shared_db();
    let (_desk, made, mut own) = clerk_made_and_own_login(&db);
    let token = rastau_shared::staff::sign_in(&mut own, &made.iin, SECOND_CLERK_PASSWORD)
        .unwrap()
        .expect("a token for her own password");
    let raised = rastau_shared::staff::change(
        &mut own,
        &token,
        &rastau_shared::StaffChange {
            role: "supervisor",
            ..rastau_shared::StaffChange {
                iin: &made.iin,
                full_name: &made.full_name,
                position: &made.position,
                phone: &made.phone,
                role: "clerk",
                active: true,
                password: None,
            }
        },
    );
    assert!(
        matches!(raised, Err(rastau_shared::SharedError::NotPermitted { .. })),
        "{raised:?}"
    );
}

/// The installation's login is in a file the clerk can read, so passwords can be guessed
/// straight at the shared store as that role, past the counter's own count. The store counts
/// them itself: five wrong lock the person's sign-in at every counter of the center, with the
/// counter's own file knowing nothing of it; the lock ends after its minutes, and past the
/// last timed one only a new password lifts it.
#[test]
fn guessing_at_the_shared_store_locks_the_person_at_every_counter_until_a_new_password() {
    use rastau_shared::SharedError::{SignInLocked, SignInLockedUntilLifted};
    let db = shared_db();
    let (mut desk, made, mut own) = clerk_made_and_own_login(&db);
    for guess in 0..5 {
        let token = rastau_shared::staff::sign_in(&mut own, &made.iin, &format!("guess-{guess}"));
        assert!(matches!(token, Ok(None)), "{token:?}");
    }
    let right = rastau_shared::staff::sign_in(&mut own, &made.iin, SECOND_CLERK_PASSWORD);
    assert!(
        matches!(right, Err(SignInLocked { minutes: 5 })),
        "{right:?}"
    );
    // The counter's own file has never seen a wrong password for her.
    let refused = desk.app.login(&made.iin, SECOND_CLERK_PASSWORD);
    assert!(
        matches!(refused, Err(Error::Shared(SignInLocked { .. }))),
        "{refused:?}"
    );

    let mut admin = db.admin();
    // Five minutes later, as far as the lock is concerned.
    admin
        .execute(
            "UPDATE staff_sign_in_throttle SET locked_until = now() - interval '1 second'",
            &[],
        )
        .unwrap();
    desk.app.login(&made.iin, SECOND_CLERK_PASSWORD).unwrap();
    desk.app.logout().unwrap();
    let counted: i64 = admin
        .query_one("SELECT count(*) FROM staff_sign_in_throttle", &[])
        .unwrap()
        .get(0);
    assert_eq!(counted, 0, "the right password forgets the count");

    // Twenty wrong passwords: four locks, the last one without an end.
    for guess in 0..20 {
        admin
            .execute("UPDATE staff_sign_in_throttle SET locked_until = NULL", &[])
            .unwrap();
        let token = rastau_shared::staff::sign_in(&mut own, &made.iin, &format!("guess-{guess}"));
        assert!(matches!(token, Ok(None)), "{token:?}");
    }
    let refused = desk.app.login(&made.iin, SECOND_CLERK_PASSWORD);
    assert!(
        matches!(refused, Err(Error::Shared(SignInLockedUntilLifted))),
        "{refused:?}"
    );
    desk.as_supervisor();
    give_password(&mut desk.app, &made.iin, "a-new-one-set-by-her-supervisor");
    desk.app.logout().unwrap();
    desk.app
        .login(&made.iin, "a-new-one-set-by-her-supervisor")
        .unwrap();
}
