//! EDS keys at the desk: the clerk's key opened for the login session, its file remembered
//! where it lies on this installation (so the next session asks for the password alone), and
//! the key that signs a document, the session's or a supervisor's brought for one signature,
//! checked again before it signs. The password is never kept; the path is a setting of this
//! computer, not of the account, since another counter mounts its sticks and folders elsewhere.
use super::Rastau;
use crate::account::Account;
use crate::audit::{Action, Event};
use crate::error::{Error, Result};
use crate::key_source::{self, KeySource};
use crate::setting;
use crate::signing_key::{self, CheckedKey, KeyFile};
use rastau_sign::{CertificateInfo, Pkcs12Signer, Signer};
use std::path::Path;
use std::sync::Arc;

/// The setting that holds account `account_id`'s key file path.
fn key(account_id: i64) -> String {
    format!("{}{account_id}", setting::KEY_PATH_PREFIX)
}

impl Rastau {
    /// Opens the clerk's EDS key for this login session, refusing another person's key, an
    /// authentication-only key, one outside its validity period, or one that does not chain to
    /// a CA this center trusts.
    /// A center whose keys are opened through NCALayer refuses key files here
    /// ([`Error::KeySourceIsNcaLayer`]).
    pub fn open_signing_key(&mut self, pkcs12: &[u8], password: &str) -> Result<CertificateInfo> {
        let clerk = self.actor()?;
        if key_source::load(self.store.read())?.source != KeySource::Pkcs12 {
            return Err(Error::KeySourceIsNcaLayer);
        }
        let signer = Pkcs12Signer::open(pkcs12, password)?;
        self.keep_signing_key(&clerk, Arc::new(signer), "")
    }

    /// Checks `signer` as every key is checked before it signs (the clerk's own, for signing,
    /// valid now, chaining to a trusted CA, not revoked), notes its opening in the audit trail
    /// (serial, revocation status, then `how` it was opened when not from a file) and keeps it
    /// for the session.
    pub(super) fn keep_signing_key(
        &mut self,
        clerk: &Account,
        signer: Arc<dyn Signer>,
        how: &str,
    ) -> Result<CertificateInfo> {
        let now = self.now();
        let standing = signing_key::check(self.store.read(), signer.as_ref(), &clerk.iin, now)?
            .standing(now)?;
        let info = signer.certificate().clone();
        let detail = format!("{} {} {how}", info.serial_hex, standing.key_status());
        let detail = detail.trim_end().to_owned();
        self.note(Event::by(clerk, Action::SigningKeyOpened).detail(detail))?;
        self.session()?.set_signer(signer);
        Ok(info)
    }

    /// Opens the signed-in user's key from the file at `path` (see
    /// [`Rastau::open_signing_key`]) and, once it opened, remembers the path for them.
    pub fn open_signing_key_file(
        &mut self,
        path: &Path,
        password: &str,
    ) -> Result<CertificateInfo> {
        let pkcs12 = std::fs::read(path)?;
        let info = self.open_signing_key(&pkcs12, password)?;
        let me = self.actor()?;
        let path = path.to_string_lossy();
        self.store
            .write(|tx| setting::set(tx, &key(me.id), &path))?;
        Ok(info)
    }

    /// The key file the signed-in user last opened on this installation, if any.
    pub fn remembered_key_path(&mut self) -> Result<Option<String>> {
        let me = self.actor()?;
        setting::get(self.store.read(), &key(me.id))
    }

    /// Whose key signs, and the key: the supervisor's `key` brought for this one signature, or
    /// the key `actor` opened for the session, checked again (it may have expired since); whether
    /// it was revoked is for the caller to ask, away from the store if it can
    /// ([`CheckedKey::in_hand`]).
    pub(super) fn key_or_session(
        &mut self,
        actor: &Account,
        key: Option<&KeyFile>,
    ) -> Result<(Account, Arc<dyn Signer>, CheckedKey)> {
        let now = self.now();
        if let Some(key) = key {
            return signing_key::supervisor_key(self.store.read(), key, now);
        }
        let signer = self.session()?.signer().ok_or(Error::NoSigningKey)?;
        let checked = signing_key::check(self.store.read(), signer.as_ref(), &actor.iin, now)?;
        Ok((actor.clone(), signer, checked))
    }
}
