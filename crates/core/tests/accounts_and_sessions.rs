//! The application object driven as the window drives it, on a real SQLite file.
mod common;

use chrono::Duration;
use common::*;
use rastau_core::account::{Account, AccountChanges, Role};
use rastau_core::audit::Action;
use rastau_core::demo::Extent;
use rastau_core::ids::IdError;
use rastau_core::store::Store;
use rastau_core::{Error, FirstStart, Lang, Rastau};

#[test]
fn a_fresh_store_asks_for_first_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Rastau::new(
        Store::open(dir.path()).unwrap(),
        Box::new(rastau_core::clock::SystemClock),
    );
    let status = app.status().unwrap();
    assert!(status.center.is_none());
    assert_eq!(status.language, Lang::Kk);
    assert!(matches!(
        app.login(&supervisor_iin(), "whatever1"),
        Err(Error::WrongCredentials)
    ));
}

#[test]
fn first_start_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Rastau::new(
        Store::open(dir.path()).unwrap(),
        Box::new(rastau_core::clock::SystemClock),
    );
    let bad = FirstStart {
        center: profile(),
        supervisor: person("123".into(), "X", SUPERVISOR_PASSWORD),
    };
    assert!(matches!(
        app.first_start(&bad),
        Err(Error::Id(IdError::Length { found: 3 }))
    ));
    assert!(
        app.status().unwrap().center.is_none(),
        "the center was not half-created"
    );
}

#[test]
fn supervisor_creates_a_clerk_who_then_signs_in() {
    let mut desk = with_clerk();
    let status = desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    let session = status.session.unwrap();
    assert_eq!(session.account.role, Role::Clerk);
    assert_eq!(session.account.full_name, "Ғабитов Ұлан");
    assert!(!session.locked);
}

#[test]
fn clerks_cannot_manage_accounts_or_the_center() {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    assert!(matches!(desk.app.accounts(), Err(Error::SupervisorOnly)));
    let another = person(iin("91030330033"), "Someone", "password-1");
    assert!(matches!(
        desk.app.create_clerk(&another),
        Err(Error::SupervisorOnly)
    ));
    assert!(matches!(
        desk.app.update_center(&profile()),
        Err(Error::SupervisorOnly)
    ));
}

#[test]
fn bad_accounts_are_refused_with_their_reason() {
    let mut desk = set_up();
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let mut wrong_digit = clerk_iin();
    let last = wrong_digit.pop().unwrap();
    wrong_digit.push(if last == '0' { '1' } else { '0' });
    assert!(matches!(
        desk.app
            .create_clerk(&person(wrong_digit, "A", "password-1")),
        Err(Error::Id(IdError::CheckDigit { .. }))
    ));
    assert!(matches!(
        desk.app.create_clerk(&person(clerk_iin(), "A", "short")),
        Err(Error::PasswordTooShort { min: 8 })
    ));
    assert!(matches!(
        desk.app
            .create_clerk(&person(clerk_iin(), "  ", "password-1")),
        Err(Error::Required { field: "fullName" })
    ));
    assert!(matches!(
        desk.app
            .create_clerk(&person(supervisor_iin(), "Twin", "password-1")),
        Err(Error::IinTaken)
    ));
    assert_eq!(
        desk.app.accounts().unwrap().len(),
        1,
        "nothing half-created"
    );
}

#[test]
fn five_wrong_passwords_lock_for_five_minutes() {
    let mut desk = with_clerk();
    for _ in 0..4 {
        assert!(matches!(
            desk.app.login(&clerk_iin(), "wrong-password"),
            Err(Error::WrongCredentials)
        ));
    }
    assert!(matches!(
        desk.app.login(&clerk_iin(), "wrong-password"),
        Err(Error::AccountLocked { minutes: 5 })
    ));
    // Even the right password waits for the lock to run out.
    desk.clock.advance(Duration::minutes(4));
    assert!(matches!(
        desk.app.login(&clerk_iin(), "clerk-pass-1"),
        Err(Error::AccountLocked { minutes: 1 })
    ));
    desk.clock.advance(Duration::minutes(1));
    assert!(desk.app.login(&clerk_iin(), "clerk-pass-1").is_ok());
}

#[test]
fn a_right_password_resets_the_count() {
    let mut desk = with_clerk();
    for _ in 0..4 {
        assert!(desk.app.login(&clerk_iin(), "wrong-password").is_err());
    }
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    desk.app.logout().unwrap();
    for _ in 0..4 {
        assert!(matches!(
            desk.app.login(&clerk_iin(), "wrong-password"),
            Err(Error::WrongCredentials)
        ));
    }
    assert!(matches!(
        desk.app.login(&clerk_iin(), "wrong-password"),
        Err(Error::AccountLocked { minutes: 5 })
    ));
}

#[test]
fn a_supervisor_lifts_a_lockout_by_setting_a_new_password() {
    let mut desk = with_clerk();
    for _ in 0..5 {
        assert!(desk.app.login(&clerk_iin(), "wrong-password").is_err());
    }
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let clerk = desk
        .app
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.role == Role::Clerk)
        .unwrap();
    desk.app
        .update_account(&AccountChanges {
            id: clerk.id,
            full_name: clerk.full_name.clone(),
            position: "Аға маман".into(),
            phone: clerk.phone.clone(),
            new_password: Some("new-clerk-pass".into()),
        })
        .unwrap();
    desk.app.logout().unwrap();
    let status = desk.app.login(&clerk_iin(), "new-clerk-pass").unwrap();
    let session = status.session.unwrap();
    assert_eq!(session.account.position, "Аға маман");
    assert!(
        session.must_choose_password,
        "a password a supervisor set is the clerk's to replace"
    );
}

#[test]
fn a_deactivated_clerk_cannot_sign_in() {
    let mut desk = with_clerk();
    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let accounts = desk.app.accounts().unwrap();
    let me = accounts
        .iter()
        .find(|a| a.role == Role::Supervisor)
        .unwrap();
    let clerk = accounts.iter().find(|a| a.role == Role::Clerk).unwrap();
    assert!(matches!(
        desk.app.set_account_active(me.id, false),
        Err(Error::CannotDeactivateSelf)
    ));
    assert!(!desk.app.set_account_active(clerk.id, false).unwrap().active);
    desk.app.logout().unwrap();
    assert!(matches!(
        desk.app.login(&clerk_iin(), "clerk-pass-1"),
        Err(Error::AccountInactive)
    ));
    // Only whoever knows the password learns that the account exists and is off.
    assert!(matches!(
        desk.app.login(&clerk_iin(), "wrong-password"),
        Err(Error::WrongCredentials)
    ));
}

#[test]
fn an_idle_session_locks_itself_and_unlocks_with_the_password() {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    desk.clock.advance(Duration::minutes(9));
    desk.app.touch().unwrap();
    desk.clock.advance(Duration::minutes(9));
    assert!(
        !desk.app.status().unwrap().session.unwrap().locked,
        "activity restarted the idle clock"
    );
    desk.clock.advance(Duration::minutes(1));
    assert!(desk.app.status().unwrap().session.unwrap().locked);
    assert!(matches!(desk.app.touch(), Err(Error::SessionLocked)));
    assert!(matches!(
        desk.app.unlock("wrong-password"),
        Err(Error::WrongPassword { attempts_left: 4 })
    ));
    let status = desk.app.unlock("clerk-pass-1").unwrap();
    assert!(!status.session.unwrap().locked);
}

#[test]
fn locking_out_while_unlocking_ends_the_session() {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    desk.app.lock().unwrap();
    for _ in 0..4 {
        assert!(matches!(
            desk.app.unlock("wrong-password"),
            Err(Error::WrongPassword { .. })
        ));
    }
    assert!(matches!(
        desk.app.unlock("wrong-password"),
        Err(Error::AccountLocked { .. })
    ));
    assert!(desk.app.status().unwrap().session.is_none());
}

#[test]
fn the_language_is_remembered_per_user_and_for_the_login_screen() {
    let mut desk = with_clerk();
    assert_eq!(desk.app.set_language(Lang::Ru).unwrap().language, Lang::Ru);
    assert_eq!(
        desk.app.status().unwrap().language,
        Lang::Ru,
        "login screen keeps the choice"
    );

    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    // The clerk has not chosen yet: their own default (Kazakh) applies.
    assert_eq!(desk.app.status().unwrap().language, Lang::Kk);
    desk.app.set_language(Lang::Ru).unwrap();
    desk.app.logout().unwrap();

    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    assert_eq!(
        desk.app.status().unwrap().language,
        Lang::Kk,
        "the supervisor's own choice"
    );
    desk.app.logout().unwrap();
    let status = desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    assert_eq!(
        status.language,
        Lang::Ru,
        "the clerk's choice survived logging out"
    );
}

#[test]
fn everything_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = Rastau::new(
            Store::open(dir.path()).unwrap(),
            Box::new(rastau_core::clock::SystemClock),
        );
        app.first_start(&FirstStart {
            center: profile(),
            supervisor: person(supervisor_iin(), "Әбілқасымова Гүлнар", SUPERVISOR_PASSWORD),
        })
        .unwrap();
    }
    let mut app = Rastau::new(
        Store::open(dir.path()).unwrap(),
        Box::new(rastau_core::clock::SystemClock),
    );
    assert_eq!(app.status().unwrap().center.unwrap().profile, profile());
    assert!(app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).is_ok());
}

#[test]
fn the_lock_screen_switches_language_without_touching_the_account() {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    desk.app.lock().unwrap();
    assert_eq!(desk.app.set_language(Lang::Ru).unwrap().language, Lang::Ru);
    let status = desk.app.unlock("clerk-pass-1").unwrap();
    assert_eq!(
        status.language,
        Lang::Kk,
        "the clerk's own choice is unchanged"
    );
}

/// A second program on the same store: another counter's window, or the CLI.
fn beside(desk: &Desk) -> Rastau {
    Rastau::new(
        Store::open(desk.dir.path()).unwrap(),
        Box::new(desk.clock.clone()),
    )
}

fn the_clerk(app: &mut Rastau) -> Account {
    account_of(app, &clerk_iin())
}

fn new_password(account: &Account, password: &str) -> AccountChanges {
    AccountChanges {
        id: account.id,
        full_name: account.full_name.clone(),
        position: account.position.clone(),
        phone: account.phone.clone(),
        new_password: Some(password.into()),
    }
}

#[test]
fn deactivating_a_clerk_ends_their_open_session_at_the_next_command() {
    let mut desk = with_clerk();
    desk.as_clerk();
    assert!(desk.app.my_open_visits().is_ok());

    let mut supervisor = beside(&desk);
    supervisor
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let clerk = the_clerk(&mut supervisor);
    supervisor.set_account_active(clerk.id, false).unwrap();
    // Even switched on again at once: the session opened before stays ended.
    supervisor.set_account_active(clerk.id, true).unwrap();

    assert!(matches!(
        desk.app.my_open_visits(),
        Err(Error::SessionEndedDeactivated)
    ));
    assert!(desk.app.status().unwrap().session.is_none());
    assert!(matches!(desk.app.touch(), Err(Error::NotLoggedIn)));
    let ended = audit_of(&mut supervisor, Action::SessionEnded);
    assert_eq!(ended.total, 1);
    assert_eq!(ended.entries[0].actor_iin.as_deref(), Some(&*clerk_iin()));
    assert_eq!(ended.entries[0].detail, "session-ended-deactivated");
}

#[test]
fn a_new_password_ends_the_open_session_even_a_locked_one() {
    let mut desk = with_clerk();
    desk.as_clerk();
    desk.app.lock().unwrap();

    let mut supervisor = beside(&desk);
    supervisor
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let clerk = the_clerk(&mut supervisor);
    supervisor
        .update_account(&new_password(&clerk, "reset-by-boss"))
        .unwrap();

    // The old password would still unlock the session in memory; the store says it ended.
    assert!(matches!(
        desk.app.unlock("clerk-pass-1"),
        Err(Error::SessionEndedPasswordChanged)
    ));
    assert!(desk.app.status().unwrap().session.is_none());
    assert!(matches!(
        desk.app.login(&clerk_iin(), "clerk-pass-1"),
        Err(Error::WrongCredentials)
    ));
    assert!(desk.app.login(&clerk_iin(), "reset-by-boss").is_ok());
}

#[test]
fn a_supervisor_who_changes_their_own_password_goes_on_working() {
    let mut desk = with_clerk();
    desk.as_supervisor();
    let mut elsewhere = beside(&desk);
    elsewhere
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    let me = desk
        .app
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.role == Role::Supervisor)
        .unwrap();
    desk.app
        .update_account(&new_password(&me, "басшы-жаңа-2026"))
        .unwrap();
    let status = desk.app.status().unwrap();
    assert!(
        !status.session.unwrap().must_choose_password,
        "chosen by its owner"
    );
    assert!(desk.app.accounts().is_ok(), "this session goes on");
    assert!(
        matches!(
            elsewhere.accounts(),
            Err(Error::SessionEndedPasswordChanged)
        ),
        "the supervisor's other session ends"
    );
}

#[test]
fn a_clerk_made_by_a_supervisor_chooses_their_own_password_before_anything_else() {
    let mut desk = set_up();
    desk.as_supervisor();
    desk.app
        .create_clerk(&person(clerk_iin(), "Ғабитов Ұлан", GIVEN_PASSWORD))
        .unwrap();
    desk.app.logout().unwrap();

    let status = desk.app.login(&clerk_iin(), GIVEN_PASSWORD).unwrap();
    assert!(status.session.unwrap().must_choose_password);
    assert!(matches!(
        desk.app.my_open_visits(),
        Err(Error::PasswordChangeRequired)
    ));
    assert!(matches!(
        desk.app.touch(),
        Err(Error::PasswordChangeRequired)
    ));
    // The screen that asks can be read in either language.
    assert_eq!(desk.app.set_language(Lang::Ru).unwrap().language, Lang::Ru);

    assert!(matches!(
        desk.app.choose_password(GIVEN_PASSWORD, GIVEN_PASSWORD),
        Err(Error::PasswordUnchanged)
    ));
    assert!(matches!(
        desk.app.choose_password(GIVEN_PASSWORD, "short"),
        Err(Error::PasswordTooShort { min: 8 })
    ));
    assert!(matches!(
        desk.app
            .choose_password("not-the-given-one", "my-own-pass-1"),
        Err(Error::WrongPassword { attempts_left: 4 })
    ));
    let status = desk
        .app
        .choose_password(GIVEN_PASSWORD, "my-own-pass-1")
        .unwrap();
    assert!(!status.session.unwrap().must_choose_password);
    assert!(desk.app.my_open_visits().is_ok(), "the session goes on");

    desk.app.logout().unwrap();
    assert!(matches!(
        desk.app.login(&clerk_iin(), GIVEN_PASSWORD),
        Err(Error::WrongCredentials)
    ));
    let status = desk.app.login(&clerk_iin(), "my-own-pass-1").unwrap();
    assert!(!status.session.unwrap().must_choose_password);
    desk.app.logout().unwrap();
    desk.as_supervisor();
    assert_eq!(audit_of(&mut desk.app, Action::PasswordChosen).total, 1);
    assert_eq!(
        audit_of(&mut desk.app, Action::PasswordChoiceFailed).entries[0].detail,
        "wrong-password"
    );
}

#[test]
fn the_first_supervisor_and_the_demo_accounts_are_not_asked_to_choose() {
    let mut desk = set_up();
    let status = desk
        .app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    assert!(!status.session.unwrap().must_choose_password);

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let filled =
        rastau_core::demo::fill(&mut store, desk.clock_now(), Extent::AccountsOnly).unwrap();
    let mut demo = Rastau::new(store, Box::new(desk.clock.clone()));
    for login in filled.logins {
        demo.login(&login.iin, &login.password).unwrap();
        assert!(demo.my_open_visits().is_ok(), "{}", login.full_name);
    }
}
