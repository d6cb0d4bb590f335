//! The journal's totals: for the selection, and for each clerk in it.
use super::rows::{DocumentOutcome, JournalRow};
use crate::refusal::Ground;
use chrono::{Local, Timelike};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Totals {
    pub visits: u32,
    pub documents_certified: u32,
    pub documents_refused: u32,
    /// Refused documents naming each ground of rule 9: `[1), 2), 3)]`.
    pub refusals_by_ground: [u32; 3],
    /// Over the visits that ended.
    #[ts(type = "number | null")]
    pub mean_seconds: Option<i64>,
    #[ts(type = "number | null")]
    pub longest_seconds: Option<i64>,
    /// Visits over the 30-minute limit.
    pub breaches: u32,
    /// Visits accepted in each local hour, 0 to 23.
    pub visits_per_hour: [u32; 24],
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClerkTotals {
    #[ts(type = "number")]
    pub clerk_id: i64,
    pub clerk_name: String,
    pub totals: Totals,
}

impl Totals {
    pub fn of<'a>(rows: impl Iterator<Item = &'a JournalRow>) -> Totals {
        let mut t = Totals::default();
        let (mut ended, mut seconds) = (0_i64, 0_i64);
        for row in rows {
            t.visits += 1;
            t.visits_per_hour[row.started_at.with_timezone(&Local).hour() as usize] += 1;
            t.breaches += u32::from(row.over_limit);
            if let Some(duration) = row.duration_seconds {
                ended += 1;
                seconds += duration;
                t.longest_seconds = t.longest_seconds.max(Some(duration));
            }
            for document in &row.documents {
                match &document.outcome {
                    DocumentOutcome::Certified => t.documents_certified += 1,
                    DocumentOutcome::Refused { grounds } => {
                        t.documents_refused += 1;
                        for ground in grounds {
                            t.refusals_by_ground[ground_index(*ground)] += 1;
                        }
                    }
                    DocumentOutcome::Undecided => {}
                }
            }
        }
        t.mean_seconds = (ended > 0).then(|| seconds / ended);
        t
    }
}

fn ground_index(ground: Ground) -> usize {
    usize::from(ground.number()) - 1
}

/// Totals per clerk, in the order of their names. A clerk renamed within the range is one
/// clerk, under the name of their latest visit.
pub fn per_clerk(rows: &[JournalRow]) -> Vec<ClerkTotals> {
    let latest: BTreeMap<i64, &str> = rows
        .iter()
        .map(|r| (r.clerk_id, r.clerk_name.as_str()))
        .collect();
    let mut clerks: Vec<(i64, &str)> = latest.into_iter().collect();
    clerks.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    clerks
        .into_iter()
        .map(|(id, name)| ClerkTotals {
            clerk_id: id,
            clerk_name: name.to_owned(),
            totals: Totals::of(rows.iter().filter(|r| r.clerk_id == id)),
        })
        .collect()
}
