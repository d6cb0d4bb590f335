//! Phrases both forms print: the applicant's number, the representative, a document's details.
use crate::applicant::Applicant;
use crate::dates;
use crate::i18n::Messages;
use crate::ids::TaxId;
use crate::visit::{Document, Representative};

/// `label: value`.
pub(super) fn labeled(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}

/// ЖСН or БСН (ИИН or БИН), told by the number itself.
pub(super) fn tax_id_label(m: &Messages, applicant: &Applicant) -> String {
    let kind = match TaxId::parse(&applicant.tax_id) {
        Ok(TaxId::Bin(_)) => "bin",
        _ => "iin",
    };
    m.text("forms-tax-id", [("kind", kind.into())])
}

/// Name, IIN and the power of attorney with its dates.
pub(super) fn representative(m: &Messages, r: &Representative) -> String {
    m.text(
        "forms-representative",
        [
            ("name", r.full_name.as_str().into()),
            ("iin", r.iin.as_str().into()),
            ("poa", r.poa_number.as_str().into()),
            ("issued", dates::date(r.poa_issued_on).into()),
            ("until", dates::date(r.poa_valid_until).into()),
        ],
    )
}

/// Number, date of issue and issuer, those written on the document, with the certification
/// sheet's captions so that the copy and the forms describe a document alike.
pub(super) fn document_details(m: &Messages, d: &Document) -> String {
    document_details_labelled(d, |id| m.text(id, []))
}

/// [`document_details`] with each caption given by `label` from its message id: on a
/// bilingual form, "kk / ru" before each value, written once.
pub(super) fn document_details_labelled(d: &Document, label: impl Fn(&str) -> String) -> String {
    [
        ("copy-document-number", &d.number),
        ("copy-document-date", &d.issued_on),
        ("copy-issuer", &d.issuer),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(id, value)| labeled(&label(id), value.trim()))
    .collect::<Vec<_>>()
    .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn details_leave_out_what_the_document_does_not_state() {
        let m = Messages::new(Lang::Ru);
        let d = Document {
            title: "Диплом".into(),
            number: "ЖБ-Б 0012345".into(),
            issued_on: " ".into(),
            issuer: "ҚарМУ".into(),
            sheets: 4,
        };
        assert_eq!(
            document_details(&m, &d),
            "Номер: ЖБ-Б 0012345; Кем выдан: ҚарМУ"
        );
    }
}
