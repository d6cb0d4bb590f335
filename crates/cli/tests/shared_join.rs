//! `rastau shared join|status|leave` on the test cluster, with a demo store: the installation's
//! own role made and its login kept owner-only, without the administrator's password; that
//! role writing its own center's rows; a second join and a clerk's refused; the server's answer
//! as the status tells it; the link removed on leaving, the role left in place.
mod linked;

use linked::*;
use rastau_core::shared_link::{self, Link};
use rastau_shared::test_db::TestDb;
use std::os::unix::fs::PermissionsExt;

fn role_exists(db: &TestDb, role: &str) -> bool {
    db.admin()
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&role],
        )
        .unwrap()
        .get(0)
}

#[test]
fn join_makes_a_role_whose_login_is_kept_owner_only_without_the_admins_password() {
    let (db, dir) = setup();
    let said = stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    assert!(
        said.contains(&format!("подключена к центру {CENTER}")),
        "{said}"
    );
    assert!(said.contains("Сервер доступен"), "{said}");

    let file = shared_link::path(dir.path());
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    let admin = db.admin_config();
    let admin_password = String::from_utf8(admin.get_password().unwrap().to_vec()).unwrap();
    let kept = std::fs::read_to_string(&file).unwrap();
    assert!(!kept.contains(&admin_password), "{kept}");
    let admin_user = format!("\"{}\"", admin.get_user().unwrap());
    assert!(!kept.contains(&admin_user), "{kept}");

    let link = link(dir.path());
    assert_eq!(link.center, CENTER);
    assert!(role_exists(&db, &link.role));
    let mut own = rastau_shared::connect_with(link.config()).expect("the role logs in");
    own.execute(
        "INSERT INTO applicant (center_code, installation_code, id, tax_id, kind, updated_at)
         VALUES ($1, $2, 1, '850315400124', 'iin', '2026-01-05T09:00:00Z')",
        &[&CENTER, &link.installation],
    )
    .expect("its own center's row");

    let store = rastau_core::store::Store::open(dir.path()).unwrap();
    let detail: String = store
        .read()
        .query_row(
            "SELECT detail FROM audit_entry WHERE action = 'shared-joined'",
            (),
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(detail, format!("{CENTER} {}", link.installation));
}

#[test]
fn joining_twice_is_refused_naming_the_center() {
    let (db, dir) = setup();
    stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    let first = link(dir.path());
    let ru = stderr(&join(&db, dir.path(), "ru", SUPERVISOR));
    assert!(
        ru.contains(&format!("уже подключена к центру «{CENTER}»")),
        "{ru}"
    );
    let kk = stderr(&join(&db, dir.path(), "kk", SUPERVISOR));
    assert!(
        kk.contains(&format!("«{CENTER}» орталығына қосылған")),
        "{kk}"
    );
    assert_eq!(link(dir.path()), first, "the first link stands");
    let installations: i64 = db
        .admin()
        .query_one("SELECT count(*) FROM installation", &[])
        .unwrap()
        .get(0);
    assert_eq!(installations, 1, "no second role was made");
}

#[test]
fn a_clerk_may_not_join() {
    let (db, dir) = setup();
    let said = stderr(&join(&db, dir.path(), "ru", CLERK));
    assert!(said.contains("только руководителю"), "{said}");
    assert!(shared_link::read(dir.path()).unwrap().is_none());
}

#[test]
fn status_tells_whether_the_server_answers_the_installations_own_role() {
    let (db, dir) = setup();
    let said = stdout(&rastau(dir.path(), "kk", &["shared", "status"]));
    assert!(said.contains("қосылмаған"), "{said}");
    stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    let linked = link(dir.path());
    let said = stdout(&rastau(dir.path(), "kk", &["shared", "status"]));
    assert!(said.contains("Сервер қолжетімді"), "{said}");
    assert!(said.contains(&format!(":{}", linked.port)), "{said}");

    db.admin()
        .batch_execute(&format!("ALTER ROLE {} PASSWORD 'revoked'", linked.role))
        .unwrap();
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(said.contains("не принимает учётные данные"), "{said}");

    // Port 1: nothing listens there.
    shared_link::remove(dir.path()).unwrap();
    let elsewhere = Link {
        port: 1,
        ..linked.clone()
    };
    shared_link::write(dir.path(), &elsewhere).unwrap();
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(said.contains("Сервер сейчас недоступен"), "{said}");
    assert!(said.contains("не отвечает"), "{said}");
}

#[test]
fn status_tells_a_dropped_database_as_unreachable() {
    let (db, dir) = setup();
    stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    let name = db.name.clone();
    drop(db);
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(said.contains("Сервер сейчас недоступен"), "{said}");
    assert!(said.contains(&name), "{said}");
}

#[test]
fn leave_removes_the_link_and_leaves_the_role() {
    let (db, dir) = setup();
    stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    let linked = link(dir.path());
    let said = stdout(&rastau(
        dir.path(),
        "ru",
        &["shared", "leave", "--iin", SUPERVISOR],
    ));
    assert!(
        said.contains(&format!("Роль PostgreSQL {}", linked.role)),
        "{said}"
    );
    assert!(!shared_link::path(dir.path()).exists());
    assert!(role_exists(&db, &linked.role));
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(said.contains("не подключена"), "{said}");
    let again = stderr(&rastau(
        dir.path(),
        "kk",
        &["shared", "leave", "--iin", SUPERVISOR],
    ));
    assert!(again.contains("қосылмаған"), "{again}");

    // Joining again keeps the installation's code, and so its history, with a new password.
    stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    let rejoined = link(dir.path());
    assert_eq!(rejoined.installation, linked.installation);
    assert_eq!(rejoined.role, linked.role);
    assert_ne!(rejoined.password, linked.password);
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(said.contains("Сервер доступен"), "{said}");
}

#[test]
fn joining_carries_the_accounts_in_and_sync_pulls_the_centers_staff_back() {
    let (db, dir) = setup();
    join(&db, dir.path(), "ru", SUPERVISOR);
    let carried: i64 = db
        .admin()
        .query_one("SELECT count(*) FROM current_staff", &[])
        .unwrap()
        .get(0);
    let local: i64 = rastau_core::store::Store::open(dir.path())
        .unwrap()
        .read()
        .query_row("SELECT count(*) FROM account", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        carried, local,
        "every account of the joining store is carried in"
    );

    let said = stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(
        said.contains("учётные записи на этом компьютере не изменились"),
        "{said}"
    );

    // The shared store's owner deactivates the clerk there (as a supervisor elsewhere would).
    db.admin()
        .execute(
            "INSERT INTO staff (center_code, iin, version, full_name, position, phone, role,
                                active, password_hash, must_choose, installation_code)
             SELECT center_code, iin, version + 1, full_name, position, phone, role, false,
                    password_hash, must_choose, installation_code
               FROM current_staff WHERE iin = $1",
            &[&CLERK],
        )
        .unwrap();
    let said = stdout(&rastau(dir.path(), "kk", &["shared", "sync"]));
    assert!(said.contains("1 есептік жазба жаңартылды"), "{said}");
    let refused = stderr(&rastau(
        dir.path(),
        "ru",
        &["journal", "--date", "2026-11-23", "--iin", CLERK],
    ));
    assert!(refused.contains("отключ"), "{refused}");
}
