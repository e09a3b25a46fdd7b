//! Running the binary and reading what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (holds the default site).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site folder.
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The `bilan` command, with its caches under `target/` (one folder per
/// site, as for a user) rather than in the user's cache folder.
pub(crate) fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bilan"));
    // Progress lines (one per stage off a terminal) are tested on their own,
    // and so are messages in French (`french.rs`): most fixtures are French
    // sites, whose messages would otherwise be in French.
    c.env("XDG_CACHE_HOME", repo().join("target/test-cache"))
        .env("BILAN_PROGRESS", "off")
        .env("BILAN_LANG", "en")
        .env_remove("BILAN_CACHE_DIR");
    c
}

/// Runs `bilan` with `args`, without SOURCE_DATE_EPOCH from the caller.
pub(crate) fn bilan(args: &[&str]) -> Output {
    command()
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run bilan")
}

/// Runs `bilan build --root ROOT --output OUT EXTRA…`, whatever its outcome.
pub(crate) fn try_build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    bilan(&args)
}

/// Builds `root` into `out` with a fixed date; panics with stderr on failure.
pub(crate) fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["--now", "2021-10-12T12:00:00+02:00"];
    args.extend_from_slice(extra);
    let o = try_build(root, out, &args);
    assert!(o.status.success(), "build failed:\n{}", stderr(&o));
    o
}

/// stderr as text.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, keyed by `/`-separated relative path.
pub(crate) fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// A file of the output as text.
pub(crate) fn page(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Text as Tera's HTML escaping writes it.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
