//! A full disk during certification: the clerk is told so in their language, and the store is
//! as it was before the attempt (no record, no file, no audit entry); with room again, the
//! same certification goes through.
mod common;

use common::tmpfs::{fill, Mounted};
use common::*;
use rastau_core::i18n::Messages;
use rastau_core::store::FILES_DIR;
use rastau_core::visit::Present;
use rastau_core::Coded;
use rastau_core::{doctor, Lang};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};
use std::path::Path;

fn stored_files(dir: &Path) -> Vec<String> {
    let files = rastau_core::store::Files::new(dir);
    let mut names: Vec<String> = files.all().unwrap().into_iter().map(|(n, _)| n).collect();
    names.sort();
    names
}

fn rows(desk: &Desk, table: &str) -> i64 {
    desk.app
        .store()
        .read()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_full_disk_leaves_the_store_as_it_was_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let _mounted = Mounted::on(dir.path(), "size=24m");
    let mut desk = with_clerk_in(dir);
    desk.as_clerk();
    let visit = desk
        .app
        .open_visit(&rastau_core::visit::OpenVisit {
            applicant: person_applicant(),
            representative: None,
        })
        .unwrap();
    let documents = [birth_certificate(), birth_certificate()];
    desk.app.set_documents(visit.id, &documents, true).unwrap();
    desk.app
        .confirm_consent(visit.id, Present::Applicant)
        .unwrap();
    let pki = common::pki();
    let key = pki.clerk(&clerk_iin(), ClerkOptions::default());
    desk.app.open_signing_key(&key, PASSWORD).unwrap();
    // The first copy makes the seal key: the second attempt then writes only its own things.
    certify_with(&mut desk.app, visit.id, 1, &[scanned_page(10)]).unwrap();

    let files_before = stored_files(desk.dir.path());
    let (copies, entries) = (rows(&desk, "certified_copy"), rows(&desk, "audit_entry"));
    let filler = fill(&desk.dir.path().join(FILES_DIR));
    let failed = certify_with(&mut desk.app, visit.id, 2, &[scanned_page(200)]).unwrap_err();
    assert_eq!(failed.code(), "disk-full", "{failed:?}");
    for lang in [Lang::Kk, Lang::Ru] {
        let said = Messages::new(lang).error(&failed);
        assert!(!said.contains("error-disk-full"), "{said}");
        assert!(
            said.contains(if lang == Lang::Kk {
                "орын"
            } else {
                "места"
            }),
            "{said}"
        );
    }
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(stored_files(desk.dir.path()), files_before);
    assert_eq!(rows(&desk, "certified_copy"), copies);
    assert_eq!(rows(&desk, "audit_entry"), entries);
    assert!(doctor::check(desk.app.store()).unwrap().healthy());

    certify_with(&mut desk.app, visit.id, 2, &[scanned_page(200)]).unwrap();
    assert_eq!(rows(&desk, "certified_copy"), copies + 1);
}
