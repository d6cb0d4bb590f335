//! The journal: a day's visits by two clerks with what became of each document, the totals,
//! the filters, who sees what, and the CSV export row for row.
mod common;

use chrono::{Duration, NaiveDate};
use common::journal::*;
use common::poppler::{one_line, text_of};
use common::{account_of, clerk_iin, iin, person_applicant, supervisor_iin};
use rastau_core::account::AccountChanges;
use rastau_core::i18n::Messages;
use rastau_core::journal::{
    to_csv, DocumentOutcome, JournalFilter, JournalView, Outcome, CSV_COLUMNS,
};
use rastau_core::refusal::{Ground, RefuseRequest};
use rastau_core::visit::OpenVisit;
use rastau_core::{Error, Lang};
use rastau_sign::test_pki::{ClerkOptions, PASSWORD};
use rastau_sign::verify_pdf;

#[test]
fn a_supervisor_sees_the_whole_day_with_its_totals() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let journal = day.desk.app.journal(&JournalFilter::day(today)).unwrap();
    let numbers: Vec<&str> = journal.rows.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(
        numbers.len(),
        3,
        "the next day's visit is not in: {numbers:?}"
    );
    let second = &journal.rows[1];
    assert_eq!(second.documents[0].outcome, DocumentOutcome::Certified);
    assert_eq!(
        second.documents[1].outcome,
        DocumentOutcome::Refused {
            grounds: vec![Ground::Defects]
        }
    );
    assert_eq!(second.notices.len(), 1);
    assert_eq!(second.duration_seconds, Some(20 * 60));
    assert!(journal.rows[2].over_limit);

    let t = &journal.totals;
    assert_eq!(
        (t.visits, t.documents_certified, t.documents_refused),
        (3, 3, 2)
    );
    assert_eq!(t.refusals_by_ground, [1, 0, 1]);
    assert_eq!(t.breaches, 1);
    assert_eq!(t.longest_seconds, Some(35 * 60));
    assert_eq!(t.mean_seconds, Some((12 + 20 + 35) * 60 / 3));
    assert_eq!(t.visits_per_hour.iter().sum::<u32>(), 3);
    let per_clerk: Vec<(&str, u32)> = journal
        .per_clerk
        .iter()
        .map(|c| (c.clerk_name.as_str(), c.totals.visits))
        .collect();
    assert_eq!(per_clerk, [("Иванова Мария", 1), ("Ғабитов Ұлан", 2)]);
}

#[test]
fn filters_choose_clerk_outcome_ground_breaches_and_words() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let mut count = |change: &dyn Fn(&mut JournalFilter)| {
        let mut filter = JournalFilter::day(today);
        change(&mut filter);
        day.desk.app.journal(&filter).unwrap().rows.len()
    };
    assert_eq!(count(&|f| f.outcome = Some(Outcome::Refused)), 2);
    assert_eq!(count(&|f| f.outcome = Some(Outcome::Certified)), 2);
    assert_eq!(count(&|f| f.ground = Some(Ground::NotPresented)), 1);
    assert_eq!(count(&|f| f.ground = Some(Ground::NoResource)), 0);
    assert_eq!(count(&|f| f.over_limit_only = true), 1);
    assert_eq!(count(&|f| f.search = Some(" 8701013".into())), 1);
    assert_eq!(count(&|f| f.search = Some("ИВАНОВА".into())), 1);
    assert_eq!(count(&|f| f.search = Some("туу туралы".into())), 2);
    assert_eq!(count(&|f| f.to = today + Duration::days(1)), 4);
}

#[test]
fn a_clerk_sees_only_their_own_visits() {
    let (mut day, today) = a_day();
    day.as_second_clerk();
    let mut filter = JournalFilter::day(today);
    let first_clerk = day.desk.app.journal(&filter).unwrap().rows[0].clerk_id;
    filter.clerk_id = Some(first_clerk - 100);
    let journal = day.desk.app.journal(&filter).unwrap();
    assert_eq!(journal.rows.len(), 1);
    assert_eq!(journal.rows[0].clerk_name, "Иванова Мария");
}

#[test]
fn the_csv_has_a_line_per_document_in_the_documented_columns() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let journal = day.desk.app.journal(&JournalFilter::day(today)).unwrap();
    let csv = String::from_utf8(to_csv(&journal)).unwrap();
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(lines[0], CSV_COLUMNS);
    let documents: usize = journal.rows.iter().map(|r| r.documents.len()).sum();
    assert_eq!(lines.len() - 1, documents);
    let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    let refused = &lines[4];
    assert_eq!(refused[column("journal_number")], journal.rows[1].number);
    assert_eq!(refused[column("outcome")], "refused");
    assert_eq!(refused[column("grounds")], "3");
    assert_eq!(refused[column("duration_seconds")], "1200");
    assert_eq!(lines[5][column("over_limit")], "1");
    assert_eq!(lines[5][column("grounds")], "1");
}

#[test]
fn a_signed_off_day_is_locked_and_corrected_by_new_entries() {
    let (mut day, today) = a_day();
    // Tomorrow has a visit still open: that day cannot be signed yet.
    let open = day.visit(&iin("95060140012"), &[diploma()], false);
    day.desk.as_supervisor();
    let key = day.pki.clerk(&supervisor_iin(), ClerkOptions::default());
    day.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let tomorrow = today + Duration::days(1);
    assert!(matches!(
        day.desk.app.sign_off_day(tomorrow, Lang::Ru, None),
        Err(Error::DayHasOpenVisits { .. })
    ));
    assert!(matches!(
        day.desk.app.correct_day(today, None, "Too early"),
        Err(Error::DayNotSignedOff { .. })
    ));
    // A self-signed key in the supervisor's name signs off nothing.
    let forged = rastau_core::signing_key::KeyFile {
        pkcs12: day.pki.self_signed(&supervisor_iin()),
        password: PASSWORD.into(),
    };
    assert!(matches!(
        day.desk.app.sign_off_day(today, Lang::Ru, Some(&forged)),
        Err(Error::Sign(rastau_sign::SignError::UntrustedIssuer { .. }))
    ));

    let signed = day.desk.app.sign_off_day(today, Lang::Ru, None).unwrap();
    let pdf = day.desk.app.signed_journal(today).unwrap();
    let checked = verify_pdf(&pdf, &day.pki.trust(), day.desk.clock_now()).unwrap();
    assert!(checked.intact && checked.trusted, "{checked:?}");
    assert_eq!(
        checked.signer.iin.as_deref(),
        Some(supervisor_iin().as_str())
    );
    assert_eq!(rastau_core::store::content_hash(&pdf), signed.pdf_hash);
    assert!(matches!(
        day.desk.app.sign_off_day(today, Lang::Ru, None),
        Err(Error::DaySignedOff { .. })
    ));

    // Nothing of the signed day changes, even for a supervisor; the other day still does.
    let journal = day.desk.app.journal(&JournalFilter::day(today)).unwrap();
    let first = journal.rows[0].visit_id;
    let request = RefuseRequest {
        positions: vec![1],
        grounds: vec![Ground::Defects],
        justification: "Поздно.".into(),
    };
    assert!(matches!(
        day.desk.app.refuse(first, &request),
        Err(Error::DaySignedOff { .. })
    ));
    day.desk.app.refuse(open, &request).unwrap();

    // A correction is a new entry, with its author, in the next view and export.
    let text = "Время окончания обращения указано неверно: фактически 09:40.";
    let corrections = day.desk.app.correct_day(today, Some(first), text).unwrap();
    assert_eq!(corrections.len(), 1);
    assert_eq!(corrections[0].author, "Әбілқасымова Гүлнар");
    let journal = day.desk.app.journal(&JournalFilter::day(today)).unwrap();
    assert_eq!(journal.signed_off, [signed]);
    assert_eq!(journal.corrections, corrections);
    let csv = String::from_utf8(to_csv(&journal)).unwrap();
    let last = csv.lines().last().unwrap();
    assert!(
        last.contains(",correction,") && last.contains(text),
        "{last}"
    );
    let pdf = day
        .desk
        .app
        .journal_pdf(&JournalFilter::day(today), Lang::Ru)
        .unwrap();
    let printed = one_line(&text_of(&pdf, "journal-with-correction-ru"));
    assert!(printed.contains(text), "{printed}");
    assert!(
        printed.contains(&format!(
            "за {} подписан ЭЦП: ТЕСТОВ ТЕСТ ТЕСТҰЛЫ",
            today.format("%d.%m.%Y")
        )),
        "{printed}"
    );

    day.desk.as_clerk();
    assert!(matches!(
        day.desk.app.correct_day(today, None, text),
        Err(Error::SupervisorOnly)
    ));
}

#[test]
fn the_sign_off_counts_the_open_visits_and_names_a_clerk_key_for_what_it_is() {
    let (mut day, today) = a_day();
    let tomorrow = today + Duration::days(1);
    // The second clerk, signed in with a key open, opens two visits the next day and ends one.
    day.visit(&iin("95060140012"), &[diploma()], false);
    let ended = day.visit(&iin("87010140013"), &[diploma()], false);
    day.refuse(ended, &[1], Ground::NotPresented);
    day.close(ended, 1);
    day.visit(&iin("99121540014"), &[diploma()], false);
    day.desk.as_supervisor();
    assert_eq!(day.desk.app.open_visits_of_day(tomorrow).unwrap(), 2);
    assert_eq!(day.desk.app.open_visits_of_day(today).unwrap(), 0);
    assert!(matches!(
        day.desk.app.sign_off_day(tomorrow, Lang::Ru, None),
        Err(Error::DayHasOpenVisits { count: 2, .. })
    ));

    // A clerk's key, trusted and valid, brought to sign the day: the sign-off's own refusal.
    let clerk_key = rastau_core::signing_key::KeyFile {
        pkcs12: day.pki.clerk(&clerk_iin(), ClerkOptions::default()),
        password: PASSWORD.into(),
    };
    let refused = day.desk.app.sign_off_day(today, Lang::Ru, Some(&clerk_key));
    assert!(
        matches!(refused, Err(Error::SignOffNotASupervisorKey)),
        "{refused:?}"
    );
    let said = Messages::new(Lang::Ru).error(&refused.unwrap_err());
    assert!(
        said.contains("Журнал дня подписывает руководитель"),
        "{said}"
    );
    assert!(!said.contains("Уведомление"), "{said}");

    day.desk.as_clerk();
    assert!(matches!(
        day.desk.app.open_visits_of_day(today),
        Err(Error::SupervisorOnly)
    ));
}

/// The journal of `day` as the supervisor exports it: the view, the CSV and the Russian PDF's
/// text.
fn exports(day: &mut Day, date: NaiveDate, name: &str) -> (JournalView, Vec<u8>, String) {
    let filter = JournalFilter::day(date);
    let journal = day.desk.app.journal(&filter).unwrap();
    let pdf = day.desk.app.journal_pdf(&filter, Lang::Ru).unwrap();
    let csv = to_csv(&journal);
    (journal, csv, text_of(&pdf, name))
}

/// A supervisor renames the account of `iin`; returns its id.
fn rename(day: &mut Day, iin: &str, full_name: &str) -> i64 {
    let account = account_of(&mut day.desk.app, iin);
    day.desk
        .app
        .update_account(&AccountChanges {
            id: account.id,
            full_name: full_name.into(),
            position: account.position.clone(),
            phone: account.phone.clone(),
            new_password: None,
        })
        .unwrap();
    account.id
}

#[test]
fn a_signed_day_reads_as_signed_after_names_change_and_copies_are_printed_again() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    day.open_key(&supervisor_iin());
    day.desk.app.sign_off_day(today, Lang::Ru, None).unwrap();
    day.desk
        .app
        .correct_day(today, None, "Принтер не работал с 9:00 до 9:30.")
        .unwrap();
    let signed = text_of(
        &day.desk.app.signed_journal(today).unwrap(),
        "journal-signed-ru",
    );
    let (journal, csv, text) = exports(&mut day, today, "journal-signed-export-ru");
    assert_eq!(journal.corrections[0].author, "Әбілқасымова Гүлнар");
    let first = &journal.rows[0];
    assert_eq!(first.applicant, "Нұрланова Әлия Серікқызы");
    assert_eq!(first.clerk_name, "Ғабитов Ұлан");
    for line in signed.lines() {
        assert!(text.contains(line), "the export lacks the signed {line:?}");
    }

    // An hour later the same applicant comes back under a new surname; the supervisor renames
    // the clerk and themselves; the day's receipt and notices are printed again.
    day.desk.clock.advance(Duration::hours(1));
    day.desk.as_clerk();
    let mut renamed = person_applicant();
    renamed.tax_id = first.tax_id.clone();
    renamed.surname = "Жақсылықова".into();
    day.desk
        .app
        .open_visit(&OpenVisit {
            applicant: renamed,
            representative: None,
        })
        .unwrap();
    day.desk.as_supervisor();
    let clerk = rename(&mut day, &clerk_iin(), "Ғабитов Ұлан Маратұлы");
    rename(&mut day, &supervisor_iin(), "Әбілқасымова-Сейіт Гүлнар");
    let store = day.desk.app.store().read();
    let now = day.desk.clock_now();
    store
        .execute(
            "INSERT INTO receipt_print (visit_id, account_id, printed_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![first.visit_id, clerk, now],
        )
        .unwrap();
    store
        .execute(
            "INSERT INTO notice_print (notice_id, account_id, printed_at)
             SELECT id, ?1, ?2 FROM refusal_notice",
            rusqlite::params![clerk, now],
        )
        .unwrap();

    let (journal_after, csv_after, text_after) =
        exports(&mut day, today, "journal-signed-later-ru");
    assert_eq!(journal_after.rows, journal.rows);
    assert_eq!(journal_after.per_clerk, journal.per_clerk);
    assert_eq!(csv_after, csv, "the CSV byte for byte");
    assert_eq!(text_after, text);
    // The day not signed off shows today's names.
    let next_day = day.desk.clock_now().date_naive();
    let (open_day, _, _) = exports(&mut day, next_day, "journal-next-day-ru");
    let names: Vec<&str> = open_day.rows.iter().map(|r| r.applicant.as_str()).collect();
    assert!(names.contains(&"Жақсылықова Әлия Серікқызы"), "{names:?}");
}

#[test]
fn a_clerk_renamed_within_the_range_is_one_clerk_in_the_totals() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let clerk = rename(&mut day, &clerk_iin(), "Ғабитов Ұлан Маратұлы");
    day.desk.as_clerk();
    day.open_key(&clerk_iin());
    let later = day.visit(&iin("95060140012"), &[diploma()], false);
    day.refuse(later, &[1], Ground::NotPresented);
    day.close(later, 3);
    day.desk.as_supervisor();
    let filter = JournalFilter {
        to: today + Duration::days(1),
        ..JournalFilter::day(today)
    };
    let journal = day.desk.app.journal(&filter).unwrap();
    let names: Vec<&str> = journal.rows.iter().map(|r| r.clerk_name.as_str()).collect();
    assert!(names.contains(&"Ғабитов Ұлан") && names.contains(&"Ғабитов Ұлан Маратұлы"));
    let theirs: Vec<(&str, u32)> = journal
        .per_clerk
        .iter()
        .filter(|c| c.clerk_id == clerk)
        .map(|c| (c.clerk_name.as_str(), c.totals.visits))
        .collect();
    assert_eq!(theirs, [("Ғабитов Ұлан Маратұлы", 3)]);
}

#[test]
fn a_day_still_to_come_cannot_be_signed_off_and_takes_visits_when_it_comes() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    day.open_key(&supervisor_iin());
    let ahead = day.desk.clock_now().date_naive() + Duration::days(1);
    let refused = day
        .desk
        .app
        .sign_off_day(ahead, Lang::Ru, None)
        .unwrap_err();
    let shown = ahead.format("%d.%m.%Y").to_string();
    assert!(
        matches!(&refused, Error::DayInFuture { day } if *day == shown),
        "{refused:?}"
    );
    for lang in [Lang::Kk, Lang::Ru] {
        let text = Messages::new(lang).error(&refused);
        assert!(text.contains(&shown), "{text}");
    }
    // A day gone by still can.
    day.desk.app.sign_off_day(today, Lang::Ru, None).unwrap();

    day.desk.clock.advance(Duration::days(1));
    day.desk.as_clerk();
    day.visit(&iin("95060140012"), &[diploma()], false);
}

/// The day's journal is signed away from the store: a sign-off finished by a clerk's session,
/// or one that someone else finished meanwhile, leaves no record and no files of its own.
#[test]
fn a_sign_off_that_lost_its_day_meanwhile_is_not_kept() {
    let (mut day, today) = a_day();
    day.desk.as_supervisor();
    let key = day.pki.clerk(&supervisor_iin(), ClerkOptions::default());
    day.desk.app.open_signing_key(&key, PASSWORD).unwrap();

    let signed = day.desk.app.start_sign_off(today, Lang::Ru, None).unwrap();
    let signed = signed.sign().unwrap();
    day.desk.as_clerk();
    let e = day.desk.app.finish_sign_off(signed).unwrap_err();
    assert!(matches!(e, Error::SupervisorOnly), "{e:?}");
    day.desk.as_supervisor();
    assert!(matches!(
        day.desk.app.signed_journal(today),
        Err(Error::DayNotSignedOff { .. })
    ));

    day.desk.app.open_signing_key(&key, PASSWORD).unwrap();
    let late = day.desk.app.start_sign_off(today, Lang::Ru, None).unwrap();
    let late = late.sign().unwrap();
    let first = day.desk.app.sign_off_day(today, Lang::Kk, None).unwrap();
    let e = day.desk.app.finish_sign_off(late).unwrap_err();
    assert!(matches!(e, Error::DaySignedOff { .. }), "{e:?}");
    let pdf = day.desk.app.signed_journal(today).unwrap();
    assert_eq!(rastau_core::store::content_hash(&pdf), first.pdf_hash);
}
