//! What a cell means: French numbers, dates, text; and which column holds
//! which project field.

use chrono::{Datelike, NaiveDate};

use super::table::Value;
use crate::diag::Problem;
use crate::metrics::Metrics;
use crate::tr;

/// A project field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Field {
    /// The territory: a record's `code` or slug.
    Territory,
    /// Project title.
    Title,
    /// Company.
    Company,
    /// Sector.
    Sector,
    /// Year (a year, or a date whose year is taken).
    Year,
    /// Metric `i` of the table.
    Metric(usize),
}

/// The fixed fields and the names a column header may give them (besides
/// their key), folded by [`fold`].
const FIXED: [(Field, &str, &[&str]); 5] = [
    (
        Field::Territory,
        "territory",
        &[
            "territoire",
            "territory slug",
            "territory code",
            "code territoire",
            "code du territoire",
            "slug",
            // The headers of bilan's own XLSX export.
            "fiche du territoire",
            "territory record",
        ],
    ),
    (
        Field::Title,
        "title",
        &[
            "titre",
            "intitule",
            "intitule du projet",
            "projet",
            "project",
            "nom du projet",
            "project title",
        ],
    ),
    (
        Field::Company,
        "company",
        &["entreprise", "societe", "porteur", "porteur du projet"],
    ),
    (
        Field::Sector,
        "sector",
        &["secteur", "secteur d activite", "filiere"],
    ),
    (
        Field::Year,
        "year",
        &["annee", "date", "date de decision", "annee de decision"],
    ),
];

/// A header folded for matching: accents dropped, lowercase, every run of
/// other characters one space. `Intitulé du projet` → `intitule du projet`.
pub(crate) fn fold(header: &str) -> String {
    crate::text::suggest_slug(header).replace('-', " ")
}

/// The field a header names by itself: a fixed field's key or one of its
/// names, or a metric's key, label, singular or title.
pub(crate) fn field_for(header: &str, metrics: &Metrics) -> Option<Field> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    for (field, key, names) in FIXED {
        if h == fold(key) || names.contains(&h.as_str()) {
            return Some(field);
        }
    }
    metrics.iter().find_map(|(i, m)| {
        [&m.key, &m.label, &m.singular, &m.title]
            .iter()
            .any(|name| fold(name) == h)
            .then_some(Field::Metric(i))
    })
}

/// The field named by a `--map` key (`title`, `territory`, a metric key).
pub(crate) fn field_by_key(key: &str, metrics: &Metrics) -> Option<Field> {
    FIXED
        .iter()
        .find(|(_, k, _)| *k == key)
        .map(|(f, _, _)| *f)
        .or_else(|| metrics.index(key).map(Field::Metric))
}

/// Every `--map` key, for suggestions.
pub(crate) fn keys(metrics: &Metrics) -> Vec<String> {
    FIXED
        .iter()
        .map(|(_, k, _)| k.to_string())
        .chain(metrics.keys())
        .collect()
}

/// A cell as text, as a reader would see it (`2021`, not `2021.0`).
pub(crate) fn text(v: &Value) -> Option<String> {
    match v {
        Value::Empty => None,
        Value::Text(s) => Some(unguarded(s.trim()).to_string()),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Value::Number(n) => Some(n.to_string()),
        Value::Date(serial) => excel_date(*serial).map(|d| d.to_string()),
        Value::DateIso(s) | Value::Error(s) | Value::Uncomputed(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
    }
}

/// Text without the `'` that bilan's CSV exports (and OWASP's advice) put
/// before text a spreadsheet would run as a formula: re-importing the
/// site's own CSV changes nothing.
fn unguarded(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// A whole number of 0 or more; `None` for an empty cell. French writing
/// is read: `8 091 000`, `27 250 €`, `1 234,0`, with ordinary, no-break or
/// narrow spaces.
pub(crate) fn whole(v: &Value) -> Result<Option<u64>, Problem> {
    let number = match v {
        Value::Empty => return Ok(None),
        Value::Number(n) => *n,
        Value::Text(s) => match french_number(s) {
            Some(n) => n,
            None => return Err(Problem(tr!("cell-not-whole", value = quoted(s)))),
        },
        other => {
            let shown = text(other).unwrap_or_default();
            return Err(Problem(tr!("cell-not-whole", value = quoted(&shown))));
        }
    };
    if number.fract() != 0.0 {
        return Err(Problem(tr!(
            "cell-fraction",
            value = quoted(&text(v).unwrap_or_default())
        )));
    }
    if number < 0.0 || number > u64::MAX as f64 {
        return Err(Problem(tr!(
            "cell-negative",
            value = quoted(&text(v).unwrap_or_default())
        )));
    }
    Ok(Some(number as u64))
}

/// What to write instead of a text cell that is not a figure, when that
/// can be told: nothing for "not reported", the figure in full for
/// `2,5 M€`, and why a share or brackets are no figure.
pub(crate) fn whole_hint(v: &Value) -> Option<String> {
    let Value::Text(s) = v else {
        return None;
    };
    let s = s.trim();
    let folded = crate::text::fold(s);
    if ["", "nc", "na", "nd", "n a", "n c", "n d", "sans objet"].contains(&folded.as_str()) {
        return Some(tr!("cell-hint-empty"));
    }
    if s.ends_with('%') {
        return Some(tr!("cell-hint-share"));
    }
    if s.starts_with('(') && s.ends_with(')') {
        return Some(tr!("cell-hint-brackets"));
    }
    let (int, dec, zeros) = scaled(s)?;
    match zeros.checked_sub(dec.len()) {
        Some(left) => {
            let full = format!("{int}{dec}{}", "0".repeat(left));
            let full = full.trim_start_matches('0');
            let full = if full.is_empty() { "0" } else { full };
            Some(tr!("cell-hint-in-full", figure = full))
        }
        None => Some(tr!("cell-hint-in-full-whole")),
    }
}

/// An amount with a scale word (`2,5 M€`, `1 200 k€`, `3 millions d'euros`):
/// its whole digits, its decimals and the zeros its scale adds.
fn scaled(s: &str) -> Option<(String, String, usize)> {
    let t: String = s
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let t = ["€", "d'euros", "d’euros", "euros", "euro", "eur"]
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(&t);
    const SCALES: [(&str, usize); 10] = [
        ("milliards", 9),
        ("milliard", 9),
        ("mds", 9),
        ("md", 9),
        ("bn", 9),
        ("millions", 6),
        ("million", 6),
        ("mille", 3),
        ("m", 6),
        ("k", 3),
    ];
    let (number, zeros) = SCALES
        .iter()
        .find_map(|(word, zeros)| Some((t.strip_suffix(word)?, *zeros)))?;
    let (int, dec) = number.split_once([',', '.']).unwrap_or((number, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (!int.is_empty() && digits(int) && digits(dec))
        .then(|| (int.to_string(), dec.to_string(), zeros))
}

/// `8 091 000`, `27 250 €`, `1 234,5`, `1234.5`, `5 400 000 000 EUR` → a number.
fn french_number(s: &str) -> Option<f64> {
    let mut t: String = s
        .trim()
        .trim_end_matches(['€', ' ', '\u{a0}', '\u{202f}'])
        .to_string();
    for unit in ["EUR", "eur", "euros"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.to_string();
        }
    }
    let compact: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if compact.is_empty() {
        return None;
    }
    // A comma is the decimal mark in French; a dot with three digits after it
    // is a thousands separator (`8.091.000`).
    let normalised = if compact.contains(',') {
        compact.replace('.', "").replace(',', ".")
    } else if compact.matches('.').count() > 1
        || compact.split_once('.').is_some_and(|(_, d)| d.len() == 3)
    {
        compact.replace('.', "")
    } else {
        compact
    };
    if !normalised
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    normalised.parse().ok()
}

/// A year: `2021`, an Excel date, `11/10/2021`, `2021-10-11`.
pub(crate) fn year(v: &Value) -> Result<Option<i32>, Problem> {
    let bad = |shown: &str| Problem(tr!("cell-not-year", value = quoted(shown)));
    let in_range = |y: i32| (1900..=2100).contains(&y).then_some(Some(y));
    match v {
        Value::Empty => Ok(None),
        Value::Number(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(n) => {
            Ok(Some(*n as i32))
        }
        // Only a cell typed as a date is a serial day number: a plain
        // number such as 20211 is a typo, not 1955.
        Value::Date(n) => excel_date(*n)
            .and_then(|d| in_range(d.year()))
            .ok_or_else(|| bad(&text(v).unwrap_or_default())),
        Value::Text(s) | Value::DateIso(s) => {
            text_year(s.trim()).and_then(in_range).ok_or_else(|| bad(s))
        }
        other => Err(bad(&text(other).unwrap_or_default())),
    }
}

fn text_year(s: &str) -> Option<i32> {
    if let Ok(y) = s.parse::<i32>() {
        return (1900..=2100).contains(&y).then_some(y);
    }
    let date = s.get(..10).unwrap_or(s);
    ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(date, f).ok())
        .map(|d| d.year())
}

/// An Excel serial day number as a date (1900 system; serial 60, Excel's
/// phantom 29 February 1900, is not a date).
fn excel_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) || serial as i64 == 60 {
        return None;
    }
    let days = serial.floor() as i64 - if serial < 60.0 { 1 } else { 2 };
    NaiveDate::from_ymd_opt(1900, 1, 1)?.checked_add_signed(chrono::Duration::days(days))
}

/// A value quoted for a message, cut when long.
fn quoted(s: &str) -> String {
    format!("\"{}\"", crate::text::excerpt(s, 40))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Language;

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn french_numbers() {
        assert_eq!(whole(&t("8 091 000")), Ok(Some(8_091_000)));
        assert_eq!(whole(&t("27\u{202f}250 €")), Ok(Some(27_250)));
        assert_eq!(
            whole(&t("5\u{a0}400\u{a0}000\u{a0}000 EUR")),
            Ok(Some(5_400_000_000))
        );
        assert_eq!(whole(&t("1 234,0")), Ok(Some(1234)));
        assert_eq!(whole(&t("8.091.000")), Ok(Some(8_091_000)));
        assert_eq!(whole(&Value::Number(66.0)), Ok(Some(66)));
        assert_eq!(whole(&Value::Empty), Ok(None));
        assert_eq!(
            whole(&t("12 emplois")),
            Err(Problem("\"12 emplois\" is not a whole number".into()))
        );
        assert!(whole(&t("1 234,5"))
            .unwrap_err()
            .0
            .contains("not a whole number"));
        assert!(whole(&t("-3")).unwrap_err().0.contains("0 or more"));
        assert!(whole(&Value::Date(44480.0)).is_err(), "a date is no figure");
        assert_eq!(text(&t("'=HYPERLINK(x)")).as_deref(), Some("=HYPERLINK(x)"));
        assert_eq!(text(&t("'l'usine")).as_deref(), Some("'l'usine"));
    }

    /// Cells that are not figures get a hint when one can be told: how to
    /// say "not reported", the figure written in full, what a share or
    /// brackets are not.
    #[test]
    fn hints_for_cells_that_are_not_figures() {
        let hint = |s: &str| whole_hint(&t(s)).unwrap_or_default();
        for blank in ["-", "–", "n.c.", "NC", "n/a", "N.D.", "?", "/"] {
            assert!(hint(blank).starts_with("leave the cell empty"), "{blank}");
        }
        assert_eq!(hint("2,5 M€"), "write the figure in full: `2500000`");
        assert_eq!(hint("1,2 Md€"), "write the figure in full: `1200000000`");
        assert_eq!(hint("300 k€"), "write the figure in full: `300000`");
        assert_eq!(
            hint("3 millions d'euros"),
            "write the figure in full: `3000000`"
        );
        assert_eq!(
            hint("1,2345 k€"),
            "write the figure in full, as a whole number"
        );
        assert!(hint("12 %").contains("share"), "{}", hint("12 %"));
        assert!(hint("(1 200)").contains("brackets"));
        assert_eq!(whole_hint(&t("12 emplois")), None);
        assert_eq!(whole_hint(&t("Mk€")), None);
        assert_eq!(hint("1 200 M€"), "write the figure in full: `1200000000`");
        assert_eq!(hint("1.5bn"), "write the figure in full: `1500000000`");
    }

    #[test]
    fn years_and_dates() {
        assert_eq!(year(&Value::Number(2021.0)), Ok(Some(2021)));
        assert!(
            year(&Value::Number(20211.0)).is_err(),
            "a plain number is never a serial date"
        );
        assert!(year(&Value::Number(44480.0)).is_err());
        assert!(year(&t("20211")).is_err());
        assert!(year(&t("11/10/1820")).is_err());
        assert_eq!(year(&Value::Date(44480.0)), Ok(Some(2021)));
        assert_eq!(year(&t("11/10/2021")), Ok(Some(2021)));
        assert_eq!(year(&t("2021-10-11")), Ok(Some(2021)));
        assert_eq!(
            year(&Value::DateIso("2021-10-11T00:00:00".into())),
            Ok(Some(2021))
        );
        assert!(year(&t("bientôt")).is_err());
        assert_eq!(excel_date(1.0), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(excel_date(61.0), NaiveDate::from_ymd_opt(1900, 3, 1));
    }

    #[test]
    fn headers_map_by_key_label_or_name() {
        let m = Metrics::defaults(Language::Fr);
        assert_eq!(field_for("Intitulé du projet", &m), Some(Field::Title));
        assert_eq!(field_for("CODE TERRITOIRE", &m), Some(Field::Territory));
        assert_eq!(field_for("territory_slug", &m), Some(Field::Territory));
        assert_eq!(field_for("Emplois créés", &m), Some(Field::Metric(0)));
        assert_eq!(field_for("jobs_created", &m), Some(Field::Metric(0)));
        assert_eq!(field_for("Investissement", &m), Some(Field::Metric(1)));
        assert_eq!(field_for("Investissement (€)", &m), Some(Field::Metric(1)));
        assert_eq!(field_for("region_code", &m), None);
    }
}
