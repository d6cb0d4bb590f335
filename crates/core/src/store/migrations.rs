//! Schema history. Each migration is a plain `.sql` file embedded in the binary; SQLite's
//! `user_version` records how far a store has come.
use crate::error::{Error, Result};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use std::sync::LazyLock;

const STEPS: &[&str] = &[
    include_str!("migrations/0001_accounts.sql"),
    include_str!("migrations/0002_visits.sql"),
    include_str!("migrations/0003_copies.sql"),
    include_str!("migrations/0004_scan_pages.sql"),
    include_str!("migrations/0005_handovers.sql"),
    include_str!("migrations/0006_consent_scan.sql"),
    include_str!("migrations/0007_refusals.sql"),
    include_str!("migrations/0008_journal.sql"),
    include_str!("migrations/0009_day_signoff.sql"),
    include_str!("migrations/0010_audit_retention.sql"),
    include_str!("migrations/0011_visit_names.sql"),
    include_str!("migrations/0012_sessions.sql"),
    include_str!("migrations/0013_handover_states.sql"),
    include_str!("migrations/0014_sheets_and_presence.sql"),
    include_str!("migrations/0015_paper_languages.sql"),
    include_str!("migrations/0018_file_lookups.sql"),
    include_str!("migrations/0019_fetched_copies.sql"),
    include_str!("migrations/0020_journal_codes.sql"),
    include_str!("migrations/0021_signature_policy.sql"),
    include_str!("migrations/0022_key_source.sql"),
    include_str!("migrations/0023_fetched_center_name_ru.sql"),
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect()));

fn known_version() -> usize {
    STEPS.len()
}

pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > known_version() {
        return Err(Error::SchemaTooNew {
            found,
            known: known_version(),
        });
    }
    Ok(())
}

pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        MIGRATIONS.validate().unwrap();
    }

    /// The store just before the migration whose file is numbered `number`, for its tests.
    fn store_before(number: &str, dir: &tempfile::TempDir) -> Connection {
        let mut conn = Connection::open(dir.path().join("before.sqlite3")).unwrap();
        let step = STEPS
            .iter()
            .position(|sql| *sql == migration(number))
            .unwrap();
        MIGRATIONS.to_version(&mut conn, step).unwrap();
        conn
    }

    fn migration(number: &str) -> &'static str {
        match number {
            "0015" => include_str!("migrations/0015_paper_languages.sql"),
            _ => unreachable!("no test of migration {number}"),
        }
    }

    /// A center set up before the Russian place names were asked gets the Kazakh ones in their
    /// place, for a supervisor to correct.
    #[test]
    fn earlier_centers_get_their_place_names_in_russian_to_correct() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = store_before("0015", &dir);
        conn.execute(
            "INSERT INTO center (id, name_kk, name_ru, region, city, district, address, phone,
                                 created_at)
             VALUES (1, 'ХҚКО', 'ЦОН', 'Астана', 'Астана', 'Есіл', 'a', 'p', 't')",
            [],
        )
        .unwrap();
        apply(&mut conn).unwrap();
        let places: [String; 4] = conn
            .query_row(
                "SELECT city_kk, city_ru, district_kk, district_ru FROM center",
                [],
                |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
            )
            .unwrap();
        assert_eq!(places, ["Астана", "Астана", "Есіл", "Есіл"]);
    }

    /// Visits and corrections made before the names were kept with them take today's names:
    /// a person's full name (without a missing patronymic) or an organisation's, and the
    /// account's.
    #[test]
    fn names_are_kept_with_earlier_visits_and_corrections() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("before-0011.sqlite3")).unwrap();
        MIGRATIONS.to_version(&mut conn, 10).unwrap();
        conn.execute_batch(
            "INSERT INTO account (id, iin, full_name, position, role, password_hash,
                                  created_at, updated_at)
             VALUES (1, '800101300110', 'Ғабитов Ұлан', 'Маман', 'supervisor', 'x', 't', 't');
             INSERT INTO applicant (id, tax_id, kind, surname, given_name, patronymic,
                                    organization, updated_at)
             VALUES (1, '950601500127', 'iin', ' Нұрланова ', 'Әлия', '', '', 't'),
                    (2, '150540000007', 'bin', '', '', '', ' ТОО «Ақ жол» ', 't');
             INSERT INTO visit (id, journal_year, journal_seq, applicant_id, clerk_id, started_at)
             VALUES (1, 2026, 1, 1, 1, 't'), (2, 2026, 2, 2, 1, 't');
             INSERT INTO day_signoff (day, supervisor_id, pdf_hash, signature_hash, signer_name,
                                      signer_iin, signer_serial, signed_at)
             VALUES ('2026-11-23', 1, 'p', 's', 'n', 'i', 'r', 't');
             INSERT INTO journal_correction (day, visit_id, account_id, written_at, text)
             VALUES ('2026-11-23', 1, 1, 't', 'x');",
        )
        .unwrap();
        apply(&mut conn).unwrap();
        let names = |sql: &str| -> Vec<String> {
            let mut stmt = conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get(0)).unwrap();
            rows.collect::<rusqlite::Result<_>>().unwrap()
        };
        assert_eq!(
            names("SELECT applicant_name || '|' || clerk_name FROM visit ORDER BY id"),
            ["Нұрланова Әлия|Ғабитов Ұлан", "ТОО «Ақ жол»|Ғабитов Ұлан"]
        );
        assert_eq!(
            names("SELECT author_name FROM journal_correction"),
            ["Ғабитов Ұлан"]
        );
    }

    /// Documents listed before sheet counts were asked take the page count of their copy;
    /// the others stay unknown, so they are not certified on a guess.
    #[test]
    fn earlier_documents_take_their_copys_page_count() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("before-0014.sqlite3")).unwrap();
        MIGRATIONS.to_version(&mut conn, 13).unwrap();
        conn.execute_batch(
            "INSERT INTO account (id, iin, full_name, position, role, password_hash,
                                  created_at, updated_at)
             VALUES (1, '800101300110', 'Ғабитов Ұлан', 'Маман', 'clerk', 'x', 't', 't');
             INSERT INTO applicant (id, tax_id, kind, updated_at)
             VALUES (1, '950601500127', 'iin', 't');
             INSERT INTO visit (id, journal_year, journal_seq, applicant_id, clerk_id, started_at,
                                applicant_name, clerk_name)
             VALUES (1, 2026, 1, 1, 1, 't', 'Нұрланова Әлия', 'Ғабитов Ұлан');
             INSERT INTO document (id, visit_id, position, title)
             VALUES (1, 1, 1, 'Диплом'), (2, 1, 2, 'Туу туралы куәлік');
             INSERT INTO certified_copy (visit_id, document_id, pdf_hash, signature_hash,
                                         page_count, page_hashes, signer_name, signer_iin,
                                         signer_serial, certified_at, keep_until)
             VALUES (1, 1, 'p', 's', 4, 'a b c d', 'n', 'i', 'r', 't',
                     '2027-05-23 04:00:00+00:00');",
        )
        .unwrap();
        apply(&mut conn).unwrap();
        let mut stmt = conn
            .prepare("SELECT sheets FROM document ORDER BY id")
            .unwrap();
        let sheets: Vec<Option<u32>> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(sheets, [Some(4), None]);
    }

    /// A copy certified before is kept through the end of the local day its receipt printed
    /// (the local day of its `keep_until`), not until that time of day; a copy already removed
    /// keeps its dates.
    #[test]
    fn earlier_copies_are_kept_through_the_day_their_receipt_printed() {
        use chrono::{DateTime, Days, Local, Utc};
        let dir = tempfile::tempdir().unwrap();
        let mut conn = store_before("0015", &dir);
        conn.execute_batch(
            "INSERT INTO account (id, iin, full_name, position, role, password_hash,
                                  created_at, updated_at)
             VALUES (1, '800101300110', 'Ғабитов Ұлан', 'Маман', 'clerk', 'x', 't', 't');
             INSERT INTO applicant (id, tax_id, kind, updated_at)
             VALUES (1, '950601500127', 'iin', 't');
             INSERT INTO visit (id, journal_year, journal_seq, applicant_id, clerk_id, started_at)
             VALUES (1, 2026, 1, 1, 1, 't');
             INSERT INTO document (id, visit_id, position, title)
             VALUES (1, 1, 1, 'a'), (2, 1, 2, 'b');",
        )
        .unwrap();
        let printed_until: DateTime<Utc> = "2027-05-23T04:00:00.25Z".parse().unwrap();
        for (id, removed) in [(1, None), (2, Some("2027-05-23"))] {
            conn.execute(
                "INSERT INTO certified_copy (id, visit_id, document_id, pdf_hash, signature_hash,
                                             page_count, page_hashes, signer_name, signer_iin,
                                             signer_serial, certified_at, keep_until, removed_on)
                 VALUES (?1, 1, ?1, 'p', 's', 1, 'h', 'n', 'i', 'r', 't', ?2, ?3)",
                rusqlite::params![id, printed_until, removed],
            )
            .unwrap();
        }
        apply(&mut conn).unwrap();
        let until = |id: i64| -> DateTime<Utc> {
            conn.query_row(
                "SELECT keep_until FROM certified_copy WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
        };
        let day = printed_until.with_timezone(&Local).date_naive();
        assert_eq!(until(1), crate::dates::midnight(day + Days::new(1)));
        assert_eq!(until(2), printed_until);
    }
}
