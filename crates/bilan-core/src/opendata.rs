//! Open data exports: one row per territory and one row per project, as CSV
//! and JSON with the same stable column names. The columns are the record
//! fields followed by one column per metric of the table, so any sum over
//! them equals the figure shown on the pages.

use std::fmt::Write as _;

use crate::aggregate::Aggregates;
use crate::text::Language;
use std::borrow::Cow;

use crate::content::Content;
use crate::metrics::{Metric, Unit};

/// One cell of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text (empty text stays an empty string in JSON), borrowed from the
    /// content where it can be: the projects export of a large programme
    /// would otherwise copy every title and name once more.
    Text(Cow<'a, str>),
    /// A whole number; `None` is "not reported": empty in CSV, `null` in JSON.
    Int(Option<i64>),
    /// A flag.
    Bool(bool),
    /// A list: an array in JSON, its items joined by the separator in CSV
    /// and XLSX (`07;26`).
    List(Vec<Cow<'a, str>>, &'static str),
}

impl Cell<'_> {
    /// A list's items joined by its separator.
    fn joined(items: &[Cow<'_, str>], sep: &str) -> String {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join(sep)
    }
}

/// A documented column: its name and what it means in each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header, stable from one publication to the next (CSV, JSON).
    pub name: String,
    /// The header of the XLSX sheet, in the site's language; its second
    /// sheet maps each label to its `name`. Import reads either.
    pub label: String,
    /// Meaning, French.
    pub fr: String,
    /// Meaning, English.
    pub en: String,
    /// True for amounts in euros: XLSX shows them as `5 400 000 000 €`.
    pub euros: bool,
}

/// The XLSX header of each fixed column, French and English. No header is
/// `Territoire` alone, which the importer takes for a record's key.
const LABELS: [(&str, &str, &str); 16] = [
    ("slug", "Fiche", "Record"),
    ("code", "Code", "Code"),
    ("name", "Nom du territoire", "Territory name"),
    ("region_code", "Code de la région", "Region code"),
    ("region_name", "Région", "Region"),
    ("departments", "Départements", "Départements"),
    (
        "intercommunalities",
        "Intercommunalités",
        "Intercommunalities",
    ),
    ("communes", "Communes", "Communes"),
    ("projects", "Projets", "Projects"),
    ("territory_slug", "Fiche du territoire", "Territory record"),
    ("territory_name", "Nom du territoire", "Territory name"),
    ("title", "Intitulé du projet", "Project title"),
    ("company", "Entreprise", "Company"),
    ("sector", "Secteur", "Sector"),
    ("year", "Année", "Year"),
    (
        "illustrative",
        "Chiffres illustratifs",
        "Illustrative figures",
    ),
];

impl Column {
    fn new(name: &str, fr: &str, en: &str) -> Column {
        Column {
            name: name.into(),
            label: name.into(),
            fr: fr.into(),
            en: en.into(),
            euros: false,
        }
    }

    /// The column with its XLSX header in `lang`.
    fn labelled(mut self, lang: Language) -> Column {
        if let Some((_, fr, en)) = LABELS.iter().find(|(n, ..)| *n == self.name) {
            self.label = match lang {
                Language::Fr => fr.to_string(),
                Language::En => en.to_string(),
            };
        }
        self
    }

    /// The meaning in `lang`.
    pub fn meaning(&self, lang: Language) -> &str {
        match lang {
            Language::Fr => &self.fr,
            Language::En => &self.en,
        }
    }
}

/// One export: a file stem under `donnees/`, its columns and rows.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    /// `territoires` or `projets`.
    pub name: &'static str,
    /// Columns, in order.
    pub columns: Vec<Column>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Cell<'a>>>,
    /// The site's language, of the XLSX headers.
    pub lang: Language,
}

fn metric_column(m: &Metric, summed: bool) -> Column {
    let (fr_unit, en_unit) = match m.unit {
        Unit::Eur => (", en euros", ", in euros"),
        Unit::Count => ("", ""),
    };
    let (fr_sum, en_sum) = if summed {
        (" (somme des projets)", " (sum over projects)")
    } else {
        ("", "")
    };
    Column {
        name: m.key.clone(),
        label: m.title.clone(),
        fr: format!(
            "{}{fr_unit}{fr_sum}\u{202f}; vide si non renseigné",
            m.title
        ),
        en: format!("{}{en_unit}{en_sum}; empty when not reported", m.title),
        euros: m.unit == Unit::Eur,
    }
}

/// The territory export's columns.
pub fn territory_columns(content: &Content) -> Vec<Column> {
    let c = vec![
        Column::new(
            "slug",
            "identifiant de la fiche (nom du fichier)",
            "record identifier (file name)",
        ),
        Column::new(
            "code",
            "identifiant externe du territoire",
            "external identifier of the territory",
        ),
        Column::new("name", "nom du territoire", "territory name"),
        Column::new("region_code", "code de la région", "region code"),
        Column::new("region_name", "nom de la région", "region name"),
        Column::new(
            "departments",
            "codes des départements, séparés par « ; » (une liste en JSON)",
            "département codes, separated by \";\" (a list in JSON)",
        ),
        Column::new(
            "intercommunalities",
            "intercommunalités membres, séparées par « | » (une liste en JSON)",
            "member intercommunalities, separated by \"|\" (a list in JSON)",
        ),
        Column::new(
            "communes",
            "communes membres hors intercommunalité, séparées par « | » (une liste en JSON)",
            "member communes outside any intercommunality, separated by \"|\" (a list in JSON)",
        ),
        Column::new(
            "projects",
            "nombre de projets soutenus",
            "number of projects supported",
        ),
    ];
    let lang = content.site.language;
    let mut c: Vec<Column> = c.into_iter().map(|c| c.labelled(lang)).collect();
    c.extend(content.metrics.0.iter().map(|m| metric_column(m, true)));
    c
}

/// The project export's columns.
pub fn project_columns(content: &Content) -> Vec<Column> {
    let mut c = vec![
        Column::new(
            "territory_slug",
            "identifiant de la fiche du territoire",
            "territory record identifier",
        ),
        Column::new("territory_name", "nom du territoire", "territory name"),
        Column::new("region_code", "code de la région", "region code"),
        Column::new("title", "intitulé du projet", "project title"),
        Column::new("company", "entreprise", "company"),
        Column::new("sector", "secteur", "sector"),
        Column::new("year", "année", "year"),
    ];
    c.extend(content.metrics.0.iter().map(|m| metric_column(m, false)));
    c.push(Column::new(
        "illustrative",
        "true si les chiffres du projet sont illustratifs",
        "true when the project's figures are illustrative",
    ));
    let lang = content.site.language;
    c.into_iter().map(|c| c.labelled(lang)).collect()
}

fn int(v: Option<u64>) -> Cell<'static> {
    // Totals are checked to fit in u64 by validation; exports carry i64 so
    // JSON readers that stop at 2^63 are never handed more.
    Cell::Int(v.map(|v| i64::try_from(v).unwrap_or(i64::MAX)))
}

/// Both exports: territories, then projects.
pub fn tables<'a>(content: &'a Content, agg: &Aggregates) -> [Table<'a>; 2] {
    let site = &content.site;
    let mut territories = Vec::new();
    let mut projects = Vec::new();
    let text = |s: &'a str| Cell::Text(Cow::Borrowed(s));
    let list = |items: &'a [String], sep| {
        Cell::List(
            items.iter().map(|s| Cow::Borrowed(s.as_str())).collect(),
            sep,
        )
    };
    for t in &content.territories {
        let r = &t.record;
        let totals = agg.territory(&t.slug);
        let region_name = site.region(&r.region).map_or("", |x| x.name.as_str());
        let mut row = vec![
            text(&t.slug),
            text(r.code.as_deref().unwrap_or_default()),
            text(&r.name),
            text(&r.region),
            text(region_name),
            list(&r.departments, ";"),
            list(&r.intercommunalities, " | "),
            list(&r.communes, " | "),
            int(Some(totals.projects)),
        ];
        row.extend(
            content
                .metrics
                .iter()
                .map(|(i, _)| int(shown_total(totals.projects, totals.sum(i).value()))),
        );
        territories.push(row);
        for p in &r.projects {
            let mut row = vec![
                text(&t.slug),
                text(&r.name),
                text(&r.region),
                text(&p.title),
                text(p.company.as_deref().unwrap_or_default()),
                text(p.sector.as_deref().unwrap_or_default()),
                Cell::Int(p.year.map(i64::from)),
            ];
            row.extend(content.metrics.iter().map(|(i, _)| int(p.value(i))));
            row.push(Cell::Bool(site.programme.illustrative_projects));
            projects.push(row);
        }
    }
    [
        Table {
            name: crate::routes::EXPORTS[0],
            columns: territory_columns(content),
            rows: territories,
            lang: site.language,
        },
        Table {
            name: crate::routes::EXPORTS[1],
            columns: project_columns(content),
            rows: projects,
            lang: site.language,
        },
    ]
}

/// A territory with no project has nothing to report, which is 0; one whose
/// projects all left a metric out has it "not reported".
pub fn shown_total(projects: u64, value: Option<u64>) -> Option<u64> {
    if projects == 0 {
        Some(0)
    } else {
        value
    }
}

/// Text a spreadsheet would run as a formula gets a leading `'`, as OWASP
/// recommends against CSV injection: a company named `=HYPERLINK(…)`
/// stays text when the file is opened. JSON keeps the exact text.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `table` in `format`.
pub fn encode(table: &Table, format: crate::routes::ExportFormat) -> anyhow::Result<Vec<u8>> {
    use crate::routes::ExportFormat as F;
    Ok(match format {
        F::Csv => csv(table)?,
        F::Json => json(table)?,
        F::Xlsx => xlsx(table, table.lang)?,
    })
}

/// CSV with a header row, UTF-8, comma-separated, RFC 4180 quoting; text
/// cells are [neutralised](neutralise).
pub fn csv(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::with_capacity(values_len(table)));
    w.write_record(table.columns.iter().map(|c| c.name.as_str()))?;
    for row in &table.rows {
        w.write_record(row.iter().map(|c| match c {
            Cell::Text(s) => neutralise(s).into_owned(),
            Cell::Int(Some(n)) => n.to_string(),
            Cell::Int(None) => String::new(),
            Cell::Bool(b) => b.to_string(),
            Cell::List(items, sep) => neutralise(&Cell::joined(items, sep)).into_owned(),
        }))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// About how many bytes the table's values take as text, with a separator
/// each: what the CSV and JSON encoders reserve.
fn values_len(table: &Table) -> usize {
    let cell = |c: &Cell| match c {
        Cell::Text(s) => s.len() + 3,
        Cell::Int(_) => 12,
        Cell::Bool(_) => 6,
        Cell::List(items, _) => items.iter().map(|s| s.len() + 3).sum::<usize>() + 2,
    };
    table
        .rows
        .iter()
        .map(|r| r.iter().map(cell).sum::<usize>() + 2)
        .sum()
}

/// XLSX for spreadsheet users: numbers as numbers, a bold header row that
/// stays in view, columns as wide as their content. Text is written as text,
/// never as a formula, so it needs no neutralising. The document date is
/// fixed, so the same data gives the same bytes.
pub fn xlsx(table: &Table, lang: Language) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    // At 150,000 rows, level 3 takes 0.5 s for 8.3 MB where the default
    // takes 0.8 s for 7.2 MB.
    book.set_zip_compression_level(3);
    // Rows go to a temporary file as they are written, so a large export
    // does not hold every cell in memory.
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name(table.name)?;
    // Widths and the frozen header first: rows are flushed as they come.
    let mut widths: Vec<usize> = table
        .columns
        .iter()
        .map(|c| c.label.chars().count())
        .collect();
    for row in &table.rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            let len = match cell {
                Cell::Text(s) => s.chars().count(),
                Cell::Int(Some(n)) => n.to_string().len(),
                Cell::Bool(_) => 5,
                Cell::Int(None) => 0,
                Cell::List(items, sep) => Cell::joined(items, sep).chars().count(),
            };
            *w = (*w).max(len);
        }
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let bold = Format::new().set_bold();
    // Numbers with thousands separators, and euros with their sign; the
    // spreadsheet shows them in its own locale, the cells stay numbers.
    let whole = Format::new().set_num_format("#,##0");
    let euros = Format::new().set_num_format("#,##0\\ \"€\"");
    let plain = Format::new();
    for (col, c) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, &c.label, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Text(s) if !s.is_empty() => {
                    sheet.write_string(r, c, xlsx_text(s).as_ref())?;
                }
                Cell::Int(Some(n)) => {
                    let format = match table.columns.get(col) {
                        Some(column) if column.euros => &euros,
                        // A year reads 2021, never 2,021.
                        Some(column) if column.name == "year" => &plain,
                        _ => &whole,
                    };
                    sheet.write_number_with_format(r, c, *n as f64, format)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b)?;
                }
                Cell::List(items, sep) if !items.is_empty() => {
                    let text = Cell::joined(items, sep);
                    sheet.write_string(r, c, xlsx_text(&text).as_ref())?;
                }
                Cell::Text(_) | Cell::Int(None) | Cell::List(..) => {}
            }
        }
    }
    columns_sheet(&mut book, table, lang)?;
    book.save_to_buffer()
}

/// The second sheet: each header of the first, the key that CSV and JSON
/// use for it, and what it means.
fn columns_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    table: &Table,
    lang: Language,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let (name, head) = match lang {
        Language::Fr => ("colonnes", ["Colonne", "Clé (CSV, JSON)", "Signification"]),
        Language::En => ("columns", ["Column", "Key (CSV, JSON)", "Meaning"]),
    };
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (col, h) in head.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *h, &bold)?;
    }
    for (r, c) in table.columns.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, &c.label)?;
        sheet.write_string(r, 1, &c.name)?;
        sheet.write_string(r, 2, c.meaning(lang))?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 80)?;
    Ok(())
}

/// The most characters a spreadsheet cell holds.
pub const XLSX_CELL_MAX: usize = 32_767;

/// Text cut to what a cell holds, with `…` (validation warns about it; CSV
/// and JSON keep the whole text).
fn xlsx_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= XLSX_CELL_MAX {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut cut: String = s.chars().take(XLSX_CELL_MAX - 1).collect();
    cut.push('…');
    std::borrow::Cow::Owned(cut)
}

/// JSON: an array of objects (keys in column order), one per line.
pub fn json(table: &Table) -> Result<Vec<u8>, serde_json::Error> {
    let keys: Vec<String> = table
        .columns
        .iter()
        .map(|c| serde_json::to_string(&c.name))
        .collect::<Result<_, _>>()?;
    // Sized up front: grown by doubling, a large export briefly took three
    // times its size in memory.
    let keys_len: usize = keys.iter().map(|k| k.len() + 2).sum();
    let mut out = String::with_capacity(values_len(table) + table.rows.len() * (keys_len + 4));
    out.push_str("[\n");
    for (i, row) in table.rows.iter().enumerate() {
        out.push('{');
        for (j, (key, cell)) in keys.iter().zip(row).enumerate() {
            if j > 0 {
                out.push(',');
            }
            let value = match cell {
                Cell::Text(s) => serde_json::to_string(s)?,
                Cell::Int(Some(n)) => n.to_string(),
                Cell::Int(None) => "null".into(),
                Cell::Bool(b) => b.to_string(),
                Cell::List(items, _) => serde_json::to_string(items)?,
            };
            let _ = write!(out, "{key}:{value}");
        }
        out.push_str(if i + 1 < table.rows.len() {
            "},\n"
        } else {
            "}\n"
        });
    }
    out.push_str("]\n");
    Ok(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_keeps_header() {
        let table = Table {
            name: "t",
            columns: vec![Column::new("a", "", ""), Column::new("b", "", "")],
            rows: vec![
                vec![Cell::Text("x, \"y\"".into()), Cell::Int(None)],
                vec![Cell::Text("z".into()), Cell::Int(Some(2))],
            ],
            lang: Language::Fr,
        };
        assert_eq!(
            String::from_utf8(csv(&table).unwrap()).unwrap(),
            "a,b\n\"x, \"\"y\"\"\",\nz,2\n"
        );
        let empty = Table {
            rows: vec![],
            ..table.clone()
        };
        assert_eq!(String::from_utf8(csv(&empty).unwrap()).unwrap(), "a,b\n");
        assert_eq!(
            String::from_utf8(json(&table).unwrap()).unwrap(),
            "[\n{\"a\":\"x, \\\"y\\\"\",\"b\":null},\n{\"a\":\"z\",\"b\":2}\n]\n"
        );
        assert_eq!(String::from_utf8(json(&empty).unwrap()).unwrap(), "[\n]\n");
    }

    #[test]
    fn fixed_columns_are_reserved_metric_keys() {
        let content = crate::content::load(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")),
            &mut crate::diag::Diagnostics::default(),
        )
        .unwrap()
        .unwrap();
        let reserved = crate::metrics::EXPORT_COLUMNS
            .iter()
            .chain(&crate::metrics::PROJECT_FIELDS)
            .chain(&crate::metrics::COUNTS);
        let reserved: Vec<&str> = reserved.copied().collect();
        let metric_keys = content.metrics.keys();
        for c in territory_columns(&content)
            .iter()
            .chain(&project_columns(&content))
            .filter(|c| !metric_keys.contains(&c.name))
        {
            assert!(
                reserved.contains(&c.name.as_str()),
                "`{}` is not reserved",
                c.name
            );
        }
    }

    #[test]
    fn formulas_are_neutralised_in_csv_only() {
        let table = Table {
            name: "t",
            columns: vec![Column::new("a", "", "")],
            rows: [
                "=HYPERLINK(\"http://x\")",
                "+1",
                "-2",
                "@SUM(A1)",
                "\tx",
                "\rx",
                "a=b",
                "-",
            ]
            .iter()
            .map(|s| vec![Cell::Text(s.to_string().into())])
            .collect(),
            lang: Language::Fr,
        };
        let csv = String::from_utf8(csv(&table).unwrap()).unwrap();
        let cells: Vec<String> = ::csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect();
        assert_eq!(
            cells,
            [
                "'=HYPERLINK(\"http://x\")",
                "'+1",
                "'-2",
                "'@SUM(A1)",
                "'\tx",
                "'\rx",
                "a=b",
                "'-"
            ]
        );
        let json = String::from_utf8(json(&table).unwrap()).unwrap();
        assert!(
            json.contains(r#"{"a":"=HYPERLINK(\"http://x\")"}"#),
            "{json}"
        );
    }
}
