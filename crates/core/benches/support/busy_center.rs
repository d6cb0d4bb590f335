//! Five years of a busy center in a real Rastau store, for the journal bench.
//!
//! The store is made as the app makes it: [`Store::open`] runs the migrations, and the center,
//! its supervisor and twelve clerks are created through the API. The visits are then written
//! with plain SQL, one transaction a month, for speed, but every row satisfies the schema:
//! foreign keys are enforced while writing, journal numbers run gap-free from 1 in each year
//! (and `journal_counter` says where each year stopped), and every instant is bound as a
//! `chrono::DateTime<Utc>`, so it is stored in exactly the text rusqlite writes for the app
//! (`2024-07-02 09:14:03.123456789+00:00`) and the journal's range comparisons hold.
//!
//! 2022-01-01 to 2026-12-31, open every day (09:00 to 20:00 on weekdays with all twelve clerks,
//! 09:00 to 18:00 at weekends with ten): about 620 visits a weekday and 420 a weekend day, each
//! served by the first free clerk, so a clerk's visits never overlap. A visit lists 1 to 3
//! documents; most are certified (a copy with its page, PDF and signature hashes, no files),
//! the others refused with grounds under a signed notice that is printed (rule 6: a visit ends
//! with every document certified or refused; an applicant who walked away is refused); about
//! 4 % of the visits take over 30 minutes; most receipts are printed. Applicants come from a
//! pool of 300,000 IIN/BINs, a tenth of which are regulars who come back often.
//!
//! The store is kept in `<target>/bench-stores/busy-center-v3/` (`CARGO_TARGET_DIR` if set,
//! else the workspace's `target/`) and made again when missing or when its schema no longer
//! matches the migrations; `generation.log` beside it says how long generation took.
#![allow(dead_code)] // each bench uses a different part

use crate::common::{person, profile, supervisor_iin, SUPERVISOR_PASSWORD};
use chrono::{DateTime, Datelike, Duration, Local, Months, NaiveDate, TimeZone, Utc, Weekday};
use rastau_core::clock::ManualClock;
use rastau_core::ids::check_digit;
use rastau_core::store::{Store, DB_FILE};
use rastau_core::{FirstStart, Rastau};
use rusqlite::{params, Connection, OptionalExtension, Statement};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bump when the generator changes what it writes: the cached store is then made again.
pub const VERSION: &str = "busy-center-v3";
/// A weekday in the middle of the five years.
pub const BUSY_DAY: NaiveDate = date(2024, 7, 2);

/// The days a store covers, and the folder it is kept in.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub folder: &'static str,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The store the bench measures: five years, over a million visits, 1.5 GB.
pub const FIVE_YEARS: Span = Span {
    folder: VERSION,
    first: date(2022, 1, 1),
    last: date(2026, 12, 31),
};

/// The week around [`BUSY_DAY`]: what `cargo test` runs the bench on, so that the test suite
/// checks the bench works without making (or keeping) the five-year store.
pub const BUSY_WEEK: Span = Span {
    folder: "busy-center-v3-week",
    first: date(2024, 6, 29),
    last: date(2024, 7, 5),
};
/// IIN/BINs the applicants are drawn from; the first `REGULARS` come back often.
pub const POOL: usize = 300_000;
pub const REGULARS: usize = 30_000;

const SEED: u64 = 0x5241_5354_4155_2024;

pub const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("no such date"),
    }
}

/// The clerks, with the sex their IIN records.
pub const CLERKS: [(&str, bool); 12] = [
    ("Ғабитов Ұлан Маратұлы", true),
    ("Иванова Мария Петровна", false),
    ("Сейітқали Айгерім Болатқызы", false),
    ("Жұмабеков Нұрлан Серікұлы", true),
    ("Оспанова Динара Ерланқызы", false),
    ("Ким Денис Александрович", true),
    ("Төлегенова Әсем Қайратқызы", false),
    ("Бекмұхамбетов Арман Талғатұлы", true),
    ("Мұқанова Гүлжан Әділқызы", false),
    ("Ахметов Ержан Бауыржанұлы", true),
    ("Нұрпейісова Әсел Ғазизқызы", false),
    ("Петренко Ольга Викторовна", false),
];

pub fn clerk_password(index: usize) -> String {
    format!("clerk-pass-{}", index + 1)
}

/// The cached store, ready to open with [`Store::open`].
pub struct BusyCenter {
    pub dir: PathBuf,
    pub visits: i64,
    pub documents: i64,
    pub applicants: i64,
    /// The database file's size.
    pub bytes: u64,
    /// What `generation.log` says: when and how fast the store was made.
    pub log: String,
}

/// The store of `span`'s busy days, made first if missing or out of date.
pub fn busy_center(span: Span) -> BusyCenter {
    let root = stores_root();
    let dir = root.join(span.folder);
    if dir.join(DB_FILE).is_file() && schema_is_current(&dir) {
        eprintln!("busy center: using the store in {}", dir.display());
    } else {
        eprintln!("busy center: generating the store (a few minutes) ...");
        let partial = root.join(format!("{}.partial", span.folder));
        let _ = std::fs::remove_dir_all(&partial);
        let started = Instant::now();
        let summary = generate(&partial, span);
        let log = format!(
            "generated in {:.1} s by {VERSION}: {summary}\n",
            started.elapsed().as_secs_f64()
        );
        std::fs::write(partial.join("generation.log"), &log).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::rename(&partial, &dir).unwrap();
    }
    let log = std::fs::read_to_string(dir.join("generation.log")).unwrap_or_default();
    eprint!("busy center: {log}");
    let conn = Connection::open(dir.join(DB_FILE)).unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    BusyCenter {
        visits: count("visit"),
        documents: count("document"),
        applicants: count("applicant"),
        bytes: std::fs::metadata(dir.join(DB_FILE)).unwrap().len(),
        dir,
        log,
    }
}

pub fn stores_root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-stores")
}

/// Whether the cached store has the schema a store made now by the migrations has.
pub fn schema_is_current(dir: &Path) -> bool {
    let fresh = tempfile::tempdir().unwrap();
    let store = Store::open(fresh.path()).unwrap();
    let cached = Connection::open(dir.join(DB_FILE)).unwrap();
    schema(store.read()) == schema(&cached)
}

fn schema(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '')
             FROM sqlite_master ORDER BY type, name",
        )
        .unwrap();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    rows.push(format!("user_version {version}"));
    rows
}

/// Makes the store in `dir`; returns a line of counts for the log.
fn generate(dir: &Path, span: Span) -> String {
    let setup = Instant::now();
    let opened = local(span.first, 8 * 3600) - Duration::days(10);
    let mut app = Rastau::new(Store::open(dir).unwrap(), Box::new(ManualClock::at(opened)));
    app.first_start(&FirstStart {
        center: profile(),
        supervisor: person(supervisor_iin(), "Әбілқасымова Гүлнар", SUPERVISOR_PASSWORD),
    })
    .unwrap();
    app.login(&supervisor_iin(), SUPERVISOR_PASSWORD).unwrap();
    for (i, (name, male)) in CLERKS.iter().enumerate() {
        let number = person_iin(
            date(1985 + i as i32, 1 + i as u32, 10 + i as u32),
            *male,
            1000 + i as u32,
        );
        app.create_clerk(&person(number, name, &clerk_password(i)))
            .unwrap();
    }
    app.logout().unwrap();
    drop(app);
    eprintln!(
        "busy center: center, supervisor and {} clerks made through the API in {:.1} s",
        CLERKS.len(),
        setup.elapsed().as_secs_f64()
    );

    let mut conn = Connection::open(dir.join(DB_FILE)).unwrap();
    let summary = Filler::new(&conn).fill(&mut conn, span);
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(conn);
    // The app opens it as ever.
    drop(Store::open(dir).unwrap());
    summary
}

/// The instant `seconds` after local midnight of `day`.
pub fn local(day: NaiveDate, seconds: i64) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap();
    Local
        .from_local_datetime(&midnight)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
        + Duration::seconds(seconds)
}

/// A valid IIN of a person born on `birth`, or the next serial's if this one is unissuable.
pub fn person_iin(birth: NaiveDate, male: bool, serial: u32) -> String {
    let century = if birth.year() >= 2000 { 5 } else { 3 } + u32::from(!male);
    (serial..)
        .find_map(|s| {
            with_check(&format!(
                "{}{century}{:04}",
                birth.format("%y%m%d"),
                s % 10_000
            ))
        })
        .unwrap()
}

/// A valid BIN of a resident head office registered in `year`/`month`.
pub fn org_bin(year: i32, month: u32, serial: u32) -> String {
    (serial..)
        .find_map(|s| with_check(&format!("{:02}{month:02}40{:05}", year % 100, s % 100_000)))
        .unwrap()
}

fn with_check(first11: &str) -> Option<String> {
    let digits: [u8; 11] = std::array::from_fn(|i| first11.as_bytes()[i] - b'0');
    check_digit(&digits).map(|c| format!("{first11}{c}"))
}

/// SplitMix64: small, fast and the same on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index drawn by `weights`.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let mut left = self.below(weights.iter().map(|&w| u64::from(w)).sum());
        for (i, &w) in weights.iter().enumerate() {
            if left < u64::from(w) {
                return i;
            }
            left -= u64::from(w);
        }
        unreachable!()
    }
}

pub const MALE_NAMES: [&str; 16] = [
    "Нұрлан",
    "Ерлан",
    "Арман",
    "Қайрат",
    "Бауыржан",
    "Дәурен",
    "Асқар",
    "Ержан",
    "Мұрат",
    "Тимур",
    "Алексей",
    "Сергей",
    "Ғалымжан",
    "Жандос",
    "Әлібек",
    "Санжар",
];
pub const FEMALE_NAMES: [&str; 16] = [
    "Әлия",
    "Айгүл",
    "Гүлнар",
    "Динара",
    "Жанар",
    "Сәуле",
    "Айгерім",
    "Мадина",
    "Ләззат",
    "Ольга",
    "Елена",
    "Аружан",
    "Назерке",
    "Ұлжан",
    "Камила",
    "Әсел",
];
/// Surnames, a man's form and a woman's.
pub const SURNAMES: [(&str, &str); 20] = [
    ("Нұрланов", "Нұрланова"),
    ("Серікбаев", "Серікбаева"),
    ("Әбілқасымов", "Әбілқасымова"),
    ("Жұмабеков", "Жұмабекова"),
    ("Қасымов", "Қасымова"),
    ("Ахметов", "Ахметова"),
    ("Оспанов", "Оспанова"),
    ("Төлеген", "Төлеген"),
    ("Ержанов", "Ержанова"),
    ("Мұқанов", "Мұқанова"),
    ("Ысқақов", "Ысқақова"),
    ("Сәрсенбаев", "Сәрсенбаева"),
    ("Құдайбергенов", "Құдайбергенова"),
    ("Байжанов", "Байжанова"),
    ("Иванов", "Иванова"),
    ("Ким", "Ким"),
    ("Петренко", "Петренко"),
    ("Шәкенов", "Шәкенова"),
    ("Үсенов", "Үсенова"),
    ("Ғабитов", "Ғабитова"),
];
pub const ORG_WORDS: [&str; 16] = [
    "Алтын",
    "Дала",
    "Сарыарқа",
    "Нұр",
    "Береке",
    "Қарағанды",
    "Жұлдыз",
    "Самал",
    "Астық",
    "Құрылыс",
    "Сервис",
    "Транс",
    "Көмір",
    "Агро",
    "Медиа",
    "Тау",
];
pub const STREETS: [&str; 8] = [
    "Ерубаев к.",
    "Бұқар жырау даңғ.",
    "Әлиханов к.",
    "Гоголь к.",
    "Абай к.",
    "Н. Назарбаев даңғ.",
    "Мұстафин к.",
    "Строителей пр.",
];

/// A kind of document brought to certify: its title, how its number starts, who issues it,
/// and how many sheets it has (at most).
pub struct Kind {
    pub title: &'static str,
    pub number: &'static str,
    pub issuer: &'static str,
    pub pages: u32,
}

const fn kind(title: &'static str, number: &'static str, issuer: &'static str, pages: u32) -> Kind {
    Kind {
        title,
        number,
        issuer,
        pages,
    }
}

pub const PERSON_DOCUMENTS: [Kind; 14] = [
    kind("Туу туралы куәлік", "I-АЖ", "АХАТ бөлімі", 1),
    kind("Свидетельство о рождении", "I-КА", "Отдел ЗАГС", 1),
    kind("Диплом", "ЖБ-Б", "ҚарМУ", 4),
    kind("Диплом с приложением", "ЖБ-II", "КарГТУ", 6),
    kind(
        "Аттестат о среднем образовании",
        "ЖОБ",
        "Школа-гимназия № 1",
        3,
    ),
    kind("Неке қию туралы куәлік", "I-НҚ", "АХАТ бөлімі", 1),
    kind("Свидетельство о браке", "I-ЗБ", "Отдел ЗАГС", 1),
    kind("Еңбек кітапшасы", "АТ-I", "ЖШС «Қарағанды Көмір»", 12),
    kind("Трудовая книжка", "ТК", "ТОО «Сарыарқа Сервис»", 10),
    kind("Үй кітабы", "ҮК", "Қазыбек би ауданы әкімдігі", 8),
    kind("Справка с места работы", "№", "ТОО «Алтын Дала»", 1),
    kind(
        "Мемлекеттік акт (жер учаскесі)",
        "09-",
        "Жер қатынастары бөлімі",
        2,
    ),
    kind("Технический паспорт", "KZ", "СпецЦОН", 2),
    kind("Медицинская справка 075/у", "№", "Поликлиника № 3", 1),
];
pub const ORG_DOCUMENTS: [Kind; 4] = [
    kind("Устав ТОО", "У-", "Учредители", 14),
    kind(
        "Справка о государственной регистрации юридического лица",
        "ЗЛ-",
        "Госкорпорация",
        1,
    ),
    kind(
        "Приказ о назначении директора",
        "П-",
        "Общее собрание участников",
        1,
    ),
    kind("Лицензия", "KZ", "Комитет", 2),
];
pub const JUSTIFICATIONS: [&str; 3] = [
    "Құжаттың түпнұсқасы ұсынылмады. / Не представлен оригинал документа.",
    "Ақпараттық жүйеде мұндай ресурс жоқ. / В информационной системе такого ресурса нет.",
    "2-бетте мөрдің таңбасы оқылмайды; на стр. 3 исправление карандашом.",
];

struct Account {
    id: i64,
    iin: String,
    name: String,
    serial: String,
}

/// One visit planned for a day: when the applicant came to which clerk.
struct Planned {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    clerk: usize,
}

struct Statements<'c> {
    applicant: Statement<'c>,
    visit: Statement<'c>,
    document: Statement<'c>,
    copy: Statement<'c>,
    notice: Statement<'c>,
    refusal: Statement<'c>,
    notice_print: Statement<'c>,
    receipt_print: Statement<'c>,
}

#[derive(Default)]
struct Counts {
    visits: u64,
    documents: u64,
    copies: u64,
    refusals: u64,
    notices: u64,
    over_limit: u64,
    applicants: u64,
}

struct Filler {
    rng: Rng,
    clerks: Vec<Account>,
    supervisor: Account,
    /// The applicant row of each pool entry, once it came.
    applicant_ids: Vec<Option<i64>>,
    /// When each applicant row was last written (as `applicant::remember` does at each visit).
    last_seen: Vec<DateTime<Utc>>,
    /// Each applicant row's name, kept with each of its visits.
    names: Vec<String>,
    hashes: u64,
    next_visit: i64,
    next_document: i64,
    next_notice: i64,
    counts: Counts,
}

impl Filler {
    fn new(conn: &Connection) -> Filler {
        let accounts = |role: &str| -> Vec<Account> {
            let mut stmt = conn
                .prepare("SELECT id, iin, full_name FROM account WHERE role = ?1 ORDER BY id")
                .unwrap();
            stmt.query_map([role], |r| {
                let iin: String = r.get(1)?;
                Ok(Account {
                    id: r.get(0)?,
                    serial: hex(&Sha256::digest(iin.as_bytes()))[..40].to_uppercase(),
                    iin,
                    name: r.get(2)?,
                })
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
        };
        let clerks = accounts("clerk");
        let supervisor = accounts("supervisor").remove(0);
        assert_eq!(clerks.len(), CLERKS.len());
        Filler {
            rng: Rng(SEED),
            clerks,
            supervisor,
            applicant_ids: vec![None; POOL],
            last_seen: Vec::new(),
            names: Vec::new(),
            hashes: 0,
            next_visit: 1,
            next_document: 1,
            next_notice: 1,
            counts: Counts::default(),
        }
    }

    fn fill(mut self, conn: &mut Connection, span: Span) -> String {
        let started = Instant::now();
        for (name, value) in [
            ("journal_mode", "OFF"),
            ("synchronous", "OFF"),
            ("cache_size", "-400000"),
            ("temp_store", "MEMORY"),
            ("foreign_keys", "ON"),
        ] {
            conn.pragma_update(None, name, value).unwrap();
        }
        // The migrations' indexes are dropped while writing and made again, as they were
        // declared, at the end: much faster than keeping them up to date row by row.
        let indexes: Vec<(String, String)> = {
            let mut stmt = conn
                .prepare(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                )
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        for (name, _) in &indexes {
            conn.execute_batch(&format!("DROP INDEX {name}")).unwrap();
        }
        let pool = self.pool();

        let mut stmts = statements(conn);
        let mut seqs: std::collections::BTreeMap<i32, u32> = Default::default();
        let mut day = span.first;
        let mut month = None;
        while day <= span.last {
            if month != Some((day.year(), day.month())) {
                if month.is_some() {
                    conn.execute_batch("COMMIT").unwrap();
                }
                if day.month() == 1 && month.is_some() {
                    eprintln!(
                        "busy center: {} written, {} visits so far, {:.1} s",
                        day.year() - 1,
                        self.counts.visits,
                        started.elapsed().as_secs_f64()
                    );
                }
                conn.execute_batch("BEGIN").unwrap();
                month = Some((day.year(), day.month()));
            }
            for planned in self.plan(day) {
                let year = planned.start.with_timezone(&Local).year();
                let seq = seqs.entry(year).or_insert(0);
                *seq += 1;
                let seq = *seq;
                self.visit(&mut stmts, &pool, &planned, year, seq);
            }
            day = day.succ_opt().unwrap();
        }
        conn.execute_batch("COMMIT").unwrap();
        drop(stmts);
        let written = started.elapsed();

        let tx = conn.transaction().unwrap();
        {
            let mut seen = tx
                .prepare("UPDATE applicant SET updated_at = ?2 WHERE id = ?1")
                .unwrap();
            for (i, at) in self.last_seen.iter().enumerate() {
                seen.execute(params![i as i64 + 1, at]).unwrap();
            }
            let mut counter = tx
                .prepare("INSERT INTO journal_counter (year, last) VALUES (?1, ?2)")
                .unwrap();
            for (year, last) in &seqs {
                counter.execute(params![year, last]).unwrap();
            }
        }
        tx.commit().unwrap();
        for (_, sql) in &indexes {
            conn.execute_batch(sql).unwrap();
        }
        let violations: Option<String> = conn
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()
            .unwrap();
        assert_eq!(violations, None, "a foreign key points nowhere");
        eprintln!(
            "busy center: rows written in {:.1} s, indexes made in {:.1} s",
            written.as_secs_f64(),
            (started.elapsed() - written).as_secs_f64()
        );
        let c = &self.counts;
        format!(
            "{} visits ({} over 30 min), {} documents, {} certified copies, {} refused, \
             {} notices, {} applicants; {} to {}",
            c.visits,
            c.over_limit,
            c.documents,
            c.copies,
            c.refusals,
            c.notices,
            c.applicants,
            span.first,
            span.last
        )
    }

    /// The IIN/BINs of the pool: 94 % people, 6 % organizations, all distinct.
    fn pool(&mut self) -> Vec<String> {
        let mut seen = std::collections::HashSet::with_capacity(POOL);
        let mut pool = Vec::with_capacity(POOL);
        while pool.len() < POOL {
            let rng = &mut self.rng;
            let number = if rng.chance(0.06) {
                org_bin(
                    1995 + rng.below(30) as i32,
                    1 + rng.below(12) as u32,
                    rng.below(100_000) as u32,
                )
            } else {
                let birth = date(1940, 1, 1) + Duration::days(rng.below(68 * 365) as i64);
                person_iin(birth, rng.chance(0.5), rng.below(10_000) as u32)
            };
            if seen.insert(number.clone()) {
                pool.push(number);
            }
        }
        pool
    }

    /// The day's visits, in the order they were opened.
    fn plan(&mut self, day: NaiveDate) -> Vec<Planned> {
        let rng = &mut self.rng;
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let (open, close, on_duty, count) = if weekend {
            (9, 18, 10, 375 + rng.below(91))
        } else {
            (9, 20, 12, 560 + rng.below(121))
        };
        let (open, close) = (open * 3600, close * 3600 - 600);
        let mut clerks: Vec<usize> = (0..CLERKS.len()).collect();
        for i in 0..clerks.len() {
            clerks.swap(i, i + rng.below((CLERKS.len() - i) as u64) as usize);
        }
        clerks.truncate(on_duty);
        // Arrivals peak around midday.
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
        let opening = local(day, 0);
        let mut free: Vec<i64> = clerks
            .iter()
            .map(|_| open + rng.below(300) as i64)
            .collect();
        let mut visits: Vec<Planned> = arrivals
            .into_iter()
            .map(|arrival| {
                let (slot, _) = free.iter().enumerate().min_by_key(|(_, &f)| f).unwrap();
                let start = arrival.max(free[slot] + 20 + rng.below(70) as i64);
                let minutes = if rng.chance(0.04) {
                    31.0 + rng.unit() * 40.0
                } else {
                    3.0 + 12.0 * (rng.unit() + rng.unit()) / 2.0
                };
                let end = start + (minutes * 60.0) as i64;
                free[slot] = end;
                let nanos = |rng: &mut Rng| Duration::nanoseconds(rng.below(1_000_000_000) as i64);
                Planned {
                    start: opening + Duration::seconds(start) + nanos(rng),
                    end: opening + Duration::seconds(end) + nanos(rng),
                    clerk: clerks[slot],
                }
            })
            .collect();
        visits.sort_by_key(|v| v.start);
        visits
    }

    fn hash(&mut self) -> String {
        self.hashes += 1;
        hex(&Sha256::digest(self.hashes.to_le_bytes()))
    }

    /// The applicant of the next visit (a regular two times in five): its row, whether it is an
    /// organization, and its name.
    fn applicant(
        &mut self,
        stmts: &mut Statements,
        pool: &[String],
        at: DateTime<Utc>,
    ) -> (i64, bool, String) {
        let index = if self.rng.chance(0.4) {
            self.rng.below(REGULARS as u64)
        } else {
            self.rng.below(POOL as u64)
        } as usize;
        let number = &pool[index];
        let organization = number.as_bytes()[4] == b'4';
        if let Some(id) = self.applicant_ids[index] {
            self.last_seen[id as usize - 1] = at;
            return (id, organization, self.names[id as usize - 1].clone());
        }
        let rng = &mut self.rng;
        let male = !organization && number.as_bytes()[6] % 2 == 1;
        let (surname, given, patronymic, org) = if organization {
            let name = format!("ТОО «{} {}»", rng.pick(&ORG_WORDS), rng.pick(&ORG_WORDS));
            (String::new(), String::new(), String::new(), name)
        } else {
            let (his, hers) = rng.pick(&SURNAMES);
            let father = rng.pick(&MALE_NAMES);
            if male {
                (
                    his.to_string(),
                    rng.pick(&MALE_NAMES).to_string(),
                    format!("{father}ұлы"),
                    String::new(),
                )
            } else {
                (
                    hers.to_string(),
                    rng.pick(&FEMALE_NAMES).to_string(),
                    format!("{father}қызы"),
                    String::new(),
                )
            }
        };
        let address = format!(
            "Қарағанды, {}, {}-үй, {}-пәтер",
            rng.pick(&STREETS),
            1 + rng.below(120),
            1 + rng.below(200)
        );
        let phone = format!(
            "+7 70{} {:03} {:02} {:02}",
            rng.below(9),
            rng.below(1000),
            rng.below(100),
            rng.below(100)
        );
        let id = self.last_seen.len() as i64 + 1;
        stmts
            .applicant
            .execute(params![
                id,
                number,
                if organization { "bin" } else { "iin" },
                surname,
                given,
                patronymic,
                org,
                address,
                phone,
                at
            ])
            .unwrap();
        self.applicant_ids[index] = Some(id);
        self.last_seen.push(at);
        let name = if organization {
            org
        } else {
            format!("{surname} {given} {patronymic}")
        };
        self.names.push(name.clone());
        self.counts.applicants += 1;
        (id, organization, name)
    }

    fn visit(
        &mut self,
        stmts: &mut Statements,
        pool: &[String],
        planned: &Planned,
        year: i32,
        seq: u32,
    ) {
        let (start, end) = (planned.start, planned.end);
        let (applicant_id, organization, applicant_name) = self.applicant(stmts, pool, start);
        let clerk_index = planned.clerk;
        let (clerk_id, clerk_name) = {
            let clerk = &self.clerks[clerk_index];
            (clerk.id, clerk.name.clone())
        };
        let visit_id = self.next_visit;
        self.next_visit += 1;
        let rng = &mut self.rng;

        // Organizations always send someone with a power of attorney; people now and then.
        let representative = (organization || rng.chance(0.05)).then(|| {
            let (his, _) = rng.pick(&SURNAMES);
            let name = format!("{his} {}", rng.pick(&MALE_NAMES));
            let birth = date(1960, 1, 1) + Duration::days(rng.below(40 * 365) as i64);
            let iin = person_iin(birth, true, rng.below(10_000) as u32);
            let today = start.with_timezone(&Local).date_naive();
            let issued = today - Duration::days(1 + rng.below(300) as i64);
            let until = issued + Duration::days(365 * (1 + rng.below(3) as i64));
            (
                name,
                iin,
                format!("{}", 1000 + rng.below(9000)),
                issued,
                until.max(today),
            )
        });
        let consent = rng
            .chance(0.99)
            .then(|| start + Duration::seconds(40 + rng.below(100) as i64));
        let count = 1 + rng.weighted(&[60, 30, 10]);
        let scan = consent.is_some() && rng.chance(0.9);
        let consent_scan = scan.then(|| self.hash());
        let rep = representative.as_ref();
        stmts
            .visit
            .execute(params![
                visit_id,
                year,
                seq,
                applicant_id,
                clerk_id,
                rep.map(|r| &r.0),
                rep.map(|r| &r.1),
                rep.map(|r| &r.2),
                rep.map(|r| r.3),
                rep.map(|r| r.4),
                self.rng.chance(0.12),
                consent,
                start,
                end,
                consent_scan,
                applicant_name,
                clerk_name,
            ])
            .unwrap();
        self.counts.visits += 1;
        if (end - start).num_seconds() > 30 * 60 {
            self.counts.over_limit += 1;
        }

        let decided_from = consent.unwrap_or(start);
        let step = (end - decided_from) / (count as i32 + 1);
        let mut refused = Vec::new();
        for position in 1..=count {
            let document_id = self.next_document;
            self.next_document += 1;
            let rng = &mut self.rng;
            let kind = if organization && rng.chance(0.7) {
                rng.pick(&ORG_DOCUMENTS)
            } else {
                rng.pick(&PERSON_DOCUMENTS)
            };
            let issued = start.date_naive() - Duration::days(30 + rng.below(40 * 365) as i64);
            let sheets = 1 + rng.below(u64::from(kind.pages));
            stmts
                .document
                .execute(params![
                    document_id,
                    visit_id,
                    position as i64,
                    kind.title,
                    format!("{} {:06}", kind.number, rng.below(1_000_000)),
                    issued.format("%d.%m.%Y").to_string(),
                    kind.issuer,
                    sheets as i64,
                ])
                .unwrap();
            self.counts.documents += 1;
            let at = decided_from + step * position as i32;
            // Without the consent every document is refused on ground 1.
            let certified = consent.is_some() && self.rng.weighted(&[935, 65]) == 0;
            if certified {
                // Rule 2.1: a page for every sheet of the original.
                let page_hashes: Vec<String> = (0..sheets).map(|_| self.hash()).collect();
                let (pdf, signature) = (self.hash(), self.hash());
                let clerk = &self.clerks[clerk_index];
                stmts
                    .copy
                    .execute(params![
                        visit_id,
                        document_id,
                        pdf,
                        signature,
                        sheets as i64,
                        page_hashes.join(" "),
                        clerk.name,
                        clerk.iin,
                        clerk.serial,
                        at,
                        at.checked_add_months(Months::new(6)).unwrap(),
                    ])
                    .unwrap();
                self.counts.copies += 1;
            } else {
                refused.push((document_id, at));
            }
        }

        if !refused.is_empty() {
            // The notice is signed before the visit ends: by the clerk, or by the supervisor
            // when the center wants the authorised person's key.
            let notice_id = {
                let signer = if self.rng.chance(0.15) {
                    &self.supervisor
                } else {
                    &self.clerks[clerk_index]
                };
                let (signer_id, name, iin, serial) = (
                    signer.id,
                    signer.name.clone(),
                    signer.iin.clone(),
                    signer.serial.clone(),
                );
                let languages = *self.rng.pick(&["kk", "kk", "ru", "ru", "both"]);
                let issued = end - Duration::seconds(60);
                let rows: Vec<String> = refused.iter().map(|_| self.hash()).collect();
                let (pdf, signature) = (self.hash(), self.hash());
                let id = self.next_notice;
                self.next_notice += 1;
                stmts
                    .notice
                    .execute(params![
                        id,
                        visit_id,
                        1,
                        languages,
                        pdf,
                        signature,
                        rows.join(" "),
                        signer_id,
                        name,
                        iin,
                        serial,
                        issued
                    ])
                    .unwrap();
                for print in 0..self.rng.weighted(&[10, 80, 10]) {
                    stmts
                        .notice_print
                        .execute(params![
                            id,
                            clerk_id,
                            issued + Duration::seconds(20 + 15 * print as i64)
                        ])
                        .unwrap();
                }
                self.counts.notices += 1;
                id
            };
            let grounds = *self
                .rng
                .pick(&["1", "1", "1", "2", "2", "3", "3", "3", "3", "1 3"]);
            let grounds = if consent.is_none() { "1" } else { grounds };
            let justification = JUSTIFICATIONS[usize::from(grounds.as_bytes()[0] - b'1')];
            for (document_id, at) in refused {
                stmts
                    .refusal
                    .execute(params![
                        visit_id,
                        document_id,
                        grounds,
                        justification,
                        clerk_id,
                        at,
                        notice_id
                    ])
                    .unwrap();
                self.counts.refusals += 1;
            }
        }

        for print in 0..self.rng.weighted(&[5, 88, 7]) {
            stmts
                .receipt_print
                .execute(params![
                    visit_id,
                    clerk_id,
                    end - Duration::seconds(30 - 10 * print as i64)
                ])
                .unwrap();
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        write!(hex, "{byte:02x}").unwrap();
    }
    hex
}

fn statements(conn: &Connection) -> Statements<'_> {
    let prepare = |sql: &str| conn.prepare(sql).unwrap();
    Statements {
        applicant: prepare(
            "INSERT INTO applicant (id, tax_id, kind, surname, given_name, patronymic,
                                    organization, address, phone, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        ),
        visit: prepare(
            "INSERT INTO visit (id, journal_year, journal_seq, applicant_id, clerk_id,
                                representative_name, representative_iin, poa_number,
                                poa_issued_on, poa_valid_until, copies_on_media,
                                consent_received_at, started_at, ended_at, consent_scan_hash,
                                applicant_name, clerk_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        ),
        document: prepare(
            "INSERT INTO document (id, visit_id, position, title, number, issued_on, issuer,
                                   sheets)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        ),
        copy: prepare(
            "INSERT INTO certified_copy (visit_id, document_id, pdf_hash, signature_hash,
                                         page_count, page_hashes, signer_name, signer_iin,
                                         signer_serial, certified_at, keep_until)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        ),
        notice: prepare(
            "INSERT INTO refusal_notice (id, visit_id, seq, languages, pdf_hash, signature_hash,
                                         row_hashes, signer_id, signer_name, signer_iin,
                                         signer_serial, issued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        ),
        refusal: prepare(
            "INSERT INTO refusal (visit_id, document_id, grounds, justification, clerk_id,
                                  refused_at, notice_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        ),
        notice_print: prepare(
            "INSERT INTO notice_print (notice_id, account_id, printed_at) VALUES (?1, ?2, ?3)",
        ),
        receipt_print: prepare(
            "INSERT INTO receipt_print (visit_id, account_id, printed_at) VALUES (?1, ?2, ?3)",
        ),
    }
}
