//! Reading past a YAML syntax error: the lines around it (the list item,
//! else the top-level field, that holds it) are left out and the rest is
//! read again, so one run still reports the file's other problems. What was
//! left out is said, with its lines: nothing there was checked.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::messages::to_diagnostic;
use crate::diag::Diagnostic;
use crate::tr;

/// The problems found past the syntax error `err` of `text`, beginning
/// with a warning that names the lines left out (or says that nothing more
/// could be checked), and the value read without those lines when the rest
/// reads cleanly. `None` and no diagnostics when `text` is YAML (the error
/// is about data, not syntax).
pub(super) fn past_syntax_error<T: DeserializeOwned>(
    text: &str,
    err: &serde_yaml::Error,
    path: &Path,
    line_offset: usize,
) -> (Vec<Diagnostic>, Option<T>) {
    let message = err.to_string();
    // Placed on their own by `locate`; nothing to leave out for them.
    let own =
        message.starts_with("control characters") || message.contains("more than one document");
    if own || is_yaml(text) {
        return (Vec::new(), None);
    }
    let Some(at) = origin(&message).or(err.location().map(|l| l.line())) else {
        return (vec![unchecked(path, 1 + line_offset)], None);
    };
    let at = at.saturating_sub(1);
    let lines: Vec<&str> = text.split('\n').collect();
    let Some((start, end, blanked)) = units(&lines, at)
        .into_iter()
        .map(|(s, e)| (s, e, blank(&lines, s, e)))
        .find(|(_, _, t)| is_yaml(t) && t.lines().any(is_content))
    else {
        return (vec![unchecked(path, at + 1 + line_offset)], None);
    };
    let key = (0..=start)
        .rev()
        .find_map(|i| top_level_key(lines[i]))
        .unwrap_or_default();
    let skipped = Diagnostic::warning(
        path,
        tr!(
            "yaml-skipped",
            first = (start + 1 + line_offset).to_string(),
            last = (end + line_offset).to_string(),
            count = end - start,
            key = key
        ),
    )
    .at(start + 1 + line_offset, 1)
    .hint(tr!("yaml-skipped-hint"));
    match serde_yaml::from_str::<T>(&blanked) {
        Ok(value) => (vec![skipped], Some(value)),
        // A field the left-out lines held is missing now: not the editor's
        // mistake, and nothing more to learn.
        Err(e) if e.to_string().contains("missing field") => (vec![skipped], None),
        Err(e) => {
            let d = to_diagnostic(&e, path, line_offset, &blanked);
            let mut out = vec![skipped, super::locate(d, &blanked, line_offset)];
            let (more, rest) = super::more_errors::<T>(&blanked, &e, path, line_offset);
            out.extend(more);
            (out, rest.map(|(value, _)| value))
        }
    }
}

/// Where the construct the parser was reading began: libyaml says
/// "… at line 10 column 1, while scanning a quoted scalar at line 4 column
/// 12", and the quote opened on line 4 is the one to leave out.
fn origin(message: &str) -> Option<usize> {
    message
        .split(" at line ")
        .skip(1)
        .filter_map(|rest| rest.split(' ').next()?.parse::<usize>().ok())
        .min()
}

fn unchecked(path: &Path, line: usize) -> Diagnostic {
    Diagnostic::warning(path, tr!("yaml-unchecked")).at(line, 1)
}

fn is_yaml(text: &str) -> bool {
    serde_yaml::from_str::<serde_yaml::Value>(text).is_ok()
}

/// The text with lines `start..end` (0-based) emptied: line numbers stay.
fn blank(lines: &[&str], start: usize, end: usize) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| if (start..end).contains(&i) { "" } else { *l })
        .collect::<Vec<_>>()
        .join("\n")
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#')
}

/// `key` of a top-level `key:` line.
fn top_level_key(line: &str) -> Option<String> {
    if indent(line) > 0 || !is_content(line) {
        return None;
    }
    line.split_once(':').map(|(k, _)| k.trim().to_string())
}

/// Line ranges to leave out, smallest first: the list item holding line
/// `at`, the top-level field holding it, then that field with the one
/// before (a parser often notices an unclosed quote or bracket a line late).
fn units(lines: &[&str], at: usize) -> Vec<(usize, usize)> {
    let at = at.min(lines.len().saturating_sub(1));
    let mut out = Vec::new();
    // The list item: the nearest `- ` line at or above, indented.
    let item = (0..=at).rev().find(|&i| {
        let t = lines[i].trim_start();
        is_content(lines[i]) && (t.starts_with("- ") || t == "-")
    });
    if let Some(i) = item.filter(|&i| indent(lines[i]) > 0) {
        let level = indent(lines[i]);
        let end = (i + 1..lines.len())
            .find(|&k| is_content(lines[k]) && indent(lines[k]) <= level)
            .unwrap_or(lines.len());
        out.push((i, end.max(at + 1)));
    }
    let top = (0..=at)
        .rev()
        .find(|&i| is_content(lines[i]) && indent(lines[i]) == 0);
    if let Some(t) = top {
        let end = (at + 1..lines.len())
            .find(|&k| is_content(lines[k]) && indent(lines[k]) == 0)
            .unwrap_or(lines.len());
        out.push((t, end));
        let before = (0..t)
            .rev()
            .find(|&i| is_content(lines[i]) && indent(lines[i]) == 0);
        if let Some(b) = before {
            out.push((b, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        name: String,
        region: String,
        #[serde(default)]
        projects: Vec<Proj>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Proj {
        title: String,
        #[serde(default)]
        year: Option<u32>,
    }

    fn errors(text: &str) -> Vec<String> {
        let mut d = Diagnostics::default();
        super::super::parse_recovering::<Rec>(text, Path::new("r.yaml"), 0, &mut d);
        d.in_order().into_iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_broken_project_is_left_out_and_the_rest_is_checked() {
        let text = "name: A\nregion: R1\nprojects:\n  - title: \"Un\n    year: 2020\n  - title: Deux\n    year: deux\n  - title: Trois\n    secteur: x\n";
        let found = errors(text);
        assert!(found[0].starts_with("r.yaml:"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|e| e.contains("lines 4–5") && e.contains("`projects`")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("r.yaml:7:") && e.contains("year")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("r.yaml:9:") && e.contains("secteur")),
            "{found:?}"
        );
    }

    #[test]
    fn a_broken_top_level_field_is_left_out() {
        let text = "name: A\nregion: [R1\nprojects:\n  - title: Un\n    year: x\n";
        let found = errors(text);
        assert!(found.iter().any(|e| e.contains("`region`")), "{found:?}");
        assert!(
            !found.iter().any(|e| e.contains("missing field")),
            "a field left out is not reported missing: {found:?}"
        );
    }

    #[test]
    fn when_nothing_can_be_left_out_it_says_so() {
        let found = errors("name: \"A\n");
        assert!(
            found.iter().any(|e| e.contains("could not be checked")),
            "{found:?}"
        );
    }
}
