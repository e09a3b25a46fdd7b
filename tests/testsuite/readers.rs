//! What readers see: one unit per column of amounts, communes never shown
//! as intercommunalities.

use crate::errors::copy_dir;
use crate::support::*;

/// The unit of an amount cell: `Md€`, `M€` or `€`.
fn unit(cell: &str) -> Option<&'static str> {
    let c = cell.trim();
    ["Md€", "M€", "€"].into_iter().find(|u| c.ends_with(u))
}

#[test]
fn a_column_of_amounts_has_one_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let mut problems = Vec::new();
    for (path, bytes) in read_tree(&out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
    {
        let html = String::from_utf8(bytes).unwrap();
        for (n, table) in html.split("<tbody>").skip(1).enumerate() {
            let body = &table[..table.find("</tbody>").unwrap()];
            let mut columns: Vec<std::collections::BTreeSet<&str>> = Vec::new();
            for row in body.split("<tr").skip(1) {
                let cells: Vec<&str> = row
                    .split("</t")
                    .filter_map(|c| c.rfind('>').map(|k| &c[k + 1..]))
                    .collect();
                for (i, c) in cells.iter().enumerate() {
                    if columns.len() <= i {
                        columns.resize_with(i + 1, Default::default);
                    }
                    columns[i].extend(unit(c));
                }
            }
            for (i, units) in columns.iter().enumerate() {
                if units.len() > 1 {
                    problems.push(format!("{path}: table {n}, column {i}: {units:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn communes_are_not_intercommunalities() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let aix = page(&out, "territoires/aix-marseille-provence/index.html");
    assert!(aix.contains("Communes (19)"), "communes listed as such");
    assert!(
        !aix.contains("Intercommunalités"),
        "and not as intercommunalities"
    );
    // No default record lists an INSEE commune code as an intercommunality.
    for (path, bytes) in read_tree(&repo().join("content/territories")) {
        let text = String::from_utf8(bytes).unwrap();
        let inter = text
            .split("intercommunalities:")
            .nth(1)
            .map(|rest| {
                rest.split("\n")
                    .skip(1)
                    .take_while(|l| l.starts_with("  - "))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        for line in inter {
            let code = line.trim_end_matches('"').trim_end_matches(')').as_bytes();
            let last5 = &code[code.len().saturating_sub(5)..];
            assert!(
                !(line.ends_with(")\"") && last5.iter().all(u8::is_ascii_digit)),
                "{path}: {line}"
            );
        }
    }
    // A record that does it gets a warning with the fix.
    let site = tmp.path().join("src");
    copy_dir(&fixture("other-metrics"), &site);
    let dir = site.join("content/territories");
    let first = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        format!("{text}intercommunalities: [\"Istres (13047)\"]\n"),
    )
    .unwrap();
    let o = build(&site, &tmp.path().join("o2"), &[]);
    let err = stderr(&o);
    assert!(
        err.contains("`Istres (13047)` looks like a commune"),
        "{err}"
    );
    assert!(
        err.contains("move it from `intercommunalities:` to `communes:`"),
        "{err}"
    );
}
