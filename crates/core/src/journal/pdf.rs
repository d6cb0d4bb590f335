//! The journal printed for the supervisor's file: A4 landscape, in Kazakh or Russian. The
//! center and the range of days head the first page, with what the filter chose; then a row
//! per visit (journal number, times, duration flagged over the 30-minute limit, the applicant
//! and any representative, the clerk, each document with its outcome and grounds, the notices
//! and receipts printed), the header row repeated on every page; then the totals, overall and
//! per clerk, and the visits per hour. Pages are numbered "n / N" when there are several.
//!
//! A pure function of its facts, like the forms: no clock is read, so the same journal gives
//! the same bytes.
use super::filter::{JournalFilter, Outcome};
use super::rows::{DocumentOutcome, JournalRow};
use super::totals::Totals;
use super::JournalView;
use crate::center::CenterProfile;
use crate::error::Result;
use crate::i18n::Messages;
use crate::journal_number::break_after_code;
use crate::lang::Lang;
use crate::{dates, forms};
use rastau_pdf::{Align, Cell, Flow, Orientation, Table, TextStyle};

/// Left, top, right and bottom margins in mm; the foot leaves room for the page number.
const MARGINS: [f32; 4] = [15.0, 12.0, 12.0, 16.0];
const SHADE: f32 = 0.94;
/// The duration of a visit over the limit stands out even on a gray laser print.
const BREACH_SHADE: f32 = 0.8;
const CELL: f32 = 8.5;
const LABEL_GRAY: f32 = 0.3;

/// The journal `journal`, chosen by `filter`, of `center`, in `lang`.
pub fn journal_pdf(
    center: &CenterProfile,
    filter: &JournalFilter,
    journal: &JournalView,
    lang: Lang,
) -> Result<Vec<u8>> {
    let m = Messages::new(lang);
    let mut flow = Flow::a4(Orientation::Landscape, MARGINS);
    header(&mut flow, &m, lang, center, filter, journal);
    let table = visits_table(&m, filter, &journal.rows, flow.width);
    flow.table(&table, Some(0));
    if journal.rows.is_empty() {
        flow.skip(6.0);
        flow.text(&m.text("journal-empty", []), &TextStyle::regular(10.0));
    }
    flow.skip(16.0);
    totals(&mut flow, &m, journal);
    sign_offs(&mut flow, &m, journal);
    let title = format!("{} {}", m.text("journal-title", []), period(&m, filter));
    forms::to_pdf(flow, title)
}

/// The center with its address over a rule, the title, the days and what the filter chose.
fn header(
    flow: &mut Flow,
    m: &Messages,
    lang: Lang,
    center: &CenterProfile,
    filter: &JournalFilter,
    journal: &JournalView,
) {
    flow.text(center.name(lang), &TextStyle::bold(11.0));
    let contacts = format!("{}, {}", center.address, center.phone);
    flow.text(&contacts, &TextStyle::regular(9.0).gray(LABEL_GRAY));
    let (x, width) = (flow.left, flow.width);
    let (page, y) = flow.reserve(6.0);
    page.rule(x, x + width, y + 3.0, 0.8, 0.0);
    flow.skip(8.0);
    let centered = |style: TextStyle| style.align(Align::Center);
    flow.text(
        &m.text("journal-title", []),
        &centered(TextStyle::bold(14.0)),
    );
    flow.text(&period(m, filter), &centered(TextStyle::regular(11.0)));
    if let Some(selection) = selection(m, filter, journal) {
        flow.skip(2.0);
        let style = centered(TextStyle::regular(9.5).gray(LABEL_GRAY));
        flow.text(&selection, &style);
    }
    flow.skip(10.0);
}

/// `за 23.11.2026`, or `с 23.11.2026 по 27.11.2026`.
fn period(m: &Messages, filter: &JournalFilter) -> String {
    if filter.from == filter.to {
        m.text(
            "journal-period-day",
            [("day", dates::date(filter.from).into())],
        )
    } else {
        m.text(
            "journal-period-range",
            [
                ("from", dates::date(filter.from).into()),
                ("to", dates::date(filter.to).into()),
            ],
        )
    }
}

/// What the filter chose besides the days, if anything: a printed journal that leaves visits
/// out says so.
fn selection(m: &Messages, filter: &JournalFilter, journal: &JournalView) -> Option<String> {
    let mut parts = Vec::new();
    let clerk = filter
        .clerk_id
        .and_then(|id| journal.per_clerk.iter().find(|c| c.clerk_id == id));
    if let Some(clerk) = clerk {
        let name = clerk.clerk_name.as_str();
        parts.push(m.text("journal-selection-clerk", [("name", name.into())]));
    }
    if let Some(outcome) = filter.outcome {
        let code = match outcome {
            Outcome::Certified => "certified",
            Outcome::Refused => "refused",
            Outcome::Undecided => "undecided",
        };
        parts.push(m.text("journal-selection-outcome", [("outcome", code.into())]));
    }
    if let Some(ground) = filter.ground {
        parts.push(m.text(
            "journal-selection-ground",
            [("ground", ground.number().into())],
        ));
    }
    if filter.over_limit_only {
        parts.push(m.text("journal-selection-over-limit", []));
    }
    let search = filter.search.as_deref().map(str::trim).unwrap_or_default();
    if !search.is_empty() {
        parts.push(m.text("journal-selection-search", [("text", search.into())]));
    }
    (!parts.is_empty()).then(|| m.text("journal-selection", [("what", parts.join("; ").into())]))
}

/// A row per visit under a shaded header row.
fn visits_table(m: &Messages, filter: &JournalFilter, rows: &[JournalRow], width: f32) -> Table {
    let fixed = [62.0, 80.0, 74.0, 150.0, 84.0, 0.0, 118.0];
    let documents = width - fixed.iter().sum::<f32>();
    let mut widths = fixed.to_vec();
    widths[5] = documents;
    let mut table = Table::new(widths);
    let head = TextStyle::bold(8.0);
    let heads = [
        "journal-column-number",
        "journal-column-time",
        "journal-column-duration",
        "journal-column-applicant",
        "journal-column-clerk",
        "journal-column-documents",
        "journal-column-issued",
    ];
    table.row(
        heads
            .iter()
            .map(|id| Cell::new(m.text(id, []), head).shaded(SHADE))
            .collect(),
    );
    let one_day = filter.from == filter.to;
    for row in rows {
        table.row(visit_cells(m, row, one_day));
    }
    table
}

fn visit_cells(m: &Messages, row: &JournalRow, one_day: bool) -> Vec<Cell> {
    let value = TextStyle::regular(CELL);
    // On a one-day journal the date is in the header; over several days each time has its own.
    let at = |t| {
        if one_day {
            dates::time(t)
        } else {
            dates::date_time(t)
        }
    };
    let ended = row
        .ended_at
        .map(at)
        .unwrap_or_else(|| m.text("journal-not-closed", []));
    let duration = row
        .duration_seconds
        .map(|s| duration(m, s))
        .unwrap_or_default();
    let duration = if row.over_limit {
        let flag = m.text("journal-over-limit", []);
        Cell::new(format!("{duration}\n{flag}"), TextStyle::bold(CELL)).shaded(BREACH_SHADE)
    } else {
        Cell::new(duration, value)
    };
    let mut applicant = vec![row.tax_id.clone(), row.applicant.clone()];
    if let Some(name) = &row.representative {
        applicant.push(m.text("journal-representative", [("name", name.as_str().into())]));
    }
    vec![
        Cell::new(break_after_code(&row.number), TextStyle::bold(CELL)),
        Cell::new(format!("{}\n{ended}", at(row.started_at)), value),
        duration,
        Cell::new(applicant.join("\n"), value),
        Cell::new(row.clerk_name.clone(), value),
        Cell::new(documents(m, row), value),
        Cell::new(issued(m, row), value),
    ]
}

/// `1. Диплом — заверен`, a line each; a refusal with its grounds of rule 9.
fn documents(m: &Messages, row: &JournalRow) -> String {
    row.documents
        .iter()
        .map(|d| {
            let outcome = match &d.outcome {
                DocumentOutcome::Certified => m.text("journal-outcome-certified", []),
                DocumentOutcome::Refused { grounds } => {
                    let numbers = grounds
                        .iter()
                        .map(|g| format!("{})", g.number()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    m.text(
                        "journal-outcome-refused",
                        [("grounds", numbers.into()), ("count", grounds.len().into())],
                    )
                }
                DocumentOutcome::Undecided => m.text("journal-outcome-undecided", []),
            };
            format!("{}. {} — {outcome}", d.position, d.title)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The notices with their paper copies, then the receipts printed.
fn issued(m: &Messages, row: &JournalRow) -> String {
    row.notices
        .iter()
        .map(|n| {
            m.text(
                "journal-notice",
                [
                    ("number", n.number.as_str().into()),
                    ("prints", n.prints.into()),
                ],
            )
        })
        .chain([m.text("journal-receipts", [("prints", row.receipt_prints.into())])])
        .collect::<Vec<_>>()
        .join("\n")
}

/// `12 мин`, `22 мин 20 с`.
fn duration(m: &Messages, seconds: i64) -> String {
    m.text(
        "journal-duration",
        [
            ("minutes", (seconds / 60).into()),
            ("seconds", (seconds % 60).into()),
        ],
    )
}

/// Who signed which day off, and the corrections written to signed days since: a correction
/// never changes what was signed, it is printed after it.
fn sign_offs(flow: &mut Flow, m: &Messages, journal: &JournalView) {
    let regular = TextStyle::regular(9.0);
    if !journal.signed_off.is_empty() {
        flow.skip(10.0);
    }
    for signed in &journal.signed_off {
        let line = m.text(
            "journal-signed-off",
            [
                ("day", dates::date(signed.day).into()),
                ("name", signed.signer_name.as_str().into()),
                ("at", dates::date_time(signed.signed_at).into()),
            ],
        );
        flow.text(&line, &regular);
    }
    if journal.corrections.is_empty() {
        return;
    }
    flow.skip(10.0);
    flow.text(&m.text("journal-corrections", []), &TextStyle::bold(11.0));
    flow.skip(4.0);
    for c in &journal.corrections {
        let about = c.visit_number.as_deref().unwrap_or("—");
        let line = format!(
            "{} · {about} · {} ({}, {})",
            dates::date(c.day),
            c.text,
            c.author,
            dates::date_time(c.written_at)
        );
        flow.text(&line, &regular);
    }
}

/// The totals of the selection, then each clerk's, as one table; then the visits per hour.
fn totals(flow: &mut Flow, m: &Messages, journal: &JournalView) {
    let heading = m.text("journal-totals", []);
    let heading_style = TextStyle::bold(11.0);
    // The heading goes with the table's first rows, never alone at a page's foot.
    if flow.remaining() < heading_style.leading() + 90.0 {
        flow.new_page();
    }
    flow.text(&heading, &heading_style);
    flow.skip(4.0);
    let number_w = 62.0;
    let mut widths = vec![flow.width - 9.0 * number_w];
    widths.extend([number_w; 9]);
    let mut table = Table::new(widths);
    let head = TextStyle::bold(8.0);
    let centered = |style: TextStyle| style.align(Align::Center);
    let mut heads = vec![Cell::new(m.text("journal-totals-clerk", []), head).shaded(SHADE)];
    let ground = |n: u8| m.text("journal-totals-ground", [("ground", n.into())]);
    let titles = [
        m.text("journal-totals-visits", []),
        m.text("journal-totals-certified", []),
        m.text("journal-totals-refused", []),
        ground(1),
        ground(2),
        ground(3),
        m.text("journal-totals-mean", []),
        m.text("journal-totals-longest", []),
        m.text("journal-totals-breaches", []),
    ];
    heads.extend(titles.map(|t| Cell::new(t, centered(head)).shaded(SHADE)));
    table.row(heads);
    let all = m.text("journal-totals-all", []);
    table.row(totals_cells(
        m,
        &all,
        &journal.totals,
        TextStyle::bold(9.0),
        Some(SHADE),
    ));
    for clerk in &journal.per_clerk {
        let style = TextStyle::regular(9.0);
        table.row(totals_cells(
            m,
            &clerk.clerk_name,
            &clerk.totals,
            style,
            None,
        ));
    }
    flow.table(&table, Some(0));
    flow.skip(8.0);
    let hours = journal
        .totals
        .visits_per_hour
        .iter()
        .enumerate()
        .filter(|(_, &count)| count > 0)
        .map(|(hour, &count)| {
            m.text(
                "journal-hour",
                [
                    ("hour", format!("{hour:02}").into()),
                    ("count", count.into()),
                ],
            )
        })
        .collect::<Vec<_>>();
    if !hours.is_empty() {
        let line = m.text("journal-per-hour", [("hours", hours.join("; ").into())]);
        flow.text(&line, &TextStyle::regular(9.0));
    }
}

fn totals_cells(
    m: &Messages,
    name: &str,
    t: &Totals,
    style: TextStyle,
    shade: Option<f32>,
) -> Vec<Cell> {
    let time = |s: Option<i64>| s.map(|s| duration(m, s)).unwrap_or_else(|| "—".into());
    let [g1, g2, g3] = t.refusals_by_ground;
    let values = [
        t.visits.to_string(),
        t.documents_certified.to_string(),
        t.documents_refused.to_string(),
        g1.to_string(),
        g2.to_string(),
        g3.to_string(),
        time(t.mean_seconds),
        time(t.longest_seconds),
        t.breaches.to_string(),
    ];
    let cell = |text: String, style: TextStyle| {
        let cell = Cell::new(text, style);
        match shade {
            Some(gray) => cell.shaded(gray),
            None => cell,
        }
    };
    let mut cells = vec![cell(name.to_owned(), style)];
    cells.extend(values.map(|v| cell(v, style.align(Align::Center))));
    cells
}
