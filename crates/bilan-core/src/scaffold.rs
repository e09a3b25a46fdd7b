//! `bilan new DIR`: a minimal site that builds at once, to copy from.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context as _, Result};

const FILES: &[(&str, &str)] = &[
    (
        "content/site.yaml",
        "title: \"Mon programme — bilan\"\nlanguage: fr\n# À REMPLIR avant de publier : l'adresse publique du site, par exemple\n# \"https://www.exemple.gouv.fr/bilan/\". Le plan du site (sitemap), le flux et les\n# cartes de partage en ont besoin ; la CI peut aussi passer --base-url.\nbase_url: \"/\"\nprogramme:\n  name: \"Mon programme\"\nregions:\n  - { code: \"R1\", name: \"Ma région\" }\n# Ce que le programme compte : une clé par chiffre des projets. Ajoutez,\n# retirez ou renommez des lignes ; chaque chiffre a ses cartes, graphiques,\n# colonnes et exports.\nmetrics:\n  - { key: jobs_created, label: \"emplois créés\", singular: \"emploi créé\", unit: count, file: emplois, charts: [region, top] }\n  - { key: investment_eur, label: \"d'investissement\", title: \"Investissement\", unit: eur, file: investissement, charts: [region, year, sector, project] }\n  - { key: aid_eur, label: \"d'aide publique\", unit: eur, file: aide, headline: false, charts: [], at_most: investment_eur }\n",
    ),
    (
        "content/territories/premier-territoire.yaml",
        "name: \"Premier territoire\"\nregion: \"R1\"\nprojects:\n  - title: \"Un premier projet\"\n    company: \"Entreprise exemple\"\n    sector: \"Mécanique\"\n    year: 2024\n    investment_eur: 1200000\n    aid_eur: 200000\n    jobs_created: 8\n",
    ),
    ("content/territories/second-territoire.yaml", "name: \"Second territoire\"\nregion: \"R1\"\n"),
    (
        "content/narratives/_index.md",
        "---\ntitle: \"Bienvenue\"\n---\n\nCe texte ouvre la page d'accueil. Modifiez `content/narratives/_index.md`.\n",
    ),
    (
        "content/narratives/programme.md",
        "---\ntitle: \"Le programme\"\nweight: 1\n---\n\n## Objectifs\n\nDécrivez ici le programme. Cette page apparaît dans le menu grâce à `weight`.\n",
    ),
    (
        "content/press/premier-communique.md",
        "---\ntitle: \"Premier communiqué\"\nnumber: \"1\"\ndate: 2024-01-15\nsummary: \"Un exemple de communiqué de presse.\"\ncontacts:\n  - { name: \"Service de presse\", email: \"presse@example.org\" }\n---\n\nLe texte du communiqué, en Markdown.\n",
    ),
    (".gitignore", "/output\n/.output.bilan-*\n/.bilan-cache\n/.bilan-bin\n/.npm\n/public\n/node_modules\n"),
    // Publishing with a scheduled rebuild, so embargoed releases go out.
    (".gitlab-ci.yml", include_str!("scaffold_files/gitlab-ci.yml")),
    (
        ".github/workflows/pages.yml",
        include_str!("scaffold_files/github-pages.yml"),
    ),
    // The CI files install a pinned release with it (checksum checked).
    (
        "scripts/install-bilan.sh",
        include_str!("scaffold_files/install-bilan.sh"),
    ),
];

/// With `--theme dsfr`: the State design system, pinned and locked, for
/// `npm ci` (its terms of use stay the team's to accept).
const DSFR_FILES: &[(&str, &str)] = &[
    (
        "package.json",
        include_str!("scaffold_files/dsfr-package.json"),
    ),
    (
        "package-lock.json",
        include_str!("scaffold_files/dsfr-package-lock.json"),
    ),
];

/// The themes `bilan new` can start a site with.
pub const THEMES: [&str; 2] = ["default", "dsfr"];

/// Writes the starter site into `dir`, which must be missing or empty, for
/// `theme` (one of [`THEMES`]).
pub fn new_site(dir: &Path, theme: &str) -> Result<()> {
    if !THEMES.contains(&theme) {
        bail!(
            "{}",
            crate::tr!(
                "new-theme-unknown",
                theme = theme,
                themes = THEMES.join(", ")
            )
        );
    }
    if dir.exists()
        && fs::read_dir(dir)
            .with_context(|| crate::tr!("cannot-read", path = &dir))?
            .next()
            .is_some()
    {
        bail!("{}", crate::tr!("new-not-empty", dir = dir));
    }
    let extra = if theme == "dsfr" { DSFR_FILES } else { &[] };
    for (rel, text) in FILES.iter().chain(extra) {
        let themed;
        let text = if *rel == "content/site.yaml" && theme != "default" {
            themed = text.replace("language: fr\n", &format!("language: fr\ntheme: {theme}\n"));
            themed.as_str()
        } else {
            text
        };
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| crate::tr!("cannot-create", path = &parent))?;
        }
        fs::write(&path, text).with_context(|| crate::tr!("cannot-write", path = &path))?;
    }
    Ok(())
}
