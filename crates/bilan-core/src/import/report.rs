//! What an import changes: each record's projects compared with the
//! sheet's, and the report printed for people.

use std::collections::BTreeMap;

use super::table::Grid;
use super::{Layout, Place};
use crate::content::Content;
use crate::records::{Project, TerritoryFile};
use crate::tr;

/// What happens to one record's projects.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Change {
    added: usize,
    removed: usize,
    changed: usize,
    unchanged: usize,
}

impl Change {
    pub(super) fn changed(&self) -> bool {
        self.added + self.removed + self.changed > 0
    }
}

/// Each record named in the sheet, with what its projects become. Projects
/// pair by title, in order.
pub(super) fn compare<'a>(
    site: &'a Content,
    rows: &BTreeMap<String, Vec<Project>>,
) -> Vec<(&'a TerritoryFile, Change)> {
    site.territories
        .iter()
        .filter_map(|t| {
            let new = rows.get(&t.slug)?;
            let old = &t.record.projects;
            let mut c = Change::default();
            let pairs = super::pair_by_title(old, new);
            for (p, pair) in new.iter().zip(&pairs) {
                match pair {
                    Some(i) if old[*i] == *p => c.unchanged += 1,
                    Some(_) => c.changed += 1,
                    None => c.added += 1,
                }
            }
            c.removed = old.len() - pairs.iter().flatten().count();
            // Same projects in another order is a change of the list too.
            if !c.changed() && t.record.projects != *new {
                c.changed = 1;
            }
            Some((&**t, c))
        })
        .collect()
}

/// The number of projects, then each metric's sum, over every record, with
/// the lists of `rows` in place of the records' own when given.
fn totals(site: &Content, rows: Option<&BTreeMap<String, Vec<Project>>>) -> Vec<u128> {
    let mut t = vec![0u128; site.metrics.len() + 1];
    for f in &site.territories {
        let list = rows
            .and_then(|r| r.get(&f.slug))
            .unwrap_or(&f.record.projects);
        t[0] += list.len() as u128;
        for p in list {
            for (i, sum) in t[1..].iter_mut().enumerate() {
                *sum += u128::from(p.value(i).unwrap_or(0));
            }
        }
    }
    t
}

/// The figures of `programme.declared` that this import moves away from
/// the records' totals, each with the line of site.yaml to change.
fn declared_now_differ(site: &Content, before: &[u128], after: &[u128]) -> String {
    use std::fmt::Write as _;
    let lang = site.site.language;
    let mut out = String::new();
    for (name, &declared) in &site.site.programme.declared {
        let i = match name.as_str() {
            "projects" => 0,
            key => match site.metrics.index(key) {
                Some(i) => i + 1,
                None => continue,
            },
        };
        let (was, now) = (before[i], after[i]);
        if was == now || now == u128::from(declared) {
            continue;
        }
        let line = crate::diag::key_line(&site.site_source, &format!("{name}:"));
        let now64 = u64::try_from(now).unwrap_or(u64::MAX);
        let _ = writeln!(
            out,
            "content/site.yaml:{line}: {}",
            tr!(
                "import-declared-differs",
                name = name,
                declared = crate::format::int(lang, declared),
                computed = crate::format::int(lang, now64),
                raw = now64.to_string()
            )
        );
    }
    out
}

pub(super) fn report(
    site: &Content,
    grid: &Grid,
    layout: &Layout,
    rows: &BTreeMap<String, Vec<Project>>,
    changes: &[(&TerritoryFile, Change)],
    place: &Place,
    dry_run: bool,
) -> String {
    use std::fmt::Write as _;
    let n_rows: usize = rows.values().map(Vec::len).sum();
    let mut r = tr!(
        "import-read",
        rows = n_rows,
        file = &place.file,
        sheet = &grid.sheet,
        records = rows.len()
    );
    r.push('\n');
    if !place.passed.is_empty() {
        let sheets = place.passed.join(", ");
        let count = place.passed.len();
        let line = tr!(
            "import-sheets-passed",
            sheets = sheets,
            count = count,
            sheet = &grid.sheet
        );
        let _ = writeln!(r, "{line}");
    }
    if let Some((first, last)) = layout.above {
        let (rows, count) = match first == last {
            true => (first.to_string(), 1),
            false => (format!("{first}–{last}"), 2),
        };
        let line = tr!(
            "import-header-row",
            row = layout.header_row,
            rows = rows,
            count = count
        );
        let _ = writeln!(r, "{line}");
    }
    if !layout.ignored.is_empty() {
        let _ = writeln!(
            r,
            "{}",
            tr!("import-ignored", columns = layout.ignored.join(", "))
        );
    }
    for (t, c) in changes.iter().filter(|(_, c)| c.changed()) {
        let what = tr!(
            "import-record-change",
            added = c.added,
            removed = c.removed,
            changed = c.changed,
            unchanged = c.unchanged
        );
        let _ = writeln!(r, "  {}: {what}", t.slug);
    }
    let untouched = changes.iter().filter(|(_, c)| !c.changed()).count();
    if untouched > 0 {
        let _ = writeln!(r, "  {}", tr!("import-up-to-date", count = untouched));
    }
    let (before, after) = (totals(site, None), totals(site, Some(rows)));
    let lang = site.site.language;
    let int = |v: u128| crate::format::int(lang, u64::try_from(v).unwrap_or(u64::MAX));
    let _ = writeln!(r, "{}", tr!("import-totals"));
    let _ = writeln!(
        r,
        "  {}: {} → {}",
        tr!("import-projects"),
        int(before[0]),
        int(after[0])
    );
    for (i, m) in site.metrics.iter() {
        let shown = |v: u128| {
            let v = u64::try_from(v).unwrap_or(u64::MAX);
            m.format_in(lang, v, crate::format::Scale::Units)
        };
        let _ = writeln!(
            r,
            "  {}: {} → {}",
            m.key,
            shown(before[i + 1]),
            shown(after[i + 1])
        );
    }
    r.push_str(&declared_now_differ(site, &before, &after));
    let changed = changes.iter().filter(|(_, c)| c.changed()).count();
    if dry_run {
        let _ = writeln!(r, "{}", tr!("import-dry-run", count = changed));
    } else {
        let _ = writeln!(r, "{}", tr!("import-updated", count = changed));
    }
    r
}
