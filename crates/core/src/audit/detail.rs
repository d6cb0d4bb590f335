//! An entry's detail as a supervisor reads it. The stored detail is what the hash chain covers,
//! in the store's own terms: document positions, row ids, ISO days, a print job's title and
//! number. The trail names the same things as people know them — document titles, journal and
//! notice numbers, folder and file names, days written dd.mm.yyyy — as a Fluent message
//! (`audit-detail-…`) the window words in its language. A detail that cannot be read so (an
//! older form, a record since gone) is shown as stored.
use super::Action;
use crate::error::{listed, Arg, Result};
use crate::journal_number::JournalNumber;
use crate::key_source::{KeySource, KeySourceSettings, KeyStorage};
use crate::{dates, lang::Lang};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "AuditDetail")]
pub struct Detail {
    /// The Fluent message that words it.
    pub message: String,
    #[ts(type = "Record<string, string | number>")]
    pub args: BTreeMap<String, Arg>,
}

impl Detail {
    fn new<const N: usize>(message: &str, args: [(&str, Arg); N]) -> Detail {
        Detail {
            message: format!("audit-detail-{message}"),
            args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    /// The stored detail as it is.
    fn stored(detail: &str) -> Detail {
        Detail::new("text", [("text", detail.into())])
    }
}

/// What an entry of `action` about the record `id` (of the kind the action is about) says in
/// `detail`, as people know it.
pub(super) fn read(
    conn: &Connection,
    action: &str,
    id: Option<i64>,
    detail: &str,
) -> Result<Detail> {
    let read = match Action::from_code(action) {
        Some(Action::Refused | Action::RefusalWithdrawn) => id
            .map(|visit| refused(conn, visit, detail))
            .transpose()?
            .flatten(),
        Some(Action::Certified) => id.map(|copy| certified(conn, copy)).transpose()?.flatten(),
        Some(Action::CopyRemoved) => id.map(|copy| removed(conn, copy)).transpose()?.flatten(),
        Some(Action::NoticeIssued) => id.map(|n| notice(conn, n)).transpose()?.flatten(),
        Some(Action::HandoverStarted | Action::HandedOver | Action::HandoverFailed) => {
            handover(conn, detail)?
        }
        Some(Action::Printed) => printed(conn, detail)?,
        Some(Action::JournalExported) => exported(detail),
        Some(Action::DaySignedOff | Action::DayCorrected) => day_of(detail),
        Some(Action::ConsentConfirmed) => consent(detail),
        Some(Action::LanguageChanged) => {
            Lang::from_code(detail).map(|l| Detail::new("language", [("lang", l.code().into())]))
        }
        Some(Action::NoticeSignerChosen) => notice_signer(detail),
        Some(Action::SignaturePolicyChanged) => without_status(detail),
        Some(Action::KeySourceChanged) => key_source(detail),
        Some(Action::DocumentsListed) => count("documents-listed", detail),
        Some(Action::RetentionRun) => retention(detail),
        Some(Action::SharedJoined | Action::SharedLeft) => shared_link(detail),
        _ => None,
    };
    Ok(read.unwrap_or_else(|| Detail::stored(detail)))
}

/// `№ 5 «Диплом», № 4 «Паспорт»`: the documents at `positions` of the visit, in that order.
fn documents_at(conn: &Connection, visit: i64, positions: &[u32]) -> Result<Option<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT title FROM document WHERE visit_id = ?1 AND position = ?2")?;
    let mut found = vec![];
    for &position in positions {
        match stmt
            .query_row((visit, position), |r| r.get::<_, String>(0))
            .optional()?
        {
            Some(title) => found.push((position, title)),
            None => return Ok(None),
        }
    }
    Ok(Some(listed(&found)))
}

fn documents(list: String) -> Detail {
    Detail::new("documents", [("documents", list.into())])
}

/// `5,4,2,1`: the positions refused (or the one withdrawn) in the visit.
fn refused(conn: &Connection, visit: i64, detail: &str) -> Result<Option<Detail>> {
    let Some(positions) = positions(detail) else {
        return Ok(None);
    };
    Ok(documents_at(conn, visit, &positions)?.map(documents))
}

fn positions(detail: &str) -> Option<Vec<u32>> {
    detail.split(',').map(|p| p.trim().parse().ok()).collect()
}

/// The document a certified copy is of, as `№ 1 «Паспорт»`, and when it was certified.
fn copy_of(conn: &Connection, copy: i64) -> Result<Option<(String, DateTime<Utc>)>> {
    Ok(conn
        .query_row(
            "SELECT d.position, d.title, c.certified_at FROM certified_copy c
               JOIN document d ON d.id = c.document_id
              WHERE c.id = ?1",
            [copy],
            |r| Ok((listed(&[(r.get(0)?, r.get(1)?)]), r.get(2)?)),
        )
        .optional()?)
}

fn certified(conn: &Connection, copy: i64) -> Result<Option<Detail>> {
    Ok(copy_of(conn, copy)?.map(|(document, _)| documents(document)))
}

fn removed(conn: &Connection, copy: i64) -> Result<Option<Detail>> {
    Ok(copy_of(conn, copy)?.map(|(document, at)| {
        Detail::new(
            "copy-removed",
            [
                ("document", document.into()),
                ("certified", dates::date(dates::local_day(at)).into()),
            ],
        )
    }))
}

/// The notice's number and who signed it (the stored detail is the signer's IIN).
fn notice(conn: &Connection, id: i64) -> Result<Option<Detail>> {
    Ok(conn
        .query_row(
            "SELECT v.journal_year, v.journal_seq, n.seq, n.signer_name, n.signer_iin,
                    v.installation_code
               FROM refusal_notice n JOIN visit v ON v.id = n.visit_id
              WHERE n.id = ?1",
            [id],
            |r| {
                let visit = JournalNumber::coded(r.get(5)?, r.get(0)?, r.get(1)?);
                let number = visit.notice(r.get(2)?);
                Ok(Detail::new(
                    "notice",
                    [
                        ("number", number.into()),
                        ("signer", r.get::<_, String>(3)?.into()),
                        ("iin", r.get::<_, String>(4)?.into()),
                    ],
                ))
            },
        )
        .optional()?)
}

/// `Rastau 2026-000002 …: 14,15` (and ` — <error code>` when it failed): the folder made on
/// the medium and the certified copies written into it, by id.
fn handover(conn: &Connection, detail: &str) -> Result<Option<Detail>> {
    let (written, failure) = match detail.split_once(" — ") {
        Some((written, code)) => (written, Some(code)),
        None => (detail, None),
    };
    let Some((folder, ids)) = written.rsplit_once(": ") else {
        return Ok(None);
    };
    // Copies certified here by id; those fetched from the shared store as `f<id>`.
    let mut copies = vec![];
    for id in ids.split(',').map(str::trim) {
        let title = match id.strip_prefix('f') {
            Some(fetched) => match fetched.parse() {
                Ok(fetched) => fetched_title(conn, fetched)?,
                Err(_) => None,
            },
            None => match id.parse() {
                Ok(id) => copy_of(conn, id)?.map(|(document, _)| document),
                Err(_) => None,
            },
        };
        match title {
            Some(title) => copies.push(title),
            None => return Ok(None),
        }
    }
    let (folder, copies) = (folder.into(), copies.join(", ").into());
    Ok(Some(match failure {
        None => Detail::new("handover", [("folder", folder), ("documents", copies)]),
        Some(code) => Detail::new(
            "handover-failed",
            [
                ("folder", folder),
                ("documents", copies),
                ("error", code.into()),
            ],
        ),
    }))
}

/// `receipt-14-kk PDF#3`: the form's print title and the printer's name and job.
fn printed(conn: &Connection, detail: &str) -> Result<Option<Detail>> {
    let Some((title, queue)) = detail.rsplit_once(' ') else {
        return Ok(None);
    };
    let printer = queue.rsplit_once('#').map_or(queue, |(name, _)| name);
    let Some((form, rest)) = title.split_once('-') else {
        return Ok(None);
    };
    let Some((what, lang)) = what_printed(conn, form, rest)? else {
        return Ok(None);
    };
    Ok(Some(Detail::new(
        "printed",
        [
            ("form", form.into()),
            ("what", what.into()),
            ("lang", Lang::from_code(lang).map_or("", Lang::code).into()),
            ("printer", printer.into()),
        ],
    )))
}

/// The number or days a printed `form` is of, and its language, from the rest of its title:
/// `14-kk` (a visit's id), `2026/000002-N1` (a notice), `2026-12-01-2026-12-03-kk` (the days).
fn what_printed<'a>(
    conn: &Connection,
    form: &str,
    rest: &'a str,
) -> Result<Option<(String, &'a str)>> {
    Ok(match form {
        "receipt" | "consent" => {
            let Some((visit, lang)) = rest.rsplit_once('-') else {
                return Ok(None);
            };
            let Ok(visit) = visit.parse() else {
                return Ok(None);
            };
            journal_number(conn, visit)?.map(|number| (number, lang))
        }
        "notice" => Some((rest.to_owned(), "")),
        "journal" => rest.rsplit_once('-').and_then(|(days, lang)| {
            let (from, to) = (days.get(..10)?, days.get(11..)?);
            Some((period(day(from)?, day(to)?), lang))
        }),
        _ => None,
    })
}

fn journal_number(conn: &Connection, visit: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT journal_year, journal_seq, installation_code FROM visit WHERE id = ?1",
            [visit],
            |r| Ok(JournalNumber::coded(r.get(2)?, r.get(0)?, r.get(1)?).to_string()),
        )
        .optional()?)
}

fn day(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()
}

/// `01.12.2026–03.12.2026`, or the one day.
fn period(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        dates::date(from)
    } else {
        format!("{}–{}", dates::date(from), dates::date(to))
    }
}

/// `2026-12-01..2026-12-03 /home/…/journal.csv`: the days and the file written.
fn exported(detail: &str) -> Option<Detail> {
    let (days, file) = detail.split_once(' ')?;
    let (from, to) = days.split_once("..")?;
    Some(Detail::new(
        "journal-file",
        [
            ("days", period(day(from)?, day(to)?).into()),
            ("file", file.into()),
        ],
    ))
}

/// `2026-12-03` (and, when signed, the signed PDF's hash).
fn day_of(detail: &str) -> Option<Detail> {
    let first = detail.split(' ').next()?;
    Some(Detail::new(
        "day",
        [("day", dates::date(day(first)?).into())],
    ))
}

/// `applicant Әсем Жұмабекова; registered by 850315400124 Сұлтанова Әйгерім`.
fn consent(detail: &str) -> Option<Detail> {
    let (given, registrar) = detail.split_once("; registered by ")?;
    let (present, name) = given.split_once(' ')?;
    let (iin, registrar) = registrar.split_once(' ')?;
    Some(Detail::new(
        "consent",
        [
            ("present", present.into()),
            ("name", name.into()),
            ("registrar", registrar.into()),
            ("iin", iin.into()),
        ],
    ))
}

/// `Supervisor` or `Clerk`: who signs the notices of refusal.
fn notice_signer(detail: &str) -> Option<Detail> {
    let who = match detail {
        "Supervisor" => "supervisor",
        "Clerk" => "clerk",
        _ => return None,
    };
    Some(Detail::new("notice-signer", [("who", who.into())]))
}

/// `Allow http://tsa.example` or `Refuse`: the choice, and the timestamp authority if any.
fn without_status(detail: &str) -> Option<Detail> {
    let (choice, url) = detail.split_once(' ').unwrap_or((detail, ""));
    let choice = match choice {
        "Refuse" => "refuse",
        "Allow" => "allow",
        _ => return None,
    };
    let timestamps = if url.is_empty() { "off" } else { "on" };
    Some(Detail::new(
        "without-status",
        [
            ("choice", choice.into()),
            ("timestamps", timestamps.into()),
            ("tsa", url.to_owned().into()),
        ],
    ))
}

fn key_source(detail: &str) -> Option<Detail> {
    let settings = KeySourceSettings::from_detail(detail)?;
    let on = |s: KeyStorage| {
        if settings.storages.contains(&s) {
            "on"
        } else {
            "off"
        }
    };
    let source = match settings.source {
        KeySource::Pkcs12 => "pkcs12",
        KeySource::NcaLayer => "ncalayer",
    };
    Some(Detail::new(
        "key-source",
        [
            ("source", source.into()),
            ("file", on(KeyStorage::File).into()),
            ("kaztoken", on(KeyStorage::Kaztoken).into()),
            ("idcard", on(KeyStorage::IdCard).into()),
            ("tokens", on(KeyStorage::OtherTokens).into()),
        ],
    ))
}

fn count(message: &str, detail: &str) -> Option<Detail> {
    let n: u32 = detail.parse().ok()?;
    Some(Detail::new(message, [("count", n.into())]))
}

/// `3 10`: copies and pages the sweep removed.
fn retention(detail: &str) -> Option<Detail> {
    let (copies, pages) = detail.split_once(' ')?;
    let (copies, pages): (u32, u32) = (copies.parse().ok()?, pages.parse().ok()?);
    Some(Detail::new(
        "retention",
        [("copies", copies.into()), ("pages", pages.into())],
    ))
}

/// `ALM-01 3F2AB1C0`: the center and the installation code of a shared store's link.
fn shared_link(detail: &str) -> Option<Detail> {
    let (center, installation) = detail.split_once(' ')?;
    Some(Detail::new(
        "shared-link",
        [
            ("center", center.into()),
            ("installation", installation.into()),
        ],
    ))
}

fn fetched_title(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT title FROM fetched_copy WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}
