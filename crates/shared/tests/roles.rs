//! An installation, connected as its own PostgreSQL role, against the grants, row-level
//! security and append-only triggers that `init` makes: it writes its own rows and reads its
//! center's; updating history, writing another installation's rows and reading another
//! center's are refused (issue 15's "installation of center A" tests).
use postgres::Client;
use rastau_coded::Coded;
use rastau_shared::test_db::{unique, TestDb};
use rastau_shared::{
    create_installation, ensure_center, init, CenterName, Credentials, SharedError,
};

/// A center's name of the tests, the same letter in both languages.
fn name(letter: &'static str) -> CenterName<'static> {
    CenterName {
        kk: letter,
        ru: letter,
    }
}

/// Center A with installations A1 and A2, center B with B1; codes unique in the cluster.
struct World {
    db: TestDb,
    a: String,
    b: String,
    a1: (String, Credentials),
    a2: (String, Credentials),
    b1: (String, Credentials),
}

impl World {
    fn new() -> World {
        let db = TestDb::create();
        let mut admin = db.admin();
        init(&mut admin).unwrap();
        let id = unique();
        let (a, b) = (format!("A{id}"), format!("B{id}"));
        ensure_center(&mut admin, &a, name("A")).unwrap();
        ensure_center(&mut admin, &b, name("B")).unwrap();
        let mut join = |center: &str, code: String| {
            let credentials = create_installation(&mut admin, center, &code).unwrap();
            (code, credentials)
        };
        let a1 = join(&a, format!("A{id}-1"));
        let a2 = join(&a, format!("A{id}-2"));
        let b1 = join(&b, format!("B{id}-1"));
        World {
            db,
            a,
            b,
            a1,
            a2,
            b1,
        }
    }

    fn connect(&self, (_, credentials): &(String, Credentials)) -> Client {
        rastau_shared::connect_with(self.db.config_as(&credentials.role, &credentials.password))
            .expect("the installation's role logs in")
    }
}

fn insert_applicant(
    client: &mut Client,
    center: &str,
    installation: &str,
    id: i64,
) -> Result<u64, SharedError> {
    Ok(client.execute(
        "INSERT INTO applicant (center_code, installation_code, id, tax_id, kind, updated_at) \
         VALUES ($1, $2, $3, '850315400124', 'iin', '2026-12-01T10:00:00+05:00')",
        &[&center, &installation, &id],
    )?)
}

fn applicants_seen(client: &mut Client) -> Vec<String> {
    client
        .query("SELECT installation_code FROM applicant ORDER BY 1", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect()
}

fn assert_refused(result: Result<u64, SharedError>) {
    let error = result.expect_err("refused");
    assert!(
        matches!(error, SharedError::NotPermitted { .. }),
        "{error:?}"
    );
    assert_eq!(error.code(), "shared-not-permitted");
}

#[test]
fn an_installation_writes_its_own_rows_and_reads_its_centers() {
    let w = World::new();
    let mut a1 = w.connect(&w.a1);
    let mut a2 = w.connect(&w.a2);
    assert_eq!(insert_applicant(&mut a1, &w.a, &w.a1.0, 1).unwrap(), 1);
    assert_eq!(insert_applicant(&mut a2, &w.a, &w.a2.0, 1).unwrap(), 1);
    let both = vec![w.a1.0.clone(), w.a2.0.clone()];
    assert_eq!(applicants_seen(&mut a1), both);
    assert_eq!(applicants_seen(&mut a2), both);
}

#[test]
fn history_cannot_be_updated_or_deleted() {
    let w = World::new();
    let mut a1 = w.connect(&w.a1);
    insert_applicant(&mut a1, &w.a, &w.a1.0, 1).unwrap();
    let update = a1.execute("UPDATE applicant SET phone = '000'", &[]);
    assert_refused(update.map_err(SharedError::from));
    let delete = a1.execute("DELETE FROM applicant", &[]);
    assert_refused(delete.map_err(SharedError::from));
    assert_eq!(applicants_seen(&mut a1), vec![w.a1.0.clone()]);
}

/// Should an administrator ever grant UPDATE and DELETE by mistake (and lift row-level
/// security), the trigger still refuses them.
#[test]
fn the_append_only_trigger_is_a_second_line() {
    let w = World::new();
    let mut a1 = w.connect(&w.a1);
    insert_applicant(&mut a1, &w.a, &w.a1.0, 1).unwrap();
    w.db.admin()
        .batch_execute(
            "GRANT UPDATE, DELETE ON applicant TO rastau_installation; \
             ALTER TABLE applicant DISABLE ROW LEVEL SECURITY",
        )
        .unwrap();
    for statement in [
        "UPDATE applicant SET phone = '000'",
        "DELETE FROM applicant",
    ] {
        let error = SharedError::from(a1.execute(statement, &[]).unwrap_err());
        assert!(
            matches!(&error, SharedError::NotPermitted { detail } if detail.contains("append-only")),
            "{statement}: {error:?}"
        );
    }
    assert_eq!(applicants_seen(&mut a1), vec![w.a1.0.clone()]);
}

#[test]
fn rows_of_another_installation_or_center_cannot_be_written() {
    let w = World::new();
    let mut a1 = w.connect(&w.a1);
    // Another installation of the same center, another center's installation, and its own
    // code under another center.
    assert_refused(insert_applicant(&mut a1, &w.a, &w.a2.0, 1));
    assert_refused(insert_applicant(&mut a1, &w.b, &w.b1.0, 1));
    assert_refused(insert_applicant(&mut a1, &w.b, &w.a1.0, 1));
    assert!(applicants_seen(&mut w.db.admin()).is_empty());
}

#[test]
fn another_centers_rows_are_not_read() {
    let w = World::new();
    let mut b1 = w.connect(&w.b1);
    insert_applicant(&mut b1, &w.b, &w.b1.0, 1).unwrap();
    let mut a1 = w.connect(&w.a1);
    insert_applicant(&mut a1, &w.a, &w.a1.0, 1).unwrap();
    assert_eq!(applicants_seen(&mut a1), vec![w.a1.0.clone()]);
    let by_tax_id: i64 = a1
        .query_one(
            "SELECT count(*) FROM applicant WHERE center_code = $1",
            &[&w.b],
        )
        .unwrap()
        .get(0);
    assert_eq!(by_tax_id, 0);
    assert_eq!(applicants_seen(&mut b1), vec![w.b1.0.clone()]);
}

#[test]
fn an_installation_moves_only_its_own_push_mark() {
    let w = World::new();
    let mut a1 = w.connect(&w.a1);
    let mut a2 = w.connect(&w.a2);
    for (client, code) in [(&mut a1, &w.a1.0), (&mut a2, &w.a2.0)] {
        client
            .execute(
                "INSERT INTO push_mark (center_code, installation_code) VALUES ($1, $2)",
                &[&w.a, code],
            )
            .unwrap();
    }
    let moved = a1
        .execute("UPDATE push_mark SET high_water = 7", &[])
        .unwrap();
    assert_eq!(moved, 1, "only its own row is visible to the update");
    let marks: Vec<(String, i64)> =
        w.db.admin()
            .query(
                "SELECT installation_code, high_water FROM push_mark ORDER BY 1",
                &[],
            )
            .unwrap()
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
    assert_eq!(marks, vec![(w.a1.0.clone(), 7), (w.a2.0.clone(), 0)]);
    let stolen = a1.execute(
        "INSERT INTO push_mark (center_code, installation_code) VALUES ($1, $2)",
        &[&w.b, &w.b1.0],
    );
    assert_refused(stolen.map_err(SharedError::from));
}

#[test]
fn a_wrong_password_is_a_clear_error() {
    let w = World::new();
    let config = w.db.config_as(&w.a1.1.role, "not-the-password");
    let error = rastau_shared::connect_with(config).err().expect("refused");
    assert!(
        matches!(&error, SharedError::WrongCredentials { user } if *user == w.a1.1.role),
        "{error:?}"
    );
    assert_eq!(error.code(), "shared-wrong-credentials");
}

#[test]
fn an_installation_code_is_taken_once() {
    let w = World::new();
    let error = create_installation(&mut w.db.admin(), &w.a, &w.a1.0).unwrap_err();
    assert!(
        matches!(error, SharedError::InstallationExists { .. }),
        "{error:?}"
    );
    let error = create_installation(&mut w.db.admin(), "NOWHERE", "X1").unwrap_err();
    assert!(
        matches!(error, SharedError::UnknownCenter { .. }),
        "{error:?}"
    );
}

/// A server by name, even one that resolves to this machine, is reached over TLS or not at
/// all: the test cluster has no TLS, so the connection is refused rather than made in clear.
#[test]
fn a_server_elsewhere_is_reached_over_tls_only() {
    let db = TestDb::create();
    let admin = db.admin_config();
    let mut config = postgres::Config::new();
    config
        .host("shared.example")
        .hostaddr("127.0.0.1".parse().unwrap())
        .port(admin.get_ports()[0])
        .user(admin.get_user().unwrap())
        .password(admin.get_password().unwrap())
        .dbname(&db.name);
    assert!(rastau_shared::tls_required(&config));
    let error = rastau_shared::connect_with(config).err().expect("refused");
    assert!(matches!(error, SharedError::Tls { .. }), "{error:?}");
    assert!(!rastau_shared::tls_required(&db.admin_config()));
}

/// The server is told the password's verifier, never the password: with every statement
/// logged, the log shows the role being made and not the password the installation got.
#[test]
fn an_installations_password_never_reaches_the_servers_log() {
    let db = TestDb::create();
    let mut admin = db.admin();
    init(&mut admin).unwrap();
    let data: String = admin.query_one("SHOW data_directory", &[]).unwrap().get(0);
    // scripts/postgres.sh keeps the server's log beside its data folder.
    let log = std::path::Path::new(&data).with_file_name("server.log");
    admin.batch_execute("SET log_statement = 'all'").unwrap();
    let center = format!("L{}", unique());
    ensure_center(&mut admin, &center, name("L")).unwrap();
    let credentials = create_installation(&mut admin, &center, &format!("{center}-1")).unwrap();
    drop(admin);
    let logged = std::fs::read_to_string(&log)
        .unwrap_or_else(|e| panic!("{}: {e} (a cluster of scripts/postgres.sh)", log.display()));
    assert!(
        logged.contains(&format!("CREATE ROLE {}", credentials.role)),
        "the statement was not logged in {}",
        log.display()
    );
    assert!(logged.contains("SCRAM-SHA-256$4096:"));
    assert!(!logged.contains(&credentials.password));
    rastau_shared::connect_with(db.config_as(&credentials.role, &credentials.password))
        .expect("the role logs in with the password it was given");
}
