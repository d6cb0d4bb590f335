//! A busy day at a counter that was offline: what `rastau shared sync` has to carry up the next
//! morning, for the catch-up bench.
//!
//! Everything is made through the API, as the window drives it: the center, its supervisor and
//! twelve clerks (each with a key of the test PKI), then the day played step by step on one
//! clock, one `Rastau` per person on the same store, as the demo plays its week. Every row,
//! file and audit entry is the one the app writes: a visit opened, its documents listed, the
//! consent confirmed and its scan kept, the pages scanned under each document, each document
//! certified (PDF and CAdES signature stored by hash) or refused under a signed notice, the
//! visit closed; the supervisor signs the day off. Nothing is written by SQL.
//!
//! The pages are A4 sheets scanned at 200 dpi in gray (JPEG of quality 70, 250 to 450 KB each:
//! the capture crate's test pages compress like a dense page of text): eight sheets are encoded
//! once, and each page is one of them with a mark of its own in a JPEG comment, so that every
//! page is a file of its own, as every scan is. A copy has 1 to 3 pages (50/35/15 %); its PDF
//! embeds them as they are (320 KB to 1.4 MB), its detached CAdES signature is about 2.5 KB.
//!
//! Hand-overs on removable media and printed receipts are left out: a hand-over goes up as one
//! small row, and a print not at all.
//!
//! The store is kept in `<target>/bench-stores/busy-day-v1/` and made again when missing or
//! when its schema no longer matches the migrations; `generation.log` says how long it took.
#![allow(dead_code)] // each bench uses a different part

use crate::busy_center::{
    date, local, org_bin, person_iin, schema_is_current, stores_root, Kind, Rng, CLERKS,
    FEMALE_NAMES, JUSTIFICATIONS, MALE_NAMES, ORG_DOCUMENTS, ORG_WORDS, PERSON_DOCUMENTS, STREETS,
    SURNAMES,
};
use crate::common::{hire, person, pki, profile, supervisor_iin, SUPERVISOR_PASSWORD};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use image::codecs::jpeg::{JpegEncoder, PixelDensity};
use rastau_capture::test_pages::TestPage;
use rastau_capture::ScanPage;
use rastau_core::applicant::Applicant;
use rastau_core::clock::{Clock, ManualClock};
use rastau_core::lang::Lang;
use rastau_core::refusal::{Ground, NoticeLanguages, RefuseRequest};
use rastau_core::scans::PageSource;
use rastau_core::signature_policy::{SignaturePolicy, WithoutStatus};
use rastau_core::store::{Store, DB_FILE};
use rastau_core::visit::{Document, OpenVisit, Present, Representative};
use rastau_core::{FirstStart, Rastau};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bump when the generator changes what it writes: the kept store is then made again.
pub const VERSION: &str = "busy-day-v1";
/// The day the counter worked offline; the push runs the next morning.
pub const DAY: NaiveDate = date(2026, 11, 23);

/// How big a day to make, and the folder it is kept in.
#[derive(Debug, Clone, Copy)]
pub struct DaySize {
    pub folder: &'static str,
    pub visits: usize,
}

/// The day the bench measures: 600 visits, about 900 certified copies.
pub const FULL_DAY: DaySize = DaySize {
    folder: VERSION,
    visits: 600,
};

/// What `cargo test` runs the bench on: the same day, a few visits.
pub const SMALL_DAY: DaySize = DaySize {
    folder: "busy-day-v1-small",
    visits: 24,
};

const SEED: u64 = 0x4441_5931_2026_1123;
const DPI: u16 = 200;
const QUALITY: u8 = 70;
/// Different sheets the pages are drawn from.
const SHEETS: u32 = 8;
/// The clerk's sessions lock after the center's idle minutes (10 in the test profile): the
/// clerks on duty stay active at least this often.
const ACTIVE_EVERY: Duration = Duration::minutes(5);

/// The kept store, ready to open with [`Store::open`].
pub struct BusyDay {
    pub dir: PathBuf,
    pub visits: i64,
    pub documents: i64,
    pub copies: i64,
    pub notices: i64,
    pub audit_entries: i64,
    /// Files of the store's folder and their bytes (pages and scans included, which stay here).
    pub files: u64,
    pub file_bytes: u64,
    pub log: String,
}

/// The store of a busy day of `size`, made first if missing or out of date.
pub fn busy_day(size: DaySize) -> BusyDay {
    let root = stores_root();
    let dir = root.join(size.folder);
    if dir.join(DB_FILE).is_file() && schema_is_current(&dir) {
        eprintln!("busy day: using the store in {}", dir.display());
    } else {
        eprintln!("busy day: playing the day through the API ...");
        let partial = root.join(format!("{}.partial", size.folder));
        let _ = std::fs::remove_dir_all(&partial);
        std::fs::create_dir_all(&partial).unwrap();
        let started = Instant::now();
        let summary = generate(&partial, size);
        let log = format!(
            "generated in {:.1} s by {VERSION}: {summary}\n",
            started.elapsed().as_secs_f64()
        );
        std::fs::write(partial.join("generation.log"), &log).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::rename(&partial, &dir).unwrap();
    }
    let log = std::fs::read_to_string(dir.join("generation.log")).unwrap_or_default();
    eprint!("busy day: {log}");
    let conn = Connection::open(dir.join(DB_FILE)).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let (files, file_bytes) = folder_size(&dir.join(rastau_core::store::FILES_DIR));
    BusyDay {
        visits: count("SELECT count(*) FROM visit"),
        documents: count("SELECT count(*) FROM document"),
        copies: count("SELECT count(*) FROM certified_copy"),
        notices: count("SELECT count(*) FROM refusal_notice"),
        audit_entries: count("SELECT count(*) FROM audit_entry"),
        files,
        file_bytes,
        dir,
        log,
    }
}

fn folder_size(dir: &Path) -> (u64, u64) {
    let (mut count, mut bytes) = (0, 0);
    for entry in std::fs::read_dir(dir).into_iter().flatten() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        if meta.is_dir() {
            let (c, b) = folder_size(&entry.path());
            count += c;
            bytes += b;
        } else {
            count += 1;
            bytes += meta.len();
        }
    }
    (count, bytes)
}

/// How a listed document ends.
#[derive(Clone, Copy)]
enum Outcome {
    Certify { pages: u32 },
    Refuse(Ground),
}

struct Planned {
    document: Document,
    outcome: Outcome,
}

struct Visit {
    clerk: usize,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    applicant: Applicant,
    representative: Option<Representative>,
    consent: bool,
    consent_scan: bool,
    copies_on_media: bool,
    documents: Vec<Planned>,
    languages: NoticeLanguages,
}

impl Visit {
    fn refuses(&self) -> bool {
        self.documents
            .iter()
            .any(|d| matches!(d.outcome, Outcome::Refuse(_)))
    }
}

#[derive(Clone, Copy)]
enum Act {
    Login(usize),
    Logout(usize),
    Open(usize),
    /// The documents listed, the consent received and its scan kept.
    List(usize),
    /// The document's pages scanned and the copy certified, or the document refused.
    Decide(usize, usize),
    Notice(usize),
    Close(usize),
    SignOff,
}

struct Step {
    at: DateTime<Utc>,
    act: Act,
}

/// Plays the day in `dir`; returns a line of counts for the log.
fn generate(dir: &Path, size: DaySize) -> String {
    let setup = Instant::now();
    let clock = ManualClock::at(local(DAY, 7 * 3600));
    let mut supervisor = Rastau::new(Store::open(dir).unwrap(), Box::new(clock.clone()));
    supervisor
        .first_start(&FirstStart {
            center: profile(),
            supervisor: person(supervisor_iin(), "Әбілқасымова Гүлнар", SUPERVISOR_PASSWORD),
        })
        .unwrap();
    supervisor
        .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
        .unwrap();
    supervisor.trust_ca(&pki().ca_pem).unwrap();
    // The test keys, like the demo's, name no OCSP responder: the center signs without a
    // revocation status, as the tests' centers do.
    supervisor
        .set_signature_policy(&SignaturePolicy {
            without_status: WithoutStatus::Allow,
            timestamp_url: None,
        })
        .unwrap();
    let clerks: Vec<(String, String)> = CLERKS
        .iter()
        .enumerate()
        .map(|(i, (name, male))| {
            let iin = person_iin(
                date(1985 + i as i32, 1 + i as u32, 10 + i as u32),
                *male,
                1000 + i as u32,
            );
            (iin, name.to_string())
        })
        .collect();
    for (i, (iin, name)) in clerks.iter().enumerate() {
        supervisor
            .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
            .unwrap();
        hire(&mut supervisor, &person(iin.clone(), name, &password(i)));
    }
    let mut desks: Vec<Rastau> = clerks
        .iter()
        .map(|_| Rastau::new(Store::open(dir).unwrap(), Box::new(clock.clone())))
        .collect();
    let keys: Vec<Vec<u8>> = clerks
        .iter()
        .map(|(iin, name)| {
            pki().clerk(
                iin,
                ClerkOptions {
                    name,
                    ..ClerkOptions::default()
                },
            )
        })
        .collect();
    let supervisor_key = pki().clerk(&supervisor_iin(), ClerkOptions::default());
    let sheets: Vec<Vec<u8>> = (0..SHEETS).map(sheet).collect();
    eprintln!(
        "busy day: center, supervisor, {} clerks and their keys, {SHEETS} sheets in {:.1} s",
        clerks.len(),
        setup.elapsed().as_secs_f64()
    );

    let mut rng = Rng(SEED);
    let visits = plan(&mut rng, size.visits, &clerks);
    let steps = steps(&visits, clerks.len());
    let mut ids = vec![0i64; visits.len()];
    let mut on_duty = vec![false; clerks.len()];
    let mut scanned = 0u64;
    let page = |rng: &mut Rng, scanned: &mut u64| -> ScanPage {
        *scanned += 1;
        let sheet = rng.pick(&sheets);
        let (w, h) = a4_pixels();
        ScanPage::jpeg(
            marked(sheet, &format!("busy day page {scanned}")),
            w,
            h,
            DPI.into(),
        )
    };
    let played = Instant::now();
    for step in &steps {
        // The clock moves to the step, the clerks on duty active all along.
        while clock.now() < step.at {
            clock.advance((step.at - clock.now()).min(ACTIVE_EVERY));
            for (desk, _) in desks.iter_mut().zip(&on_duty).filter(|(_, on)| **on) {
                desk.touch().unwrap();
            }
        }
        match step.act {
            Act::Login(c) => {
                desks[c].login(&clerks[c].0, &password(c)).unwrap();
                desks[c].open_signing_key(&keys[c], PASSWORD).unwrap();
                on_duty[c] = true;
            }
            Act::Logout(c) => {
                desks[c].logout().unwrap();
                on_duty[c] = false;
            }
            Act::Open(v) => {
                let visit = &visits[v];
                let opened = desks[visit.clerk]
                    .open_visit(&OpenVisit {
                        applicant: visit.applicant.clone(),
                        representative: visit.representative.clone(),
                    })
                    .unwrap();
                ids[v] = opened.id;
            }
            Act::List(v) => {
                let visit = &visits[v];
                let documents: Vec<Document> =
                    visit.documents.iter().map(|d| d.document.clone()).collect();
                let app = &mut desks[visit.clerk];
                app.set_documents(ids[v], &documents, visit.copies_on_media)
                    .unwrap();
                if visit.consent {
                    let present = match visit.representative {
                        Some(_) => Present::Representative,
                        None => Present::Applicant,
                    };
                    app.confirm_consent(ids[v], present).unwrap();
                }
                if visit.consent_scan {
                    let scan = page(&mut rng, &mut scanned);
                    app.attach_consent_page(ids[v], &scan).unwrap();
                }
            }
            Act::Decide(v, i) => {
                let visit = &visits[v];
                let position = i as u32 + 1;
                match visit.documents[i].outcome {
                    Outcome::Certify { pages } => {
                        let pages: Vec<ScanPage> =
                            (0..pages).map(|_| page(&mut rng, &mut scanned)).collect();
                        let app = &mut desks[visit.clerk];
                        app.keep_pages(ids[v], &pages, PageSource::Feeder, Some(position))
                            .unwrap();
                        app.certify_document(ids[v], position).unwrap();
                    }
                    Outcome::Refuse(ground) => {
                        let request = RefuseRequest {
                            positions: vec![position],
                            grounds: vec![ground],
                            justification: JUSTIFICATIONS[ground.number() as usize - 1].into(),
                        };
                        desks[visit.clerk].refuse(ids[v], &request).unwrap();
                    }
                }
            }
            Act::Notice(v) => {
                let visit = &visits[v];
                desks[visit.clerk]
                    .issue_notice(ids[v], visit.languages, None)
                    .unwrap();
            }
            Act::Close(v) => {
                desks[visits[v].clerk].close_visit(ids[v]).unwrap();
            }
            Act::SignOff => {
                supervisor
                    .login(&supervisor_iin(), SUPERVISOR_PASSWORD)
                    .unwrap();
                supervisor
                    .open_signing_key(&supervisor_key, PASSWORD)
                    .unwrap();
                supervisor.sign_off_day(DAY, Lang::Kk, None).unwrap();
                supervisor.logout().unwrap();
            }
        }
    }
    let documents: usize = visits.iter().map(|v| v.documents.len()).sum();
    let copies = visits
        .iter()
        .flat_map(|v| &v.documents)
        .filter(|d| matches!(d.outcome, Outcome::Certify { .. }))
        .count();
    let notices = visits.iter().filter(|v| v.refuses()).count();
    format!(
        "{} visits, {documents} documents, {copies} certified copies, {notices} notices, \
         {scanned} pages and consent scans at {DPI} dpi; the day played in {:.1} s",
        visits.len(),
        played.elapsed().as_secs_f64()
    )
}

/// A gray A4 sheet as an office scanner saves it at [`DPI`]: JPEG of quality [`QUALITY`].
fn sheet(variant: u32) -> Vec<u8> {
    let image = TestPage::a4(DPI).variant(variant * 3).image().to_luma8();
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, QUALITY);
    encoder.set_pixel_density(PixelDensity::dpi(DPI));
    encoder.encode_image(&image).unwrap();
    out
}

fn password(clerk: usize) -> String {
    format!("clerk-pass-{}", clerk + 1)
}

fn a4_pixels() -> (u32, u32) {
    let pixels = |mm: f64| (mm / 25.4 * f64::from(DPI)).round() as u32;
    (pixels(210.0), pixels(297.0))
}

/// The JPEG `sheet` with `mark` in a comment right after its start of image.
fn marked(sheet: &[u8], mark: &str) -> Vec<u8> {
    let length = (mark.len() + 2) as u16;
    let mut bytes = Vec::with_capacity(sheet.len() + mark.len() + 4);
    bytes.extend_from_slice(&sheet[..2]);
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(&length.to_be_bytes());
    bytes.extend_from_slice(mark.as_bytes());
    bytes.extend_from_slice(&sheet[2..]);
    bytes
}

/// The day's visits, in the order they were opened: arrivals peak around midday, each served
/// by the first free clerk, so a clerk's visits never overlap.
fn plan(rng: &mut Rng, count: usize, clerks: &[(String, String)]) -> Vec<Visit> {
    let (open, close) = (9 * 3600, 20 * 3600 - 600);
    let mut arrivals: Vec<i64> = (0..count)
        .map(|_| {
            let x = if rng.chance(0.7) {
                (rng.unit() + rng.unit()) / 2.0
            } else {
                rng.unit()
            };
            (open as f64 + x * (close - open) as f64) as i64
        })
        .collect();
    arrivals.sort_unstable();
    let mut free: Vec<i64> = clerks
        .iter()
        .map(|_| open + rng.below(300) as i64)
        .collect();
    let mut visits = Vec::with_capacity(count);
    for arrival in arrivals {
        let (clerk, _) = free.iter().enumerate().min_by_key(|(_, &f)| f).unwrap();
        let start = arrival.max(free[clerk] + 20 + rng.below(70) as i64);
        let minutes = if rng.chance(0.04) {
            31.0 + rng.unit() * 40.0
        } else {
            4.0 + 12.0 * (rng.unit() + rng.unit()) / 2.0
        };
        let end = start + (minutes * 60.0) as i64;
        free[clerk] = end;
        visits.push(request(
            rng,
            clerk,
            local(DAY, start),
            local(DAY, end),
            visits.len(),
        ));
    }
    visits
}

/// Who comes and with what: a person (94 %) or an organization's representative; 1 to 3
/// documents of 1 to 3 sheets; nearly all certified, the others refused under a notice.
fn request(
    rng: &mut Rng,
    clerk: usize,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    index: usize,
) -> Visit {
    let organization = rng.chance(0.06);
    let (applicant, representative) = if organization {
        let bin = org_bin(
            2000 + rng.below(25) as i32,
            1 + rng.below(12) as u32,
            rng.below(100_000) as u32,
        );
        let name = format!("ТОО «{} {}»", rng.pick(&ORG_WORDS), rng.pick(&ORG_WORDS));
        let (his, _) = rng.pick(&SURNAMES);
        let birth = date(1960, 1, 1) + Duration::days(rng.below(40 * 365) as i64);
        let representative = Representative {
            full_name: format!("{his} {}", rng.pick(&MALE_NAMES)),
            iin: person_iin(birth, true, rng.below(10_000) as u32),
            poa_number: format!("{}", 1000 + rng.below(9000)),
            poa_issued_on: DAY - Duration::days(1 + rng.below(300) as i64),
            poa_valid_until: DAY + Duration::days(30 + rng.below(700) as i64),
        };
        let applicant = Applicant {
            tax_id: bin,
            surname: String::new(),
            given_name: String::new(),
            patronymic: String::new(),
            organization: name,
            address: address(rng),
            phone: phone(rng),
        };
        (applicant, Some(representative))
    } else {
        let birth = date(1940, 1, 1) + Duration::days(rng.below(68 * 365) as i64);
        let male = rng.chance(0.5);
        let (his, hers) = rng.pick(&SURNAMES);
        let father = rng.pick(&MALE_NAMES);
        let (surname, given, patronymic) = if male {
            (his, rng.pick(&MALE_NAMES), format!("{father}ұлы"))
        } else {
            (hers, rng.pick(&FEMALE_NAMES), format!("{father}қызы"))
        };
        let applicant = Applicant {
            tax_id: person_iin(birth, male, rng.below(10_000) as u32),
            surname: surname.to_string(),
            given_name: given.to_string(),
            patronymic,
            organization: String::new(),
            address: address(rng),
            phone: phone(rng),
        };
        (applicant, None)
    };
    let consent = rng.chance(0.99);
    let count = 1 + rng.weighted(&[55, 33, 12]);
    let documents = (0..count)
        .map(|_| {
            let pages = 1 + rng.weighted(&[50, 35, 15]) as u32;
            let kinds: Vec<&Kind> = if organization && rng.chance(0.7) {
                ORG_DOCUMENTS.iter().collect()
            } else {
                PERSON_DOCUMENTS.iter().collect()
            };
            let fitting: Vec<&&Kind> = kinds.iter().filter(|k| k.pages >= pages).collect();
            let kind = if fitting.is_empty() {
                *rng.pick(&kinds)
            } else {
                **rng.pick(&fitting)
            };
            let issued = DAY - Duration::days(30 + rng.below(40 * 365) as i64);
            let outcome = if !consent {
                Outcome::Refuse(Ground::NotPresented)
            } else if rng.chance(0.955) {
                Outcome::Certify { pages }
            } else {
                Outcome::Refuse(*rng.pick(&[Ground::NoResource, Ground::Defects]))
            };
            Planned {
                document: Document {
                    title: kind.title.into(),
                    number: format!("{} {:06}", kind.number, rng.below(1_000_000)),
                    issued_on: issued.format("%d.%m.%Y").to_string(),
                    issuer: kind.issuer.into(),
                    sheets: pages,
                },
                outcome,
            }
        })
        .collect();
    let _ = index;
    Visit {
        clerk,
        start,
        end,
        applicant,
        representative,
        consent,
        consent_scan: consent && rng.chance(0.9),
        copies_on_media: rng.chance(0.12),
        documents,
        languages: *rng.pick(&[
            NoticeLanguages::Kk,
            NoticeLanguages::Ru,
            NoticeLanguages::Both,
        ]),
    }
}

fn address(rng: &mut Rng) -> String {
    format!(
        "Қарағанды, {}, {}-үй, {}-пәтер",
        rng.pick(&STREETS),
        1 + rng.below(120),
        1 + rng.below(200)
    )
}

fn phone(rng: &mut Rng) -> String {
    format!(
        "+7 70{} {:03} {:02} {:02}",
        rng.below(9),
        rng.below(1000),
        rng.below(100),
        rng.below(100)
    )
}

/// Every step of the day in the order of the clock: the clerks sign in before the first
/// visit and out after the last, the supervisor signs the day off at the end.
fn steps(visits: &[Visit], clerks: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let first = local(DAY, 8 * 3600 + 50 * 60);
    let last = visits.iter().map(|v| v.end).max().unwrap_or(first);
    for c in 0..clerks {
        steps.push(Step {
            at: first + Duration::seconds(c as i64 * 20),
            act: Act::Login(c),
        });
        steps.push(Step {
            at: last + Duration::minutes(5) + Duration::seconds(c as i64 * 20),
            act: Act::Logout(c),
        });
    }
    steps.push(Step {
        at: last + Duration::minutes(30),
        act: Act::SignOff,
    });
    for (v, visit) in visits.iter().enumerate() {
        let listed = visit.start + Duration::seconds(60);
        let notice = visit.end - Duration::seconds(60);
        let step = (notice - listed) / (visit.documents.len() as i32 + 1);
        steps.push(Step {
            at: visit.start,
            act: Act::Open(v),
        });
        steps.push(Step {
            at: listed,
            act: Act::List(v),
        });
        for i in 0..visit.documents.len() {
            steps.push(Step {
                at: listed + step * (i as i32 + 1),
                act: Act::Decide(v, i),
            });
        }
        if visit.refuses() {
            steps.push(Step {
                at: notice,
                act: Act::Notice(v),
            });
        }
        steps.push(Step {
            at: visit.end,
            act: Act::Close(v),
        });
    }
    // Stable: a visit's own steps keep their order when two fall on the same instant.
    steps.sort_by_key(|s| s.at);
    steps
}
