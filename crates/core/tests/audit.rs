//! The audit trail: every change leaves an entry with who, when, what and which record; the
//! hash chain shows a changed, removed or inserted entry; only supervisors read it.
mod common;

use common::journal::a_day;
use common::*;
use rastau_core::audit::{self, Action, AuditFilter, Fault};
use rastau_core::Error;
use rusqlite::Connection;

/// Every entry's action, oldest first, read page by page as a supervisor.
fn actions(desk: &mut Desk) -> Vec<String> {
    desk.as_supervisor();
    let mut all = vec![];
    loop {
        let page = desk
            .app
            .audit(&AuditFilter {
                offset: all.len() as i64,
                ..AuditFilter::default()
            })
            .unwrap();
        all.extend(page.entries.into_iter().map(|e| e.action));
        if all.len() as i64 >= page.total {
            return all.into_iter().rev().collect();
        }
    }
}

/// The store's file opened beside the app, as someone with the files would.
fn raw(desk: &Desk) -> Connection {
    let conn = Connection::open(desk.dir.path().join(rastau_core::store::DB_FILE)).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_entry_never_changes; DROP TRIGGER audit_entry_never_removed;",
    )
    .unwrap();
    conn
}

fn fault(desk: &Desk) -> Option<Fault> {
    audit::chain::verify(desk.app.store().read()).unwrap().fault
}

#[test]
fn a_day_at_the_counter_is_told_entry_by_entry() {
    let (mut day, _) = a_day();
    let trail = actions(&mut day.desk);
    for wanted in [
        Action::FirstStart,
        Action::Login,
        Action::AccountCreated,
        Action::Logout,
        Action::VisitOpened,
        Action::DocumentsListed,
        Action::ConsentConfirmed,
        Action::SigningKeyOpened,
        Action::SealKeyMade,
        Action::Certified,
        Action::Refused,
        Action::NoticeIssued,
        Action::VisitClosed,
    ] {
        assert!(
            trail.iter().any(|a| a == wanted.code()),
            "{} missing from {trail:?}",
            wanted.code()
        );
    }
    let report = day.desk.app.verify_audit().unwrap();
    assert_eq!(report.fault, None);
    assert_eq!(report.entries as usize, trail.len());
}

#[test]
fn an_entry_names_who_when_what_and_which_record() {
    let mut counter = consented_visit(&[birth_certificate()]);
    let copy = counter.certify_all(1).remove(0);
    let at = counter.desk.clock_now();
    counter.desk.as_supervisor();
    let page = audit_of(&mut counter.desk.app, Action::Certified);
    assert_eq!(page.total, 1);
    let entry = &page.entries[0];
    assert_eq!(entry.actor_iin.as_deref(), Some(clerk_iin().as_str()));
    assert_eq!(entry.actor_name.as_deref(), Some("Ғабитов Ұлан"));
    assert_eq!(entry.at, at);
    assert_eq!(entry.record_kind.as_deref(), Some("copy"));
    assert_eq!(entry.record_id, Some(copy.id));
    assert_eq!(entry.journal_number, Some(copy.journal_number.clone()));
    assert_eq!(entry.detail, format!("{} #1", copy.journal_number));
}

#[test]
fn a_wrong_password_is_an_entry_too_and_is_kept() {
    let mut desk = with_clerk();
    assert!(desk.app.login(&clerk_iin(), "wrong-password").is_err());
    desk.as_supervisor();
    let page = audit_of(&mut desk.app, Action::LoginFailed);
    assert_eq!(page.total, 1);
    assert_eq!(page.entries[0].actor_iin, Some(clerk_iin()));
    assert_eq!(page.entries[0].detail, "wrong-credentials");
}

#[test]
fn the_search_finds_names_in_any_letter_case_and_pages_turn() {
    let mut desk = with_clerk();
    for _ in 0..120 {
        desk.as_clerk();
    }
    desk.as_supervisor();
    let found = desk
        .app
        .audit(&AuditFilter {
            action: Some(Action::Login),
            search: Some("ғабитов".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(
        found.total, 121,
        "120 logins and the first, to choose a password"
    );
    assert_eq!(found.entries.len() as i64, audit::PAGE);
    let next = desk
        .app
        .audit(&AuditFilter {
            action: Some(Action::Login),
            search: Some("ҒАБИТОВ".into()),
            offset: audit::PAGE,
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(next.entries.len(), 21);
    assert!(next.entries[0].seq < found.entries.last().unwrap().seq);
}

#[test]
fn only_supervisors_read_or_verify_the_trail() {
    let mut desk = with_clerk();
    desk.as_clerk();
    assert!(matches!(
        desk.app.audit(&AuditFilter::default()),
        Err(Error::SupervisorOnly)
    ));
    assert!(matches!(
        desk.app.verify_audit(),
        Err(Error::SupervisorOnly)
    ));
}

#[test]
fn the_store_itself_refuses_to_change_or_remove_an_entry() {
    let desk = with_clerk();
    let conn = Connection::open(desk.dir.path().join(rastau_core::store::DB_FILE)).unwrap();
    let changed = conn.execute("UPDATE audit_entry SET detail = 'x' WHERE seq = 1", []);
    assert!(changed.unwrap_err().to_string().contains("never changed"));
    let removed = conn.execute("DELETE FROM audit_entry WHERE seq = 1", []);
    assert!(removed.unwrap_err().to_string().contains("never removed"));
}

#[test]
fn a_changed_entry_is_named() {
    let desk = with_clerk();
    raw(&desk)
        .execute(
            "UPDATE audit_entry SET actor_name = 'Someone else' WHERE seq = 2",
            [],
        )
        .unwrap();
    assert_eq!(fault(&desk), Some(Fault::Changed { seq: 2 }));
}

#[test]
fn a_changed_entry_with_its_hash_made_anew_is_named() {
    let desk = with_clerk();
    let conn = raw(&desk);
    let sql = format!(
        "SELECT prev_hash, {} FROM audit_entry WHERE seq = 2",
        audit::chain::Fields::COLUMNS
    );
    let (prev, mut fields): (String, audit::chain::Fields) = conn
        .query_row(&sql, [], |r| {
            Ok((r.get(0)?, audit::chain::Fields::read(r, 1)?))
        })
        .unwrap();
    fields.detail = "forged".into();
    conn.execute(
        "UPDATE audit_entry SET detail = 'forged', hash = ?1 WHERE seq = 2",
        [fields.hash(&prev)],
    )
    .unwrap();
    assert_eq!(fault(&desk), Some(Fault::Changed { seq: 2 }));
}

#[test]
fn a_removed_entry_is_named_by_its_neighbours() {
    let desk = with_clerk();
    raw(&desk)
        .execute("DELETE FROM audit_entry WHERE seq = 3", [])
        .unwrap();
    assert_eq!(
        fault(&desk),
        Some(Fault::Removed {
            after: Some(2),
            before: 4
        })
    );
}

#[test]
fn removing_the_first_entries_shows() {
    let desk = with_clerk();
    raw(&desk)
        .execute("DELETE FROM audit_entry WHERE seq = 1", [])
        .unwrap();
    assert_eq!(
        fault(&desk),
        Some(Fault::Removed {
            after: None,
            before: 2
        })
    );
}

#[test]
fn an_inserted_entry_is_named_even_when_linked_right() {
    let desk = with_clerk();
    let conn = raw(&desk);
    // Room for an entry between 2 and 3, then one made as the app would, linked to entry 2.
    conn.execute_batch("UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 3;")
        .unwrap();
    let prev: String = conn
        .query_row("SELECT hash FROM audit_entry WHERE seq = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    let fields = audit::chain::Fields {
        at: "2026-11-23T09:00:00.000000Z".into(),
        actor_iin: Some(clerk_iin()),
        actor_name: Some("Ғабитов Ұлан".into()),
        action: "login".into(),
        record_kind: None,
        record_id: None,
        detail: String::new(),
    };
    conn.execute(
        "INSERT INTO audit_entry (seq, at, actor_iin, actor_name, action, detail, prev_hash, hash)
         VALUES (50, ?1, ?2, ?3, 'login', '', ?4, ?5)",
        rusqlite::params![
            fields.at,
            fields.actor_iin,
            fields.actor_name,
            prev,
            fields.hash(&prev)
        ],
    )
    .unwrap();
    assert_eq!(fault(&desk), Some(Fault::Inserted { seq: 50 }));
}

#[test]
fn an_untouched_trail_verifies_after_a_restart() {
    let desk = with_clerk();
    let mut desk = desk.restart();
    desk.as_supervisor();
    let report = desk.app.verify_audit().unwrap();
    assert_eq!(report.fault, None);
    let head: String = desk
        .app
        .store()
        .read()
        .query_row("SELECT hash FROM audit_entry ORDER BY seq DESC", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(report.head, head);
}
