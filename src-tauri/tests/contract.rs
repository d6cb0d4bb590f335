//! The UI's command functions are generated from the shell's commands (`contract.rs`); this
//! writes them, as the ts-rs tests write the types, and the test command fails when the copy
//! in git differs. The checks below hold the generator to what Tauri really does.
#[path = "../contract.rs"]
mod contract;

use std::path::Path;

fn commands() -> Vec<contract::Command> {
    contract::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands"))
}

#[test]
fn the_ui_command_functions_are_written_from_rust() {
    let ts = contract::typescript(&commands());
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/commands.ts");
    std::fs::write(target, &ts).unwrap();
    assert!(ts.contains(
        "lookupApplicant: (taxId: string): Promise<Lookup> => invoke<Lookup>(\"lookup_applicant\", { taxId }),"
    ));
}

#[test]
fn the_window_state_is_not_an_argument_and_errors_are_not_answers() {
    let all = commands();
    let scan = all.iter().find(|c| c.name == "scan").unwrap();
    let names: Vec<_> = scan.args.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["visit_id", "request"]);
    let ts = contract::typescript(&all);
    assert!(
        ts.contains("cancelScan: (): Promise<null> =>"),
        "a command without answer"
    );
    assert!(
        ts.contains("choosePassword: (current: string, newValue: string): Promise<Status> => invoke<Status>(\"choose_password\", { current, new: newValue }),"),
        "a TypeScript keyword as a Rust argument"
    );
    assert!(ts.contains("importFiles: (visitId: number, paths: string[], position: number | null)"));
    assert!(!ts.contains("ErrorPayload"), "errors travel as rejections");
}

#[test]
fn every_command_is_registered_once() {
    let all = commands();
    let list = contract::handler_list(&all);
    let listed: Vec<_> = list
        .trim()
        .trim_start_matches("tauri::generate_handler![")
        .trim_end_matches(']')
        .split(", ")
        .collect();
    for c in &all {
        let path = format!("{}::{}", c.module, c.name);
        assert_eq!(listed.iter().filter(|p| **p == path).count(), 1, "{path}");
    }
    assert_eq!(listed.len(), all.len());
    let mut names: Vec<_> = all.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), all.len(), "two commands of one name");
}
