//! The receipt (Қолхат / Расписка) handed to the applicant at the end of a visit: who was
//! served, by whom and when, what was certified and through which day it is kept, what was
//! written on the applicant's medium, that the service was free, and a QR code to check it.
//!
//! A4 like every other form the counter prints: the counter printers hold A4, and an A5 page
//! sent to them is enlarged by the usual "fit to page" setting, which makes type sizes (and the
//! QR code's module size) unpredictable.
use super::words::{self, labeled};
use crate::center::CenterProfile;
use crate::copy::CertifiedDocument;
use crate::dates;
use crate::error::Result;
use crate::handover::names::copy_file_name;
use crate::handover::records::HandedOver;
use crate::i18n::Messages;
use crate::journal_number::break_after_code;
use crate::lang::Lang;
use crate::refusal::Refusal;
use crate::visit::{Document, VisitView};
use rastau_pdf::{Align, Cell, Flow, Orientation, Table, TextStyle};

const MARGINS: [f32; 4] = [25.0, 18.0, 18.0, 18.0];
/// Side of the QR code in points (45 mm): a center-signed payload of several hundred bytes
/// still has modules a phone camera reads off a laser print.
const QR_SIZE: f32 = 128.0;
const LABEL_GRAY: f32 = 0.3;
const SHADE: f32 = 0.94;

/// Everything a receipt tells.
pub struct ReceiptFacts<'a> {
    pub center: &'a CenterProfile,
    pub visit: &'a VisitView,
    /// The copies certified during the visit.
    pub certified: &'a [CertifiedDocument],
    /// The documents refused during the visit, and the numbers of their notices.
    pub refused: &'a [(Refusal, String)],
    /// What the hand-overs of the visit wrote on the medium, earlier visits' copies included.
    pub handed_over: &'a [HandedOver],
    /// The QR code's bytes, as given (the center-signed payload).
    pub qr: &'a [u8],
}

/// The receipt in `lang`.
pub fn receipt_pdf(facts: &ReceiptFacts, lang: Lang) -> Result<Vec<u8>> {
    let m = Messages::new(lang);
    let mut flow = Flow::a4(Orientation::Portrait, MARGINS);
    letterhead(&mut flow, &m, lang, facts.center);
    heading(&mut flow, &m, facts.visit);
    let visit = visit_table(&m, facts.visit, flow.width);
    flow.table(&visit, None);
    flow.skip(16.0);
    copies(&mut flow, &m, facts.certified);
    for handover in facts.handed_over {
        flow.skip(14.0);
        handed_over(&mut flow, &m, lang, handover);
    }
    if !facts.refused.is_empty() {
        flow.skip(14.0);
        refused(&mut flow, &m, facts.refused);
    }
    flow.skip(12.0);
    fee(&mut flow, &m);
    flow.skip(10.0);
    closing(&mut flow, &m, facts)?;
    let title = format!(
        "{} {}",
        m.text("forms-receipt-title", []),
        facts.visit.number_text
    );
    super::to_pdf(flow, title)
}

/// The center's name, its address and phone, over a rule.
fn letterhead(flow: &mut Flow, m: &Messages, lang: Lang, center: &CenterProfile) {
    flow.text(
        center.name(lang),
        &TextStyle::bold(12.0).align(Align::Center),
    );
    flow.skip(2.0);
    let contacts = format!(
        "{}, {} {}",
        center.address,
        m.text("forms-phone", []),
        center.phone
    );
    let small = TextStyle::regular(9.0)
        .align(Align::Center)
        .gray(LABEL_GRAY);
    flow.text(&contacts, &small);
    let (x, width) = (flow.left, flow.width);
    let (page, y) = flow.reserve(8.0);
    page.rule(x, x + width, y + 5.0, 1.0, 0.0);
    flow.skip(18.0);
}

/// Title, subtitle and the journal number.
fn heading(flow: &mut Flow, m: &Messages, visit: &VisitView) {
    let center = |style: TextStyle| style.align(Align::Center);
    flow.text(
        &m.text("forms-receipt-title", []),
        &center(TextStyle::bold(15.0)),
    );
    flow.text(
        &m.text("forms-receipt-subtitle", []),
        &center(TextStyle::regular(10.5)),
    );
    flow.skip(6.0);
    let number = labeled(&m.text("forms-journal-number", []), &visit.number_text);
    flow.text(&number, &center(TextStyle::bold(11.0)));
    flow.skip(14.0);
}

/// Applicant, representative, who gave the consent in person, clerk and times as label / value
/// rows.
fn visit_table(m: &Messages, visit: &VisitView, width: f32) -> Table {
    let who = &visit.applicant;
    let mut rows = vec![
        (m.text("forms-receipt-applicant", []), who.display_name()),
        (words::tax_id_label(m, who), who.tax_id.clone()),
    ];
    if let Some(r) = &visit.representative {
        rows.push((
            m.text("forms-representative-label", []),
            words::representative(m, r),
        ));
    }
    if let Some(given) = &visit.consent_given {
        rows.push((
            m.text("forms-receipt-consent", []),
            m.text(
                "forms-receipt-consent-value",
                [
                    ("name", given.name.as_str().into()),
                    ("present", given.present.code().into()),
                    ("clerk", given.registered_by.as_str().into()),
                ],
            ),
        ));
    }
    rows.push((m.text("forms-receipt-clerk", []), visit.clerk_name.clone()));
    rows.push((
        m.text("forms-receipt-started", []),
        dates::date_time(visit.started_at),
    ));
    if let Some(ended) = visit.ended_at {
        rows.push((m.text("forms-receipt-ended", []), dates::date_time(ended)));
    }
    let label = TextStyle::regular(10.0).gray(LABEL_GRAY);
    let value = TextStyle::regular(10.5);
    let mut table = Table::new(vec![width * 0.32, width * 0.68]);
    for (l, v) in rows {
        table.row(vec![Cell::new(l, label).shaded(SHADE), Cell::new(v, value)]);
    }
    table
}

/// The certified copies: document with its details, pages, kept until.
fn copies(flow: &mut Flow, m: &Messages, certified: &[CertifiedDocument]) {
    flow.text(&m.text("forms-receipt-copies", []), &TextStyle::bold(11.0));
    flow.skip(4.0);
    if certified.is_empty() {
        flow.text(&m.text("forms-receipt-none", []), &TextStyle::regular(10.5));
        return;
    }
    let rows = certified.iter().map(|copy| {
        [
            document_cell(m, &copy.document),
            copy.page_count.to_string(),
            dates::date(copy.kept_through),
        ]
    });
    let heads = ["forms-receipt-pages", "forms-receipt-kept-until"];
    flow.table(
        &numbered_table(m, flow.width, [54.0, 92.0], heads, rows),
        Some(0),
    );
}

/// The copies one hand-over wrote: each under the file name it has on the medium, with the
/// visit it was certified in and the last day the center keeps it.
fn handed_over(flow: &mut Flow, m: &Messages, lang: Lang, handover: &HandedOver) {
    let heading = m.text(
        "forms-receipt-handed-over",
        [("folder", handover.folder.as_str().into())],
    );
    flow.text(&heading, &TextStyle::bold(11.0));
    flow.skip(4.0);
    let rows = handover.copies.iter().enumerate().map(|(i, copy)| {
        [
            match &copy.certified_elsewhere {
                // Its journal number is the other center's: the receipt says whose.
                Some(center) => format!(
                    "{}\n{}\n{}",
                    copy.document_title,
                    copy_file_name(i + 1, &copy.document_title),
                    m.text(
                        "forms-receipt-certified-elsewhere",
                        [("center", center.text(lang).into())]
                    )
                ),
                None => format!(
                    "{}\n{}",
                    copy.document_title,
                    copy_file_name(i + 1, &copy.document_title)
                ),
            },
            break_after_code(&copy.journal_number.to_string()),
            dates::date(crate::copy::kept_through(copy.keep_until)),
        ]
    });
    let heads = ["forms-receipt-visit", "forms-receipt-kept-until"];
    flow.table(
        &numbered_table(m, flow.width, [92.0, 92.0], heads, rows),
        Some(0),
    );
}

/// The refused documents: document, the grounds of rule 9 by number, the notice.
fn refused(flow: &mut Flow, m: &Messages, refused: &[(Refusal, String)]) {
    flow.text(&m.text("forms-receipt-refused", []), &TextStyle::bold(11.0));
    flow.skip(4.0);
    let rows = refused.iter().map(|(refusal, notice)| {
        let grounds = refusal
            .grounds
            .iter()
            .map(|g| g.number().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        [
            document_cell(m, &refusal.document),
            m.text("forms-receipt-grounds-value", [("grounds", grounds.into())]),
            notice.clone(),
        ]
    });
    let heads = ["forms-receipt-grounds", "forms-receipt-notice"];
    flow.table(
        &numbered_table(m, flow.width, [92.0, 92.0], heads, rows),
        Some(0),
    );
}

/// The document's title over its details.
fn document_cell(m: &Messages, document: &Document) -> String {
    let details = words::document_details(m, document);
    [document.title.as_str(), &details]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table of № / document / two centred columns of `widths` headed by `heads`, with a shaded
/// header row.
fn numbered_table(
    m: &Messages,
    width: f32,
    widths: [f32; 2],
    heads: [&str; 2],
    rows: impl Iterator<Item = [String; 3]>,
) -> Table {
    let number_w = 26.0;
    let document_w = width - number_w - widths[0] - widths[1];
    let mut table = Table::new(vec![number_w, document_w, widths[0], widths[1]]);
    let head = TextStyle::bold(9.0);
    let centered = |style: TextStyle| style.align(Align::Center);
    table.row(vec![
        Cell::new("№", centered(head)).shaded(SHADE),
        Cell::new(m.text("forms-receipt-document", []), head).shaded(SHADE),
        Cell::new(m.text(heads[0], []), centered(head)).shaded(SHADE),
        Cell::new(m.text(heads[1], []), centered(head)).shaded(SHADE),
    ]);
    let value = TextStyle::regular(10.0);
    for (number, [document, a, b]) in (1..).zip(rows) {
        table.row(vec![
            Cell::new(format!("{number}"), centered(value)),
            Cell::new(document, value),
            Cell::new(a, centered(value)),
            Cell::new(b, centered(value)),
        ]);
    }
    table
}

/// Rule 4: the service is free; rule 8: the copies are kept six months, through the last day
/// printed, and (until a shared store exists) only where they were certified.
fn fee(flow: &mut Flow, m: &Messages) {
    let fee = labeled(
        &m.text("forms-receipt-fee", []),
        &m.text("forms-receipt-free", []),
    );
    flow.text(&fee, &TextStyle::bold(11.0));
    flow.skip(6.0);
    let note = TextStyle::regular(9.5).gray(0.2);
    flow.text(&m.text("forms-receipt-kept-note", []), &note);
}

/// The clerk's name and signature line on the left, level with the middle of the QR code on the
/// right, and under them what the QR code proves and where it is checked; kept together on one
/// page.
fn closing(flow: &mut Flow, m: &Messages, facts: &ReceiptFacts) -> Result<()> {
    let (x, width) = (flow.left, flow.width);
    let caption = TextStyle::regular(8.0)
        .align(Align::Center)
        .gray(LABEL_GRAY);
    let explanation = TextStyle::regular(8.0).gray(LABEL_GRAY);
    let regular = TextStyle::regular(10.5);
    let gap = 12.0;
    let qr_x = x + width - QR_SIZE;
    let left_width = qr_x - gap - x;

    let name = labeled(&m.text("forms-receipt-clerk", []), &facts.visit.clerk_name);
    let min_signature = 110.0;
    // One point of slack: measuring and wrapping add up widths in a different order.
    let name_width = (regular.measure(&name) + 1.0).min(left_width - gap - min_signature);
    let sign_x = x + name_width + gap;
    let sign_width = qr_x - gap - sign_x;
    let signature = m.text("forms-receipt-clerk-signature", []);
    let qr_caption = m.text("forms-receipt-qr-caption", []);
    let name_top = QR_SIZE / 2.0 - regular.leading();
    let rule_top = name_top + regular.height(&name, name_width);
    let explanation_top = rule_top + 1.0 + caption.height(&signature, sign_width) + 14.0;
    let height = QR_SIZE.max(explanation_top + explanation.height(&qr_caption, left_width));

    let (page, y) = flow.reserve(height);
    page.qr(facts.qr, qr_x, y, QR_SIZE)?;
    page.text(x, y + name_top, name_width, &name, &regular);
    let rule_y = y + rule_top;
    page.rule(sign_x, sign_x + sign_width, rule_y, 0.5, 0.0);
    page.text(sign_x, rule_y + 1.0, sign_width, &signature, &caption);
    page.text(
        x,
        y + explanation_top,
        left_width,
        &qr_caption,
        &explanation,
    );
    Ok(())
}
