//! What a YAML error says: serde's message put in an editor's words (plain
//! types, dates with their format), with a hint where one exists (the
//! closest field, in English for a French name; a figure without spaces).

use std::path::Path;

use crate::diag::{closest, Diagnostic};

pub(super) fn to_diagnostic(
    err: &serde_yaml::Error,
    path: &Path,
    line_offset: usize,
    text: &str,
) -> Diagnostic {
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; we print the location ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    let message = plain_types(&message);
    if let Some(d) = date_error(&message, err, path, line_offset, text) {
        return d;
    }
    let mut d = Diagnostic::error(path, message.clone());
    if let Some(loc) = err.location() {
        d = d.at(loc.line() + line_offset, loc.column());
    }
    let hint = unknown_field_hint(&message).or_else(|| other_hint(&message));
    if let Some(hint) = hint {
        d = d.hint(hint);
    }
    d
}

/// The date parser's own words ("input contains invalid characters") say
/// what is wrong, not what to write.
const DATE_ERRORS: [&str; 6] = [
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is out of range",
    "input is not enough for unique date and time",
    "no possible date and time matching input",
];

/// A date that did not read: the format expected, with an example, and the
/// value rewritten when it is a French `dd/mm/yyyy` date.
fn date_error(
    message: &str,
    err: &serde_yaml::Error,
    path: &Path,
    line_offset: usize,
    text: &str,
) -> Option<Diagnostic> {
    let (field, why) = message.rsplit_once(": ")?;
    if !DATE_ERRORS.contains(&why) {
        return None;
    }
    let loc = err.location()?;
    let line = text.lines().nth(loc.line() - 1).unwrap_or_default();
    let value = line
        .split_once(':')
        .map_or("", |(_, v)| v.trim())
        .trim_matches(|c| c == '"' || c == '\'');
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let rewritten = match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            Some(format!("{y}-{m:0>2}-{d:0>2}"))
        }
        _ => None,
    };
    let hint = match rewritten {
        Some(iso) => format!("write `{iso}`: dates are written YYYY-MM-DD (AAAA-MM-JJ)"),
        None => "write the date as YYYY-MM-DD (AAAA-MM-JJ), for example `2021-10-11`".into(),
    };
    Some(
        Diagnostic::error(
            path,
            format!("{field}: `{value}` is not a date written YYYY-MM-DD, such as 2021-10-11"),
        )
        .at(loc.line() + line_offset, loc.column())
        .hint(hint),
    )
}

/// serde names Rust types; editors think in numbers, text and lists.
fn plain_types(message: &str) -> String {
    let mut m = message.to_string();
    for (rust, plain) in [
        ("expected u64", "expected a whole number of 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected a boolean", "expected `true` or `false`"),
        ("expected a borrowed string", "expected text"),
        (
            "expected a sequence",
            "expected a list, such as `[\"a\", \"b\"]`",
        ),
    ] {
        m = m.replace(rust, plain);
    }
    if let Some(i) = m.find("expected struct ") {
        m.truncate(i);
        m.push_str("expected a mapping of `field: value` lines");
    }
    m
}

fn other_hint(message: &str) -> Option<String> {
    if message.contains("expected a whole number") {
        let quoted = message.split('"').nth(1).unwrap_or_default();
        let digits: String = quoted
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€'))
            .collect();
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && digits != quoted {
            return Some(format!(
                "write `{digits}`: figures are written without spaces or units"
            ));
        }
    }
    if let Some(field) = message
        .split("missing field `")
        .nth(1)
        .and_then(|r| r.split('`').next())
    {
        return Some(format!("add the required field `{field}:`"));
    }
    if message.starts_with("invalid type: sequence, expected a mapping") {
        return Some("a record is a list of `field: value` lines; remove the leading `- `".into());
    }
    if message.contains("did not find expected")
        || message.contains("while scanning")
        || message.contains("while parsing")
    {
        return Some(
            "check the quotes, colons and indentation on this line and the one before".into(),
        );
    }
    None
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
    if let Some(field) = french_name(unknown) {
        if known.contains(&field) {
            return Some(format!(
                "did you mean `{field}`? Fields are written in English"
            ));
        }
        if known.contains(&"projects") {
            return Some(format!(
                "`{unknown}` is `{field}`, a project's field: write it in a project, under `projects:`"
            ));
        }
    }
    Some(match closest(unknown, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("known fields are {}", known.join(", ")),
    })
}

/// French names an editor may write for the record's fields, folded
/// (lower case, no accents, `_` for spaces), with the field each means.
const FRENCH_NAMES: [(&str, &str); 27] = [
    ("nom", "name"),
    ("region", "region"),
    ("departements", "departments"),
    ("departement", "departments"),
    ("intercommunalites", "intercommunalities"),
    ("epci", "intercommunalities"),
    ("labellise_le", "labelled_on"),
    ("date_de_labellisation", "labelled_on"),
    ("labellisation", "labelled_on"),
    ("projets", "projects"),
    ("projet", "projects"),
    ("actions", "actions"),
    ("pilotes", "leads"),
    ("binome", "leads"),
    ("titre", "title"),
    ("intitule", "title"),
    ("intitule_du_projet", "title"),
    ("entreprise", "company"),
    ("societe", "company"),
    ("secteur", "sector"),
    ("annee", "year"),
    ("emplois", "jobs_created"),
    ("emplois_crees", "jobs_created"),
    ("investissement", "investment_eur"),
    ("investissements", "investment_eur"),
    ("aide", "aid_eur"),
    ("aide_publique", "aid_eur"),
];

/// The field `unknown` names in French, if it names one.
fn french_name(unknown: &str) -> Option<&'static str> {
    let folded: String = crate::text::fold(unknown)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    FRENCH_NAMES
        .iter()
        .find(|(fr, _)| *fr == folded)
        .map(|(_, field)| *field)
}
