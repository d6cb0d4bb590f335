//! Reading and writing account rows.
use super::{password, throttle, Account, AccountChanges, ChosenBy, NewAccount, Role};
use super::{EpochReason, Standing};
use crate::error::{Error, Result};
use crate::ids::Iin;
use crate::lang::Lang;
use crate::required::require;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, Row, Transaction};

const COLUMNS: &str = "id, iin, full_name, position, phone, role, language, active";

fn from_row(r: &Row) -> rusqlite::Result<Account> {
    let role: String = r.get(5)?;
    let language: String = r.get(6)?;
    Ok(Account {
        id: r.get(0)?,
        iin: r.get(1)?,
        full_name: r.get(2)?,
        position: r.get(3)?,
        phone: r.get(4)?,
        // The table's CHECK constraints admit only these codes.
        role: Role::from_code(&role).unwrap_or(Role::Clerk),
        language: Lang::from_code(&language).unwrap_or_default(),
        active: r.get(7)?,
    })
}

/// Everything login needs to decide, kept out of [`Account`] so the hash never reaches the UI.
pub(super) struct Credentials {
    pub account: Account,
    pub hash: String,
}

pub(super) fn credentials_by_iin(conn: &Connection, iin: &str) -> Result<Option<Credentials>> {
    credentials_where(conn, "iin = ?1", iin)
}

pub(super) fn credentials_by_id(conn: &Connection, id: i64) -> Result<Option<Credentials>> {
    credentials_where(conn, "id = ?1", id)
}

fn credentials_where(
    conn: &Connection,
    condition: &str,
    key: impl rusqlite::ToSql,
) -> Result<Option<Credentials>> {
    let sql = format!("SELECT {COLUMNS}, password_hash FROM account WHERE {condition}");
    Ok(conn
        .query_row(&sql, [key], |r| {
            Ok(Credentials {
                account: from_row(r)?,
                hash: r.get(8)?,
            })
        })
        .optional()?)
}

/// What every command checks an open session against: the store, not the session's memory,
/// since another program on the store (the CLI, or a window at another counter) may have
/// changed the account since.
pub fn standing(conn: &Connection, id: i64) -> Result<Standing> {
    conn.query_row(
        "SELECT session_epoch, epoch_reason, must_choose_password, role FROM account
         WHERE id = ?1",
        [id],
        |r| {
            let reason: Option<String> = r.get(1)?;
            let role: String = r.get(3)?;
            Ok(Standing {
                epoch: r.get(0)?,
                moved_because: reason.as_deref().and_then(EpochReason::from_code),
                must_choose_password: r.get(2)?,
                role: Role::from_code(&role).unwrap_or(Role::Clerk),
            })
        },
    )
    .optional()?
    .ok_or(Error::AccountNotFound)
}

/// Ends every open session of the account at its next command.
pub(super) fn move_epoch(tx: &Transaction, id: i64, reason: EpochReason) -> Result<()> {
    tx.execute(
        "UPDATE account SET session_epoch = session_epoch + 1, epoch_reason = ?2 WHERE id = ?1",
        params![id, reason.code()],
    )?;
    Ok(())
}

/// Stores a new password: its open sessions end, and a lock on its IIN is lifted. Returns the
/// account's new epoch.
fn set_password(tx: &Transaction, id: i64, password: &str, chosen_by: ChosenBy) -> Result<i64> {
    password::check_strength(password)?;
    let changed = tx.execute(
        "UPDATE account SET password_hash = ?2, must_choose_password = ?3 WHERE id = ?1",
        params![
            id,
            password::hash(password)?,
            chosen_by == ChosenBy::Supervisor
        ],
    )?;
    if changed == 0 {
        return Err(Error::AccountNotFound);
    }
    move_epoch(tx, id, EpochReason::PasswordChanged)?;
    throttle::lift(tx, &get(tx, id)?.iin)?;
    Ok(standing(tx, id)?.epoch)
}

/// The owner's own choice of password, which must not be the one they have (set by a
/// supervisor, when they are made to choose). Returns the account's new epoch.
pub fn choose_password(tx: &Transaction, id: i64, new_password: &str) -> Result<i64> {
    refuse_unchanged(tx, id, new_password)?;
    set_password(tx, id, new_password, ChosenBy::Owner)
}

/// Refuses as someone's own choice the password they have now.
pub fn refuse_unchanged(conn: &Connection, id: i64, new_password: &str) -> Result<()> {
    let current = credentials_by_id(conn, id)?.ok_or(Error::AccountNotFound)?;
    if password::matches(new_password, &current.hash)? {
        return Err(Error::PasswordUnchanged);
    }
    Ok(())
}

/// A new password's hash, once its strength is checked: what a linked counter sends the
/// shared store beside the password itself.
pub fn hash_for(new_password: &str) -> Result<String> {
    password::check_strength(new_password)?;
    password::hash(new_password)
}

/// All accounts, supervisors first, then by name.
pub fn list(conn: &Connection) -> Result<Vec<Account>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM account ORDER BY role = 'clerk', full_name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Account> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM account WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::AccountNotFound)
}

/// The account of the person with this IIN, if there is one.
pub fn by_iin(conn: &Connection, iin: &str) -> Result<Option<Account>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM account WHERE iin = ?1"),
            [iin],
            from_row,
        )
        .optional()?)
}

/// Checks a new account as typed: the IIN (a person's, valid check digit), the required
/// fields and the password. Returns the IIN.
pub fn check_new(new: &NewAccount, now: DateTime<Utc>) -> Result<Iin> {
    let iin = Iin::parse_on(&new.iin, crate::dates::local_day(now))?;
    require("fullName", &new.full_name)?;
    require("position", &new.position)?;
    password::check_strength(&new.password)?;
    Ok(iin)
}

/// Creates an account after checking the IIN (a person's, valid check digit), the required
/// fields and the password.
pub fn insert(
    tx: &Transaction,
    new: &NewAccount,
    role: Role,
    chosen_by: ChosenBy,
    now: DateTime<Utc>,
) -> Result<Account> {
    let iin = check_new(new, now)?;
    let hash = password::hash(&new.password)?;
    let inserted = tx.execute(
        "INSERT INTO account (iin, full_name, position, phone, role, password_hash,
                              must_choose_password, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            iin.number,
            new.full_name.trim(),
            new.position.trim(),
            new.phone.trim(),
            role.code(),
            hash,
            chosen_by == ChosenBy::Supervisor,
            now
        ],
    );
    match inserted {
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::ConstraintViolation => {
            return Err(Error::IinTaken);
        }
        other => other?,
    };
    get(tx, tx.last_insert_rowid())
}

/// Checks an edit as typed: the required fields.
pub fn check_changes(changes: &AccountChanges) -> Result<()> {
    require("fullName", &changes.full_name)?;
    require("position", &changes.position)
}

/// Edits an account; a new password in `changes` is chosen by `chosen_by`.
pub fn update(
    tx: &Transaction,
    changes: &AccountChanges,
    chosen_by: ChosenBy,
    now: DateTime<Utc>,
) -> Result<Account> {
    check_changes(changes)?;
    let changed = tx.execute(
        "UPDATE account SET full_name = ?2, position = ?3, phone = ?4, updated_at = ?5
         WHERE id = ?1",
        params![
            changes.id,
            changes.full_name.trim(),
            changes.position.trim(),
            changes.phone.trim(),
            now
        ],
    )?;
    if changed == 0 {
        return Err(Error::AccountNotFound);
    }
    if let Some(new_password) = changes.new_password.as_deref().filter(|p| !p.is_empty()) {
        set_password(tx, changes.id, new_password, chosen_by)?;
    }
    get(tx, changes.id)
}

pub fn set_active(tx: &Transaction, id: i64, active: bool, now: DateTime<Utc>) -> Result<Account> {
    let changed = tx.execute(
        "UPDATE account SET active = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, active, now],
    )?;
    if changed == 0 {
        return Err(Error::AccountNotFound);
    }
    if !active {
        move_epoch(tx, id, EpochReason::Deactivated)?;
    }
    get(tx, id)
}

pub fn set_language(tx: &Transaction, id: i64, lang: Lang) -> Result<()> {
    tx.execute(
        "UPDATE account SET language = ?2 WHERE id = ?1",
        params![id, lang.code()],
    )?;
    Ok(())
}
