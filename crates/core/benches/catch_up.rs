//! The catch-up after a day offline: a busy day's history (600 visits, about 900 certified
//! copies with their PDFs and signatures, consent scans, notices, the day's sign-off, every
//! audit entry) pushed by `rastau_core::push::push` into a freshly initialised and joined shared
//! store, as `rastau shared sync` does the next morning. Each sample pushes into an empty
//! database of its own (made, initialised and joined untimed). The issue asks for within 2× of
//! `psql` loading the same rows and files with `COPY` (`push-psql-copy-baseline.sh`, run right
//! after this bench, on the databases it leaves).
//!
//! Needs a PostgreSQL cluster: `RASTAU_TEST_POSTGRES`, the superuser's URL that
//! `scripts/postgres.sh start DIR` prints (the test command exports it).
#[path = "support/busy_center.rs"]
mod busy_center;
#[path = "support/busy_day.rs"]
mod busy_day;
#[path = "../tests/common/mod.rs"]
mod common;

use busy_day::{busy_day, BusyDay, DAY, FULL_DAY, SMALL_DAY};
use chrono::{Duration, NaiveTime};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use postgres::{Client, Config};
use rastau_core::push::{push, PushReport, BATCH_ENTRIES};
use rastau_core::shared_link::Link;
use rastau_core::store::Store;

const VAR: &str = "RASTAU_TEST_POSTGRES";
const CENTER: &str = "KRG-01";
/// Kept after the bench for the baseline script: the day as the first push left it.
pub const PUSHED_DB: &str = "rastau_bench_catch_up_pushed";
const TABLES: [&str; 10] = [
    "applicant",
    "visit",
    "document",
    "consent",
    "certified_copy",
    "notice",
    "handover",
    "signoff",
    "audit_entry",
    "file",
];

fn admin() -> Config {
    let url = std::env::var(VAR).unwrap_or_else(|_| {
        panic!(
            "{VAR} is not set: the catch-up bench needs a PostgreSQL cluster. Start one with \
             `scripts/postgres.sh start DIR` and export {VAR} as the URL it prints"
        )
    });
    rastau_shared::config(&url).expect("a postgres:// URL")
}

/// A shared store made for one push: created, initialised, the center registered and this
/// installation joined with a role of its own. Dropped (database and role) unless kept.
struct Fresh {
    name: String,
    role: String,
    link: Link,
    keep: bool,
}

impl Fresh {
    fn new(name: String) -> Fresh {
        let admin = admin();
        let mut server = rastau_shared::connect_with(admin.clone()).unwrap();
        // Each its own statement: neither runs inside a transaction block.
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("CREATE DATABASE {name}"),
        ] {
            server.batch_execute(&sql).unwrap();
        }
        let mut config = admin.clone();
        config.dbname(&name);
        let mut client = rastau_shared::connect_with(config.clone()).unwrap();
        rastau_shared::init(&mut client).unwrap();
        rastau_shared::ensure_center(
            &mut client,
            CENTER,
            rastau_shared::CenterName {
                kk: "Қарағанды қаласы бойынша ХҚКО",
                ru: "ЦОН по городу Караганде",
            },
        )
        .unwrap();
        // Roles belong to the cluster: each database's installation has a code of its own.
        let installation = format!("KRG-01-{}", unique());
        let credentials =
            rastau_shared::create_installation(&mut client, CENTER, &installation).unwrap();
        let role = credentials.role.clone();
        let link = Link::new(&config, CENTER, &installation, credentials);
        // What earlier pushes wrote is on the disk before this one starts, as the baseline
        // script does before each load.
        server.batch_execute("CHECKPOINT").unwrap();
        Fresh {
            name,
            role,
            link,
            keep: false,
        }
    }

    fn client(&self) -> Client {
        let mut config = admin();
        config.dbname(&self.name);
        rastau_shared::connect_with(config).unwrap()
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        if self.keep {
            return;
        }
        if let Ok(mut server) = rastau_shared::connect_with(admin()) {
            let _ = server.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
            let _ = server.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.role));
        }
    }
}

fn unique() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{}{}", std::process::id(), nanos % 1_000_000_000)
}

fn bench(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; `cargo test` runs each bench once, on the small day.
    let measuring = std::env::args().any(|a| a == "--bench");
    let day = busy_day(if measuring { FULL_DAY } else { SMALL_DAY });
    println!(
        "busy day: {} visits, {} documents, {} certified copies, {} notices, {} audit entries; \
         {} files, {:.0} MB in the store's folder ({})",
        day.visits,
        day.documents,
        day.copies,
        day.notices,
        day.audit_entries,
        day.files,
        day.file_bytes as f64 / 1e6,
        day.dir.display()
    );
    // The next morning.
    let now = (DAY + Duration::days(1))
        .and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap())
        .and_utc();
    let mut store = Store::open(&day.dir).unwrap();

    // Once, untimed: everything goes up, and the database is kept for the baseline.
    let suffix = if measuring { "" } else { "_small" };
    let mut first = Fresh::new(format!("{PUSHED_DB}{suffix}"));
    let report = push(&mut store, &first.link, BATCH_ENTRIES, now).unwrap();
    println!(
        "pushed: {} entries, {} visits, {} copies, {} notices, {} sign-offs, {} files, {:.1} MB",
        report.entries,
        report.visits,
        report.copies,
        report.notices,
        report.signoffs,
        report.files,
        report.bytes as f64 / 1e6
    );
    assert_all_there(&day, &report, &mut first.client(), &first.link);
    first.keep = true;
    println!("kept for push-psql-copy-baseline.sh: {}", first.name);
    if !measuring {
        return;
    }

    let mut group = c.benchmark_group("catch_up");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(60));
    let mut round = 0;
    group.bench_function("push_busy_day_into_empty_shared_store", |b| {
        b.iter_batched(
            || {
                round += 1;
                Fresh::new(format!("rastau_bench_catch_up_{round}"))
            },
            // The database is returned, so that dropping it is not timed.
            |fresh| {
                push(&mut store, &fresh.link, BATCH_ENTRIES, now).unwrap();
                fresh
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Every closed visit, copy, notice, sign-off, audit entry and file of the day is in the
/// shared store, once.
fn assert_all_there(day: &BusyDay, report: &PushReport, client: &mut Client, link: &Link) {
    assert_eq!(report.entries as i64, day.audit_entries);
    assert_eq!(report.visits as i64, day.visits);
    assert_eq!(report.copies as i64, day.copies);
    assert_eq!(report.notices as i64, day.notices);
    assert_eq!(report.signoffs, 1);
    let count = |client: &mut Client, table: &str| -> i64 {
        client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .unwrap()
            .get(0)
    };
    assert_eq!(count(client, "visit"), day.visits);
    assert_eq!(count(client, "document"), day.documents);
    assert_eq!(count(client, "certified_copy"), day.copies);
    assert_eq!(count(client, "notice"), day.notices);
    assert_eq!(count(client, "audit_entry"), day.audit_entries);
    assert_eq!(count(client, "file"), report.files as i64);
    let bytes: i64 = client
        .query_one("SELECT sum(size)::bigint FROM file", &[])
        .unwrap()
        .get(0);
    assert_eq!(bytes as u64, report.bytes);
    let mark: i64 = client
        .query_one(
            "SELECT high_water FROM push_mark WHERE installation_code = $1",
            &[&link.installation],
        )
        .unwrap()
        .get(0);
    assert_eq!(mark, day.audit_entries);
    for table in TABLES {
        println!("  {table}: {} rows", count(client, table));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
