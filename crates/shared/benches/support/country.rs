//! A shared store the size of the country's six months, for the lookup bench: a database of
//! its own in the cluster `RASTAU_TEST_POSTGRES` names, made by `init` and then filled by
//! `country.sql` in PostgreSQL itself (generate_series), one step at a time, each step timed.
//!
//! The database is kept and reused while its generation record (`bench.generation`) says it
//! was made by this generator from the current migrations; otherwise it is made again.
#![allow(dead_code)] // each bench uses a different part

use postgres::{Client, Config};
use std::time::Instant;

/// Bump when the generator changes what it writes: the kept database is then made again.
pub const VERSION: &str = "country-v1";

const SQL: &str = include_str!("country.sql");
const MIGRATIONS: &str = include_str!("../../src/migrations/0001_foundation.sql");
const VAR: &str = "RASTAU_TEST_POSTGRES";

/// How big a country to make, and the database it is kept in.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub database: &'static str,
    pub centers: u32,
    pub per_center: u32,
    pub visits: u64,
    pub population: u64,
    pub lookups: u32,
    /// The installation that looks up (roles belong to the cluster: one code per database).
    pub installation: &'static str,
}

/// What the bench measures: 300 centers of 4 counters each, 2 million visits (about 3
/// million copies) from a population of 3 million IIN/BINs. Scaled to what 2 cores make in
/// about ten minutes; see the README for what a larger one would change.
pub const COUNTRY: Size = Size {
    database: "rastau_bench_country_v1",
    centers: 300,
    per_center: 4,
    visits: 2_000_000,
    population: 3_000_000,
    lookups: 500,
    installation: "KZ-001-BENCH",
};

/// What `cargo test` runs the bench on: the same generator, a town.
pub const TOWN: Size = Size {
    database: "rastau_bench_country_v1_town",
    centers: 3,
    per_center: 2,
    visits: 3_000,
    population: 5_000,
    lookups: 50,
    installation: "KZ-001-TOWN",
};

pub fn admin() -> Config {
    let url = std::env::var(VAR).unwrap_or_else(|_| {
        panic!(
            "{VAR} is not set: the lookup bench needs a PostgreSQL cluster. Start one with \
             `scripts/postgres.sh start DIR` and export {VAR} as the URL it prints"
        )
    });
    rastau_shared::config(&url).expect("a postgres:// URL")
}

/// The superuser's settings for the database of `size`.
pub fn admin_of(size: Size) -> Config {
    let mut config = admin();
    config.dbname(size.database);
    config
}

/// The generation record: the counts and how long it took.
pub struct Country {
    pub log: String,
}

/// The database of `size`, made first if missing or out of date.
pub fn country(size: Size) -> Country {
    let stamp = stamp(size);
    let mut server = rastau_shared::connect_with(admin()).unwrap();
    let exists = server
        .query_opt(
            "SELECT 1 FROM pg_database WHERE datname = $1",
            &[&size.database],
        )
        .unwrap()
        .is_some();
    if exists {
        let mut client = rastau_shared::connect_with(admin_of(size)).unwrap();
        let kept: Option<(String, String)> = client
            .query_opt(
                "SELECT stamp, log FROM bench.generation
                  WHERE to_regclass('bench.generation') IS NOT NULL",
                &[],
            )
            .ok()
            .flatten()
            .map(|r| (r.get(0), r.get(1)));
        if let Some((kept, log)) = kept.filter(|(kept, _)| *kept == stamp) {
            let _ = kept;
            eprintln!("country: using {}", size.database);
            return Country { log };
        }
    }
    eprintln!(
        "country: generating {} ({} visits, several minutes) ...",
        size.database, size.visits
    );
    // Each its own statement: neither runs inside a transaction block.
    for sql in [
        format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", size.database),
        format!("CREATE DATABASE {}", size.database),
    ] {
        server.batch_execute(&sql).unwrap();
    }
    let mut client = rastau_shared::connect_with(admin_of(size)).unwrap();
    let started = Instant::now();
    rastau_shared::init(&mut client).unwrap();
    let mut log = format!("init {:.1} s", started.elapsed().as_secs_f64());
    for (name, sql) in steps(size) {
        let step = Instant::now();
        client.batch_execute(&sql).unwrap_or_else(|e| {
            panic!("country: step {name}: {e:?}");
        });
        let took = step.elapsed().as_secs_f64();
        eprintln!("country: {name}: {took:.1} s");
        log.push_str(&format!("; {name} {took:.1} s"));
    }
    let total = started.elapsed().as_secs_f64();
    let counts = counts(&mut client);
    let log = format!("generated in {total:.0} s by {VERSION}: {counts} ({log})");
    client
        .batch_execute("CREATE TABLE bench.generation (stamp TEXT NOT NULL, log TEXT NOT NULL)")
        .unwrap();
    client
        .execute(
            "INSERT INTO bench.generation (stamp, log) VALUES ($1, $2)",
            &[&stamp, &log],
        )
        .unwrap();
    Country { log }
}

/// What the kept database must have been made with: this generator, its size, the migrations.
fn stamp(size: Size) -> String {
    let digest = openssl::sha::sha256(format!("{SQL}{MIGRATIONS}").as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{VERSION} {} centers of {}, {} visits, {} people, {} lookups; {hex}",
        size.centers, size.per_center, size.visits, size.population, size.lookups
    )
}

fn counts(client: &mut Client) -> String {
    let count =
        |client: &mut Client, sql: &str| -> i64 { client.query_one(sql, &[]).unwrap().get(0) };
    let size: String = client
        .query_one(
            "SELECT pg_size_pretty(pg_database_size(current_database()))",
            &[],
        )
        .unwrap()
        .get(0);
    format!(
        "{} centers, {} installations, {} visits, {} documents, {} certified copies, {} files, \
         {} distinct IIN/BINs; {size}",
        count(client, "SELECT count(*) FROM center"),
        count(client, "SELECT count(*) FROM installation"),
        count(client, "SELECT count(*) FROM visit"),
        count(client, "SELECT count(*) FROM document"),
        count(client, "SELECT count(*) FROM certified_copy"),
        count(client, "SELECT count(*) FROM file"),
        count(client, "SELECT count(DISTINCT applicant_tax_id) FROM visit"),
    )
}

/// The steps of `country.sql` with the size filled in, by name.
fn steps(size: Size) -> Vec<(String, String)> {
    // The check digit of an IIN/BIN: the digits weighted 1..11, or 3..11, 1, 2 when that
    // gives 10 (a number whose second sum gives 10 too is never issued).
    let sum = |weights: [u32; 11]| -> String {
        (1..=11)
            .map(|i| format!("substr(b, {i}, 1)::int * {}", weights[i - 1]))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let sql = SQL
        .replace("{centers}", &size.centers.to_string())
        .replace("{per_center}", &size.per_center.to_string())
        .replace(
            "{installations}",
            &(size.centers * size.per_center).to_string(),
        )
        .replace("{visits}", &size.visits.to_string())
        .replace("{population}", &size.population.to_string())
        .replace("{lookups}", &size.lookups.to_string())
        .replace("{sum1}", &sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))
        .replace("{sum2}", &sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]));
    let mut steps: Vec<(String, String)> = vec![];
    for part in sql.split("-- step: ").skip(1) {
        let (name, body) = part.split_once('\n').unwrap();
        steps.push((name.trim().to_owned(), body.to_owned()));
    }
    steps
}
