//! Where a spreadsheet's table starts: the sheet to read and its header
//! row, which a first sheet of notes or a title above the header would
//! otherwise hide; and where cells are, for messages.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;

use super::cells::{self, Field};
use super::table::{self, cell_ref, Grid};
use super::ImportOptions;
use crate::metrics::Metrics;

/// Rows searched for the header: a title, a date or a source above it are
/// common, a longer preamble is not.
const HEADER_SEARCH: usize = 20;

/// Where cells are, for messages: `projets.xlsx:Projets!F412`.
pub(super) struct Place {
    pub(super) file: String,
    pub(super) sheet: String,
    /// The workbook's sheets (none for a CSV file).
    pub(super) sheets: Vec<String>,
    /// The sheets before `sheet` that were passed over, having no header
    /// row.
    pub(super) passed: Vec<String>,
}

/// The sheet to read: `--sheet`, else the first sheet with a header row
/// (a first sheet often holds notes), else the first sheet, whose missing
/// columns are then reported.
pub(super) fn pick_sheet(
    opts: &ImportOptions,
    map: &BTreeMap<String, String>,
    metrics: &Metrics,
) -> Result<(Grid, Place)> {
    let sheets = table::sheet_names(&opts.file)?;
    let place = |grid: &Grid, passed: &[String]| Place {
        file: opts.file.display().to_string(),
        sheet: grid.sheet.clone(),
        sheets: sheets.clone(),
        passed: passed.to_vec(),
    };
    if opts.sheet.is_none() && sheets.len() > 1 {
        for (i, name) in sheets.iter().enumerate() {
            let grid = table::read(&opts.file, Some(name))?;
            if header_index(&grid, map, metrics).is_some() {
                let place = place(&grid, &sheets[..i]);
                return Ok((grid, place));
            }
        }
    }
    let grid = table::read(&opts.file, opts.sheet.as_deref())?;
    let place = place(&grid, &[]);
    Ok((grid, place))
}

/// The index in `grid.rows` of the header row: the first of the first rows
/// that names both a territory and a title column.
pub(super) fn header_index(
    grid: &Grid,
    map: &BTreeMap<String, String>,
    metrics: &Metrics,
) -> Option<usize> {
    grid.rows.iter().take(HEADER_SEARCH).position(|(_, cells)| {
        let fields: Vec<Field> = cells
            .iter()
            .filter_map(|(_, v)| cells::text(v))
            .filter_map(|h| match map.iter().find(|(_, m)| m.trim() == h.trim()) {
                Some((key, _)) => cells::field_by_key(key, metrics),
                None => cells::field_for(&h, metrics),
            })
            .collect();
        fields.contains(&Field::Territory) && fields.contains(&Field::Title)
    })
}

impl Place {
    pub(super) fn cell(&self, col: u32, row: u32) -> PathBuf {
        PathBuf::from(format!(
            "{}:{}!{}",
            self.file,
            self.sheet,
            cell_ref(col, row)
        ))
    }

    pub(super) fn sheet(&self) -> PathBuf {
        PathBuf::from(format!("{}:{}", self.file, self.sheet))
    }
}
