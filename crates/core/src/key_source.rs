//! Where the center's people keep the keys they certify with: a key file Rastau opens itself
//! (PKCS#12, the default), or NCALayer, NCA RK's program that holds keys OpenSSL cannot open
//! here — on Kaztoken and other tokens, on the ID card, and the files it manages — and which of
//! its storages its window offers. A supervisor chooses; the key dialog follows the choice, and
//! the core refuses a session key opened the other way. Whichever way a key comes, it passes the
//! same checks before it signs ([`crate::signing_key::check`]).
use crate::error::{Error, Result};
use rastau_sign::{NcaLayerState, NcaLayerStorage};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the center's clerks open their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum KeySource {
    /// A PKCS#12 key file and its password, opened by Rastau.
    #[serde(rename = "pkcs12")]
    Pkcs12,
    /// NCALayer's window: the clerk picks the storage and the key and types the PIN there.
    #[serde(rename = "ncalayer")]
    NcaLayer,
}

impl KeySource {
    fn code(self) -> &'static str {
        match self {
            KeySource::Pkcs12 => "pkcs12",
            KeySource::NcaLayer => "ncalayer",
        }
    }

    fn from_code(code: &str) -> Option<KeySource> {
        match code {
            "pkcs12" => Some(KeySource::Pkcs12),
            "ncalayer" => Some(KeySource::NcaLayer),
            _ => None,
        }
    }
}

/// A storage NCALayer may offer, as a supervisor and a clerk choose among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum KeyStorage {
    /// A key file NCALayer opens (PKCS#12 on the computer or a stick).
    File,
    /// Kaztoken.
    Kaztoken,
    /// The Kazakh ID card in a reader.
    IdCard,
    /// eToken, JaCarta, aKey.
    OtherTokens,
}

impl KeyStorage {
    /// Every storage, in the order they are shown.
    pub const ALL: [KeyStorage; 4] = [
        KeyStorage::File,
        KeyStorage::Kaztoken,
        KeyStorage::IdCard,
        KeyStorage::OtherTokens,
    ];

    /// The name the store and the audit trail keep.
    pub fn code(self) -> &'static str {
        match self {
            KeyStorage::File => "file",
            KeyStorage::Kaztoken => "kaztoken",
            KeyStorage::IdCard => "id-card",
            KeyStorage::OtherTokens => "other-tokens",
        }
    }

    pub fn from_code(code: &str) -> Option<KeyStorage> {
        KeyStorage::ALL.into_iter().find(|s| s.code() == code)
    }

    /// NCALayer's storages this one stands for.
    pub fn ncalayer(self) -> &'static [NcaLayerStorage] {
        match self {
            KeyStorage::File => &[NcaLayerStorage::File],
            KeyStorage::Kaztoken => &[NcaLayerStorage::Kaztoken],
            KeyStorage::IdCard => &[NcaLayerStorage::IdCard],
            KeyStorage::OtherTokens => &[
                NcaLayerStorage::EToken72k,
                NcaLayerStorage::EToken5110,
                NcaLayerStorage::JaCarta,
                NcaLayerStorage::AKey,
            ],
        }
    }
}

/// NCALayer's storages for `chosen`, in NCALayer's order, each once.
pub fn ncalayer_storages(chosen: &[KeyStorage]) -> Vec<NcaLayerStorage> {
    NcaLayerStorage::ALL
        .into_iter()
        .filter(|s| chosen.iter().any(|c| c.ncalayer().contains(s)))
        .collect()
}

/// The center's choice: the key source and, for NCALayer, the storages its window offers (kept
/// when the center goes back to key files, for the next time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeySourceSettings {
    pub source: KeySource,
    /// At least one; each once, in [`KeyStorage::ALL`]'s order.
    pub storages: Vec<KeyStorage>,
}

impl KeySourceSettings {
    /// Storages each once in their order; none at all is refused.
    fn normalized(&self) -> Result<KeySourceSettings> {
        let storages: Vec<KeyStorage> = KeyStorage::ALL
            .into_iter()
            .filter(|s| self.storages.contains(s))
            .collect();
        if storages.is_empty() {
            return Err(Error::NoKeyStorage);
        }
        Ok(KeySourceSettings {
            source: self.source,
            storages,
        })
    }

    /// What the audit trail keeps of it: `ncalayer file,kaztoken`.
    pub fn detail(&self) -> String {
        let storages: Vec<&str> = self.storages.iter().map(|s| s.code()).collect();
        format!("{} {}", self.source.code(), storages.join(","))
    }

    /// Reads [`KeySourceSettings::detail`] back.
    pub fn from_detail(detail: &str) -> Option<KeySourceSettings> {
        let (source, storages) = detail.split_once(' ')?;
        let storages = storages
            .split(',')
            .map(KeyStorage::from_code)
            .collect::<Option<Vec<_>>>()?;
        Some(KeySourceSettings {
            source: KeySource::from_code(source)?,
            storages,
        })
    }
}

pub fn load(conn: &Connection) -> Result<KeySourceSettings> {
    let (source, storages): (String, String) = conn
        .query_row(
            "SELECT key_source, ncalayer_storages FROM center WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotSetUp)?;
    // The CHECK constraints keep anything else out of the store.
    Ok(KeySourceSettings {
        source: KeySource::from_code(&source).unwrap_or(KeySource::Pkcs12),
        storages: storages
            .split(',')
            .filter_map(KeyStorage::from_code)
            .collect(),
    })
}

/// Sets the center's choice; answers it as stored. A choice without storages is refused.
pub fn set(tx: &Transaction, settings: &KeySourceSettings) -> Result<KeySourceSettings> {
    let settings = settings.normalized()?;
    let storages: Vec<&str> = settings.storages.iter().map(|s| s.code()).collect();
    tx.execute(
        "UPDATE center SET key_source = ?1, ncalayer_storages = ?2 WHERE id = 1",
        [settings.source.code(), &storages.join(",")],
    )?;
    Ok(settings)
}

/// Whether NCALayer can be asked to sign, as the key dialog shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "state")]
#[ts(export)]
pub enum NcaLayerStatus {
    /// It greeted: it runs, at this version.
    Running { version: String },
    /// Nothing listens on its port: the clerk starts it.
    NotRunning,
    /// Something holds its port and says nothing: it hangs, and is restarted.
    NotAnswering,
}

/// Asks NCALayer at `url` whether it runs: a few seconds at most (see
/// [`rastau_sign::ncalayer_state`]). Touches no store.
pub fn ncalayer_status(url: &str) -> Result<NcaLayerStatus> {
    Ok(match rastau_sign::ncalayer_state(url)? {
        NcaLayerState::Running { version } => NcaLayerStatus::Running { version },
        NcaLayerState::NotRunning => NcaLayerStatus::NotRunning,
        NcaLayerState::NotAnswering => NcaLayerStatus::NotAnswering,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_tokens_stand_for_every_token_but_kaztoken_and_the_id_card() {
        let all = ncalayer_storages(&KeyStorage::ALL);
        assert_eq!(all, NcaLayerStorage::ALL.to_vec());
        let tokens = ncalayer_storages(&[KeyStorage::OtherTokens, KeyStorage::File]);
        assert_eq!(
            tokens,
            [
                NcaLayerStorage::File,
                NcaLayerStorage::EToken72k,
                NcaLayerStorage::EToken5110,
                NcaLayerStorage::JaCarta,
                NcaLayerStorage::AKey,
            ]
        );
    }

    #[test]
    fn the_audit_detail_reads_back() {
        let settings = KeySourceSettings {
            source: KeySource::NcaLayer,
            storages: vec![KeyStorage::Kaztoken, KeyStorage::IdCard],
        };
        assert_eq!(settings.detail(), "ncalayer kaztoken,id-card");
        assert_eq!(
            KeySourceSettings::from_detail(&settings.detail()),
            Some(settings)
        );
        assert_eq!(KeySourceSettings::from_detail("ncalayer usb"), None);
    }

    #[test]
    fn storages_are_kept_each_once_in_order_and_none_is_refused() {
        let twice = KeySourceSettings {
            source: KeySource::NcaLayer,
            storages: vec![KeyStorage::IdCard, KeyStorage::File, KeyStorage::IdCard],
        };
        assert_eq!(
            twice.normalized().unwrap().storages,
            [KeyStorage::File, KeyStorage::IdCard]
        );
        let none = KeySourceSettings {
            source: KeySource::NcaLayer,
            storages: vec![],
        };
        assert!(matches!(none.normalized(), Err(Error::NoKeyStorage)));
    }
}
