//! The domain stands under the application layer: no module outside `src/app/` names it, not
//! by its path (`crate::app`, `super::app`) nor by the names `lib.rs` hands on from it
//! (`crate::Rastau`, `crate::demo`...). Read from the source, so a new import fails here.
use regex::Regex;
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The names `lib.rs` re-exports from the app layer, with the layer's own.
fn app_names() -> Vec<String> {
    let lib = fs::read_to_string(src().join("lib.rs")).unwrap();
    let group = Regex::new(r"pub use app::\{([^}]*)\}").unwrap();
    let mut names: Vec<String> = group
        .captures_iter(&lib)
        .flat_map(|c| {
            c[1].split(',')
                .map(|n| n.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|n| !n.is_empty())
        .collect();
    assert!(names.iter().any(|n| n == "Rastau"), "lib.rs: {names:?}");
    names.push("app".into());
    names
}

/// Every `.rs` file under `dir`, the app layer's folder and `lib.rs` left out.
fn domain_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path == src().join("app") || path == src().join("lib.rs") {
            continue;
        }
        if path.is_dir() {
            domain_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments, which may name the app layer freely.
fn code(path: &Path) -> String {
    let comment = Regex::new(r"(?m)//.*$").unwrap();
    comment
        .replace_all(&fs::read_to_string(path).unwrap(), "")
        .into_owned()
}

#[test]
fn no_domain_module_names_the_app_layer() {
    let names = app_names().join("|");
    let upward = Regex::new(&format!(
        r"(crate|super)::(({names})\b|\{{[^}}]*\b({names})\b)"
    ))
    .unwrap();
    let mut files = vec![];
    domain_files(&src(), &mut files);
    assert!(files.len() > 50, "the domain's files were not found");
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let code = code(path);
            let found = upward.find(&code)?;
            let file = path.strip_prefix(src()).unwrap_or(path);
            Some(format!("src/{}: {}", file.display(), found.as_str()))
        })
        .collect();
    assert!(offenders.is_empty(), "{offenders:#?}");
}
