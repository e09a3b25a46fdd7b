//! `bilan import`: projects from a spreadsheet (one row per project) into
//! the territory records' `projects:` lists.
//!
//! Steps: read the site (the content loader), read the sheet ([`table`]),
//! map its columns to project fields ([`cells`]), read every row (every bad
//! cell is reported; nothing is written if one is bad), compare with the
//! records, print what changes, and rewrite each changed record's
//! `projects:` block in place ([`splice`]), atomically.

mod cells;
mod keys;
mod ods;
mod patch;
mod report;
mod sheet;
mod splice;
mod table;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::content::{self, Content};
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::records::Project;
use crate::tr;
use cells::Field;
use sheet::{header_index, pick_sheet, Place};
use table::{cell_ref, Grid};

/// What `bilan import` was asked for.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The spreadsheet.
    pub file: PathBuf,
    /// The site folder.
    pub root: PathBuf,
    /// A YAML file mapping project fields to column headers.
    pub map: Option<PathBuf>,
    /// The sheet to read (the first one by default).
    pub sheet: Option<String>,
    /// Report only; write nothing.
    pub dry_run: bool,
}

/// How an import went.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    /// Every problem found, in the site or in the sheet.
    pub diagnostics: Diagnostics,
    /// What changes (or would change), for people.
    pub report: String,
    /// Records rewritten.
    pub written: usize,
}

/// Runs an import. Content and sheet problems come back in the outcome;
/// `Err` is kept for files that cannot be read at all.
pub fn run(opts: &ImportOptions) -> Result<ImportOutcome> {
    let mut out = ImportOutcome::default();
    let start = std::time::Instant::now();
    let Some(site) = content::load(&opts.root, &mut out.diagnostics)? else {
        return Ok(out);
    };
    if out.diagnostics.has_errors() {
        return Ok(out);
    }
    crate::progress::stage(start, "Loaded the records");
    let map = match &opts.map {
        Some(path) => read_map(&opts.root, path, &mut out.diagnostics),
        None => BTreeMap::new(),
    };
    let (grid, place) = pick_sheet(opts, &map, &site.metrics)?;
    crate::progress::stage(start, "Read the spreadsheet");
    if let Some((row, problem)) = &grid.unreadable {
        out.diagnostics.push(
            Diagnostic::error(
                place.cell(0, *row),
                tr!("import-line-unreadable", problem = problem),
            )
            .hint(tr!("import-line-unreadable-hint")),
        );
        return Ok(out);
    }
    let Some(layout) = columns(&grid, &map, &site, &place, &mut out.diagnostics) else {
        return Ok(out);
    };
    let mut rows = read_rows(&grid, &layout, &site, &place, &mut out.diagnostics);
    if out.diagnostics.has_errors() {
        return Ok(out);
    }
    keep_unmapped_fields(&site, &layout, &mut rows);
    crate::progress::stage(start, "Checked every cell");
    let changes = report::compare(&site, &rows);
    out.report = report::report(&site, &grid, &layout, &rows, &changes, &place, opts.dry_run);
    if !opts.dry_run {
        let writes: Vec<(PathBuf, String, String)> = changes
            .iter()
            .filter(|c| c.1.changed())
            .map(|c| {
                let (file, projects) = (c.0, &rows[&c.0.slug]);
                let text = patch::projects(&file.source, projects, &site.metrics);
                (opts.root.join(&file.path), file.source.clone(), text)
            })
            .collect();
        splice::write_all(&writes)?;
        crate::progress::stage(start, "Wrote the records");
        out.written = writes.len();
    }
    Ok(out)
}

/// The widest header row read: a project sheet has a few dozen columns.
const MAX_COLUMNS: u32 = 1_000;

/// `--map`: project field → column header.
fn read_map(root: &Path, path: &Path, diags: &mut Diagnostics) -> BTreeMap<String, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        diags.push(Diagnostic::error(path, tr!("import-map-unreadable")));
        return BTreeMap::new();
    };
    let shown = crate::diag::relative(root, path);
    crate::yaml::parse(&text, &shown, 0, diags).unwrap_or_default()
}

/// Which columns hold which fields, and the header row.
struct Layout {
    header_row: u32,
    /// The first and last rows above the header that hold something.
    above: Option<(u32, u32)>,
    /// (0-based column, field, header as written).
    fields: Vec<(u32, Field, String)>,
    ignored: Vec<String>,
}

fn columns(
    grid: &Grid,
    map: &BTreeMap<String, String>,
    site: &Content,
    place: &Place,
    diags: &mut Diagnostics,
) -> Option<Layout> {
    let index = header_index(grid, map, &site.metrics).unwrap_or(0);
    let above = (index > 0).then(|| (grid.rows[0].0, grid.rows[index - 1].0));
    let Some((header_row, headers)) = grid.rows.get(index) else {
        diags.push(Diagnostic::error(place.sheet(), tr!("import-sheet-empty")));
        return None;
    };
    // Columns from the first to the last the header names.
    let first_col = headers.first().map_or(0, |(c, _)| *c);
    let last_col = headers.last().map_or(0, |(c, _)| *c);
    if last_col - first_col >= MAX_COLUMNS {
        diags.push(
            Diagnostic::error(
                place.sheet(),
                tr!(
                    "import-too-many-columns",
                    count = last_col - first_col + 1,
                    max = MAX_COLUMNS
                ),
            )
            .hint(tr!("import-too-many-columns-hint")),
        );
        return None;
    }
    let headers: Vec<String> = (first_col..=last_col)
        .map(|c| cells::text(table::cell(headers, c)).unwrap_or_default())
        .collect();
    let metrics = &site.metrics;
    let mapped = mapped_columns(&headers, map, site, place, diags);
    let mut fields = Vec::new();
    let mut ignored = Vec::new();
    let mut seen: BTreeMap<Field, u32> = BTreeMap::new();
    for (i, header) in headers.iter().enumerate() {
        let col = i as u32 + first_col;
        let field = mapped.get(&(i as u32)).copied().or_else(|| {
            // A column mapped by --map to another field is not read twice.
            (!map.values().any(|h| h.trim() == header.trim()))
                .then(|| cells::field_for(header, metrics))
                .flatten()
        });
        match field {
            Some(f) => {
                if let Some(first) = seen.insert(f, col) {
                    diags.push(
                        Diagnostic::error(
                            place.cell(col, *header_row),
                            tr!(
                                "import-same-field",
                                first = cell_ref(first, *header_row),
                                second = cell_ref(col, *header_row)
                            ),
                        )
                        .hint(tr!("import-same-field-hint")),
                    );
                }
                fields.push((col, f, header.clone()));
            }
            None if !header.is_empty() => ignored.push(header.clone()),
            None => {}
        }
    }
    for (needed, what) in [
        (Field::Territory, tr!("import-what-territory")),
        (Field::Title, tr!("import-what-title")),
    ] {
        if !seen.contains_key(&needed) {
            let (key, example) = if needed == Field::Territory {
                ("territory", "Code territoire")
            } else {
                ("title", "Intitulé du projet")
            };
            diags.push(
                Diagnostic::error(place.sheet(), tr!("import-no-column", what = what)).hint(
                    tr!(
                        "import-no-column-hint",
                        key = key,
                        example = example,
                        headers = headers.join(", ")
                    ) + &other_sheets(place),
                ),
            );
        }
    }
    (!diags.has_errors()).then_some(Layout {
        header_row: *header_row,
        above,
        fields,
        ignored,
    })
}

/// The workbook's other sheets, to end a hint, when it has some.
fn other_sheets(place: &Place) -> String {
    if place.sheets.len() < 2 {
        return String::new();
    }
    tr!("import-other-sheets", sheets = place.sheets.join(", "))
}

/// The columns `--map` names, by 0-based index; unknown fields and headers
/// are reported.
fn mapped_columns(
    headers: &[String],
    map: &BTreeMap<String, String>,
    site: &Content,
    place: &Place,
    diags: &mut Diagnostics,
) -> BTreeMap<u32, Field> {
    let metrics = &site.metrics;
    let mut mapped: BTreeMap<u32, Field> = BTreeMap::new();
    for (key, header) in map {
        let Some(field) = cells::field_by_key(key, metrics) else {
            let keys = cells::keys(metrics);
            let hint = closest(key, keys.iter().map(String::as_str)).map_or_else(
                || tr!("import-map-one-of", keys = keys.join(", ")),
                |c| tr!("did-you-mean", name = c),
            );
            diags.push(
                Diagnostic::error(place.sheet(), tr!("import-map-unknown-field", key = key))
                    .hint(hint),
            );
            continue;
        };
        match headers.iter().position(|h| h.trim() == header.trim()) {
            Some(col) => {
                mapped.insert(col as u32, field);
            }
            None => {
                let hint = closest(header, headers.iter().map(String::as_str)).map_or_else(
                    || tr!("import-headers-are", headers = headers.join(", ")),
                    |c| tr!("did-you-mean", name = c),
                );
                diags.push(
                    Diagnostic::error(
                        place.sheet(),
                        tr!("import-map-no-header", header = header, key = key),
                    )
                    .hint(hint),
                );
            }
        }
    }
    mapped
}

/// Every data row as a project of its territory; every bad cell reported.
fn read_rows(
    grid: &Grid,
    layout: &Layout,
    site: &Content,
    place: &Place,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<Project>> {
    let (by_key, ambiguous) = keys::record_keys(site, diags);
    let mut out: BTreeMap<String, Vec<Project>> = BTreeMap::new();
    for (row, cells) in grid.rows.iter().filter(|(r, _)| *r > layout.header_row) {
        let cell = |col: u32| table::cell(cells, col);
        // Cells outside the header's columns are no part of a project.
        if layout
            .fields
            .iter()
            .all(|(col, _, _)| *cell(*col) == table::Value::Empty)
        {
            continue;
        }
        let mut p = Project {
            title: String::new(),
            company: None,
            sector: None,
            year: None,
            values: vec![None; site.metrics.len()],
        };
        let mut territory = None;
        for (col, field, _) in &layout.fields {
            let v = cell(*col);
            if let Some((_, c)) = cells::text(v)
                .as_deref()
                .and_then(crate::url::xml_forbidden)
            {
                diags.push(
                    Diagnostic::error(
                        place.cell(*col, *row),
                        tr!(
                            "import-forbidden-char",
                            code = format!("U+{:04X}", c as u32)
                        ),
                    )
                    .hint(tr!("import-forbidden-char-hint")),
                );
                continue;
            }
            if let table::Value::Uncomputed(formula) = v {
                diags.push(
                    Diagnostic::error(
                        place.cell(*col, *row),
                        tr!(
                            "import-uncomputed",
                            formula = crate::text::excerpt(formula, 40)
                        ),
                    )
                    .hint(tr!("import-uncomputed-hint")),
                );
                continue;
            }
            let mut bad = |m: String| diags.push(Diagnostic::error(place.cell(*col, *row), m));
            match field {
                Field::Territory => match cells::text(v) {
                    None => bad(tr!("import-no-territory")),
                    Some(key) => match by_key.get(&key.to_lowercase()) {
                        Some(t) => territory = Some(t.slug.clone()),
                        None if ambiguous.contains(&key.to_lowercase()) => bad(tr!(
                            "import-ambiguous-territory",
                            key = crate::text::excerpt(&key, 40)
                        )),
                        None => {
                            diags.push(keys::unknown_territory(&key, site, place.cell(*col, *row)))
                        }
                    },
                },
                Field::Title => match cells::text(v) {
                    Some(t) => p.title = t,
                    None => bad(tr!("import-no-title")),
                },
                Field::Company => p.company = cells::text(v),
                Field::Sector => p.sector = cells::text(v),
                Field::Year => {
                    p.year = cells::year(v).unwrap_or_else(|e| {
                        bad(e.0);
                        None
                    })
                }
                Field::Metric(i) => match cells::whole(v) {
                    Ok(n) => p.values[*i] = n,
                    Err(e) => {
                        let d = e.at(place.cell(*col, *row));
                        diags.push(match cells::whole_hint(v) {
                            Some(hint) => d.hint(hint),
                            None => d,
                        });
                    }
                },
            }
        }
        if let Some(slug) = territory {
            out.entry(slug).or_default().push(p);
        }
    }
    out
}

/// For each project of `new`, the index of the recorded project it pairs
/// with: the first not yet paired with the same title. Linear in both.
pub(super) fn pair_by_title(old: &[Project], new: &[Project]) -> Vec<Option<usize>> {
    use std::collections::{HashMap, VecDeque};
    let mut by_title: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        by_title.entry(o.title.as_str()).or_default().push_back(i);
    }
    new.iter()
        .map(|p| {
            by_title
                .get_mut(p.title.as_str())
                .and_then(VecDeque::pop_front)
        })
        .collect()
}

/// A field the sheet has no column for is not erased: a project that pairs
/// with a recorded one (same title, in order) keeps its recorded value.
fn keep_unmapped_fields(
    site: &Content,
    layout: &Layout,
    rows: &mut BTreeMap<String, Vec<Project>>,
) {
    let has = |f: Field| layout.fields.iter().any(|(_, g, _)| *g == f);
    for t in &site.territories {
        let Some(new) = rows.get_mut(&t.slug) else {
            continue;
        };
        let pairs = pair_by_title(&t.record.projects, new);
        for (p, pair) in new.iter_mut().zip(pairs) {
            let Some(o) = pair.map(|i| &t.record.projects[i]) else {
                continue;
            };
            if !has(Field::Company) {
                p.company.clone_from(&o.company);
            }
            if !has(Field::Sector) {
                p.sector.clone_from(&o.sector);
            }
            if !has(Field::Year) {
                p.year = o.year;
            }
            for (i, v) in p.values.iter_mut().enumerate() {
                if !has(Field::Metric(i)) {
                    *v = o.value(i);
                }
            }
        }
    }
}
