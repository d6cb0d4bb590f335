//! Naming the algorithms of a signature, and telling those OpenSSL can check here from those it
//! cannot: Kazakhstan's GOST 34.310/34.311 (NCA's GOST keys, `1.2.398.3.10.…`) and Russia's
//! GOST R 34.10/34.11 (`1.2.643.…`). The system OpenSSL 3 has no GOST provider, so a copy
//! signed with such a key elsewhere is reported for what it is (whose, which algorithm, that its
//! integrity cannot be checked here) instead of as a damaged file.
use openssl::asn1::Asn1Object;
use openssl::nid::Nid;

/// GOST families by OID prefix, with the name a reader recognises.
const GOST: &[(&str, &str)] = &[
    ("1.2.398.3.10.1.1.", "GOST 34.310 (Kazakhstan)"),
    ("1.2.398.3.10.1.3.", "GOST 34.311 (Kazakhstan)"),
    ("1.2.398.3.10.", "GOST (Kazakhstan)"),
    ("1.2.643.7.1.1.2.", "GOST R 34.11-2012"),
    ("1.2.643.7.1.1.", "GOST R 34.10-2012"),
    ("1.2.643.2.2.", "GOST R 34.10-2001 / 34.11-94"),
    ("1.2.643.", "GOST (Russia)"),
];

/// What a signature's algorithms are called, and whether OpenSSL can check them here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Algorithms {
    /// `"<signature> with <digest>"`, e.g. `rsaEncryption with sha256`, or
    /// `GOST 34.310 (Kazakhstan) 1.2.398.3.10.1.1.1.2 with GOST 34.311 (Kazakhstan) …`.
    pub name: String,
    /// Neither algorithm is a GOST one, and OpenSSL knows both.
    pub checkable: bool,
}

/// Names the signer's `signature` and `digest` algorithms (dotted OIDs).
pub(crate) fn describe(signature: &str, digest: &str) -> Algorithms {
    let (signature_name, signature_ok) = one(signature);
    let (digest_name, digest_ok) = one(digest);
    Algorithms {
        name: format!("{signature_name} with {digest_name}"),
        checkable: signature_ok && digest_ok,
    }
}

/// One algorithm's name, and whether OpenSSL can use it.
fn one(oid: &str) -> (String, bool) {
    if let Some((_, family)) = GOST.iter().find(|(prefix, _)| oid.starts_with(prefix)) {
        return (format!("{family} {oid}"), false);
    }
    let nid = Asn1Object::from_str(oid).map_or(Nid::UNDEF, |o| o.nid());
    match nid.short_name() {
        Ok(name) if nid != Nid::UNDEF => (name.to_string(), true),
        _ => (format!("unknown algorithm {oid}"), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openssl_algorithms_are_named_and_checkable() {
        let a = describe("1.2.840.113549.1.1.1", "2.16.840.1.101.3.4.2.1");
        assert_eq!(a.name, "rsaEncryption with SHA256");
        assert!(a.checkable);
        assert!(describe("1.2.840.10045.4.3.2", "2.16.840.1.101.3.4.2.1").checkable);
    }

    #[test]
    fn gost_of_both_countries_is_named_and_not_checkable() {
        let kz = describe("1.2.398.3.10.1.1.1.2", "1.2.398.3.10.1.3.1");
        assert!(!kz.checkable);
        assert!(kz
            .name
            .starts_with("GOST 34.310 (Kazakhstan) 1.2.398.3.10.1.1.1.2 with GOST 34.311"));
        // OpenSSL has names for GOST R 34.10-2012 but cannot verify it without a GOST provider.
        let ru = describe("1.2.643.7.1.1.1.1", "1.2.643.7.1.1.2.2");
        assert!(!ru.checkable);
        assert!(ru.name.starts_with("GOST R 34.10-2012"), "{}", ru.name);
        assert!(ru.name.contains("GOST R 34.11-2012"), "{}", ru.name);
    }

    #[test]
    fn an_algorithm_openssl_does_not_know_is_not_checkable() {
        let a = describe("1.3.6.1.4.1.99999.1", "2.16.840.1.101.3.4.2.1");
        assert!(!a.checkable);
        assert!(a.name.contains("unknown algorithm 1.3.6.1.4.1.99999.1"));
    }
}
