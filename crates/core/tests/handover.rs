//! Handing certified copies over on a stick: the files verify with OpenSSL, the manifest
//! describes them, nothing is ever overwritten, and every fault of the medium is reported and
//! leaves the store as it was.
//!
//! Faults are real where this machine can make them: a destination that is a regular file, a
//! read-only tmpfs and a full tmpfs (`mount` needs root, which the test command runs as). A
//! stick pulled out mid-write cannot be had on demand, so [`Flaky`] stands in for the medium
//! and fails with EIO after a chosen number of bytes.
mod common;

use common::poppler::text_of;
use common::tmpfs::Tmpfs;

use common::*;
use rastau_core::applicant::Applicant;
use rastau_core::copy::CopyView;
use rastau_core::handover::{Disk, Medium, MediumFile, MANIFEST_FILE, README_FILE};
use rastau_core::store::{content_hash, Files};
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_core::{Error, Lang};
use std::cell::Cell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

/// A counter with two certified copies of one applicant.
fn two_copies() -> (Counter, Vec<CopyView>) {
    let second = Document {
        title: "Жоғары білім туралы диплом: ЖБ-Б №0012345".into(),
        ..birth_certificate()
    };
    let mut c = consented_visit(&[birth_certificate(), second]);
    let copies = c.certify_all(2);
    (c, copies)
}

fn ids(copies: &[CopyView]) -> Vec<i64> {
    copies.iter().map(|c| c.id).collect()
}

fn openssl_verifies(pdf: &Path, ca: &Path) -> bool {
    let signature = PathBuf::from(format!("{}.p7s", pdf.display()));
    Command::new("openssl")
        .args([
            "cms", "-verify", "-binary", "-inform", "DER", "-purpose", "any",
        ])
        .args(["-out", "/dev/null", "-content"])
        .arg(pdf)
        .arg("-in")
        .arg(&signature)
        .arg("-CAfile")
        .arg(ca)
        .status()
        .expect("openssl (Debian package openssl) runs")
        .success()
}

/// Hand-overs that did not fail, and the copies they list.
fn handover_rows(c: &Counter) -> i64 {
    c.desk
        .app
        .store()
        .read()
        .query_row(
            "SELECT (SELECT count(*) FROM handover WHERE state != 'failed')
                  + (SELECT count(*) FROM handover_copy
                     JOIN handover h ON h.id = handover_id WHERE h.state != 'failed')",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// The states and failures of every hand-over recorded, oldest first.
fn handover_states(c: &Counter) -> Vec<(String, Option<String>)> {
    let conn = c.desk.app.store().read();
    let mut stmt = conn
        .prepare("SELECT state, failure FROM handover ORDER BY id")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

/// No hand-over done, and the copies and their files as certified.
fn assert_store_unchanged(c: &mut Counter, copies: &[CopyView]) {
    assert_eq!(handover_rows(c), 0, "no hand-over done");
    let listed = c.desk.app.copies(&person_applicant().tax_id).unwrap();
    assert_eq!(listed.len(), copies.len());
    let files = Files::new(c.desk.dir.path());
    for copy in copies {
        for hash in [&copy.pdf_hash, &copy.signature_hash] {
            assert_eq!(&content_hash(&files.get(hash).unwrap()), hash);
        }
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn exported_copies_verify_and_the_manifest_describes_them() {
    let (mut c, copies) = two_copies();
    let stick = tempfile::tempdir().unwrap();
    let report = c
        .desk
        .app
        .export_copies(c.visit_id, &ids(&copies), stick.path())
        .unwrap();

    let folder = PathBuf::from(&report.folder);
    assert_eq!(folder.parent(), Some(stick.path()));
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("Rastau 2026-000001 2026-11-23 "), "{name}");
    assert_eq!(
        entries(&folder),
        vec![
            "01 Туу туралы куәлік.pdf",
            "01 Туу туралы куәлік.pdf.p7s",
            "02 Жоғары білім туралы диплом_ ЖБ-Б №0012345.pdf",
            "02 Жоғары білім туралы диплом_ ЖБ-Б №0012345.pdf.p7s",
            README_FILE,
            MANIFEST_FILE,
        ],
        "no temporary file is left"
    );

    let ca = c.pki.write_ca(stick.path()).unwrap();
    for copy in &report.files[..4] {
        if copy.name.ends_with(".pdf") {
            assert!(
                openssl_verifies(&folder.join(&copy.name), &ca),
                "{}",
                copy.name
            );
        }
    }

    for file in &report.files {
        let bytes = std::fs::read(folder.join(&file.name)).unwrap();
        assert_eq!(content_hash(&bytes), file.sha256, "{}", file.name);
        assert_eq!(bytes.len() as u64, file.size);
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join(MANIFEST_FILE)).unwrap()).unwrap();
    assert_eq!(manifest["version"], 1);
    let listed = manifest["copies"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    for (entry, copy) in listed.iter().zip(&copies) {
        assert_eq!(entry["documentTitle"], copy.document_title.as_str());
        assert_eq!(entry["journalNumber"], "2026/000001");
        assert_eq!(entry["applicant"], person_applicant().tax_id.as_str());
        assert_eq!(entry["signer"], copy.signer_name.as_str());
        assert!(entry["certifiedAt"].is_string() && entry["keepUntil"].is_string());
        for (part, hash) in [("pdf", &copy.pdf_hash), ("signature", &copy.signature_hash)] {
            assert_eq!(entry[part]["sha256"], hash.as_str());
            let on_stick = std::fs::read(folder.join(entry[part]["name"].as_str().unwrap()));
            assert_eq!(&content_hash(&on_stick.unwrap()), hash);
        }
    }
    let readme = std::fs::read_to_string(folder.join(README_FILE)).unwrap();
    assert!(readme.contains("Қолтаңбаны") && readme.contains("Как проверить"));
    assert!(readme.contains("openssl cms -verify"));
    assert_eq!(handover_rows(&c), 1 + 2);
}

#[test]
fn exporting_twice_makes_a_second_folder_and_overwrites_nothing() {
    let (mut c, copies) = two_copies();
    let stick = tempfile::tempdir().unwrap();
    let first = c
        .desk
        .app
        .export_copies(c.visit_id, &ids(&copies), stick.path())
        .unwrap();
    let before: Vec<(String, Vec<u8>)> = entries(Path::new(&first.folder))
        .into_iter()
        .map(|n| {
            (
                n.clone(),
                std::fs::read(Path::new(&first.folder).join(n)).unwrap(),
            )
        })
        .collect();

    let second = c
        .desk
        .app
        .export_copies(c.visit_id, &ids(&copies[..1]), stick.path())
        .unwrap();
    assert_eq!(second.folder, format!("{} (2)", first.folder));
    assert_eq!(second.files.len(), 2 + 2);
    for (name, bytes) in before {
        assert_eq!(
            std::fs::read(Path::new(&first.folder).join(&name)).unwrap(),
            bytes
        );
    }
    assert_eq!(entries(stick.path()).len(), 2);
    assert_eq!(handover_rows(&c), (1 + 2) + (1 + 1));
}

#[test]
fn copies_of_two_applicants_never_go_out_together_and_unknown_ones_are_named() {
    let (mut c, copies) = two_copies();
    let stick = tempfile::tempdir().unwrap();
    assert!(matches!(
        c.desk.app.export_copies(c.visit_id, &[], stick.path()),
        Err(Error::NoCopiesChosen)
    ));
    assert!(matches!(
        c.desk
            .app
            .export_copies(c.visit_id, &[copies[0].id, copies[0].id], stick.path()),
        Err(Error::CopyChosenTwice { .. })
    ));
    assert!(matches!(
        c.desk
            .app
            .export_copies(c.visit_id, &[copies[0].id, 999], stick.path()),
        Err(Error::CopyNotFound { id: 999 })
    ));
    let neighbour = c
        .desk
        .app
        .open_visit(&OpenVisit {
            applicant: Applicant {
                tax_id: iin("88030330023"),
                ..person_applicant()
            },
            representative: None,
        })
        .unwrap();
    c.desk
        .app
        .set_documents(neighbour.id, &[birth_certificate()], true)
        .unwrap();
    c.desk
        .app
        .confirm_consent(neighbour.id, Present::Applicant)
        .unwrap();
    let theirs = certify_with(&mut c.desk.app, neighbour.id, 1, &[scanned_page(7)]).unwrap();
    assert!(matches!(
        c.desk
            .app
            .export_copies(c.visit_id, &[copies[0].id, theirs.id], stick.path()),
        Err(Error::NotThisApplicantsCopy)
    ));
    // At the neighbour's visit, the first applicant's copies are not theirs to take.
    assert!(matches!(
        c.desk
            .app
            .export_copies(neighbour.id, &ids(&copies), stick.path()),
        Err(Error::NotThisApplicantsCopy)
    ));
    assert!(entries(stick.path()).is_empty());
    assert!(handover_states(&c).is_empty(), "refused before anything");
    c.desk
        .app
        .export_copies(neighbour.id, &[theirs.id], stick.path())
        .unwrap();
}

/// The attack: the same copy twice in one request once wrote the files to the stick and then
/// failed on the record's key, so the copies left with no record and no audit entry.
#[test]
fn the_same_copy_twice_is_refused_before_anything_is_written() {
    let (mut c, copies) = two_copies();
    let stick = tempfile::tempdir().unwrap();
    let twice = [copies[0].id, copies[1].id, copies[0].id];
    match c.desk.app.export_copies(c.visit_id, &twice, stick.path()) {
        Err(Error::CopyChosenTwice { id }) => assert_eq!(id, copies[0].id),
        other => panic!("expected CopyChosenTwice, got {other:?}"),
    }
    assert!(entries(stick.path()).is_empty());
    assert!(handover_states(&c).is_empty());
}

#[test]
fn a_clerk_hands_over_only_at_their_own_visit() {
    let (mut c, copies) = two_copies();
    c.desk.as_supervisor();
    hire(
        &mut c.desk.app,
        &person(iin("91010130033"), "Басқа Қызметкер", "other-pass-1"),
    );
    c.desk
        .app
        .login(&iin("91010130033"), "other-pass-1")
        .unwrap();
    let stick = tempfile::tempdir().unwrap();
    assert!(matches!(
        c.desk
            .app
            .export_copies(c.visit_id, &ids(&copies), stick.path()),
        Err(Error::NotYourVisit)
    ));
    assert!(entries(stick.path()).is_empty());
}

/// The record comes first: when the first file is created on the medium, the hand-over and
/// its audit entry are already committed (seen from another connection, as after a crash).
#[test]
fn the_record_is_committed_before_the_first_file_reaches_the_stick() {
    let (mut c, copies) = two_copies();
    let stick = tempfile::tempdir().unwrap();
    let db = c.desk.dir.path().join("rastau.sqlite3");
    let seen = std::cell::RefCell::new(None);
    // At its first file, the disk reads the store from a connection of its own.
    let watcher = Spy {
        on_create: Box::new(|_| {
            if seen.borrow().is_none() {
                let conn = rusqlite::Connection::open(&db).unwrap();
                let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
                let state: String = conn
                    .query_row("SELECT state FROM handover", [], |r| r.get(0))
                    .unwrap();
                let started =
                    count("SELECT count(*) FROM audit_entry WHERE action = 'handover-started'");
                *seen.borrow_mut() = Some((state, started));
            }
        }),
        ..Spy::default()
    };
    c.desk
        .app
        .export_copies_to(&watcher, c.visit_id, &ids(&copies), stick.path())
        .unwrap();
    let (state, started) = seen.take().expect("a file was created");
    assert_eq!(state, "writing");
    assert_eq!(started, 1, "the hand-over-started audit entry");
    assert_eq!(handover_states(&c), vec![("done".to_owned(), None)]);
    c.desk.as_supervisor();
    let done = audit_of(&mut c.desk.app, rastau_core::audit::Action::HandedOver);
    assert_eq!(done.total, 1);
}

#[test]
fn a_destination_that_is_a_file_is_refused() {
    let (mut c, copies) = two_copies();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    // Root may write anywhere, but not into a file.
    match c.desk.app.export_copies(c.visit_id, &ids(&copies), &file) {
        Err(Error::HandoverDestination { folder, .. }) => assert_eq!(Path::new(&folder), file),
        other => panic!("expected HandoverDestination, got {other:?}"),
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
    assert_store_unchanged(&mut c, &copies);
}

#[test]
fn a_read_only_stick_is_refused() {
    let (mut c, copies) = two_copies();
    let stick = Tmpfs::mount("ro,size=4m");
    match c
        .desk
        .app
        .export_copies(c.visit_id, &ids(&copies), stick.path())
    {
        Err(Error::HandoverDestination { detail, .. }) => {
            assert!(detail.contains("Read-only"), "{detail}")
        }
        other => panic!("expected HandoverDestination, got {other:?}"),
    }
    assert_store_unchanged(&mut c, &copies);
}

#[test]
fn a_full_stick_is_reported_and_cleaned() {
    let (mut c, copies) = two_copies();
    let stick = Tmpfs::mount("size=64k");
    match c
        .desk
        .app
        .export_copies(c.visit_id, &ids(&copies), stick.path())
    {
        Err(Error::HandoverMediumFull { file }) => assert!(file.ends_with(".pdf"), "{file}"),
        other => panic!("expected HandoverMediumFull, got {other:?}"),
    }
    assert!(
        entries(stick.path()).is_empty(),
        "{:?}",
        entries(stick.path())
    );
    assert_store_unchanged(&mut c, &copies);
    // The attempt is on record, failed, with its reason; and audited.
    assert_eq!(
        handover_states(&c),
        vec![("failed".to_owned(), Some("handover-medium-full".to_owned()))]
    );
    c.desk.as_supervisor();
    let failed = audit_of(&mut c.desk.app, rastau_core::audit::Action::HandoverFailed);
    assert_eq!(failed.total, 1);
    assert!(failed.entries[0].detail.ends_with("handover-medium-full"));
}

/// A stick that takes `budget` bytes and then fails with EIO. If `gone`, it fails every
/// operation after that, as a pulled-out stick does (nothing can be cleaned); otherwise only
/// that write fails.
struct Flaky(Rc<Budget>);

struct Budget {
    left: Cell<usize>,
    broken: Cell<bool>,
    gone: bool,
}

impl Flaky {
    fn new(bytes: usize, gone: bool) -> Flaky {
        Flaky(Rc::new(Budget {
            left: Cell::new(bytes),
            broken: Cell::new(false),
            gone,
        }))
    }

    fn check(&self) -> io::Result<()> {
        self.0.check()
    }
}

impl Budget {
    fn check(&self) -> io::Result<()> {
        if self.gone && self.broken.get() {
            return Err(io::Error::from_raw_os_error(5));
        }
        Ok(())
    }
}

/// Writes through to a real file until the shared budget runs out.
struct FlakyFile {
    file: Box<dyn MediumFile>,
    medium: Rc<Budget>,
}

impl Write for FlakyFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.medium.check()?;
        let left = self.medium.left.get();
        if left == 0 {
            self.medium.broken.set(true);
            return Err(io::Error::from_raw_os_error(5));
        }
        let n = self.file.write(&buf[..buf.len().min(left)])?;
        self.medium.left.set(left - n);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.medium.check()?;
        self.file.flush()
    }
}

impl MediumFile for FlakyFile {
    fn sync(&mut self) -> io::Result<()> {
        self.medium.check()?;
        self.file.sync()
    }
}

impl Medium for Flaky {
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        Disk.create_dir(path)
    }
    fn create_file(&self, path: &Path) -> io::Result<Box<dyn MediumFile>> {
        self.check()?;
        let file = Disk.create_file(path)?;
        let medium = Rc::clone(&self.0);
        Ok(Box::new(FlakyFile { file, medium }))
    }
    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check()?;
        Disk.rename_new(from, to)
    }
    fn sync_dir(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        Disk.sync_dir(path)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check()?;
        Disk.read(path)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        Disk.remove_file(path)
    }
    fn remove_dir(&self, path: &Path) -> io::Result<()> {
        self.check()?;
        Disk.remove_dir(path)
    }
}

#[test]
fn a_stick_pulled_out_mid_write_is_reported_and_the_store_is_unchanged() {
    let (mut c, copies) = two_copies();
    let pdf_size = Files::new(c.desk.dir.path())
        .get(&copies[0].pdf_hash)
        .unwrap()
        .len();
    // Pulled out in the middle of the second copy's PDF.
    let stick = tempfile::tempdir().unwrap();
    let flaky = Flaky::new(pdf_size + 3000 + pdf_size / 2, true);
    match c
        .desk
        .app
        .export_copies_to(&flaky, c.visit_id, &ids(&copies), stick.path())
    {
        Err(Error::HandoverIo { file, .. }) => assert!(file.starts_with("02 "), "{file}"),
        other => panic!("expected HandoverIo, got {other:?}"),
    }
    assert_store_unchanged(&mut c, &copies);

    // A write error on a stick that stays: what was written is removed.
    let stick = tempfile::tempdir().unwrap();
    let flaky = Flaky::new(pdf_size / 3, false);
    match c
        .desk
        .app
        .export_copies_to(&flaky, c.visit_id, &ids(&copies), stick.path())
    {
        Err(Error::HandoverIo { file, .. }) => assert!(file.starts_with("01 "), "{file}"),
        other => panic!("expected HandoverIo, got {other:?}"),
    }
    assert!(
        entries(stick.path()).is_empty(),
        "{:?}",
        entries(stick.path())
    );
    assert_store_unchanged(&mut c, &copies);
}

/// What a [`Spy`] hands back for the bytes read from a path.
type OnRead<'a> = Box<dyn Fn(&Path, Vec<u8>) -> Vec<u8> + 'a>;

/// The disk, with a look at each file as it is created and a hand in what is read back: the
/// faults and the moments a real stick does not offer on demand.
struct Spy<'a> {
    on_create: Box<dyn Fn(&Path) + 'a>,
    on_read: OnRead<'a>,
}

impl Default for Spy<'_> {
    fn default() -> Self {
        Spy {
            on_create: Box::new(|_| {}),
            on_read: Box::new(|_, bytes| bytes),
        }
    }
}

impl Medium for Spy<'_> {
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        Disk.create_dir(path)
    }
    fn create_file(&self, path: &Path) -> io::Result<Box<dyn MediumFile>> {
        (self.on_create)(path);
        Disk.create_file(path)
    }
    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()> {
        Disk.rename_new(from, to)
    }
    fn sync_dir(&self, path: &Path) -> io::Result<()> {
        Disk.sync_dir(path)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        Ok((self.on_read)(path, Disk.read(path)?))
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        Disk.remove_file(path)
    }
    fn remove_dir(&self, path: &Path) -> io::Result<()> {
        Disk.remove_dir(path)
    }
}

#[test]
fn a_read_back_that_differs_is_reported_and_cleaned() {
    let (mut c, copies) = two_copies();
    let stick = tempfile::tempdir().unwrap();
    // A stick that returns other bytes than were written to it.
    let corrupting = Spy {
        on_read: Box::new(|path, mut bytes| {
            if path.to_string_lossy().ends_with(".p7s") {
                bytes[10] ^= 1;
            }
            bytes
        }),
        ..Spy::default()
    };
    match c
        .desk
        .app
        .export_copies_to(&corrupting, c.visit_id, &ids(&copies), stick.path())
    {
        Err(Error::HandoverMismatch { file }) => {
            assert_eq!(file, "01 Туу туралы куәлік.pdf.p7s")
        }
        other => panic!("expected HandoverMismatch, got {other:?}"),
    }
    assert!(entries(stick.path()).is_empty());
    assert_store_unchanged(&mut c, &copies);
}

/// The applicant's first visit certified two documents and closed; the second, at the counter
/// now, certified two more. Returns the counter on the second visit and the four copies, the
/// first visit's first.
fn a_second_visit() -> (Counter, Vec<CopyView>) {
    let (mut c, mut copies) = two_copies();
    c.desk.app.close_visit(c.visit_id).unwrap();
    let visit = c
        .desk
        .app
        .open_visit(&OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    let today = [
        Document {
            title: "Неке қию туралы куәлік".into(),
            ..birth_certificate()
        },
        Document {
            title: "Жеке куәлік".into(),
            ..birth_certificate()
        },
    ];
    c.desk.app.set_documents(visit.id, &today, true).unwrap();
    c.desk
        .app
        .confirm_consent(visit.id, Present::Applicant)
        .unwrap();
    c.visit_id = visit.id;
    copies.extend(c.certify_all(2));
    (c, copies)
}

fn pdf_names(folder: &Path) -> Vec<String> {
    entries(folder)
        .into_iter()
        .filter(|n| n.ends_with(".pdf"))
        .collect()
}

#[test]
fn files_follow_the_document_list_then_earlier_visits_whatever_order_they_were_chosen_in() {
    let (mut c, copies) = a_second_visit();
    // Chosen newest first, as the copies list once showed them.
    let chosen: Vec<i64> = ids(&copies).into_iter().rev().collect();
    let stick = tempfile::tempdir().unwrap();
    let report = c
        .desk
        .app
        .export_copies(c.visit_id, &chosen, stick.path())
        .unwrap();
    let folder = PathBuf::from(&report.folder);
    assert_eq!(
        pdf_names(&folder),
        vec![
            "01 Неке қию туралы куәлік.pdf",
            "02 Жеке куәлік.pdf",
            "03 Туу туралы куәлік.pdf",
            "04 Жоғары білім туралы диплом_ ЖБ-Б №0012345.pdf",
        ]
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join(MANIFEST_FILE)).unwrap()).unwrap();
    let numbers: Vec<&str> = manifest["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|copy| copy["journalNumber"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["2026/000002", "2026/000002", "2026/000001", "2026/000001"]
    );

    // The folder is named after the visit at the counter, even for earlier visits' copies.
    let earlier = c
        .desk
        .app
        .export_copies(c.visit_id, &[copies[1].id], stick.path())
        .unwrap();
    let name = PathBuf::from(&earlier.folder);
    let name = name.file_name().unwrap().to_string_lossy();
    assert!(name.starts_with("Rastau 2026-000002 "), "{name}");
}

#[test]
fn the_receipt_lists_what_went_on_the_medium() {
    let (mut c, copies) = a_second_visit();
    // The clerk leaves the earlier visit's diploma out.
    let chosen = [copies[3].id, copies[0].id, copies[2].id];
    let stick = tempfile::tempdir().unwrap();
    let report = c
        .desk
        .app
        .export_copies(c.visit_id, &chosen, stick.path())
        .unwrap();
    let folder = PathBuf::from(&report.folder);
    let folder_name = folder.file_name().unwrap().to_string_lossy().into_owned();
    let on_stick = pdf_names(&folder);
    assert_eq!(on_stick.len(), 3);
    for lang in [Lang::Kk, Lang::Ru] {
        let pdf = c.desk.app.receipt(c.visit_id, lang, b"rastau").unwrap();
        let text = text_of(&pdf, &format!("receipt-{}-handed-over", lang.code()));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&folder_name), "{lang:?}: {flat}");
        for name in &on_stick {
            assert!(flat.contains(name.as_str()), "{lang:?}: {name} in {flat}");
        }
        assert!(
            flat.contains("2026/000001"),
            "{lang:?}: the earlier visit named"
        );
        assert!(
            !flat.contains("04 "),
            "{lang:?}: only three files went out: {flat}"
        );
        let left_out = "Жоғары білім туралы диплом";
        assert!(
            !flat.contains(left_out),
            "{lang:?}: {left_out} stayed: {flat}"
        );
    }
}

#[test]
fn a_failed_hand_over_is_not_on_the_receipt() {
    let (mut c, copies) = two_copies();
    // A write error on a stick that stays: the hand-over is recorded, then marked failed.
    let stick = tempfile::tempdir().unwrap();
    assert!(c
        .desk
        .app
        .export_copies_to(
            &Flaky::new(100, false),
            c.visit_id,
            &ids(&copies),
            stick.path()
        )
        .is_err());
    assert_eq!(handover_states(&c)[0].0, "failed");
    let pdf = c.desk.app.receipt(c.visit_id, Lang::Ru, b"rastau").unwrap();
    let text = text_of(&pdf, "receipt-ru-nothing-handed-over");
    assert!(!text.contains("носитель заявителя"), "{text}");
    assert!(!text.contains(".pdf"), "{text}");
}
