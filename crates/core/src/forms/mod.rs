//! Printed forms for the applicant, in Kazakh or Russian as the applicant asks (whatever the
//! screen's language): the written consent of Annex 1, pre-filled for signing, the receipt at
//! the end of a visit, and the notice of refusal of Annex 2, which may also be both on one
//! sheet; and the report of a signature check, for an applicant or a receiving body. Pure functions from facts to PDF bytes; all wording is Fluent's
//! (`locales/*/forms.ftl`, the notice's in `refusal.ftl`), the layout is `rastau-pdf`'s. The
//! signed consent comes back as a scan, kept with the visit (`app/forms.rs`).
mod consent;
mod layout;
mod notice;
mod receipt;
mod report;
mod words;

pub use consent::consent_pdf;
pub use notice::{notice_pdf, NoticeFacts};
pub use receipt::{receipt_pdf, ReceiptFacts};
pub use report::{verification_report_pdf, ReportFacts};

use crate::error::Result;
use rastau_pdf::{Document, Flow};

/// The flow's pages as one PDF, its `/Title` shown by viewers and print queues.
pub(crate) fn to_pdf(flow: Flow, title: String) -> Result<Vec<u8>> {
    Ok(document(flow, title).to_pdf()?)
}

/// The flow's pages as a document titled `title`, for a form that adds to its information
/// dictionary before writing it.
pub(crate) fn document(flow: Flow, title: String) -> Document {
    let mut doc = Document::new();
    for page in flow.into_numbered_pages() {
        doc.push(page);
    }
    doc.set_title(title);
    doc
}
