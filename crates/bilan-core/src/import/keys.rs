//! How sheet rows find their records: by slug or `code`, case folded, with
//! every ambiguity an error, and a suggestion for keys that match none.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::cells;
use crate::content::Content;
use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::records::TerritoryFile;
use crate::tr;

/// How rows find records: by slug or `code`, case folded. A key that two
/// records answer to (a code equal to another record's slug, one code
/// twice) is an error naming both, and finds neither.
pub(super) type RecordKeys<'a> = (
    BTreeMap<String, &'a TerritoryFile>,
    std::collections::BTreeSet<String>,
);

pub(super) fn record_keys<'a>(site: &'a Content, diags: &mut Diagnostics) -> RecordKeys<'a> {
    let mut owners: BTreeMap<String, Vec<&TerritoryFile>> = BTreeMap::new();
    for t in site.territories.iter() {
        owners.entry(t.slug.to_lowercase()).or_default().push(t);
        if let Some(code) = &t.record.code {
            let key = code.trim().to_lowercase();
            let list = owners.entry(key).or_default();
            if !list.iter().any(|o| o.slug == t.slug) {
                list.push(t);
            }
        }
    }
    let mut by_key = BTreeMap::new();
    let mut ambiguous = std::collections::BTreeSet::new();
    for (key, list) in owners {
        match list.as_slice() {
            [one] => {
                by_key.insert(key, *one);
            }
            [first, rest @ ..] => {
                let others: Vec<String> = rest
                    .iter()
                    .map(|t| format!("`{}`", t.path.display()))
                    .collect();
                diags.push(
                    Diagnostic::error(
                        &first.path,
                        tr!("import-key-twice", key = &key, others = others.join(", ")),
                    )
                    .hint(tr!("import-key-twice-hint")),
                );
                ambiguous.insert(key);
            }
            [] => {}
        }
    }
    (by_key, ambiguous)
}

pub(super) fn unknown_territory(key: &str, site: &Content, at: PathBuf) -> Diagnostic {
    let d = Diagnostic::error(
        at,
        tr!(
            "import-unknown-territory",
            key = crate::text::excerpt(key, 40)
        ),
    );
    if let Some(t) = site
        .territories
        .iter()
        .find(|t| cells::fold(&t.record.name) == cells::fold(key))
    {
        return d.hint(tr!("import-territory-is-name", slug = &t.slug));
    }
    let names = site
        .territories
        .iter()
        .flat_map(|t| std::iter::once(t.slug.as_str()).chain(t.record.code.as_deref()));
    match closest(&key.to_lowercase(), names) {
        Some(c) => d.hint(tr!("import-territory-did-you-mean", name = c)),
        None => d.hint(tr!("import-territory-never-created")),
    }
}
