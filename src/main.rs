//! The `bilan` command: parses arguments, runs the library, prints problems
//! and maps the outcome to an exit status (0 ok, 1 invalid content, 2 usage
//! or I/O failure).

#![deny(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use bilan::{BuildOptions, Outcome};
use clap::{Args, Parser, Subcommand};

/// `bilan --version`: the release and the commit it was built from.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("BILAN_COMMIT"), ")");

/// Static-site generator for programme reporting: territory records and
/// Markdown narratives in, a report website out.
#[derive(Parser)]
#[command(name = "bilan", version = VERSION, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate everything, then render the site into the output folder.
    ///
    /// The new site is built beside the old one and swapped in only when
    /// complete: a failed build leaves the previous output as it was.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: ROOT/output].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Absolute URL the site is served from (for the sitemap and feeds);
        /// overrides `base_url` in site.yaml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Also publish drafts and press releases still under embargo.
        #[arg(long)]
        drafts: bool,
        /// Fix "today" (RFC 3339 or YYYY-MM-DD) for embargoes and the
        /// "generated on" stamp; SOURCE_DATE_EPOCH is used when absent.
        #[arg(long, value_name = "DATETIME")]
        now: Option<String>,
        /// Where to keep the build cache (chart PNGs, cards, PDFs, build
        /// state) [default: BILAN_CACHE_DIR, else the user's cache folder,
        /// e.g. ~/.cache/bilan/<site>-<hash>]. Point a CI cache at it.
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
    },
    /// Validate content and internal links; write nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Build, serve on http://127.0.0.1:1111/, rebuild on change and reload
    /// open pages.
    ///
    /// The site is built into a private folder; a failed rebuild is shown in
    /// the terminal and in the browser while the last good site stays served.
    Serve {
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; only loopback unless you say otherwise
        /// (for example 0.0.0.0 to preview from another device).
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also show drafts and press releases still under embargo.
        #[arg(long)]
        drafts: bool,
        /// Where to keep the build cache [default: as for `build`].
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
    },
    /// Read projects from a spreadsheet into the territory records.
    ///
    /// One row per project: a column names the territory (a record's `code`
    /// or file name), the others the project fields: title, company, sector,
    /// year and each metric of site.yaml. A column whose header is a field's
    /// key or label maps by itself (case and accents ignored); --map gives
    /// the others. French numbers (`8 091 000`, `27 250 €`) and dates (Excel,
    /// dd/mm/yyyy, ISO) are read. Each record named in the sheet gets its
    /// `projects:` list replaced, every other line and comment kept; records
    /// not in the sheet are left alone. Every bad cell is reported as
    /// FILE:SHEET!CELL, and nothing is written unless all are good.
    Import {
        /// The spreadsheet: .csv (comma, semicolon or tab; UTF-8 or
        /// Windows-1252), .xlsx or .ods.
        file: PathBuf,
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// A YAML file mapping project fields to column headers, such as
        /// `title: "Intitulé du projet"` and `jobs_created: "Emplois"`.
        #[arg(long, value_name = "MAP.yaml")]
        map: Option<PathBuf>,
        /// The sheet to read [default: the first one].
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Print what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Create a minimal site that builds at once: one region, two
    /// territories, a narrative and a press release, with CI files for
    /// GitLab and GitHub Pages that install a pinned bilan release.
    New {
        /// The folder to create (must be missing or empty).
        dir: PathBuf,
        /// `default`, or `dsfr` (the State design system): also writes
        /// package.json and package-lock.json for `npm ci`.
        #[arg(long, value_name = "THEME", default_value = "default")]
        theme: String,
    },
}

#[derive(Args)]
struct SiteArgs {
    /// The site folder, holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Fail on warnings too (for example when computed totals differ from
    /// the declared figures).
    #[arg(long)]
    strict: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, strict, writes) = match cli.command {
        Command::New { dir, theme } => return new_site(&dir, &theme),
        Command::Import {
            file,
            root,
            map,
            sheet,
            dry_run,
        } => {
            let opts = bilan::import::ImportOptions {
                file,
                root,
                map,
                sheet,
                dry_run,
            };
            return import(&opts);
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            cache_dir,
        } => {
            let opts = bilan::serve::ServeOptions {
                root,
                addr: std::net::SocketAddr::new(bind, port),
                drafts,
                cache_dir,
            };
            return match bilan::serve::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: {err:#}");
                    ExitCode::from(2)
                }
            };
        }
        Command::Build {
            site,
            output,
            base_url,
            drafts,
            now,
            cache_dir,
        } => {
            let opts = BuildOptions {
                root: site.root,
                output,
                base_url,
                drafts,
                now,
                strict: site.strict,
                preview: false,
                cache_dir,
            };
            (bilan::build(&opts), site.strict, true)
        }
        Command::Check { site } => {
            let opts = BuildOptions {
                root: site.root,
                strict: site.strict,
                ..BuildOptions::default()
            };
            (bilan::check(&opts), site.strict, false)
        }
    };
    match result {
        Ok(outcome) => report(&outcome, strict, writes),
        Err(err) => {
            bilan::progress::done();
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn new_site(dir: &std::path::Path, theme: &str) -> ExitCode {
    match bilan::scaffold::new_site(dir, theme) {
        Ok(()) => {
            let d = dir.display();
            let dsfr = if theme == "dsfr" {
                format!("  (cd {d} && npm ci)         # the DSFR; accept its terms first (.dsfr.yml or DSFR_ACCEPT_LICENSE=1)\n")
            } else {
                String::new()
            };
            println!("Created a new site in {d}.\n\nNext:\n{dsfr}  bilan build --root {d}      # writes {d}/output/\n  open {d}/output/index.html\n\nEdit {d}/content/site.yaml and add one file per territory in {d}/content/territories/.\nThe team's guide (in French): {}/tree/main/docs/guide", env!("CARGO_PKG_REPOSITORY"));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn report(outcome: &Outcome, strict: bool, writes: bool) -> ExitCode {
    bilan::progress::done();
    let diags = &outcome.diagnostics;
    for d in diags.sorted() {
        eprintln!("{d}");
    }
    let (errors, warnings) = (diags.error_count(), diags.warning_count());
    if !outcome.external_links.is_empty() {
        eprintln!(
            "{} external link(s), listed and not fetched:",
            outcome.external_links.len()
        );
        for link in &outcome.external_links {
            eprintln!("  {link}");
        }
    }
    if !outcome.ok(strict) {
        let strict_note = if strict && errors == 0 {
            " (--strict)"
        } else {
            ""
        };
        eprintln!("\n{errors} error(s), {warnings} warning(s){strict_note}: nothing was written.");
        return ExitCode::from(1);
    }
    for h in &outcome.held_back {
        let what = match &h.embargo {
            Some(t) => format!("under embargo until {t}"),
            None => "draft".to_string(),
        };
        let fate = match (h.shown, &h.embargo) {
            (true, _) => "shown in this preview, with a banner",
            (false, Some(_)) => "not published; the first build after that time publishes it",
            (false, None) => "not published",
        };
        eprintln!("{}: {what}: {fate}", h.path.display());
    }
    let pages = outcome.changed_pages.len();
    if !outcome.moved.is_empty() || pages > 0 {
        eprintln!("Changed since the last build:");
        for (name, before, after) in &outcome.moved {
            eprintln!("  {name}: {before} → {after}");
        }
        if pages > 0 {
            let shown: Vec<&str> = outcome
                .changed_pages
                .iter()
                .take(10)
                .map(String::as_str)
                .collect();
            let more = if pages > 10 {
                format!(" (+{} more)", pages - 10)
            } else {
                String::new()
            };
            eprintln!("  {pages} page(s): {}{more}", shown.join(", "));
        }
    }
    report_files(outcome);
    for dir in &outcome.leftovers {
        eprintln!(
            "warning: {} holds an earlier site that could not be removed (a file in it is protected); the new site is in place: remove that folder by hand",
            dir.display()
        );
    }
    match outcome.written {
        Some(w) if writes => eprintln!(
            "Built {} files, {} charts: {} written, {} unchanged, {} removed; {warnings} warning(s); {} ms.",
            outcome.files, outcome.charts, w.written, w.unchanged, w.removed, outcome.millis
        ),
        _ => eprintln!("Checked {} files: {warnings} warning(s); {} ms.", outcome.files, outcome.millis),
    }
    ExitCode::SUCCESS
}

/// Files bilan kept in the output without having written them, and what
/// it did with a cache found inside the site.
fn report_files(outcome: &Outcome) {
    if !outcome.kept.is_empty() {
        let shown: Vec<&str> = outcome.kept.iter().take(5).map(String::as_str).collect();
        let more = match outcome.kept.len() {
            n if n > 5 => format!(" (+{} more)", n - 5),
            _ => String::new(),
        };
        if outcome.unrecorded {
            eprintln!(
                "note: the output folder has no record of the files the last build wrote (a new cache): {} file(s) that this site does not have were kept: {}{more}; delete those that are stale",
                outcome.kept.len(),
                shown.join(", ")
            );
        } else {
            eprintln!(
                "Kept in the output, not written by bilan: {}{more}",
                shown.join(", ")
            );
        }
    }
    if let Some((dir, rejected)) = &outcome.cache_inside {
        eprintln!(
            "note: the cache {} is inside the site folder: each entry was checked against its digest before use",
            dir.display()
        );
        if !rejected.is_empty() {
            eprintln!(
                "warning: {} cache entries did not match their digest (brought by a checkout, or changed by hand) and were made again",
                rejected.len()
            );
        }
    }
}

fn import(opts: &bilan::import::ImportOptions) -> ExitCode {
    let result = bilan::import::run(opts);
    bilan::progress::done();
    match result {
        Ok(outcome) => {
            for d in outcome.diagnostics.in_order() {
                eprintln!("{d}");
            }
            print!("{}", outcome.report);
            let errors = outcome.diagnostics.error_count();
            if errors > 0 {
                eprintln!("\n{errors} error(s): nothing was written.");
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
