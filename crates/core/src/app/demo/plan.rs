//! The demo's week, planned before anything is played: which days the center works, who comes
//! when, which clerk serves them, what they bring and how each document ends; then every step
//! of it in the order of the clock.
use super::dice::Dice;
use super::people::{self, Kind, CORPORATE, PERSONAL};
use crate::applicant::Applicant;
use crate::dates;
use crate::refusal::{Ground, NoticeLanguages};
use crate::visit::{Document, Representative, LIMIT_SECONDS};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

/// Clerks on duty on a weekday; on Saturday the first [`SATURDAY_CLERKS`].
pub const CLERKS: usize = 3;
const SATURDAY_CLERKS: usize = 2;

/// How a listed document ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Certify,
    Refuse(Ground, &'static str),
}

pub struct Planned {
    pub document: Document,
    /// Sheets scanned (none for a document refused before scanning).
    pub pages: u8,
    pub outcome: Outcome,
}

/// What an applicant comes with.
pub struct Request {
    pub applicant: Applicant,
    pub representative: Option<Representative>,
    /// Whether the signed consent (Annex 1) was handed in.
    pub consent: bool,
    pub copies_on_media: bool,
    pub documents: Vec<Planned>,
    pub notice_languages: NoticeLanguages,
}

impl Request {
    pub fn refuses(&self) -> bool {
        self.documents
            .iter()
            .any(|d| matches!(d.outcome, Outcome::Refuse(..)))
    }
}

pub struct Visit {
    /// Index among the clerks (0 to [`CLERKS`] - 1).
    pub clerk: usize,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub request: Request,
}

/// What happens at a step; visits and documents by their index in [`Week::visits`] and in the
/// visit's list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Act {
    /// A clerk signs in and opens their key for the day.
    Login(usize),
    Logout(usize),
    Open(usize),
    /// The documents listed, the consent received, the pages scanned.
    List(usize),
    Decide(usize, usize),
    Notice(usize),
    Close(usize),
    /// The supervisor adds the demo CA to the trusted ones before the first visit.
    TrustCa,
    SignOff(NaiveDate),
}

pub struct Step {
    pub at: DateTime<Utc>,
    pub act: Act,
}

pub struct Week {
    /// The seven days before the demo's today, the first and the last.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When the center is set up: early on the first day, before any step.
    pub beginning: DateTime<Utc>,
    pub visits: Vec<Visit>,
    pub steps: Vec<Step>,
}

struct Hours {
    day: NaiveDate,
    opens: DateTime<Utc>,
    /// The last arrival served.
    last_arrival: DateTime<Utc>,
    visits: i64,
    clerks: usize,
}

/// The center's working days among the seven before `today`: weekdays 09:00–18:00, Saturday
/// 09:00–13:00 with fewer clerks; Sunday closed.
fn hours(today: NaiveDate, dice: &mut Dice) -> Vec<Hours> {
    (1..=7)
        .rev()
        .map(|back| today - Duration::days(back))
        .filter(|day| day.weekday() != Weekday::Sun)
        .map(|day| {
            let opens = dates::midnight(day) + Duration::hours(9);
            let saturday = day.weekday() == Weekday::Sat;
            let (open_hours, visits, clerks) = match saturday {
                true => (4, dice.range(14, 18), SATURDAY_CLERKS),
                false => (9, dice.range(30, 38), CLERKS),
            };
            Hours {
                day,
                opens,
                last_arrival: opens + Duration::hours(open_hours) - Duration::minutes(20),
                visits,
                clerks,
            }
        })
        .collect()
}

/// The documents one applicant brings, from `kinds`, each kind once.
fn documents(kinds: &[Kind], consent: bool, today: NaiveDate, dice: &mut Dice) -> Vec<Planned> {
    let count = match dice.below(100) {
        0..=54 => 1,
        55..=84 => 2,
        _ => 3,
    };
    let first = dice.below(kinds.len() as u64) as usize;
    (0..count.min(kinds.len()))
        .map(|i| {
            let kind = &kinds[(first + i) % kinds.len()];
            // Out of 200 documents with the consent: 4 with a pencil correction, 2 with an
            // illegible seal, 1 from an issuer no one knows.
            let outcome = match (consent, dice.below(200)) {
                (false, _) => Outcome::Refuse(
                    Ground::NotPresented,
                    "Өтініш (1-қосымша) ұсынылмады. / Не представлено заявление (приложение 1).",
                ),
                (true, 0..=3) => Outcome::Refuse(
                    Ground::Defects,
                    "Құжатта қарындашпен жазылған түзету бар. / В документе исправление карандашом.",
                ),
                (true, 4..=5) => Outcome::Refuse(
                    Ground::Defects,
                    "Мөр бедері оқылмайды. / Оттиск печати неразборчив.",
                ),
                (true, 6) => Outcome::Refuse(
                    Ground::NoResource,
                    "Құжатты берген орган туралы мәлімет жоқ. / Нет сведений об органе, выдавшем документ.",
                ),
                _ => Outcome::Certify,
            };
            // A document refused for the state of its pages was scanned first; one refused
            // for what is missing never reached the scanner.
            let pages = match outcome {
                Outcome::Certify | Outcome::Refuse(Ground::Defects, _) => kind.pages,
                Outcome::Refuse(..) => 0,
            };
            Planned {
                document: people::document(kind, today, dice),
                pages,
                outcome,
            }
        })
        .collect()
}

/// Minutes at the counter: the talk, then each document listed, scanned and decided.
fn minutes(documents: &[Planned], dice: &mut Dice) -> i64 {
    let work: i64 = documents.iter().map(|d| 2 + i64::from(d.pages)).sum();
    (4 + work + dice.range(-2, 3)).clamp(5, 25)
}

/// The applicant of the next visit: now and then someone who came earlier in the week.
fn applicant(earlier: &[Visit], today: NaiveDate, dice: &mut Dice) -> Applicant {
    match earlier.len() > 20 && dice.chance(8) {
        true => dice.pick(earlier).request.applicant.clone(),
        false if dice.chance(12) => people::company(today, dice),
        false => people::person(today, dice),
    }
}

fn request(earlier: &[Visit], day: NaiveDate, dice: &mut Dice) -> Request {
    let applicant = applicant(earlier, day, dice);
    let company = !applicant.organization.is_empty();
    // A company always sends someone; a person now and then.
    let representative = (company || dice.chance(6)).then(|| people::representative(day, dice));
    let consent = !dice.chance(2);
    let kinds: &[Kind] = if company { &CORPORATE } else { &PERSONAL };
    let documents = documents(kinds, consent, day, dice);
    let notice_languages = match dice.below(10) {
        0..=4 => NoticeLanguages::Kk,
        5..=7 => NoticeLanguages::Ru,
        _ => NoticeLanguages::Both,
    };
    let copies_on_media = dice.chance(20);
    Request {
        applicant,
        representative,
        consent,
        copies_on_media,
        documents,
        notice_languages,
    }
}

/// The week before `today`. The first working day is signed off; on the second, one applicant
/// with a representative and three documents takes the clerk over 30 minutes.
pub fn plan(today: NaiveDate, dice: &mut Dice) -> Week {
    let from = today - Duration::days(7);
    let mut visits: Vec<Visit> = Vec::new();
    let mut steps = vec![Step {
        at: dates::midnight(from) + Duration::hours(8) + Duration::minutes(30),
        act: Act::TrustCa,
    }];
    for (index, hours) in hours(today, dice).iter().enumerate() {
        let mut free = vec![hours.opens; hours.clerks];
        let span = (hours.last_arrival - hours.opens).num_seconds() / hours.visits;
        for k in 0..hours.visits {
            let arrival = hours.opens + Duration::seconds(k * span + dice.range(0, span - 1));
            let mut request = request(&visits, hours.day, dice);
            let minutes = match index == 1 && k == 6 {
                true => breaching(&mut request, hours.day, dice),
                false => minutes(&request.documents, dice),
            };
            let clerk = (0..hours.clerks).min_by_key(|&c| free[c]).unwrap_or(0);
            let start = arrival.max(free[clerk]);
            let end = start + Duration::minutes(minutes) + Duration::seconds(dice.range(0, 59));
            free[clerk] = end + Duration::minutes(dice.range(1, 3));
            let visit = Visit {
                clerk,
                start,
                end,
                request,
            };
            steps.extend(visit_steps(visits.len(), &visit));
            visits.push(visit);
        }
        for (clerk, &done) in free.iter().enumerate() {
            steps.push(Step {
                at: hours.opens - Duration::minutes(10 - clerk as i64),
                act: Act::Login(clerk),
            });
            steps.push(Step {
                at: done.max(hours.last_arrival + Duration::minutes(20)),
                act: Act::Logout(clerk),
            });
        }
        if index == 0 {
            let last = free.iter().max().copied().unwrap_or(hours.opens);
            steps.push(Step {
                at: last + Duration::minutes(30),
                act: Act::SignOff(hours.day),
            });
        }
    }
    // Stable: steps at the same moment keep the order they were planned in.
    steps.sort_by_key(|s| s.at);
    Week {
        from,
        to: today - Duration::days(1),
        beginning: dates::midnight(from) + Duration::hours(8),
        visits,
        steps,
    }
}

/// Makes `request` the week's breach of rule 3: a representative, three documents, long talks;
/// returns its minutes.
fn breaching(request: &mut Request, day: NaiveDate, dice: &mut Dice) -> i64 {
    while request.documents.len() < 3 || !request.consent {
        *request = self::request(&[], day, dice);
    }
    request.representative = Some(people::representative(day, dice));
    LIMIT_SECONDS / 60 + 4
}

/// A visit's steps: it opens, its documents are listed and scanned, each is decided in turn,
/// the notice of any refusal is signed, and it closes.
fn visit_steps(index: usize, visit: &Visit) -> Vec<Step> {
    let (start, end) = (visit.start, visit.end);
    let n = visit.request.documents.len() as i32;
    // The documents are decided evenly between the listing and the last minute.
    let deciding = (end - start - Duration::minutes(4)) / (n + 1);
    let mut steps = vec![
        Step {
            at: start,
            act: Act::Open(index),
        },
        Step {
            at: start + Duration::minutes(1),
            act: Act::List(index),
        },
    ];
    steps.extend((0..n).map(|i| Step {
        at: start + Duration::minutes(2) + deciding * (i + 1),
        act: Act::Decide(index, i as usize),
    }));
    if visit.request.refuses() {
        steps.push(Step {
            at: end - Duration::minutes(1),
            act: Act::Notice(index),
        });
    }
    steps.push(Step {
        at: end,
        act: Act::Close(index),
    });
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week() -> Week {
        plan(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            &mut Dice::new(super::super::SEED),
        )
    }

    #[test]
    fn six_working_days_of_dozens_of_visits_one_over_the_limit() {
        let week = week();
        let days: std::collections::BTreeSet<NaiveDate> = week
            .visits
            .iter()
            .map(|v| dates::local_day(v.start))
            .collect();
        assert_eq!(days.len(), 6, "Sunday closed");
        assert_eq!(week.from, NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
        assert!(days.iter().all(|d| (week.from..=week.to).contains(d)));
        assert!(
            (150..=220).contains(&week.visits.len()),
            "{}",
            week.visits.len()
        );
        let over: Vec<&Visit> = week
            .visits
            .iter()
            .filter(|v| (v.end - v.start).num_seconds() > LIMIT_SECONDS)
            .collect();
        assert_eq!(over.len(), 1);
        assert!(over[0].request.representative.is_some());
        let refused = week.visits.iter().filter(|v| v.request.refuses()).count();
        assert!(refused > 3 && refused < week.visits.len() / 5, "{refused}");
        assert!(week.visits.iter().all(|v| !v.request.documents.is_empty()));
    }

    #[test]
    fn a_clerk_serves_one_applicant_at_a_time_and_steps_follow_the_clock() {
        let week = week();
        for clerk in 0..CLERKS {
            let mut mine: Vec<&Visit> = week.visits.iter().filter(|v| v.clerk == clerk).collect();
            mine.sort_by_key(|v| v.start);
            assert!(mine.windows(2).all(|w| w[0].end < w[1].start));
        }
        assert!(week.steps.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(week.beginning < week.steps[0].at);
        assert_eq!(week.steps[0].act, Act::TrustCa);
        let sign_offs: Vec<(NaiveDate, DateTime<Utc>)> = week
            .steps
            .iter()
            .filter_map(|s| match s.act {
                Act::SignOff(day) => Some((day, s.at)),
                _ => None,
            })
            .collect();
        let [(day, at)] = sign_offs[..] else {
            panic!("one day signed off: {sign_offs:?}");
        };
        assert_eq!(day, week.from, "the first working day, a Monday");
        let last_close = week
            .visits
            .iter()
            .filter(|v| dates::local_day(v.start) == day)
            .map(|v| v.end)
            .max()
            .unwrap();
        assert!(at > last_close);
    }
}
