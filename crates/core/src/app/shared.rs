//! Linking this installation to a center of the shared store, a supervisor's act, and the
//! link's state. Joining connects once with the administrator's URL to register the center
//! and make the installation's own PostgreSQL role; from then on only that role's login, kept
//! in the link file, is used.
use super::Rastau;
use crate::audit::{Action, Event};
use crate::center;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::setting;
use crate::shared_link::{self, Link, LinkView, SharedStatus};

impl Rastau {
    /// Links this installation to the center `center` of the shared store reached with the
    /// administrator's `url`: the center is registered unless it is, the installation gets a
    /// role of its own, and the link is written beside the store. Refused if already linked.
    pub fn join_shared(&mut self, url: &str, center: &str) -> Result<SharedStatus> {
        let me = self.supervisor()?;
        let dir = self.store.dir().to_owned();
        if let Some(link) = shared_link::read(&dir)? {
            return Err(Error::SharedAlreadyLinked {
                center: link.center,
            });
        }
        let admin = rastau_shared::config(url)?;
        let profile = center::load(self.store.read())?
            .ok_or(Error::NotSetUp)?
            .profile;
        let installation = self.store.write(shared_link::installation_code)?;
        let mut client = rastau_shared::connect_with(admin.clone())?;
        rastau_shared::ensure_center(&mut client, center, profile.name(Lang::Kk))?;
        let credentials = rastau_shared::create_installation(&mut client, center, &installation)?;
        let link = Link::new(&admin, center, &installation, credentials);
        shared_link::write(&dir, &link)?;
        self.note(Event::by(&me, Action::SharedJoined).detail(audit_detail(&link)))?;
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
        let Some(link) = shared_link::read(self.store.dir())? else {
            return Ok(SharedStatus::NotLinked);
        };
        let conn = self.store.read();
        Ok(SharedStatus::Linked {
            answer: link.probe(),
            link: link.view(),
            waiting: shared_link::waiting(conn)?,
            last_exchange: setting::get(conn, setting::SHARED_LAST_EXCHANGE)?,
        })
    }
}

/// The codes alone: never a password, nor the server's address with the administrator's name.
fn audit_detail(link: &Link) -> String {
    format!("{} {}", link.center, link.installation)
}
