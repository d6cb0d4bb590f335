//! Names on the medium: the hand-over folder and the files in it. Sticks are usually FAT or
//! exFAT, read on Windows as often as on Linux, so names avoid every character those refuse.
use super::medium::Medium;
use crate::journal_number::JournalNumber;
use chrono::{DateTime, Local, Utc};
use std::io;
use std::path::{Path, PathBuf};

/// Longest document title kept in a file name; long titles make paths Windows cannot open.
const TITLE_CHARS: usize = 80;

/// How many ` (n)` suffixes are tried before giving up on a destination.
const MAX_SUFFIX: u32 = 999;

/// `Rastau 2026-000042 2026-11-23 14-05`: the visit's journal number, its `/` a `-`, and the
/// local time; `Rastau A1B2C3D4-2026-000042 …` with the installation's code (letters, digits
/// and `-`, safe on any stick).
pub fn folder_name(number: &JournalNumber, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local).format("%Y-%m-%d %H-%M");
    format!("Rastau {} {local}", number.to_string().replace('/', "-"))
}

/// Creates a new folder `name` in `dest`, or `name (2)`, `name (3)`... if it exists. Returns
/// its path; never reuses a folder that exists.
pub fn create_folder(medium: &dyn Medium, dest: &Path, name: &str) -> io::Result<PathBuf> {
    for n in 1..=MAX_SUFFIX {
        let candidate = match n {
            1 => dest.join(name),
            n => dest.join(format!("{name} ({n})")),
        };
        match medium.create_dir(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::ErrorKind::AlreadyExists.into())
}

/// `01 Туу туралы куәлік.pdf`: the position keeps names unique and in the clerk's order.
pub fn copy_file_name(position: usize, title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(TITLE_CHARS)
        .collect();
    // Windows drops trailing dots and spaces, which would merge names.
    let cleaned = cleaned
        .trim_start()
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    format!("{position:02} {cleaned}.pdf")
}

/// The detached signature's name beside its PDF, as `openssl` and validators expect it.
pub fn signature_file_name(pdf_name: &str) -> String {
    format!("{pdf_name}.p7s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handover::medium::Disk;

    #[test]
    fn file_names_are_safe_on_fat_sticks() {
        assert_eq!(
            copy_file_name(1, "Туу туралы куәлік"),
            "01 Туу туралы куәлік.pdf"
        );
        assert_eq!(
            copy_file_name(12, "Диплом: серия \"ЖБ\" №1/2 ..."),
            "12 Диплом_ серия _ЖБ_ №1_2.pdf"
        );
        assert_eq!(signature_file_name("01 a.pdf"), "01 a.pdf.p7s".to_owned());
        assert_eq!(copy_file_name(3, &"ә".repeat(200)).chars().count(), 80 + 7);
    }

    #[test]
    fn folder_names_carry_the_journal_number_with_its_code() {
        let at = Utc::now();
        let local = at.with_timezone(&Local).format("%Y-%m-%d %H-%M");
        assert_eq!(
            folder_name(&JournalNumber::new(2026, 42), at),
            format!("Rastau 2026-000042 {local}")
        );
        let coded = JournalNumber::coded(Some("A1B2C3D4".into()), 2026, 42);
        assert_eq!(
            folder_name(&coded, at),
            format!("Rastau A1B2C3D4-2026-000042 {local}")
        );
    }

    #[test]
    fn an_existing_folder_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        let first = create_folder(&Disk, dir.path(), "Rastau x").unwrap();
        let second = create_folder(&Disk, dir.path(), "Rastau x").unwrap();
        let third = create_folder(&Disk, dir.path(), "Rastau x").unwrap();
        assert_eq!(first, dir.path().join("Rastau x"));
        assert_eq!(second, dir.path().join("Rastau x (2)"));
        assert_eq!(third, dir.path().join("Rastau x (3)"));
    }
}
