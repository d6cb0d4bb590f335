//! The center (ЦОН / ХҚКО) this installation serves: its names, place and idle-lock policy.
//! Names and place are kept in Kazakh and in Russian: each form prints them in its own
//! language, as the clerk wrote them (Russian names of places are not transliterations).
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::required::require;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, ToSql, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The idle lock may be set between these bounds, in minutes.
pub const IDLE_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=120;

/// What the supervisor fills in on first start and may edit later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CenterProfile {
    pub name_kk: String,
    pub name_ru: String,
    pub region: String,
    /// The city's name alone («Астана»), without «қаласы» or «г.»: the forms add those.
    pub city_kk: String,
    pub city_ru: String,
    /// The district's name alone («Есіл», «Есиль»), without «ауданы» or «район».
    pub district_kk: String,
    pub district_ru: String,
    pub address: String,
    pub phone: String,
    /// After this many minutes without activity the session locks itself.
    pub idle_lock_minutes: u32,
}

/// The stored center.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Center {
    pub profile: CenterProfile,
    /// Filled by `--demo`: every screen marks it DEMO.
    pub demo: bool,
}

impl CenterProfile {
    pub fn validate(&self) -> Result<()> {
        require("nameKk", &self.name_kk)?;
        require("nameRu", &self.name_ru)?;
        require("region", &self.region)?;
        require("cityKk", &self.city_kk)?;
        require("cityRu", &self.city_ru)?;
        require("districtKk", &self.district_kk)?;
        require("districtRu", &self.district_ru)?;
        require("address", &self.address)?;
        require("phone", &self.phone)?;
        if !IDLE_LOCK_MINUTES.contains(&self.idle_lock_minutes) {
            return Err(Error::IdleMinutesRange {
                min: *IDLE_LOCK_MINUTES.start(),
                max: *IDLE_LOCK_MINUTES.end(),
            });
        }
        Ok(())
    }

    /// The center's name as printed in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.name_kk,
            Lang::Ru => &self.name_ru,
        }
    }

    /// The city's name as written in `lang`.
    pub fn city(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.city_kk,
            Lang::Ru => &self.city_ru,
        }
    }

    /// The district's name as written in `lang`.
    pub fn district(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.district_kk,
            Lang::Ru => &self.district_ru,
        }
    }

    fn trimmed(&self) -> CenterProfile {
        CenterProfile {
            name_kk: self.name_kk.trim().to_owned(),
            name_ru: self.name_ru.trim().to_owned(),
            region: self.region.trim().to_owned(),
            city_kk: self.city_kk.trim().to_owned(),
            city_ru: self.city_ru.trim().to_owned(),
            district_kk: self.district_kk.trim().to_owned(),
            district_ru: self.district_ru.trim().to_owned(),
            address: self.address.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            idle_lock_minutes: self.idle_lock_minutes,
        }
    }
}

pub fn load(conn: &Connection) -> Result<Option<Center>> {
    let center = conn
        .query_row(
            "SELECT name_kk, name_ru, region, city_kk, city_ru, district_kk, district_ru,
                    address, phone, idle_lock_minutes, is_demo
             FROM center WHERE id = 1",
            [],
            |r| {
                Ok(Center {
                    profile: CenterProfile {
                        name_kk: r.get(0)?,
                        name_ru: r.get(1)?,
                        region: r.get(2)?,
                        city_kk: r.get(3)?,
                        city_ru: r.get(4)?,
                        district_kk: r.get(5)?,
                        district_ru: r.get(6)?,
                        address: r.get(7)?,
                        phone: r.get(8)?,
                        idle_lock_minutes: r.get(9)?,
                    },
                    demo: r.get(10)?,
                })
            },
        )
        .optional()?;
    Ok(center)
}

/// The profile of a center that has been set up.
pub fn profile(conn: &Connection) -> Result<CenterProfile> {
    Ok(load(conn)?.ok_or(Error::NotSetUp)?.profile)
}

/// Records the center once; a second call is refused so a set-up cannot be overwritten.
pub fn create(
    tx: &Transaction,
    profile: &CenterProfile,
    demo: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    profile.validate()?;
    if load(tx)?.is_some() {
        return Err(Error::AlreadySetUp);
    }
    let p = profile.trimmed();
    let mut values = columns(&p);
    values.extend([(":is_demo", &demo as &dyn ToSql), (":created_at", &now)]);
    tx.execute(
        "INSERT INTO center (id, name_kk, name_ru, region, city_kk, city_ru, district_kk,
                             district_ru, address, phone, idle_lock_minutes, is_demo, created_at)
         VALUES (1, :name_kk, :name_ru, :region, :city_kk, :city_ru, :district_kk,
                 :district_ru, :address, :phone, :idle_lock_minutes, :is_demo, :created_at)",
        values.as_slice(),
    )?;
    Ok(())
}

pub fn update(tx: &Transaction, profile: &CenterProfile) -> Result<()> {
    profile.validate()?;
    let p = profile.trimmed();
    let changed = tx.execute(
        "UPDATE center SET name_kk = :name_kk, name_ru = :name_ru, region = :region,
                           city_kk = :city_kk, city_ru = :city_ru,
                           district_kk = :district_kk, district_ru = :district_ru,
                           address = :address, phone = :phone,
                           idle_lock_minutes = :idle_lock_minutes
         WHERE id = 1",
        columns(&p).as_slice(),
    )?;
    if changed == 0 {
        return Err(Error::NotSetUp);
    }
    Ok(())
}

/// The profile as named SQL parameters, shared by insert and update.
fn columns(p: &CenterProfile) -> Vec<(&'static str, &dyn ToSql)> {
    vec![
        (":name_kk", &p.name_kk),
        (":name_ru", &p.name_ru),
        (":region", &p.region),
        (":city_kk", &p.city_kk),
        (":city_ru", &p.city_ru),
        (":district_kk", &p.district_kk),
        (":district_ru", &p.district_ru),
        (":address", &p.address),
        (":phone", &p.phone),
        (":idle_lock_minutes", &p.idle_lock_minutes),
    ]
}

#[cfg(test)]
pub(crate) fn sample() -> CenterProfile {
    CenterProfile {
        name_kk: "Алматы қаласы Әуезов ауданы бойынша ХҚКО".into(),
        name_ru: "ЦОН Ауэзовского района города Алматы".into(),
        region: "Алматы".into(),
        city_kk: "Алматы".into(),
        city_ru: "Алматы".into(),
        district_kk: "Әуезов".into(),
        district_ru: "Ауэзовский".into(),
        address: "Абай даңғылы, 1".into(),
        phone: "+7 727 000 00 00".into(),
        idle_lock_minutes: 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn created_once_then_loaded_and_updated() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert_eq!(load(store.read()).unwrap(), None);
        store
            .write(|tx| create(tx, &sample(), false, Utc::now()))
            .unwrap();
        let loaded = load(store.read()).unwrap().unwrap();
        assert_eq!(loaded.profile, sample());
        assert!(!loaded.demo);

        let again = store.write(|tx| create(tx, &sample(), false, Utc::now()));
        assert!(matches!(again, Err(Error::AlreadySetUp)));

        let mut edited = sample();
        edited.idle_lock_minutes = 3;
        store.write(|tx| update(tx, &edited)).unwrap();
        assert_eq!(
            load(store.read())
                .unwrap()
                .unwrap()
                .profile
                .idle_lock_minutes,
            3
        );
    }

    #[test]
    fn empty_fields_and_odd_idle_times_are_refused() {
        let mut p = sample();
        p.district_ru = "  ".into();
        assert!(matches!(
            p.validate(),
            Err(Error::Required {
                field: "districtRu"
            })
        ));
        let mut p = sample();
        p.idle_lock_minutes = 0;
        assert!(matches!(
            p.validate(),
            Err(Error::IdleMinutesRange { min: 1, max: 120 })
        ));
    }
}
