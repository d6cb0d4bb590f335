//! Scanning into a visit as the window does, against SANE's real `test` scanner: each page is
//! kept in the store as it arrives, a page the store refuses stops the feeder with the store's
//! reason (not the scanner's "cancelled"), and a cancelled scan keeps what came before.
mod common;

use common::*;
use rastau_capture::test_sane::Sane;
use rastau_capture::ScanPage;
use rastau_core::scans::{self, CancelToken, PageSource, ScanRequest};
use rastau_core::{Coded, Error};

fn feeder(device: &str) -> ScanRequest {
    ScanRequest {
        device: device.to_owned(),
        feeder: true,
        color: false,
        position: Some(1),
    }
}

/// Keeps one scanned page in the visit, as the window's scan does.
fn keep(c: &mut Counter, request: &ScanRequest, page: &ScanPage) -> Result<(), Error> {
    let page = std::slice::from_ref(page);
    c.desk
        .app
        .keep_pages(c.visit_id, page, request.source(), request.position)
        .map(drop)
}

#[test]
fn the_feeder_keeps_every_page_as_it_arrives() {
    let sane = Sane::new();
    let mut c = consented_visit(&[birth_certificate()]);
    let request = feeder("test");
    let mut seen = vec![];
    let count = scans::scan(
        &sane.scanner(),
        &request,
        |n, page| {
            keep(&mut c, &request, page)?;
            seen.push((n, c.desk.app.pages(c.visit_id)?.len()));
            Ok::<_, Error>(())
        },
        &CancelToken::new(),
    )
    .unwrap();
    // The test backend's feeder holds ten sheets; each was in the store before the next came.
    assert_eq!(count, 10);
    assert_eq!(seen, (1..=10).map(|n| (n, n)).collect::<Vec<_>>());
    let pages = c.desk.app.pages(c.visit_id).unwrap();
    assert!(pages
        .iter()
        .all(|p| p.source == PageSource::Feeder && p.position == Some(1)));
}

#[test]
fn a_page_the_store_refuses_stops_the_feeder_and_is_the_error_told() {
    let sane = Sane::new();
    let mut c = consented_visit(&[birth_certificate()]);
    let request = feeder("test");
    let err = scans::scan(
        &sane.scanner(),
        &request,
        |n, page| match n {
            3 => Err(Error::VisitClosed),
            _ => keep(&mut c, &request, page),
        },
        &CancelToken::new(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "visit-closed");
    assert_eq!(
        c.desk.app.pages(c.visit_id).unwrap().len(),
        2,
        "the pages before it kept"
    );
}

#[test]
fn a_cancelled_scan_keeps_the_pages_before_it_and_says_so() {
    let sane = Sane::new();
    let mut c = consented_visit(&[birth_certificate()]);
    let request = feeder("test");
    let cancel = CancelToken::new();
    let mut handed = 0;
    let err = scans::scan(
        &sane.scanner(),
        &request,
        |n, page| {
            keep(&mut c, &request, page)?;
            handed = n;
            if n == 2 {
                cancel.cancel();
            }
            Ok::<_, Error>(())
        },
        &cancel,
    )
    .unwrap_err();
    assert_eq!(err.code(), "capture-cancelled");
    // Every page that arrived before the scanner stopped is kept, however late the stop came.
    let kept = c.desk.app.pages(c.visit_id).unwrap().len();
    assert!(
        handed >= 2 && kept == handed,
        "{kept} pages kept of {handed}"
    );
}
