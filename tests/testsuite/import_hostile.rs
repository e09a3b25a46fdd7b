//! Sheets that try to fool `bilan import`: rows that could go to two
//! records, formulas without values, numbers that are not dates, mixed
//! encodings, sheets that declare a huge size, records that are links,
//! and the site's own CSV with its formula guard.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::errors::copy_dir;
use crate::support::*;

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    (tmp, root)
}

fn import(sheet: &Path, root: &Path) -> std::process::Output {
    bilan(&[
        "import",
        sheet.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ])
}

fn err(o: &std::process::Output, tmp: &Path) -> String {
    stderr(o).replace(tmp.to_str().unwrap(), "[TMP]")
}

/// A one-sheet workbook whose sheet XML is `cells` (rows of `<c>`
/// elements, inline strings), with `dimension` as its declared size.
fn xlsx(path: &Path, dimension: &str, rows: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(file);
    let opts: zip::write::SimpleFileOptions = Default::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Projets" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>"#)),
    ];
    for (name, text) in parts {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

fn s(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn a_code_equal_to_another_records_slug_is_an_error() {
    let (tmp, root) = site();
    let record = root.join("content/territories/vallee-de-l-arve.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let start = text.find("code: ").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let text = format!("{}code: \"Haut-Jura\"{}", &text[..start], &text[end..]);
    std::fs::write(&record, text).unwrap();
    let sheet = tmp.path().join("t.csv");
    std::fs::write(&sheet, "territory,title\nhaut-jura,Un projet\n").unwrap();
    let before = read_tree(&root.join("content"));
    let o = import(&sheet, &root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    insta::assert_snapshot!(err(&o, tmp.path()));
    assert!(read_tree(&root.join("content")) == before);
}

#[test]
fn a_formula_without_a_stored_value_is_an_error_at_its_cell() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("formules.xlsx");
    let rows = format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}<c r="C2"><f>SUM(D1:D9)</f></c></row>"#,
        s("A1", "territory"),
        s("B1", "title"),
        s("C1", "jobs_created"),
        s("A2", "haut-jura"),
        s("B2", "Atelier"),
    );
    xlsx(&sheet, "A1:C2", &rows);
    let o = import(&sheet, &root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    insta::assert_snapshot!(err(&o, tmp.path()));
}

#[test]
fn a_plain_number_is_never_read_as_a_date() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("annees.xlsx");
    let rows = format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}<c r="C2"><v>20211</v></c></row><row r="3">{}{}<c r="C3"><v>1850</v></c></row>"#,
        s("A1", "territory"),
        s("B1", "title"),
        s("C1", "year"),
        s("A2", "haut-jura"),
        s("B2", "Atelier"),
        s("A3", "haut-jura"),
        s("B3", "Forge"),
    );
    xlsx(&sheet, "A1:C3", &rows);
    let o = import(&sheet, &root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    insta::assert_snapshot!(err(&o, tmp.path()));
}

#[test]
fn a_csv_with_mixed_encodings_is_refused_at_its_first_bad_line() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("melange.csv");
    std::fs::write(
        &sheet,
        b"territory;title;sector\nhaut-jura;Atelier;M\xc3\xa9canique\nhaut-jura;Forge;M\xe9canique\n",
    )
    .unwrap();
    let before = read_tree(&root.join("content"));
    let o = import(&sheet, &root);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    insta::assert_snapshot!(err(&o, tmp.path()));
    assert!(read_tree(&root.join("content")) == before);
}

#[test]
fn a_sheet_that_declares_a_huge_size_is_read_in_bounded_memory() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("creux.xlsx");
    let rows = format!(
        r#"<row r="1">{}{}</row><row r="2">{}{}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        s("A1", "territory"),
        s("B1", "title"),
        s("A2", "haut-jura"),
        s("B2", "Atelier"),
    );
    xlsx(&sheet, "A1:XFD1048576", &rows);
    let o = import(&sheet, &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let record = std::fs::read_to_string(root.join("content/territories/haut-jura.yaml")).unwrap();
    assert!(record.contains("title: \"Atelier\""), "{record}");
}

#[test]
fn the_sites_own_csv_with_formula_guards_imports_back_unchanged() {
    let (tmp, root) = site();
    let record = root.join("content/territories/haut-jura.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let first_company = text.find("company: ").unwrap();
    let end = first_company + text[first_company..].find('\n').unwrap();
    let text = format!(
        "{}company: \"=HYPERLINK(x)\"{}",
        &text[..first_company],
        &text[end..]
    );
    std::fs::write(&record, &text).unwrap();
    let out = tmp.path().join("out");
    build(&root, &out, &[]);
    let csv = std::fs::read_to_string(out.join("donnees/projets.csv")).unwrap();
    assert!(
        csv.contains("'=HYPERLINK(x)"),
        "the export guards the formula"
    );
    let before = read_tree(&root.join("content"));
    let o = import(&out.join("donnees/projets.csv"), &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Updated 0 records."));
    assert!(read_tree(&root.join("content")) == before);
}

#[test]
fn a_record_that_is_a_link_inside_the_site_is_written_through_it() {
    let (tmp, root) = site();
    let shared = root.join("content/partage");
    std::fs::create_dir_all(&shared).unwrap();
    let record = root.join("content/territories/haut-jura.yaml");
    std::fs::rename(&record, shared.join("haut-jura.yaml")).unwrap();
    std::os::unix::fs::symlink("../partage/haut-jura.yaml", &record).unwrap();
    let sheet = tmp.path().join("t.csv");
    std::fs::write(&sheet, "territory,title\nhaut-jura,Un projet\n").unwrap();
    let o = import(&sheet, &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&record)
        .unwrap()
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(shared.join("haut-jura.yaml")).unwrap();
    assert!(text.contains("title: \"Un projet\""), "{text}");
    let left: Vec<_> = std::fs::read_dir(root.join("content/territories"))
        .unwrap()
        .chain(std::fs::read_dir(&shared).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bilan-import"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn an_ods_sheet_declaring_millions_of_empty_cells_is_refused_before_reading() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("creux.ods");
    let cell = |t: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>")
    };
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Projets"><table:table-row>{}{}</table:table-row><table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/>{}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        cell("territory"),
        cell("title"),
        cell("haut-jura"),
        cell("Atelier"),
        cell("x")
    );
    let file = std::fs::File::create(&sheet).unwrap();
    let mut z = zip::ZipWriter::new(file);
    let stored: zip::write::SimpleFileOptions =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.finish().unwrap();
    let before = read_tree(&root.join("content"));
    let o = import(&sheet, &root);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    insta::assert_snapshot!(err(&o, tmp.path()));
    assert!(read_tree(&root.join("content")) == before);
}
