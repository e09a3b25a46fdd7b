//! The bottom layer: small text and language helpers that every other
//! module may use and that use none of them: the interface language, slugs,
//! the one accent-folding table (slugs, heading ids, search, import
//! headers), and excerpts for messages.

use serde::Deserialize;

/// Interface language: labels, number and date formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// French (the default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 code for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }
}

/// Lowercase ASCII letters, digits and `-`: safe in URLs and on every file system.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug close to `s`: accents folded as for search, everything else
/// turned into `-`.
pub fn suggest_slug(s: &str) -> String {
    fold(s).replace(' ', "-")
}

/// Words beginning with a mute h, which French elides before like a vowel
/// (`d'Hyères`); every other h is taken as aspirated (`de Haute-Savoie`,
/// `de Haguenau`), as most place names are.
const MUTE_H: [&str; 8] = [
    "hyères",
    "hérault",
    "hérouville",
    "hénin",
    "hazebrouck",
    "honfleur",
    "hendaye",
    "hirson",
];

/// `de` before `name`, as French writes it: `d'Ajaccio`, `du Havre` (for
/// `Le Havre`), `des Sables` (for `Les Sables`), `de La Réunion`,
/// `de Haute-Savoie`. With a straight apostrophe: the typography pass
/// curls it where the site asks for it.
pub fn de(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Le ") {
        return format!("du {rest}");
    }
    if let Some(rest) = name.strip_prefix("Les ") {
        return format!("des {rest}");
    }
    if elides(name) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// `à` before `name`: `au Havre`, `aux Sables`, else `à Name`.
pub fn a(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Le ") {
        return format!("au {rest}");
    }
    if let Some(rest) = name.strip_prefix("Les ") {
        return format!("aux {rest}");
    }
    format!("à {name}")
}

/// True when French elides a word before `name`: a vowel or a mute h.
fn elides(name: &str) -> bool {
    let Some(first) = name.chars().next() else {
        return false;
    };
    let folded = fold(&first.to_string());
    if folded.starts_with(['a', 'e', 'i', 'o', 'u', 'y']) {
        return true;
    }
    let lower = name.to_lowercase();
    MUTE_H.iter().any(|w| lower.starts_with(w))
}

/// `Château-d'Œx` → `chateau d oex`: lowercase ASCII letters and digits,
/// one space between words. Letters without an ASCII form stay as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Most text is ASCII: no Unicode tables for it.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        fold_char(c, &mut out);
    }
    out.trim_end().to_string()
}

/// Folds one non-ASCII character into `out`.
fn fold_char(c: char, out: &mut String) {
    for c in c.to_lowercase() {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ç' => "c",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        if folded == " " {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push_str(folded);
        }
    }
}

/// At most `max` characters of `text`, with `…` when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_elides_before_vowels_and_mute_h_and_contracts_articles() {
        assert_eq!(de("Auvergne-Rhône-Alpes"), "d'Auvergne-Rhône-Alpes");
        assert_eq!(de("Ajaccio"), "d'Ajaccio");
        assert_eq!(de("Île-de-France"), "d'Île-de-France");
        assert_eq!(de("Œx"), "d'Œx");
        assert_eq!(
            de("Entreprise illustrative 1262"),
            "d'Entreprise illustrative 1262"
        );
        assert_eq!(de("Hyères"), "d'Hyères");
        assert_eq!(de("Haute-Savoie"), "de Haute-Savoie");
        assert_eq!(de("Haguenau"), "de Haguenau");
        assert_eq!(de("La Réunion"), "de La Réunion");
        assert_eq!(de("Le Havre"), "du Havre");
        assert_eq!(de("Les Sables-d'Olonne"), "des Sables-d'Olonne");
        assert_eq!(de("Bretagne"), "de Bretagne");
        assert_eq!(de("2019"), "de 2019");
        assert_eq!(a("Le Havre"), "au Havre");
        assert_eq!(a("Les Sables"), "aux Sables");
        assert_eq!(a("Guadeloupe"), "à Guadeloupe");
    }

    #[test]
    fn slugs_and_folding_share_one_table() {
        assert_eq!(suggest_slug("Château-d'Œx"), "chateau-d-oex");
        assert_eq!(suggest_slug("  Les résultats !"), "les-resultats");
        assert_eq!(fold("Château-d'Œx"), "chateau d oex");
        assert!(is_slug("haut-jura") && !is_slug("Haut-Jura") && !is_slug(""));
        assert_eq!(excerpt("abcdef", 3), "abc…");
    }
}
