//! The demo's keys: a CA of its own, which the demo center trusts, and a signing key for each of
//! its people, written into the demo folder so that a newcomer can certify at the counter too.
use super::{DemoLogin, DEMO_PASSWORD};
use crate::error::Result;
use rastau_sign::demo_pki::DemoCa;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder beside the store that holds the demo's key files.
pub const KEYS_DIR: &str = "keys";
/// The demo CA's certificate in [`KEYS_DIR`], for `openssl` and other verifiers.
pub const CA_FILE: &str = "demo-ca.pem";

pub struct Keys {
    pub ca_pem: Vec<u8>,
    /// Key files (.p12, password [`DEMO_PASSWORD`]) by their owner's IIN.
    by_iin: BTreeMap<String, Vec<u8>>,
    pub dir: PathBuf,
}

impl Keys {
    /// The key file of the person with `iin` (empty for someone the demo made no key for,
    /// which the key check then refuses as not a key file).
    pub fn of(&self, iin: &str) -> &[u8] {
        self.by_iin.get(iin).map_or(&[], Vec::as_slice)
    }
}

/// Makes the CA and a key for each of `people`, and writes them as `<store>/keys/<IIN>.p12`
/// and `<store>/keys/demo-ca.pem`.
pub fn make(store_dir: &Path, people: &[DemoLogin]) -> Result<Keys> {
    let ca = DemoCa::new()?;
    let dir = store_dir.join(KEYS_DIR);
    std::fs::create_dir_all(&dir)?;
    let ca_pem = ca.certificate_pem()?;
    write(&dir.join(CA_FILE), &ca_pem)?;
    let mut by_iin = BTreeMap::new();
    for person in people {
        let p12 = ca.signing_key(&person.iin, &person.full_name, DEMO_PASSWORD)?;
        write(&dir.join(format!("{}.p12", person.iin)), &p12)?;
        by_iin.insert(person.iin.clone(), p12);
    }
    File::open(&dir)?.sync_all()?;
    Ok(Keys {
        ca_pem,
        by_iin,
        dir,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    Ok(file.sync_all()?)
}
