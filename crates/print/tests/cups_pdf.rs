//! Printing against the real CUPS scheduler and its cups-pdf queue `PDF` (`scripts/cups.sh`
//! sets both up; the test command runs it first). A missing scheduler fails these tests
//! rather than skipping them.
//!
//! Tests that stop or reject a queue make a throw-away queue of their own, so the shared `PDF`
//! queue never changes state and the tests need no ordering among themselves.

use rastau_print::{Cups, PrintError, PrinterState};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const QUEUE: &str = "PDF";

/// The local scheduler, which must be answering.
fn cups() -> Cups {
    let cups = Cups::local();
    if let Err(e) = cups.printers() {
        panic!("CUPS is not ready ({e}); run scripts/cups.sh first");
    }
    cups
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A one-page PDF saying `text` (ASCII) in Helvetica. cups-pdf re-renders every job through
/// PostScript and ghostscript, which keeps the text of a standard font but not the Unicode map
/// of an embedded subset font: Rastau's own Kazakh text comes out as glyph codes that
/// `pdftotext` cannot read back, so it cannot be compared this way.
fn pdf_saying(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 18 Tf 60 700 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

/// Where cups-pdf writes this user's files: its `Out` setting with the user filled in.
fn output_dir() -> PathBuf {
    let conf = std::fs::read_to_string("/etc/cups/cups-pdf.conf").unwrap();
    let out = conf
        .lines()
        .find_map(|l| l.strip_prefix("Out "))
        .expect("an Out line in cups-pdf.conf");
    let user = run("id", &["-un"]);
    let home = std::env::var("HOME").unwrap_or_default();
    PathBuf::from(
        out.trim()
            .replace("${USER}", user.trim())
            .replace("${HOME}", &home),
    )
}

/// The file cups-pdf makes for `job`, waited for up to a minute (ghostscript runs first).
fn printed_file(job: i32) -> PathBuf {
    let suffix = format!("-job_{job}.pdf");
    let dir = output_dir();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = std::fs::read_dir(&dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(&suffix))
        });
        // cups-pdf writes in place; a file whose size still changes is not finished.
        if let Some(path) = found {
            let size = std::fs::metadata(&path).unwrap().len();
            std::thread::sleep(Duration::from_millis(300));
            if size > 0 && size == std::fs::metadata(&path).unwrap().len() {
                return path;
            }
        }
        assert!(
            Instant::now() < deadline,
            "job {job} left no *{suffix} in {}",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn words(pdf: &std::path::Path) -> Vec<String> {
    run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// A cups-pdf queue of the test's own, removed when dropped.
struct ScratchQueue(String);

impl ScratchQueue {
    fn new(purpose: &str) -> ScratchQueue {
        let name = format!("rastau-test-{purpose}-{}", std::process::id());
        run(
            "lpadmin",
            &[
                "-p",
                &name,
                "-v",
                "cups-pdf:/",
                "-E",
                "-m",
                "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd",
            ],
        );
        ScratchQueue(name)
    }

    fn jobs_waiting(&self) -> String {
        run("lpstat", &["-o", &self.0])
    }
}

impl Drop for ScratchQueue {
    fn drop(&mut self) {
        let _ = Command::new("lpadmin").args(["-x", &self.0]).status();
    }
}

#[test]
fn a_printed_pdf_comes_out_of_the_queue_with_the_same_text() {
    let cups = cups();
    let text = "Rastau print test: journal 2026/000042";
    let pdf = pdf_saying(text);
    let input = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(input.path(), &pdf).unwrap();

    let job = cups.print_pdf(QUEUE, &pdf, "Rastau print test").unwrap();
    assert!(job.0 > 0);
    let output = printed_file(job.0);
    assert_eq!(words(&output), words(input.path()));
    std::fs::remove_file(output).unwrap();
}

#[test]
fn the_pdf_queue_is_listed_ready() {
    let printers = cups().printers().unwrap();
    let pdf = printers
        .iter()
        .find(|p| p.name == QUEUE)
        .unwrap_or_else(|| panic!("no {QUEUE} in {printers:?}"));
    assert!(pdf.accepting);
    assert_ne!(pdf.state, PrinterState::Stopped);
    assert!(pdf.ready());
    let defaults = printers.iter().filter(|p| p.is_default).count();
    assert!(defaults <= 1, "{printers:?}");
}

#[test]
fn a_stopped_queue_is_refused_before_any_job_enters_it() {
    let cups = cups();
    let queue = ScratchQueue::new("stopped");
    run("cupsdisable", &[&queue.0]);
    let listed = cups.printer(&queue.0).unwrap();
    assert_eq!(listed.state, PrinterState::Stopped);
    assert!(!listed.ready());

    match cups.print_pdf(&queue.0, &pdf_saying("stopped"), "stopped") {
        Err(PrintError::PrinterStopped { printer }) => assert_eq!(printer, queue.0),
        other => panic!("expected PrinterStopped, got {other:?}"),
    }
    assert_eq!(
        queue.jobs_waiting(),
        "",
        "nothing waits in the stopped queue"
    );
}

#[test]
fn a_rejecting_queue_is_refused() {
    let cups = cups();
    let queue = ScratchQueue::new("rejecting");
    run("cupsreject", &[&queue.0]);
    assert!(!cups.printer(&queue.0).unwrap().accepting);
    match cups.print_pdf(&queue.0, &pdf_saying("rejecting"), "rejecting") {
        Err(PrintError::NotAccepting { printer }) => assert_eq!(printer, queue.0),
        other => panic!("expected NotAccepting, got {other:?}"),
    }
}

#[test]
fn an_unknown_printer_is_named_in_its_error() {
    let cups = cups();
    for name in ["NoSuchPrinter", "Принтер 2", ""] {
        match cups.print_pdf(name, &pdf_saying("x"), "x") {
            Err(PrintError::PrinterNotFound { printer }) => assert_eq!(printer, name),
            other => panic!("{name}: expected PrinterNotFound, got {other:?}"),
        }
    }
}

#[test]
fn no_print_service_is_its_own_error() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let nowhere = Cups::at(&format!("http://127.0.0.1:{port}"));
    assert!(matches!(
        nowhere.printers(),
        Err(PrintError::NoPrintService { .. })
    ));
    assert!(matches!(
        nowhere.print_pdf(QUEUE, b"%PDF-1.7", "x"),
        Err(PrintError::NoPrintService { .. })
    ));
}
