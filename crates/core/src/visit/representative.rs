//! A representative acting for the applicant under a notarised power of attorney.
use crate::error::{Error, Result};
use crate::ids::Iin;
use crate::required::require;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Representative {
    pub full_name: String,
    pub iin: String,
    /// Number of the power of attorney (доверенность / сенімхат).
    pub poa_number: String,
    #[ts(type = "string")]
    pub poa_issued_on: NaiveDate,
    #[ts(type = "string")]
    pub poa_valid_until: NaiveDate,
}

impl Representative {
    /// A representative needs a person's IIN and a power of attorney in force `today`.
    pub fn validate(&self, today: NaiveDate) -> Result<()> {
        require("representativeName", &self.full_name)?;
        Iin::parse_on(&self.iin, today)?;
        require("poaNumber", &self.poa_number)?;
        if self.poa_issued_on > today || self.poa_valid_until < self.poa_issued_on {
            return Err(Error::PowerOfAttorneyDates);
        }
        if self.poa_valid_until < today {
            return Err(Error::PowerOfAttorneyExpired {
                until: self.poa_valid_until.format("%d.%m.%Y").to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn representative(valid_until: NaiveDate) -> Representative {
        Representative {
            full_name: "Серікбаев Дәулет".into(),
            iin: "900101300007".into(),
            poa_number: "Н-123".into(),
            poa_issued_on: NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            poa_valid_until: valid_until,
        }
    }

    #[test]
    fn an_expired_power_of_attorney_is_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert!(
            representative(today).validate(today).is_ok(),
            "valid through its last day"
        );
        let yesterday = today.pred_opt().unwrap();
        assert!(matches!(
            representative(yesterday).validate(today),
            Err(Error::PowerOfAttorneyExpired { until }) if until == "22.11.2026"
        ));
    }

    #[test]
    fn a_representative_needs_a_valid_iin_and_sane_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut r = representative(today);
        r.iin = "900101300008".into();
        assert!(matches!(r.validate(today), Err(Error::Id(_))));
        let mut r = representative(today);
        r.poa_issued_on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert!(matches!(
            r.validate(today),
            Err(Error::PowerOfAttorneyDates)
        ));
    }
}
