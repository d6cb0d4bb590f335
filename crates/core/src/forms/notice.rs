//! Annex 2 of the rules: the notice that the center refuses to certify copies (rule 9), the
//! printed copy of an electronic document signed by the authorised person (rule 6). Laid out
//! like the official annex: the applicant top right, the title, the sentence naming the center,
//! the table of refused documents with their grounds and justification, the date, the
//! authorised person's position, signature and name, and the executor. At the foot, the
//! center's seal as a QR code beside the sentence, in both languages whatever the notice's,
//! that an electronic document certified by EDS equals a signed paper one.
//!
//! In Kazakh, in Russian, or both on one sheet: then each heading, caption and sentence comes
//! in Kazakh and again in Russian, in slightly smaller type.
use super::layout::{note, Column};
use super::words::{self, labeled};
use crate::account::Account;
use crate::applicant::Applicant;
use crate::center::CenterProfile;
use crate::dates;
use crate::error::Result;
use crate::i18n::Messages;
use crate::lang::Lang;
use crate::refusal::{Ground, NoticeLanguages, Refusal};
use crate::visit::Document;
use chrono::NaiveDate;
use rastau_pdf::{Align, Cell, Flow, Orientation, Table, TextStyle};

/// Side of the QR code in points (34 mm): a seal of some 200 characters still has modules
/// of half a millimetre.
const QR_SIZE: f32 = 96.0;
const SHADE: f32 = 0.94;

/// Everything a notice tells.
pub struct NoticeFacts<'a> {
    /// Its district and city name the center in the notice's sentence.
    pub center: &'a CenterProfile,
    pub applicant: &'a Applicant,
    /// The journal number, for the PDF's title.
    pub number_text: &'a str,
    /// The table's rows, in order.
    pub refusals: &'a [Refusal],
    /// The notice's date.
    pub date: NaiveDate,
    /// Who signs the notice: position and full name.
    pub authorised: &'a Account,
    /// The clerk who prepared it: full name and phone.
    pub executor: &'a Account,
    /// The QR code's bytes: the center's seal (ASCII), also kept as the PDF's `/RastauQR`.
    pub qr: &'a [u8],
}

/// The notice in `languages`, on one A4 sheet unless the table is long.
pub fn notice_pdf(facts: &NoticeFacts, languages: NoticeLanguages) -> Result<Vec<u8>> {
    let voices = Voices::new(languages);
    let mut flow = Flow::a4(Orientation::Portrait, voices.sizes.margins);
    header(&mut flow, &voices, facts.applicant);
    body(&mut flow, &voices, facts.center);
    let table = refusal_table(&voices, facts.refusals, flow.width);
    flow.table(&table, Some(0));
    signature(&mut flow, &voices, facts);
    seal(&mut flow, &voices, facts.qr)?;
    let title = voices.first().text("notice-title", []);
    let mut doc = super::document(flow, format!("{title} {}", facts.number_text));
    if let Ok(text) = std::str::from_utf8(facts.qr) {
        doc.set_qr_text(text);
    }
    Ok(doc.to_pdf()?)
}

/// The annex note, then the applicant's name and address over their captions, top right.
fn header(flow: &mut Flow, v: &Voices, who: &Applicant) {
    let s = v.sizes;
    let column = Column::right_of(flow, 0.4);
    column.write(flow, &v.lines("notice-annex"), &note(), 0.0);
    let caption = note().align(Align::Center);
    s.skip(flow, 14.0);
    column.filled(flow, &who.display_name(), &TextStyle::bold(s.body));
    column.write(flow, &v.lines("notice-applicant-caption"), &caption, 1.0);
    s.skip(flow, 8.0);
    column.filled(flow, &who.address, &TextStyle::regular(s.body));
    column.write(flow, &v.lines("notice-address-caption"), &caption, 1.0);
}

/// The title and the sentence naming the center by its district and city.
fn body(flow: &mut Flow, v: &Voices, center: &CenterProfile) {
    let s = v.sizes;
    s.skip(flow, 20.0);
    let title = TextStyle::bold(s.body + 2.0).align(Align::Center);
    stacked(flow, &v.text("notice-title"), title, 2.0);
    s.skip(flow, 12.0);
    let sentence = v.each_in(|lang, m| {
        m.text(
            "notice-body",
            [
                ("district", center.district(lang).into()),
                ("city", center.city(lang).into()),
            ],
        )
    });
    stacked(flow, &sentence, TextStyle::regular(s.body), 3.0);
    s.skip(flow, 10.0);
}

/// The annex's four columns, their headings "kk / ru" on a bilingual notice, a row per
/// refused document.
fn refusal_table(v: &Voices, refusals: &[Refusal], width: f32) -> Table {
    let number = 30.0;
    let rest = width - number;
    let mut table = Table::new(vec![number, rest * 0.2, rest * 0.58, rest * 0.22]);
    let value = v.sizes.cell();
    let head = TextStyle {
        line_height: value.line_height,
        ..TextStyle::bold(value.size - 1.0).align(Align::Center)
    };
    let headings = [
        "notice-column-number",
        "notice-column-document",
        "notice-column-grounds",
        "notice-column-justification",
    ];
    table.row(
        headings
            .iter()
            .map(|id| Cell::new(v.slashed(id), head).shaded(SHADE))
            .collect(),
    );
    for (n, refusal) in (1..).zip(refusals) {
        table.row(vec![
            Cell::new(format!("{n}"), value.align(Align::Center)),
            Cell::new(document_cell(v, &refusal.document), value),
            Cell::new(grounds_cell(v, &refusal.grounds), value),
            Cell::new(refusal.justification.trim(), value),
        ]);
    }
    table
}

/// The document's title over its details, each caption in the notice's language(s).
fn document_cell(v: &Voices, document: &Document) -> String {
    let details = words::document_details_labelled(document, |id| v.slashed(id));
    [document.title.trim(), &details]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each ground as "subpoint n) of point 9 of the Rules: its words", a paragraph per ground
/// and language.
fn grounds_cell(v: &Voices, grounds: &[Ground]) -> String {
    grounds
        .iter()
        .flat_map(|g| v.each(|m| labeled(&g.reference(m), &g.wording(m))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The date, the authorised person's position, signature and name, then the executor.
fn signature(flow: &mut Flow, v: &Voices, facts: &NoticeFacts) {
    let s = v.sizes;
    s.skip(flow, 16.0);
    let dates = v.each(|m| dates::long_date(m, facts.date)).join(" / ");
    flow.text(&dates, &TextStyle::regular(s.body));
    s.skip(flow, 18.0);
    signature_row(flow, v, facts.authorised);
    s.skip(flow, 12.0);
    let who = facts.executor;
    let phone = format!(
        "{}, {} {}",
        who.full_name,
        v.slashed("forms-phone"),
        who.phone
    );
    let executor = labeled(&v.slashed("notice-executor"), &phone);
    flow.text(&executor, &TextStyle::regular(s.body - 1.5));
}

/// Position, signature and full name side by side, each over a rule with its caption; the
/// signature's line the shortest, so that a long position or name keeps to one line.
fn signature_row(flow: &mut Flow, v: &Voices, who: &Account) {
    let text = TextStyle::regular(v.sizes.body).align(Align::Center);
    let caption = note().align(Align::Center);
    let gap = 14.0;
    let (left, room) = (flow.left, flow.width - 2.0 * gap);
    let slots = [
        (
            0.38,
            who.position.trim(),
            v.lines("notice-position-caption"),
        ),
        (0.24, "", v.lines("notice-signature-caption")),
        (0.38, who.full_name.trim(), v.lines("notice-name-caption")),
    ]
    .map(|(share, filled, under)| (room * share, filled, under));
    let text_h = slots
        .iter()
        .map(|(w, filled, _)| text.height(filled, *w))
        .fold(0.0, f32::max);
    let caption_h = slots
        .iter()
        .map(|(w, _, under)| caption.height(under, *w))
        .fold(0.0, f32::max);
    let (page, y) = flow.reserve(text_h + 2.0 + caption_h);
    let rule_y = y + text_h + 1.0;
    let mut x = left;
    for (w, filled, under) in &slots {
        // Bottom-aligned on the rule, like words written on a blank's line.
        page.text(x, rule_y - 1.0 - text.height(filled, *w), *w, filled, &text);
        page.rule(x, x + w, rule_y, 0.5, 0.0);
        page.text(x, rule_y + 1.0, *w, under, &caption);
        x += w + gap;
    }
}

/// At the foot of the page: the QR code, and beside it in two columns, Kazakh and Russian
/// whatever the notice's language, the sentence on the legal force of a printed electronic
/// document and how to check it.
fn seal(flow: &mut Flow, v: &Voices, qr: &[u8]) -> Result<()> {
    let statement = TextStyle::regular(7.5);
    // Gray like every caption, but no larger than the statement: the block must leave a
    // bilingual notice of three grounds on one sheet.
    let caption_style = statement.gray(0.3);
    let gap = 10.0;
    let (x, width) = (flow.left, flow.width);
    let column_w = (width - QR_SIZE - 2.0 * gap) / 2.0;
    let columns = v.both("notice-equivalence");
    let captions = v.both("notice-qr-caption");
    let height = columns
        .iter()
        .zip(&captions)
        .map(|(text, caption)| {
            statement.height(text, column_w) + 3.0 + caption_style.height(caption, column_w)
        })
        .fold(QR_SIZE, f32::max);
    // Half a point short of the foot, so that rounding never pushes the block over.
    flow.skip((flow.remaining() - height - 0.5).max(8.0));
    let (page, y) = flow.reserve(height);
    page.qr(qr, x, y, QR_SIZE)?;
    for (i, (text, caption)) in columns.iter().zip(&captions).enumerate() {
        let column_x = x + QR_SIZE + gap + i as f32 * (column_w + gap);
        let used = page.text(column_x, y, column_w, text, &statement);
        page.text(column_x, y + used + 3.0, column_w, caption, &caption_style);
    }
    Ok(())
}

/// Each language's version of a heading or sentence, one under the other; the second in
/// smaller type, `gap` points below the first.
fn stacked(flow: &mut Flow, texts: &[String], style: TextStyle, gap: f32) {
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            flow.skip(gap);
        }
        let style = if i == 0 { style } else { smaller(style) };
        flow.text(text, &style);
    }
}

fn smaller(style: TextStyle) -> TextStyle {
    TextStyle {
        size: style.size - 1.5,
        ..style
    }
}

/// Type sizes and spacing. A bilingual notice says everything twice on the same sheet, so it
/// is set smaller and tighter.
#[derive(Clone, Copy)]
struct Sizes {
    /// Left, top, right and bottom margins in mm; the wide left one is the filing margin.
    margins: [f32; 4],
    /// Body text in points.
    body: f32,
    /// Table text in points.
    cell: f32,
    /// Line height of table text, as a multiple of its size.
    cell_leading: f32,
    /// The spacing between blocks, as a multiple of a one-language notice's.
    gap: f32,
}

impl Sizes {
    fn of(languages: NoticeLanguages) -> Sizes {
        match languages {
            NoticeLanguages::Both => Sizes {
                margins: [30.0, 15.0, 15.0, 14.0],
                body: 10.0,
                cell: 8.0,
                cell_leading: 1.2,
                gap: 0.45,
            },
            // The consent's (Annex 1).
            _ => Sizes {
                margins: [30.0, 20.0, 15.0, 20.0],
                body: 11.0,
                cell: 9.5,
                cell_leading: 1.3,
                gap: 1.0,
            },
        }
    }

    fn cell(self) -> TextStyle {
        TextStyle {
            line_height: self.cell_leading,
            ..TextStyle::regular(self.cell)
        }
    }

    /// Moves `flow` down by `points` of a one-language notice's spacing.
    fn skip(self, flow: &mut Flow, points: f32) {
        flow.skip(points * self.gap);
    }
}

/// The notice's languages, the state language first, with both languages' messages at hand
/// for what is printed in both whatever the choice, and the sizes they make for.
struct Voices {
    kk: Messages,
    ru: Messages,
    chosen: &'static [Lang],
    sizes: Sizes,
}

impl Voices {
    fn new(languages: NoticeLanguages) -> Voices {
        Voices {
            kk: Messages::new(Lang::Kk),
            ru: Messages::new(Lang::Ru),
            chosen: languages.langs(),
            sizes: Sizes::of(languages),
        }
    }

    fn messages(&self, lang: Lang) -> &Messages {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
        }
    }

    fn first(&self) -> &Messages {
        self.messages(self.chosen[0])
    }

    /// `phrase` in each chosen language.
    fn each(&self, phrase: impl Fn(&Messages) -> String) -> Vec<String> {
        self.each_in(|_, m| phrase(m))
    }

    /// `phrase` in each chosen language, for a phrase that also fills in words the center
    /// keeps in each language.
    fn each_in(&self, phrase: impl Fn(Lang, &Messages) -> String) -> Vec<String> {
        self.chosen
            .iter()
            .map(|&l| phrase(l, self.messages(l)))
            .collect()
    }

    fn text(&self, id: &str) -> Vec<String> {
        self.each(|m| m.text(id, []))
    }

    /// Message `id` as "kk / ru", or once when the languages agree or only one is chosen.
    fn slashed(&self, id: &str) -> String {
        let mut texts = self.text(id);
        texts.dedup();
        texts.join(" / ")
    }

    /// Message `id` in each chosen language, a line each.
    fn lines(&self, id: &str) -> String {
        self.text(id).join("\n")
    }

    /// Message `id` in Kazakh and in Russian.
    fn both(&self, id: &str) -> [String; 2] {
        [self.kk.text(id, []), self.ru.text(id, [])]
    }
}
