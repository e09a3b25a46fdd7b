//! `bilan import`: spreadsheets written by real writers (openpyxl, odfpy, a
//! French Excel-style CSV) into a copy of the default site.

use std::path::{Path, PathBuf};

use crate::errors::copy_dir;
use crate::support::*;

/// A copy of the default site's content, with a comment added between keys.
fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    let record = root.join("content/territories/haut-jura.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    let text = text.replace(
        "labelled_on:",
        "# Labellisé lors de la première vague.\nlabelled_on:",
    );
    std::fs::write(&record, text).unwrap();
    (tmp, root)
}

fn import(root: &Path, file: &str, extra: &[&str]) -> std::process::Output {
    let fixture = fixture("import").join(file);
    let mut args = vec![
        "import",
        fixture.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    bilan(&args)
}

/// `bilan import SHEET --root ROOT`.
fn import_sheet(sheet: &Path, root: &Path) -> std::process::Output {
    import_with(sheet, root, &[])
}

/// `bilan import SHEET --root ROOT EXTRA…`.
fn import_with(sheet: &Path, root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        sheet.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    bilan(&args)
}

fn clean(text: &str) -> String {
    text.replace(fixture("import").to_str().unwrap(), "[FIXTURES]")
}

fn stdout(o: &std::process::Output) -> String {
    clean(&String::from_utf8_lossy(&o.stdout))
}

/// Every line of `before` that is not in its `projects:` block is in `after`, in order.
fn other_lines_kept(before: &str, after: &str) {
    let outside = |t: &str| -> Vec<String> {
        let mut in_projects = false;
        t.lines()
            .filter(|l| {
                if l.starts_with("projects:") {
                    in_projects = true;
                } else if !l.starts_with(' ') && !l.is_empty() {
                    in_projects = false;
                }
                !in_projects
            })
            .map(String::from)
            .collect()
    };
    assert_eq!(outside(before), outside(after));
}

#[test]
fn xlsx_ods_and_french_csv_update_the_records() {
    for file in ["projets.xlsx", "projets.ods", "projets-excel-fr.csv"] {
        let (_tmp, root) = site();
        let record = root.join("content/territories/haut-jura.yaml");
        let before = std::fs::read_to_string(&record).unwrap();
        let o = import(&root, file, &[]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        insta::assert_snapshot!(
            format!("report_{}", file.replace(['.', '-'], "_")),
            stdout(&o)
        );
        let after = std::fs::read_to_string(&record).unwrap();
        other_lines_kept(&before, &after);
        assert!(
            after.starts_with("# ti-2705: source ANCT"),
            "the first comment survives"
        );
        assert!(after.contains("# Labellisé lors de la première vague.\nlabelled_on:"));
        assert!(after.contains("  - title: \"Atelier de décolletage\"\n    company: \"Entreprise exemple A\"\n    sector: \"Mécanique\"\n    year: 2021\n    jobs_created: 12\n    investment_eur: 8091000\n    aid_eur: 1200000\n"), "{file}:\n{after}");
        // The site still builds from what the import wrote.
        let out = root.join("output");
        let b = try_build(&root, &out, &[]);
        assert!(b.status.success(), "{}", stderr(&b));
        assert!(page(&out, "territoires/haut-jura/index.html").contains("Atelier de décolletage"));
    }
}

#[test]
fn five_bad_cells_are_all_reported_and_nothing_is_written() {
    let (_tmp, root) = site();
    let o = import(&root, "cinq-erreurs.csv", &[]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(clean(&stderr(&o)));
    let unchanged = read_tree(&repo().join("content/territories"));
    let mut now = read_tree(&root.join("content/territories"));
    now.insert(
        "haut-jura.yaml".into(),
        std::fs::read(repo().join("content/territories/haut-jura.yaml")).unwrap(),
    );
    assert!(now == unchanged, "no record changed");
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let (_tmp, root) = site();
    let before = read_tree(&root.join("content"));
    let o = import(&root, "projets.xlsx", &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Dry run: nothing written (2 records would change)."));
    assert!(stdout(&o).contains("  haut-jura: 2 added, 13 removed, 0 changed, 0 unchanged"));
    assert!(read_tree(&root.join("content")) == before);
}

#[test]
fn exported_xlsx_and_csv_import_back_without_any_change() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&repo(), &out, &[]);
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    let before = read_tree(&root.join("content"));
    for export in ["donnees/projets.xlsx", "donnees/projets.csv"] {
        let file = out.join(export);
        let o = import_sheet(&file, &root);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stdout(&o).contains("149 records already up to date."),
            "{}",
            stdout(&o)
        );
        assert!(stdout(&o).contains("Updated 0 records."));
        assert!(
            read_tree(&root.join("content")) == before,
            "{export} changed content/"
        );
    }
}

/// Issue 23: one changed cell in an exported sheet changes one line of one
/// record; every project keeps its field order, quoting and comments.
#[test]
fn one_changed_cell_gives_a_one_line_diff() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build(&repo(), &out, &[]);
    let root = tmp.path().join("site");
    copy_dir(&repo().join("content"), &root.join("content"));
    let before = read_tree(&root.join("content"));
    let csv = std::fs::read_to_string(out.join("donnees/projets.csv")).unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("haut-jura,"))
        .expect("a Haut-Jura project");
    let cells: Vec<&str> = row.split(',').collect();
    // territory_slug … jobs_created (7), investment_eur (8): raise one amount.
    let raised = (cells[8].parse::<u64>().unwrap() + 1_000).to_string();
    let mut changed_cells = cells.clone();
    changed_cells[8] = &raised;
    let sheet = tmp.path().join("projets.csv");
    std::fs::write(&sheet, csv.replacen(row, &changed_cells.join(","), 1)).unwrap();
    let o = import_sheet(&sheet, &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = read_tree(&root.join("content"));
    let changed: Vec<&String> = after.keys().filter(|k| after[*k] != before[*k]).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    let (old, new) = (
        String::from_utf8(before[changed[0]].clone()).unwrap(),
        String::from_utf8(after[changed[0]].clone()).unwrap(),
    );
    assert_eq!(old.lines().count(), new.lines().count());
    let diff: Vec<(&str, &str)> = old
        .lines()
        .zip(new.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        diff,
        [(
            format!("    investment_eur: {}", cells[8]).as_str(),
            format!("    investment_eur: {raised}").as_str()
        )]
    );
}

#[test]
fn a_map_names_columns_and_is_checked() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("suivi.csv");
    std::fs::write(
        &sheet,
        "Réf.;Libellé;Postes;Montant HT\nhaut-jura;Nouvelle presse;3;450 000 €\n",
    )
    .unwrap();
    let map = tmp.path().join("map.yaml");
    std::fs::write(
        &map,
        "territory: \"Réf.\"\ntitle: \"Libellé\"\njobs_created: \"Postes\"\ninvestment_eur: \"Montant HT\"\n",
    )
    .unwrap();
    let run = |map: &Path| {
        bilan(&[
            "import",
            sheet.to_str().unwrap(),
            "--root",
            root.to_str().unwrap(),
            "--map",
            map.to_str().unwrap(),
        ])
    };
    let o = run(&map);
    assert!(o.status.success(), "{}", stderr(&o));
    let record = std::fs::read_to_string(root.join("content/territories/haut-jura.yaml")).unwrap();
    assert!(
        record.contains(
            "  - title: \"Nouvelle presse\"\n    jobs_created: 3\n    investment_eur: 450000\n"
        ),
        "{record}"
    );
    std::fs::write(
        &map,
        "territory: \"Réf.\"\ntitel: \"Libellé\"\njobs_created: \"Poste\"\n",
    )
    .unwrap();
    let o = run(&map);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace(tmp.path().to_str().unwrap(), "[TMP]");
    insta::assert_snapshot!(err);
}

#[test]
fn unknown_territories_are_errors_with_a_suggestion() {
    let (tmp, root) = site();
    let sheet = tmp.path().join("t.csv");
    std::fs::write(
        &sheet,
        "territory,title\nhaut-jurra,Un\nHaut-Jura,Deux\nnulle-part,Trois\n",
    )
    .unwrap();
    let o = import_sheet(&sheet, &root);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stderr(&o).replace(tmp.path().to_str().unwrap(), "[TMP]"));
}

#[test]
fn another_programme_imports_and_missing_columns_keep_their_values() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("other-metrics"), &root);
    let sheet = tmp.path().join("suivi.csv");
    std::fs::write(
        &sheet,
        "Territoire;Intitulé;Logements rénovés;Commerces rouverts;Subventions;Année\nroche-haute;Maison de santé;0;;300 000 €;2022\nroche-haute;Épicerie solidaire;4;1;25 000;15/09/2024\n",
    )
    .unwrap();
    let o = import_sheet(&sheet, &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        report.contains("  roche-haute: 1 added, 0 removed, 0 changed, 1 unchanged"),
        "{report}"
    );
    assert!(
        report.contains("  logements: 140 → 144\n  commerces: 14 → 15\n"),
        "{report}"
    );
    let record =
        std::fs::read_to_string(root.join("content/territories/roche-haute.yaml")).unwrap();
    // No sector or cost column: the recorded values stay.
    assert!(record.contains("  - title: \"Maison de santé\"\n    sector: \"Services\"\n    year: 2022\n    logements: 0\n    subvention_eur: 300000\n    cout_eur: 900000\n"), "{record}");
    assert!(record.contains("  - title: \"Épicerie solidaire\"\n    year: 2024\n    logements: 4\n    commerces: 1\n    subvention_eur: 25000\n"), "{record}");
}

/// Spreadsheets as teams keep them: a note on the first sheet, and a title
/// and a source above the header row. The import reads the first sheet
/// whose row names a territory and a title column, says so, and says which
/// rows above the header it left out.
#[test]
fn the_header_row_is_found_under_a_title_and_on_a_later_sheet() {
    let (_tmp, root) = site();
    let o = import(&root, "projets-sous-un-titre.xlsx", &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = stdout(&o);
    assert!(report.starts_with("Read 3 project rows from [FIXTURES]/projets-sous-un-titre.xlsx (sheet Projets) for 2 territory records.\n"), "{report}");
    assert!(
        report.contains("Header row: 5; rows 1–3 above it were not read.\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "Sheet Lisez-moi has no territory and title columns: sheet Projets was read.\n"
        ),
        "{report}"
    );
    // The same changes as the plain sheet's.
    let plain = stdout(&import(&root, "projets.xlsx", &["--dry-run"]));
    let changes = |r: &str| -> Vec<String> {
        r.lines()
            .filter(|l| l.starts_with("  "))
            .map(String::from)
            .collect()
    };
    assert_eq!(changes(&report), changes(&plain));

    // A CSV with a title line above its header.
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("suivi.csv");
    std::fs::write(
        &csv,
        "Suivi des projets au 3 décembre;;\n;;\nCode territoire;Intitulé du projet;Emplois créés\nti-2705;Atelier;3\n",
    )
    .unwrap();
    let o = import_with(&csv, &root, &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        report.contains("Header row: 3; row 1 above it was not read.\n"),
        "{report}"
    );
    assert!(
        report.contains("  haut-jura: 1 added, 13 removed"),
        "{report}"
    );

    // A `--sheet` is read as asked, and a sheet without the columns is an
    // error that names the workbook's other sheets.
    let o = import(
        &root,
        "projets-sous-un-titre.xlsx",
        &["--sheet", "Lisez-moi"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = clean(&stderr(&o));
    assert!(
        err.contains(
            "[FIXTURES]/projets-sous-un-titre.xlsx:Lisez-moi: error: no column holds the territory"
        ),
        "{err}"
    );
    assert!(
        err.contains("; the workbook's sheets are: Lisez-moi, Projets (choose one with --sheet)"),
        "{err}"
    );
}

/// Cells that are not figures, as spreadsheets kept by hand hold them:
/// each is an error at its cell, with what to write instead.
#[test]
fn cells_that_are_not_figures_say_what_to_write() {
    let (tmp, root) = site();
    let csv = tmp.path().join("suivi.csv");
    std::fs::write(
        &csv,
        "Code territoire;Intitulé du projet;Investissement (€);Emplois créés\nti-2705;A;2,5 M€;n.c.\nti-2705;B;(1 200);-\n",
    )
    .unwrap();
    let o = import_sheet(&csv, &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (cell, hint) in [
        ("C2", "`2500000`"),
        ("D2", "leave the cell empty"),
        ("C3", "brackets"),
        ("D3", "leave the cell empty"),
    ] {
        let at = err
            .find(&format!("suivi!{cell}: error"))
            .unwrap_or_else(|| panic!("{cell}: {err}"));
        let next = err[at..].lines().nth(1).unwrap_or_default();
        assert!(
            next.contains("= hint:") && next.contains(hint),
            "{cell}: {err}"
        );
    }
}
