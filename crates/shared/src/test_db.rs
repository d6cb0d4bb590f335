//! A database of its own for each test, in the test run's private cluster
//! (`scripts/postgres.sh`, whose superuser URL `scripts/test.sh` exports), for the tests of
//! every crate. Without the cluster a test fails: it never passes by skipping.

use postgres::{Client, Config};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const VAR: &str = "RASTAU_TEST_POSTGRES";

/// A fresh, empty database; dropped with the value.
pub struct TestDb {
    pub name: String,
    admin: Config,
}

impl TestDb {
    pub fn create() -> TestDb {
        let url = std::env::var(VAR).unwrap_or_else(|_| {
            panic!(
                "{VAR} is not set: these tests need a PostgreSQL cluster. Run scripts/test.sh, \
                 or start one with `scripts/postgres.sh start DIR` and export {VAR} as the URL \
                 it prints"
            )
        });
        let admin = crate::config(&url).expect("RASTAU_TEST_POSTGRES is a postgres:// URL");
        let name = format!("rastau_test_{}", unique());
        let mut client = crate::connect_with(admin.clone()).expect("the test cluster answers");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("CREATE DATABASE");
        TestDb { name, admin }
    }

    /// The superuser's URL of this database, as the command line takes it.
    pub fn admin_url(&self) -> String {
        let config = self.admin_config();
        let password = String::from_utf8_lossy(config.get_password().unwrap_or_default());
        let port = config.get_ports().first().copied().unwrap_or(5432);
        format!(
            "postgres://{}:{password}@127.0.0.1:{port}/{}",
            config.get_user().unwrap_or_default(),
            self.name
        )
    }

    /// The cluster's superuser, connected to this database.
    pub fn admin_config(&self) -> Config {
        let mut config = self.admin.clone();
        config.dbname(&self.name);
        config
    }

    pub fn admin(&self) -> Client {
        crate::connect_with(self.admin_config()).expect("superuser connects")
    }

    /// Another role's login to this database.
    pub fn config_as(&self, role: &str, password: &str) -> Config {
        let mut config = self.admin_config();
        config.user(role).password(password);
        config
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut client) = crate::connect_with(self.admin.clone()) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// Unique across the test binaries of this run and runs before it on the same cluster: roles
/// live in the whole cluster, so installation codes are made from it too.
pub fn unique() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{}{}{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos % 1_000_000_000
    )
}

/// The schema made and one center with one installation registered, codes unique in the
/// cluster; the administrator's connection stays open, acting as the owner role.
pub struct World {
    /// Closed before the database is dropped.
    pub owner: Client,
    pub db: TestDb,
    pub center: String,
    pub installation: String,
    pub credentials: crate::Credentials,
}

impl World {
    pub fn new() -> World {
        let db = TestDb::create();
        let mut owner = db.admin();
        crate::init(&mut owner).expect("init");
        let id = unique();
        let (center, installation) = (format!("C{id}"), format!("C{id}-1"));
        crate::ensure_center(
            &mut owner,
            &center,
            crate::CenterName {
                kk: "Орталық",
                ru: "Центр",
            },
        )
        .expect("center");
        let credentials =
            crate::create_installation(&mut owner, &center, &installation).expect("installation");
        owner
            .batch_execute(&format!("SET ROLE {}", crate::OWNER_ROLE))
            .expect("the administrator acts as the owner");
        World {
            db,
            owner,
            center,
            installation,
            credentials,
        }
    }

    /// The installation's own role, logged in.
    pub fn installation_client(&self) -> Client {
        crate::connect_with(
            self.db
                .config_as(&self.credentials.role, &self.credentials.password),
        )
        .expect("the installation's role logs in")
    }

    /// Stores `bytes` once, as the push does; their SHA-256 in hex.
    pub fn file(&mut self, bytes: &[u8]) -> String {
        let sha256: String = openssl::sha::sha256(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        self.owner
            .execute(
                "INSERT INTO file (sha256, center_code, installation_code, bytes, size)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &sha256,
                    &self.center,
                    &self.installation,
                    &bytes,
                    &(bytes.len() as i64),
                ],
            )
            .expect("file");
        sha256
    }

    /// A visit `id` of an applicant of its own with one document (also numbered `id`), as the
    /// tables require of a copy or a notice.
    pub fn visit(&mut self, id: i64) {
        let (center, installation) = (&self.center, &self.installation);
        self.owner
            .execute(
                "INSERT INTO applicant (center_code, installation_code, id, tax_id, kind, updated_at)
                 VALUES ($1, $2, $3, '850315400124', 'iin', '2026-11-23 09:00:00+00:00')",
                &[center, installation, &id],
            )
            .expect("applicant");
        self.owner
            .execute(
                "INSERT INTO visit (center_code, installation_code, id, journal_year, journal_seq,
                                    applicant_id, applicant_tax_id, clerk_iin, started_at)
                 VALUES ($1, $2, $3, 2026, $4, $3, '850315400124', '900202400227',
                         '2026-11-23 09:00:00+00:00')",
                &[center, installation, &id, &(id as i32)],
            )
            .expect("visit");
        self.owner
            .execute(
                "INSERT INTO document (center_code, installation_code, id, visit_id, position,
                                       title, sheets)
                 VALUES ($1, $2, $3, $3, 1, 'Туу туралы куәлік', 1)",
                &[center, installation, &id],
            )
            .expect("document");
    }

    /// A certified copy `id` of the document of visit `id` ([`World::visit`]), kept until
    /// `keep_until` (the counters' form: `2027-05-23 19:00:00+00:00`).
    pub fn copy(&mut self, id: i64, pdf: &str, p7s: &str, keep_until: &str) {
        self.owner
            .execute(
                "INSERT INTO certified_copy (center_code, installation_code, id, visit_id,
                     document_id, pdf_sha256, p7s_sha256, page_count, page_hashes, signer_name,
                     signer_iin, signer_serial, certified_at, keep_until)
                 VALUES ($1, $2, $3, $3, $3, $4, $5, 1, '[]', 'Ғабитов Ұлан', '900202400227',
                         '01', '2026-11-23 09:10:00+00:00', $6)",
                &[
                    &self.center,
                    &self.installation,
                    &id,
                    &pdf,
                    &p7s,
                    &keep_until,
                ],
            )
            .expect("certified copy");
    }

    /// A notice of refusal `id` in visit `id`, signed into these files.
    pub fn notice(&mut self, id: i64, pdf: &str, p7s: &str) {
        self.owner
            .execute(
                "INSERT INTO notice (center_code, installation_code, id, visit_id, seq, languages,
                     pdf_sha256, p7s_sha256, row_hashes, signer_name, signer_iin, signer_serial,
                     issued_at)
                 VALUES ($1, $2, $3, $3, 1, 'both', $4, $5, '[]', 'Ғабитов Ұлан',
                         '900202400227', '01', '2026-11-23 09:10:00+00:00')",
                &[&self.center, &self.installation, &id, &pdf, &p7s],
            )
            .expect("notice");
    }
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}
