//! `rastau shared sync` on the test cluster with a demo store's week of work: every row and
//! file goes up once and only once — through a second run, 50 kills at random moments, cut
//! connections, an unreachable server, refused credentials — and a store whose history parted
//! from what went up is refused.
mod linked;

use linked::*;
use rastau_core::setting;
use rastau_core::shared_link::Link;
use rastau_core::store::Store;
use std::process::Stdio;
use std::thread::sleep;
use std::time::Duration;

#[test]
fn sync_carries_everything_once_then_only_what_is_new() {
    let (db, dir) = busy();
    let said = stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    let expected = expected(dir.path());
    assert!(
        said.contains(&format!("изменений {}", expected["audit_entry"])),
        "{said}"
    );
    assert!(
        said.contains(&format!("заверенных копий {}", expected["certified_copy"])),
        "{said}"
    );
    assert_all_there_once(&db, dir.path());

    let again = stdout(&rastau(dir.path(), "kk", &["shared", "sync"]));
    assert!(again.contains(": 0 өзгеріс"), "{again}");
    sign_in_and_out(dir.path(), CLERK);
    let new = stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(new.contains("изменений 2 —"), "{new}");
    assert_all_there_once(&db, dir.path());
    let status = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(
        status.contains("ждут отправки в общее хранилище: 0"),
        "{status}"
    );
    assert!(status.contains("Последний обмен:"), "{status}");
}

/// xorshift64: the kills' moments differ from one another but not between runs.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_push_killed_at_fifty_random_moments_leaves_every_row_there_once() {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut while_pushing = 0;
    for _round in 0..5 {
        let (db, dir) = busy();
        for _kill in 0..10 {
            let mut child = command(dir.path(), "ru", &["shared", "sync", "--batch", "20"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            sleep(Duration::from_millis(20 + dice.below(400)));
            if child.try_wait().unwrap().is_none() {
                while_pushing += 1;
            }
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
        }
        stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
        assert_all_there_once(&db, dir.path());
    }
    assert!(
        while_pushing >= 25,
        "only {while_pushing} of 50 kills came while a push ran"
    );
}

#[test]
fn connections_cut_in_the_middle_of_transactions_lose_and_double_nothing() {
    let (db, dir) = busy();
    let role = link(dir.path()).role;
    let mut admin = db.admin();
    let mut cuts = 0;
    for _attempt in 0..20 {
        let child = command(dir.path(), "ru", &["shared", "sync", "--batch", "10"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        sleep(Duration::from_millis(150));
        let cut: i64 = admin
            .query_one(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE usename = $1) AS cut",
                &[&role],
            )
            .unwrap()
            .get(0);
        cuts += cut;
        let output = child.wait_with_output().unwrap();
        if cut > 0 && !output.status.success() {
            let said = String::from_utf8_lossy(&output.stderr);
            assert!(
                said.contains("Связь с общим хранилищем прервалась"),
                "{said}"
            );
        }
        if output.status.success() && cut == 0 {
            break;
        }
    }
    assert!(cuts >= 3, "only {cuts} connections were cut");
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert_all_there_once(&db, dir.path());
}

/// A batch committed on the server and its answer lost with the connection (a restart at that
/// moment): the mark this counter remembers stays behind the server's, and the status counts
/// what waits from the server's mark, not from the remembered one.
#[test]
fn the_status_counts_from_the_servers_mark_when_a_commits_answer_was_lost() {
    let (_db, dir) = busy();
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    let mut store = Store::open_existing(dir.path()).unwrap();
    store
        .write(|tx| setting::set(tx, setting::SHARED_PUSHED_SEQ, "0"))
        .unwrap();
    drop(store);
    let status = stdout(&rastau(dir.path(), "ru", &["shared", "status"]));
    assert!(
        status.contains("ждут отправки в общее хранилище: 0."),
        "{status}"
    );
}

#[test]
fn the_counter_goes_on_while_the_store_is_unreachable_and_catches_up() {
    let (db, dir) = busy();
    let linked = link(dir.path());
    // Port 1: nothing listens there, as when the server is down or the network is.
    relink(
        dir.path(),
        &Link {
            port: 1,
            ..linked.clone()
        },
    );
    sign_in_and_out(dir.path(), CLERK);
    let said = stderr(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(said.contains("не отвечает"), "{said}");
    let waiting = expected(dir.path())["audit_entry"];
    let status = stdout(&rastau(dir.path(), "kk", &["shared", "status"]));
    assert!(
        status.contains(&format!("өзгерістер: {waiting}.")),
        "{status}"
    );
    assert!(status.contains("алмасу әлі болған жоқ"), "{status}");

    relink(dir.path(), &linked);
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert_all_there_once(&db, dir.path());
}

#[test]
fn refused_credentials_are_told_and_nothing_is_lost() {
    let (db, dir) = busy();
    let linked = link(dir.path());
    db.admin()
        .batch_execute(&format!("ALTER ROLE {} NOLOGIN", linked.role))
        .unwrap();
    let before = expected(dir.path());
    let ru = stderr(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert!(ru.contains("учётные данные"), "{ru}");
    let kk = stderr(&rastau(dir.path(), "kk", &["shared", "sync"]));
    assert!(kk.contains("құпиясөзді қабылдамады"), "{kk}");
    assert_eq!(expected(dir.path()), before, "nothing changed here");

    db.admin()
        .batch_execute(&format!("ALTER ROLE {} LOGIN", linked.role))
        .unwrap();
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    assert_all_there_once(&db, dir.path());
}

#[test]
fn a_store_whose_history_parted_from_the_shared_one_is_refused() {
    let (db, dir) = busy();
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));
    let older = tempfile::tempdir().unwrap();
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", dir.path().display()))
        .arg(older.path())
        .status()
        .unwrap();
    assert!(copied.success());
    sign_in_and_out(dir.path(), CLERK);
    stdout(&rastau(dir.path(), "ru", &["shared", "sync"]));

    // The older copy goes on differently: its next entries are not the ones that went up.
    sign_in_and_out(older.path(), SUPERVISOR);
    let said = stderr(&rastau(older.path(), "ru", &["shared", "sync"]));
    assert!(said.contains("другая история этой установки"), "{said}");
    assert!(said.contains("№ "), "{said}");
    assert_all_there_once(&db, dir.path());
}

#[test]
fn two_counters_serving_the_same_applicants_push_at_the_same_moment() {
    let (db, first) = busy();
    let second = another_counter(&db);
    assert_ne!(
        link(first.path()).installation,
        link(second.path()).installation
    );
    let pushes: Vec<_> = [first.path(), second.path()]
        .into_iter()
        .map(|dir| {
            command(dir, "ru", &["shared", "sync", "--batch", "50"])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut push in pushes {
        assert!(push.wait().unwrap().success());
    }
    assert_all_there_once(&db, first.path());
    assert_all_there_once(&db, second.path());
}
