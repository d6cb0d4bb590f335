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
