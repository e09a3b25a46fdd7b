//! The size an OpenDocument sheet declares, read from its XML before
//! calamine expands it: repeated rows and cells (`number-rows-repeated`,
//! `number-columns-repeated`) up to the last cell that holds something. A
//! small file can declare a hundred million empty cells before one value,
//! which the reader would allocate.

use std::io::Read as _;
use std::path::Path;

/// The most cells an .ods sheet may span (rows × columns up to its last
/// value): a project sheet spans a few thousand.
pub(super) const MAX_CELLS: u64 = 5_000_000;

/// The cells spanned by the largest sheet of the .ods file at `path`, or
/// `None` when its content cannot be read here (calamine then says why).
pub(super) fn spanned_cells(path: &Path) -> Option<u64> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let mut xml = String::new();
    // A content.xml larger than this is refused by its size alone.
    zip.by_name("content.xml")
        .ok()?
        .take(256 << 20)
        .read_to_string(&mut xml)
        .ok()?;
    Some(
        xml.split("<table:table ")
            .skip(1)
            .map(sheet_cells)
            .max()
            .unwrap_or(0),
    )
}

fn repeat(tag: &str, attr: &str) -> u64 {
    tag.find(attr)
        .and_then(|i| tag[i + attr.len()..].split('"').nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// Rows × columns up to the last value of one `<table:table>`.
fn sheet_cells(table: &str) -> u64 {
    let table = table.split("</table:table>").next().unwrap_or(table);
    let (mut rows, mut last_row, mut width) = (0u64, 0u64, 0u64);
    for row in table.split("<table:table-row").skip(1) {
        let head = row.split('>').next().unwrap_or("");
        let times = repeat(head, "table:number-rows-repeated=");
        let (mut cols, mut last_col) = (0u64, 0u64);
        for cell in row.split("<table:table-cell").skip(1) {
            let cell_head = cell.split('>').next().unwrap_or("");
            cols = cols.saturating_add(repeat(cell_head, "table:number-columns-repeated="));
            let body = cell.split("</table:table-cell>").next().unwrap_or(cell);
            if cell_head.contains("office:value-type") || body.contains("<text:p") {
                last_col = cols;
            }
        }
        rows = rows.saturating_add(times);
        if last_col > 0 {
            last_row = rows;
            width = width.max(last_col);
        }
    }
    last_row.saturating_mul(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_repeats_count_only_before_a_value() {
        let cell = |t: &str| {
            format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>")
        };
        let trailing = format!(
            "<table:table table:name=\"a\"><table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated=\"1048574\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row></table:table>",
            cell("a"),
            cell("b")
        );
        assert_eq!(sheet_cells(&trailing), 2, "trailing empty rows are free");
        let bomb = format!(
            "<table:table table:name=\"a\"><table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated=\"6000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>{}</table:table-row></table:table>",
            cell("a"),
            cell("x")
        );
        assert_eq!(sheet_cells(&bomb), 6002 * 16384);
    }
}
