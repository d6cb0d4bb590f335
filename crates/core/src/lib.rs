//! Rastau without a window: the application layer ([`Rastau`], in `app/`), whose methods are the
//! window's commands, over the domain modules, which never import it. A test or the `rastau`
//! CLI drives it exactly as the desktop shell does.
pub mod account;
mod app;
pub mod applicant;
pub mod audit;
pub mod backup;
pub mod center;
pub mod center_policy;
pub mod clock;
pub mod copy;
pub mod dates;
pub mod day_lock;
pub mod doctor;
pub mod error;
pub mod fetched;
pub mod forms;
pub mod handover;
pub mod i18n;
pub mod ids;
pub mod journal;
pub mod journal_number;
pub(crate) mod kept_copy;
pub mod key_source;
pub mod lang;
pub mod preview;
pub mod push;
pub mod refusal;
mod required;
mod retention;
pub mod scans;
pub mod seal;
pub mod session;
pub mod setting;
pub mod shared_link;
pub mod signature_policy;
mod signed;
pub mod signing_key;
pub mod stamping;
pub mod store;
pub mod trust;
pub mod verify;
pub mod visit;

pub use app::{
    demo, printing, sweep, Certification, DaySigning, Fetch, FetchStart, Fetched, FirstStart,
    Lookup, NcaLayerOpened, NcaLayerOpening, NcaLayerProbe, NoticeSigning, Rastau, SignedCopy,
    SignedDay, SignedNotice, Status,
};
pub use error::{Coded, Error, ErrorPayload, Result};
pub use lang::Lang;
pub use retention::RetentionReport;
