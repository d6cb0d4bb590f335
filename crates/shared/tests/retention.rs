//! Retention in the shared store, on the test cluster: a copy whose `keep_until` has passed
//! loses its files' bytes and is marked removed, records kept; a copy still kept, a notice's
//! files and a file another kept copy shares are untouched; a second run changes nothing; an
//! installation's own role cannot do the same.
use postgres::Client;
use rastau_shared::test_db::World;
use rastau_shared::{run_retention, RetentionReport, SharedError};

const PAST: &str = "2026-05-23 19:00:00+00:00";
const FUTURE: &str = "2099-05-23 19:00:00+00:00";

/// A copy's removal mark.
fn copy_removed(owner: &mut Client, id: i64) -> Option<String> {
    owner
        .query_one(
            "SELECT removed_on FROM certified_copy WHERE id = $1",
            &[&id],
        )
        .unwrap()
        .get(0)
}

/// A file's row: its bytes (if still there), its size and its removal mark.
fn file(owner: &mut Client, sha256: &str) -> (Option<Vec<u8>>, i64, Option<String>) {
    let row = owner
        .query_one(
            "SELECT bytes, size, removed_on FROM file WHERE sha256 = $1",
            &[&sha256],
        )
        .unwrap();
    (row.get(0), row.get(1), row.get(2))
}

fn admin_retention(w: &World) -> RetentionReport {
    // The job connects as the administrator, as the command does, not as the owner.
    run_retention(&mut w.db.admin()).unwrap()
}

#[test]
fn a_due_copy_loses_its_bytes_and_keeps_its_record() {
    let mut w = World::new();
    let (due_pdf, due_p7s) = (w.file(b"%PDF due copy"), w.file(b"due signature"));
    let (kept_pdf, kept_p7s) = (w.file(b"%PDF kept copy"), w.file(b"kept signature"));
    w.visit(1);
    w.copy(1, &due_pdf, &due_p7s, PAST);
    w.visit(2);
    w.copy(2, &kept_pdf, &kept_p7s, FUTURE);

    let report = admin_retention(&w);
    let freed = (b"%PDF due copy".len() + b"due signature".len()) as u64;
    assert_eq!(
        report,
        RetentionReport {
            copies: 1,
            files: 2,
            bytes: freed
        }
    );

    let o = &mut w.owner;
    let removed_on = copy_removed(o, 1).expect("the due copy is marked");
    assert!(
        removed_on.ends_with("+00:00") && removed_on.len() == 25,
        "{removed_on}"
    );
    for sha in [&due_pdf, &due_p7s] {
        let (bytes, size, removed) = file(o, sha);
        assert_eq!(bytes, None, "the bytes are gone");
        assert!(size > 0, "the record keeps its size");
        assert_eq!(removed.as_deref(), Some(removed_on.as_str()));
    }
    assert_eq!(copy_removed(o, 2), None);
    let (bytes, _, removed) = file(o, &kept_pdf);
    assert_eq!(bytes.as_deref(), Some(&b"%PDF kept copy"[..]));
    assert_eq!(removed, None);
    assert_eq!(
        file(o, &kept_p7s).0.as_deref(),
        Some(&b"kept signature"[..])
    );
    let records: i64 = o
        .query_one("SELECT count(*) FROM certified_copy", &[])
        .unwrap()
        .get(0);
    assert_eq!(records, 2, "no record is deleted");

    let again = admin_retention(&w);
    assert!(again.changed_nothing(), "{again:?}");
    assert_eq!(
        copy_removed(&mut w.owner, 1),
        Some(removed_on),
        "the mark stays"
    );
}

#[test]
fn a_file_a_kept_record_names_stays() {
    let mut w = World::new();
    // Two copies share a signature file; one of them is due.
    let shared = w.file(b"one signature for two copies");
    let (due_pdf, kept_pdf) = (w.file(b"%PDF due"), w.file(b"%PDF kept"));
    w.visit(1);
    w.copy(1, &due_pdf, &shared, PAST);
    w.visit(2);
    w.copy(2, &kept_pdf, &shared, FUTURE);
    // A notice of refusal names the same PDF as a due copy: notices are not copies.
    let notice_pdf = w.file(b"%PDF notice");
    let notice_p7s = w.file(b"notice signature");
    w.visit(3);
    w.notice(3, &notice_pdf, &notice_p7s);
    let alone = w.file(b"due alone");
    w.visit(4);
    w.copy(4, &notice_pdf, &alone, PAST);

    let report = admin_retention(&w);
    assert_eq!(report.copies, 2);
    assert_eq!(report.files, 2, "{report:?}");
    let o = &mut w.owner;
    assert_eq!(file(o, &due_pdf).0, None);
    for (sha, bytes) in [
        (&shared, &b"one signature for two copies"[..]),
        (&kept_pdf, b"%PDF kept"),
        (&notice_pdf, b"%PDF notice"),
        (&notice_p7s, b"notice signature"),
    ] {
        let (kept, _, removed) = file(o, sha);
        assert_eq!(kept.as_deref(), Some(bytes));
        assert_eq!(removed, None);
    }

    // Once the other copy is due too, the shared file goes.
    o.execute(
        "UPDATE certified_copy SET keep_until = $1 WHERE id = 2",
        &[&PAST],
    )
    .unwrap();
    let report = admin_retention(&w);
    assert_eq!((report.copies, report.files), (1, 2), "{report:?}");
    assert_eq!(file(&mut w.owner, &shared).0, None);
    assert_eq!(
        file(&mut w.owner, &notice_pdf).0.as_deref(),
        Some(&b"%PDF notice"[..])
    );
}

/// `keep_until` is compared as a moment by the database's clock, not as text: a minute ago
/// written in UTC+5 (text later than now in UTC) is due, an hour ahead is not.
#[test]
fn keep_until_is_a_moment_by_the_databases_clock() {
    let mut w = World::new();
    let soon: String = w
        .owner
        .query_one(
            "SELECT to_char((now() + interval '1 hour') AT TIME ZONE 'UTC',
                            'YYYY-MM-DD HH24:MI:SS') || '+00:00'",
            &[],
        )
        .unwrap()
        .get(0);
    let just_past: String = w
        .owner
        .query_one(
            "SELECT to_char((now() - interval '1 minute' + interval '5 hours')
                            AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+05:00'",
            &[],
        )
        .unwrap()
        .get(0);
    let (a, b) = (w.file(b"a"), w.file(b"b"));
    let (c, d) = (w.file(b"c"), w.file(b"d"));
    w.visit(1);
    w.copy(1, &a, &b, &soon);
    w.visit(2);
    w.copy(2, &c, &d, &just_past);
    let report = admin_retention(&w);
    assert_eq!((report.copies, report.files, report.bytes), (1, 2, 2));
    assert_eq!(copy_removed(&mut w.owner, 1), None);
    assert!(copy_removed(&mut w.owner, 2).is_some());
}

#[test]
fn an_installation_cannot_do_what_retention_does() {
    let mut w = World::new();
    let (pdf, p7s) = (w.file(b"%PDF due"), w.file(b"sig"));
    w.visit(1);
    w.copy(1, &pdf, &p7s, PAST);
    let mut installation = w.installation_client();
    for statement in [
        "UPDATE certified_copy SET removed_on = '2026-12-01 00:00:00+00:00'",
        "UPDATE file SET bytes = NULL, removed_on = '2026-12-01 00:00:00+00:00'",
        "DELETE FROM file",
    ] {
        let error = SharedError::from(installation.execute(statement, &[]).unwrap_err());
        assert!(
            matches!(error, SharedError::NotPermitted { .. }),
            "{statement}: {error:?}"
        );
    }
    // Nor through the job itself: its role may not act as the owner.
    let error = run_retention(&mut installation).unwrap_err();
    assert!(
        matches!(error, SharedError::NotPermitted { .. }),
        "{error:?}"
    );
    assert_eq!(copy_removed(&mut w.owner, 1), None);
    assert_eq!(
        file(&mut w.owner, &pdf).0.as_deref(),
        Some(&b"%PDF due"[..])
    );
}
