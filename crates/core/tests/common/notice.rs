//! Facts for a refusal notice (Annex 2), shared by its tests and its bench: an applicant, the
//! authorised person and the executor, refused documents, and a seal-like QR text. Between them
//! the words hold every Kazakh letter.
use super::{form_applicant, profile};
use chrono::NaiveDate;
use rastau_core::account::{Account, Role};
use rastau_core::applicant::Applicant;
use rastau_core::center::CenterProfile;
use rastau_core::forms::NoticeFacts;
use rastau_core::refusal::{Ground, Refusal};
use rastau_core::visit::Document;
use rastau_core::Lang;

pub const NUMBER: &str = "2026/000042";
pub const JUSTIFICATION: &str =
    "2-бетте мөрдің таңбасы оқылмайды; на стр. 3 исправление карандашом (Һ. Үсенов)";

/// What a notice is drawn from, owned, for [`Notice::facts`] to lend.
pub struct Notice {
    pub center: CenterProfile,
    pub applicant: Applicant,
    pub refusals: Vec<Refusal>,
    pub authorised: Account,
    pub executor: Account,
    pub qr: String,
}

impl Notice {
    /// One document refused on `grounds`, with [`JUSTIFICATION`].
    pub fn new(grounds: &[Ground]) -> Notice {
        Notice {
            center: profile(),
            applicant: form_applicant(),
            refusals: vec![refused(grounds)],
            authorised: account(
                "Нұрпейісова Әсел Ғазизқызы",
                "Бас маман / Главный специалист",
            ),
            executor: account("Ғабитов Ұлан", "Маман / Специалист"),
            qr: seal_text(),
        }
    }

    pub fn facts(&self) -> NoticeFacts<'_> {
        NoticeFacts {
            center: &self.center,
            applicant: &self.applicant,
            number_text: NUMBER,
            refusals: &self.refusals,
            date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            authorised: &self.authorised,
            executor: &self.executor,
            qr: self.qr.as_bytes(),
        }
    }
}

pub fn refused(grounds: &[Ground]) -> Refusal {
    Refusal {
        position: 2,
        document: Document {
            title: "Үй кітабы (Һ. Әуезов көшесі, 3)".into(),
            number: "І-ҚР № 004512".into(),
            issued_on: "01.09.2001".into(),
            issuer: "«Ғимарат-Ңөұүһі» ЖШС".into(),
            sheets: 8,
        },
        grounds: grounds.to_vec(),
        justification: JUSTIFICATION.into(),
    }
}

fn account(full_name: &str, position: &str) -> Account {
    Account {
        id: 7,
        iin: "900202400224".into(),
        full_name: full_name.into(),
        position: position.into(),
        phone: "+7 7212 41 12 12".into(),
        role: Role::Clerk,
        language: Lang::Kk,
        active: true,
    }
}

/// Shaped like the center's seal: ASCII fields and an Ed25519 signature in base64.
fn seal_text() -> String {
    let signature = "Q".repeat(86);
    format!(
        "RS1|N|{NUMBER}|880712300459|20261123|Xy7Qm0v2b8yH3kz9uQ1cJ4s6Wn5pTq8rLa0dEf2gHi4|k1a2b3c4d5e6f7a8|{signature}"
    )
}
