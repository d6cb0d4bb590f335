//! The check every crate's tests run over all of its errors: each has its message in Kazakh and
//! in Russian, the message uses exactly the arguments the error gives, and no error message is
//! left without an error. Read with Fluent's own parser, so plurals and selectors count too.
use crate::Coded;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The languages every message exists in.
pub const LANGS: [&str; 2] = ["kk", "ru"];

/// Message id → its attributes (as `.name`) and variables (as `$name`).
pub type Shape = BTreeMap<String, BTreeSet<String>>;

/// The repository's `locales/<lang>`, seen from a crate's folder (`crates/<name>`).
pub fn locale_dir(manifest_dir: &str, lang: &str) -> PathBuf {
    Path::new(manifest_dir).join("../../locales").join(lang)
}

/// The shape of the given Fluent files of one language.
pub fn shape(dir: &Path, files: &[&str]) -> Shape {
    let mut shape = Shape::new();
    for file in files {
        let path = dir.join(file);
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let mut parts = BTreeSet::new();
            value.iter().for_each(|p| pattern_vars(p, &mut parts));
            for attribute in attributes {
                parts.insert(format!(".{}", attribute.id.name));
                pattern_vars(&attribute.value, &mut parts);
            }
            assert!(
                shape.insert(id.clone(), parts).is_none(),
                "{id} defined twice in {}",
                path.display()
            );
        }
    }
    shape
}

/// `errors` holds one of every error that `files` word (derived from the enum, not listed by
/// hand): each is worded in both languages with exactly its arguments, and every `error-`
/// message of the files belongs to one of them.
pub fn every_error_is_worded<E: Coded>(
    errors: impl IntoIterator<Item = E>,
    manifest_dir: &str,
    files: &[&str],
) {
    let errors: Vec<E> = errors.into_iter().collect();
    let mut faults = vec![];
    for lang in LANGS {
        let shape = shape(&locale_dir(manifest_dir, lang), files);
        let mut unused: BTreeSet<&String> =
            shape.keys().filter(|id| id.starts_with("error-")).collect();
        for error in &errors {
            let id = format!("error-{}", error.code());
            unused.remove(&id);
            let Some(parts) = shape.get(&id) else {
                faults.push(format!("{id} has no message in {lang}"));
                continue;
            };
            let used: BTreeSet<&str> = parts.iter().filter_map(|p| p.strip_prefix('$')).collect();
            let given: BTreeSet<&str> = error.args().iter().map(|(name, _)| *name).collect();
            if used != given {
                faults.push(format!(
                    "{id} in {lang} uses {used:?}, the error gives {given:?}"
                ));
            }
        }
        faults.extend(
            unused
                .iter()
                .map(|id| format!("{id} in {lang}: no error has this code")),
        );
    }
    assert!(faults.is_empty(), "error messages:\n{}", faults.join("\n"));
}

fn pattern_vars(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_vars(inline, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            variants.iter().for_each(|v| pattern_vars(&v.value, out));
        }
    }
}

fn inline_vars(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(format!("${}", id.name));
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments
                .positional
                .iter()
                .for_each(|a| inline_vars(a, out));
            arguments
                .named
                .iter()
                .for_each(|a| inline_vars(&a.value, out));
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}
