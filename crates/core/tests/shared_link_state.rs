//! The window's question about the shared store's link: only for someone signed in, and never
//! counted as activity, since the window asks it by itself every minute.
mod common;

use chrono::Duration;
use common::*;
use rastau_core::shared_link::LinkState;
use rastau_core::Error;

#[test]
fn the_link_state_is_for_whoever_is_signed_in_and_keeps_no_session_open() {
    let mut desk = with_clerk();
    assert!(matches!(
        desk.app.shared_link_state(),
        Err(Error::NotLoggedIn)
    ));
    desk.as_clerk();
    assert!(matches!(
        desk.app.shared_link_state(),
        Ok(LinkState::NotLinked)
    ));
    desk.clock.advance(Duration::minutes(9));
    desk.app.shared_link_state().unwrap();
    desk.clock.advance(Duration::minutes(1));
    assert!(
        matches!(desk.app.shared_link_state(), Err(Error::SessionLocked)),
        "asking did not restart the idle clock"
    );
    assert!(desk.app.status().unwrap().session.unwrap().locked);
}
