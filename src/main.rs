//! The `bilan` command: parses arguments, runs the library, prints problems
//! and maps the outcome to an exit status (0 ok, 1 invalid content, 2 usage
//! or I/O failure).

#![deny(unsafe_code)]

mod cli;

use std::process::ExitCode;

use bilan::{tr, BuildOptions, Outcome};
use cli::Command;

fn main() -> ExitCode {
    // The help is worded before the command line names a site: in the
    // language of the site in the current folder, or of LANG.
    bilan::l10n::choose_for_site(std::path::Path::new("."));
    let cli = cli::parse();
    if let Some(root) = cli.command.root() {
        bilan::l10n::choose_for_site(root);
    }
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
                    fail(&err);
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
            fail(&err);
            ExitCode::from(2)
        }
    }
}

/// A failure that is not the content's (usage, I/O).
fn fail(err: &anyhow::Error) {
    eprintln!("{} {err:#}", tr!("level-error"));
}

fn new_site(dir: &std::path::Path, theme: &str) -> ExitCode {
    match bilan::scaffold::new_site(dir, theme) {
        Ok(()) => {
            let d = dir.display();
            let d = d.to_string();
            let dsfr = if theme == "dsfr" {
                format!("{}\n", tr!("new-next-dsfr", dir = &d))
            } else {
                String::new()
            };
            let guide = format!("{}/tree/main/docs/guide", env!("CARGO_PKG_REPOSITORY"));
            println!(
                "{}",
                tr!("new-created", dir = &d, dsfr = dsfr, guide = guide)
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            fail(&err);
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
            "{}",
            tr!("external-links", count = outcome.external_links.len())
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
        eprintln!(
            "\n{}",
            tr!(
                "summary-failed",
                errors = errors,
                warnings = warnings,
                strict = strict_note
            )
        );
        return ExitCode::from(1);
    }
    for h in &outcome.held_back {
        let what = match &h.embargo {
            Some(t) => tr!("held-embargo", until = t.to_string()),
            None => tr!("held-draft"),
        };
        let fate = match (h.shown, &h.embargo) {
            (true, _) => tr!("held-shown"),
            (false, Some(_)) => tr!("held-embargo-fate"),
            (false, None) => tr!("held-not-published"),
        };
        eprintln!("{}: {what}: {fate}", h.path.display());
    }
    let pages = outcome.changed_pages.len();
    if !outcome.moved.is_empty() || pages > 0 {
        eprintln!("{}", tr!("changed-heading"));
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
                format!(" ({})", tr!("and-more", count = pages - 10))
            } else {
                String::new()
            };
            let list = format!("{}{more}", shown.join(", "));
            eprintln!("  {}", tr!("changed-pages", count = pages, list = list));
        }
    }
    report_files(outcome);
    for dir in &outcome.leftovers {
        eprintln!(
            "{} {}",
            tr!("level-warning"),
            tr!("leftover-site", dir = dir)
        );
    }
    match outcome.written {
        Some(w) if writes => eprintln!(
            "{}",
            tr!(
                "summary-built",
                files = outcome.files,
                charts = outcome.charts,
                written = w.written,
                unchanged = w.unchanged,
                removed = w.removed,
                warnings = warnings,
                millis = outcome.millis as u64
            )
        ),
        _ => eprintln!(
            "{}",
            tr!(
                "summary-checked",
                files = outcome.files,
                warnings = warnings,
                millis = outcome.millis as u64
            )
        ),
    }
    ExitCode::SUCCESS
}

/// Files bilan kept in the output without having written them, and what
/// it did with a cache found inside the site.
fn report_files(outcome: &Outcome) {
    if !outcome.kept.is_empty() {
        let shown: Vec<&str> = outcome.kept.iter().take(5).map(String::as_str).collect();
        let more = match outcome.kept.len() {
            n if n > 5 => format!(" ({})", tr!("and-more", count = n - 5)),
            _ => String::new(),
        };
        let list = format!("{}{more}", shown.join(", "));
        if outcome.unrecorded {
            eprintln!(
                "{}",
                tr!("kept-unrecorded", count = outcome.kept.len(), list = list)
            );
        } else {
            eprintln!("{}", tr!("kept", list = list));
        }
    }
    if let Some((dir, rejected)) = &outcome.cache_inside {
        eprintln!("{}", tr!("cache-inside", dir = dir));
        if !rejected.is_empty() {
            eprintln!(
                "{} {}",
                tr!("level-warning"),
                tr!("cache-rejected", count = rejected.len())
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
                eprintln!("\n{}", tr!("import-failed", errors = errors));
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            fail(&err);
            ExitCode::from(2)
        }
    }
}
