//! `rastau journal`: a day's journal as CSV or PDF on standard output, for the person signing
//! in (a clerk gets their own visits, a supervisor the whole center).
use crate::sign_in::signed_in;
use chrono::NaiveDate;
use rastau_core::i18n::Messages;
use rastau_core::journal::{to_csv, JournalFilter};
use rastau_core::store::Store;
use rastau_core::Lang;
use std::path::Path;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Pdf,
}

/// The journal of `day` in `format`, signed in as `iin` (see [`signed_in`]).
pub fn run(
    store: Store,
    day: NaiveDate,
    format: Format,
    iin: &str,
    lang: Lang,
    messages: &Messages,
) -> Result<Vec<u8>, String> {
    let fail = |e: rastau_core::Error| messages.error(&e);
    let mut app = signed_in(store, iin, messages)?;
    let filter = JournalFilter::day(day);
    let bytes = match format {
        Format::Csv => to_csv(&app.journal(&filter).map_err(fail)?),
        Format::Pdf => app.journal_pdf(&filter, lang).map_err(fail)?,
    };
    app.journal_exported(&filter, Path::new("-"))
        .map_err(fail)?;
    Ok(bytes)
}
