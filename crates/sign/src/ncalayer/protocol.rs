//! The messages of NCALayer's `kz.gov.pki.knca.basics` module, as JSON text: what is sent, and
//! what each answer means. No I/O here, so every shape is tested on its own.
//!
//! Where each shape comes from (public sources, read through the project's search tool):
//! - the greeting `{"result":{"version":"1.2"}}` NCALayer sends as soon as the socket opens:
//!   `sigex-kz/ncalayer-js-client`, `test/test-data.json` (`initMessage`, recorded from a real
//!   NCALayer), and its `connect()` which accepts nothing else;
//! - the request `{"module":"kz.gov.pki.knca.basics","method":"sign","args":{"allowedStorages",
//!   "format":"cms","data","signingParams":{"decode","encapsulate","digested","tsaProfile"},
//!   "signerParams":{"extKeyUsageOids",…},"locale"}}`: the same client's `basicsSign` and the
//!   recorded requests; the meaning of `signerParams.iin` (only that person's keys can be
//!   chosen), `chain` (absent: only NCA RK's current CAs; `[]`: any CA) and `locale` (`kk` or
//!   `ru`, Kazakh when absent): NCA's own example `pkigovkz/NCALayerJSExample`, `index.html`;
//! - a signature `{"body":{"result":"-----BEGIN CMS-----\n…"},"status":true}` (a PEM string; an
//!   array of them when several documents were sent): the recorded answers and the client's
//!   `setHandlers`; `{"signatures":[…],"certificate":…}` as `result`: NCA's example, when
//!   `outputCert` is asked (this crate does not ask it, but reads it);
//! - the clerk's cancel `{"body":{},"status":true}` (no `result`): recorded ("НАЖМИТЕ ОТМЕНА"),
//!   and the client's rule that a `status:true` without `body.result` is "cancelled by user";
//! - a failure `{"code":"INVOCATION_ERROR","details":…,"message":…,"status":false}`: recorded;
//!   the older `commonUtils` module's cancel `{"code":"500","message":"action.canceled"}`:
//!   recorded too.
//! - A wrong PIN and an empty storage: no recording shows how the `basics` module reports them
//!   (NCALayer asks for the PIN in its own window, and may let the clerk retry there). NCALayer's
//!   own names for them are the error codes `WRONG_PASSWORD` and `EMPTY_KEY_LIST` of its older
//!   applet module (`{"errorCode":"WRONG_PASSWORD",…}`, as public clients of that module read
//!   them). They are recognised here wherever they come, in `code` of a `basics` failure or in
//!   `errorCode`; anything else NCALayer refuses with is reported as
//!   [`SignError::NcaLayerFailed`] with its code and message.
use crate::error::SignError;
use openssl::base64;
use serde_json::{json, Value};

/// The module that signs in current NCALayer versions.
pub(crate) const MODULE: &str = "kz.gov.pki.knca.basics";
/// Extended key usage NCA puts in signing (not authentication) certificates; asking for it
/// keeps authentication keys out of NCALayer's list.
const SIGNING_EKU: &str = "1.3.6.1.5.5.7.3.4";
/// The longest failure text kept for the log.
const DETAIL_MAX: usize = 300;

/// Where NCALayer looks for the key: the storage type names of the protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Storage {
    /// A PKCS#12 key file on the computer (`PKCS12`).
    File,
    /// Kaztoken (`AKKaztokenStore`).
    Kaztoken,
    /// The Kazakh ID card in a reader (`AKKZIDCardStore`).
    IdCard,
    /// eToken PRO 72K (`AKEToken72KStore`).
    EToken72k,
    /// eToken 5110 (`AKEToken5110Store`).
    EToken5110,
    /// JaCarta (`AKJaCartaStore`).
    JaCarta,
    /// aKey (`AKAKEYStore`).
    AKey,
}

impl Storage {
    /// Every storage, for a settings screen.
    pub const ALL: [Storage; 7] = [
        Storage::File,
        Storage::Kaztoken,
        Storage::IdCard,
        Storage::EToken72k,
        Storage::EToken5110,
        Storage::JaCarta,
        Storage::AKey,
    ];

    /// The name NCALayer knows the storage by.
    pub fn protocol_name(self) -> &'static str {
        match self {
            Storage::File => "PKCS12",
            Storage::Kaztoken => "AKKaztokenStore",
            Storage::IdCard => "AKKZIDCardStore",
            Storage::EToken72k => "AKEToken72KStore",
            Storage::EToken5110 => "AKEToken5110Store",
            Storage::JaCarta => "AKJaCartaStore",
            Storage::AKey => "AKAKEYStore",
        }
    }
}

/// The language of NCALayer's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Kk,
    Ru,
}

/// What is asked of NCALayer for one signature.
pub(crate) struct SignRequest<'a> {
    pub storages: &'a [Storage],
    pub locale: Locale,
    pub iin: Option<&'a str>,
    pub any_ca: bool,
    pub data: &'a [u8],
    /// `data` is the digest of the bytes to sign, not the bytes (`digested: true`): NCALayer
    /// signs it as their messageDigest, and the bytes never cross the socket.
    pub digested: bool,
}

impl SignRequest<'_> {
    /// The request text: a detached CMS over the bytes of `data`, or over the bytes whose
    /// digest `data` is (sent as base64 with `decode: true`, so NCALayer takes the bytes, not
    /// their base64), without a timestamp.
    pub fn to_json(&self) -> String {
        // null: every storage NCALayer finds.
        let storages = match self.storages {
            [] => Value::Null,
            list => list.iter().map(|s| s.protocol_name()).collect(),
        };
        let mut signer = json!({ "extKeyUsageOids": [SIGNING_EKU] });
        if let Some(iin) = self.iin {
            signer["iin"] = iin.into();
        }
        if self.any_ca {
            signer["chain"] = json!([]);
        }
        json!({
            "module": MODULE,
            "method": "sign",
            "args": {
                "allowedStorages": storages,
                "format": "cms",
                "data": base64::encode_block(self.data),
                "signingParams": {
                    "decode": true,
                    "encapsulate": false,
                    "digested": self.digested,
                    "tsaProfile": null,
                },
                "signerParams": signer,
                "locale": match self.locale { Locale::Kk => "kk", Locale::Ru => "ru" },
            },
        })
        .to_string()
    }
}

/// One message from NCALayer, read.
#[derive(Debug)]
pub(crate) enum Reply {
    /// The greeting, with NCALayer's version.
    Greeting(String),
    /// The signatures, as NCALayer wrote them (PEM or bare base64).
    Signed(Vec<String>),
    /// A final answer that is not a signature: cancelled, or a failure.
    Refused(SignError),
    /// Not an answer to anything (a heartbeat, a keep-alive `{}`, text that is not JSON).
    Noise,
}

/// Reads one text message.
pub(crate) fn read(text: &str) -> Reply {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Reply::Noise;
    };
    let field = |name: &str| value.get(name).map(text_of).unwrap_or_default();
    if let Some(status) = value.get("status").and_then(Value::as_bool) {
        if !status {
            return Reply::Refused(failure(
                &field("code"),
                &field("message"),
                &field("details"),
            ));
        }
        return match value.get("body").and_then(|b| b.get("result")) {
            Some(result) => signatures(result),
            None => Reply::Refused(SignError::NcaLayerCancelled),
        };
    }
    if let Some(code) = value.get("errorCode") {
        return Reply::Refused(failure(&text_of(code), &field("message"), ""));
    }
    if let Some(code) = value.get("code") {
        return match (text_of(code).as_str(), value.get("responseObject")) {
            ("200", Some(result)) => signatures(result),
            (code, _) => Reply::Refused(failure(code, &field("message"), "")),
        };
    }
    match value.pointer("/result/version") {
        Some(version) => Reply::Greeting(text_of(version)),
        None => Reply::Noise,
    }
}

fn signatures(result: &Value) -> Reply {
    let list = match result {
        Value::Object(o) => o.get("signatures").cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    let texts: Vec<String> = match list {
        Value::String(s) => vec![s],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    if texts.is_empty() {
        let detail = format!(
            "an answer without a signature: {}",
            clip(&result.to_string())
        );
        return Reply::Refused(SignError::NcaLayerFailed { detail });
    }
    Reply::Signed(texts)
}

/// A refusal, by NCALayer's code (and, for the older modules, the message it comes with).
fn failure(code: &str, message: &str, details: &str) -> SignError {
    let said = |name: &str| code == name || message.contains(name) || details.contains(name);
    if said("WRONG_PASSWORD") {
        SignError::NcaLayerWrongPin
    } else if said("EMPTY_KEY_LIST") {
        SignError::NcaLayerNoKey
    } else if said("action.canceled") {
        SignError::NcaLayerCancelled
    } else {
        let mut detail = format!("{code}: {message}");
        if !details.is_empty() {
            detail.push_str(&format!(" ({details})"));
        }
        SignError::NcaLayerFailed {
            detail: clip(&detail),
        }
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub(crate) fn clip(text: &str) -> String {
    match text.char_indices().nth(DETAIL_MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// The DER of a signature as NCALayer writes it: PEM (`-----BEGIN CMS-----`) or bare base64.
pub(crate) fn cms_der(text: &str) -> Result<Vec<u8>, SignError> {
    let body: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("-----"))
        .flat_map(|line| line.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let der = base64::decode_block(&body).unwrap_or_default();
    if der.is_empty() {
        let detail = format!("not a signature: {}", clip(text));
        return Err(SignError::NcaLayerFailed { detail });
    }
    Ok(der)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_coded::Coded;

    /// A reply as a short text, to compare.
    fn said(text: &str) -> String {
        match read(text) {
            Reply::Greeting(v) => format!("greeting {v}"),
            Reply::Signed(list) => format!("signed {list:?}"),
            Reply::Refused(e) => format!("refused {}", e.code()),
            Reply::Noise => "noise".into(),
        }
    }

    #[test]
    fn the_request_asks_a_detached_cms_over_the_bytes() {
        let request = SignRequest {
            storages: &[Storage::Kaztoken, Storage::IdCard],
            locale: Locale::Ru,
            iin: Some("900101300007"),
            any_ca: false,
            data: b"\x00\x01 bytes",
            digested: false,
        };
        let v: Value = serde_json::from_str(&request.to_json()).unwrap();
        assert_eq!(v["module"], "kz.gov.pki.knca.basics");
        assert_eq!(v["method"], "sign");
        let args = &v["args"];
        assert_eq!(
            args["allowedStorages"],
            json!(["AKKaztokenStore", "AKKZIDCardStore"])
        );
        assert_eq!(args["format"], "cms");
        assert_eq!(args["data"], "AAEgYnl0ZXM=");
        assert_eq!(
            args["signingParams"],
            json!({"decode": true, "encapsulate": false, "digested": false, "tsaProfile": null})
        );
        assert_eq!(
            args["signerParams"]["extKeyUsageOids"],
            json!(["1.3.6.1.5.5.7.3.4"])
        );
        assert_eq!(args["signerParams"]["iin"], "900101300007");
        assert!(
            args["signerParams"].get("chain").is_none(),
            "only NCA RK's CAs"
        );
        assert_eq!(args["locale"], "ru");
    }

    #[test]
    fn no_storage_named_means_all_any_ca_sends_an_empty_chain_and_a_digest_says_so() {
        let request = SignRequest {
            storages: &[],
            locale: Locale::Kk,
            iin: None,
            any_ca: true,
            data: b"x",
            digested: true,
        };
        let v: Value = serde_json::from_str(&request.to_json()).unwrap();
        assert_eq!(v["args"]["signingParams"]["digested"], true);
        assert!(v["args"]["allowedStorages"].is_null());
        assert_eq!(v["args"]["signerParams"]["chain"], json!([]));
        assert_eq!(v["args"]["locale"], "kk");
    }

    #[test]
    fn recorded_answers_read_as_they_mean() {
        // Each text as the sigex-kz/ncalayer-js-client test data recorded it.
        assert_eq!(said(r#"{"result":{"version":"1.2"}}"#), "greeting 1.2");
        let signed =
            r#"{"body":{"result":"-----BEGIN CMS-----\n-----END CMS-----\n"},"status":true}"#;
        assert_eq!(
            said(signed),
            r#"signed ["-----BEGIN CMS-----\n-----END CMS-----\n"]"#
        );
        let many = r#"{"body":{"result":["A","B"]},"status":true}"#;
        assert_eq!(said(many), r#"signed ["A", "B"]"#);
        let cancel = r#"{"body":{},"status":true}"#;
        assert_eq!(said(cancel), "refused sign-ncalayer-cancelled");
        let failed = r#"{"code":"INVOCATION_ERROR","details":"org.json.JSONException: JSONObject[\"signingParams\"] is not a JSONObject.","message":"An invoked method threw an exception.","status":false}"#;
        let Reply::Refused(SignError::NcaLayerFailed { detail }) = read(failed) else {
            panic!("{:?}", read(failed));
        };
        assert!(
            detail.starts_with("INVOCATION_ERROR: An invoked method threw an exception. (org.json")
        );
        let old_cancel = r#"{"code":"500","message":"action.canceled"}"#;
        assert_eq!(said(old_cancel), "refused sign-ncalayer-cancelled");
    }

    #[test]
    fn nca_examples_own_result_shape_is_read() {
        let v = r#"{"status":true,"body":{"result":{"signatures":["MIIB"],"certificate":"MIIC"}}}"#;
        assert_eq!(said(v), r#"signed ["MIIB"]"#);
    }

    #[test]
    fn wrong_pin_and_empty_storage_by_ncalayers_codes() {
        let basics = r#"{"status":false,"code":"WRONG_PASSWORD","message":"…"}"#;
        assert_eq!(said(basics), "refused sign-ncalayer-wrong-pin");
        let applet = r#"{"errorCode":"WRONG_PASSWORD","result":"2"}"#;
        assert_eq!(said(applet), "refused sign-ncalayer-wrong-pin");
        let empty = r#"{"status":false,"code":"EMPTY_KEY_LIST","message":""}"#;
        assert_eq!(said(empty), "refused sign-ncalayer-no-key");
    }

    #[test]
    fn noise_is_not_an_answer() {
        for text in ["--heartbeat--", "{}", "[]", r#"{"result":{}}"#] {
            assert_eq!(said(text), "noise", "{text}");
        }
    }

    #[test]
    fn an_empty_result_is_a_failure_not_a_signature() {
        let r = said(r#"{"status":true,"body":{"result":[]}}"#);
        assert_eq!(r, "refused sign-ncalayer-failed");
    }

    #[test]
    fn signatures_come_as_pem_or_bare_base64() {
        let pem = "-----BEGIN CMS-----\r\nMIIB\r\nAAEC\r\n-----END CMS-----\r\n";
        assert_eq!(
            cms_der(pem).unwrap(),
            vec![0x30, 0x82, 0x01, 0x00, 0x01, 0x02]
        );
        assert_eq!(
            cms_der("MIIBAAEC").unwrap(),
            vec![0x30, 0x82, 0x01, 0x00, 0x01, 0x02]
        );
        for bad in [
            "",
            "-----BEGIN CMS-----\n-----END CMS-----\n",
            "not base64 at all!",
        ] {
            assert!(
                matches!(cms_der(bad), Err(SignError::NcaLayerFailed { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn long_failures_are_clipped_for_the_log() {
        let long = "x".repeat(1000);
        assert_eq!(clip(&long).chars().count(), DETAIL_MAX + 1);
    }
}
