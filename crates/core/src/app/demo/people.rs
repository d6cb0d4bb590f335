//! Who and what the demo is made of: its center, its staff, the applicants who come to it and
//! the documents they bring. Names and numbers are made up; every identification number has a
//! valid check digit, as the counter demands.
use super::dice::Dice;
use crate::account::Role;
use crate::applicant::Applicant;
use crate::center::CenterProfile;
use crate::ids::check_digit;
use crate::visit::{Document, Representative};
use chrono::{Datelike, Duration, NaiveDate};

/// A member of the demo staff.
pub struct Staff {
    /// The IIN's first 11 digits, chosen so that a check digit exists.
    pub iin_prefix: &'static str,
    pub full_name: &'static str,
    pub position: &'static str,
    pub role: Role,
}

/// The supervisor first, then the clerks.
pub const STAFF: [Staff; 4] = [
    Staff {
        iin_prefix: "85031540012",
        full_name: "Сұлтанова Әйгерім Қайратқызы",
        position: "Басшы / Руководитель",
        role: Role::Supervisor,
    },
    Staff {
        iin_prefix: "92071830045",
        full_name: "Өмірзақов Нұржан Ғалымұлы",
        position: "Маман / Специалист",
        role: Role::Clerk,
    },
    Staff {
        iin_prefix: "95112040078",
        full_name: "Иванова Мария Сергеевна",
        position: "Маман / Специалист",
        role: Role::Clerk,
    },
    Staff {
        iin_prefix: "88042440093",
        full_name: "Жақсыбекова Дана Маратқызы",
        position: "Маман / Специалист",
        role: Role::Clerk,
    },
];

pub fn center() -> CenterProfile {
    CenterProfile {
        name_kk: "ДЕМО — Астана қаласы Есіл ауданы бойынша ХҚКО".into(),
        name_ru: "ДЕМО — ЦОН района Есиль города Астаны".into(),
        region: "Астана".into(),
        city_kk: "Астана".into(),
        city_ru: "Астана".into(),
        district_kk: "Есіл".into(),
        district_ru: "Есиль".into(),
        address: "Мәңгілік Ел даңғылы, 8".into(),
        phone: "+7 7172 00 00 00".into(),
        idle_lock_minutes: 15,
    }
}

/// Completes 11 digits with their check digit, if they have one.
pub fn with_check_digit(first11: &str) -> Option<String> {
    let digits: Vec<u8> = first11.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    let digits: [u8; 11] = digits.try_into().ok()?;
    if digits.iter().any(|&d| d > 9) {
        return None;
    }
    check_digit(&digits).map(|check| format!("{first11}{check}"))
}

/// `prefix` (6 or 7 digits) and the first serial number, from a random one on, that has a check
/// digit.
fn number(prefix: &str, dice: &mut Dice) -> String {
    let width = 11 - prefix.len();
    let start = dice.below(10u64.pow(width as u32 - 1));
    (start..)
        .find_map(|serial| with_check_digit(&format!("{prefix}{serial:0width$}")))
        .unwrap_or_default()
}

/// A person's IIN: born on `birth`, of `female` sex, in the 1900s or 2000s.
fn iin(birth: NaiveDate, female: bool, dice: &mut Dice) -> String {
    let century = if birth.year() < 2000 { 3 } else { 5 };
    let digit = century + u8::from(female);
    number(&format!("{}{digit}", birth.format("%y%m%d")), dice)
}

const SURNAMES: [&str; 12] = [
    "Ахметов",
    "Серікбаев",
    "Жұмабеков",
    "Нұрланов",
    "Қасымов",
    "Әбенов",
    "Төлеуов",
    "Бекмұратов",
    "Оспанов",
    "Сәрсенбаев",
    "Ким",
    "Смирнов",
];
const MEN: [&str; 10] = [
    "Ерлан",
    "Дәулет",
    "Асхат",
    "Бауыржан",
    "Арман",
    "Ержан",
    "Талғат",
    "Ғалым",
    "Мұрат",
    "Алексей",
];
const WOMEN: [&str; 10] = [
    "Айгүл",
    "Гүлнар",
    "Жанар",
    "Әсел",
    "Динара",
    "Мәдина",
    "Аружан",
    "Салтанат",
    "Ләззат",
    "Елена",
];
const FATHERS: [&str; 8] = [
    "Серік",
    "Қайрат",
    "Болат",
    "Ғалым",
    "Марат",
    "Нұрлан",
    "Асқар",
    "Бақыт",
];
const STREETS: [&str; 8] = [
    "Тұран даңғылы",
    "Қабанбай батыр даңғылы",
    "Сарайшық көшесі",
    "Кенесары көшесі",
    "Абай даңғылы",
    "Сығанақ көшесі",
    "Қонаев көшесі",
    "Иманов көшесі",
];
const COMPANIES: [&str; 6] = [
    "«Дала Құрылыс» ЖШС",
    "«Астана Логистик» ЖШС",
    "«Нұр Агро» ЖШС",
    "«Қазтехсервис» АҚ",
    "«Сапар Трейд» ЖШС",
    "«Есіл Медиа» ЖШС",
];

fn address(dice: &mut Dice) -> String {
    format!(
        "Астана, {}, {}, {}",
        dice.pick(&STREETS),
        dice.range(1, 90),
        dice.range(1, 240)
    )
}

fn phone(dice: &mut Dice) -> String {
    format!(
        "+7 70{} {:03} {:02} {:02}",
        dice.range(0, 8),
        dice.below(1000),
        dice.below(100),
        dice.below(100)
    )
}

/// A person of `today` between 18 and 75 years old, with their name in the Kazakh manner (a
/// Russian surname takes a Russian patronymic).
pub fn person(today: NaiveDate, dice: &mut Dice) -> Applicant {
    let female = dice.chance(50);
    let birth = today - Duration::days(dice.range(18 * 365, 75 * 365));
    let surname = *dice.pick(&SURNAMES);
    let russian = matches!(surname, "Ким" | "Смирнов");
    let father = *dice.pick(&FATHERS);
    let (surname, given, patronymic) = match (female, russian) {
        (false, false) => (surname.to_owned(), *dice.pick(&MEN), format!("{father}ұлы")),
        (true, false) => (
            format!("{surname}а"),
            *dice.pick(&WOMEN),
            format!("{father}қызы"),
        ),
        (false, true) => (surname.to_owned(), "Алексей", "Викторович".to_owned()),
        (true, true) => (
            if surname == "Ким" {
                surname.to_owned()
            } else {
                format!("{surname}а")
            },
            "Елена",
            "Викторовна".to_owned(),
        ),
    };
    Applicant {
        tax_id: iin(birth, female, dice),
        surname,
        given_name: given.into(),
        patronymic,
        organization: String::new(),
        address: address(dice),
        phone: phone(dice),
    }
}

/// A legal entity registered some years before `today`: its BIN and name.
pub fn company(today: NaiveDate, dice: &mut Dice) -> Applicant {
    let registered = today - Duration::days(dice.range(400, 20 * 365));
    // YYMM of registration, 4: a resident legal entity, 0: its head office.
    let prefix = format!("{}40", registered.format("%y%m"));
    Applicant {
        tax_id: number(&prefix, dice),
        organization: (*dice.pick(&COMPANIES)).into(),
        address: address(dice),
        phone: phone(dice),
        ..Applicant::default()
    }
}

/// Someone acting for the applicant under a power of attorney in force on `today`.
pub fn representative(today: NaiveDate, dice: &mut Dice) -> Representative {
    let agent = person(today, dice);
    let issued = today - Duration::days(dice.range(5, 300));
    Representative {
        full_name: agent.person_name(),
        iin: agent.tax_id,
        poa_number: format!("{}-{}", dice.range(1, 9), dice.range(1000, 9999)),
        poa_issued_on: issued,
        poa_valid_until: issued + Duration::days(365 * 3),
    }
}

/// A kind of document applicants bring, as clerks list it.
pub struct Kind {
    pub title: &'static str,
    /// The number's fixed part; random digits follow.
    pub series: &'static str,
    pub digits: u32,
    pub issuers: &'static [&'static str],
    /// Sheets scanned for a copy.
    pub pages: u8,
    /// How many years before the visit it may have been issued.
    pub age_years: i64,
}

pub const PERSONAL: [Kind; 8] = [
    Kind {
        title: "Туу туралы куәлік",
        series: "I-АЖ ",
        digits: 6,
        issuers: &["Астана қ. АХАТ бөлімі", "Қарағанды облысы АХАТ"],
        pages: 1,
        age_years: 40,
    },
    Kind {
        title: "Жеке куәлік",
        series: "0",
        digits: 8,
        issuers: &["ҚР ІІМ"],
        pages: 2,
        age_years: 9,
    },
    Kind {
        title: "Неке қию туралы куәлік",
        series: "I-АЖ ",
        digits: 6,
        issuers: &["Астана қ. АХАТ бөлімі"],
        pages: 1,
        age_years: 30,
    },
    Kind {
        title: "Диплом",
        series: "ЖБ-Б ",
        digits: 7,
        issuers: &[
            "Л.Н. Гумилев атындағы ЕҰУ",
            "әл-Фараби атындағы ҚазҰУ",
            "С. Сейфуллин атындағы ҚАТУ",
        ],
        pages: 2,
        age_years: 25,
    },
    Kind {
        title: "Жалпы орта білім туралы аттестат",
        series: "ЖОБ ",
        digits: 8,
        issuers: &["№ 45 мектеп-лицей", "№ 12 мектеп-гимназия"],
        pages: 2,
        age_years: 30,
    },
    Kind {
        title: "Еңбек кітапшасы",
        series: "ТК ",
        digits: 6,
        issuers: &["«Астана Су Арнасы» МКК", "«Қазпошта» АҚ"],
        pages: 3,
        age_years: 30,
    },
    Kind {
        title: "Свидетельство о рождении",
        series: "I-КР ",
        digits: 6,
        issuers: &["ЗАГС г. Караганды"],
        pages: 1,
        age_years: 45,
    },
    Kind {
        title: "Диплом о высшем образовании",
        series: "ЖБ ",
        digits: 7,
        issuers: &["КарГТУ", "ЕНУ им. Л.Н. Гумилева"],
        pages: 2,
        age_years: 25,
    },
];

pub const CORPORATE: [Kind; 3] = [
    Kind {
        title: "Жарғы",
        series: "№ ",
        digits: 2,
        issuers: &["Құрылтайшылар жиналысы"],
        pages: 3,
        age_years: 10,
    },
    Kind {
        title: "Мемлекеттік тіркеу туралы анықтама",
        series: "№ 10100",
        digits: 9,
        issuers: &["ҚР Әділет министрлігі"],
        pages: 1,
        age_years: 10,
    },
    Kind {
        title: "Лицензия",
        series: "№ ",
        digits: 8,
        issuers: &["ҚР Индустрия және инфрақұрылымдық даму министрлігі"],
        pages: 2,
        age_years: 8,
    },
];

/// A document of `kind` as the clerk lists it, issued some time before `today`.
pub fn document(kind: &Kind, today: NaiveDate, dice: &mut Dice) -> Document {
    let issued = today - Duration::days(dice.range(30, kind.age_years * 365));
    let digits = dice.below(10u64.pow(kind.digits));
    Document {
        title: kind.title.into(),
        number: format!(
            "{}{digits:0width$}",
            kind.series,
            width = kind.digits as usize
        ),
        issued_on: issued.format("%d.%m.%Y").to_string(),
        issuer: (*dice.pick(kind.issuers)).into(),
        sheets: kind.pages.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::TaxId;

    #[test]
    fn every_number_made_is_valid_and_of_its_kind() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut dice = Dice::new(7);
        for _ in 0..300 {
            let person = person(today, &mut dice);
            assert!(
                matches!(person.validate(today).unwrap(), TaxId::Iin(_)),
                "{}",
                person.tax_id
            );
            let company = company(today, &mut dice);
            assert!(
                matches!(company.validate(today).unwrap(), TaxId::Bin(_)),
                "{}",
                company.tax_id
            );
            representative(today, &mut dice).validate(today).unwrap();
        }
        for staff in &STAFF {
            assert!(
                with_check_digit(staff.iin_prefix).is_some(),
                "{}",
                staff.full_name
            );
        }
    }
}
