//! Playing the planned week through the application object, as the window would drive it: one
//! `Rastau` per person on the same store, all on one clock moved from step to step, so every
//! row, file and audit entry is what a real week leaves behind.
use super::dice::Dice;
use super::keys::Keys;
use super::pages;
use super::plan::{Act, Outcome, Visit, Week, CLERKS};
use super::DemoLogin;
use super::DEMO_PASSWORD;
use crate::app::Rastau;
use crate::clock::{Clock, ManualClock};
use crate::error::Result;
use crate::lang::Lang;
use crate::refusal::RefuseRequest;
use crate::scans::PageSource;
use crate::store::Store;
use crate::visit::{Document, OpenVisit, Present};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::path::Path;

/// What the week left in the store, for the newcomer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub visits: usize,
    pub copies: usize,
    pub refused: usize,
    pub notices: usize,
    pub over_limit: usize,
    pub signed_off: Vec<NaiveDate>,
}

/// Sessions lock after the demo center's 15 idle minutes: everyone on duty stays active at
/// least this often.
const ACTIVE_EVERY: Duration = Duration::minutes(10);

struct Desk {
    app: Rastau,
    iin: String,
    on_duty: bool,
}

struct Floor<'a> {
    clock: ManualClock,
    supervisor: Desk,
    clerks: Vec<Desk>,
    keys: &'a Keys,
    week: &'a Week,
    /// The store's id of each planned visit once opened.
    visit_ids: Vec<i64>,
    paper: pages::Paper,
    /// Pages scanned so far, to mark each one.
    scanned: usize,
    dice: Dice,
    report: WeekReport,
}

/// Plays `week` on the store in `dir`, whose center and `people` (the supervisor first, then
/// the clerks) exist, with their `keys`, on `clock` (at the week's beginning). The writes are
/// left to the OS ([`Store::defer_syncs`]): the caller puts them on the disk at the end.
pub fn play(
    dir: &Path,
    week: &Week,
    people: &[DemoLogin],
    keys: &Keys,
    clock: ManualClock,
    seed: u64,
) -> Result<WeekReport> {
    let desk = |login: &DemoLogin| -> Result<Desk> {
        let mut store = Store::open(dir)?;
        store.defer_syncs()?;
        Ok(Desk {
            app: Rastau::new(store, Box::new(clock.clone())),
            iin: login.iin.clone(),
            on_duty: false,
        })
    };
    let (supervisor, clerks) = people.split_first().ok_or(crate::error::Error::NotSetUp)?;
    let mut dice = Dice::new(seed);
    let mut floor = Floor {
        clock: clock.clone(),
        supervisor: desk(supervisor)?,
        clerks: clerks
            .iter()
            .take(CLERKS)
            .map(desk)
            .collect::<Result<_>>()?,
        keys,
        week,
        visit_ids: vec![0; week.visits.len()],
        paper: pages::Paper::new(&mut dice)?,
        scanned: 0,
        dice,
        report: WeekReport {
            from: week.from,
            to: week.to,
            ..WeekReport::default()
        },
    };
    for step in &week.steps {
        floor.advance_to(step.at)?;
        floor.act(step.act)?;
    }
    Ok(floor.report)
}

impl Floor<'_> {
    /// Moves the clock to `at`, the clerks on duty busy all along.
    fn advance_to(&mut self, at: DateTime<Utc>) -> Result<()> {
        while self.clock.now() < at {
            self.clock
                .advance((at - self.clock.now()).min(ACTIVE_EVERY));
            for desk in self.clerks.iter_mut().filter(|d| d.on_duty) {
                desk.app.touch()?;
            }
        }
        Ok(())
    }

    fn act(&mut self, act: Act) -> Result<()> {
        match act {
            Act::Login(clerk) => {
                let desk = &mut self.clerks[clerk];
                desk.app.login(&desk.iin, DEMO_PASSWORD)?;
                desk.app
                    .open_signing_key(self.keys.of(&desk.iin), DEMO_PASSWORD)?;
                desk.on_duty = true;
            }
            Act::Logout(clerk) => {
                let desk = &mut self.clerks[clerk];
                desk.app.logout()?;
                desk.on_duty = false;
            }
            Act::Open(v) => {
                let request = &self.week.visits[v].request;
                let opened = self.clerk_of(v).open_visit(&OpenVisit {
                    applicant: request.applicant.clone(),
                    representative: request.representative.clone(),
                })?;
                self.visit_ids[v] = opened.id;
                self.report.visits += 1;
            }
            Act::List(v) => self.list(v)?,
            Act::Decide(v, i) => self.decide(v, i)?,
            Act::Notice(v) => {
                let languages = self.week.visits[v].request.notice_languages;
                let id = self.visit_ids[v];
                self.clerk_of(v).issue_notice(id, languages, None)?;
                self.report.notices += 1;
            }
            Act::Close(v) => {
                let id = self.visit_ids[v];
                if self.clerk_of(v).close_visit(id)?.over_limit {
                    self.report.over_limit += 1;
                }
            }
            Act::TrustCa => {
                let (app, pem) = (&mut self.supervisor.app, &self.keys.ca_pem);
                app.login(&self.supervisor.iin, DEMO_PASSWORD)?;
                app.trust_ca(pem)?;
                app.logout()?;
            }
            Act::SignOff(day) => self.sign_off(day)?,
        }
        Ok(())
    }

    fn clerk_of(&mut self, v: usize) -> &mut Rastau {
        &mut self.clerks[self.week.visits[v].clerk].app
    }

    /// Lists the documents, receives the consent and scans the pages, each under its document.
    fn list(&mut self, v: usize) -> Result<()> {
        let visit: &Visit = &self.week.visits[v];
        let id = self.visit_ids[v];
        let documents: Vec<Document> = visit
            .request
            .documents
            .iter()
            .map(|d| d.document.clone())
            .collect();
        let mut scans = Vec::new();
        for (position, planned) in (1..).zip(&visit.request.documents) {
            let pages: Vec<_> = (0..planned.pages)
                .map(|_| {
                    self.scanned += 1;
                    let mark = format!("Rastau DEMO page {}", self.scanned);
                    self.paper.page(&mark, &mut self.dice)
                })
                .collect();
            scans.push((position, pages));
        }
        let (copies_on_media, consent) = (visit.request.copies_on_media, visit.request.consent);
        // Whoever came signs the consent in front of the clerk (rule 2.1).
        let present = match visit.request.representative {
            Some(_) => Present::Representative,
            None => Present::Applicant,
        };
        let app = self.clerk_of(v);
        app.set_documents(id, &documents, copies_on_media)?;
        if consent {
            app.confirm_consent(id, present)?;
        }
        for (position, pages) in scans.iter().filter(|(_, p)| !p.is_empty()) {
            app.keep_pages(id, pages, PageSource::Feeder, Some(*position))?;
        }
        Ok(())
    }

    fn decide(&mut self, v: usize, index: usize) -> Result<()> {
        let id = self.visit_ids[v];
        let position = index as u32 + 1;
        match self.week.visits[v].request.documents[index].outcome {
            Outcome::Certify => {
                self.clerk_of(v).certify_document(id, position)?;
                self.report.copies += 1;
            }
            Outcome::Refuse(ground, justification) => {
                let request = RefuseRequest {
                    positions: vec![position],
                    grounds: vec![ground],
                    justification: justification.into(),
                };
                self.clerk_of(v).refuse(id, &request)?;
                self.report.refused += 1;
            }
        }
        Ok(())
    }

    /// The supervisor signs the day's journal with their own demo key, after the day's last
    /// visit.
    fn sign_off(&mut self, day: NaiveDate) -> Result<()> {
        let (app, iin) = (&mut self.supervisor.app, &self.supervisor.iin);
        app.login(iin, DEMO_PASSWORD)?;
        app.open_signing_key(self.keys.of(iin), DEMO_PASSWORD)?;
        app.sign_off_day(day, Lang::Kk, None)?;
        app.logout()?;
        self.report.signed_off.push(day);
        Ok(())
    }
}
