//! `rastau`: the headless side of Rastau, over the same core and store as the window.
mod custody;
mod demo;
mod doctor;
mod id_check;
mod journal;
mod shared;
mod sign_in;
mod trust;
mod verify;

use clap::{Parser, Subcommand};
use rastau_core::demo::Extent;
use rastau_core::i18n::Messages;
use rastau_core::key_source::{KeySource, KeyStorage};
use rastau_core::signature_policy::WithoutStatus;
use rastau_core::store::{default_data_dir, Store};
use rastau_core::Lang;
use std::io::Write;
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
    /// Fills a demo center: its people with their accounts and keys, and the week before
    /// today (visits, certified copies, refusals, a signed-off day), the same as starting the
    /// window with --demo. It fills the data folder given (--data-dir or RASTAU_DATA_DIR), where
    /// every other command given it finds the demo; given none, the window's demo folder.
    Demo {
        /// Only the center and its accounts: no keys, no history.
        #[arg(long)]
        accounts_only: bool,
    },
    /// Checks a signed file: signer, certificate validity, signing time, whether the file is
    /// unchanged and whether this store issued it, and the ETSI EN 319 102-1 report (indication,
    /// sub-indication, reasons, the time used and its source, revocation and its source). Exit
    /// code 0 for TOTAL-PASSED, 1 for TOTAL-FAILED; INDETERMINATE as before: 0 when the file is
    /// unchanged and its certificate trusted at the time used, else 1. A bad seal exits 1.
    Verify {
        #[arg(required_unless_present = "qr")]
        file: Option<PathBuf>,
        /// A detached CAdES signature (.p7s); without it, the PDF's own signature is checked.
        signature: Option<PathBuf>,
        /// Also writes the report as a PDF (in --lang) to this new file.
        #[arg(long, conflicts_with = "qr")]
        report: Option<PathBuf>,
        /// Checks the text of a QR code (a center's seal) instead of a file.
        #[arg(long, conflicts_with_all = ["file", "signature"])]
        qr: Option<String>,
    },
    /// This center's seal key, whose public half other centers add with `trust seal`.
    Seal {
        #[command(subcommand)]
        command: SealCommand,
    },
    /// The certification authorities keys must chain to and signatures are judged against,
    /// and other centers' seal keys (a supervisor signs in with --iin; the password as for
    /// `journal`).
    Trust {
        #[command(subcommand)]
        command: TrustCommand,
    },
    /// Checks the store's files against its records: every named file present and unchanged,
    /// no file without a record. Exit code 1 on any fault.
    Doctor,
    /// A day's journal on standard output, as CSV (UTF-8, the columns in README) or PDF, for
    /// the person signing in with --iin; the password comes from RASTAU_PASSWORD or the first
    /// line of standard input.
    Journal {
        /// The day, YYYY-MM-DD (the center's local time).
        #[arg(long)]
        date: chrono::NaiveDate,
        #[arg(long, value_enum, default_value = "csv")]
        format: journal::Format,
        /// The IIN of the clerk or supervisor signing in.
        #[arg(long)]
        iin: String,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Rule 8's six-month retention.
    Retention {
        #[command(subcommand)]
        command: RetentionCommand,
    },
    /// Backs the whole store up into a new folder inside DIR (a supervisor signs in with
    /// --iin; the password as for `journal`).
    Backup {
        dir: PathBuf,
        #[arg(long)]
        iin: String,
        /// Also carries the center's seal private key, to move the installation to a new
        /// machine that goes on sealing with it. Whoever holds such a backup can forge the
        /// center's QR seals: keep it as an EDS key is kept.
        #[arg(long)]
        with_seal_key: bool,
    },
    /// Replaces the store with the backup in DIR after checking every file of it against its
    /// manifest; the replaced store is moved aside into the data folder. Close the window
    /// first. A supervisor of this center (or, on a new machine, of the backup's) signs in.
    Restore {
        dir: PathBuf,
        #[arg(long)]
        iin: String,
    },
    /// The shared store of the centers, a PostgreSQL database.
    Shared {
        #[command(subcommand)]
        command: SharedCommand,
    },
}

#[derive(Subcommand)]
enum SharedCommand {
    /// Creates or migrates the shared store's schema and roles, connecting with the URL of
    /// its administrator (postgres://user:password@host:port/database). Safe to run again.
    Init { url: String },
    /// Links this installation to a center of the shared store (a supervisor signs in with
    /// --iin; the password as for `journal`), connecting once with the administrator's URL:
    /// the center is registered unless it is, the installation gets a PostgreSQL role of its
    /// own, and that role's login is kept beside the store, readable by this OS user alone.
    /// The administrator's password is not kept.
    Join {
        url: String,
        /// The center's code: capital Latin letters, digits and hyphens.
        #[arg(long)]
        center: String,
        #[arg(long)]
        iin: String,
    },
    /// Unlinks this installation (a supervisor signs in with --iin). Its PostgreSQL role stays
    /// on the server for the shared store's administrator to disable.
    Leave {
        #[arg(long)]
        iin: String,
    },
    /// Whether this installation is linked, to which center, and whether the server answers
    /// its own role now.
    Status,
    /// Pushes every change committed here that the shared store does not hold yet, now, and
    /// says what went up. Safe to interrupt: the next run goes on from where this one stopped.
    Sync {
        /// Changes per transaction: fewer on a poor link, so that a cut costs less to resend.
        #[arg(long, default_value_t = rastau_core::push::BATCH_ENTRIES)]
        batch: u32,
    },
    /// Rule 8 in the shared store, run by its administrator (the URL as for `init`): every
    /// copy whose six months are over is marked removed and the bytes of its files no kept
    /// record needs are dropped, acting as the owner role; records stay. Safe to run again.
    Retention { url: String },
    /// The audit trails in the shared store.
    Audit {
        #[command(subcommand)]
        command: SharedAuditCommand,
    },
}

#[derive(Subcommand)]
enum SharedAuditCommand {
    /// Walks every installation's hash chain in the shared store (the administrator's URL, as
    /// for `init`): entries, last hash and the first entry changed, removed or inserted, per
    /// installation. Exit code 1 when any chain is broken.
    Verify { url: String },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walks the hash chain of the audit trail; names the first entry changed, removed or
    /// inserted (exit code 1).
    Verify,
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Removes now the files whose six months are over (a supervisor signs in with --iin).
    Run {
        #[arg(long)]
        iin: String,
    },
}

#[derive(Subcommand)]
enum TrustCommand {
    /// Adds the CA certificates of a file (PEM, one or more, or one DER .cer): NCA RK's root
    /// and intermediates. Nothing is added unless every certificate is a CA's.
    Add {
        file: PathBuf,
        #[arg(long)]
        iin: String,
    },
    /// Lists the trusted CAs with their validity and SHA-256.
    List {
        #[arg(long)]
        iin: String,
    },
    /// Removes a trusted CA by its SHA-256 (as `trust list` prints it).
    Remove {
        sha256: String,
        #[arg(long)]
        iin: String,
    },
    /// Adds another center's seal key (as printed by `rastau seal show` there).
    Seal {
        public_key: String,
        #[arg(long)]
        iin: String,
    },
    /// How the center signs: prints its choice, or sets it. Whether keys sign when their
    /// revocation status or a timestamp cannot be had (OCSP responder and CRL unreachable or
    /// none named, the timestamp authority silent), and which RFC 3161 timestamp authority
    /// vouches for the time of every signature (`--tsa http://…`; `--tsa ""` for none).
    WithoutStatus {
        #[arg(value_enum)]
        choice: Option<WithoutStatusChoice>,
        #[arg(long)]
        tsa: Option<String>,
        #[arg(long)]
        iin: String,
    },
    /// How the center's keys are opened: key files (pkcs12, the default) or NCALayer, with the
    /// storages its window offers (--storages file,kaztoken,id-card,other-tokens; those chosen
    /// before when left out). Prints the center's choice, or sets it.
    KeySource {
        #[arg(value_enum)]
        source: Option<KeySourceChoice>,
        #[arg(long, value_enum, value_delimiter = ',')]
        storages: Vec<StorageChoice>,
        #[arg(long)]
        iin: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum KeySourceChoice {
    /// A PKCS#12 key file and its password, opened by Rastau (the default).
    Pkcs12,
    /// NCALayer's window: keys on tokens, the ID card, or files NCALayer opens.
    Ncalayer,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StorageChoice {
    File,
    Kaztoken,
    IdCard,
    OtherTokens,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum WithoutStatusChoice {
    /// Nothing is signed until the status can be had (the default).
    Refuse,
    /// Keys sign; their copies say that no status could be had.
    Allow,
}

#[derive(Subcommand)]
enum SealCommand {
    /// Prints the public half of this center's seal key (made at the first certification).
    Show,
}

#[derive(Subcommand)]
enum IdCommand {
    /// Checks an IIN or BIN: prints its kind and details, or why it is invalid (exit code 1).
    Check { number: String },
}

/// The store in the data folder, which must hold one: a command that reads or changes a store
/// never starts an empty one.
fn open(data_dir: Option<PathBuf>, messages: &Messages) -> Result<Store, String> {
    Store::open_existing(&data_dir.unwrap_or_else(default_data_dir)).map_err(|e| messages.error(&e))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let messages = Messages::new(cli.lang);
    let data_dir = cli.data_dir.clone();
    let outcome = match cli.command {
        Command::Journal { date, format, iin } => {
            let written = open(cli.data_dir, &messages)
                .and_then(|store| journal::run(store, date, format, &iin, cli.lang, &messages));
            return match written {
                Ok(bytes) => emit(&bytes),
                Err(reason) => fail(&reason),
            };
        }
        Command::Id {
            command: IdCommand::Check { number },
        } => id_check::run(&number, &messages),
        Command::Demo { accounts_only } => {
            let extent = match accounts_only {
                true => Extent::AccountsOnly,
                false => Extent::Week,
            };
            demo::run(cli.data_dir, extent, &messages)
        }
        Command::Doctor => {
            open(cli.data_dir, &messages).and_then(|store| doctor::run(&store, &messages))
        }
        Command::Verify {
            file,
            signature,
            report,
            qr,
        } => open(cli.data_dir, &messages).and_then(|store| match (qr, file) {
            (Some(text), _) => verify::qr(&store, &text, &messages),
            (None, Some(file)) => verify::run(
                store,
                &file,
                signature.as_deref(),
                report.as_deref(),
                cli.lang,
                &messages,
            ),
            (None, None) => unreachable!("clap requires a file or --qr"),
        }),
        Command::Seal {
            command: SealCommand::Show,
        } => open(cli.data_dir, &messages).and_then(|store| verify::seal_show(&store, &messages)),
        Command::Trust { command } => {
            open(cli.data_dir, &messages).and_then(|store| match command {
                TrustCommand::Add { file, iin } => trust::add(store, &file, &iin, &messages),
                TrustCommand::List { iin } => trust::list(store, &iin, &messages),
                TrustCommand::Remove { sha256, iin } => {
                    trust::remove(store, &sha256, &iin, &messages)
                }
                TrustCommand::Seal { public_key, iin } => {
                    trust::seal(store, &public_key, &iin, &messages)
                }
                TrustCommand::WithoutStatus { choice, tsa, iin } => {
                    let choice = choice.map(|c| match c {
                        WithoutStatusChoice::Refuse => WithoutStatus::Refuse,
                        WithoutStatusChoice::Allow => WithoutStatus::Allow,
                    });
                    trust::signature_policy(store, choice, tsa, &iin, &messages)
                }
                TrustCommand::KeySource {
                    source,
                    storages,
                    iin,
                } => {
                    let source = source.map(|s| match s {
                        KeySourceChoice::Pkcs12 => KeySource::Pkcs12,
                        KeySourceChoice::Ncalayer => KeySource::NcaLayer,
                    });
                    let storages: Vec<KeyStorage> = storages
                        .into_iter()
                        .map(|s| match s {
                            StorageChoice::File => KeyStorage::File,
                            StorageChoice::Kaztoken => KeyStorage::Kaztoken,
                            StorageChoice::IdCard => KeyStorage::IdCard,
                            StorageChoice::OtherTokens => KeyStorage::OtherTokens,
                        })
                        .collect();
                    trust::key_source(store, source, storages, &iin, &messages)
                }
            })
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => open(cli.data_dir, &messages).and_then(|store| custody::verify(&store, &messages)),
        Command::Retention {
            command: RetentionCommand::Run { iin },
        } => open(cli.data_dir, &messages)
            .and_then(|store| custody::retention(store, &iin, &messages)),
        Command::Backup {
            dir,
            iin,
            with_seal_key,
        } => open(cli.data_dir, &messages)
            .and_then(|store| custody::backup(store, &dir, &iin, with_seal_key, &messages)),
        Command::Shared { command } => match command {
            SharedCommand::Init { url } => shared::init(&url, &messages),
            SharedCommand::Join { url, center, iin } => open(cli.data_dir, &messages)
                .and_then(|store| shared::join(store, &url, &center, &iin, &messages)),
            SharedCommand::Leave { iin } => open(cli.data_dir, &messages)
                .and_then(|store| shared::leave(store, &iin, &messages)),
            SharedCommand::Status => {
                open(cli.data_dir, &messages).and_then(|store| shared::status(store, &messages))
            }
            SharedCommand::Sync { batch } => open(cli.data_dir, &messages)
                .and_then(|store| shared::sync(store, batch, &messages)),
            SharedCommand::Retention { url } => shared::retention(&url, &messages),
            SharedCommand::Audit {
                command: SharedAuditCommand::Verify { url },
            } => shared::audit_verify(&url, &messages),
        },
        Command::Restore { dir, iin } => {
            let data_dir = data_dir.unwrap_or_else(default_data_dir);
            custody::restore(&data_dir, &dir, &iin, &messages)
        }
    };
    match outcome {
        Ok(report) => emit(format!("{report}\n").as_bytes()),
        Err(reason) => fail(&reason),
    }
}

/// Writes the result to standard output. A reader that went away (`rastau … | head`) is no
/// failure of ours: the command ends quietly, as other command-line tools do.
fn emit(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(reason: &str) -> ExitCode {
    eprintln!("{reason}");
    ExitCode::FAILURE
}
