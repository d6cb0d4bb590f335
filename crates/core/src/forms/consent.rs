//! Annex 1 of the rules: the applicant's written consent, printed pre-filled from the visit for
//! the applicant to sign at the counter. Laid out like the official annex: the center and the
//! applicant top right, the title, the consent sentence with the numbered documents, then the
//! name, the signature and the date.
use super::layout::{note, Column};
use super::words::{self, labeled};
use crate::applicant::Applicant;
use crate::center::CenterProfile;
use crate::dates;
use crate::error::Result;
use crate::i18n::Messages;
use crate::lang::Lang;
use crate::visit::{Document, VisitView};
use chrono::NaiveDate;
use rastau_pdf::{Align, Flow, Orientation, TextStyle};

/// Left, top, right and bottom margins in mm; the wide left one is the filing margin of
/// Kazakh official paper.
const MARGINS: [f32; 4] = [30.0, 20.0, 15.0, 20.0];
const BODY: f32 = 11.0;

/// The consent for `visit`, dated `today`, in `lang`.
pub fn consent_pdf(
    center: &CenterProfile,
    visit: &VisitView,
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    let m = Messages::new(lang);
    let mut flow = Flow::a4(Orientation::Portrait, MARGINS);
    header(&mut flow, &m, lang, center, &visit.applicant);
    body(&mut flow, &m, visit);
    signature(&mut flow, &m, visit, today);
    let title = format!(
        "{} {}",
        m.text("forms-consent-title", []),
        visit.number_text
    );
    super::to_pdf(flow, title)
}

/// The right-hand column: the annex note, the center addressed, then the applicant.
fn header(flow: &mut Flow, m: &Messages, lang: Lang, center: &CenterProfile, who: &Applicant) {
    let column = Column::right_of(flow, 0.45);
    column.write(flow, &m.text("forms-consent-annex", []), &note(), 0.0);
    flow.skip(18.0);
    let regular = TextStyle::regular(BODY);
    let city = m.text("forms-consent-city", [("city", center.city(lang).into())]);
    let district = m.text(
        "forms-consent-district",
        [("district", center.district(lang).into())],
    );
    for line in [city.as_str(), &district, center.name(lang)] {
        column.filled(flow, line, &regular);
    }
    flow.skip(6.0);
    column.filled(flow, &who.display_name(), &TextStyle::bold(BODY));
    let tax_id = labeled(&words::tax_id_label(m, who), &who.tax_id);
    column.filled(flow, &tax_id, &regular);
    column.write(
        flow,
        &m.text("forms-consent-applicant-caption", []),
        &note().align(Align::Center),
        2.0,
    );
    flow.skip(4.0);
    column.filled(
        flow,
        &labeled(&m.text("forms-address", []), &who.address),
        &regular,
    );
    let phone = format!("{} {}", m.text("forms-phone", []), who.phone);
    column.filled(flow, &phone, &regular);
}

/// The title, the consent sentence, the numbered documents and what else the clerk recorded.
fn body(flow: &mut Flow, m: &Messages, visit: &VisitView) {
    flow.skip(30.0);
    let title = TextStyle::bold(14.0).align(Align::Center);
    flow.text(&m.text("forms-consent-title", []), &title);
    flow.skip(14.0);
    let regular = TextStyle::regular(BODY);
    flow.text(&m.text("forms-consent-body", []), &regular);
    flow.skip(8.0);
    for (number, document) in (1..).zip(&visit.documents) {
        item(flow, m, number, document);
        flow.skip(5.0);
    }
    flow.skip(8.0);
    let wanted = if visit.copies_on_media { "yes" } else { "no" };
    flow.text(
        &m.text("forms-consent-media", [("wanted", wanted.into())]),
        &regular,
    );
    if let Some(r) = &visit.representative {
        flow.skip(4.0);
        let label = m.text("forms-representative-label", []);
        flow.text(&labeled(&label, &words::representative(m, r)), &regular);
    }
    flow.skip(4.0);
    let journal = m.text("forms-journal-number", []);
    flow.text(&labeled(&journal, &visit.number_text), &regular);
}

/// `n)` hanging left of the document's title, its details below the title in smaller type.
fn item(flow: &mut Flow, m: &Messages, number: u32, document: &Document) {
    let indent = 30.0;
    let left = flow.left;
    let (x, width) = (left + indent, flow.width - indent);
    let title = TextStyle::regular(BODY);
    let details_style = TextStyle::regular(9.5).gray(0.25);
    let details = words::document_details(m, document);
    let height = title.height(&document.title, width) + details_style.height(&details, width);
    let (page, y) = flow.reserve(height);
    let marker = TextStyle::regular(BODY).align(Align::Right);
    page.text(left, y, indent - 8.0, &format!("{number})"), &marker);
    let used = page.text(x, y, width, &document.title, &title);
    page.text(x, y + used, width, &details, &details_style);
}

/// The signer's name over a rule, the signature line with its caption, and today's date; kept
/// together on one page.
fn signature(flow: &mut Flow, m: &Messages, visit: &VisitView, today: NaiveDate) {
    flow.skip(34.0);
    let (x, width) = (flow.left, flow.width);
    let regular = TextStyle::regular(BODY);
    let caption = note().align(Align::Center);
    let name = labeled(&m.text("forms-consent-signer", []), &signer(visit));
    let name_width = width * 0.55;
    let (sign_x, sign_width) = (x + width * 0.62, width * 0.38);
    let signature = m.text("forms-consent-signature", []);
    let name_height = regular.height(&name, name_width);
    let date_gap = 22.0;
    let height =
        name_height + 2.0 + caption.height(&signature, sign_width) + date_gap + regular.leading();
    let (page, y) = flow.reserve(height);
    page.text(x, y, name_width, &name, &regular);
    let rule_y = y + name_height + 1.0;
    page.rule(x, x + name_width, rule_y, 0.5, 0.0);
    page.rule(sign_x, sign_x + sign_width, rule_y, 0.5, 0.0);
    let caption_height = page.text(sign_x, rule_y + 1.0, sign_width, &signature, &caption);
    let date_y = rule_y + 1.0 + caption_height + date_gap;
    page.text(x, date_y, width, &dates::long_date(m, today), &regular);
}

/// Who signs: the representative, else the applicant in person. For a legal entity that came
/// without one nobody is known, and its officer writes their name by hand.
fn signer(visit: &VisitView) -> String {
    match &visit.representative {
        Some(r) => r.full_name.clone(),
        None => visit.applicant.person_name(),
    }
}
