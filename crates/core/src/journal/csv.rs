//! The journal as CSV: UTF-8 with a byte-order mark (so spreadsheet programs on Windows read
//! Kazakh letters right), comma-separated, one line per document, columns in a fixed order
//! documented in the README. A visit without documents still has its line. Corrections to
//! signed days follow the visits, one line each, with the outcome `correction`.
//!
//! What people typed (names, document titles, a correction's words) is defused as OWASP
//! advises against CSV injection: such a text beginning with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet shows it instead of running it as a
//! formula. The other columns are Rastau's own numbers, dates and codes: a leading `-` there
//! (a duration after the clock was set back) is a negative number, read as one.
use super::rows::{DocumentOutcome, JournalRow};
use super::signoff::CorrectionView;
use super::JournalView;
use crate::dates;

/// The header, in this order; a new column is only ever added at the end.
pub const CSV_COLUMNS: [&str; 17] = [
    "journal_number",
    "started_at",
    "ended_at",
    "duration_seconds",
    "over_limit",
    "tax_id",
    "applicant",
    "representative",
    "clerk",
    "document_position",
    "document_title",
    "outcome",
    "grounds",
    "notices",
    "notice_prints",
    "receipt_prints",
    "visit_id",
];

/// The columns holding text typed by people rather than made by Rastau.
const TYPED: [&str; 4] = ["applicant", "representative", "clerk", "document_title"];

/// The first characters that make a spreadsheet read a cell as a formula (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub fn to_csv(journal: &JournalView) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    line(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for row in &journal.rows {
        if row.documents.is_empty() {
            line(&mut out, defused(fields(row, None)));
        }
        for document in &row.documents {
            line(&mut out, defused(fields(row, Some(document))));
        }
    }
    for correction in &journal.corrections {
        line(&mut out, defused(correction_fields(correction)));
    }
    out.into_bytes()
}

/// A line's fields in [`CSV_COLUMNS`] order, the typed ones made safe to open.
fn defused(fields: impl Iterator<Item = String>) -> impl Iterator<Item = String> {
    CSV_COLUMNS.iter().zip(fields).map(|(column, field)| {
        if TYPED.contains(column) && field.starts_with(FORMULA_STARTS) {
            format!("'{field}")
        } else {
            field
        }
    })
}

/// A correction in the visit columns: the visit's number, when and by whom, and its text
/// in the document title's place.
fn correction_fields(c: &CorrectionView) -> impl Iterator<Item = String> {
    let mut fields = vec![String::new(); CSV_COLUMNS.len()];
    let mut set = |name: &str, value: String| {
        let i = CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a known column");
        fields[i] = value;
    };
    set("journal_number", c.visit_number.clone().unwrap_or_default());
    set("started_at", dates::iso_local(c.written_at));
    set("clerk", c.author.clone());
    set("document_title", c.text.clone());
    set("outcome", "correction".to_owned());
    fields.into_iter()
}

fn fields(
    row: &JournalRow,
    document: Option<&super::JournalDocument>,
) -> impl Iterator<Item = String> {
    let (outcome, grounds) = match document.map(|d| &d.outcome) {
        Some(DocumentOutcome::Certified) => ("certified", String::new()),
        Some(DocumentOutcome::Refused { grounds }) => (
            "refused",
            grounds
                .iter()
                .map(|g| g.number().to_string())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Some(DocumentOutcome::Undecided) => ("undecided", String::new()),
        None => ("", String::new()),
    };
    let notices: Vec<&str> = row.notices.iter().map(|n| n.number.as_str()).collect();
    let notice_prints: u32 = row.notices.iter().map(|n| n.prints).sum();
    [
        row.number.clone(),
        dates::iso_local(row.started_at),
        row.ended_at.map(dates::iso_local).unwrap_or_default(),
        row.duration_seconds
            .map(|s| s.to_string())
            .unwrap_or_default(),
        u8::from(row.over_limit).to_string(),
        row.tax_id.clone(),
        row.applicant.clone(),
        row.representative.clone().unwrap_or_default(),
        row.clerk_name.clone(),
        document.map(|d| d.position.to_string()).unwrap_or_default(),
        document.map(|d| d.title.clone()).unwrap_or_default(),
        outcome.to_owned(),
        grounds,
        notices.join(" "),
        notice_prints.to_string(),
        row.receipt_prints.to_string(),
        row.visit_id.to_string(),
    ]
    .into_iter()
}

/// One CSV line (RFC 4180): a field with a comma, a quote or a line break is quoted.
fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let quoted: Vec<String> = fields
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_that_would_be_a_formula_gets_a_quote_and_our_columns_stay() {
        let mut row = vec![String::new(); CSV_COLUMNS.len()];
        let at = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        row[at("journal_number")] = "2026/000042".into();
        row[at("duration_seconds")] = "-5".into();
        row[at("applicant")] = "=1+2".into();
        row[at("representative")] = "@SUM(A1:A2)".into();
        row[at("clerk")] = "\tТаб".into();
        row[at("document_title")] = "-2+3".into();
        let out: Vec<String> = defused(row.clone().into_iter()).collect();
        assert_eq!(out[at("applicant")], "'=1+2");
        assert_eq!(out[at("representative")], "'@SUM(A1:A2)");
        assert_eq!(out[at("clerk")], "'\tТаб");
        assert_eq!(out[at("document_title")], "'-2+3");
        assert_eq!(out[at("journal_number")], "2026/000042");
        assert_eq!(out[at("duration_seconds")], "-5", "ours, and a number");
        for start in ["+7 701", "\rx"] {
            row[at("applicant")] = start.into();
            let out: Vec<String> = defused(row.clone().into_iter()).collect();
            assert_eq!(out[at("applicant")], format!("'{start}"));
        }
        row[at("applicant")] = "Нұрланова Әлия".into();
        let out: Vec<String> = defused(row.into_iter()).collect();
        assert_eq!(out[at("applicant")], "Нұрланова Әлия");
    }

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        let mut out = String::new();
        line(
            &mut out,
            ["a", "b,c", "say \"hi\"", "two\nlines"]
                .iter()
                .map(|s| s.to_string()),
        );
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }
}
