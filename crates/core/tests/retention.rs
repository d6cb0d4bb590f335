//! Rule 8 with a moved clock: a copy one day short of six months stays, one day past goes,
//! with its record kept and marked; a hand-over does not extend it; the scanned pages go too.
mod common;

use chrono::{Duration, Months};
use common::*;
use rastau_core::audit::Action;
use rastau_core::copy::CopyView;
use rastau_core::{doctor, Error};

/// A closed visit with one certified copy, and the clerk signed out.
fn certified() -> (Counter, CopyView) {
    let mut counter = consented_visit(&[birth_certificate()]);
    // Its page is scanned and kept with the visit, as at the counter.
    let copy = counter.certify_all(1).remove(0);
    counter.desk.app.close_visit(counter.visit_id).unwrap();
    counter.desk.app.logout().unwrap();
    (counter, copy)
}

fn removed_on(desk: &Desk, id: i64) -> Option<String> {
    desk.app
        .store()
        .read()
        .query_row(
            "SELECT removed_on FROM certified_copy WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn one_day_short_of_six_months_stays_and_one_day_past_goes() {
    let (mut counter, copy) = certified();
    let desk = &mut counter.desk;
    let files = desk.app.store().files();
    let six_months = copy.certified_at + Months::new(6);

    let early = desk.sweep_at(six_months - Duration::days(1));
    assert_eq!(early.copies, 0);
    assert!(files.path(&copy.pdf_hash).is_file());
    assert_eq!(removed_on(desk, copy.id), None);

    let late = desk.sweep_at(six_months + Duration::days(1));
    assert_eq!(late.copies, 1);
    assert_eq!(late.pages, 1, "the page the copy was made from");
    assert!(
        late.files >= 4,
        "copy, signature, page, thumbnail: {late:?}"
    );
    assert!(!files.path(&copy.pdf_hash).exists());
    assert!(!files.path(&copy.signature_hash).exists());
    assert!(removed_on(desk, copy.id).is_some());

    // The record still tells what existed, and the store is whole without the files.
    let (pdf_hash, signer): (String, String) = desk
        .app
        .store()
        .read()
        .query_row(
            "SELECT pdf_hash, signer_name FROM certified_copy WHERE id = ?1",
            [copy.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(pdf_hash, copy.pdf_hash);
    assert_eq!(signer, copy.signer_name);
    assert!(doctor::check(desk.app.store()).unwrap().healthy());
    assert!(desk
        .app
        .copies(&person_applicant().tax_id)
        .unwrap()
        .is_empty());

    let removals = audit_of(&mut desk.app, Action::CopyRemoved);
    assert_eq!(removals.total, 1);
    assert_eq!(removals.entries[0].record_id, Some(copy.id));
    assert_eq!(removals.entries[0].actor_iin, Some(supervisor_iin()));
    assert_eq!(desk.app.verify_audit().unwrap().fault, None);
}

#[test]
fn a_copy_handed_over_again_is_not_kept_longer() {
    let (mut counter, copy) = certified();
    let visit = counter.visit_id;
    let desk = &mut counter.desk;
    desk.clock.advance(Duration::days(150));
    desk.as_clerk();
    let stick = tempfile::tempdir().unwrap();
    desk.app
        .export_copies(visit, &[copy.id], stick.path())
        .unwrap();
    desk.app.logout().unwrap();
    let report = desk.sweep_at(copy.keep_until + Duration::days(1));
    assert_eq!(report.copies, 1);
    assert!(!desk.app.store().files().path(&copy.pdf_hash).exists());
}

#[test]
fn the_daily_sweep_runs_once_a_day_by_itself() {
    let (mut counter, copy) = certified();
    let desk = &mut counter.desk;
    assert!(
        desk.app.retention_if_due().unwrap().is_some(),
        "the first today"
    );
    assert_eq!(
        desk.app.retention_if_due().unwrap(),
        None,
        "not twice a day"
    );
    let now = desk.clock_now();
    desk.clock
        .advance(copy.keep_until + Duration::days(1) - now);
    let report = desk.app.retention_if_due().unwrap().unwrap();
    assert_eq!(report.copies, 1);
    desk.as_supervisor();
    let sweeps = audit_of(&mut desk.app, Action::RetentionRun);
    assert_eq!(sweeps.total, 2);
    assert_eq!(sweeps.entries[0].actor_iin, None, "Rastau itself");
}

#[test]
fn only_a_supervisor_runs_it_by_hand() {
    let (mut counter, _) = certified();
    counter.desk.as_clerk();
    assert!(matches!(
        counter.desk.app.run_retention(),
        Err(Error::SupervisorOnly)
    ));
}

#[test]
fn start_up_removes_the_leftovers_of_an_interrupted_write() {
    let (counter, copy) = certified();
    let files = counter.desk.app.store().files();
    let leftover = files.path(&copy.pdf_hash).with_file_name(".tmpAbC123");
    left_long_ago(&leftover, b"half a file");
    let stray_bytes = b"a file whose record never came";
    let stray = rastau_core::store::content_hash(stray_bytes);
    std::fs::create_dir_all(files.path(&stray).parent().unwrap()).unwrap();
    left_long_ago(&files.path(&stray), stray_bytes);
    assert!(!doctor::check(counter.desk.app.store()).unwrap().healthy());

    let mut desk = counter.desk.restart();
    desk.app.start_up().unwrap();
    assert!(!leftover.exists());
    assert!(!files.path(&stray).exists());
    assert!(files.path(&copy.pdf_hash).is_file(), "named files stay");
    assert!(doctor::check(desk.app.store()).unwrap().healthy());
    desk.as_supervisor();
    let entries = audit_of(&mut desk.app, Action::LeftoversRemoved);
    let removed: u32 = entries
        .entries
        .iter()
        .map(|e| e.detail.parse::<u32>().unwrap())
        .sum();
    assert_eq!(removed, 2);
}

/// The `rastau` command may have just written a file whose record it is about to commit.
#[test]
fn a_file_written_a_moment_ago_is_no_leftover_yet() {
    let (counter, _) = certified();
    let files = counter.desk.app.store().files();
    let fresh = files.put(b"a record is on its way").unwrap();
    let mut desk = counter.desk.restart();
    desk.app.start_up().unwrap();
    assert!(files.path(&fresh).is_file());
}

/// Bytes stored again are new again: the sweep must not take a file a record is about to name.
#[test]
fn storing_bytes_already_kept_makes_their_file_young() {
    let (counter, _) = certified();
    let files = counter.desk.app.store().files();
    let bytes = b"scanned twice";
    let hash = rastau_core::store::content_hash(bytes);
    std::fs::create_dir_all(files.path(&hash).parent().unwrap()).unwrap();
    left_long_ago(&files.path(&hash), bytes);
    files.put(bytes).unwrap();
    let mut desk = counter.desk.restart();
    desk.app.start_up().unwrap();
    assert!(files.path(&hash).is_file());
}

/// The window sweeps a step at a time, letting go of the store between steps.
#[test]
fn the_sweep_goes_in_steps_and_the_days_second_finds_nothing_to_do() {
    let (mut counter, copy) = certified();
    let desk = &mut counter.desk;
    let now = desk.clock_now();
    desk.clock
        .advance(copy.keep_until + Duration::days(1) - now);
    let mut sweep = desk.app.start_sweep().unwrap();
    let mut steps = 1;
    while desk.app.sweep_step(&mut sweep).unwrap() {
        assert_eq!(sweep.retention(), None, "retention comes last");
        steps += 1;
    }
    assert!(
        steps > 2,
        "a step per fan folder, then the retention: {steps}"
    );
    assert_eq!(sweep.retention().unwrap().copies, 1);
    assert!(!desk.app.store().files().path(&copy.pdf_hash).exists());

    let mut again = desk.app.daily_sweep().unwrap();
    assert!(!desk.app.sweep_step(&mut again).unwrap());
    assert_eq!(again.retention(), None, "once a day");
}
