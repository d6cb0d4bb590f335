//! CAdES with its validation data: the certificates of the signer's path and the revocation
//! statuses obtained at signing, carried inside the signature as the unsigned attributes
//! id-aa-ets-certValues and id-aa-ets-revocationValues (ETSI EN 319 122-1, 5.5.1 and 5.5.2), so
//! that the detached `.p7s` can be judged after the certificate expired, without the network —
//! what PAdES B-LT's Document Security Store does for the PDF.
use crate::der::{self, CONTEXT_0, CONTEXT_1, SEQUENCE};
use crate::error::SignError;
use crate::pades::ValidationData;
use crate::unsigned::add_unsigned_attribute;

/// id-aa-ets-certValues.
pub const CERT_VALUES: &str = "1.2.840.113549.1.9.16.2.23";
/// id-aa-ets-revocationValues.
pub const REVOCATION_VALUES: &str = "1.2.840.113549.1.9.16.2.24";

const ENUMERATED: u8 = 0x0A;

/// Returns `cms_der` with `data`'s certificates as certValues and its OCSP responses and CRLs
/// as revocationValues; an empty part adds no attribute.
pub fn add_validation_values(cms_der: &[u8], data: &ValidationData) -> Result<Vec<u8>, SignError> {
    let mut cms = cms_der.to_vec();
    if !data.certificates.is_empty() {
        let values = der::write(SEQUENCE, &data.certificates.concat());
        cms = add_unsigned_attribute(&cms, CERT_VALUES, &values)?;
    }
    if data.ocsp_responses.is_empty() && data.crls.is_empty() {
        return Ok(cms);
    }
    // RevocationValues ::= SEQUENCE { crlVals [0] SEQUENCE OF CertificateList OPTIONAL,
    //   ocspVals [1] SEQUENCE OF BasicOCSPResponse OPTIONAL, ... } — explicit tags (RFC 5126).
    let mut values = Vec::new();
    if !data.crls.is_empty() {
        values.extend(der::write(
            CONTEXT_0,
            &der::write(SEQUENCE, &data.crls.concat()),
        ));
    }
    if !data.ocsp_responses.is_empty() {
        let basic = data
            .ocsp_responses
            .iter()
            .map(|r| basic_response(r))
            .collect::<Result<Vec<_>, _>>()?;
        values.extend(der::write(
            CONTEXT_1,
            &der::write(SEQUENCE, &basic.concat()),
        ));
    }
    add_unsigned_attribute(&cms, REVOCATION_VALUES, &der::write(SEQUENCE, &values))
}

/// The BasicOCSPResponse inside an OCSPResponse: `SEQUENCE { responseStatus ENUMERATED,
/// responseBytes [0] EXPLICIT SEQUENCE { responseType OID, response OCTET STRING } }`.
fn basic_response(response: &[u8]) -> Result<&[u8], SignError> {
    let bad = || SignError::malformed("OCSP response without a basic response");
    let outer = der::single(response, SEQUENCE, "OCSPResponse")?;
    let (status, rest) = der::expect(outer.content, ENUMERATED, "responseStatus")?;
    if status.content != [0] {
        return Err(bad());
    }
    let (bytes, _) = der::expect(rest, CONTEXT_0, "responseBytes")?;
    let inner = der::single(bytes.content, SEQUENCE, "ResponseBytes")?;
    let (_, rest) = der::expect(inner.content, der::OID, "responseType")?;
    let (octets, _) = der::expect(rest, der::OCTET_STRING, "response")?;
    if der::element_len(octets.content) != Some(octets.content.len()) {
        return Err(bad());
    }
    Ok(octets.content)
}
