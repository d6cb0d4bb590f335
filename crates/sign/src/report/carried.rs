//! What a CMS signature carries for its own validation: its certificates, the CRLs of its
//! SignedData (`crls [1]`), and the CAdES unsigned attribute id-aa-ets-revocationValues
//! (ETSI EN 319 122-1, 5.5.2):
//!
//! ```text
//! RevocationValues ::= SEQUENCE {
//!     crlVals   [0] SEQUENCE OF CertificateList   OPTIONAL,
//!     ocspVals  [1] SEQUENCE OF BasicOCSPResponse OPTIONAL,
//!     otherRevVals [2] OtherRevVals               OPTIONAL }
//! ```
//!
//! A `BasicOCSPResponse` is wrapped back into the `OCSPResponse` OpenSSL reads (status
//! successful, type id-pkix-ocsp-basic), so embedded statuses of either origin go through the
//! same checks.
use crate::der::{self, items, read, CONTEXT_0, CONTEXT_1, OCTET_STRING, OID, SEQUENCE};
use crate::error::SignError;
use crate::signed_data::{self, SignedParts};

/// id-aa-ets-revocationValues, 1.2.840.113549.1.9.16.2.24.
pub(crate) const REVOCATION_VALUES: &[u8] = &[
    0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x02, 0x18,
];
/// id-pkix-ocsp-basic, 1.3.6.1.5.5.7.48.1.1.
const OCSP_BASIC: &[u8] = &[0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01];

/// Revocation data found in one place, each item DER.
#[derive(Debug, Default)]
pub(crate) struct Statuses {
    /// `OCSPResponse`s.
    pub ocsp: Vec<Vec<u8>>,
    /// `CertificateList`s.
    pub crls: Vec<Vec<u8>>,
}

/// What a CMS signature carries: the revocation values of its first signer and the CRLs of the
/// SignedData itself (each unreadable part left out: it proves nothing, and the report says
/// what is missing).
pub(crate) fn revocation_values(parts: &SignedParts<'_>) -> Statuses {
    let mut found = Statuses::default();
    let values = parts
        .unsigned
        .iter()
        .filter(|a| a.oid == REVOCATION_VALUES)
        .flat_map(|a| a.values.iter());
    for value in values {
        let Ok((seq, _)) = read(value) else { continue };
        if seq.tag != SEQUENCE {
            continue;
        }
        for field in items(seq.content).unwrap_or_default() {
            let list = || {
                read(field.content)
                    .ok()
                    .filter(|(s, _)| s.tag == SEQUENCE)
                    .and_then(|(s, _)| items(s.content).ok())
                    .unwrap_or_default()
            };
            match field.tag {
                CONTEXT_0 => found.crls.extend(list().iter().map(|c| c.whole.to_vec())),
                CONTEXT_1 => found
                    .ocsp
                    .extend(list().iter().map(|b| ocsp_response(b.whole))),
                _ => {}
            }
        }
    }
    found
}

/// The CRLs of a SignedData's `crls [1]` field (RevocationInfoChoice: only the plain
/// CertificateLists are read).
pub(crate) fn signed_data_crls(signature_der: &[u8]) -> Vec<Vec<u8>> {
    let Ok(layout) = signed_data::layout(signature_der) else {
        return Vec::new();
    };
    layout
        .signed_data
        .iter()
        .take(layout.signer_infos)
        .skip(3)
        .filter(|f| f.tag == CONTEXT_1)
        .flat_map(|f| items(f.content).unwrap_or_default())
        .filter(|c| c.tag == SEQUENCE)
        .map(|c| c.whole.to_vec())
        .collect()
}

/// `OCSPResponse { successful, [0] { id-pkix-ocsp-basic, OCTET STRING basic } }`.
pub(crate) fn ocsp_response(basic: &[u8]) -> Vec<u8> {
    let kind = der::write(OID, OCSP_BASIC);
    let octets = der::write(OCTET_STRING, basic);
    let bytes = der::write(SEQUENCE, &[kind, octets].concat());
    let status = [0x0A, 0x01, 0x00];
    der::write(
        SEQUENCE,
        &[&status[..], &der::write(CONTEXT_0, &bytes)].concat(),
    )
}

/// `RevocationValues` of these CRLs and OCSP responses (each `OCSPResponse`'s basic response
/// is taken out of it): the attribute value CAdES carries. For tests and for signers.
pub fn revocation_values_der(crls: &[Vec<u8>], ocsp: &[Vec<u8>]) -> Result<Vec<u8>, SignError> {
    let mut fields = Vec::new();
    if !crls.is_empty() {
        fields.extend(der::write(CONTEXT_0, &der::write(SEQUENCE, &crls.concat())));
    }
    if !ocsp.is_empty() {
        let basics = ocsp
            .iter()
            .map(|r| basic_of(r))
            .collect::<Result<Vec<_>, _>>()?;
        fields.extend(der::write(
            CONTEXT_1,
            &der::write(SEQUENCE, &basics.concat()),
        ));
    }
    Ok(der::write(SEQUENCE, &fields))
}

/// The BasicOCSPResponse inside an `OCSPResponse`.
fn basic_of(response: &[u8]) -> Result<Vec<u8>, SignError> {
    let bad = || SignError::malformed("not an OCSP response with a basic response");
    let (outer, _) = der::expect(response, SEQUENCE, "OCSPResponse")?;
    let fields = items(outer.content)?;
    let bytes = fields.iter().find(|f| f.tag == CONTEXT_0).ok_or_else(bad)?;
    let (seq, _) = der::expect(bytes.content, SEQUENCE, "responseBytes")?;
    let parts = items(seq.content)?;
    let octets = parts
        .get(1)
        .filter(|p| p.tag == OCTET_STRING)
        .ok_or_else(bad)?;
    Ok(octets.content.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_basic_response_wraps_back_into_the_response_it_came_from() {
        let basic = der::write(SEQUENCE, &der::write(OCTET_STRING, b"basic"));
        let response = ocsp_response(&basic);
        assert_eq!(basic_of(&response).unwrap(), basic);
        let values = revocation_values_der(&[], std::slice::from_ref(&response)).unwrap();
        let (seq, _) = read(&values).unwrap();
        let field = &items(seq.content).unwrap()[0];
        assert_eq!(field.tag, CONTEXT_1);
    }
}
