//! The window's start on a store of five busy years (over a million visits): what the window
//! waits for before its first screen (the store opened, the application made, a seal key of an
//! earlier build moved out, the sweep planned), beside a bare `Store::open`; and one step of
//! the sweep that then runs behind the window, on a backlog of every copy due at once.
#[path = "support/busy_center.rs"]
mod busy_center;
#[path = "../tests/common/mod.rs"]
mod common;

use busy_center::{busy_center, BUSY_WEEK, FIVE_YEARS};
use chrono::{Months, NaiveTime};
use criterion::{criterion_group, criterion_main, Criterion};
use rastau_core::clock::ManualClock;
use rastau_core::store::{Store, DB_FILE};
use rastau_core::Rastau;

fn bench(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; `cargo test` runs each bench once, on the small store.
    let measuring = std::env::args().any(|a| a == "--bench");
    let span = if measuring { FIVE_YEARS } else { BUSY_WEEK };
    let center = busy_center(span);
    // Seven months after the last day: every copy of the span is due.
    let now = (span.last + Months::new(7))
        .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap())
        .and_utc();
    let app_at = |dir: &std::path::Path| {
        Rastau::new(Store::open(dir).unwrap(), Box::new(ManualClock::at(now)))
    };

    c.bench_function("store_open_bare", |b| {
        b.iter(|| Store::open(&center.dir).unwrap())
    });
    c.bench_function("window_start", |b| {
        b.iter(|| {
            let mut app = app_at(&center.dir);
            app.prepare().unwrap();
            app.start_sweep().unwrap()
        })
    });

    // The sweep changes the store: it runs on a copy.
    let scratch = tempfile::tempdir().unwrap();
    std::fs::copy(center.dir.join(DB_FILE), scratch.path().join(DB_FILE)).unwrap();
    let mut app = app_at(scratch.path());
    let due = count(
        &app,
        "SELECT count(*) FROM certified_copy WHERE removed_on IS NULL",
    );
    println!("{due} copies due at {now}");
    let mut sweep = app.start_sweep().unwrap();
    if !measuring {
        // What the measured steps add up to: the whole backlog, a run recorded once.
        while app.sweep_step(&mut sweep).unwrap() {}
        assert_eq!(i64::from(sweep.retention().unwrap().copies), due);
        let kept = count(
            &app,
            "SELECT count(*) FROM certified_copy WHERE removed_on IS NULL",
        );
        assert_eq!(kept, 0);
        let runs = "SELECT count(*) FROM audit_entry WHERE action = 'retention-run'";
        assert_eq!(count(&app, runs), 1);
        return;
    }
    c.bench_function("sweep_step_on_backlog", |b| {
        b.iter(|| app.sweep_step(&mut sweep).unwrap())
    });
}

fn count(app: &Rastau, sql: &str) -> i64 {
    app.store().read().query_row(sql, [], |r| r.get(0)).unwrap()
}

criterion_group!(benches, bench);
criterion_main!(benches);
