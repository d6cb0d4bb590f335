//! `rastau id check <number>`.
use rastau_core::i18n::Messages;
use rastau_core::ids::{Bin, Iin, TaxId};

/// The details of a valid number, or the translated reason it is not.
pub fn run(number: &str, messages: &Messages) -> Result<String, String> {
    let today = chrono::Local::now().date_naive();
    let id = TaxId::parse_on(number, today).map_err(|e| messages.error(&e.into()))?;
    let mut lines = vec![format!(
        "{} {}: {}",
        messages.text(id.kind_message_id(), []),
        id.number(),
        messages.text("id-valid", [])
    )];
    let details = match &id {
        TaxId::Iin(iin) => iin_details(iin, messages),
        TaxId::Bin(bin) => bin_details(bin, messages),
    };
    lines.extend(
        details
            .into_iter()
            .map(|(label, value)| format!("  {label}: {value}")),
    );
    Ok(lines.join("\n"))
}

fn label(messages: &Messages, id: &str) -> String {
    messages.text(id, [])
}

fn iin_details(iin: &Iin, m: &Messages) -> Vec<(String, String)> {
    vec![
        (
            label(m, "id-birth-date"),
            iin.birth_date.format("%d.%m.%Y").to_string(),
        ),
        (label(m, "id-century"), iin.century.to_string()),
        (label(m, "id-sex"), label(m, iin.sex.message_id())),
        (label(m, "id-serial"), iin.serial.clone()),
    ]
}

fn bin_details(bin: &Bin, m: &Messages) -> Vec<(String, String)> {
    vec![
        (
            label(m, "id-registered"),
            format!(
                "{:02}.{:02}",
                bin.registration_month, bin.registration_year_yy
            ),
        ),
        (
            label(m, "id-entity"),
            label(m, bin.entity_type.message_id()),
        ),
        (label(m, "id-office"), label(m, bin.office.message_id())),
        (label(m, "id-serial"), bin.serial.clone()),
    ]
}
