//! Reading generated PDFs back with poppler and zbar, as a person or a scanner would: the text,
//! the page count, the information dictionary, a page as an image and the QR code on it. Each
//! file is kept under `target/form-artifacts` for a look.
use std::path::{Path, PathBuf};
use std::process::Command;

pub const KAZAKH_LETTERS: &str = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";

/// Runs a poppler or zbar tool; a missing tool fails the test with what to install.
pub fn run(program: &str, args: &[&str], package: &str) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed by this test ({e}): apt-get install -y {package}")
        });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/form-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves `pdf` as `<name>.pdf` among the artifacts.
pub fn save(pdf: &[u8], name: &str) -> PathBuf {
    let path = artifacts().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    path
}

pub fn text_of(pdf: &[u8], name: &str) -> String {
    let path = save(pdf, name);
    let out = run(
        "pdftotext",
        &["-enc", "UTF-8", path.to_str().unwrap(), "-"],
        "poppler-utils",
    );
    String::from_utf8(out).unwrap()
}

/// Page 1 as `<name>.png` at `dpi`, kept among the artifacts for a look.
pub fn render(pdf: &[u8], name: &str, dpi: u32) -> PathBuf {
    let path = save(pdf, name);
    let stem = artifacts().join(name);
    run(
        "pdftoppm",
        &[
            "-r",
            &dpi.to_string(),
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().unwrap(),
            stem.to_str().unwrap(),
        ],
        "poppler-utils",
    );
    stem.with_extension("png")
}

/// What `pdfinfo` prints with `args`, one `Key: value` a line.
fn pdfinfo(pdf: &[u8], name: &str, args: &[&str]) -> Vec<(String, String)> {
    let path = save(pdf, name);
    let args = [args, &[path.to_str().unwrap()]].concat();
    let out = String::from_utf8(run("pdfinfo", &args, "poppler-utils")).unwrap();
    out.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
        .collect()
}

/// The value of `key` in the information dictionary (`pdfinfo -custom`), if present.
pub fn info_value(pdf: &[u8], name: &str, key: &str) -> Option<String> {
    pdfinfo(pdf, name, &["-custom"])
        .into_iter()
        .find_map(|(k, v)| (k == key).then_some(v))
}

pub fn page_count(pdf: &[u8], name: &str) -> usize {
    pdfinfo(pdf, name, &[])
        .into_iter()
        .find_map(|(k, v)| (k == "Pages").then(|| v.parse().ok()).flatten())
        .expect("pdfinfo tells the page count")
}

/// `pdffonts`' table: one line per font after the two heading lines.
pub fn fonts(pdf: &[u8], name: &str) -> Vec<String> {
    let path = save(pdf, name);
    let out = run("pdffonts", &[path.to_str().unwrap()], "poppler-utils");
    let table = String::from_utf8(out).unwrap();
    table.lines().skip(2).map(str::to_owned).collect()
}

pub fn decode_qr(png: &Path) -> Vec<u8> {
    // In binary mode zbarimg writes the symbol's bytes exactly, without a trailing newline.
    run(
        "zbarimg",
        &["--raw", "-q", "-Sbinary", png.to_str().unwrap()],
        "zbar-tools",
    )
}

pub fn assert_has(text: &str, wanted: &str, what: &str) {
    assert!(
        text.contains(wanted),
        "{what}: «{wanted}» is missing from\n{text}"
    );
}

/// pdftotext breaks long lines where the layout wrapped them; compare words, not lines.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn assert_kazakh_letters(text: &str, what: &str) {
    for c in KAZAKH_LETTERS.chars() {
        assert!(text.contains(c), "{what}: letter {c} is lost");
    }
}

/// `pdfinfo`'s page size of page 1, e.g. `841.89 x 595.276 pts (A4)`.
pub fn page_size(pdf: &[u8], name: &str) -> String {
    pdfinfo(pdf, name, &[])
        .into_iter()
        .find_map(|(k, v)| (k == "Page size").then_some(v))
        .expect("pdfinfo tells the page size")
}
