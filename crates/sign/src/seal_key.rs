//! The center's seal key: an ECDSA P-256 key that the center's installation makes for itself and
//! uses to sign the short payloads printed as QR codes. A QR must stay small enough to scan
//! from paper, so the key is an elliptic curve one (a 64-byte signature) rather than the clerks'
//! RSA keys, and it is not an EDS: it only vouches that this center's system issued the code.
use crate::certificate::hex;
use crate::SignError;
use openssl::bn::BigNumContext;
use openssl::ec::{EcGroup, EcKey, PointConversionForm};
use openssl::ecdsa::EcdsaSig;
use openssl::nid::Nid;
use openssl::pkey::{Private, Public};
use openssl::sha::sha256;

/// Bytes of a raw (r ‖ s) P-256 signature.
pub const SEAL_SIGNATURE_LEN: usize = 64;
const SCALAR_LEN: i32 = 32;

pub struct SealKey {
    key: EcKey<Private>,
}

impl SealKey {
    pub fn generate() -> Result<SealKey, SignError> {
        Ok(SealKey {
            key: EcKey::generate(&*group()?).map_err(crypto)?,
        })
    }

    /// Reads a key written by [`SealKey::to_pem`].
    pub fn from_pem(pem: &[u8]) -> Result<SealKey, SignError> {
        let key = EcKey::private_key_from_pem(pem).map_err(malformed)?;
        key.check_key().map_err(malformed)?;
        Ok(SealKey { key })
    }

    pub fn to_pem(&self) -> Result<Vec<u8>, SignError> {
        self.key.private_key_to_pem().map_err(crypto)
    }

    /// The public half, as printed and exchanged between centers.
    pub fn public(&self) -> Result<SealPublicKey, SignError> {
        let public = EcKey::from_public_key(&*group()?, self.key.public_key()).map_err(crypto)?;
        Ok(SealPublicKey { key: public })
    }

    /// Signs SHA-256 of `message`; the signature is raw r ‖ s, 64 bytes.
    pub fn sign(&self, message: &[u8]) -> Result<[u8; SEAL_SIGNATURE_LEN], SignError> {
        let sig = EcdsaSig::sign(&sha256(message), &self.key).map_err(crypto)?;
        let mut raw = [0u8; SEAL_SIGNATURE_LEN];
        let r = sig.r().to_vec_padded(SCALAR_LEN).map_err(crypto)?;
        let s = sig.s().to_vec_padded(SCALAR_LEN).map_err(crypto)?;
        raw[..32].copy_from_slice(&r);
        raw[32..].copy_from_slice(&s);
        Ok(raw)
    }
}

#[derive(Clone)]
pub struct SealPublicKey {
    key: EcKey<Public>,
}

impl SealPublicKey {
    /// Reads the uncompressed point written by [`SealPublicKey::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SealPublicKey, SignError> {
        let group = group()?;
        let mut ctx = BigNumContext::new().map_err(crypto)?;
        let point = openssl::ec::EcPoint::from_bytes(&group, bytes, &mut ctx).map_err(malformed)?;
        let key = EcKey::from_public_key(&group, &point).map_err(malformed)?;
        key.check_key().map_err(malformed)?;
        Ok(SealPublicKey { key })
    }

    /// The uncompressed point (65 bytes).
    pub fn to_bytes(&self) -> Result<Vec<u8>, SignError> {
        let mut ctx = BigNumContext::new().map_err(crypto)?;
        self.key
            .public_key()
            .to_bytes(
                self.key.group(),
                PointConversionForm::UNCOMPRESSED,
                &mut ctx,
            )
            .map_err(crypto)
    }

    /// A short name for the key, printed inside every payload it signs: the first 4 bytes of
    /// SHA-256 of the point, as 8 hex digits.
    pub fn id(&self) -> Result<String, SignError> {
        Ok(hex(&sha256(&self.to_bytes()?)[..4]))
    }

    /// The point as lowercase hex: the form centers exchange keys in.
    pub fn to_hex(&self) -> Result<String, SignError> {
        Ok(hex(&self.to_bytes()?))
    }

    /// Reads a key written by [`SealPublicKey::to_hex`].
    pub fn from_hex(text: &str) -> Result<SealPublicKey, SignError> {
        let text = text.trim();
        let bytes: Option<Vec<u8>> = (text.len() % 2 == 0)
            .then(|| {
                (0..text.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
                    .collect()
            })
            .flatten();
        SealPublicKey::from_bytes(&bytes.ok_or_else(|| SignError::malformed("seal key hex"))?)
    }

    /// Whether `signature` (raw r ‖ s) signs SHA-256 of `message`.
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        if signature.len() != SEAL_SIGNATURE_LEN {
            return false;
        }
        let parts = (
            openssl::bn::BigNum::from_slice(&signature[..32]),
            openssl::bn::BigNum::from_slice(&signature[32..]),
        );
        let (Ok(r), Ok(s)) = parts else { return false };
        EcdsaSig::from_private_components(r, s)
            .and_then(|sig| sig.verify(&sha256(message), &self.key))
            .unwrap_or(false)
    }
}

fn group() -> Result<EcGroup, SignError> {
    EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).map_err(crypto)
}

fn crypto(e: openssl::error::ErrorStack) -> SignError {
    SignError::Crypto {
        detail: e.to_string(),
    }
}

fn malformed(e: openssl::error::ErrorStack) -> SignError {
    SignError::Malformed {
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_verifies_through_pem_and_point_round_trips() {
        let key = SealKey::from_pem(&SealKey::generate().unwrap().to_pem().unwrap()).unwrap();
        let public = SealPublicKey::from_bytes(&key.public().unwrap().to_bytes().unwrap()).unwrap();
        let sig = key.sign(b"R2|C|2026/000001-1").unwrap();
        assert!(public.verifies(b"R2|C|2026/000001-1", &sig));
        assert!(!public.verifies(b"R2|C|2026/000001-2", &sig));
        let mut bent = sig;
        bent[10] ^= 1;
        assert!(!public.verifies(b"R2|C|2026/000001-1", &bent));
        assert!(!public.verifies(b"R2|C|2026/000001-1", &sig[..63]));
    }

    #[test]
    fn another_key_does_not_verify_and_has_another_id() {
        let (a, b) = (SealKey::generate().unwrap(), SealKey::generate().unwrap());
        let sig = a.sign(b"payload").unwrap();
        assert!(!b.public().unwrap().verifies(b"payload", &sig));
        assert_ne!(
            a.public().unwrap().id().unwrap(),
            b.public().unwrap().id().unwrap()
        );
        assert_eq!(a.public().unwrap().id().unwrap().len(), 8);
    }

    #[test]
    fn public_keys_travel_as_hex() {
        let public = SealKey::generate().unwrap().public().unwrap();
        let text = public.to_hex().unwrap();
        assert_eq!(text.len(), 130);
        let back = SealPublicKey::from_hex(&format!(" {text}\n")).unwrap();
        assert_eq!(back.id().unwrap(), public.id().unwrap());
        for bad in ["abc", "zz", &text[..128]] {
            assert!(matches!(
                SealPublicKey::from_hex(bad),
                Err(SignError::Malformed { .. })
            ));
        }
    }

    #[test]
    fn garbage_is_malformed() {
        assert!(matches!(
            SealKey::from_pem(b"not a key"),
            Err(SignError::Malformed { .. })
        ));
        assert!(matches!(
            SealPublicKey::from_bytes(&[4; 65]),
            Err(SignError::Malformed { .. })
        ));
    }
}
