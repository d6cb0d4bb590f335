//! Signing in from the command line: the IIN from `--iin`, the password from the
//! `RASTAU_PASSWORD` environment variable or, failing that, the first line of standard input
//! (never an argument, which other users of the machine can read).
use rastau_core::clock::SystemClock;
use rastau_core::i18n::Messages;
use rastau_core::store::Store;
use rastau_core::{Error, Rastau};
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

/// The application over `store`, with `iin` signed in. Someone whose password a supervisor set
/// is sent to the window to choose their own: the command line has no screen for it.
pub fn signed_in(store: Store, iin: &str, messages: &Messages) -> Result<Rastau, String> {
    signed_in_with(store, iin, &password(messages)?, messages)
}

/// [`signed_in`] with the password already read, for a command that needs it again.
pub fn signed_in_with(
    store: Store,
    iin: &str,
    password: &str,
    messages: &Messages,
) -> Result<Rastau, String> {
    let mut app = Rastau::new(store, Box::new(SystemClock));
    let status = app.login(iin, password).map_err(|e| messages.error(&e))?;
    if status.session.is_some_and(|s| s.must_choose_password) {
        app.logout().map_err(|e| messages.error(&e))?;
        return Err(messages.error(&Error::PasswordChangeRequired));
    }
    Ok(app)
}
