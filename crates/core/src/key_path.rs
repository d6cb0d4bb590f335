//! Where each clerk's key file lies on this installation: remembered when the key opens, so
//! the next session asks for the password alone. The password is never kept; the path is a
//! setting of this computer, not of the account, since another counter mounts its sticks and
//! folders elsewhere.
use crate::error::Result;
use crate::setting;
use crate::Rastau;
use rastau_sign::CertificateInfo;
use std::path::Path;

/// The setting that holds account `account_id`'s key file path.
fn key(account_id: i64) -> String {
    format!("{}{account_id}", setting::KEY_PATH_PREFIX)
}

impl Rastau {
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
}
