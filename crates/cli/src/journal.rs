//! `rastau journal`: a day's journal as CSV or PDF on standard output, for the person signing
//! in (a clerk gets their own visits, a supervisor the whole center).
use chrono::NaiveDate;
use rastau_core::clock::SystemClock;
use rastau_core::i18n::Messages;
use rastau_core::journal::{to_csv, JournalFilter};
use rastau_core::store::Store;
use rastau_core::{Lang, Rastau};
use std::io::BufRead;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Pdf,
}

/// The journal of `day` in `format`, signed in as `iin` with the password from the
/// `RASTAU_PASSWORD` environment variable or, failing that, the first line of standard input.
pub fn run(
    store: Store,
    day: NaiveDate,
    format: Format,
    iin: &str,
    lang: Lang,
    messages: &Messages,
) -> Result<Vec<u8>, String> {
    let fail = |e: rastau_core::Error| messages.error(&e);
    let password = match std::env::var("RASTAU_PASSWORD") {
        Ok(password) => password,
        Err(_) => first_line_of_stdin().map_err(|e| e.to_string())?,
    };
    let mut app = Rastau::new(store, Box::new(SystemClock));
    app.login(iin, &password).map_err(fail)?;
    let filter = JournalFilter::day(day);
    match format {
        Format::Csv => Ok(to_csv(&app.journal(&filter).map_err(fail)?)),
        Format::Pdf => app.journal_pdf(&filter, lang).map_err(fail),
    }
}

fn first_line_of_stdin() -> std::io::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
