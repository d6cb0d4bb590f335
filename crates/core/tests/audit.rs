//! The audit trail: every change leaves an entry with who, when, what and which record; the
//! hash chain shows a changed, removed or inserted entry; only supervisors read it.
mod common;

use common::journal::{a_day, second_clerk_iin};
use common::*;
use rastau_core::audit::{self, Action, AuditFilter, Fault};
use rastau_core::i18n::Messages;
use rastau_core::journal::JournalFilter;
use rastau_core::{Error, Lang};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};
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

/// The Russian words of the detail of the newest entry of `action`.
fn shown(app: &mut rastau_core::Rastau, action: Action) -> String {
    let page = audit_of(app, action);
    let entry = page.entries.first().expect("an entry of the action");
    let args = entry
        .shown
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()));
    Messages::new(Lang::Ru).text(&entry.shown.message, args)
}

#[test]
fn details_name_documents_numbers_files_and_days_as_people_know_them() {
    let (mut day, today) = a_day();
    let dd_mm_yyyy = today.format("%d.%m.%Y").to_string();
    let iso = today.to_string();
    day.desk.as_supervisor();
    let journal = day.desk.app.journal(&JournalFilter::day(today)).unwrap();
    // The second visit: document 1 certified, document 2 refused on ground 3.
    let second = &journal.rows[1];
    let app = &mut day.desk.app;
    let key = day.pki.clerk(&supervisor_iin(), ClerkOptions::default());
    app.open_signing_key(&key, PASSWORD).unwrap();
    app.set_printer("PDF").unwrap();
    app.print_receipt(second.visit_id, Lang::Kk)
        .expect("CUPS runs: scripts/cups.sh");
    let receipt = shown(app, Action::Printed);
    assert_eq!(
        receipt,
        format!("Расписка {}, на казахском — принтер PDF", second.number)
    );
    app.print_journal(&JournalFilter::day(today), Lang::Ru)
        .unwrap();
    assert_eq!(
        shown(app, Action::Printed),
        format!("Журнал {dd_mm_yyyy}, на русском — принтер PDF")
    );
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("journal.csv");
    app.export_journal_csv(&JournalFilter::day(today), &csv)
        .unwrap();
    assert_eq!(
        shown(app, Action::JournalExported),
        format!("журнал за {dd_mm_yyyy} → {}", csv.display())
    );
    app.sign_off_day(today, Lang::Ru, None).unwrap();
    assert_eq!(
        shown(app, Action::DaySignedOff),
        format!("журнал за {dd_mm_yyyy}")
    );
    app.correct_day(
        today,
        Some(second.visit_id),
        "Обращение 2026/000002: время неверно.",
    )
    .unwrap();
    assert_eq!(
        shown(app, Action::DayCorrected),
        format!("журнал за {dd_mm_yyyy}")
    );

    assert_eq!(
        shown(app, Action::Refused),
        "№ 1 «Диплом»",
        "the next day's ground-1 refusal"
    );
    let refusals = audit_of(app, Action::Refused);
    let of_second = refusals
        .entries
        .iter()
        .find(|e| e.journal_number.as_deref() == Some(second.number.as_str()))
        .unwrap();
    assert_eq!(of_second.detail, "2", "stored as the chain covers it");
    let args = of_second
        .shown
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()));
    assert_eq!(
        Messages::new(Lang::Kk).text(&of_second.shown.message, args),
        "№ 2 «Диплом»"
    );
    assert_eq!(shown(app, Action::Certified), "№ 1 «Туу туралы куәлік»");
    // The newest notice is of the next day's visit, signed by the second clerk.
    let next_day = app
        .journal(&JournalFilter::day(today.succ_opt().unwrap()))
        .unwrap();
    let notice = shown(app, Action::NoticeIssued);
    assert!(
        notice.starts_with(&format!("{}-N1, подписал(а) ", next_day.rows[0].number)),
        "{notice}"
    );
    assert!(
        notice.ends_with(&format!(" (ИИН {})", second_clerk_iin())),
        "{notice}"
    );
    let consent = shown(app, Action::ConsentConfirmed);
    assert!(
        consent.starts_with("согласие подписал(а) лично заявитель "),
        "{consent}"
    );
    assert!(!consent.contains("registered by"), "{consent}");

    // Nothing the supervisor reads is a row id or an ISO day.
    let page = app.audit(&AuditFilter::default()).unwrap();
    for entry in &page.entries {
        let args = entry
            .shown
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()));
        let text = Messages::new(Lang::Ru).text(&entry.shown.message, args);
        assert!(!text.contains(&iso), "{}: {text}", entry.action);
        assert!(!text.contains("PDF#"), "{}: {text}", entry.action);
    }
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
