//! A linked counter's accounts are a cache of its center's staff in the shared store, which
//! is the authority: every refresh makes the local rows what the shared store says, whatever
//! was written into the local file meanwhile (a role raised by hand, a hash swapped, an
//! account added). Local-only columns (the screen's language, the sign-in throttle) stay.
use super::records::{credentials_by_iin, move_epoch, standing};
use super::{throttle, Account, EpochReason, Role};
use crate::audit::{Action, Event};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rastau_shared::StaffMember;
use rusqlite::{params, Connection, Transaction};

/// Makes the cache what `members` (the center's whole staff) says, as one audited change.
/// Accounts the shared store does not know are deactivated. A center whose staff the shared
/// store has never been told (none carried in yet) leaves the cache as it is. Returns the IINs
/// whose rows changed.
pub fn refresh(
    tx: &Transaction,
    members: &[StaffMember],
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    if members.is_empty() {
        return Ok(vec![]);
    }
    let changed = write_over(tx, members, now)?;
    if !changed.is_empty() {
        Event::system(Action::StaffRefreshed)
            .detail(changed.join(" "))
            .append(tx, now)?;
    }
    Ok(changed)
}

fn write_over(
    tx: &Transaction,
    members: &[StaffMember],
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let mut changed = vec![];
    for member in members {
        if keep_member(tx, member, now)?.1 {
            changed.push(member.iin.clone());
        }
    }
    let known: Vec<&str> = members.iter().map(|m| m.iin.as_str()).collect();
    let mut stmt = tx.prepare("SELECT id, iin FROM account WHERE active = 1")?;
    let unknown: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(i64, String)>>>()?
        .into_iter()
        .filter(|(_, iin)| !known.contains(&iin.as_str()))
        .collect();
    for (id, iin) in unknown {
        tx.execute(
            "UPDATE account SET active = 0, updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        move_epoch(tx, id, EpochReason::Deactivated)?;
        changed.push(iin);
    }
    Ok(changed)
}

/// Every account of this store as the shared store's staff would hold it: what an
/// installation carries into its center's staff when it joins.
pub fn as_staff(conn: &Connection) -> Result<Vec<StaffMember>> {
    let mut stmt = conn.prepare(
        "SELECT iin, full_name, position, phone, role, active, password_hash,
                must_choose_password
           FROM account ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(StaffMember {
            iin: r.get(0)?,
            full_name: r.get(1)?,
            position: r.get(2)?,
            phone: r.get(3)?,
            role: r.get(4)?,
            active: r.get(5)?,
            password_hash: r.get(6)?,
            must_choose: r.get(7)?,
            version: 1,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps one member's version, written by the shared store a moment ago at this counter's
/// request. Returns the account and its epoch.
pub fn keep(tx: &Transaction, member: &StaffMember, now: DateTime<Utc>) -> Result<(Account, i64)> {
    let (id, _) = keep_member(tx, member, now)?;
    let account = super::get(tx, id)?;
    Ok((account, standing(tx, id)?.epoch))
}

/// Writes `member` over its local row (or a new one); returns the row's id and whether it
/// changed. Sessions end when the password or the active flag changed; a changed role is
/// caught by every command's standing check.
fn keep_member(tx: &Transaction, member: &StaffMember, now: DateTime<Utc>) -> Result<(i64, bool)> {
    let role = if member.role == Role::Supervisor.code() {
        Role::Supervisor
    } else {
        Role::Clerk
    };
    let before = credentials_by_iin(tx, &member.iin)?;
    if let Some(before) = &before {
        let must_choose = standing(tx, before.account.id)?.must_choose_password;
        let same = before.account.full_name == member.full_name
            && before.account.position == member.position
            && before.account.phone == member.phone
            && before.account.role == role
            && before.account.active == member.active
            && before.hash == member.password_hash
            && must_choose == member.must_choose;
        if same {
            return Ok((before.account.id, false));
        }
    }
    let id: i64 = tx.query_row(
        "INSERT INTO account (iin, full_name, position, phone, role, password_hash, active,
                              must_choose_password, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
         ON CONFLICT (iin) DO UPDATE SET
             full_name = excluded.full_name, position = excluded.position,
             phone = excluded.phone, role = excluded.role,
             password_hash = excluded.password_hash, active = excluded.active,
             must_choose_password = excluded.must_choose_password,
             updated_at = excluded.updated_at
         RETURNING id",
        params![
            member.iin,
            member.full_name,
            member.position,
            member.phone,
            role.code(),
            member.password_hash,
            member.active,
            member.must_choose,
            now
        ],
        |r| r.get(0),
    )?;
    if let Some(before) = before {
        if before.hash != member.password_hash {
            move_epoch(tx, id, EpochReason::PasswordChanged)?;
            throttle::lift(tx, &member.iin)?;
        } else if before.account.active && !member.active {
            move_epoch(tx, id, EpochReason::Deactivated)?;
        }
    }
    Ok((id, true))
}
