//! Interface labels in each language. Templates read them as `t.<key>`, so a
//! theme never hard-codes words and `language: en` switches every label.

use std::collections::BTreeMap;

use crate::text::Language;

/// `(key, French, English)`.
const LABELS: &[(&str, &str, &str)] = &[
    ("colon", "\u{202f}:", ":"),
    ("semicolon", "\u{202f};", ";"),
    ("skip_to_content", "Aller au contenu", "Skip to content"),
    ("main_navigation", "Navigation principale", "Main navigation"),
    ("home", "Accueil", "Home"),
    ("breadcrumb", "Fil d’Ariane", "Breadcrumb"),
    ("show_breadcrumb", "Voir le fil d’Ariane", "Show the breadcrumb"),
    ("territories", "Territoires", "Territories"),
    ("territory", "Territoire", "Territory"),
    ("all_territories", "Tous les territoires", "All territories"),
    ("territories_by_region", "Les territoires par région", "Territories by region"),
    (
        "map_phone_list",
        "Choisir un territoire dans la liste par région",
        "Choose a territory from the list by region",
    ),
    ("regions", "Régions", "Regions"),
    ("region", "Région", "Region"),
    ("share_of_programme", "du total du programme", "of the programme's total"),
    ("press", "Presse", "Press"),
    ("press_releases", "Communiqués de presse", "Press releases"),
    ("no_press_releases", "Aucun communiqué pour le moment.", "No press release yet."),
    ("release_number", "Communiqué n°", "Release no."),
    ("contacts", "Contacts presse", "Press contacts"),
    ("key_figures", "Chiffres clés", "Key figures"),
    ("projects", "Projets", "Projects"),
    ("projects_supported", "projets soutenus", "projects supported"),
    ("project_supported", "projet soutenu", "project supported"),
    ("territories_lc", "territoires", "territories"),
    ("territory_lc", "territoire", "territory"),
    ("company", "Entreprise", "Company"),
    ("sector", "Secteur", "Sector"),
    ("year", "Année", "Year"),
    ("project", "Projet", "Project"),
    ("total", "Total", "Total"),
    ("departments", "Départements", "Départements"),
    ("intercommunalities", "Intercommunalités", "Intercommunalities"),
    ("communes", "Communes", "Communes"),
    ("labelled_on", "Labellisé le", "Joined on"),
    ("leads", "Binôme de pilotage", "Leading pair"),
    ("lead_elected", "Élu", "Elected official"),
    ("lead_industrial", "Industriel", "Industrialist"),
    ("actions", "Actions de la feuille de route", "Roadmap actions"),
    ("no_projects", "Aucun projet financé n'est recensé pour ce territoire.", "No funded project is recorded for this territory."),
    ("projects_table", "Projets soutenus", "Projects supported"),
    ("region_territories", "Les territoires de la région", "The region's territories"),
    ("department_territories", "Les territoires qui couvrent le département", "The territories that cover this département"),
    ("department_shared", "Ces territoires couvrent aussi d’autres départements ; sur chaque page de département, leurs chiffres comptent en entier", "These territories also cover other départements; on each département's page, their figures count in full"),
    ("departments_index", "Les départements", "Départements"),
    ("illustrative_notice", "Les chiffres par projet sont illustratifs : aucune source publique ne les donne projet par projet. Les totaux sont ceux du bilan officiel.", "Project-level figures are illustrative: no public source gives them project by project. The totals are those of the official report."),
    ("declared_as_of", "au", "as of"),
    ("in_records_today", "dans les fiches à ce jour", "in the records today"),
    ("declared_officially", "chiffre officiel", "official figure"),
    ("source", "Source", "Source"),
    ("generated_on", "Mis à jour le", "Updated on"),
    ("feed_label", "Flux RSS/Atom", "RSS/Atom feed"),
    ("embargo_until", "Sous embargo jusqu’au", "Under embargo until"),
    ("embargo_preview", " : aperçu, ce communiqué ne sera publié qu’à la première construction après cette heure.", ": preview; this release is published by the first build after that time."),
    ("draft_banner", "Brouillon : ce communiqué n’est pas publié.", "Draft: this release is not published."),
    ("quick_access", "Accès rapide", "Quick access"),
    ("footer", "Pied de page", "Footer"),
    ("menu", "Menu", "Menu"),
    ("close", "Fermer", "Close"),
    ("display_settings", "Paramètres d’affichage", "Display settings"),
    ("display_choose", "Choisissez un thème pour personnaliser l’apparence du site.", "Choose a theme to personalise the look of the site."),
    ("display_light", "Thème clair", "Light theme"),
    ("display_dark", "Thème sombre", "Dark theme"),
    ("display_system", "Système", "System"),
    ("footer_licence", "Sauf mention contraire, les contenus de ce site sont proposés sous licence Etalab 2.0 (Licence Ouverte).", "Unless stated otherwise, the content of this site is offered under the Etalab 2.0 licence (Licence Ouverte)."),
    ("licence_link", "Licence Ouverte 2.0", "Licence Ouverte 2.0"),
    ("new_window", "nouvelle fenêtre", "new window"),
    ("sort_by", "Trier par", "Sort by"),
    ("legal_notice", "Mentions légales", "Legal notice"),
    ("privacy", "Données personnelles", "Personal data"),
    ("site_plan", "Plan du site", "Site map"),
    ("legal_publisher", "Éditeur", "Publisher"),
    ("legal_director", "Directeur ou directrice de la publication", "Director of publication"),
    ("legal_host", "Hébergement", "Hosting"),
    ("legal_contact", "Contact", "Contact"),
    ("legal_reuse", "Réutilisation des contenus et des données", "Reuse of content and data"),
    ("legal_reuse_text", "Les chiffres publiés sur ce site sont téléchargeables en données ouvertes. Sauf mention contraire, ils peuvent être réutilisés librement, à condition d'en citer la source et la date de mise à jour.", "The figures on this site can be downloaded as open data. Unless stated otherwise, they may be reused freely, provided their source and date of update are given."),
    ("legal_licence", "Licence des données", "Data licence"),
    ("legal_links", "Liens vers ce site", "Links to this site"),
    ("legal_links_text", "Tout site peut établir un lien vers ce site sans autorisation préalable.", "Any website may link to this site without prior permission."),
    ("not_given", "non renseigné", "not given"),
    ("privacy_none", "Ce site ne collecte aucune donnée personnelle.", "This site collects no personal data."),
    ("privacy_cookies", "Il ne dépose aucun cookie et n'utilise aucun outil de mesure d'audience, aucun traceur ni aucun service tiers : il n'a donc pas de bandeau de consentement.", "It sets no cookie and uses no audience measurement, no tracker and no third-party service, so it has no consent banner."),
    ("privacy_search", "La recherche fonctionne entièrement dans votre navigateur : ce que vous tapez n'est transmis à personne.", "Search runs entirely in your browser: what you type is sent to no one."),
    ("privacy_scheme", "Le choix du thème clair ou sombre est enregistré dans votre navigateur (stockage local) et n'en sort pas.", "Your choice of light or dark theme is kept in your browser (local storage) and never leaves it."),
    ("privacy_logs", "Comme tout serveur web, celui de l'hébergeur peut tenir des journaux techniques (adresse IP, page demandée, date) pour assurer la sécurité du service ; le site lui-même n'en fait aucun usage.", "Like any web server, the host's may keep technical logs (IP address, page requested, date) to keep the service secure; the site itself makes no use of them."),
    ("privacy_rights", "Pour toute question sur vos données, écrivez à", "For any question about your data, write to"),
    ("plan_programme", "Le programme", "The programme"),
    ("plan_information", "Informations", "Information"),
    ("published_on", "Publié le", "Published on"),
    ("read_more", "Lire la suite", "Read more"),
    ("not_found_title", "Page introuvable", "Page not found"),
    ("not_found_text", "La page demandée n'existe pas ou a été déplacée.", "The page you asked for does not exist or has moved."),
    ("back_home", "Retour à l'accueil", "Back to the home page"),
    ("narratives", "À lire", "Read"),
    ("in_region", "en", "in"),
    ("projects_lc", "projets", "projects"),
    ("project_lc", "projet", "project"),
    ("charts", "Graphiques", "Charts"),
    ("chart_data", "Données du graphique", "Chart data"),
    ("chart_by_region", "{} par région", "{} by region"),
    ("chart_by_sector", "{} par secteur", "{} by sector"),
    ("chart_by_year", "Projets et {} par année", "Projects and {} by year"),
    ("chart_line_by_year", "{} année après année", "{} year by year"),
    ("chart_top", "{}\u{202f}: les {n} premiers territoires", "{}: the top {n} territories"),
    ("chart_top_one", "{}\u{202f}: le premier territoire", "{}: the top territory"),
    ("chart_by_territory", "{} par territoire", "{} by territory"),
    ("chart_by_project", "{} par projet", "{} by project"),
    ("not_reported", "non renseigné", "not reported"),
    ("reported_for", "renseigné pour {} projets sur {}", "reported for {} of {} projects"),
    ("reported_for_one", "renseigné pour {} projet sur {}", "reported for {} of {} projects"),
    ("and", "et", "and"),
    ("chart_illustrative", "répartition illustrative", "illustrative breakdown"),
    ("map", "Carte des territoires", "Map of the territories"),
    ("map_insets", "Encadrés, de haut en bas", "Insets, top to bottom"),
    ("map_legend", "Territoire du programme", "Territory of the programme"),
    ("map_region", "Les territoires", "The territories"),
    ("map_coloured", "chaque territoire est coloré selon son total, du plus clair au plus foncé ; le nom de chaque territoire donne sa valeur.", "each territory is coloured by its total, from lightest to darkest; each territory's name gives its value."),
    ("map_membership", "La carte des territoires du programme", "The map of the programme's territories"),
    ("locator", "{territory} dans sa région, {region}", "{territory} in its region, {region}"),
    ("map_region_desc", "Carte de France des territoires du programme, ceux de la région mis en évidence ; la liste figure dans le dossier.", "Map of France showing the programme's territories, the region's highlighted; the list is in the kit."),
    ("regional_kit", "Dossier de presse régional", "Regional press kit"),
    ("regional_kits", "Dossiers de presse régionaux", "Regional press kits"),
    ("map_legend_region", "Territoire de la région", "Territory of the region"),
    ("map_legend_others", "Autre territoire", "Other territory"),
    ("map_desc", "Carte des territoires du programme ; chaque territoire est un lien vers sa fiche. La liste complète figure plus bas.", "Map of the programme's territories; each territory links to its page. The full list is further down."),
    ("download", "Télécharger", "Download"),
    ("accessibility", "Accessibilité", "Accessibility"),
    ("accessibility_statement", "Déclaration d'accessibilité", "Accessibility statement"),
    ("a11y_intro", "s'engage à rendre son site accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site", "is committed to making its website accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the website"),
    ("a11y_status", "État de conformité", "Compliance status"),
    ("a11y_status_text", "Ce site est", "This website is"),
    ("a11y_status_full", "totalement conforme", "fully compliant"),
    ("a11y_status_partial", "partiellement conforme", "partially compliant"),
    ("a11y_status_none", "non conforme", "not compliant"),
    ("a11y_standard", "avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.", "with the French accessibility standard RGAA, version 4.1 (based on WCAG 2.1 AA)."),
    ("a11y_audit", "Résultats des tests", "Test results"),
    ("a11y_method", "Méthode", "Method"),
    ("a11y_method_text", "Chaque publication est vérifiée automatiquement : axe-core (règles WCAG 2.1 A et AA) dans un navigateur Chromium, et le validateur HTML Nu, sur chaque type de page. Ces tests ne remplacent pas un audit manuel.", "Every publication is checked automatically: axe-core (WCAG 2.1 A and AA rules) in a Chromium browser, and the Nu HTML checker, on every page type. These tests do not replace a manual audit."),
    ("a11y_exceptions", "Contenus non accessibles", "Non-accessible content"),
    ("a11y_date", "Date de la déclaration", "Date of this statement"),
    ("a11y_audit_date", "Date de l'audit", "Date of the audit"),
    ("a11y_no_audit", "Aucun audit de conformité n'a été réalisé : en l'absence d'audit, le référentiel impose de déclarer le site non conforme.", "No conformity audit has been carried out: without one, the standard requires the site to be declared not compliant."),
    ("a11y_feedback", "Retour d'information et contact", "Feedback and contact"),
    ("a11y_feedback_text", "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.", "If you cannot access some content or a service, contact us to be directed to an accessible alternative or to get the content in another form."),
    ("a11y_redress", "Voies de recours", "Means of redress"),
    ("a11y_redress_text", "Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits :", "If you report an accessibility problem that prevents you from using some content or a feature of the site and get no answer from us, you may refer the matter to the Défenseur des droits (French rights ombudsman):"),
    ("a11y_redress_list", "écrire un message au Défenseur des droits (formulaire en ligne) ; contacter le délégué du Défenseur des droits dans votre région ; envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.", "write to the Défenseur des droits (online form); contact the Défenseur des droits delegate in your region; send a letter by post (free, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France."),
    ("open_data", "Données ouvertes", "Open data"),
    ("search", "Recherche", "Search"),
    ("search_label", "Rechercher un territoire, un projet, une page", "Search for a territory, a project, a page"),
    ("search_short", "Rechercher", "Search"),
    ("search_noscript", "La recherche a besoin de JavaScript. Sans lui, la liste des territoires se filtre par région et par département.", "Search needs JavaScript. Without it, the list of territories can be filtered by region and département."),
    ("no_results", "Aucun résultat", "No result"),
    ("result_one", "{} résultat", "{} result"),
    ("results_many", "{} résultats", "{} results"),
    ("results_more", "et {} autres", "and {} more"),
    ("pages", "Pages", "Pages"),
    ("all_regions", "Toutes les régions", "All regions"),
    ("department", "Département", "Département"),
    ("all_departments", "Tous les départements", "All départements"),
    ("filter_text", "Nom, intercommunalité", "Name, intercommunality"),
    ("filter_button", "Filtrer", "Filter"),
    ("filter_shown", "{} territoires affichés sur {}", "{} of {} territories shown"),
    ("filter_shown_one", "{} territoire affiché sur {}", "{} of {} territories shown"),
    ("filters", "Filtrer les territoires", "Filter the territories"),
    ("open_data_summary", "Les chiffres du site en XLSX, CSV et JSON, territoire par territoire et projet par projet.", "The site's figures as XLSX, CSV and JSON, by territory and by project."),
    ("press_kit", "Dossier de presse", "Press kit"),
    ("press_kit_intro", "Tout ce qu'il faut pour écrire sur le programme : chiffres clés, visuels prêts à imprimer, données et contacts.", "Everything needed to write about the programme: key figures, print-ready visuals, data and contacts."),
    ("presentation", "Présentation", "Presentation"),
    ("download_pdf", "Le dossier de presse en PDF", "The press kit as a PDF"),
    ("release_pdf", "Ce communiqué en PDF", "This release as a PDF"),
    ("press_release", "Communiqué de presse", "Press release"),
    ("quotes", "Citations", "Quotes"),
    ("visuals", "Visuels", "Visuals"),
    ("photos", "Photos", "Photos"),
    ("credit", "Crédit", "Credit"),
    ("png_print", "PNG pour l'impression", "PNG for print"),
    ("data_downloads", "Données", "Data"),
    ("download_all", "Tout télécharger (visuels, données, communiqués)", "Download everything (visuals, data, releases)"),
    ("row", "ligne", "row"),
    ("rows", "lignes", "rows"),
    ("column", "Colonne", "Column"),
    ("meaning", "Signification", "Meaning"),
    ("licence", "Licence", "Licence"),
    ("columns_of", "Colonnes de", "Columns of"),
    ("open_data_text", "Pour un tableur (Excel, LibreOffice Calc), ouvrez le fichier XLSX\u{202f}: les nombres y sont des nombres et la ligne d'en-tête reste visible. Les fichiers CSV (UTF-8, séparateur virgule, une ligne d'en-tête) et JSON sont faits pour les programmes. Les noms de colonnes sont stables d'une publication à l'autre, et toute somme sur ces fichiers donne les chiffres affichés sur le site. Dans les CSV, un texte qui commence par =, +, -, @ ou une tabulation est précédé d'une apostrophe, pour qu'un tableur ne l'exécute jamais comme une formule\u{202f}; les fichiers JSON et XLSX donnent le texte exact.", "For a spreadsheet (Excel, LibreOffice Calc), open the XLSX file: numbers are numbers there and the header row stays in view. The CSV files (UTF-8, comma-separated, one header row) and the JSON files are for programs. Column names are stable from one publication to the next, and any sum over these files gives the figures shown on the site. In the CSV files, text starting with =, +, -, @ or a tab is preceded by an apostrophe, so that a spreadsheet never runs it as a formula; the JSON and XLSX files give the exact text."),
];

/// The labels for `lang`, keyed by name.
pub fn labels(lang: Language) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|&(k, fr, en)| (k, if lang == Language::Fr { fr } else { en }))
        .collect()
}

/// The singular label for one (in French, zero too), else the plural one.
pub fn count_label<'a>(lang: Language, n: u64, one: &'a str, many: &'a str) -> &'a str {
    match (lang, n) {
        (Language::Fr, 0 | 1) | (Language::En, 1) => one,
        _ => many,
    }
}

/// Labels by key, for code that writes words into views and charts.
pub struct Labels(pub BTreeMap<&'static str, &'static str>);

impl Labels {
    /// The labels of `lang`.
    pub fn new(lang: Language) -> Labels {
        Labels(labels(lang))
    }

    /// The label of `key`. Every key in use is checked to exist by a test
    /// that reads the sources; a key missing anyway prints as itself.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        debug_assert!(self.0.contains_key(key), "missing label `{key}`");
        self.0.get(key).copied().unwrap_or(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label key the code and the default theme use, found by
    /// reading their sources: `t.get("key")` in Rust, `t.key` in templates,
    /// and the chart title keys passed to `Style::title`.
    fn used_keys() -> Vec<(String, String)> {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(root.join("src"))
            .into_iter()
            .chain(walkdir::WalkDir::new(root.join("crates/bilan-core/src")))
            .chain(walkdir::WalkDir::new(
                root.join("crates/bilan-core/themes/default/templates"),
            ))
        {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() || entry.path().ends_with("src/i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let name = entry.path().display().to_string();
            let is_rust = name.ends_with(".rs");
            let patterns: &[&str] = if is_rust {
                &["t.get(\"", "labels.get(\"", "st.title(\""]
            } else {
                &["t."]
            };
            for pat in patterns {
                for (i, _) in text.match_indices(pat) {
                    let before = text[..i].chars().next_back();
                    if !is_rust
                        && before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    {
                        continue;
                    }
                    let rest = &text[i + pat.len()..];
                    let key: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    if !key.is_empty() {
                        found.push((name.clone(), key));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_label_key_in_use_exists_in_both_languages() {
        let known = labels(Language::Fr);
        let used = used_keys();
        assert!(used.len() > 60, "the scan finds the keys in use");
        let missing: Vec<&(String, String)> = used
            .iter()
            .filter(|(_, k)| !known.contains_key(k.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "labels missing from LABELS: {missing:?}"
        );
    }

    #[test]
    fn keys_are_unique_and_complete() {
        assert_eq!(labels(Language::Fr).len(), LABELS.len());
        assert!(LABELS
            .iter()
            .all(|(_, fr, en)| !fr.is_empty() && !en.is_empty()));
    }
}
