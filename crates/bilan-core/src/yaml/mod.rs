//! The one module that calls the YAML library. serde_yaml is archived by its
//! author; keeping every call here makes a move to a maintained fork a
//! one-file change.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::tr;

mod messages;
use messages::to_diagnostic;

mod more;
mod recover;
use more::more_errors;

/// Parses `text` (the content of `path`) into `T`.
///
/// `line_offset` is added to reported lines, for YAML embedded in a larger file
/// such as Markdown front matter. Problems go to `diags`; `None` means the
/// file could not be read as a `T`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<T> {
    match read(text, path, line_offset, diags)? {
        Read::Clean(value) => Some(value),
        Read::Fields(_) | Read::Partial(_) => None,
    }
}

/// As [`parse`], but a file whose only data errors sit on plain `key:
/// value` lines also gives the value read without those lines (their
/// fields take their defaults), beside its errors in `diags`. Nothing else
/// is left out: a list item or a block left out would make the rest of the
/// site look wrong (a record naming a metric whose line was left out), so
/// such a file gives `None`. For site.yaml: the records are then checked
/// in the same run as its mistakes.
pub fn parse_fields<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<T> {
    match read(text, path, line_offset, diags)? {
        Read::Clean(value) | Read::Fields(value) => Some(value),
        Read::Partial(_) => None,
    }
}

/// As [`parse`], but a file whose every error sits on lines it could leave
/// out (a `key: value` line, a one-line list item, the item or field
/// around a syntax error) also gives the value read without those lines,
/// beside its errors in `diags`: the record's other checks (its region,
/// its amounts) then run in the same pass, so one run reports every
/// problem of the file. The build stops on the errors all the same.
pub fn parse_recovering<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<T> {
    match read(text, path, line_offset, diags)? {
        Read::Clean(value) | Read::Fields(value) | Read::Partial(value) => Some(value),
    }
}

/// A file read without error, or with its bad lines left out: plain
/// `key: value` lines only, or more (list items, blocks, a key given
/// twice).
enum Read<T> {
    Clean(T),
    Fields(T),
    Partial(T),
}

fn read<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<Read<T>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(text) {
        diags.push(Diagnostic::error(path, tr!("yaml-empty")).hint(tr!("yaml-empty-hint")));
        return None;
    }
    if let Some(problem) = expansion_problem(text) {
        diags.push(Diagnostic::error(path, problem).hint(tr!("yaml-aliases-hint")));
        return None;
    }
    let duplicates = duplicate_keys(text);
    for (line, col, key, first) in &duplicates {
        diags.push(
            Diagnostic::error(
                path,
                tr!(
                    "yaml-duplicate-key",
                    key = key,
                    first = (first + line_offset).to_string()
                ),
            )
            .at(line + line_offset, *col)
            .hint(tr!("yaml-duplicate-key-hint")),
        );
    }
    match serde_yaml::from_str::<T>(text) {
        Ok(value) if duplicates.is_empty() => Some(Read::Clean(value)),
        Ok(value) => Some(Read::Partial(value)),
        Err(err) => {
            // serde reports the same duplicate less precisely; ours has the line.
            if !duplicates.is_empty() && err.to_string().contains("duplicate field") {
                return None;
            }
            let d = to_diagnostic(&err, path, line_offset, text);
            diags.push(locate(d, text, line_offset));
            let (more, rest) = more_errors::<T>(text, &err, path, line_offset);
            let (past, after) = recover::past_syntax_error::<T>(text, &err, path, line_offset);
            for d in more.into_iter().chain(past) {
                diags.push(d);
            }
            match (rest, after) {
                (Some((value, false)), _) => Some(Read::Fields(value)),
                (Some((value, true)), _) | (None, Some(value)) => Some(Read::Partial(value)),
                (None, None) => None,
            }
        }
    }
}

/// Keys set twice in one block mapping: `(line, column, key, first line)`.
///
/// serde_yaml keeps the last value of a duplicated map key without a word, and
/// for struct fields it points at the start of the mapping, not the culprit.
/// This scan covers block mappings (what people write by hand); flow mappings
/// (`{ a: 1, a: 2 }`) are left to serde.
fn duplicate_keys(text: &str) -> Vec<(usize, usize, String, usize)> {
    // One scope per open mapping: its indentation and the keys seen, with lines.
    let mut scopes: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
    let mut found = Vec::new();
    let mut block_scalar_indent: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = raw.trim_start();
        let mut indent = raw.len() - trimmed.len();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(min) = block_scalar_indent {
            if indent > min {
                continue;
            }
            block_scalar_indent = None;
        }
        if trimmed == "---" || trimmed == "..." {
            scopes.clear();
            continue;
        }
        let mut rest = trimmed;
        let mut new_item = false;
        while let Some(after) = rest
            .strip_prefix("- ")
            .or_else(|| (rest == "-").then_some(""))
        {
            // A list item opens a fresh mapping at the column of its content.
            indent += rest.len() - after.len() + (after.len() - after.trim_start().len());
            rest = after.trim_start();
            new_item = true;
        }
        let Some(key) = block_key(rest) else {
            continue;
        };
        while scopes
            .last()
            .is_some_and(|(ind, _)| *ind > indent || (new_item && *ind == indent))
        {
            scopes.pop();
        }
        if scopes.last().is_none_or(|(ind, _)| *ind < indent) {
            scopes.push((indent, Vec::new()));
        }
        let keys = &mut scopes.last_mut().expect("pushed above").1;
        match keys.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => found.push((line_no, indent + 1, key, *first)),
            None => keys.push((key, line_no)),
        }
        let value = rest.split_once(':').map_or("", |(_, v)| v.trim());
        if value.starts_with('|') || value.starts_with('>') {
            block_scalar_indent = Some(indent);
        }
    }
    found
}

/// The key of a `key: value` line, if the line is one.
fn block_key(line: &str) -> Option<String> {
    let (key, after) = if let Some(q) = line.strip_prefix('"') {
        let end = q.find('"')?;
        (&q[..end], &q[end + 1..])
    } else if let Some(q) = line.strip_prefix('\'') {
        let end = q.find('\'')?;
        (&q[..end], &q[end + 1..])
    } else {
        let end = line.find(':')?;
        let key = &line[..end];
        if key.is_empty() || key.contains([' ', '{', '[', ',', '#', '"', '\'']) {
            return None;
        }
        (key, &line[end..])
    };
    let after = after.strip_prefix(':')?;
    (after.is_empty() || after.starts_with([' ', '\t'])).then(|| key.to_string())
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---"
    })
}

/// Places the errors serde_yaml reports without a usable position:
/// control characters ("at position N", a byte offset) and a second
/// document in one file.
pub(super) fn locate(mut d: Diagnostic, text: &str, line_offset: usize) -> Diagnostic {
    const CONTROL: &str = "control characters are not allowed at position ";
    if let Some(pos) = d
        .message
        .strip_prefix(CONTROL)
        .and_then(|n| n.trim().parse::<usize>().ok())
    {
        let at = pos.min(text.len());
        let before = text.get(..at).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let ch = text.get(at..).and_then(|r| r.chars().next());
        d.message = match ch {
            Some(c) if c < ' ' || c == '\u{7f}' => {
                tr!("yaml-control-char", code = format!("U+{:04X}", c as u32))
            }
            Some(c) => tr!("yaml-char", code = format!("U+{:04X}", c as u32)),
            None => tr!("yaml-control-char-unknown"),
        };
        return d
            .at(line + line_offset, col)
            .hint(tr!("forbidden-char-hint"));
    }
    if d.message.contains("more than one document") {
        let second = text
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.trim_end() == "---" || l.starts_with("--- "))
            .map_or(1, |(i, _)| i + 1);
        d.message = tr!("yaml-two-documents");
        return d
            .at(second + line_offset, 1)
            .hint(tr!("yaml-two-documents-hint"));
    }
    d
}

/// How much text a document may expand to through its aliases (`*name`
/// repeats what `&name` marks): four times its own size plus 8 MiB. A
/// small file that repeats a long anchor thousands of times (a "billion
/// laughs") would otherwise take gigabytes once read.
fn expansion_budget(text: &str) -> usize {
    text.len().saturating_mul(4).saturating_add(8 << 20)
}

/// Why `text` may not be read: its aliases expand it beyond
/// [`expansion_budget`]. Counted by walking the document without keeping
/// anything, and stopped as soon as the budget is spent.
pub fn expansion_problem(text: &str) -> Option<String> {
    use serde::de::DeserializeSeed as _;
    if !text.contains('*') {
        return None;
    }
    let budget = expansion_budget(text);
    let seed = Counter {
        left: std::cell::Cell::new(budget),
    };
    let de = serde_yaml::Deserializer::from_str(text).next()?;
    match seed.deserialize(de) {
        // serde_yaml's own bound on alias repetitions says the same.
        Err(e) if e.to_string().contains(OVER) || e.to_string().contains("repetition limit") => {
            Some(tr!("yaml-aliases", mebibytes = budget >> 20))
        }
        _ => None,
    }
}

const OVER: &str = "bilan: expansion budget spent";

/// Walks any YAML value, spending its budget on every scalar and node.
struct Counter {
    left: std::cell::Cell<usize>,
}

impl Counter {
    fn spend<E: serde::de::Error>(&self, n: usize) -> Result<(), E> {
        match self.left.get().checked_sub(n.max(1)) {
            Some(rest) => {
                self.left.set(rest);
                Ok(())
            }
            None => Err(E::custom(OVER)),
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for &Counter {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Counter {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(&self)
    }
}

impl<'de> serde::de::Visitor<'de> for &Counter {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(8)
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(8)
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(8)
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<(), E> {
        self.spend(s.len())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(1)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(1)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use serde::de::VariantAccess as _;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        name: String,
        #[serde(default)]
        jobs_created: u64,
    }

    fn errors(text: &str) -> Vec<String> {
        let mut d = Diagnostics::default();
        let r: Option<Rec> = parse(text, Path::new("r.yaml"), 0, &mut d);
        assert!(r.is_none());
        d.sorted().iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        assert_eq!(
            errors("name: a\njobs_creatd: 3\n"),
            ["r.yaml:2:1: error: unknown field `jobs_creatd`, expected `name` or `jobs_created`\n  = hint: did you mean `jobs_created`?"]
        );
    }

    #[test]
    fn empty_and_bom() {
        assert_eq!(
            errors("# only a comment\n"),
            ["r.yaml: error: the file is empty\n  = hint: write the record's fields, for example `name:` and `region:`"]
        );
        let mut d = Diagnostics::default();
        let r: Option<Rec> = parse("\u{feff}name: a\r\n", Path::new("r.yaml"), 0, &mut d);
        assert_eq!(r.unwrap().name, "a");
    }

    #[test]
    fn duplicate_keys_are_found_with_their_lines() {
        let text = "name: a\nprojects:\n  - title: x\n    year: 1\n    year: 2\n  - title: y\n    year: 3\nname: b\nnotes: |\n  name: c\n  name: d\n";
        let found = duplicate_keys(text);
        assert_eq!(
            found,
            [(5, 5, "year".to_string(), 4), (8, 1, "name".to_string(), 1)]
        );
        assert!(duplicate_keys("a:\n  b: 1\nc:\n  b: 2\n").is_empty());
        assert!(duplicate_keys("- - a: 1\n  - a: 2\n").is_empty());
    }

    #[test]
    fn duplicate_key_is_reported_once_at_its_line() {
        assert_eq!(
            errors("name: a\njobs_created: 1\nname: b\n"),
            ["r.yaml:3:1: error: duplicate key `name` (first set on line 1)\n  = hint: remove one of the two lines: only one value can be kept"]
        );
    }

    #[test]
    fn control_characters_and_second_documents_are_located() {
        assert_eq!(
            errors("name: \"ok\"\nregion: \"a\u{1}b\"\n"),
            ["r.yaml:2:11: error: control character U+0001 is not allowed\n  = hint: remove it: it often comes with text pasted from another program"]
        );
        assert_eq!(
            errors("name: a\n---\nname: b\n"),
            ["r.yaml:2:1: error: this file holds more than one YAML document\n  = hint: a file is one record: remove this `---` line, or move what follows into a file of its own"]
        );
    }

    #[test]
    fn offset_shifts_lines() {
        let mut d = Diagnostics::default();
        let _: Option<Rec> = parse("name: [\n", Path::new("r.md"), 1, &mut d);
        assert_eq!(d.sorted()[0].line, Some(2));
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Site {
        name: String,
        metrics: Vec<Metric>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Metric {
        key: String,
        unit: Unit,
    }

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Unit {
        Count,
        Eur,
    }

    /// site.yaml's metrics are one-line flow mappings: a mistake in each
    /// of three is reported in one run, each at its line; a list item
    /// written over several lines is never left out (its keys would join
    /// the item before).
    #[test]
    fn mistakes_in_one_line_list_items_are_all_reported() {
        let text = "name: a\nmetrics:\n  - { key: a, unit: percent }\n  - { key: b, unit: count }\n  - { key: c, unit: eruo }  # typo\n  - [c]\n  - { key: d, unti: eur }\n";
        let mut d = Diagnostics::default();
        let site: Option<Site> = parse(text, Path::new("site.yaml"), 0, &mut d);
        assert!(site.is_none());
        let lines: Vec<Option<usize>> = d.sorted().iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(3), Some(5), Some(6), Some(7)], "{d:?}");
        // Each names its own item, though the items before were left out.
        let paths: Vec<&str> = d
            .sorted()
            .iter()
            .map(|d| d.message.split(':').next().unwrap_or_default())
            .collect();
        assert_eq!(
            paths,
            [
                "metrics[0].unit",
                "metrics[2].unit",
                "metrics[3]",
                "metrics[4]"
            ],
            "{d:?}"
        );

        let text = "name: a\nmetrics:\n  - key: a\n    unit: percent\n  - { key: b, unit: eruo }\n";
        let mut d = Diagnostics::default();
        let _: Option<Site> = parse(text, Path::new("site.yaml"), 0, &mut d);
        let lines: Vec<Option<usize>> = d.sorted().iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(4)], "{d:?}");
    }
}
