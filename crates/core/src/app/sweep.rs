//! What the app tidies after it opens: the files that no record names (what a crash left
//! between writing a file and its record, or between the retention sweep's commit and its
//! removals), then the day's retention sweep (rule 8), which a supervisor may also run at once.
//!
//! Both go in steps, each holding the store for a bounded share (one fan folder of files, one
//! chunk of copies): the window opens at once on a store of any size, and a clerk's command
//! waits at most one step. The leftovers are found from the files on disk, each asked of the
//! records by index, so the cost follows what the store keeps, not every record it ever made.
//!
//! A file is only a leftover once it has [settled](crate::store::SETTLED); `put` of bytes
//! already stored marks the file new again.
use super::Rastau;
use crate::audit::{Action, Event};
use crate::doctor;
use crate::error::Result;
use crate::retention::{Retention, RetentionReport};
use crate::store::{is_settled, Files};
use crate::{dates, setting};
use std::path::{Path, PathBuf};

/// The sweep's work still to do: fan folders to look through, then the retention run.
pub struct Sweep {
    fans: Vec<PathBuf>,
    retention: Option<Retention>,
    report: Option<RetentionReport>,
}

impl Sweep {
    /// What the retention run removed, once it has finished.
    pub fn retention(&self) -> Option<RetentionReport> {
        self.report
    }
}

impl Rastau {
    /// What must happen before anyone works, and is quick whatever the store's size: a seal
    /// key that an earlier build kept in the database moved out to its file (audited).
    pub fn prepare(&mut self) -> Result<()> {
        let (dir, now) = (self.store.dir().to_owned(), self.now());
        self.store
            .write(|tx| crate::seal::move_legacy_key(tx, &dir, now))?;
        Ok(())
    }

    /// The sweep of a start: leftovers, then retention unless it ran today.
    pub fn start_sweep(&self) -> Result<Sweep> {
        self.sweep(true)
    }

    /// The sweep as the day turns while the window stays open: once a day, what a start does.
    pub fn daily_sweep(&self) -> Result<Sweep> {
        self.sweep(false)
    }

    fn sweep(&self, at_start: bool) -> Result<Sweep> {
        let retention = self.retention_due()?;
        let fans = match at_start || retention.is_some() {
            true => self.store.files().fans()?,
            false => vec![],
        };
        Ok(Sweep {
            fans,
            retention,
            report: None,
        })
    }

    /// One bounded step of `sweep`; `true` while work remains.
    pub fn sweep_step(&mut self, sweep: &mut Sweep) -> Result<bool> {
        if let Some(fan) = sweep.fans.pop() {
            self.remove_leftovers(&fan)?;
        } else if let Some(run) = &mut sweep.retention {
            if !run.step(&mut self.store)? {
                sweep.report = sweep.retention.take().map(Retention::finished);
            }
        }
        Ok(!sweep.fans.is_empty() || sweep.retention.is_some())
    }

    /// The whole start-up at once, where nothing waits for it (tests, the `rastau` command).
    pub fn start_up(&mut self) -> Result<Option<RetentionReport>> {
        self.prepare()?;
        let mut sweep = self.start_sweep()?;
        while self.sweep_step(&mut sweep)? {}
        Ok(sweep.retention())
    }

    /// Removes the settled files of one fan folder that no record names; audited when any went.
    fn remove_leftovers(&mut self, fan: &Path) -> Result<()> {
        let mut removed = 0;
        for (name, path) in Files::in_fan(fan)? {
            if is_settled(&path)? && !doctor::is_named(self.store.read(), &name)? {
                std::fs::remove_file(path)?;
                removed += 1;
            }
        }
        if removed > 0 {
            let now = self.now();
            self.store.write(|tx| {
                Event::system(Action::LeftoversRemoved)
                    .detail(removed.to_string())
                    .append(tx, now)
            })?;
        }
        Ok(())
    }

    /// Runs the sweep now, on a supervisor's request.
    pub fn run_retention(&mut self) -> Result<RetentionReport> {
        let me = self.supervisor()?;
        Retention::new(Some(me), self.now()).run(&mut self.store)
    }

    /// Runs the sweep unless it ran today already.
    pub fn retention_if_due(&mut self) -> Result<Option<RetentionReport>> {
        self.retention_due()?
            .map(|run| run.run(&mut self.store))
            .transpose()
    }

    /// The daily sweep, unless it ran today already: at start, and as the day turns while the
    /// window stays open.
    pub(super) fn retention_due(&self) -> Result<Option<Retention>> {
        let now = self.now();
        let today = dates::local_day(now).to_string();
        let ran = setting::get(self.store.read(), setting::RETENTION_DAY)?;
        Ok((ran.as_deref() != Some(&today)).then(|| Retention::new(None, now)))
    }
}
