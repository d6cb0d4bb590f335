//! The scanner path against SANE's real `test` backend (needs sane-utils and libsane1).

use rastau_capture::test_sane::Sane;
use rastau_capture::{CancelToken, ColorMode, PageKind, ScanOptions, Scanner, Source};
use rastau_coded::{Arg, Coded};
use std::time::{Duration, Instant};

fn a4_gray() -> ScanOptions {
    ScanOptions {
        mode: ColorMode::Gray,
        extra_args: vec!["--test-picture=Grid".to_owned()],
        ..ScanOptions::a4("test")
    }
}

fn adf(mut options: ScanOptions) -> ScanOptions {
    options.source = Source::Adf;
    // Small pages keep ten of them fast; the A4 size is checked by the flatbed test.
    options.resolution_dpi = 75;
    options
}

#[test]
fn lists_the_test_devices() {
    let sane = Sane::new();
    let devices = sane.scanner().list_devices().unwrap();
    assert!(devices.iter().any(|d| d.name == "test:0"), "{devices:?}");
    let d = devices.iter().find(|d| d.name == "test:0").unwrap();
    assert_eq!(d.vendor, "Noname");
    assert_eq!(d.model, "frontend-tester");
    assert_eq!(d.kind, "virtual device");
}

#[test]
fn flatbed_a4_at_300_dpi_is_2480_by_3508() {
    let sane = Sane::new();
    let page = sane.scanner().scan_page(&a4_gray()).unwrap();
    assert_eq!((page.width_px, page.height_px), (2480, 3508));
    assert_eq!(page.dpi, 300);
    let PageKind::Pixels { data, channels } = &page.kind else {
        panic!("scanner pages are pixels: {:?}", page.kind)
    };
    assert_eq!(*channels, 1);
    assert_eq!(data.len(), 2480 * 3508);
    // The Grid picture is black and white squares, not a blank page.
    assert!(data.contains(&0) && data.contains(&255));
}

#[test]
fn color_mode_gives_rgb() {
    let sane = Sane::new();
    let options = ScanOptions {
        mode: ColorMode::Color,
        resolution_dpi: 100,
        source: Source::Flatbed,
        extra_args: vec!["--test-picture=Color pattern".to_owned()],
        ..ScanOptions::a4("test")
    };
    let page = sane.scanner().scan_page(&options).unwrap();
    assert_eq!(page.channels(), 3);
    assert_eq!((page.width_px, page.height_px), options.page_px());
}

#[test]
fn adf_batch_gives_ten_pages_with_ten_progress_calls() {
    let sane = Sane::new();
    let mut calls = Vec::new();
    let pages = sane
        .scanner()
        .scan_batch(
            &adf(a4_gray()),
            |n, page| calls.push((n, page.sha256)),
            &CancelToken::new(),
        )
        .unwrap();
    assert_eq!(pages.len(), 10);
    assert_eq!(
        calls.iter().map(|c| c.0).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    for (page, (_, sha)) in pages.iter().zip(&calls) {
        assert_eq!(
            &page.sha256, sha,
            "the callback saw the page that was returned"
        );
        assert_eq!((page.width_px, page.height_px), adf(a4_gray()).page_px());
    }
}

#[test]
fn jam_mid_batch_keeps_the_pages_already_scanned() {
    let sane = Sane::new();
    // The test backend can only fail every read, so the jam on sheet 4 is staged as two runs:
    // three good sheets, then the same device with the JAMMED fault injected.
    let scanner = sane.wrapped_scanner(
        "#!/bin/sh\n\
         scanimage \"$@\" --batch-count=3 || exit $?\n\
         exec scanimage \"$@\" --batch-start=4 --read-return-value=SANE_STATUS_JAMMED\n",
    );
    let mut progress = 0;
    let partial = scanner
        .scan_batch(&adf(a4_gray()), |n, _| progress = n, &CancelToken::new())
        .unwrap_err();
    assert_eq!(partial.error.code(), "capture-jammed");
    assert_eq!(partial.pages.len(), 3);
    assert_eq!(progress, 3);
    assert!(partial.pages.iter().all(|p| p.width_px > 0));
}

#[test]
fn jam_on_the_first_sheet() {
    let sane = Sane::new();
    let mut options = adf(a4_gray());
    options
        .extra_args
        .push("--read-return-value=SANE_STATUS_JAMMED".to_owned());
    let partial = sane
        .scanner()
        .scan_batch(&options, |_, _| {}, &CancelToken::new())
        .unwrap_err();
    assert_eq!(partial.error.code(), "capture-jammed");
    // The 54-byte stub scanimage leaves for the failed sheet is not a page.
    assert!(partial.pages.is_empty());
}

#[test]
fn empty_feeder_is_no_documents() {
    let sane = Sane::new();
    let mut options = adf(a4_gray());
    options
        .extra_args
        .push("--read-return-value=SANE_STATUS_NO_DOCS".to_owned());
    let err = sane
        .scanner()
        .scan_batch(&options, |_, _| {}, &CancelToken::new())
        .unwrap_err();
    assert_eq!(err.error.code(), "capture-no-documents");
    let err = sane.scanner().scan_page(&options).unwrap_err();
    assert_eq!(err.code(), "capture-no-documents");
}

#[test]
fn unplugged_mid_scan_is_disconnected() {
    let sane = Sane::new();
    let mut options = a4_gray();
    options
        .extra_args
        .push("--read-return-value=SANE_STATUS_IO_ERROR".to_owned());
    let err = sane.scanner().scan_page(&options).unwrap_err();
    assert_eq!(err.code(), "capture-disconnected");
}

#[test]
fn unknown_device_is_not_found() {
    let sane = Sane::new();
    let options = ScanOptions::a4("nosuch:device");
    let err = sane.scanner().scan_page(&options).unwrap_err();
    assert_eq!(err.code(), "capture-device-not-found");
    assert_eq!(err.args(), vec![("device", Arg::from("nosuch:device"))]);
}

#[test]
fn missing_scanimage_is_a_tool_error() {
    let scanner = Scanner::new().with_program("scanimage-that-is-not-installed");
    let err = scanner.scan_page(&ScanOptions::a4("test")).unwrap_err();
    assert_eq!(err.code(), "capture-tool-missing");
    assert!(err.args().contains(&("package", Arg::from("sane-utils"))));
    assert_eq!(
        scanner.list_devices().unwrap_err().code(),
        "capture-tool-missing"
    );
}

#[test]
fn cancel_stops_a_slow_feeder_and_keeps_pages() {
    let sane = Sane::new();
    let mut options = adf(a4_gray());
    options.extra_args.extend([
        "--read-delay=yes".to_owned(),
        "--read-delay-duration=50000".to_owned(),
    ]);
    let cancel = CancelToken::new();
    let started = Instant::now();
    let partial = sane
        .scanner()
        .scan_batch(
            &options,
            |n, _| {
                if n == 2 {
                    cancel.cancel();
                }
            },
            &cancel,
        )
        .unwrap_err();
    assert_eq!(partial.error.code(), "capture-cancelled");
    assert_eq!(partial.pages.len(), 2);
    // Ten slow sheets would take several seconds; the cancel ends it on the third.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_scanner_that_stops_answering_is_stalled_and_stopped() {
    let sane = Sane::new();
    let mut options = a4_gray();
    // 200 ms after each small buffer: an A4 page would take minutes.
    options.extra_args.extend([
        "--read-delay=yes".to_owned(),
        "--read-delay-duration=200000".to_owned(),
    ]);
    let started = Instant::now();
    let err = sane
        .scanner()
        .with_stall_timeout(Duration::from_secs(1))
        .scan_page(&options)
        .unwrap_err();
    assert_eq!(err.code(), "capture-stalled");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn bad_options_are_refused_before_scanning() {
    let sane = Sane::new();
    let options = ScanOptions {
        resolution_dpi: 0,
        ..ScanOptions::a4("test")
    };
    let err = sane.scanner().scan_page(&options).unwrap_err();
    assert_eq!(err.code(), "capture-invalid-options");
}
