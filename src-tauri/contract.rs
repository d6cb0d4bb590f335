//! The window's command contract, read from the shell's own `#[tauri::command]` functions so
//! that it is written once: `build.rs` turns it into the handler list and a test into the UI's
//! `ui/src/bindings/commands.ts`. A renamed command or argument then changes the TypeScript
//! that the UI calls, and `svelte-check` fails where the old name is still used.
//!
//! Hand-written because tauri-specta, the crate that does this, needs every type to derive
//! `specta::Type`, while ours derive `ts-rs`; the types' own TypeScript still comes from ts-rs,
//! this only adds the functions that carry them.
use std::fs;
use std::path::Path;
use syn::{FnArg, GenericArgument, Item, ItemFn, Pat, PathArguments, ReturnType, Type};

/// One command as the UI calls it.
pub struct Command {
    /// The file under `src/commands/` that holds it, e.g. `visit`.
    pub module: String,
    /// The Rust function's name, which is also the name `invoke` uses.
    pub name: String,
    pub doc: Vec<String>,
    /// The arguments the UI passes, by their Rust names; the shell's own (state, window) left out.
    pub args: Vec<(String, Type)>,
    /// What the command answers, without the error side.
    pub answer: Option<Type>,
}

/// Every command of `src/commands/*.rs`, file by file in name order, in each in source order.
pub fn read(commands_dir: &Path) -> Vec<Command> {
    let mut files: Vec<_> = fs::read_dir(commands_dir)
        .expect("the commands folder")
        .map(|entry| entry.expect("a commands file").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|path| {
            let module = path.file_stem().unwrap().to_string_lossy().into_owned();
            let source = fs::read_to_string(path).expect("a readable commands file");
            let file = syn::parse_file(&source).expect("commands that parse");
            file.items
                .into_iter()
                .filter_map(|item| match item {
                    Item::Fn(f) if is_command(&f) => Some(command(&module, f)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn is_command(f: &ItemFn) -> bool {
    f.attrs.iter().any(|a| {
        let segments: Vec<_> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segments == ["tauri", "command"]
    })
}

fn command(module: &str, f: ItemFn) -> Command {
    let doc = f
        .attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let args = f
        .sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(arg) if !is_injected(&arg.ty) => match &*arg.pat {
                Pat::Ident(name) => Some((name.ident.to_string(), (*arg.ty).clone())),
                _ => panic!("{}: an argument without a plain name", f.sig.ident),
            },
            _ => None,
        })
        .collect();
    let answer = match f.sig.output {
        ReturnType::Default => None,
        ReturnType::Type(_, ty) => Some(without_error(*ty)),
    };
    Command {
        module: module.to_owned(),
        name: f.sig.ident.to_string(),
        doc,
        args,
        answer,
    }
}

/// Tauri fills these from the running app, never from the UI's arguments.
fn is_injected(ty: &Type) -> bool {
    matches!(
        last_segment(ty).map(|(name, _)| name).as_deref(),
        Some("State" | "AppHandle" | "Window" | "WebviewWindow")
    )
}

/// `Reply<T>` and `Result<T, E>` answer `T` (the error travels as a rejected promise).
fn without_error(ty: Type) -> Type {
    match last_segment(&ty) {
        Some((name, Some(first))) if name == "Reply" || name == "Result" => first,
        _ => ty,
    }
}

/// The last path segment's name and its first type argument, if any.
fn last_segment(ty: &Type) -> Option<(String, Option<Type>)> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    let first = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        }),
        _ => None,
    };
    Some((segment.ident.to_string(), first))
}

/// The handler list for `tauri::generate_handler!`.
pub fn handler_list(commands: &[Command]) -> String {
    let paths: Vec<_> = commands
        .iter()
        .map(|c| format!("{}::{}", c.module, c.name))
        .collect();
    format!("tauri::generate_handler![{}]\n", paths.join(", "))
}

/// `ui/src/bindings/commands.ts`: a typed function per command.
pub fn typescript(commands: &[Command]) -> String {
    let mut imports = std::collections::BTreeSet::new();
    let mut body = String::new();
    for c in commands {
        let params: Vec<_> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {}", ts_param(name), ts_type(ty, &mut imports)))
            .collect();
        let fields: Vec<_> = c
            .args
            .iter()
            .map(|(name, _)| match ts_param(name) {
                param if param == camel(name) => param,
                param => format!("{}: {param}", camel(name)),
            })
            .collect();
        let answer = c
            .answer
            .as_ref()
            .map_or("null".to_owned(), |t| ts_type(t, &mut imports));
        let call = if fields.is_empty() {
            format!("invoke<{answer}>(\"{}\")", c.name)
        } else {
            format!(
                "invoke<{answer}>(\"{}\", {{ {} }})",
                c.name,
                fields.join(", ")
            )
        };
        if !c.doc.is_empty() {
            body.push_str(&format!("  /** {} */\n", c.doc.join(" ")));
        }
        body.push_str(&format!(
            "  {}: ({}): Promise<{answer}> => {call},\n",
            camel(&c.name),
            params.join(", ")
        ));
    }
    let mut out = String::from(
        "// Generated from src-tauri/src/commands by `cargo test -p rastau-app --test contract`.\n\
         // Do not edit: change the Rust command and run that test.\n\
         import { invoke } from \"@tauri-apps/api/core\";\n",
    );
    for name in &imports {
        out.push_str(&format!("import type {{ {name} }} from \"./{name}\";\n"));
    }
    out.push_str(&format!(
        "\n/** The {} commands of the window, as Rust declares them. */\nexport const commands = {{\n{body}}};\n",
        commands.len()
    ));
    out
}

/// Rust's names as JavaScript writes them; Tauri renames arguments the same way.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in snake.chars() {
        match ch {
            '_' => upper = true,
            _ if upper => {
                out.extend(ch.to_uppercase());
                upper = false;
            }
            _ => out.push(ch),
        }
    }
    out
}

/// A parameter name TypeScript accepts (`new` is a Rust name but a TypeScript keyword).
fn ts_param(name: &str) -> String {
    match camel(name) {
        word if ["new", "default", "function", "delete", "in"].contains(&word.as_str()) => {
            format!("{word}Value")
        }
        word => word,
    }
}

/// The TypeScript of a Rust type: ts-rs's exported name for our own types.
fn ts_type(ty: &Type, imports: &mut std::collections::BTreeSet<String>) -> String {
    match ty {
        Type::Tuple(t) if t.elems.is_empty() => "null".to_owned(),
        Type::Reference(r) => ts_type(&r.elem, imports),
        _ => match last_segment(ty) {
            Some((name, inner)) => match (name.as_str(), inner) {
                ("Option", Some(inner)) => format!("{} | null", ts_type(&inner, imports)),
                ("Vec", Some(inner)) => match ts_type(&inner, imports) {
                    union if union.contains(' ') => format!("({union})[]"),
                    single => format!("{single}[]"),
                },
                ("String" | "str" | "PathBuf" | "Path" | "NaiveDate", _) => "string".to_owned(),
                ("bool", _) => "boolean".to_owned(),
                (
                    "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize"
                    | "f32" | "f64",
                    _,
                ) => "number".to_owned(),
                (own, _) => {
                    imports.insert(own.to_owned());
                    own.to_owned()
                }
            },
            None => panic!("a command type the contract cannot name"),
        },
    }
}
