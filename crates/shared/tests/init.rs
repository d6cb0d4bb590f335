//! `init` on a real PostgreSQL: an empty database gets the schema and roles, a second run
//! changes nothing, a newer schema is refused.
use rastau_coded::Coded;
use rastau_shared::test_db::TestDb;
use rastau_shared::{init, SharedError, SCHEMA_VERSION};

#[test]
fn init_makes_the_schema_on_an_empty_database() {
    let db = TestDb::create();
    let mut client = db.admin();
    let report = init(&mut client).unwrap();
    assert_eq!(
        (report.from_version, report.to_version),
        (0, SCHEMA_VERSION)
    );
    let tables: Vec<String> = client
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' \
             AND tableowner = 'rastau_owner' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    for table in [
        "applicant",
        "audit_entry",
        "center",
        "certified_copy",
        "consent",
        "document",
        "file",
        "handover",
        "installation",
        "notice",
        "push_mark",
        "schema_version",
        "signoff",
        "visit",
    ] {
        assert!(
            tables.iter().any(|t| t == table),
            "{table} missing from {tables:?}"
        );
    }
    let rls: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_class WHERE relrowsecurity AND relname = ANY($1)",
            &[&vec!["visit", "file", "audit_entry", "push_mark"]],
        )
        .unwrap()
        .get(0);
    assert_eq!(rls, 4);
}

#[test]
fn init_twice_changes_nothing() {
    let db = TestDb::create();
    let mut client = db.admin();
    init(&mut client).unwrap();
    let snapshot = |client: &mut postgres::Client| -> Vec<String> {
        client
            .query(
                "SELECT c.relname || ':' || coalesce(array_to_string(c.relacl, ','), '') \
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE n.nspname = 'public' ORDER BY 1",
                &[],
            )
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect()
    };
    let before = snapshot(&mut client);
    let again = init(&mut client).unwrap();
    assert!(again.changed_nothing(), "{again:?}");
    assert_eq!(again.to_version, SCHEMA_VERSION);
    assert_eq!(snapshot(&mut client), before);
    let versions: i64 = client
        .query_one("SELECT count(*) FROM schema_version", &[])
        .unwrap()
        .get(0);
    assert_eq!(versions, SCHEMA_VERSION);
}

#[test]
fn a_schema_newer_than_this_build_is_refused() {
    let db = TestDb::create();
    let mut client = db.admin();
    init(&mut client).unwrap();
    let newer = (SCHEMA_VERSION + 1) as i32;
    client
        .execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&newer],
        )
        .unwrap();
    let error = init(&mut client).unwrap_err();
    assert!(
        matches!(error, SharedError::SchemaTooNew { found, known } if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION),
        "{error:?}"
    );
    assert_eq!(error.code(), "shared-schema-too-new");
}
