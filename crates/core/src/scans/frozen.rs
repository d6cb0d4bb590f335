//! A certified document's pages are frozen: the copy was made from them, so a page turned,
//! moved, deleted, brought back or reassigned afterwards would make the strip say something
//! the signed copy does not. Every change to the strip passes through here first.
use crate::copy;
use crate::error::{Error, Result};
use rusqlite::Connection;

/// Refuses when `position` (a page's document, or the one pages would go to) is a document of
/// `visit_id` that has a certified copy; an unassigned page (`None`) is never frozen.
pub fn ensure_open(conn: &Connection, visit_id: i64, position: Option<u32>) -> Result<()> {
    let Some(position) = position else {
        return Ok(());
    };
    if copy::positions_of_visit(conn, visit_id)?.contains(&position) {
        return Err(Error::CertifiedPagesFrozen { position });
    }
    Ok(())
}
