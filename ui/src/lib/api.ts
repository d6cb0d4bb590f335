// The Rust commands, as the UI calls them: generated from the shell's command functions
// (src-tauri/contract.rs), so a renamed command or argument fails `svelte-check` here.
export { commands as api } from "../bindings/commands";
