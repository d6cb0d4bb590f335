//! The journal a supervisor reviews, on a store of five busy years (over a million visits):
//! one day's visits with their documents, notices and prints, and the totals, overall and per
//! clerk, as `Rastau::journal` returns them. The issue asks for at most 20 ms and within 1.5×
//! of the sqlite3 command-line tool running the same queries on the same file
//! (`journal-sqlite3-baseline.sh`, run right after this bench).
#[path = "support/busy_center.rs"]
mod busy_center;
#[path = "../tests/common/mod.rs"]
mod common;

use busy_center::{busy_center, BUSY_DAY, BUSY_WEEK, FIVE_YEARS};
use chrono::{Duration, NaiveTime};
use common::{supervisor_iin, SUPERVISOR_PASSWORD};
use criterion::{criterion_group, criterion_main, Criterion};
use rastau_core::clock::ManualClock;
use rastau_core::journal::{JournalFilter, JournalView, Outcome};
use rastau_core::store::Store;
use rastau_core::Rastau;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; `cargo test` runs each bench once, on the small store.
    let measuring = std::env::args().any(|a| a == "--bench");
    let span = if measuring { FIVE_YEARS } else { BUSY_WEEK };
    let center = busy_center(span);
    println!(
        "busy center: {} visits, {} documents, {} applicants, {:.0} MB ({})",
        center.visits,
        center.documents,
        center.applicants,
        center.bytes as f64 / 1e6,
        center.dir.display()
    );
    // The supervisor signs in after the five years, through the API.
    let now = (span.last + Duration::days(3))
        .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap())
        .and_utc();
    let mut app = Rastau::new(
        Store::open(&center.dir).unwrap(),
        Box::new(ManualClock::at(now)),
    );
    app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    let filter = JournalFilter::day(BUSY_DAY);
    let view = app.journal(&filter).unwrap();
    let documents: usize = view.rows.iter().map(|r| r.documents.len()).sum();
    println!(
        "journal of {BUSY_DAY}: {} visits, {documents} documents ({} certified, {} refused), \
         {} over 30 min, {} clerks",
        view.totals.visits,
        view.totals.documents_certified,
        view.totals.documents_refused,
        view.totals.breaches,
        view.per_clerk.len()
    );
    assert!(view.totals.visits > 300, "a busy day");
    // Rule 6: a visit ends with every document certified or refused. The five years are checked
    // on the day measured, the week `cargo test` makes on the whole of it.
    assert_no_closed_visit_undecided(&view);
    if !measuring {
        let week = JournalFilter {
            to: span.last,
            ..JournalFilter::day(span.first)
        };
        assert_no_closed_visit_undecided(&app.journal(&week).unwrap());
    }
    c.bench_function("journal_busy_day_with_totals", |b| {
        b.iter(|| app.journal(black_box(&filter)).unwrap())
    });
}

fn assert_no_closed_visit_undecided(view: &JournalView) {
    let closed = view.rows.iter().filter(|r| r.ended_at.is_some());
    let undecided: Vec<&str> = closed
        .filter(|r| r.has(Outcome::Undecided))
        .map(|r| r.number.as_str())
        .collect();
    assert!(
        undecided.is_empty(),
        "{} closed visits with an undecided document: {undecided:?}",
        undecided.len()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
