//! `rastau shared audit verify <admin-url>` on the test cluster: an installation's chain of
//! three entries is sound, told with its count and last hash; once the owner changes an entry
//! the command names it and exits with 1.
mod linked;

use linked::admin;
use rastau_core::audit::chain::{Fields, GENESIS};
use rastau_shared::test_db::World;

/// Three entries chained as a counter chains them; the last hash.
fn chain_of_three(w: &mut World) -> String {
    let mut prev = GENESIS.to_owned();
    for seq in 1..=3i64 {
        let fields = Fields {
            at: format!("2026-11-23T09:0{seq}:00Z"),
            actor_iin: Some("800101300116".into()),
            actor_name: Some("Әбілқасымова Гүлнар".into()),
            action: "login".into(),
            record_kind: None,
            record_id: None,
            detail: String::new(),
        };
        let hash = fields.hash(&prev);
        w.owner
            .execute(
                "INSERT INTO audit_entry (center_code, installation_code, seq, at, actor_iin,
                     actor_name, action, detail, prev_hash, hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    &w.center,
                    &w.installation,
                    &seq,
                    &fields.at,
                    &fields.actor_iin,
                    &fields.actor_name,
                    &fields.action,
                    &fields.detail,
                    &prev,
                    &hash,
                ],
            )
            .unwrap();
        prev = hash;
    }
    prev
}

#[test]
fn every_chain_is_walked_and_a_changed_entry_named() {
    let mut w = World::new();
    let head = chain_of_three(&mut w);
    let url = w.db.admin_url();

    let sound = admin("ru", &["shared", "audit", "verify", &url]);
    assert!(sound.status.success(), "{sound:?}");
    let said = String::from_utf8(sound.stdout).unwrap();
    assert!(
        said.contains(&format!(
            "Установка {} (центр {}): записей аудита — 3, хеш последней: {head}. Цепочка цела.",
            w.installation, w.center
        )),
        "{said}"
    );
    assert!(
        said.contains("Проверено установок: 1, с нарушенной цепочкой: 0."),
        "{said}"
    );

    w.owner
        .execute(
            "UPDATE audit_entry SET actor_name = 'Басқа адам' WHERE seq = 2",
            &[],
        )
        .unwrap();
    let broken = admin("kk", &["shared", "audit", "verify", &url]);
    assert_eq!(broken.status.code(), Some(1), "{broken:?}");
    let said = String::from_utf8(broken.stderr).unwrap();
    assert!(
        said.contains(&format!("{} орнатуы", w.installation)),
        "{said}"
    );
    assert!(said.contains("№ 2 жазба өзгертілген"), "{said}");
    assert!(said.contains("тізбегі бұзылғандары: 1"), "{said}");
}
