//! Linking this installation to a center of the shared store, a supervisor's act, and the
//! link's state. Joining connects once with the administrator's URL to register the center,
//! make the installation's own PostgreSQL role and carry its accounts into the center's staff;
//! from then on only that role's login, kept in the link file, is used.
use super::Rastau;
use crate::account;
use crate::audit::{Action, Event};
use crate::center;
use crate::center_policy;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::setting;
use crate::shared_link::{self, Link, LinkState, LinkView, SharedStatus};
use rastau_shared::{staff, SharedError};
use std::time::Duration;

/// How long joining waits for the administrator's server to answer, unless the URL says.
const JOIN_TIMEOUT: Duration = Duration::from_secs(10);

impl Rastau {
    /// Links this installation to the center `center` of the shared store reached with the
    /// administrator's `url`: the center is registered unless it is, the installation gets a
    /// role of its own, its accounts join the center's staff (those the center does not know
    /// yet), its policy (trusted CAs, signature policy, key source) becomes the center's if the
    /// center has none (else the center's becomes its own), and the link is written beside the
    /// store. The supervisor gives their `password` again: the shared store keeps its own
    /// check of it, so that they can manage the staff
    /// from the first moment. Refused if already linked.
    pub fn join_shared(&mut self, url: &str, center: &str, password: &str) -> Result<SharedStatus> {
        let me = self.supervisor()?;
        let dir = self.store.dir().to_owned();
        if let Some(link) = shared_link::read(&dir)? {
            return Err(Error::SharedAlreadyLinked {
                center: link.center,
            });
        }
        self.confirm_password(&me, password)?;
        let mut admin = rastau_shared::config(url)?;
        // The store is held while joining: a server that never answers must not hold it long.
        if admin.get_connect_timeout().is_none() {
            admin.connect_timeout(JOIN_TIMEOUT);
        }
        let profile = center::load(self.store.read())?
            .ok_or(Error::NotSetUp)?
            .profile;
        let installation = self.store.write(shared_link::installation_code)?;
        let mut client = rastau_shared::connect_with(admin.clone())?;
        let name = rastau_shared::CenterName {
            kk: profile.name(Lang::Kk),
            ru: profile.name(Lang::Ru),
        };
        rastau_shared::ensure_center(&mut client, center, name)?;
        // An installation that left and joins again keeps its code, and so its history there.
        let credentials =
            match rastau_shared::create_installation(&mut client, center, &installation) {
                Err(SharedError::InstallationExists { .. }) => {
                    rastau_shared::rejoin_installation(&mut client, center, &installation)?
                }
                made => made?,
            };
        let accounts = account::as_staff(self.store.read())?;
        staff::carry_in(
            &mut client,
            center,
            &installation,
            &accounts,
            (&me.iin, password),
        )?;
        // A new center's policy is this installation's; a known one's becomes this one's
        // below, at the sign-in with the shared store.
        let policy = center_policy::load(self.store.read())?;
        rastau_shared::policy::carry_in(&mut client, center, &installation, &policy.document())?;
        let link = Link::new(&admin, center, &installation, credentials);
        shared_link::write(&dir, &link)?;
        self.note(Event::by(&me, Action::SharedJoined).detail(audit_detail(&link)))?;
        // The center may have had staff already: the cache becomes what it says now. The
        // supervisor's own row may be rewritten with it (their hash, salted elsewhere); the
        // shared store knowing their password as theirs, their session goes on.
        let token = self.sign_in_shared(&me.iin, password)?;
        if token.is_some() {
            let epoch = account::standing(self.store.read(), me.id)?.epoch;
            self.session()?.renew(epoch);
        }
        self.session()?.set_shared_token(token);
        self.shared_status()
    }

    /// Unlinks this installation: the link file goes, its PostgreSQL role stays on the server
    /// (the shared store's history names it) for its administrator to disable.
    pub fn leave_shared(&mut self) -> Result<LinkView> {
        let me = self.supervisor()?;
        let dir = self.store.dir().to_owned();
        let link = shared_link::read(&dir)?.ok_or(Error::SharedNotLinked)?;
        shared_link::remove(&dir)?;
        self.note(Event::by(&me, Action::SharedLeft).detail(audit_detail(&link)))?;
        Ok(link.view())
    }

    /// Whether this installation is linked, and how the server answers its own role now. The
    /// link's password is not part of it, so anyone at the machine may ask.
    pub fn shared_status(&self) -> Result<SharedStatus> {
        Ok(self.link_state()?.probe())
    }

    /// The link's state as this store has it, for the window: anyone signed in may ask, and
    /// asking is no activity (the window asks every minute). The server is not asked here: the
    /// window lets go of the store first, then probes ([`LinkState::probe`]), since a server
    /// that does not answer holds the probe for its whole timeout.
    pub fn shared_link_state(&mut self) -> Result<LinkState> {
        self.onlooker()?;
        self.link_state()
    }

    fn link_state(&self) -> Result<LinkState> {
        let Some(link) = shared_link::read(self.store.dir())? else {
            return Ok(LinkState::NotLinked);
        };
        let conn = self.store.read();
        Ok(LinkState::Linked {
            link,
            backlog: shared_link::Backlog::read(conn)?,
            last_exchange: setting::get(conn, setting::SHARED_LAST_EXCHANGE)?,
        })
    }
}

/// The codes alone: never a password, nor the server's address with the administrator's name.
fn audit_detail(link: &Link) -> String {
    format!("{} {}", link.center, link.installation)
}
