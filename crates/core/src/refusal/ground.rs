//! The three grounds for refusal of rule 9.
use crate::i18n::Messages;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A ground of rule 9, by its subpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Ground {
    /// 1) the documents of rule 5 (the consent, the originals) were not presented.
    NotPresented,
    /// 2) the information system holds no such resource and does not know who does.
    NoResource,
    /// 3) erasures, additions, crossed-out words or other corrections, pencil, an illegible seal.
    Defects,
}

impl Ground {
    pub const ALL: [Ground; 3] = [Ground::NotPresented, Ground::NoResource, Ground::Defects];

    /// The subpoint of rule 9: 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Ground::NotPresented => 1,
            Ground::NoResource => 2,
            Ground::Defects => 3,
        }
    }

    pub fn from_number(number: u8) -> Option<Ground> {
        Ground::ALL.into_iter().find(|g| g.number() == number)
    }

    /// The ground as the rules word it: in Kazakh their own words, in Russian a translation of
    /// them (the Russian text the project holds stops inside rule 7).
    pub fn wording(self, m: &Messages) -> String {
        m.text(
            "refusal-ground-text",
            [("ground", i64::from(self.number()).into())],
        )
    }

    /// "subpoint 3) of point 9 of the Rules".
    pub fn reference(self, m: &Messages) -> String {
        m.text(
            "refusal-ground-ref",
            [("ground", i64::from(self.number()).into())],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn grounds_are_quoted_in_the_words_of_the_rules() {
        let kk = Messages::new(Lang::Kk);
        let ru = Messages::new(Lang::Ru);
        assert_eq!(
            Ground::NotPresented.wording(&kk),
            "осы Қағидалардың 5-тармағында көрсетілген құжаттар ұсынылмаса"
        );
        assert!(Ground::Defects
            .wording(&ru)
            .contains("исполнены карандашом"));
        assert!(Ground::NoResource
            .wording(&kk)
            .ends_with("кімнің иелігінде екені оған белгісіз болса"));
        assert_eq!(
            Ground::Defects.reference(&ru),
            "подпункт 3) пункта 9 Правил"
        );
        for g in Ground::ALL {
            assert_eq!(Ground::from_number(g.number()), Some(g));
        }
    }
}
