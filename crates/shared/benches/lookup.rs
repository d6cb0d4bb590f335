//! Rule 8's lookup at the counter: an applicant's copies kept at any center, asked by IIN/BIN
//! of a shared store the size of the country's six months (`support/country.rs`, about 3
//! million copies over 300 centers), through `applicant_copies(...)` called as an
//! installation's own role over the Rust client, one connection, the statement prepared once:
//! each call writes its `lookup` row (who asked, for which visit, about whom) and commits.
//! The issue asks for under 5 ms and within 1.5× of `psql` running the same query, the SELECT
//! inside the function, on the same IIN/BINs (`lookup-psql-baseline.sh`, run right after).
//!
//! Needs a PostgreSQL cluster: `RASTAU_TEST_POSTGRES`, the superuser's URL that
//! `scripts/postgres.sh start DIR` prints (the test command exports it).
#[path = "support/country.rs"]
mod country;

use country::{admin_of, country, Size, COUNTRY, TOWN};
use criterion::{criterion_group, criterion_main, Criterion};
use postgres::Client;
use rastau_shared::Credentials;
use std::hint::black_box;

/// The counter that looks up: a center's own installation, kept in the database between runs.
const CENTER: &str = "KZ-001";
const CLERK: &str = "900202400223";
const VISIT: &str = "2026/000042";
const QUERY: &str = "SELECT * FROM applicant_copies($1, $2, $3)";

fn bench(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; `cargo test` runs each bench once, on the small store.
    let measuring = std::env::args().any(|a| a == "--bench");
    let size = if measuring { COUNTRY } else { TOWN };
    let made = country(size);
    println!("country ({}): {}", size.database, made.log);
    let mut admin = rastau_shared::connect_with(admin_of(size)).unwrap();
    let tax_ids: Vec<String> = admin
        .query("SELECT tax_id FROM bench.lookup_iin ORDER BY n", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut client = as_installation(&mut admin, size);
    let statement = client.prepare(QUERY).unwrap();
    let mut found = Vec::with_capacity(tax_ids.len());
    for tax_id in &tax_ids {
        let rows = client.query(&statement, &[tax_id, &CLERK, &VISIT]).unwrap();
        found.push(rows.len());
    }
    let copies: usize = found.iter().sum();
    println!(
        "{} IIN/BINs looked up as {}: {copies} copies found, at most {} for one, {} with none \
         left in keeping",
        tax_ids.len(),
        size.installation,
        found.iter().max().unwrap_or(&0),
        found.iter().filter(|n| **n == 0).count()
    );
    assert!(copies > 0, "the lookups find copies");
    println!("{}", plan(&mut admin, &tax_ids[0]));
    if !measuring {
        return;
    }
    let mut next = 0;
    c.bench_function("applicant_copies_country_six_months", |b| {
        b.iter(|| {
            let tax_id = &tax_ids[next % tax_ids.len()];
            next += 1;
            client
                .query(&statement, &[black_box(tax_id), &CLERK, &VISIT])
                .unwrap()
        })
    });
    // Not what Rastau does: the same calls with the session's commits not waiting for the
    // lookup row to reach the disk, to tell the WAL flush's share apart (README).
    client
        .batch_execute("SET synchronous_commit = off")
        .unwrap();
    c.bench_function(
        "applicant_copies_country_six_months_commit_not_waited",
        |b| {
            b.iter(|| {
                let tax_id = &tax_ids[next % tax_ids.len()];
                next += 1;
                client
                    .query(&statement, &[black_box(tax_id), &CLERK, &VISIT])
                    .unwrap()
            })
        },
    );
}

/// Connects as the bench's installation, made in `CENTER` the first time; its password is set
/// anew each run (the server keeps only a verifier).
fn as_installation(admin: &mut Client, size: Size) -> Client {
    let role: Option<String> = admin
        .query_opt(
            "SELECT role_name FROM installation WHERE installation_code = $1",
            &[&size.installation],
        )
        .unwrap()
        .map(|r| r.get(0));
    let credentials = match role {
        None => rastau_shared::create_installation(admin, CENTER, size.installation).unwrap(),
        Some(role) => {
            let mut bytes = [0u8; 24];
            openssl::rand::rand_bytes(&mut bytes).unwrap();
            let password: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            // Roles belong to the cluster: a database kept from another one needs it made.
            let exists = admin
                .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])
                .unwrap()
                .is_some();
            let verb = if exists { "ALTER" } else { "CREATE" };
            let member = if exists {
                ""
            } else {
                " IN ROLE rastau_installation"
            };
            admin
                .batch_execute(&format!(
                    "{verb} ROLE {role} LOGIN PASSWORD '{password}'{member}"
                ))
                .unwrap();
            Credentials { role, password }
        }
    };
    let mut config = admin_of(size);
    config
        .user(&credentials.role)
        .password(&credentials.password);
    rastau_shared::connect_with(config).unwrap()
}

/// The plan of the SELECT inside `applicant_copies` for `tax_id`, as the function's owner
/// runs it (the owner is not subject to row-level security).
fn plan(admin: &mut Client, tax_id: &str) -> String {
    let select = inner_select().replace("p_tax_id", &format!("'{tax_id}'"));
    let rows = admin
        .query(&format!("EXPLAIN (ANALYZE, BUFFERS) {select}"), &[])
        .unwrap();
    let lines: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    lines.join("\n")
}

/// The SELECT of `applicant_copies`, verbatim from the migration.
fn inner_select() -> String {
    let migration = include_str!("../src/migrations/0001_foundation.sql");
    let function = migration
        .split("CREATE FUNCTION applicant_copies")
        .nth(1)
        .unwrap();
    let query = function.split("RETURN QUERY").nth(1).unwrap();
    query.split(';').next().unwrap().trim().to_owned()
}

criterion_group!(benches, bench);
criterion_main!(benches);
