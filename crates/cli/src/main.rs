//! `rastau`: the headless side of Rastau, over the same core and store as the window.
mod demo;
mod id_check;

use clap::{Parser, Subcommand};
use rastau_core::i18n::Messages;
use rastau_core::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rastau",
    version,
    about = "Rastau: certified electronic copies at a public service center"
)]
struct Cli {
    /// Language of the output: kk or ru.
    #[arg(long, global = true, env = "RASTAU_LANG", default_value = "kk")]
    lang: Lang,
    /// The store's folder (default: the OS app-data folder, or RASTAU_DATA_DIR).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Identification numbers (IIN / BIN).
    Id {
        #[command(subcommand)]
        command: IdCommand,
    },
    /// Fills a demo center and accounts (in the `demo` folder of the data folder unless
    /// --data-dir is given), the same as starting the window with --demo.
    Demo,
}

#[derive(Subcommand)]
enum IdCommand {
    /// Checks an IIN or BIN: prints its kind and details, or why it is invalid (exit code 1).
    Check { number: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let messages = Messages::new(cli.lang);
    let outcome = match cli.command {
        Command::Id {
            command: IdCommand::Check { number },
        } => id_check::run(&number, &messages),
        Command::Demo => demo::run(cli.data_dir, &messages),
    };
    match outcome {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            eprintln!("{reason}");
            ExitCode::FAILURE
        }
    }
}
