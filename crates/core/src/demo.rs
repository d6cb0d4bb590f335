//! A demo center with ready accounts, so a newcomer can look around at once. Everything it
//! creates is marked demo, and the UI shows DEMO on every screen.
use crate::account::{self, ChosenBy, NewAccount, Role};
use crate::audit::{Action, Event};
use crate::center::{self, CenterProfile};
use crate::error::Result;
use crate::ids::check_digit;
use crate::store::Store;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The password of every demo account (printed by `rastau demo` and in the README).
pub const DEMO_PASSWORD: &str = "demo-2026";

/// A demo account as announced to the newcomer (only ever for the demo center).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoLogin {
    pub iin: String,
    pub full_name: String,
    pub role: Role,
    pub password: String,
}

const PEOPLE: [(&str, &str, &str, Role); 3] = [
    // (first 11 digits of the IIN, full name, position, role)
    (
        "85031540012",
        "Сұлтанова Әйгерім Қайратқызы",
        "Басшы / Руководитель",
        Role::Supervisor,
    ),
    (
        "92071830045",
        "Өмірзақов Нұржан Ғалымұлы",
        "Маман / Специалист",
        Role::Clerk,
    ),
    (
        "95112040078",
        "Иванова Мария Сергеевна",
        "Маман / Специалист",
        Role::Clerk,
    ),
];

fn demo_center() -> CenterProfile {
    CenterProfile {
        name_kk: "ДЕМО — Астана қаласы Есіл ауданы бойынша ХҚКО".into(),
        name_ru: "ДЕМО — ЦОН района Есиль города Астаны".into(),
        region: "Астана".into(),
        city_kk: "Астана".into(),
        city_ru: "Астана".into(),
        district_kk: "Есіл".into(),
        district_ru: "Есиль".into(),
        address: "Мәңгілік Ел даңғылы, 8".into(),
        phone: "+7 7172 00 00 00".into(),
        idle_lock_minutes: 15,
    }
}

/// Completes a first 11 digits with their check digit. The demo prefixes are chosen so that
/// one exists.
fn complete(first11: &str) -> String {
    let digits: Vec<u8> = first11.bytes().map(|b| b - b'0').collect();
    let digits: [u8; 11] = digits.try_into().expect("11 digits");
    let check = check_digit(&digits).expect("demo IIN prefixes have a check digit");
    format!("{first11}{check}")
}

/// The demo accounts; the same on every machine.
pub fn logins() -> Vec<DemoLogin> {
    PEOPLE
        .iter()
        .map(|&(prefix, full_name, _, role)| DemoLogin {
            iin: complete(prefix),
            full_name: full_name.into(),
            role,
            password: DEMO_PASSWORD.into(),
        })
        .collect()
}

/// Fills an empty store with the demo center and accounts.
pub fn fill(store: &mut Store, now: DateTime<Utc>) -> Result<Vec<DemoLogin>> {
    store.write(|tx| {
        center::create(tx, &demo_center(), true, now)?;
        for (login, &(_, _, position, _)) in logins().iter().zip(PEOPLE.iter()) {
            let new = NewAccount {
                iin: login.iin.clone(),
                full_name: login.full_name.clone(),
                position: position.into(),
                phone: "+7 700 000 00 00".into(),
                password: login.password.clone(),
            };
            // Not made to choose their own: the demo's password is printed for every newcomer.
            account::insert(tx, &new, login.role, ChosenBy::Owner, now)?;
        }
        Event::system(Action::DemoFilled).append(tx, now)?;
        Ok(logins())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_once_with_valid_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let people = fill(&mut store, Utc::now()).unwrap();
        assert_eq!(people.len(), 3);
        assert!(center::load(store.read()).unwrap().unwrap().demo);
        assert_eq!(account::list(store.read()).unwrap().len(), 3);
        assert!(
            fill(&mut store, Utc::now()).is_err(),
            "a set-up store is never overwritten"
        );
    }
}
