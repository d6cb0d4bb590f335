//! `rastau shared retention <admin-url>` on the test cluster: the due copy's files lose their
//! bytes and the counts are told in kk and ru; a second run removes nothing; an installation's
//! own login is refused in words.
mod linked;

use linked::{admin, stdout};
use rastau_shared::test_db::World;

#[test]
fn retention_removes_what_is_due_then_nothing() {
    let mut w = World::new();
    let (due_pdf, due_p7s) = (w.file(b"%PDF due"), w.file(b"signature"));
    let (kept_pdf, kept_p7s) = (w.file(b"%PDF kept"), w.file(b"kept signature"));
    w.visit(1);
    w.copy(1, &due_pdf, &due_p7s, "2026-05-23 19:00:00+00:00");
    w.visit(2);
    w.copy(2, &kept_pdf, &kept_p7s, "2099-05-23 19:00:00+00:00");
    let url = w.db.admin_url();

    let first = stdout(&admin("ru", &["shared", "retention", &url]));
    assert!(
        first.contains("копий отмечено удалёнными — 1, файлов стёрто — 2 (17 байт"),
        "{first}"
    );
    let gone: Vec<(String, bool)> = w
        .owner
        .query(
            "SELECT sha256, bytes IS NULL AND removed_on IS NOT NULL FROM file ORDER BY size",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    for (sha, removed) in gone {
        assert_eq!(removed, sha == due_pdf || sha == due_p7s, "{sha}");
    }

    let second = stdout(&admin("kk", &["shared", "retention", &url]));
    assert!(
        second.contains("0 көшірме жойылды деп белгіленді, 0 файл өшірілді (0 байт"),
        "{second}"
    );
}

#[test]
fn an_installations_login_cannot_run_retention() {
    let w = World::new();
    let config = w.db.admin_config();
    let url = format!(
        "postgres://{}:{}@127.0.0.1:{}/{}",
        w.credentials.role,
        w.credentials.password,
        config.get_ports()[0],
        w.db.name
    );
    let output = admin("ru", &["shared", "retention", &url]);
    assert!(!output.status.success());
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("не разрешило"), "{said}");
}
