//! The login form as an attack surface: what wrong guesses cost, what the answers give away,
//! and what unauthenticated input may write into the store.
mod common;

use chrono::Duration;
use common::*;
use rastau_core::account::{AccountChanges, Role, MAX_PASSWORD_LEN};
use rastau_core::audit::Action;
use rastau_core::{Error, Rastau};

/// The answers to `attempts` wrong passwords for `iin`, a minute apart, as the UI gets them.
fn answers(app: &mut Rastau, iin: &str, attempts: usize) -> Vec<String> {
    (0..attempts)
        .map(|n| {
            let e = app.login(iin, &format!("guess-{n}")).unwrap_err();
            serde_json::to_string(&e.payload()).unwrap()
        })
        .collect()
}

fn five_wrong(desk: &mut Desk, iin: &str) -> Error {
    for _ in 0..4 {
        assert!(matches!(
            desk.app.login(iin, "wrong-password"),
            Err(Error::WrongCredentials)
        ));
    }
    desk.app.login(iin, "wrong-password").unwrap_err()
}

#[test]
fn each_lock_is_longer_and_the_fourth_waits_for_a_supervisor() {
    let mut desk = with_clerk();
    for minutes in [5, 15, 60] {
        assert!(matches!(
            five_wrong(&mut desk, &clerk_iin()),
            Error::AccountLocked { minutes: m } if m == minutes
        ));
        desk.clock.advance(Duration::minutes(minutes - 1));
        assert!(matches!(
            desk.app.login(&clerk_iin(), "clerk-pass-1"),
            Err(Error::AccountLocked { minutes: 1 })
        ));
        desk.clock.advance(Duration::minutes(1));
    }
    assert!(matches!(
        five_wrong(&mut desk, &clerk_iin()),
        Error::LockedUntilLifted
    ));
    desk.clock.advance(Duration::days(30));
    assert!(matches!(
        desk.app.login(&clerk_iin(), "clerk-pass-1"),
        Err(Error::LockedUntilLifted)
    ));

    desk.as_supervisor();
    let clerk = desk
        .app
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.role == Role::Clerk)
        .unwrap();
    desk.app
        .update_account(&AccountChanges {
            new_password: Some("lifted-by-boss".into()),
            full_name: clerk.full_name.clone(),
            position: clerk.position.clone(),
            phone: clerk.phone.clone(),
            id: clerk.id,
        })
        .unwrap();
    assert!(desk.app.login(&clerk_iin(), "lifted-by-boss").is_ok());
}

#[test]
fn a_right_password_forgets_the_locks_before() {
    let mut desk = with_clerk();
    five_wrong(&mut desk, &clerk_iin());
    desk.clock.advance(Duration::minutes(5));
    desk.as_clerk();
    desk.app.logout().unwrap();
    assert!(matches!(
        five_wrong(&mut desk, &clerk_iin()),
        Error::AccountLocked { minutes: 5 }
    ));
}

#[test]
fn an_iin_without_an_account_is_answered_as_one_with_an_account() {
    let mut desk = with_clerk();
    let nobody = iin("91030330033");
    let with_account = answers(&mut desk.app, &clerk_iin(), 6);
    let without = answers(&mut desk.app, &nobody, 6);
    assert_eq!(with_account, without);
    assert!(
        with_account[5].contains("account-locked"),
        "{with_account:?}"
    );
    assert!(
        !with_account.iter().any(|a| a.contains("attempts")),
        "no count of attempts left: {with_account:?}"
    );
    desk.clock.advance(Duration::minutes(5));
    assert_eq!(
        answers(&mut desk.app, &clerk_iin(), 5),
        answers(&mut desk.app, &nobody, 5),
        "the second, longer lock too"
    );
}

#[test]
fn an_iin_without_an_account_takes_as_long_to_refuse() {
    let mut desk = with_clerk();
    let mut quickest_guess = |iin: &str| {
        (0..3)
            .map(|_| {
                let started = std::time::Instant::now();
                assert!(desk.app.login(iin, "wrong-password").is_err());
                started.elapsed()
            })
            .min()
            .unwrap()
    };
    let with_account = quickest_guess(&clerk_iin());
    let without = quickest_guess(&iin("91030330033"));
    // Both run Argon2 once; without the stand-in hash, the second is a database read only.
    assert!(
        without * 3 > with_account,
        "{without:?} without an account, {with_account:?} with one"
    );
}

#[test]
fn a_failed_sign_in_records_only_a_valid_iin_and_never_other_text() {
    let mut desk = set_up();
    let huge = "x".repeat(100_000);
    let typed = [
        huge.as_str(),
        "мой-пароль-2026",
        "800101300111\nforged entry",
        "800101300112", // twelve digits, but a wrong check digit: perhaps a password
    ];
    for text in typed {
        assert!(matches!(
            desk.app.login(text, "whatever-1"),
            Err(Error::WrongCredentials)
        ));
    }
    let nobody = iin("91030330033");
    assert!(desk.app.login(&nobody, "whatever-1").is_err());

    desk.as_supervisor();
    let failed = audit_of(&mut desk.app, Action::LoginFailed);
    let details: Vec<(Option<String>, String)> = failed
        .entries
        .iter()
        .rev()
        .map(|e| (e.actor_iin.clone(), e.detail.clone()))
        .collect();
    let malformed = |chars: usize| {
        (
            Some(String::new()),
            format!("wrong-credentials malformed-iin {chars}"),
        )
    };
    assert_eq!(
        details,
        vec![
            malformed(100_000),
            malformed(15),
            malformed(25),
            malformed(12),
            (Some(nobody), "wrong-credentials".into()),
        ]
    );
}

#[test]
fn an_overlong_password_is_never_hashed_nor_set() {
    let mut desk = with_clerk();
    let timed = |app: &mut Rastau, password: &str| {
        let started = std::time::Instant::now();
        assert!(matches!(
            app.login(&clerk_iin(), password),
            Err(Error::WrongCredentials)
        ));
        started.elapsed()
    };
    let ordinary = timed(&mut desk.app, "wrong-password");
    let huge = timed(&mut desk.app, &"x".repeat(100 * 1024 * 1024));
    assert!(
        huge < ordinary,
        "a 100 MB guess took {huge:?}, an ordinary one {ordinary:?}"
    );

    desk.as_supervisor();
    let too_long = "ә".repeat(MAX_PASSWORD_LEN + 1);
    assert!(matches!(
        desk.app
            .create_clerk(&person(iin("91030330033"), "Ұзын", &too_long)),
        Err(Error::PasswordTooLong {
            max: MAX_PASSWORD_LEN
        })
    ));
    desk.app.logout().unwrap();
    desk.as_clerk();
    assert!(matches!(
        desk.app.choose_password("clerk-pass-1", &too_long),
        Err(Error::PasswordTooLong { .. })
    ));
}
