//! A demo center a newcomer can explore at once: its people with their accounts and signing
//! keys (of a demo CA the center trusts), and the week before today as the counter lived it.
//! Everything it creates is marked demo, and the UI shows DEMO on every screen.
//! The week is played through [`Rastau`](super::Rastau) as the window would drive it, so the
//! demo stands in the application layer, beside the commands it uses.
mod dice;
mod keys;
mod pages;
mod people;
mod plan;
mod week;

pub use keys::{CA_FILE, KEYS_DIR};
pub use week::WeekReport;

use crate::account::{self, ChosenBy, NewAccount, Role};
use crate::audit::{Action, Event};
use crate::center;
use crate::clock::ManualClock;
use crate::dates;
use crate::error::Result;
use crate::signature_policy::{self, SignaturePolicy, WithoutStatus};
use crate::store::Store;
use chrono::{DateTime, Utc};
use dice::Dice;
use people::STAFF;
use serde::Serialize;
use std::path::PathBuf;
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

/// Fixed, so that every demo is the same week shifted to its dates.
const SEED: u64 = 2026;

/// How much of the demo to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// The center and its accounts only: no keys, no history (a clean center to practise on).
    AccountsOnly,
    /// Also the demo CA, everyone's key, and the week before today.
    Week,
}

/// What [`fill`] made.
#[derive(Debug)]
pub struct Filled {
    pub logins: Vec<DemoLogin>,
    /// The folder of the key files and the CA, for a week's demo.
    pub keys: Option<PathBuf>,
    pub week: Option<WeekReport>,
}

/// The demo accounts; the same on every machine.
pub fn logins() -> Vec<DemoLogin> {
    STAFF
        .iter()
        .map(|staff| DemoLogin {
            iin: people::with_check_digit(staff.iin_prefix)
                .expect("the staff's IIN prefixes have check digits (tested)"),
            full_name: staff.full_name.into(),
            role: staff.role,
            password: DEMO_PASSWORD.into(),
        })
        .collect()
}

/// Fills an empty store with the demo: with [`Extent::Week`], the week before `now`'s day.
pub fn fill(store: &mut Store, now: DateTime<Utc>, extent: Extent) -> Result<Filled> {
    let people = logins();
    if extent == Extent::AccountsOnly {
        set_up(store, &people, now)?;
        return Ok(Filled {
            logins: people,
            keys: None,
            week: None,
        });
    }
    let week = plan::plan(dates::local_day(now), &mut Dice::new(SEED));
    set_up(store, &people, week.beginning)?;
    let keys = keys::make(store.dir(), &people)?;
    let clock = ManualClock::at(week.beginning);
    let report = week::play(store.dir(), &week, &people, &keys, clock, SEED)?;
    store.sync_to_disk()?;
    Ok(Filled {
        logins: people,
        keys: Some(keys.dir),
        week: Some(report),
    })
}

/// The center and its accounts, at `at`.
fn set_up(store: &mut Store, people: &[DemoLogin], at: DateTime<Utc>) -> Result<()> {
    store.write(|tx| {
        center::create(tx, &people::center(), true, at)?;
        // The demo's keys name no OCSP responder and no CRL: its copies sign without a
        // revocation status, and say so.
        signature_policy::set(
            tx,
            &SignaturePolicy {
                without_status: WithoutStatus::Allow,
                timestamp_url: None,
            },
        )?;
        for (login, staff) in people.iter().zip(STAFF.iter()) {
            let new = NewAccount {
                iin: login.iin.clone(),
                full_name: login.full_name.clone(),
                position: staff.position.into(),
                phone: "+7 700 000 00 00".into(),
                password: login.password.clone(),
            };
            // Not made to choose their own: the demo's password is printed for every newcomer.
            account::insert(tx, &new, login.role, ChosenBy::Owner, at)?;
        }
        Event::system(Action::DemoFilled).append(tx, at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_once_with_valid_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let filled = fill(&mut store, Utc::now(), Extent::AccountsOnly).unwrap();
        assert_eq!(filled.logins.len(), 4);
        assert!(filled.keys.is_none() && filled.week.is_none());
        assert!(center::load(store.read()).unwrap().unwrap().demo);
        assert_eq!(account::list(store.read()).unwrap().len(), 4);
        assert!(
            fill(&mut store, Utc::now(), Extent::AccountsOnly).is_err(),
            "a set-up store is never overwritten"
        );
    }
}
