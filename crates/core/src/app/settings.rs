//! The center's own settings, a supervisor's to change: its profile, the CAs keys must chain
//! to, whether keys sign without a revocation status, how keys are opened (key files or
//! NCALayer), the other centers' seals it accepts; and the installation's seal key.
use super::{Rastau, Status};
use crate::audit::{Action, Event};
use crate::center::{self, CenterProfile};
use crate::center_policy;
use crate::error::{Error, Result};
use crate::key_source::{self, KeySourceSettings};
use crate::seal;
use crate::signature_policy::{self, SignaturePolicy};
use crate::trust::{self, TrustedCa};
use rastau_shared::SharedError;
use rusqlite::Transaction;

impl Rastau {
    pub fn update_center(&mut self, profile: &CenterProfile) -> Result<Status> {
        let me = self.supervisor()?;
        self.policy_change(
            |_| Event::by(&me, Action::CenterChanged),
            |tx| center::update(tx, profile),
        )?;
        self.status()
    }

    /// How the center signs: its timestamp authority, and what it does when a key's
    /// revocation status or a timestamp cannot be had.
    pub fn signature_policy(&mut self) -> Result<SignaturePolicy> {
        self.supervisor()?;
        signature_policy::load(self.store.read())
    }

    /// Chooses the timestamp authority, and whether keys sign when their revocation status or
    /// a timestamp cannot be had (the copies then record it) or not at all.
    pub fn set_signature_policy(&mut self, policy: &SignaturePolicy) -> Result<SignaturePolicy> {
        let me = self.supervisor()?;
        self.policy_change(
            |kept: &SignaturePolicy| {
                let url = kept.timestamp_url.as_deref().unwrap_or_default();
                let detail = format!("{:?} {url}", kept.without_status);
                Event::by(&me, Action::SignaturePolicyChanged).detail(detail.trim_end())
            },
            |tx| signature_policy::set(tx, policy),
        )
    }

    /// How the center's keys are opened: asked by anyone signed in, since the key dialog
    /// follows it.
    pub fn key_source(&mut self) -> Result<KeySourceSettings> {
        self.actor()?;
        key_source::load(self.store.read())
    }

    /// Chooses how the center's keys are opened, and which storages NCALayer offers; answers
    /// the choice as stored. Keys already open in sessions stay open until they end.
    pub fn set_key_source(&mut self, settings: &KeySourceSettings) -> Result<KeySourceSettings> {
        let me = self.supervisor()?;
        self.policy_change(
            |stored: &KeySourceSettings| {
                Event::by(&me, Action::KeySourceChanged).detail(stored.detail())
            },
            |tx| key_source::set(tx, settings),
        )
    }

    /// Adds the CA certificates of `file` (PEM or DER) to those keys must chain to and
    /// signatures are judged against; nothing is added unless every one is a CA.
    pub fn trust_ca(&mut self, file: &[u8]) -> Result<Vec<TrustedCa>> {
        let me = self.supervisor()?;
        let added = self.policy_change(
            |added: &Vec<rastau_sign::CaInfo>| {
                let names: Vec<String> = added
                    .iter()
                    .map(|ca| format!("{} ({})", ca.subject, ca.fingerprint))
                    .collect();
                Event::by(&me, Action::CaTrusted).detail(names.join("; "))
            },
            |tx| trust::add(tx, file),
        )?;
        let list = trust::list(self.store.read())?;
        let added = |ca: &&TrustedCa| added.iter().any(|a| a.fingerprint == ca.id);
        Ok(list.iter().filter(added).cloned().collect())
    }

    /// The trusted CAs, for the supervisor to review.
    pub fn trusted_cas(&mut self) -> Result<Vec<TrustedCa>> {
        self.supervisor()?;
        trust::list(self.store.read())
    }

    /// Removes a trusted CA: keys it issued certify no more, signatures it vouched for are no
    /// longer trusted here.
    pub fn remove_trusted_ca(&mut self, id: &str) -> Result<Vec<TrustedCa>> {
        let me = self.supervisor()?;
        let subject = trust::list(self.store.read())?
            .into_iter()
            .find(|ca| ca.id == id)
            .and_then(|ca| ca.subject)
            .unwrap_or_default();
        self.policy_change(
            |_| Event::by(&me, Action::CaRemoved).detail(format!("{subject} ({id})")),
            |tx| trust::remove(tx, id),
        )?;
        trust::list(self.store.read())
    }

    /// A change of the center's policy (its profile, trusted CAs, signature policy, key source,
    /// trusted seals), noted with `event`. On a linked counter it is made in the shared store too, from
    /// the version this counter has, before it commits here: refused there, nothing changes
    /// here; refused because another counter changed the policy meanwhile, this counter takes
    /// theirs.
    fn policy_change<T>(
        &mut self,
        event: impl FnOnce(&T) -> Event,
        change: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let mut authority = self.staff_authority().map_err(|e| match e {
            Error::StaffNeedsSharedSignIn => Error::PolicyNeedsSharedSignIn,
            e => e,
        })?;
        let changed = self.audited(event, |tx| {
            let value = change(tx)?;
            if let Some(authority) = authority.as_mut() {
                let from = center_policy::version(tx)?;
                let document = center_policy::load(tx)?.document();
                center_policy::set_version(tx, authority.change_policy(from, &document)?)?;
            }
            Ok(value)
        });
        if let (Err(Error::Shared(SharedError::PolicyChanged)), Some(authority)) =
            (&changed, authority.as_mut())
        {
            let current = authority.policy()?;
            let now = self.now();
            self.store
                .write(|tx| center_policy::refresh(tx, current.as_ref(), now))?;
        }
        changed
    }

    /// Adds another center's seal key (its public half, hex) so its QR codes check as valid.
    pub fn trust_seal(&mut self, public_hex: &str) -> Result<String> {
        let me = self.supervisor()?;
        self.policy_change(
            |id: &String| Event::by(&me, Action::SealTrusted).detail(id),
            |tx| seal::trust(tx, public_hex),
        )
    }

    /// The installation's seal key, made on first use.
    pub(super) fn seal_key(&mut self) -> Result<rastau_sign::SealKey> {
        let now = self.now();
        let dir = self.store.dir().to_owned();
        self.store.write(|tx| seal::own_key(tx, &dir, now))
    }
}
