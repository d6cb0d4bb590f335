//! The center's printer: chosen by a supervisor among the real CUPS queues (`scripts/cups.sh`
//! sets up the cups-pdf queue `PDF`), used by the clerks.
mod common;

use common::*;
use rastau_core::refusal::{Ground, NoticeLanguages, RefuseRequest};
use rastau_core::Error;
use rastau_print::PrintError;
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};

const MINIMAL_PDF: &[u8] = b"%PDF-1.4
1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj
trailer <</Root 1 0 R>>
%%EOF
";

#[test]
fn a_supervisor_chooses_the_printer_and_clerks_print_on_it() {
    let mut desk = with_clerk();
    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    assert!(matches!(
        desk.app.print_pdf(MINIMAL_PDF, "test"),
        Err(Error::NoPrinterChosen)
    ));
    assert!(matches!(
        desk.app.set_printer("PDF"),
        Err(Error::SupervisorOnly)
    ));
    let listed = desk.app.printers().expect("CUPS runs: scripts/cups.sh");
    assert!(listed.iter().any(|p| p.name == "PDF"), "{listed:?}");

    desk.app
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    assert!(matches!(
        desk.app.set_printer("NoSuchPrinter"),
        Err(Error::Print(PrintError::PrinterNotFound { .. }))
    ));
    assert_eq!(desk.app.chosen_printer().unwrap(), None);
    assert_eq!(desk.app.set_printer("PDF").unwrap().name, "PDF");

    desk.app.login(&clerk_iin(), "clerk-pass-1").unwrap();
    assert_eq!(desk.app.chosen_printer().unwrap().as_deref(), Some("PDF"));
    let job = desk.app.print_pdf(MINIMAL_PDF, "Rastau core test").unwrap();
    assert!(job.0 > 0);
}

#[test]
fn every_printed_copy_of_a_notice_is_counted() {
    let mut c = consented_visit(&[birth_certificate()]);
    let key = c.pki.clerk(&clerk_iin(), ClerkOptions::default());
    c.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let request = RefuseRequest {
        positions: vec![1],
        grounds: vec![Ground::Defects],
        justification: "Печать не читается.".into(),
    };
    let app = &mut c.desk.app;
    app.refuse(c.visit_id, &request).unwrap();
    let notice = app
        .issue_notice(c.visit_id, NoticeLanguages::Kk, None)
        .unwrap();
    // No printer chosen yet: nothing printed, nothing counted.
    assert!(matches!(
        app.print_notice(notice.id),
        Err(Error::NoPrinterChosen)
    ));
    app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    app.set_printer("PDF").unwrap();
    for _ in 0..2 {
        app.print_notice(notice.id)
            .expect("CUPS runs: scripts/cups.sh");
    }
    let history = app.notices(&person_applicant().tax_id).unwrap();
    assert_eq!(history[0].prints, 2);
}
