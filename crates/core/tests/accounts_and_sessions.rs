//! The application object driven as the window drives it, on a real SQLite file.
mod common;

use chrono::Duration;
use common::*;
use rastau_core::account::{AccountChanges, Role};
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
    let another = person(iin("91030350033"), "Someone", "password-1");
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
    assert_eq!(status.session.unwrap().account.position, "Аға маман");
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
