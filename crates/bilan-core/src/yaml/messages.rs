//! What a YAML error says: serde's message put in an editor's words (plain
//! types, dates with their format), with a hint where one exists (the
//! closest field, in English for a French name; a figure without spaces).

use std::path::Path;

use crate::diag::{closest, Diagnostic};
use crate::tr;

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
    let mut d = Diagnostic::error(path, worded(&message));
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
        Some(iso) => tr!("yaml-date-rewrite", date = iso),
        None => tr!("yaml-date-hint"),
    };
    Some(
        Diagnostic::error(path, tr!("yaml-date", field = field, value = value))
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

/// serde's own sentence (in English, plain types already put in) in the
/// run's language: the common forms are matched and worded from the
/// catalogue; a rare one keeps serde's words, marked as a YAML error.
fn worded(message: &str) -> String {
    // Reworded with their place by `locate`, which matches serde's words.
    if message.starts_with("control characters") || message.contains("more than one document") {
        return message.to_string();
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, after) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = after
            .trim_start_matches(", ")
            .trim_start_matches("expected ");
        let known: Vec<&str> = after.split('`').skip(1).step_by(2).collect();
        let known = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>();
        return tr!(
            "yaml-unknown-field",
            field = field,
            expected = expected,
            known = known.join(", ")
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return tr!("yaml-missing-field", field = field);
    }
    for (prefix, id) in [
        ("invalid type: ", "yaml-invalid-type"),
        ("invalid value: ", "yaml-invalid-value"),
    ] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|r| r.split_once(", expected "))
        {
            let found = found_words(found);
            let expected = expected_words(expected);
            return crate::l10n::text(
                id,
                &[("found", found.into()), ("expected", expected.into())],
            );
        }
    }
    if let Some((field, rest)) = message.split_once(": ") {
        if rest.starts_with("invalid type: ")
            || rest.starts_with("invalid value: ")
            || rest.starts_with("unknown field `")
            || rest.starts_with("missing field `")
        {
            return format!("{field}: {}", worded(rest));
        }
    }
    let syntax = [
        "while scanning",
        "while parsing",
        "did not find expected",
        "mapping values are not allowed",
        "found character",
        "found unexpected",
    ];
    if syntax.iter().any(|s| message.contains(s)) {
        return tr!("yaml-syntax", detail = message);
    }
    tr!("yaml-other", detail = message)
}

/// What serde found: `string "12 emplois"`, `integer `5``, `a sequence`…
fn found_words(found: &str) -> String {
    let kinds = [
        ("string ", "yaml-found-string"),
        ("integer ", "yaml-found-integer"),
        ("floating point ", "yaml-found-float"),
        ("boolean ", "yaml-found-boolean"),
    ];
    for (prefix, id) in kinds {
        if let Some(value) = found.strip_prefix(prefix) {
            return crate::l10n::text(id, &[("value", value.into())]);
        }
    }
    match found {
        "sequence" => tr!("yaml-found-sequence"),
        "map" => tr!("yaml-found-map"),
        "unit value" => tr!("yaml-found-nothing"),
        other => other.to_string(),
    }
}

/// What was expected, as [`plain_types`] words it.
fn expected_words(expected: &str) -> String {
    let known = [
        ("a whole number of 0 or more", "yaml-expected-count"),
        ("a whole number", "yaml-expected-whole"),
        ("`true` or `false`", "yaml-expected-boolean"),
        ("text", "yaml-expected-text"),
        ("a string", "yaml-expected-text"),
        ("a list, such as `[\"a\", \"b\"]`", "yaml-expected-list"),
        ("a mapping of `field: value` lines", "yaml-expected-mapping"),
    ];
    known
        .iter()
        .find(|(words, _)| *words == expected)
        .map_or_else(
            || expected.to_string(),
            |(_, id)| crate::l10n::text(id, &[]),
        )
}

fn other_hint(message: &str) -> Option<String> {
    if message.contains("expected a whole number") {
        let quoted = message.split('"').nth(1).unwrap_or_default();
        let digits: String = quoted
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€'))
            .collect();
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && digits != quoted {
            return Some(tr!("yaml-figure-hint", digits = digits));
        }
    }
    if let Some(field) = message
        .split("missing field `")
        .nth(1)
        .and_then(|r| r.split('`').next())
    {
        return Some(tr!("yaml-missing-field-hint", field = field));
    }
    if message.starts_with("invalid type: sequence, expected a mapping") {
        return Some(tr!("yaml-list-not-record-hint"));
    }
    if message.contains("did not find expected")
        || message.contains("while scanning")
        || message.contains("while parsing")
    {
        return Some(tr!("yaml-syntax-hint"));
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
        return Some(tr!("yaml-no-fields-here"));
    }
    if let Some(field) = french_name(unknown) {
        if known.contains(&field) {
            return Some(tr!("yaml-french-field", field = field));
        }
        if known.contains(&"projects") {
            return Some(tr!("yaml-project-field", unknown = unknown, field = field));
        }
    }
    Some(match closest(unknown, known.iter().copied()) {
        Some(best) => tr!("did-you-mean", name = best),
        None => tr!("yaml-known-fields", known = known.join(", ")),
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
