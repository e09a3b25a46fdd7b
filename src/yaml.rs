//! The one module that calls the YAML library. serde_yaml is archived by its
//! author; keeping every call here makes a move to a maintained fork a
//! one-file change.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{closest, Diagnostic, Diagnostics};

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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(text) {
        diags.push(
            Diagnostic::error(path, "the file is empty")
                .hint("write the record's fields, for example `name:` and `region:`"),
        );
        return None;
    }
    match serde_yaml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(err) => {
            diags.push(to_diagnostic(&err, path, line_offset));
            None
        }
    }
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---"
    })
}

fn to_diagnostic(err: &serde_yaml::Error, path: &Path, line_offset: usize) -> Diagnostic {
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; we print the location ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    let mut d = Diagnostic::error(path, message.clone());
    if let Some(loc) = err.location() {
        d = d.at(loc.line() + line_offset, loc.column());
    }
    if let Some(hint) = unknown_field_hint(&message) {
        d = d.hint(hint);
    }
    d
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" messages, suggests
/// the closest known field, or lists them all.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let unknown = rest.split('`').next()?;
    let expected = rest.split_once("expected")?.1;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if known.is_empty() {
        return Some("this record takes no fields here".into());
    }
    Some(match closest(unknown, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("known fields are {}", known.join(", ")),
    })
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
    fn offset_shifts_lines() {
        let mut d = Diagnostics::default();
        let _: Option<Rec> = parse("name: [\n", Path::new("r.md"), 1, &mut d);
        assert_eq!(d.sorted()[0].line, Some(2));
    }
}
