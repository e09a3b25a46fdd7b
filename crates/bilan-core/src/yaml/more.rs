//! The errors after a file's first data error: serde stops at one, so
//! the line at fault is left out and the text read again, and the items
//! after a list item left out are still named as the file counts them.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::block_key;
use super::messages::to_diagnostic;
use crate::diag::Diagnostic;

/// How many more errors one file may report after its first.
const MORE_ERRORS: usize = 50;

/// The errors after the first: serde stops at one, so the offending
/// `key: value` line is blanked and the text parsed again, as long as each
/// new error is on a plain `key: value` line further on and the text is
/// still YAML (a data error: wrong type, format, unknown field). A missing
/// field (perhaps the blanked one) or a syntax error ends the search, so
/// nothing is reported that the editor did not write. When the search ends
/// because the text now reads as a `T`, that value comes back too, with
/// whether a list item was left out.
pub(super) fn more_errors<T: DeserializeOwned>(
    text: &str,
    first: &serde_yaml::Error,
    path: &Path,
    line_offset: usize,
) -> (Vec<Diagnostic>, Option<(T, bool)>) {
    // A data error leaves the rest of the file readable: the text is YAML.
    let is_yaml = |t: &str| serde_yaml::from_str::<serde_yaml::Value>(t).is_ok();
    let mut out = Vec::new();
    if !is_yaml(text) {
        return (out, None);
    }
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let mut at = first.location().map(|l| l.line());
    // The lists whose one-line items were left out: serde counts the
    // items after them from a smaller index, which messages put right.
    let mut removed: Vec<String> = Vec::new();
    let mut items_left_out = false;
    let mut message = first.to_string();
    while let Some(line) = at {
        let plain = lines.get(line - 1).is_some_and(|l| {
            let t = l.trim_start();
            block_key(t).is_some() && !t.starts_with("- ") && !opens_block(t) || one_line_item(t)
        });
        if !plain || out.len() >= MORE_ERRORS {
            break;
        }
        if one_line_item(lines[line - 1].trim_start()) {
            items_left_out = true;
            removed.extend(item_list(&message, &lines[line - 1]));
        }
        lines[line - 1].clear();
        let blanked = lines.join("\n");
        let err = match serde_yaml::from_str::<T>(&blanked) {
            Ok(value) => return (out, Some((value, items_left_out))),
            Err(e) => e,
        };
        let next = err.location().map(|l| l.line());
        message = err.to_string();
        if next.is_none_or(|n| n <= line) || message.contains("missing field") || !is_yaml(&blanked)
        {
            break;
        }
        let mut d = to_diagnostic(&err, path, line_offset, &blanked);
        d.message = renumbered(&d.message, &removed);
        out.push(d);
        at = next;
    }
    (out, None)
}

/// The list (`projects`) that holds the one-line item `line`, from the
/// path serde gives in `message` (`projects[1].year: …`): the outermost
/// index after which the rest of the path lies inside the item as written
/// (`metrics[1].charts[1]` is in list `metrics`, not `charts`).
fn item_list(message: &str, line: &str) -> Option<String> {
    let at = message.split_once(": ")?.0;
    let item = line.trim_start().strip_prefix("- ")?;
    let item: serde_yaml::Value = serde_yaml::from_str(item).ok()?;
    at.match_indices('[').find_map(|(open, _)| {
        let close = open + at[open..].find(']')?;
        inside(&item, &at[close + 1..]).then(|| at[..open].to_string())
    })
}

/// True when the path `rest` (`.charts[1]`, or empty) leads somewhere in
/// `value`.
fn inside(value: &serde_yaml::Value, rest: &str) -> bool {
    let (mut value, mut rest) = (value, rest);
    while !rest.is_empty() {
        let next = if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value.get(&r[..end]).map(|v| (v, &r[end..]))
        } else if let Some(r) = rest.strip_prefix('[') {
            r.split_once(']').and_then(|(n, after)| {
                let v = n.parse::<usize>().ok().and_then(|n| value.get(n))?;
                Some((v, after))
            })
        } else {
            None
        };
        match next {
            Some((v, r)) => (value, rest) = (v, r),
            None => return false,
        }
    }
    true
}

/// `message` with the index of an item in one of the `removed` lists
/// counted as in the file: one more for each item of that list left out
/// (all of them stood before it).
fn renumbered(message: &str, removed: &[String]) -> String {
    for list in removed {
        let Some(rest) = message
            .strip_prefix(list.as_str())
            .and_then(|r| r.strip_prefix('['))
        else {
            continue;
        };
        let Some((index, after)) = rest.split_once(']') else {
            continue;
        };
        let Ok(index) = index.parse::<usize>() else {
            continue;
        };
        let before = removed.iter().filter(|l| *l == list).count();
        return format!("{list}[{}]{after}", index + before);
    }
    message.to_string()
}

/// A list item written whole on its line, `- { key: a, unit: eur }` or
/// `- [a, b]`: leaving the line out leaves the list one item shorter and
/// nothing behind, whereas the first line of a block item (`- title: …`)
/// would leave its other keys to the item before.
fn one_line_item(line: &str) -> bool {
    let Some(item) = line.strip_prefix("- ") else {
        return false;
    };
    let item = item.trim_end();
    // A comment may follow the closing bracket.
    let item = match item.rfind(" #") {
        Some(i) if item[..i].trim_end().ends_with(['}', ']']) => item[..i].trim_end(),
        _ => item,
    };
    item.starts_with('{') && item.ends_with('}') || item.starts_with('[') && item.ends_with(']')
}

/// A `key:` line whose value follows on the next lines (a nested mapping,
/// a list or a block scalar): leaving it out would leave its lines behind.
fn opens_block(line: &str) -> bool {
    let value = line.split_once(':').map_or("", |(_, v)| v.trim());
    value.is_empty() || value.starts_with('|') || value.starts_with('>')
}
