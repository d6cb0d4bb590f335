//! A shared store for the tests that link counters to it: a database of its own in the test
//! run's cluster, counters of one center joined to it, and what a clerk can do to their own
//! computer's file or link.
use super::*;
use rastau_core::shared_link::{self, Link};
use rastau_shared::test_db::TestDb;
use std::path::Path;

pub const CENTER: &str = "ALM-01";

pub fn shared_db() -> TestDb {
    let db = TestDb::create();
    rastau_shared::init(&mut db.admin()).unwrap();
    db
}

/// A counter with a supervisor and a clerk, joined to the center.
pub fn joined(db: &TestDb) -> Desk {
    join(with_clerk(), db)
}

/// A second counter of the same center: a store made on its own (its first supervisor is the
/// same person), then joined.
pub fn second_counter(db: &TestDb) -> Desk {
    join(set_up(), db)
}

pub fn join(mut desk: Desk, db: &TestDb) -> Desk {
    desk.as_supervisor();
    desk.app
        .join_shared(&db.admin_url(), CENTER, SUPERVISOR_PASSWORD)
        .unwrap();
    desk.app.logout().unwrap();
    desk
}

/// What a clerk at the machine can do to the local file with any SQLite tool.
pub fn edit_file(dir: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(dir.join(rastau_core::store::DB_FILE)).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// The link pointed at a port where nothing listens, as when the server is down.
pub fn go_offline(dir: &Path) -> Link {
    let link = shared_link::read(dir).unwrap().unwrap();
    shared_link::remove(dir).unwrap();
    shared_link::write(
        dir,
        &Link {
            port: 1,
            ..link.clone()
        },
    )
    .unwrap();
    link
}

pub fn come_back(dir: &Path, link: &Link) {
    shared_link::remove(dir).unwrap();
    shared_link::write(dir, link).unwrap();
}

/// A connection as the installation's own role: everything a clerk can read on the machine,
/// the link file's login.
pub fn own_login(desk: &Desk) -> postgres::Client {
    let link = shared_link::read(desk.dir.path()).unwrap().unwrap();
    rastau_shared::connect_with(link.config()).unwrap()
}
