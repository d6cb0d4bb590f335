//! A center's staff as the shared store keeps it: the authority over who signs in, and as
//! what. Counters read the current versions into their cache; every change goes through the
//! store's functions, which check the acting person's password on the server (migration 0002),
//! since the installation's own role proves nothing about who sits at it.

use crate::SharedError;
use postgres::{Client, GenericClient, Row};

/// One person's latest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub iin: String,
    pub full_name: String,
    pub position: String,
    pub phone: String,
    /// `clerk` or `supervisor`.
    pub role: String,
    pub active: bool,
    /// Argon2id in PHC format, for signing in while offline.
    pub password_hash: String,
    /// A supervisor set the password: its owner chooses their own at the next sign-in.
    pub must_choose: bool,
    pub version: i32,
}

/// A new password as both checks need it: the words for the server's verifier, the Argon2
/// hash (made by the counter) for the counters' cache.
#[derive(Clone, Copy)]
pub struct NewPassword<'a> {
    pub password: &'a str,
    pub hash: &'a str,
}

/// What a supervisor writes for a member of staff; `password` None keeps theirs.
pub struct StaffChange<'a> {
    pub iin: &'a str,
    pub full_name: &'a str,
    pub position: &'a str,
    pub phone: &'a str,
    pub role: &'a str,
    pub active: bool,
    pub password: Option<NewPassword<'a>>,
}

const COLUMNS: &str =
    "iin, full_name, position, phone, role, active, password_hash, must_choose, version";

fn from_row(r: &Row) -> StaffMember {
    StaffMember {
        iin: r.get(0),
        full_name: r.get(1),
        position: r.get(2),
        phone: r.get(3),
        role: r.get(4),
        active: r.get(5),
        password_hash: r.get(6),
        must_choose: r.get(7),
        version: r.get(8),
    }
}

/// The current staff of `center` (an installation's policies show it no other).
pub fn current(
    client: &mut impl GenericClient,
    center: &str,
) -> Result<Vec<StaffMember>, SharedError> {
    let rows = client.query(
        &format!("SELECT {COLUMNS} FROM current_staff WHERE center_code = $1 ORDER BY iin"),
        &[&center],
    )?;
    Ok(rows.iter().map(from_row).collect())
}

/// A token for the changes this person makes while signed in, when the server knows the
/// password to be theirs; None otherwise (a wrong password, or an account carried in at
/// joining whose password the server has never been told).
pub fn sign_in(
    client: &mut Client,
    iin: &str,
    password: &str,
) -> Result<Option<String>, SharedError> {
    let row = client.query_one("SELECT staff_sign_in($1, $2)", &[&iin, &password])?;
    Ok(row.get(0))
}

/// A supervisor's change of a member of their center's staff; the version written.
pub fn change(
    client: &mut Client,
    token: &str,
    change: &StaffChange,
) -> Result<StaffMember, SharedError> {
    let (password, hash) = split(change.password);
    let row = client.query_one(
        &format!("SELECT {COLUMNS} FROM staff_change($1, $2, $3, $4, $5, $6, $7, $8, $9)"),
        &[
            &token,
            &change.iin,
            &change.full_name,
            &change.position,
            &change.phone,
            &change.role,
            &change.active,
            &hash,
            &password,
        ],
    )?;
    Ok(from_row(&row))
}

/// The signed-in person's own choice of password, given the one they have.
pub fn choose_password(
    client: &mut Client,
    token: &str,
    current: &str,
    new: NewPassword,
) -> Result<StaffMember, SharedError> {
    let row = client.query_one(
        &format!("SELECT {COLUMNS} FROM staff_choose_password($1, $2, $3, $4)"),
        &[&token, &current, &new.hash, &new.password],
    )?;
    Ok(from_row(&row))
}

/// Carries an installation's own accounts into its center's staff when it joins, as the
/// administrator: those the center does not know yet, as they are. Only the person joining
/// gives a password here, so only theirs can authorise changes at once; the others' are told
/// to the server when a supervisor sets them. Returns how many were carried.
pub fn carry_in(
    admin: &mut Client,
    center: &str,
    installation: &str,
    members: &[StaffMember],
    joining: (&str, &str),
) -> Result<usize, SharedError> {
    let mut tx = admin.transaction()?;
    let mut carried = 0;
    for m in members {
        let inserted = tx.execute(
            "INSERT INTO staff (center_code, iin, version, full_name, position, phone, role,
                                active, password_hash, must_choose, installation_code)
             VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT DO NOTHING",
            &[
                &center,
                &m.iin,
                &m.full_name,
                &m.position,
                &m.phone,
                &m.role,
                &m.active,
                &m.password_hash,
                &m.must_choose,
                &installation,
            ],
        )?;
        carried += inserted as usize;
        let (iin, password) = joining;
        if inserted == 1 && m.iin == iin {
            tx.execute(
                "INSERT INTO staff_verifier VALUES ($1, $2, 1, staff_verifier_of($3))",
                &[&center, &m.iin, &password],
            )?;
        }
    }
    tx.commit()?;
    Ok(carried)
}

fn split(password: Option<NewPassword<'_>>) -> (Option<&str>, Option<&str>) {
    match password {
        Some(p) => (Some(p.password), Some(p.hash)),
        None => (None, None),
    }
}
