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
