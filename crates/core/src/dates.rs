//! Dates and times as printed on certification sheets and forms. Times are stored in UTC and
//! printed in the center's local time, because that is the time on the clerk's wall clock.
use crate::i18n::Messages;
use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone, Utc};

/// `23.11.2026 09:00`, local time.
pub fn date_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}

/// `09:00`, local time.
pub(crate) fn time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// `2026-11-23T09:00:00+05:00`: local time with its offset, for files other programs read.
pub(crate) fn iso_local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// `2026-11-23 14-05-09`, local time: a stamp for folder names (no colons, which some
/// file systems refuse).
pub(crate) fn file_stamp(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H-%M-%S")
        .to_string()
}

/// `23.11.2026`.
pub(crate) fn date(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// The first instant of `day` in local time.
pub(crate) fn midnight(day: NaiveDate) -> DateTime<Utc> {
    let start = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    // A day whose midnight was skipped by a clock change starts at the first instant after it.
    Local
        .from_local_datetime(&start)
        .earliest()
        .unwrap_or_else(|| Local.from_utc_datetime(&start))
        .with_timezone(&Utc)
}

/// The local calendar day of `at`.
pub(crate) fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// The date with its month in words, as official forms write it: `« 23 » қараша 2026 ж.`,
/// `« 23 » ноября 2026 г.` (Russian needs the genitive, which is why the words are Fluent's).
pub(crate) fn long_date(m: &Messages, day: NaiveDate) -> String {
    let month = m.text("forms-month", [("month", day.month().into())]);
    m.text(
        "forms-date",
        [
            ("day", day.day().into()),
            ("month", month.into()),
            ("year", i64::from(day.year()).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn long_dates_name_the_month_in_the_right_case() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let kk = Messages::new(Lang::Kk);
        let ru = Messages::new(Lang::Ru);
        assert_eq!(long_date(&kk, day(11, 23)), "« 23 » қараша 2026 ж.");
        assert_eq!(long_date(&ru, day(11, 23)), "« 23 » ноября 2026 г.");
        assert_eq!(long_date(&kk, day(1, 5)), "« 5 » қаңтар 2026 ж.");
        assert_eq!(long_date(&ru, day(3, 8)), "« 8 » марта 2026 г.");
        let words = |m: &Messages| -> Vec<String> {
            (1..=12)
                .map(|n| {
                    long_date(m, day(n, 1))
                        .split(' ')
                        .nth(3)
                        .unwrap()
                        .to_owned()
                })
                .collect()
        };
        assert_eq!(
            words(&kk),
            [
                "қаңтар",
                "ақпан",
                "наурыз",
                "сәуір",
                "мамыр",
                "маусым",
                "шілде",
                "тамыз",
                "қыркүйек",
                "қазан",
                "қараша",
                "желтоқсан"
            ]
        );
        assert_eq!(
            words(&ru),
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря"
            ]
        );
    }
}
