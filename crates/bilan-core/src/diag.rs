//! Diagnostics: every problem found in the content, gathered before the build
//! decides whether to fail, so a user sees all of them in one run.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Fails the build (exit status 1).
    Error,
    /// Printed, but the build goes on (unless `--strict`).
    Warning,
}

/// One problem, located in a content file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub col: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file.
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            col: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning about a whole file.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the problem at a line and column.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// Adds a suggested fix.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}:{}", self.col.unwrap_or(1))?;
        }
        let level = match self.severity {
            Severity::Error => crate::tr!("level-error"),
            Severity::Warning => crate::tr!("level-warning"),
        };
        write!(f, ": {level} {}", shorten_quotes(&self.message))?;
        if let Some(hint) = &self.hint {
            let label = crate::tr!("level-hint");
            write!(f, "\n  = {label} {}", shorten_quotes(hint))?;
        }
        Ok(())
    }
}

/// The 1-based line of the first line starting (after indentation) with
/// `key`, or 1: places a later diagnostic in a file already parsed.
pub fn key_line(source: &str, key: &str) -> usize {
    source
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(1, |i| i + 1)
}

/// The 1-based line of the first line containing `needle`, or 1.
pub fn line_containing(source: &str, needle: &str) -> usize {
    nth_line_containing(source, needle, 0)
}

/// The 1-based line of the `n`-th (from 0) line containing `needle`, or 1.
pub fn nth_line_containing(source: &str, needle: &str, n: usize) -> usize {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(n)
        .map_or(1, |(i, _)| i + 1)
}

/// Line starts of a text, to turn byte offsets into 1-based line and column
/// in logarithmic time however many problems a long text holds.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` once.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based (line, column in characters) of byte `offset`.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |l| l.chars().count());
        (line, col + 1)
    }
}

/// Reports that a build step ended (see [`crate::progress`]).
pub fn log_time(start: std::time::Instant, step: &str) {
    crate::progress::stage(start, step);
}

/// Quoted values longer than this are cut in messages.
const QUOTE_MAX: usize = 60;

/// Cuts every quoted value (between backticks or double quotes) longer than
/// [`QUOTE_MAX`] characters, so a 50 MB value that fails to parse prints
/// an excerpt and its length, not itself.
pub fn shorten_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= QUOTE_MAX * 2 {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inner_start = open + 1;
        let close = rest[inner_start..]
            .find(quote)
            .map_or(rest.len(), |i| inner_start + i);
        let inner = &rest[inner_start..close];
        let n = inner.chars().count();
        if n > QUOTE_MAX {
            let head: String = inner.chars().take(QUOTE_MAX - 20).collect();
            out.push_str(&format!(
                "{head}… ({})",
                crate::tr!("characters", count = n)
            ));
        } else {
            out.push_str(inner);
        }
        rest = &rest[close..];
        if let Some(c) = rest.chars().next() {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Collects diagnostics from every stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

/// What is wrong with a value, before it is placed in a file (a cell, a
/// field): [`Problem::at`] makes it a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl Problem {
    /// The error at `path`.
    pub fn at(self, path: impl Into<PathBuf>) -> Diagnostic {
        Diagnostic::error(path, self.0)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Diagnostics {
    /// Records one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Records several problems.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Keeps only the problems `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// True when at least one error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Number of errors (each distinct problem once).
    pub fn error_count(&self) -> usize {
        self.sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings (each distinct problem once).
    pub fn warning_count(&self) -> usize {
        self.sorted().len() - self.error_count()
    }

    /// The problems sorted by file, then position, so output is stable;
    /// a problem found several times (a template error met by every page
    /// using the template) is listed once.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.col, b.severity, &b.message))
        });
        v.dedup();
        v
    }

    /// The problems in the order they were found, each distinct one once
    /// (for a sheet read row by row, that is the reading order).
    pub fn in_order(&self) -> Vec<&Diagnostic> {
        let mut seen = std::collections::HashSet::new();
        self.items.iter().filter(|d| seen.insert(*d)).collect()
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }
}

#[cfg(test)]
mod shorten_tests {
    use super::*;

    #[test]
    fn line_index_places_offsets() {
        let idx = LineIndex::new("ab\nçd\n\nx");
        assert_eq!(idx.locate(0), (1, 1));
        assert_eq!(idx.locate(3), (2, 1));
        assert_eq!(idx.locate(5), (2, 2), "columns count characters");
        assert_eq!(idx.locate(7), (3, 1));
        assert_eq!(idx.locate(8), (4, 1));
        assert_eq!(idx.locate(99), (4, 2));
    }

    #[test]
    fn long_quoted_values_are_cut() {
        let long = "9".repeat(5_000_000);
        let msg = format!("invalid type: string \"{long} emplois\", expected u64");
        let short = shorten_quotes(&msg);
        assert!(short.len() < 200, "{short}");
        assert!(
            short.contains("\"9999999999999999999999999999999999999999… (5,000,008 characters)\""),
            "{short}"
        );
        assert!(short.ends_with(", expected u64"));
        assert_eq!(shorten_quotes("short `a`"), "short `a`");
    }
}

/// Shows `path` relative to `root` when it lies inside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The known name closest to `unknown`, if one is close enough to be a typo.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_file_line_col_and_hint() {
        let d = Diagnostic::error("content/a.yaml", "unknown field `jobs`")
            .at(3, 5)
            .hint("did you mean `jobs_created`?");
        assert_eq!(
            d.to_string(),
            "content/a.yaml:3:5: error: unknown field `jobs`\n  = hint: did you mean `jobs_created`?"
        );
    }

    #[test]
    fn closest_finds_typos_only() {
        let known = ["jobs_created", "investment_eur", "aid_eur"];
        assert_eq!(closest("jobs_create", known), Some("jobs_created"));
        assert_eq!(closest("investment", known), Some("investment_eur"));
        assert_eq!(closest("zzz", known), None);
    }
}
