//! Rule 8 across centers: a copy certified at center A, pushed to the shared store, is found at
//! center B by the applicant's IIN, fetched, checked and handed over there; both counters'
//! records and the shared store's lookup log say so. A copy whose bytes changed in the shared
//! store, or whose signer's CA center B does not trust, is refused.
mod common;

use chrono::Utc;
use common::journal::Day;
use common::*;
use rastau_core::center::CenterProfile;
use rastau_core::error::Error;
use rastau_core::handover::{Chosen, Disk};
use rastau_core::push::push_if_linked;
use rastau_core::shared_link;
use rastau_core::store::{content_hash, Store};
use rastau_shared::test_db::TestDb;
use rastau_sign::test_pki::TestPki;
use std::path::Path;
use std::sync::LazyLock;

/// A CA center A trusts and center B does not.
static OTHER_CA: LazyLock<TestPki> = LazyLock::new(TestPki::new);

fn shared_store() -> TestDb {
    let db = TestDb::create();
    rastau_shared::init(&mut db.admin()).unwrap();
    db
}

/// As the window's worker does, on a connection of its own.
fn push(dir: &Path) {
    let report = push_if_linked(dir, Utc::now()).unwrap().expect("linked");
    assert!(report.entries > 0);
}

/// Center A: two closed visits of the applicant, one copy each, the second signed with a key
/// of the CA only A trusts; pushed.
/// Center A's name, other than B's in both languages.
const A_NAME: rastau_shared::CenterName = rastau_shared::CenterName {
    kk: "Алматы қаласы бойынша ХҚКО",
    ru: "ЦОН по городу Алматы",
};

fn center_a(db: &TestDb) -> Day {
    let mut day = Day {
        desk: with_clerk(),
        pki: pki(),
    };
    day.desk.as_supervisor();
    day.desk.app.trust_ca(&OTHER_CA.ca_pem).unwrap();
    day.desk
        .app
        .update_center(&CenterProfile {
            name_kk: A_NAME.kk.into(),
            name_ru: A_NAME.ru.into(),
            ..profile()
        })
        .unwrap();
    day.desk
        .app
        .join_shared(&db.admin_url(), "ALM-01", SUPERVISOR_PASSWORD)
        .unwrap();
    day.desk.as_clerk();
    day.open_key(&clerk_iin());
    let first = day.visit(&applicant(), &[birth_certificate()], true);
    day.certify(first, 1);
    day.close(first, 10);
    day.pki = &OTHER_CA;
    day.open_key(&clerk_iin());
    let second = day.visit(&applicant(), &[common::journal::diploma()], true);
    day.certify(second, 1);
    day.close(second, 10);
    push(day.desk.dir.path());
    day
}

fn applicant() -> String {
    iin("95060140012")
}

/// Center B: its clerk at the counter with the same applicant.
fn center_b(db: &TestDb) -> (Day, i64) {
    let mut day = Day {
        desk: with_clerk(),
        pki: pki(),
    };
    day.desk.as_supervisor();
    day.desk
        .app
        .join_shared(&db.admin_url(), "AST-02", SUPERVISOR_PASSWORD)
        .unwrap();
    day.desk.as_clerk();
    let visit = day.visit(&applicant(), &[], false);
    (day, visit)
}

#[test]
fn a_copy_certified_at_one_center_is_found_checked_and_handed_over_at_another() {
    let db = shared_store();
    let a = center_a(&db);
    let (mut b, visit) = center_b(&db);

    let unlinked = with_clerk();
    assert_eq!(
        push_if_linked(unlinked.dir.path(), Utc::now()).unwrap(),
        None
    );

    let copies = b.desk.app.shared_copies(visit).unwrap();
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert!(copies.iter().all(|c| c.center_code == "ALM-01" && !c.here));
    assert!(copies.iter().all(|c| c.fetched.is_none()));
    let birth = copies
        .iter()
        .find(|c| c.title == birth_certificate().title)
        .unwrap();

    // A joined before these visits: its numbers carry its code, here as at A; B's own count
    // runs apart from A's, its code telling the two first visits of the year apart.
    let a_code = shared_link::read(a.desk.dir.path())
        .unwrap()
        .unwrap()
        .installation;
    let at_a = rastau_core::copy::for_applicant(
        Store::open(a.desk.dir.path()).unwrap().read(),
        &applicant(),
        a.desk.clock_now(),
    )
    .unwrap();
    let year = a.desk.clock_now().format("%Y").to_string();
    assert_eq!(birth.installation_code, a_code);
    assert_eq!(birth.number_text, format!("{a_code}-{year}/000001"));
    assert_eq!(birth.number_text, at_a[0].journal_number);
    let b_number = b.desk.app.visit(visit).unwrap().number_text;
    let b_code = shared_link::read(b.desk.dir.path())
        .unwrap()
        .unwrap()
        .installation;
    assert_eq!(b_number, format!("{b_code}-{year}/000001"));
    assert_ne!(b_number, birth.number_text);

    let fetched = b
        .desk
        .app
        .fetch_shared_copy(visit, &birth.installation_code, birth.copy_id)
        .unwrap();
    let again = b
        .desk
        .app
        .fetch_shared_copy(visit, &birth.installation_code, birth.copy_id)
        .unwrap();
    assert_eq!(again, fetched, "fetched once for the visit");
    let listed = b.desk.app.shared_copies(visit).unwrap();
    assert!(listed.iter().any(|c| c.fetched == Some(fetched)));

    let stick = tempfile::tempdir().unwrap();
    let report = b
        .desk
        .app
        .hand_over(
            &Disk,
            visit,
            Chosen {
                copies: &[],
                fetched: &[fetched],
            },
            stick.path(),
        )
        .unwrap();
    let a_store = Store::open(a.desk.dir.path()).unwrap();
    let pdf_hash: String = a_store
        .read()
        .query_row(
            "SELECT c.pdf_hash FROM certified_copy c JOIN document d ON d.id = c.document_id
             WHERE d.title = ?1",
            [&birth_certificate().title],
            |r| r.get(0),
        )
        .unwrap();
    let written = std::fs::read(Path::new(&report.folder).join(&report.files[0].name)).unwrap();
    assert_eq!(
        content_hash(&written),
        pdf_hash,
        "A's very copy went out at B"
    );
    // B's receipt names the copy by A's number, code and all (its table breaks the number
    // after the code, and pdftotext joins a line that ends in a hyphen to the next).
    let receipt = b
        .desk
        .app
        .receipt(visit, rastau_core::Lang::Ru, b"RASTAU")
        .unwrap();
    let text =
        common::poppler::one_line(&common::poppler::text_of(&receipt, "shared-copy-receipt"));
    common::poppler::assert_has(
        &text,
        &birth.number_text.replacen('-', "", 1),
        "B's receipt",
    );
    // And the center it was certified at, in the receipt's language.
    assert_eq!(birth.center_name.kk, A_NAME.kk);
    assert_eq!(birth.center_name.ru, A_NAME.ru);
    common::poppler::assert_has(&text, A_NAME.ru, "B's receipt in Russian");
    let receipt = b
        .desk
        .app
        .receipt(visit, rastau_core::Lang::Kk, b"RASTAU")
        .unwrap();
    let text = common::poppler::one_line(&common::poppler::text_of(
        &receipt,
        "shared-copy-receipt-kk",
    ));
    common::poppler::assert_has(&text, A_NAME.kk, "B's receipt in Kazakh");

    // B's hand-over goes up naming A's installation and copy; the lookups are logged there.
    push(b.desk.dir.path());
    let a_link = shared_link::read(a.desk.dir.path()).unwrap().unwrap();
    let b_link = shared_link::read(b.desk.dir.path()).unwrap().unwrap();
    let mut admin = db.admin();
    let copies: String = admin
        .query_one(
            "SELECT copies::text FROM handover WHERE installation_code = $1 AND state = 'done'",
            &[&b_link.installation],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&copies).unwrap(),
        serde_json::json!([{ "installation": a_link.installation, "copy": birth.copy_id }])
    );
    let logged: Vec<(String, String, Option<i64>)> = admin
        .query(
            "SELECT clerk_iin, visit_number, copy_id FROM lookup
             WHERE installation_code = $1 AND tax_id = $2 ORDER BY id",
            &[&b_link.installation, &applicant()],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let number = rastau_core::visit::view(Store::open(b.desk.dir.path()).unwrap().read(), visit)
        .unwrap()
        .number_text;
    assert_eq!(
        logged,
        vec![
            (clerk_iin(), number.clone(), None),
            (clerk_iin(), number.clone(), Some(birth.copy_id)),
            (clerk_iin(), number, None),
        ]
    );
}

#[test]
fn a_copy_changed_in_the_shared_store_or_signed_under_an_untrusted_ca_is_refused() {
    let db = shared_store();
    let _a = center_a(&db);
    let (mut b, visit) = center_b(&db);
    let copies = b.desk.app.shared_copies(visit).unwrap();
    let by_title = |title: &str| copies.iter().find(|c| c.title == title).unwrap().clone();

    let diploma = by_title(&common::journal::diploma().title);
    let refused = b
        .desk
        .app
        .fetch_shared_copy(visit, &diploma.installation_code, diploma.copy_id)
        .unwrap_err();
    assert!(
        matches!(refused, Error::SharedCopyNotTrusted { .. }),
        "{refused:?}"
    );

    let birth = by_title(&birth_certificate().title);
    db.admin()
        .execute(
            "UPDATE file SET bytes = bytes || '\\x00'::bytea
             WHERE sha256 = (SELECT pdf_sha256 FROM certified_copy
                             WHERE installation_code = $1 AND id = $2)",
            &[&birth.installation_code, &birth.copy_id],
        )
        .unwrap();
    let refused = b
        .desk
        .app
        .fetch_shared_copy(visit, &birth.installation_code, birth.copy_id)
        .unwrap_err();
    assert!(
        matches!(refused, Error::SharedCopyDamaged { .. }),
        "{refused:?}"
    );
    let kept: i64 = Store::open(b.desk.dir.path())
        .unwrap()
        .read()
        .query_row("SELECT count(*) FROM fetched_copy", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 0, "nothing refused is kept");
}
