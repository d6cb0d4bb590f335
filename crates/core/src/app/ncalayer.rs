//! The clerk's key opened through NCALayer for the login session, where the center chose
//! NCALayer (`key_source`). NCALayer offers the center's storages and only keys of the
//! signed-in clerk's IIN; the key that comes back is then checked exactly as a key file's
//! (the clerk's own, for signing, valid, chaining to a trusted CA, not revoked), noted in the
//! audit trail the same way (its detail ends in `ncalayer`) and kept for the session.
//!
//! In three steps, as a certification is, because the middle one waits for a person: NCALayer's
//! window is open while the clerk chooses the key and types the PIN, for minutes if need be.
//! [`Rastau::start_ncalayer_key`] reads what to ask under the store, [`NcaLayerOpening::open`]
//! asks NCALayer holding nothing, and [`Rastau::finish_ncalayer_key`] checks and keeps the key
//! under the store again, if the same person is still signed in. The window's other commands
//! answer meanwhile. [`Rastau::open_signing_key_ncalayer`] takes the three in a row.
use super::Rastau;
use crate::account::Account;
use crate::error::{Error, Result};
use crate::key_source::{self, KeySource, KeyStorage, NcaLayerStatus};
use crate::lang::Lang;
use rastau_sign::{CertificateInfo, NcaLayerLocale, NcaLayerOptions, NcaLayerSigner};
use std::sync::Arc;

/// What to ask NCALayer, and for whom: read from the store, asked away from it.
pub struct NcaLayerOpening {
    clerk: Account,
    options: NcaLayerOptions,
}

/// A key NCALayer opened, not yet checked nor kept.
pub struct NcaLayerOpened {
    clerk: Account,
    signer: NcaLayerSigner,
}

/// Where NCALayer is asked whether it runs, away from the store.
pub struct NcaLayerProbe {
    url: String,
}

impl NcaLayerOpening {
    /// Has NCALayer open the key the clerk chooses in its window: blocks until the clerk is done
    /// (or the wait for them ends). Refusals come back coded: NCALayer not running or silent,
    /// the clerk's cancel, no key in the storage, a wrong PIN.
    pub fn open(self) -> Result<NcaLayerOpened> {
        let signer = NcaLayerSigner::open(self.options)?;
        Ok(NcaLayerOpened {
            clerk: self.clerk,
            signer,
        })
    }
}

impl NcaLayerProbe {
    /// Whether NCALayer runs: a few seconds at most.
    pub fn ask(&self) -> Result<NcaLayerStatus> {
        key_source::ncalayer_status(&self.url)
    }
}

impl Rastau {
    /// Where NCALayer is and how long it is waited for: NCALayer's own address by default;
    /// tests and the window's `RASTAU_NCALAYER_URL` point it elsewhere (a stand-in). The
    /// storages, the language and the IIN are set at each opening.
    pub fn set_ncalayer(&mut self, options: NcaLayerOptions) {
        self.ncalayer = options;
    }

    /// NCALayer at `url` instead of its own address, waited for as NCALayer is.
    pub fn set_ncalayer_url(&mut self, url: &str) {
        self.ncalayer.url = url.to_owned();
    }

    /// Whether NCALayer runs, to be asked with [`NcaLayerProbe::ask`] away from the store. Not
    /// counted as activity: the key dialog asks it by itself.
    pub fn ncalayer_probe(&mut self) -> Result<NcaLayerProbe> {
        self.onlooker()?;
        Ok(NcaLayerProbe {
            url: self.ncalayer.url.clone(),
        })
    }

    /// Whether NCALayer runs (see [`Rastau::ncalayer_probe`]), asked in one go.
    pub fn ncalayer_status(&mut self) -> Result<NcaLayerStatus> {
        self.ncalayer_probe()?.ask()
    }

    /// Checks that the signed-in clerk's center opens keys through NCALayer and offers
    /// `storage` (every storage it offers when `None`), and says what NCALayer is to be asked:
    /// those storages, keys of the clerk's IIN only, in the clerk's language.
    pub fn start_ncalayer_key(&mut self, storage: Option<KeyStorage>) -> Result<NcaLayerOpening> {
        let clerk = self.actor()?;
        let settings = key_source::load(self.store.read())?;
        if settings.source != KeySource::NcaLayer {
            return Err(Error::KeySourceIsPkcs12);
        }
        let storages = match storage {
            Some(s) if settings.storages.contains(&s) => vec![s],
            Some(_) => return Err(Error::KeyStorageNotOffered),
            None => settings.storages,
        };
        let demo = crate::center::load(self.store.read())?.is_some_and(|c| c.demo);
        let options = NcaLayerOptions {
            storages: key_source::ncalayer_storages(&storages),
            locale: match clerk.language {
                Lang::Kk => NcaLayerLocale::Kk,
                Lang::Ru => NcaLayerLocale::Ru,
            },
            iin: Some(clerk.iin.clone()),
            // The demo's keys are of its own CA, which NCALayer would not offer otherwise.
            any_ca: self.ncalayer.any_ca || demo,
            ..self.ncalayer.clone()
        };
        Ok(NcaLayerOpening { clerk, options })
    }

    /// Checks the key NCALayer opened as every key is checked, notes it and keeps it for the
    /// session, if the clerk who asked is still the one signed in.
    pub fn finish_ncalayer_key(&mut self, opened: NcaLayerOpened) -> Result<CertificateInfo> {
        let clerk = match self.actor() {
            Ok(now) if now.id == opened.clerk.id => now,
            Ok(_) | Err(Error::NotLoggedIn) => return Err(Error::SignedInChangedWhileOpeningKey),
            Err(e) => return Err(e),
        };
        self.keep_signing_key(&clerk, Arc::new(opened.signer), "ncalayer")
    }

    /// Opens the signed-in clerk's key through NCALayer for this login session: the three steps
    /// in a row, holding the application all along (tests, the CLI).
    pub fn open_signing_key_ncalayer(
        &mut self,
        storage: Option<KeyStorage>,
    ) -> Result<CertificateInfo> {
        let opened = self.start_ncalayer_key(storage)?.open()?;
        self.finish_ncalayer_key(opened)
    }
}
