//! Reading a spreadsheet into a grid of cells: CSV (comma, semicolon or tab;
//! UTF-8, UTF-8 with BOM or Windows-1252, all detected), XLSX and ODS.

use std::path::Path;

use anyhow::{bail, Context as _, Result};
use calamine::{Data, Reader};

/// One cell, as the spreadsheet typed it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Nothing.
    Empty,
    /// Text (all CSV cells are text).
    Text(String),
    /// A number.
    Number(f64),
    /// A date, as an Excel serial day number.
    Date(f64),
    /// A date written as ISO 8601 text by the file format itself.
    DateIso(String),
    /// A boolean.
    Bool(bool),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

/// The cells of one sheet, with where they are.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    /// The sheet's name (a CSV's file stem).
    pub(crate) sheet: String,
    /// Rows with their 1-based row number; cells from column `first_col`.
    pub(crate) rows: Vec<(u32, Vec<Value>)>,
    /// 0-based index of the first column.
    pub(crate) first_col: u32,
    /// A line the CSV reader could not read, with why: rows after it are
    /// not read, and the import stops there rather than guess.
    pub(crate) unreadable: Option<(u32, String)>,
}

/// `F412`: a cell's reference from 0-based column and 1-based row.
pub(crate) fn cell_ref(col: u32, row: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// Reads the sheet `sheet` (the first one when `None`) of `path`.
pub(crate) fn read(path: &Path, sheet: Option<&str>) -> Result<Grid> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv" | "txt") => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let stem = path
                .file_stem()
                .map_or_else(|| "csv".into(), |s| s.to_string_lossy().into_owned());
            Ok(read_csv(&bytes, stem))
        }
        Some("xlsx" | "xlsm" | "ods" | "xls") => read_book(path, sheet),
        _ => bail!(
            "{}: bilan imports .csv, .xlsx and .ods files\n  = hint: save the spreadsheet in one of these formats",
            path.display()
        ),
    }
}

/// Text of a CSV file: UTF-8 (with or without BOM), else Windows-1252,
/// the encoding French Excel writes.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator the header line uses most, outside quotes: `;`, `,` or tab.
fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b';', b',', b'\t'][best]
}

fn read_csv(bytes: &[u8], stem: String) -> Grid {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let lines = crate::diag::LineIndex::new(&text);
    let mut unreadable = None;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let at = e.position().map_or(0, |p| p.byte() as usize);
                unreadable = Some((lines.locate(at).0 as u32, e.to_string()));
                break;
            }
        }
        // The line the record starts on (a quoted cell may span lines).
        // csv places a record at the previous line's terminator: skip it.
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let number = lines.locate(start).0 as u32;
        let cells = record
            .iter()
            .map(|c| {
                if c.trim().is_empty() {
                    Value::Empty
                } else {
                    Value::Text(c.to_string())
                }
            })
            .collect();
        rows.push((number, cells));
    }
    Grid {
        sheet: stem,
        rows,
        first_col: 0,
        unreadable,
    }
}

fn read_book(path: &Path, sheet: Option<&str>) -> Result<Grid> {
    let mut book = calamine::open_workbook_auto(path)
        .with_context(|| format!("cannot open {} as a spreadsheet", path.display()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .with_context(|| {
                let hint = crate::diag::closest(s, names.iter().map(String::as_str))
                    .map_or_else(String::new, |c| format!("did you mean `{c}`? "));
                format!(
                    "{} has no sheet named `{s}`\n  = hint: {hint}its sheets are {}",
                    path.display(),
                    names.join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .with_context(|| format!("{} has no sheet", path.display()))?,
    };
    let range = book
        .worksheet_range(&name)
        .with_context(|| format!("cannot read sheet `{name}` of {}", path.display()))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| (row0 + i as u32 + 1, cells.iter().map(value).collect()))
        .collect();
    Ok(Grid {
        sheet: name,
        rows,
        first_col: col0,
        unreadable: None,
    })
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) if s.trim().is_empty() => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => Value::Date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::DateIso(s.clone()),
        Data::Error(e) => Value::Error(format!("{e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref(0, 1), "A1");
        assert_eq!(cell_ref(5, 412), "F412");
        assert_eq!(cell_ref(25, 2), "Z2");
        assert_eq!(cell_ref(26, 2), "AA2");
        assert_eq!(cell_ref(701, 3), "ZZ3");
    }

    #[test]
    fn french_csv_in_windows_1252_with_semicolons() {
        // "Intitulé;Montant\r\nUsine rénovée;\"8 091 000\"\r\n" in Windows-1252.
        let bytes = b"Intitul\xe9;Montant\r\nUsine r\xe9nov\xe9e;\"8 091 000\"\r\n";
        let g = read_csv(bytes, "projets".into());
        assert_eq!(g.rows[0].1[0], Value::Text("Intitulé".into()));
        assert_eq!(g.rows[1].0, 2);
        assert_eq!(g.rows[1].1[1], Value::Text("8 091 000".into()));
        let bom = read_csv(b"\xef\xbb\xbfa,b\n1,2\n", "x".into());
        assert_eq!(bom.rows[0].1[0], Value::Text("a".into()));
        let tabs = read_csv(b"a\tb\n1\t2\n", "x".into());
        assert_eq!(tabs.rows[1].1.len(), 2);
    }
}
