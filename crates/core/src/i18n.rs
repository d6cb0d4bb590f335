//! Fluent messages for the Rust side (the CLI and printed forms). The UI reads the very
//! same `.ftl` files, so a message is written once per language.
use crate::error::{Arg, Coded, Error, ErrorPayload};
use crate::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// Every file under `locales/<lang>/`, by name; a test checks the list against the folder.
pub const FILES: &[&str] = &[
    "app.ftl",
    "capture.ftl",
    "copy.ftl",
    "counter.ftl",
    "custody.ftl",
    "doctor.ftl",
    "errors.ftl",
    "forms.ftl",
    "handover.ftl",
    "ids.ftl",
    "journal.ftl",
    "pages.ftl",
    "pdf.ftl",
    "print.ftl",
    "refusal.ftl",
    "shared.ftl",
    "sign.ftl",
    "verify.ftl",
];

macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../locales/", $lang, "/app.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/capture.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/copy.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/counter.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/custody.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/doctor.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/errors.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/forms.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/handover.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/ids.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/journal.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/pages.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/pdf.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/print.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/refusal.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/shared.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/sign.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/verify.ftl")),
        ]
    };
}

fn sources(lang: Lang) -> [&'static str; FILES.len()] {
    match lang {
        Lang::Kk => sources!("kk"),
        Lang::Ru => sources!("ru"),
    }
}

/// The messages of one language.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        let langid = lang
            .code()
            .parse()
            .expect("kk and ru are valid language ids");
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Unicode isolation marks would end up in terminals and printed forms.
        bundle.set_use_isolating(false);
        for source in sources(lang) {
            let resource = FluentResource::try_new(source.to_owned())
                .expect("locale files parse (checked by tests)");
            bundle
                .add_resource(resource)
                .expect("message ids are unique (checked by tests)");
        }
        Messages { bundle }
    }

    /// The message `id` with `args`; the id itself when missing, so a gap shows rather than
    /// hides.
    pub fn text<'a>(&self, id: &str, args: impl IntoIterator<Item = (&'a str, Arg)>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name, to_fluent(value));
        }
        let mut errors = vec![];
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The error in words a clerk can act on.
    pub fn error(&self, error: &Error) -> String {
        self.coded(error)
    }

    /// Any crate's error in words, also one the core does not carry (the shared store's,
    /// worded for the command line).
    pub fn coded(&self, error: &impl Coded) -> String {
        let args = error.args();
        self.text(
            &format!("error-{}", error.code()),
            args.iter().map(|(k, v)| (*k, v.clone())),
        )
    }

    /// An error that was carried as its payload (a status's reason), in words.
    pub fn payload(&self, error: &ErrorPayload) -> String {
        self.text(
            &format!("error-{}", error.code),
            error.args.iter().map(|(k, v)| (k.as_str(), v.clone())),
        )
    }
}

/// A text file for people, Kazakh first (the state language) then Russian, each part written
/// by `part` in its language. A byte-order mark and CRLF line ends, so that older Windows
/// Notepad shows the Cyrillic and the lines right.
pub fn bilingual_text_file(part: impl Fn(&Messages) -> String) -> Vec<u8> {
    let text: Vec<String> = Lang::ALL
        .into_iter()
        .map(|lang| part(&Messages::new(lang)))
        .collect();
    let crlf = text.join("\n\n").replace('\n', "\r\n") + "\r\n";
    [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat()
}

fn to_fluent(arg: Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(s) => FluentValue::from(s),
        Arg::Number(n) => FluentValue::from(n),
    }
}

#[cfg(test)]
mod paper_tests;
#[cfg(test)]
mod tests;
