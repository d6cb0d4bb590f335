//! The shared store's faults beyond `shared_sync.rs`: PostgreSQL restarted in the middle of a
//! push and stopped in the middle of a visit (on a cluster of the test's own, since the run's
//! cluster serves other tests meanwhile), a counter whose clock is ten minutes off, credentials
//! revoked by the administrator after joining, and an installation of one center trying to
//! change history or reach another center's rows as its own PostgreSQL role.
mod linked;

use chrono::{DateTime, Duration as Minutes, Utc};
use linked::*;
use postgres::Client;
use rastau_capture::test_pages::TestPage;
use rastau_core::applicant::Applicant;
use rastau_core::clock::{Clock, SystemClock};
use rastau_core::scans::PageSource;
use rastau_core::store::Store;
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_core::Coded;
use rastau_core::Rastau;
use rastau_shared::SharedError;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// An applicant of the tests' own visits.
const APPLICANT: &str = "780214300450";

/// A PostgreSQL cluster of one test's own (`scripts/postgres.sh`), stopped and removed when
/// dropped, with one database initialised as the shared store.
struct Cluster {
    dir: PathBuf,
    /// The administrator's URL of the shared store's database.
    url: String,
}

const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/postgres.sh")
}

impl Cluster {
    fn start() -> Cluster {
        let dir = tempfile::Builder::new()
            .prefix("rastau-postgres.")
            .tempdir()
            .unwrap()
            .keep();
        let started = Command::new(script())
            .arg("start")
            .arg(&dir)
            .output()
            .unwrap();
        assert!(started.status.success(), "{started:?}");
        let cluster_url = String::from_utf8(started.stdout).unwrap().trim().to_owned();
        let mut postgres = rastau_shared::connect(&cluster_url).unwrap();
        postgres.batch_execute("CREATE DATABASE rastau").unwrap();
        let url = cluster_url.replace("/postgres", "/rastau");
        stdout(&admin("ru", &["shared", "init", &url]));
        Cluster { dir, url }
    }

    fn admin(&self) -> Client {
        rastau_shared::connect(&self.url).unwrap()
    }

    /// `pg_ctl` as the cluster's OS owner (`postgres` when the tests run as root).
    fn pg_ctl(&self, args: &[&str]) {
        let pg_ctl = format!("{PG_BIN}/pg_ctl");
        let data = self.dir.join("data");
        let log = self.dir.join("server.log");
        let root = std::fs::metadata("/proc/self").unwrap().uid() == 0;
        let mut command = if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &pg_ctl]);
            c
        } else {
            Command::new(&pg_ctl)
        };
        let done = command
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", "30"])
            .args(args)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(done.success(), "pg_ctl {args:?}");
    }

    /// An immediate restart: every session is cut without a word, as in a crash, and the
    /// server recovers from its WAL (`pg_ctl restart` keeps the options it was started with).
    fn restart(&self) {
        self.pg_ctl(&["-m", "immediate", "restart"]);
    }

    fn stop(&self) {
        self.pg_ctl(&["-m", "fast", "stop"]);
    }

    /// Starts the stopped server as `scripts/postgres.sh` did (`pg_ctl start` alone would not
    /// know the port and socket folder).
    fn start_again(&self) {
        let port = rastau_shared::config(&self.url).unwrap().get_ports()[0];
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1",
            self.dir.display()
        );
        self.pg_ctl(&["-o", &options, "start"]);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(&self.dir)
            .stdout(Stdio::null())
            .status();
    }
}

/// The mark the shared store holds for the installation of `dir`.
fn mark(admin: &mut Client, dir: &Path) -> i64 {
    admin
        .query_opt(
            "SELECT high_water FROM push_mark WHERE installation_code = $1",
            &[&link(dir).installation],
        )
        .unwrap()
        .map_or(0, |r| r.get(0))
}

fn waiting_ru(count: i64) -> String {
    format!("Изменений ждут отправки в общее хранилище: {count}.")
}

fn waiting_kk(count: i64) -> String {
    format!("Ортақ қоймаға жіберуді күтетін өзгерістер: {count}.")
}

/// `rastau audit verify` passes on the store in `dir`: the local trail is whole.
fn assert_audit_sound(dir: &Path) {
    stdout(&rastau(dir, "ru", &["audit", "verify"]));
}

/// The clerk at the counter of `dir`, signed in with the demo key opened, on `clock`.
fn clerk_at(dir: &Path, clock: Box<dyn Clock>) -> Rastau {
    let mut app = Rastau::new(Store::open(dir).unwrap(), clock);
    app.login(CLERK, PASSWORD).unwrap();
    let key = std::fs::read(dir.join("keys").join(format!("{CLERK}.p12"))).unwrap();
    app.open_signing_key(&key, PASSWORD).unwrap();
    app
}

/// A visit opened for [`APPLICANT`] with one document listed and the consent received.
fn visit_with_consent(app: &mut Rastau) -> i64 {
    let visit = app
        .open_visit(&OpenVisit {
            applicant: Applicant {
                tax_id: APPLICANT.into(),
                surname: "Жұмабекова".into(),
                given_name: "Әсем".into(),
                ..Applicant::default()
            },
            representative: None,
        })
        .unwrap();
    let document = Document {
        title: "Туу туралы куәлік".into(),
        number: "№ 0012345".into(),
        issued_on: "01.02.2010".into(),
        issuer: "ХҚКО".into(),
        sheets: 1,
    };
    app.set_documents(visit.id, &[document], true).unwrap();
    app.confirm_consent(visit.id, Present::Applicant).unwrap();
    visit.id
}

/// Scans the document's page, certifies it and closes the visit; the copy's PDF hash.
fn certify_and_close(app: &mut Rastau, visit: i64) -> String {
    let page = TestPage::sized(620, 877).variant(7).scan();
    app.add_pages(visit, &[page], PageSource::File, Some(1))
        .unwrap();
    let copy = app.certify_document(visit, 1).unwrap();
    app.close_visit(visit).unwrap();
    copy.pdf_hash
}

/// Waits until the push of `dir` has committed a batch and holds the next one's transaction
/// open on the server; false if the push ended first.
fn inside_a_later_batch(cluster: &Cluster, dir: &Path, push: &mut std::process::Child) -> bool {
    let role = link(dir).role;
    let mut admin = cluster.admin();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if push.try_wait().unwrap().is_some() {
            return false;
        }
        let open: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = $1 AND xact_start IS NOT NULL",
                &[&role],
            )
            .unwrap()
            .get(0);
        if open > 0 && mark(&mut admin, dir) > 0 {
            return true;
        }
        sleep(Duration::from_millis(5));
    }
    panic!("the push never got under way");
}

/// PostgreSQL restarted (immediately, as in a crash) while a push is inside a batch's
/// transaction: the push says the connection was lost and fails; what the server had not
/// committed is gone with the transaction; once it is back, the next sync carries the rest,
/// and every row and file is there once.
#[test]
fn postgres_restarted_in_the_middle_of_a_push() {
    let cluster = Cluster::start();
    let dir = counter_of(&cluster.url, CENTER);
    let total = expected(dir.path())["audit_entry"];
    let mut push = command(dir.path(), "ru", &["shared", "sync", "--batch", "10"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(
        inside_a_later_batch(&cluster, dir.path(), &mut push),
        "the push ended before the server could be restarted"
    );
    cluster.restart();
    let output = push.wait_with_output().unwrap();
    let said = stderr(&output);
    assert!(
        said.contains("Связь с общим хранилищем прервалась"),
        "{said}"
    );
    let mut admin = cluster.admin();
    let reached = mark(&mut admin, dir.path());
    assert!(0 < reached && reached < total, "mark {reached} of {total}");
    let stored: i64 = admin
        .query_one("SELECT count(*) FROM audit_entry", &[])
        .unwrap()
        .get(0);
    assert_eq!(stored, reached, "only the committed batches are there");
    let status = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(status.contains(&waiting_ru(total - reached)), "{status}");

    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert_all_there_once_in(&mut admin, dir.path());
    assert_audit_sound(dir.path());
}

/// The server stopped while a clerk serves an applicant: the counter goes on (pages, the
/// certification, closing all commit here), the status says offline with the changes
/// waiting, and when the server is back a sync carries them, the new copy with its files.
#[test]
fn the_counter_goes_on_while_postgres_is_stopped_and_catches_up() {
    let cluster = Cluster::start();
    let dir = counter_of(&cluster.url, CENTER);
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    let pushed = expected(dir.path())["audit_entry"];

    let mut app = clerk_at(dir.path(), Box::new(SystemClock));
    let visit = visit_with_consent(&mut app);
    cluster.stop();
    let pdf = certify_and_close(&mut app, visit);
    app.logout().unwrap();
    drop(app);

    let waiting = expected(dir.path())["audit_entry"] - pushed;
    assert!(waiting >= 8, "{waiting}");
    let status = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(status.contains("Сервер сейчас недоступен."), "{status}");
    assert!(status.contains(&waiting_ru(waiting)), "{status}");
    let kk = stdout(&rastau(dir.path(), "kk", &["shared", "status"]));
    assert!(kk.contains("Сервер қазір қолжетімсіз."), "{kk}");
    assert!(kk.contains(&waiting_kk(waiting)), "{kk}");
    let said = stderr(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(said.contains("не отвечает"), "{said}");
    // The window's worker fails the same way, and quietly: the counter is not stopped by it.
    assert!(rastau_core::push::push_if_linked(dir.path(), Utc::now()).is_err());
    assert_audit_sound(dir.path());

    cluster.start_again();
    let synced = stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(
        synced.contains(&format!("изменений {waiting} —")),
        "{synced}"
    );
    let mut admin = cluster.admin();
    assert_all_there_once_in(&mut admin, dir.path());
    let copy: i64 = admin
        .query_one(
            "SELECT count(*) FROM certified_copy c JOIN visit v
                 ON v.installation_code = c.installation_code AND v.id = c.visit_id
              WHERE c.pdf_sha256 = $1 AND v.applicant_tax_id = $2",
            &[&pdf, &APPLICANT],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        copy, 1,
        "the copy certified offline is there, its applicant's"
    );
    let status = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(status.contains(&waiting_ru(0)), "{status}");
    assert!(status.contains("Последний обмен:"), "{status}");
}

/// A counter's clock, off the true time by a fixed amount.
struct Off(Minutes);

impl Clock for Off {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.0
    }
}

/// `(seq, at)` of every audit entry of the store in `dir`, in commit order.
fn local_times(dir: &Path) -> Vec<(i64, String)> {
    let store = Store::open(dir).unwrap();
    let mut stmt = store
        .read()
        .prepare("SELECT seq, at FROM audit_entry ORDER BY seq")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

/// A counter whose clock runs ten minutes ahead serves an applicant, and after a push the
/// clock is put right and someone signs in: the trail's times go back ten minutes while its
/// sequence goes on. Nothing is refused or reordered: the rows go up in commit order, the
/// mark follows the sequence (a mark by time would skip the later entries), the shared store
/// keeps the counter's claimed times, the mark's own time is the server's, and a counter with
/// a true clock finds and fetches the copy "certified in the future".
#[test]
fn a_counter_ten_minutes_fast_goes_up_in_commit_order() {
    let (db, dir) = busy();
    let mut app = clerk_at(dir.path(), Box::new(Off(Minutes::minutes(10))));
    let visit = visit_with_consent(&mut app);
    let pdf = certify_and_close(&mut app, visit);
    app.logout().unwrap();
    drop(app);
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    sign_in_and_out(dir.path(), SUPERVISOR);
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(said.contains("изменений 2 —"), "{said}");
    assert_all_there_once(&db, dir.path());

    let times = local_times(dir.path());
    let back = times.windows(2).filter(|w| w[1].1 < w[0].1).count();
    assert!(
        back >= 1,
        "the trail's times go back at the clock's correction"
    );
    let mut admin = db.admin();
    let installation = link(dir.path()).installation;
    let shared: Vec<(i64, String)> = admin
        .query(
            "SELECT seq, at FROM audit_entry WHERE installation_code = $1 ORDER BY seq",
            &[&installation],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(
        shared, times,
        "the counter's claimed times, in its commit order"
    );

    let row = admin
        .query_one(
            "SELECT extract(epoch FROM c.certified_at::timestamptz - now())::float8,
                    extract(epoch FROM now() - m.moved_at)::float8
               FROM certified_copy c JOIN push_mark m USING (installation_code)
              WHERE c.pdf_sha256 = $1",
            &[&pdf],
        )
        .unwrap();
    let (ahead, since_mark): (f64, f64) = (row.get(0), row.get(1));
    assert!(
        ahead > 8.0 * 60.0,
        "certified_at is the counter's claim: {ahead} s ahead"
    );
    assert!(
        (0.0..120.0).contains(&since_mark),
        "the mark moved on the server's clock: {since_mark} s ago"
    );
    stdout(&admin_command(&db, &["shared", "audit", "verify"]));

    let other = another_counter(&db);
    let mut clerk = clerk_at(other.path(), Box::new(SystemClock));
    let serving = visit_with_consent(&mut clerk);
    let copies = clerk.shared_copies(serving).unwrap();
    let copy = copies
        .iter()
        .find(|c| c.installation_code == installation && c.certified_at > Utc::now())
        .expect("the copy certified ten minutes ahead is listed");
    clerk
        .fetch_shared_copy(serving, &copy.installation_code, copy.copy_id)
        .unwrap();
}

fn admin_command(db: &rastau_shared::test_db::TestDb, args: &[&str]) -> std::process::Output {
    let url = db.admin_url();
    let mut args = args.to_vec();
    args.push(&url);
    admin("ru", &args)
}

/// The administrator changes the installation's password after it joined (its credentials
/// revoked): sync says so in Russian and Kazakh, the status names the refusal beside the
/// changes waiting, nothing changes here and the trail is whole. The supervisor links the
/// counter again with the administrator's URL: the same installation code and a new password,
/// and the next sync carries the rest once.
#[test]
fn revoked_credentials_are_told_and_the_relinked_counter_catches_up() {
    let (db, dir) = busy();
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    sign_in_and_out(dir.path(), CLERK);
    let before = expected(dir.path());
    let revoked = link(dir.path());
    db.admin()
        .batch_execute(&format!(
            "ALTER ROLE {} PASSWORD 'revoked-by-the-administrator'",
            revoked.role
        ))
        .unwrap();

    let ru = stderr(&rastau(dir.path(), "ru", &["shared", "sync"]));
    let role = &revoked.role;
    assert!(
        ru.contains(&format!(
            "Общее хранилище не приняло имя «{role}» или пароль"
        )),
        "{ru}"
    );
    let kk = stderr(&rastau(dir.path(), "kk", &["shared", "sync"]));
    assert!(
        kk.contains(&format!(
            "Ортақ қойма «{role}» атын немесе құпиясөзді қабылдамады"
        )),
        "{kk}"
    );
    let status = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(status.contains("не принимает учётные данные"), "{status}");
    assert!(status.contains(&waiting_ru(2)), "{status}");
    let status = stdout(&rastau(dir.path(), "kk", &["shared", "status"]));
    assert!(
        status.contains("тіркелгі деректерін қабылдамайды"),
        "{status}"
    );
    assert!(status.contains(&waiting_kk(2)), "{status}");
    assert_eq!(expected(dir.path()), before, "nothing changed here");
    assert_audit_sound(dir.path());

    stdout(&rastau(
        dir.path(),
        "ru",
        &["shared", "leave", "--iin", SUPERVISOR],
    ));
    stdout(&join(&db, dir.path(), "ru", SUPERVISOR));
    let relinked = link(dir.path());
    assert_eq!(relinked.installation, revoked.installation);
    assert_ne!(relinked.password, revoked.password);
    let waiting = expected(dir.path())["audit_entry"] - before["audit_entry"] + 2;
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(said.contains(&format!("изменений {waiting} —")), "{said}");
    assert_all_there_once(&db, dir.path());
    assert_audit_sound(dir.path());
}

/// The shared store's history tables.
const HISTORY: [&str; 10] = [
    "applicant",
    "visit",
    "document",
    "consent",
    "file",
    "certified_copy",
    "notice",
    "handover",
    "signoff",
    "audit_entry",
];

fn assert_refused<T: std::fmt::Debug>(result: Result<T, postgres::Error>, what: &str) {
    let error = SharedError::from(result.expect_err(what));
    assert!(
        matches!(error, SharedError::NotPermitted { .. }),
        "{what}: {error:?}"
    );
    assert_eq!(error.code(), "shared-not-permitted");
}

/// What `crates/shared/tests/roles.rs` does not cover, with real installations joined and
/// pushed by the `rastau` command: center A's installation, logged in with the credentials of
/// its link file, changes no history of any table (not even its own rows, nor by TRUNCATE),
/// writes no row in center B's name nor moves itself there, forges no lookup, reads nothing of
/// center B outside the audited lookup, and takes no other role's powers.
#[test]
fn an_installation_of_center_a_reaches_center_b_only_through_the_lookup() {
    let (db, a) = busy();
    let b = counter_of(&db.admin_url(), "AST-01");
    let pushes: Vec<_> = [a.path(), b.path()]
        .into_iter()
        .map(|dir| {
            command(dir, "ru", &["shared", "sync"])
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut push in pushes {
        assert!(push.wait().unwrap().success());
    }
    let (la, lb) = (link(a.path()), link(b.path()));
    let mut me = rastau_shared::connect_with(la.config()).unwrap();
    let mut admin = db.admin();

    for table in HISTORY.iter().chain(&["lookup"]) {
        let set = format!("UPDATE {table} SET center_code = center_code");
        assert_refused(me.execute(&set, &[]), &set);
        for statement in [format!("DELETE FROM {table}"), format!("TRUNCATE {table}")] {
            assert_refused(me.execute(&statement, &[]), &statement);
        }
    }

    let entry = "INSERT INTO audit_entry (center_code, installation_code, seq, at, action,
                                          detail, prev_hash, hash)
                 VALUES ($1, $2, 1000000, '2026-12-01T10:00:00Z', 'sign-in', '', 'x', 'y')";
    assert_refused(
        me.execute(entry, &[&lb.center, &lb.installation]),
        "B's entry",
    );
    assert_refused(
        me.execute(entry, &[&lb.center, &la.installation]),
        "its own entry under B",
    );
    assert_refused(
        me.execute(
            "INSERT INTO file (sha256, center_code, installation_code, size)
             VALUES (repeat('0', 64), $1, $2, 0)",
            &[&lb.center, &lb.installation],
        ),
        "a file in B's name",
    );
    assert_refused(
        me.execute(
            "INSERT INTO lookup (center_code, installation_code, clerk_iin, visit_number, tax_id)
             VALUES ($1, $2, $3, '2026/000001', $4)",
            &[&lb.center, &lb.installation, &CLERK, &APPLICANT],
        ),
        "a forged lookup",
    );
    assert_refused(
        me.execute(
            "UPDATE installation SET center_code = $1 WHERE role_name = current_user",
            &[&lb.center],
        ),
        "moving itself to B",
    );
    assert_refused(
        me.execute(
            "INSERT INTO installation (installation_code, center_code, role_name)
             VALUES ('X1', $1, current_user)",
            &[&lb.center],
        ),
        "registering itself in B",
    );

    let count = |client: &mut Client, table: &str, center: &str| -> i64 {
        let sql = format!("SELECT count(*) FROM {table} WHERE center_code = $1");
        client.query_one(&sql, &[&center]).unwrap().get(0)
    };
    for table in HISTORY.iter().chain(&["push_mark"]) {
        assert_eq!(count(&mut me, table, &lb.center), 0, "B's {table} read");
    }
    // (Files are not counted here: the two counters hold the demo's very same files, stored
    // once, under whichever pushed first.)
    for table in ["audit_entry", "visit", "certified_copy", "push_mark"] {
        assert!(
            count(&mut admin, table, &lb.center) > 0,
            "B has {table} rows"
        );
        assert!(
            count(&mut me, table, &la.center) > 0,
            "A reads its own {table}"
        );
    }
    for sql in [
        "SELECT * FROM kept_copy",
        "SELECT * FROM installation",
        "SELECT * FROM center",
        "SELECT * FROM calling_installation()",
    ] {
        assert_refused(me.query(sql, &[]), sql);
    }

    for sql in [
        format!("SET ROLE {}", rastau_shared::OWNER_ROLE),
        format!("SET ROLE {}", lb.role),
        format!("SET SESSION AUTHORIZATION {}", lb.role),
        "ALTER TABLE visit DISABLE ROW LEVEL SECURITY".to_owned(),
        "DROP POLICY own_center_reads ON visit".to_owned(),
        "CREATE TABLE public.mine (id int)".to_owned(),
    ] {
        assert_refused(me.batch_execute(&sql), &sql);
    }

    // The one way to B's rows: the lookup, which records who asked.
    let tax_id: String = admin
        .query_one(
            "SELECT applicant_tax_id FROM kept_copy WHERE installation_code = $1 LIMIT 1",
            &[&lb.installation],
        )
        .unwrap()
        .get(0);
    let found: Vec<String> = me
        .query(
            "SELECT installation_code FROM applicant_copies($1, $2, '2026/000001')",
            &[&tax_id, &CLERK],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(found.contains(&lb.installation), "{found:?}");
    let asked: i64 = admin
        .query_one(
            "SELECT count(*) FROM lookup WHERE installation_code = $1 AND tax_id = $2",
            &[&la.installation, &tax_id],
        )
        .unwrap()
        .get(0);
    assert_eq!(asked, 1);
}
