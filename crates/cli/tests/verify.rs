//! `rastau verify` and `rastau trust` on a certified copy made through the core, as an
//! applicant's file brought back to the center would be checked.
use rastau_capture::test_pages::TestPage;
use rastau_core::account::NewAccount;
use rastau_core::applicant::Applicant;
use rastau_core::audit::{Action, AuditFilter};
use rastau_core::center::CenterProfile;
use rastau_core::clock::SystemClock;
use rastau_core::scans::PageSource;
use rastau_core::store::{Files, Store};
use rastau_core::visit::{Document, OpenVisit, Present};
use rastau_core::{FirstStart, Rastau};
use rastau_sign::test_http::free_port;
use rastau_sign::test_ocsp::OcspServer;
use rastau_sign::test_pki::{ClerkOptions, TestPki, PASSWORD};
use rastau_sign::{Pkcs12Signer, Signer};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// Valid IINs (check digits verified by `rastau id check`).
const SUPERVISOR: &str = "780214300450";
const CLERK: &str = "880612401122";
/// The clerk's own password, chosen at the first sign-in (the supervisor's and the clerk's
/// first one is `password-1`).
const CLERK_PASSWORD: &str = "password-2";

fn person(iin: &str, name: &str) -> NewAccount {
    NewAccount {
        iin: iin.into(),
        full_name: name.into(),
        position: "Маман".into(),
        phone: String::new(),
        password: "password-1".into(),
    }
}

/// A center set up in `dir` with its supervisor (password `password-1`), no CA trusted yet.
fn center(dir: &Path) -> Rastau {
    let mut app = Rastau::new(Store::open(dir).unwrap(), Box::new(SystemClock));
    let center = CenterProfile {
        name_kk: "Астана қаласы Есіл ауданы бойынша ХҚКО".into(),
        name_ru: "ЦОН района Есиль города Астаны".into(),
        region: "Астана".into(),
        city_kk: "Астана".into(),
        city_ru: "Астана".into(),
        district_kk: "Есіл".into(),
        district_ru: "Есиль".into(),
        address: "Мәңгілік Ел даңғылы, 8".into(),
        phone: "+7 7172 00 00 00".into(),
        idle_lock_minutes: 10,
    };
    app.first_start(&FirstStart {
        center,
        supervisor: person(SUPERVISOR, "Басшы"),
    })
    .unwrap();
    app
}

/// A store whose center trusts `pki` and holds one certified copy, signed by a clerk whose key
/// names `openssl ocsp` as its responder (the answer carried in the copy); returns the copy's PDF
/// and CAdES files and the CA.
fn certified_copy(dir: &Path, pki: &TestPki) -> (PathBuf, PathBuf, PathBuf) {
    let mut app = center(dir);
    app.login(SUPERVISOR, "password-1").unwrap();
    app.trust_ca(&pki.ca_pem).unwrap();
    app.create_clerk(&person(CLERK, "Құрманғалиев Өмірбек"))
        .unwrap();
    app.login(CLERK, "password-1").unwrap();
    app.choose_password("password-1", CLERK_PASSWORD).unwrap();
    let applicant = Applicant {
        tax_id: SUPERVISOR.into(),
        surname: "Жұмабекова".into(),
        given_name: "Әсем".into(),
        ..Applicant::default()
    };
    let visit = app
        .open_visit(&OpenVisit {
            applicant,
            representative: None,
        })
        .unwrap();
    let document = Document {
        title: "Диплом".into(),
        number: "ЖБ-II 0098765".into(),
        issued_on: "30.06.2000".into(),
        issuer: "ҚазҰУ".into(),
        sheets: 1,
    };
    app.set_documents(visit.id, &[document], false).unwrap();
    app.confirm_consent(visit.id, Present::Applicant).unwrap();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let key = pki.clerk(
        CLERK,
        ClerkOptions {
            ocsp_url: Some(&url),
            ..ClerkOptions::default()
        },
    );
    let cert = Pkcs12Signer::open(&key, PASSWORD)
        .unwrap()
        .certificate_der()
        .to_vec();
    let _responder = OcspServer::by_ca(port, &TestPki::ocsp_index(&[(&cert, None)]), pki);
    app.open_signing_key(&key, PASSWORD).unwrap();
    let page = TestPage::sized(1240, 1754).scan();
    app.add_pages(visit.id, &[page], PageSource::Flatbed, Some(1))
        .unwrap();
    let copy = app.certify_document(visit.id, 1).unwrap();

    let files = Files::new(dir);
    let out = dir.join("handed-over");
    std::fs::create_dir_all(&out).unwrap();
    let (pdf, p7s) = (out.join("copy.pdf"), out.join("copy.pdf.p7s"));
    std::fs::write(&pdf, files.get(&copy.pdf_hash).unwrap()).unwrap();
    std::fs::write(&p7s, files.get(&copy.signature_hash).unwrap()).unwrap();
    (pdf, p7s, pki.write_ca(&out).unwrap())
}

fn rastau(data: &Path, args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rastau"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "ru"])
        .args(args)
        .output()
        .unwrap()
}

/// `rastau <args> --iin <iin>` with `iin`'s password on standard input.
fn signed_in(data: &Path, iin: &str, args: &[&Path]) -> Output {
    let password = if iin == CLERK {
        CLERK_PASSWORD
    } else {
        "password-1"
    };
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rastau"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "ru"])
        .args(args)
        .args(["--iin", iin])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn verify_tells_signer_integrity_trust_and_origin() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let (pdf, p7s, ca) = certified_copy(dir.path(), &pki);

    let ok = rastau(dir.path(), &[Path::new("verify"), &pdf]);
    let text = said(&ok);
    assert!(ok.status.success(), "{text}");
    assert!(text.contains(&format!("ИИН {CLERK}")), "{text}");
    assert!(text.contains("Файл не изменён"), "{text}");
    assert!(text.contains("«Диплом»"), "{text}");
    assert!(text.contains("/000001"), "{text}");
    assert!(text.contains("записанное этим хранилищем"), "{text}");
    // The ETSI report: the key's status is the responder's answer the copy carries.
    assert!(
        text.contains("Заключение: ПОДПИСЬ ДЕЙСТВИТЕЛЬНА (ETSI: TOTAL-PASSED)"),
        "{text}"
    );
    assert!(text.contains("ответ OCSP внутри PDF (DSS)"), "{text}");

    let detached = rastau(dir.path(), &[Path::new("verify"), &pdf, &p7s]);
    assert!(detached.status.success(), "{}", said(&detached));
    assert!(said(&detached).contains("записанное этим хранилищем"));

    let mut bytes = std::fs::read(&pdf).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    let changed = dir.path().join("changed.pdf");
    std::fs::write(&changed, bytes).unwrap();
    for args in [
        vec![Path::new("verify"), &changed],
        vec![Path::new("verify"), &changed, &p7s],
    ] {
        let out = rastau(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{}", said(&out));
        assert!(said(&out).contains("ИЗМЕНЁН"), "{}", said(&out));
        assert!(
            said(&out).contains("(ETSI: TOTAL-FAILED / HASH_FAILURE)"),
            "{}",
            said(&out)
        );
    }

    // Another center did not issue the file; until its supervisor trusts the CA, the signer
    // is not vouched for, and then only as of now, the signing time being a claim.
    let elsewhere = tempfile::tempdir().unwrap();
    drop(center(elsewhere.path()));
    let untrusted = rastau(elsewhere.path(), &[Path::new("verify"), &pdf]);
    assert_eq!(untrusted.status.code(), Some(1), "{}", said(&untrusted));
    assert!(
        said(&untrusted).contains("не подтверждён"),
        "{}",
        said(&untrusted)
    );
    assert!(
        said(&untrusted).contains("INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND"),
        "{}",
        said(&untrusted)
    );
    let added = signed_in(
        elsewhere.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("add"), &ca],
    );
    assert!(added.status.success(), "{}", said(&added));
    assert!(
        said(&added).contains("ҰЛТТЫҚ"),
        "the CA is named: {}",
        said(&added)
    );
    let foreign = rastau(elsewhere.path(), &[Path::new("verify"), &pdf]);
    let text = said(&foreign);
    assert!(foreign.status.success(), "{text}");
    assert!(text.contains("выдан не этим хранилищем"), "{text}");
    assert!(text.contains("лишь заявление подписавшего"), "{text}");
    // Not this store's, but the file carries its key's OCSP answer, current at the present
    // moment: passed at any center, from the file alone (PAdES B-LT).
    assert!(text.contains("ETSI: TOTAL-PASSED"), "{text}");
    assert!(text.contains("ответ OCSP внутри PDF (DSS)"), "{text}");
}

/// `--report` writes the report as a PDF in the language asked: rendered by poppler, its text
/// in Kazakh letters, the file's hash, the ETSI codes and the center that made it.
#[test]
fn verify_writes_the_report_as_a_pdf_in_kazakh_or_russian() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let (pdf, p7s, _) = certified_copy(dir.path(), &pki);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    for (lang, words) in [
        ("kk", ["ҚОЛТАҢБА ЖАРАМДЫ", "тексеру хаттамасы"]),
        ("ru", ["ПОДПИСЬ ДЕЙСТВИТЕЛЬНА", "Протокол проверки"]),
    ] {
        let report = out.join(format!("report-{lang}.pdf"));
        let run = Command::new(env!("CARGO_BIN_EXE_rastau"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["--lang", lang, "verify"])
            .arg(&pdf)
            .arg(&p7s)
            .arg("--report")
            .arg(&report)
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", said(&run));
        let text = Command::new("pdftotext")
            .args(["-layout"])
            .arg(&report)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) must be installed");
        let text = String::from_utf8(text.stdout).unwrap();
        for word in words {
            assert!(text.contains(word), "{lang}: {word} missing:\n{text}");
        }
        let hash = rastau_core::store::content_hash(&std::fs::read(&pdf).unwrap());
        // The hash may wrap in its cell.
        let compact: String = text.split_whitespace().collect();
        assert!(compact.contains(&hash), "{text}");
        assert!(text.contains("TOTAL-PASSED"), "{text}");
        assert!(text.contains("copy.pdf.p7s"), "{text}");
        assert!(
            text.chars().any(|c| "ӘҒҚҢӨҰҮҺІәғқңөұүһі".contains(c)),
            "Kazakh letters: {text}"
        );
        let prefix = out.join(format!("page-{lang}"));
        let rendered = Command::new("pdftoppm")
            .args(["-r", "50", "-png"])
            .arg(&report)
            .arg(&prefix)
            .status()
            .expect("pdftoppm (poppler-utils) must be installed");
        assert!(rendered.success());
        // A new file only: the same path again is refused, the first report untouched.
        let again = Command::new(env!("CARGO_BIN_EXE_rastau"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["--lang", lang, "verify"])
            .arg(&pdf)
            .arg("--report")
            .arg(&report)
            .output()
            .unwrap();
        assert_eq!(again.status.code(), Some(1), "{}", said(&again));
    }
}

#[test]
fn trust_without_status_says_and_sets_the_centers_choice() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    certified_copy(dir.path(), &pki);
    let ask = |iin: &str, choice: Option<&str>| {
        let mut args = vec![Path::new("trust"), Path::new("without-status")];
        args.extend(choice.map(Path::new));
        signed_in(dir.path(), iin, &args)
    };
    let now = ask(SUPERVISOR, None);
    assert!(now.status.success(), "{}", said(&now));
    assert!(said(&now).contains("подпись не ставится"), "{}", said(&now));
    let allowed = ask(SUPERVISOR, Some("allow"));
    assert!(
        said(&allowed).contains("подпись ставится"),
        "{}",
        said(&allowed)
    );
    let refused = ask(CLERK, Some("refuse"));
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(said(&refused).contains("руковод"), "{}", said(&refused));
    let set = ask(SUPERVISOR, Some("refuse"));
    assert!(set.status.success(), "{}", said(&set));
    assert!(said(&set).contains("подпись не ставится"), "{}", said(&set));
    let again = ask(SUPERVISOR, None);
    assert!(
        said(&again).contains("подпись не ставится"),
        "{}",
        said(&again)
    );
    assert!(said(&again).contains("не указана"), "{}", said(&again));
    let with_tsa = |url: &str| {
        let args = ["trust", "without-status", "--tsa", url].map(Path::new);
        signed_in(dir.path(), SUPERVISOR, &args)
    };
    let tsa = with_tsa("http://tsp.pki.gov.kz");
    assert!(tsa.status.success(), "{}", said(&tsa));
    assert!(
        said(&tsa).contains("http://tsp.pki.gov.kz"),
        "{}",
        said(&tsa)
    );
    assert!(
        said(&tsa).contains("подпись не ставится"),
        "kept: {}",
        said(&tsa)
    );
    let https = with_tsa("https://tsp.pki.gov.kz");
    assert_eq!(https.status.code(), Some(1), "{}", said(&https));
    assert!(said(&https).contains("http://"), "{}", said(&https));
}

#[test]
fn trust_key_source_says_and_sets_how_keys_are_opened() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    certified_copy(dir.path(), &pki);
    let ask = |iin: &str, args: &[&str]| {
        let mut all = vec![Path::new("trust"), Path::new("key-source")];
        all.extend(args.iter().map(Path::new));
        signed_in(dir.path(), iin, &all)
    };
    let now = ask(SUPERVISOR, &[]);
    assert!(now.status.success(), "{}", said(&now));
    assert!(said(&now).contains("из файла ключа"), "{}", said(&now));
    let refused = ask(CLERK, &["ncalayer"]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(said(&refused).contains("руковод"), "{}", said(&refused));
    let set = ask(SUPERVISOR, &["ncalayer", "--storages", "kaztoken,id-card"]);
    assert!(set.status.success(), "{}", said(&set));
    assert!(
        said(&set).contains(
            "через NCALayer; его окно предлагает хранилища: Казтокен, удостоверение личности."
        ),
        "{}",
        said(&set)
    );
    // The clerk's key file no longer opens: the center chose NCALayer.
    let mut app = Rastau::new(Store::open(dir.path()).unwrap(), Box::new(SystemClock));
    app.login(CLERK, CLERK_PASSWORD).unwrap();
    let key = pki.clerk(CLERK, ClerkOptions::default());
    let e = app.open_signing_key(&key, PASSWORD).unwrap_err();
    assert!(
        matches!(e, rastau_core::Error::KeySourceIsNcaLayer),
        "{e:?}"
    );
    drop(app);
    let back = ask(SUPERVISOR, &["pkcs12"]);
    assert!(said(&back).contains("из файла ключа"), "{}", said(&back));
    assert!(
        said(&back).contains("Казтокен"),
        "the storages are kept: {}",
        said(&back)
    );
}

#[test]
fn trust_signs_a_supervisor_in_lists_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let (pdf, _, ca) = certified_copy(dir.path(), &pki);
    // No one signed in: refused, nothing changed.
    let anonymous = rastau(dir.path(), &[Path::new("trust"), Path::new("list")]);
    assert_eq!(
        anonymous.status.code(),
        Some(2),
        "clap wants --iin: {}",
        said(&anonymous)
    );
    let clerk = signed_in(
        dir.path(),
        CLERK,
        &[Path::new("trust"), Path::new("add"), &ca],
    );
    assert_eq!(clerk.status.code(), Some(1), "{}", said(&clerk));
    assert!(said(&clerk).contains("руковод"), "{}", said(&clerk));

    let listed = signed_in(
        dir.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("list")],
    );
    let text = said(&listed);
    assert!(listed.status.success(), "{text}");
    let fingerprint = text
        .split("SHA-256 ")
        .nth(1)
        .map(|rest| rest.trim().to_owned())
        .expect("the fingerprint is listed");
    assert_eq!(fingerprint.len(), 64, "{text}");
    let removed = signed_in(
        dir.path(),
        SUPERVISOR,
        &[
            Path::new("trust"),
            Path::new("remove"),
            Path::new(&fingerprint),
        ],
    );
    assert!(removed.status.success(), "{}", said(&removed));
    let untrusted = rastau(dir.path(), &[Path::new("verify"), &pdf]);
    assert_eq!(untrusted.status.code(), Some(1), "{}", said(&untrusted));
    let empty = signed_in(
        dir.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("list")],
    );
    assert!(said(&empty).contains("нельзя"), "{}", said(&empty));

    // Every change names who made it.
    let mut app = Rastau::new(Store::open(dir.path()).unwrap(), Box::new(SystemClock));
    app.login(SUPERVISOR, "password-1").unwrap();
    for action in [Action::CaTrusted, Action::CaRemoved] {
        let page = app
            .audit(&AuditFilter {
                action: Some(action),
                ..AuditFilter::default()
            })
            .unwrap();
        assert!(page.total >= 1, "{action:?}");
        assert!(
            page.entries
                .iter()
                .all(|e| e.actor_iin.as_deref() == Some(SUPERVISOR)),
            "{action:?}"
        );
    }
}

#[test]
fn trust_refuses_what_is_not_a_ca_certificate() {
    let dir = tempfile::tempdir().unwrap();
    drop(center(dir.path()));
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "-----BEGIN CERTIFICATE-----\nbad end line").unwrap();
    let out = signed_in(
        dir.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("add"), &junk],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(said(&out).contains("нет сертификата"), "{}", said(&out));
    let person = dir.path().join("person.pem");
    std::fs::write(&person, TestPki::new().clerk_certificate_pem(CLERK)).unwrap();
    let out = signed_in(
        dir.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("add"), &person],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        said(&out).contains("не является сертификатом удостоверяющего"),
        "{}",
        said(&out)
    );
    let listed = signed_in(
        dir.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("list")],
    );
    assert!(
        said(&listed).contains("нет"),
        "nothing was kept: {}",
        said(&listed)
    );
}

/// The QR code printed on the certification sheet, read back from the rendered page.
fn scanned_qr(pdf: &Path) -> String {
    let dir = pdf.parent().unwrap();
    let prefix = dir.join("sheet");
    let rendered = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-l", "2", "-f", "2"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(rendered.success());
    let png = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.to_string_lossy().contains("sheet") && p.extension().is_some_and(|x| x == "png")
        })
        .expect("the sheet was rendered");
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
        .expect("zbarimg (zbar-tools) must be installed");
    assert!(out.status.success(), "no QR code found on the sheet");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn the_qr_code_is_a_center_seal_checked_offline() {
    let dir = tempfile::tempdir().unwrap();
    let pki = TestPki::new();
    let (pdf, _, _) = certified_copy(dir.path(), &pki);
    let qr = scanned_qr(&pdf);
    assert!(qr.starts_with("R2|C|"), "{qr}");
    assert!(qr.contains(&format!("|{SUPERVISOR}|")), "{qr}");

    let ok = rastau(
        dir.path(),
        &[Path::new("verify"), Path::new("--qr"), Path::new(&qr)],
    );
    assert!(ok.status.success(), "{}", said(&ok));
    assert!(said(&ok).contains("/000001-1"), "{}", said(&ok));
    // The file's own QR text is checked along with its EDS.
    let file = rastau(dir.path(), &[Path::new("verify"), &pdf]);
    assert!(
        said(&file).contains("данные в нём не изменены"),
        "{}",
        said(&file)
    );

    let forged = qr.replace(SUPERVISOR, CLERK);
    let out = rastau(
        dir.path(),
        &[Path::new("verify"), Path::new("--qr"), Path::new(&forged)],
    );
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("ПОДДЕЛАН"), "{}", said(&out));

    // Another center knows the seal only once it trusts this center's key.
    let elsewhere = tempfile::tempdir().unwrap();
    drop(center(elsewhere.path()));
    let unknown = rastau(
        elsewhere.path(),
        &[Path::new("verify"), Path::new("--qr"), Path::new(&qr)],
    );
    assert_eq!(unknown.status.code(), Some(1), "{}", said(&unknown));
    assert!(said(&unknown).contains("неизвестен"), "{}", said(&unknown));
    let shown = rastau(dir.path(), &[Path::new("seal"), Path::new("show")]);
    assert!(shown.status.success(), "{}", said(&shown));
    let key = String::from_utf8(shown.stdout).unwrap();
    let added = signed_in(
        elsewhere.path(),
        SUPERVISOR,
        &[Path::new("trust"), Path::new("seal"), Path::new(key.trim())],
    );
    assert!(added.status.success(), "{}", said(&added));
    let known = rastau(
        elsewhere.path(),
        &[Path::new("verify"), Path::new("--qr"), Path::new(&qr)],
    );
    assert!(known.status.success(), "{}", said(&known));

    let junk = rastau(
        dir.path(),
        &[Path::new("verify"), Path::new("--qr"), Path::new("hello")],
    );
    assert_eq!(junk.status.code(), Some(1));
    assert!(said(&junk).contains("QR-кода Rastau"), "{}", said(&junk));
}
