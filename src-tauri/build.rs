//! Tauri's build step, and the handler list read from the command functions themselves
//! (`contract.rs`), so that a command is registered by being written.
// The TypeScript half of the contract is written by tests/contract.rs, not here.
#[allow(dead_code)]
#[path = "contract.rs"]
mod contract;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/commands");
    println!("cargo:rerun-if-changed=contract.rs");
    let commands = contract::read(Path::new("src/commands"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("handler.rs");
    std::fs::write(out, contract::handler_list(&commands)).expect("the handler list written");
    tauri_build::build()
}
