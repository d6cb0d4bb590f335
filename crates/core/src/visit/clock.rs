//! The 30-minute limit of rule 3, counted from the moment the documents are accepted.
use serde::Serialize;
use ts_rs::TS;

/// Rule 3: the service takes at most 30 minutes.
pub const LIMIT_SECONDS: i64 = 30 * 60;
/// The clock turns amber this long after acceptance, while there is still time to finish.
pub const WARN_SECONDS: i64 = 25 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClockLimits {
    pub warn_seconds: i64,
    pub limit_seconds: i64,
}

pub const LIMITS: ClockLimits = ClockLimits {
    warn_seconds: WARN_SECONDS,
    limit_seconds: LIMIT_SECONDS,
};

/// Whether a duration breached the limit (the journal flags such visits).
pub fn over_limit(seconds: i64) -> bool {
    seconds > LIMIT_SECONDS
}
