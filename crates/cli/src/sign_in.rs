//! Signing in from the command line: the IIN from `--iin`, the password from the
//! `RASTAU_PASSWORD` environment variable or, failing that, the first line of standard input
//! (never an argument, which other users of the machine can read).
use rastau_core::clock::SystemClock;
use rastau_core::i18n::Messages;
use rastau_core::store::Store;
use rastau_core::Rastau;
use std::io::BufRead;

/// The password for a command that signs in.
pub fn password(messages: &Messages) -> Result<String, String> {
    if let Ok(password) = std::env::var("RASTAU_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| messages.text("password-prompt-failed", [("detail", e.to_string().into())]))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// The application over `store`, with `iin` signed in.
pub fn signed_in(store: Store, iin: &str, messages: &Messages) -> Result<Rastau, String> {
    let mut app = Rastau::new(store, Box::new(SystemClock));
    app.login(iin, &password(messages)?)
        .map_err(|e| messages.error(&e))?;
    Ok(app)
}
