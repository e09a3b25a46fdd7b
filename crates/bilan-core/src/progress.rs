//! Progress on long work, on stderr. On a terminal, one line rewritten in
//! place: the stage under way and, while pages are written, how many of
//! them. In CI (`CI` set) or when stderr is not a terminal, one line per
//! stage as it ends, which a CI log keeps. `BILAN_PROGRESS=off` silences
//! it; `BILAN_LOG=time` prints the stages' times for benchmarks instead.

use std::io::{IsTerminal as _, Write as _};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Off,
    Times,
    Lines,
    Live,
}

fn mode() -> Mode {
    static MODE: OnceLock<Mode> = OnceLock::new();
    *MODE.get_or_init(|| {
        let var = |k: &str| std::env::var(k).unwrap_or_default();
        if var("BILAN_LOG") == "time" {
            Mode::Times
        } else if matches!(var("BILAN_PROGRESS").as_str(), "off" | "0" | "false") {
            Mode::Off
        } else if std::io::stderr().is_terminal() && var("CI").is_empty() {
            Mode::Live
        } else {
            Mode::Lines
        }
    })
}

/// A stage ended `start.elapsed()` after `start`.
pub fn stage(start: Instant, step: &str) {
    let ms = start.elapsed().as_millis();
    match mode() {
        Mode::Off => {}
        Mode::Times => eprintln!("{step:<28} {ms:>6} ms"),
        Mode::Lines => eprintln!("[bilan] {} ({ms} ms)", words(step)),
        Mode::Live => live(&format!("{} ({ms} ms)", words(step))),
    }
}

/// A figure about the work, for benchmarks and tests (`BILAN_LOG=time`
/// only): how much of it was done, how much was found already done.
pub fn count(what: &str, done: usize, of: usize) {
    if mode() == Mode::Times {
        eprintln!("  {what}: {done} of {of}");
    }
}

/// A stage's name for people, in the run's language: a renderer's step
/// ("  of which pages", timed from its own start) reads "wrote pages", and
/// one whose files were kept from the last build ("  kept exports") reads
/// "kept exports" (`progress-kept-exports`). The
/// catalogue's id is the English name's words joined by `-`
/// (`progress-wrote-pages`); a name it lacks is shown as it is.
fn words(step: &str) -> String {
    let step = step.trim();
    let english = match step.strip_prefix("of which ") {
        Some(what) => format!("wrote {what}"),
        None => step.to_string(),
    };
    let id = format!("progress-{}", english.to_lowercase().replace(' ', "-"));
    let worded = crate::l10n::text(&id, &[]);
    if worded == id {
        english
    } else {
        worded
    }
}

/// Items done so far in the stage under way (pages written), shown on a
/// terminal at most ten times a second.
pub fn item(what: &str, total: usize) {
    static DONE: AtomicUsize = AtomicUsize::new(0);
    static SHOWN_AT: AtomicU64 = AtomicU64::new(0);
    if mode() != Mode::Live {
        return;
    }
    let done = DONE.fetch_add(1, Ordering::Relaxed) % total.max(1) + 1;
    let now = epoch().elapsed().as_millis() as u64;
    let last = SHOWN_AT.load(Ordering::Relaxed);
    if (now >= last + 100 || done == total)
        && SHOWN_AT
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    {
        live(&format!(
            "{}: {done}/{total}",
            words(&format!("of which {what}"))
        ));
    }
}

/// Clears the terminal line before the summary is printed.
pub fn done() {
    if mode() == Mode::Live {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

fn live(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[2K{text}");
    let _ = err.flush();
}
