//! Applicants, remembered by IIN/BIN: a returning one is filled in at once (and may be edited).
use crate::error::Result;
use crate::ids::TaxId;
use crate::required::require;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{named_params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An applicant as typed at the counter and as remembered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Applicant {
    /// IIN of an individual or BIN of a legal entity.
    pub tax_id: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    /// Only for a legal entity.
    pub organization: String,
    pub address: String,
    pub phone: String,
}

/// What typing an IIN/BIN at the counter tells at once.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Lookup {
    pub id: TaxId,
    /// The applicant as last served, if ever.
    pub known: Option<Applicant>,
}

impl Applicant {
    /// The full name of a person, or the organisation's name.
    pub fn display_name(&self) -> String {
        if !self.organization.trim().is_empty() {
            return self.organization.trim().to_owned();
        }
        self.person_name()
    }

    /// Surname, name and patronymic, those given; empty for a legal entity.
    pub fn person_name(&self) -> String {
        [&self.surname, &self.given_name, &self.patronymic]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Checks the number (as of `today`) and the fields its kind needs; returns the parsed
    /// number.
    pub fn validate(&self, today: NaiveDate) -> Result<TaxId> {
        let id = TaxId::parse_on(&self.tax_id, today)?;
        match id {
            TaxId::Iin(_) => {
                require("surname", &self.surname)?;
                require("givenName", &self.given_name)?;
            }
            TaxId::Bin(_) => require("organization", &self.organization)?,
        }
        Ok(id)
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Applicant> {
    Ok(Applicant {
        tax_id: r.get("tax_id")?,
        surname: r.get("surname")?,
        given_name: r.get("given_name")?,
        patronymic: r.get("patronymic")?,
        organization: r.get("organization")?,
        address: r.get("address")?,
        phone: r.get("phone")?,
    })
}

/// The number as typed, checked as of `today`, and the applicant this store knows by it.
pub fn lookup(conn: &Connection, tax_id: &str, today: NaiveDate) -> Result<Lookup> {
    let id = TaxId::parse_on(tax_id, today)?;
    let known = conn
        .query_row(
            "SELECT * FROM applicant WHERE tax_id = ?1",
            [id.number()],
            from_row,
        )
        .optional()?;
    Ok(Lookup { id, known })
}

pub fn get(conn: &Connection, applicant_id: i64) -> Result<Applicant> {
    Ok(conn.query_row(
        "SELECT * FROM applicant WHERE id = ?1",
        [applicant_id],
        from_row,
    )?)
}

/// Records the applicant as given now (new, or with edited details); returns the row id.
pub fn remember(tx: &Transaction, applicant: &Applicant, now: DateTime<Utc>) -> Result<i64> {
    let id = applicant.validate(crate::dates::local_day(now))?;
    let kind = match id {
        TaxId::Iin(_) => "iin",
        TaxId::Bin(_) => "bin",
    };
    let row_id = tx.query_row(
        "INSERT INTO applicant (tax_id, kind, surname, given_name, patronymic, organization,
                                address, phone, updated_at)
         VALUES (:tax_id, :kind, :surname, :given_name, :patronymic, :organization,
                 :address, :phone, :now)
         ON CONFLICT (tax_id) DO UPDATE SET
             surname = excluded.surname, given_name = excluded.given_name,
             patronymic = excluded.patronymic, organization = excluded.organization,
             address = excluded.address, phone = excluded.phone, updated_at = excluded.updated_at
         RETURNING id",
        named_params! {
            ":tax_id": id.number(),
            ":kind": kind,
            ":surname": applicant.surname.trim(),
            ":given_name": applicant.given_name.trim(),
            ":patronymic": applicant.patronymic.trim(),
            ":organization": applicant.organization.trim(),
            ":address": applicant.address.trim(),
            ":phone": applicant.phone.trim(),
            ":now": now,
        },
        |r| r.get(0),
    )?;
    Ok(row_id)
}
