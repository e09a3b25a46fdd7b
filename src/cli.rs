//! The command line: its arguments, and their help in the run's language
//! (every text comes from the catalogues, see `bilan_core::l10n`).
//! `Cli::command()` is called after the language is chosen, so the
//! `help = tr!(…)` expressions below are worded in it.

use std::path::PathBuf;

use bilan::tr;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

/// `bilan --version`: the release and the commit it was built from.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("BILAN_COMMIT"), ")");

#[derive(Parser)]
#[command(name = "bilan", version = VERSION, about = tr!("help-about"), long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    #[command(about = tr!("help-build"), long_about = tr!("help-build-long"))]
    Build {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, value_name = "DIR", help = tr!("help-output"))]
        output: Option<PathBuf>,
        #[arg(long, value_name = "URL", help = tr!("help-base-url"))]
        base_url: Option<String>,
        #[arg(long, help = tr!("help-drafts"))]
        drafts: bool,
        #[arg(long, value_name = "DATETIME", help = tr!("help-now"))]
        now: Option<String>,
        #[arg(long, value_name = "DIR", help = tr!("help-cache-dir"))]
        cache_dir: Option<PathBuf>,
    },
    #[command(about = tr!("help-check"))]
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
    #[command(about = tr!("help-serve"), long_about = tr!("help-serve-long"))]
    Serve {
        #[arg(long, value_name = "DIR", default_value = ".", hide_default_value = true, help = tr!("help-root"))]
        root: PathBuf,
        #[arg(long, default_value_t = 1111, hide_default_value = true, help = tr!("help-port"))]
        port: u16,
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1", hide_default_value = true, help = tr!("help-bind"))]
        bind: std::net::IpAddr,
        #[arg(long, help = tr!("help-serve-drafts"))]
        drafts: bool,
        #[arg(long, value_name = "DIR", help = tr!("help-serve-cache-dir"))]
        cache_dir: Option<PathBuf>,
    },
    #[command(about = tr!("help-import"), long_about = tr!("help-import-long"))]
    Import {
        #[arg(help = tr!("help-import-file"))]
        file: PathBuf,
        #[arg(long, value_name = "DIR", default_value = ".", hide_default_value = true, help = tr!("help-root"))]
        root: PathBuf,
        #[arg(long, value_name = "MAP.yaml", help = tr!("help-import-map"))]
        map: Option<PathBuf>,
        #[arg(long, value_name = "NAME", help = tr!("help-import-sheet"))]
        sheet: Option<String>,
        #[arg(long, help = tr!("help-import-dry-run"))]
        dry_run: bool,
    },
    #[command(about = tr!("help-new"))]
    New {
        #[arg(help = tr!("help-new-dir"))]
        dir: PathBuf,
        #[arg(long, value_name = "THEME", default_value = "default", hide_default_value = true, help = tr!("help-new-theme"))]
        theme: String,
    },
}

#[derive(Args)]
pub(crate) struct SiteArgs {
    #[arg(long, value_name = "DIR", default_value = ".", hide_default_value = true, help = tr!("help-root"))]
    pub(crate) root: PathBuf,
    #[arg(long, help = tr!("help-strict"))]
    pub(crate) strict: bool,
}

/// Parses the command line, with its help and clap's own headings in the
/// run's language.
pub(crate) fn parse() -> Cli {
    let matches = localise(Cli::command()).get_matches();
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    }
}

/// clap's fixed words (`Usage:`, `Options:`, `Print help`) from the
/// catalogue, on the command and each subcommand. clap 4 words its own
/// `--help` and `--version` flags, so they are replaced by ours.
fn localise(cmd: clap::Command) -> clap::Command {
    let cmd = with_headings(cmd)
        .subcommand_help_heading(tr!("help-commands"))
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(tr!("help-version"))
                .help_heading(tr!("help-options")),
        );
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names
        .into_iter()
        .fold(cmd, |cmd, name| cmd.mut_subcommand(name, with_headings))
}

/// Our template, headings and `--help` flag on one command.
fn with_headings(cmd: clap::Command) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!("help-usage")
    );
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let cmd = ids.into_iter().fold(cmd, |cmd, id| {
        cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                tr!("help-arguments")
            } else {
                tr!("help-options")
            };
            a.help_heading(heading)
        })
    });
    cmd.help_template(template).disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help(tr!("help-help"))
            .help_heading(tr!("help-options")),
    )
}

impl Command {
    /// The site the command works on, if it names one.
    pub(crate) fn root(&self) -> Option<&std::path::Path> {
        match self {
            Command::Build { site, .. } | Command::Check { site } => Some(&site.root),
            Command::Serve { root, .. } | Command::Import { root, .. } => Some(root),
            Command::New { .. } => None,
        }
    }
}
