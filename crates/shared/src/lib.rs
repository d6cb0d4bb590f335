//! The shared store of the centers: a PostgreSQL database where every installation's history
//! meets (issue 15). This crate is its client: connecting (TLS unless on this machine), the
//! schema's own migrations, and the roles and row-level security that decide, in PostgreSQL's
//! own terms, what each installation may write and read.
mod connect;
mod error;
mod installation;
pub mod policy;
mod retention;
mod schema;
pub mod staff;
#[cfg(feature = "test-db")]
pub mod test_db;

pub use connect::{config, connect, connect_with, tls_required};
pub use error::SharedError;
pub use installation::{
    create_installation, ensure_center, pushed_mark, rejoin_installation, CenterName, Credentials,
};
pub use retention::{run_retention, RetentionReport};
pub use schema::{init, InitReport, GROUP_ROLE, OWNER_ROLE, SCHEMA_VERSION};
pub use staff::{NewPassword, StaffChange, StaffMember};
