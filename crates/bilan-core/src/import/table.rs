//! Reading a spreadsheet into a grid of cells: CSV (comma, semicolon or tab;
//! UTF-8, UTF-8 with BOM or Windows-1252, all detected), XLSX and ODS.

use std::path::Path;

use anyhow::{bail, Context as _, Result};
use calamine::{Data, Reader};

use crate::tr;

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
    /// A formula whose file holds no computed value (the workbook was
    /// saved by a program that does not calculate): never "not reported".
    Uncomputed(String),
}

/// The cells of one sheet, with where they are.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    /// The sheet's name (a CSV's file stem).
    pub(crate) sheet: String,
    /// Rows that hold something, with their 1-based row number and their
    /// non-empty cells by 0-based column, in order: a sheet that declares a
    /// million empty rows or columns costs nothing.
    pub(crate) rows: Vec<(u32, Vec<(u32, Value)>)>,
    /// A line the CSV reader could not read, with why: rows after it are
    /// not read, and the import stops there rather than guess.
    pub(crate) unreadable: Option<(u32, String)>,
}

/// The cell of `cells` (one row of a [`Grid`]) in 0-based column `col`.
pub(crate) fn cell(cells: &[(u32, Value)], col: u32) -> &Value {
    match cells.binary_search_by_key(&col, |(c, _)| *c) {
        Ok(i) => &cells[i].1,
        Err(_) => &Value::Empty,
    }
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
            let bytes = std::fs::read(path).with_context(|| tr!("cannot-read", path = path))?;
            let stem = path
                .file_stem()
                .map_or_else(|| "csv".into(), |s| s.to_string_lossy().into_owned());
            let text = decode(&bytes).map_err(|(line, byte)| {
                anyhow::anyhow!(
                    "{}:{line}: {}",
                    path.display(),
                    crate::l10n::with_hint(
                        tr!(
                            "csv-mixed-encodings",
                            line = line.to_string(),
                            byte = format!("0x{byte:02X}")
                        ),
                        tr!("csv-mixed-encodings-hint")
                    )
                )
            })?;
            Ok(read_csv(&text, stem))
        }
        Some("ods") => {
            check_ods_size(path)?;
            read_book(path, sheet)
        }
        Some("xlsx" | "xlsm" | "xls") => read_book(path, sheet),
        _ => bail!(
            "{}: {}",
            path.display(),
            crate::l10n::with_hint(tr!("import-formats"), tr!("import-formats-hint"))
        ),
    }
}

/// The sheets of a workbook, in order; none for a CSV file.
pub(crate) fn sheet_names(path: &Path) -> Result<Vec<String>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("ods") => check_ods_size(path)?,
        Some("xlsx" | "xlsm" | "xls") => {}
        _ => return Ok(Vec::new()),
    }
    let book = calamine::open_workbook_auto(path)
        .with_context(|| tr!("sheet-cannot-open", file = path))?;
    Ok(book.sheet_names())
}

/// calamine expands an ODS file's repeated empty cells: a file that
/// declares too many is refused before it is opened.
fn check_ods_size(path: &Path) -> Result<()> {
    if let Some(n) = super::ods::spanned_cells(path).filter(|&n| n > super::ods::MAX_CELLS) {
        bail!(
            "{}: {}",
            path.display(),
            crate::l10n::with_hint(
                tr!("ods-too-large", count = n, max = super::ods::MAX_CELLS),
                tr!("ods-too-large-hint")
            )
        );
    }
    Ok(())
}

/// Text of a CSV file: UTF-8 (with or without BOM), else Windows-1252,
/// the encoding French Excel writes. A file that is partly UTF-8 and
/// partly not (two exports pasted together) is neither: `Err` gives the
/// 1-based line of the first byte that is not UTF-8, and that byte.
fn decode(bytes: &[u8]) -> Result<String, (usize, u8)> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let mut utf8_accents = false;
    let mut first_bad = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        utf8_accents |= !chunk.valid().is_ascii();
        offset += chunk.valid().len();
        if first_bad.is_none() && !chunk.invalid().is_empty() {
            first_bad = Some(offset);
        }
        offset += chunk.invalid().len();
    }
    match first_bad {
        Some(at) if utf8_accents => {
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err((line, bytes[at]))
        }
        _ => Ok(encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()),
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

fn read_csv(text: &str, stem: String) -> Grid {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let lines = crate::diag::LineIndex::new(text);
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
        let cells: Vec<(u32, Value)> = record
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
            .map(|(i, c)| (i as u32, Value::Text(c.to_string())))
            .collect();
        if !cells.is_empty() {
            rows.push((number, cells));
        }
    }
    Grid {
        sheet: stem,
        rows,
        unreadable,
    }
}

fn read_book(path: &Path, sheet: Option<&str>) -> Result<Grid> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    if is_xlsx {
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook(path).with_context(|| tr!("sheet-cannot-open", file = path))?;
        let name = sheet_name(path, &book.sheet_names(), sheet)?;
        return read_xlsx_cells(&mut book, &name)
            .with_context(|| tr!("sheet-cannot-read", file = path, sheet = &name));
    }
    let mut book = calamine::open_workbook_auto(path)
        .with_context(|| tr!("sheet-cannot-open", file = path))?;
    let name = sheet_name(path, &book.sheet_names(), sheet)?;
    let range = book
        .worksheet_range(&name)
        .with_context(|| tr!("sheet-cannot-read", file = path, sheet = &name))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let cells: Vec<(u32, Value)> = cells
                .iter()
                .enumerate()
                .map(|(j, d)| (col0 + j as u32, value(d)))
                .filter(|(_, v)| *v != Value::Empty)
                .collect();
            (row0 + i as u32 + 1, cells)
        })
        .filter(|(_, cells)| !cells.is_empty())
        .collect();
    Ok(Grid {
        sheet: name,
        rows,
        unreadable: None,
    })
}

/// The sheet `wanted`, or the first one.
fn sheet_name(path: &Path, names: &[String], wanted: Option<&str>) -> Result<String> {
    match wanted {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .with_context(|| {
                let near = crate::diag::closest(s, names.iter().map(String::as_str))
                    .map_or_else(String::new, |c| {
                        format!("{} ", tr!("did-you-mean", name = c))
                    });
                let hint = tr!("sheet-list", near = near, sheets = names.join(", "));
                let message = tr!("sheet-unknown", file = path, sheet = s);
                crate::l10n::with_hint(message, hint)
            }),
        None => names
            .first()
            .cloned()
            .with_context(|| tr!("sheet-none", file = path)),
    }
}

/// An XLSX sheet's cells as they are stored, one by one: memory follows
/// the cells the file holds, never the size it declares.
fn read_xlsx_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<Grid> {
    let mut reader = book.worksheet_cells_reader(name)?;
    let mut rows: Vec<(u32, Vec<(u32, Value)>)> = Vec::new();
    while let Some(c) = reader.next_cell_with_formula()? {
        let (row, col) = c.pos;
        let v = match (value_ref(&c.value), c.formula) {
            (Value::Empty, Some(f)) if !f.trim().is_empty() => Value::Uncomputed(f),
            (v, _) => v,
        };
        if v == Value::Empty {
            continue;
        }
        match rows.last_mut() {
            Some((r, cells)) if *r == row + 1 => cells.push((col, v)),
            _ => rows.push((row + 1, vec![(col, v)])),
        }
    }
    // Files written by hand may list rows or cells out of order.
    rows.sort_by_key(|(r, _)| *r);
    let mut merged: Vec<(u32, Vec<(u32, Value)>)> = Vec::with_capacity(rows.len());
    for (r, cells) in rows {
        match merged.last_mut() {
            Some((last, prev)) if *last == r => prev.extend(cells),
            _ => merged.push((r, cells)),
        }
    }
    for (_, cells) in &mut merged {
        cells.sort_by_key(|(c, _)| *c);
        cells.dedup_by_key(|(c, _)| *c);
    }
    Ok(Grid {
        sheet: name.to_string(),
        rows: merged,
        unreadable: None,
    })
}

fn value_ref(d: &calamine::DataRef) -> Value {
    use calamine::DataRef as D;
    match d {
        D::Empty => Value::Empty,
        D::String(s) if s.trim().is_empty() => Value::Empty,
        D::SharedString(s) if s.trim().is_empty() => Value::Empty,
        D::String(s) => Value::Text(s.clone()),
        D::SharedString(s) => Value::Text(s.to_string()),
        D::Int(n) => Value::Number(*n as f64),
        D::Float(f) => Value::Number(*f),
        D::Bool(b) => Value::Bool(*b),
        D::DateTime(dt) => Value::Date(dt.as_f64()),
        D::DateTimeIso(s) | D::DurationIso(s) => Value::DateIso(s.clone()),
        D::Error(e) => Value::Error(format!("{e:?}")),
    }
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
        let g = read_csv(&decode(bytes).unwrap(), "projets".into());
        assert_eq!(*cell(&g.rows[0].1, 0), Value::Text("Intitulé".into()));
        assert_eq!(g.rows[1].0, 2);
        assert_eq!(*cell(&g.rows[1].1, 1), Value::Text("8 091 000".into()));
        let bom = read_csv(&decode(b"\xef\xbb\xbfa,b\n1,2\n").unwrap(), "x".into());
        assert_eq!(*cell(&bom.rows[0].1, 0), Value::Text("a".into()));
        let tabs = read_csv("a\tb\n1\t2\n", "x".into());
        // UTF-8 accents, then one Windows-1252 byte on line 3.
        assert_eq!(
            decode(b"Intitul\xc3\xa9\nA\nUsine r\xe9nov\xe9e\n"),
            Err((3, 0xe9))
        );
        assert_eq!(tabs.rows[1].1.len(), 2);
    }
}
