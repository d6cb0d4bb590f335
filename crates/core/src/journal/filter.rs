//! Which visits the journal shows.
use crate::dates;
use crate::refusal::Ground;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use ts_rs::TS;

/// What became of a visit's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Outcome {
    /// At least one document certified.
    Certified,
    /// At least one document refused.
    Refused,
    /// A document neither certified nor refused: the visit is still open (rule 6 lets no visit
    /// end so).
    Undecided,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalFilter {
    /// The first and last day, inclusive, in the center's local time.
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[ts(optional, type = "number")]
    pub clerk_id: Option<i64>,
    #[ts(optional)]
    pub outcome: Option<Outcome>,
    #[ts(optional)]
    pub ground: Option<Ground>,
    #[serde(default)]
    pub over_limit_only: bool,
    /// Part of an IIN/BIN, an applicant's or representative's name, a journal number or a
    /// document's title; any letter case.
    #[ts(optional)]
    pub search: Option<String>,
}

impl JournalFilter {
    /// One day, everyone, everything.
    pub fn day(day: NaiveDate) -> JournalFilter {
        JournalFilter {
            from: day,
            to: day,
            clerk_id: None,
            outcome: None,
            ground: None,
            over_limit_only: false,
            search: None,
        }
    }

    /// The instants the range covers: from the first day's local midnight up to, not
    /// including, the midnight after the last day.
    pub(super) fn instants(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            dates::midnight(self.from),
            dates::midnight(self.to.succ_opt().unwrap_or(self.to)),
        )
    }
}
