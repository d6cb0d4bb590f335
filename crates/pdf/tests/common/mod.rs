//! Shared fixtures for the integration tests: real JPEG files, a realistic bilingual sheet,
//! and thin wrappers around the poppler tools (Debian `poppler-utils`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rastau_capture::test_pages::TestPage;
use rastau_pdf::{sha256_hex, CertificationSheet, Field, SheetText};

pub const KAZAKH_LETTERS: &str = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";

/// A fresh directory for one test's files.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rastau-pdf-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A JPEG file of `w`×`h` pixels as a scanner would produce it.
pub fn jpeg(w: u32, h: u32, gray: bool) -> Vec<u8> {
    let page = TestPage::sized(w, h);
    match gray {
        true => page.jpeg(),
        false => page.in_color().jpeg(),
    }
}

fn both(kk: &str, ru: &str, value: &str) -> (Field, Field) {
    (Field::new(kk, value), Field::new(ru, value))
}

/// The sheet as the app would fill it, with hashes of `images`.
pub fn sheet(images: &[&[u8]]) -> CertificationSheet {
    let (a_kk, a_ru) = both("Өтініш беруші", "Заявитель", "Ұлықбекова Әсел Ғабитқызы");
    let (i_kk, i_ru) = both("ЖСН / БСН", "ИИН / БИН", "900215400019");
    let (n_kk, n_ru) = both("Құжаттың нөмірі", "Номер документа", "№ 0123456");
    let (d_kk, d_ru) = both("Берілген күні", "Дата выдачи", "15.02.1990");
    let (c_kk, c_ru) = both("Қызметкер", "Работник", "Серікбаев Нұрлан Һадиұлы");
    let kk = SheetText {
        title: "Құжаттың электрондық көшірмесін куәландыру парағы".into(),
        applicant: a_kk,
        id_number: i_kk,
        document: Field::new("Құжаттың атауы", "Туу туралы куәлік (ӘҒҚҢӨҰҮҺІ әғқңөұүһі)"),
        document_number: n_kk,
        document_date: d_kk,
        issuer: Field::new("Құжатты берген орган", "Алматы қаласының АХАЖ бөлімі"),
        sheets_label: "Түпнұсқа парақтарының саны".into(),
        pages_label: "Беттер саны".into(),
        hashes_heading: "Бет бейнелерінің SHA-256 хэш-сомалары".into(),
        clerk: c_kk,
        position: Field::new("Лауазымы", "Бас маман"),
        center: Field::new(
            "Халыққа қызмет көрсету орталығы",
            "Алматы қаласы Әуезов ауданының № 3 ХҚКО",
        ),
        certified_at: Field::new(
            "Куәландырылған күні мен уақыты",
            "2026 жылғы 23 қараша, 14:05",
        ),
        statement: "Осы электрондық көшірме қағаз түпнұсқаға толық сәйкес келеді және ХҚКО \
            уәкілетті қызметкерінің электрондық цифрлық қолтаңбасымен (ЭЦҚ) куәландырылған. \
            «Электрондық құжат және электрондық цифрлық қолтаңба туралы» 2003 жылғы 7 \
            қаңтардағы № 370-II Қазақстан Республикасы Заңының 7-бабының 1-тармағына сәйкес \
            ол қағаз жеткізгіштегі құжатпен бірдей."
            .into(),
        qr_caption: "QR-кодта ХҚКО ақпараттық жүйесінің ЭЦҚ-мен қол қойылған деректері бар.".into(),
    };
    let ru = SheetText {
        title: "Лист удостоверения электронной копии документа".into(),
        applicant: a_ru,
        id_number: i_ru,
        document: Field::new("Наименование документа", "Свидетельство о рождении"),
        document_number: n_ru,
        document_date: d_ru,
        issuer: Field::new("Кем выдан", "Отдел ЗАГС города Алматы"),
        sheets_label: "Количество листов подлинника".into(),
        pages_label: "Количество страниц".into(),
        hashes_heading: "Хэш-суммы SHA-256 изображений страниц".into(),
        clerk: c_ru,
        position: Field::new("Должность", "Главный специалист"),
        center: Field::new(
            "Центр обслуживания населения",
            "ЦОН № 3 Ауэзовского района города Алматы",
        ),
        certified_at: Field::new("Дата и время удостоверения", "23 ноября 2026 г., 14:05"),
        statement: "Настоящая электронная копия полностью соответствует бумажному оригиналу и \
            удостоверена электронной цифровой подписью (ЭЦП) уполномоченного работника ЦОН. \
            Согласно пункту 1 статьи 7 Закона Республики Казахстан от 7 января 2003 года \
            № 370-II «Об электронном документе и электронной цифровой подписи» она \
            равнозначна документу на бумажном носителе."
            .into(),
        qr_caption: "QR-код содержит данные информационной системы ЦОН, подписанные ЭЦП.".into(),
    };
    CertificationSheet {
        kk,
        ru,
        original_sheets: images.len() as u32,
        page_hashes: images.iter().map(|b| sha256_hex(b)).collect(),
        qr_payload: b"RASTAU:ECD:2026-000123:900215400019".to_vec(),
    }
}

/// Runs a tool, panicking with its stderr (and an install hint) when it fails.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}); install Debian poppler-utils"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tool prints UTF-8")
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Text with all runs of whitespace collapsed to one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
