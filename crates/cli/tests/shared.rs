//! `rastau shared init` on the test cluster: the first run makes the roles and the schema, the
//! second says nothing changed; an unreachable server is told in the chosen language.
mod linked;

use linked::{admin, stdout};
use rastau_shared::test_db::TestDb;

#[test]
fn init_migrates_then_changes_nothing() {
    let db = TestDb::create();
    let url = db.admin_url();
    let first = stdout(&admin("ru", &["shared", "init", &url]));
    assert!(
        first.contains(&format!("с версии 0 до {}", rastau_shared::SCHEMA_VERSION)),
        "{first}"
    );
    let second = stdout(&admin("kk", &["shared", "init", &url]));
    assert!(second.contains("ештеңе өзгерген жоқ"), "{second}");
    assert!(!second.contains("Рөлдер құрылды"), "{second}");
}

#[test]
fn an_unreachable_store_is_told_in_words() {
    // Port 1: nothing listens there.
    let output = admin(
        "ru",
        &["shared", "init", "postgres://nobody@127.0.0.1:1/none"],
    );
    assert!(!output.status.success());
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("не отвечает"), "{said}");
}
