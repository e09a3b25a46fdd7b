//! French typography on every page: no line can break inside a number or
//! before `: ; ! ?`, walking every text node bilan writes.

use crate::errors::copy_dir;
use crate::support::*;

/// The text nodes of an HTML, SVG or XML document, without code, scripts,
/// styles or attribute values (a simple walker, independent of `typo.rs`).
fn text_nodes(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(lt) = rest.find('<') {
        out.push(rest[..lt].to_string());
        rest = &rest[lt..];
        let lower = rest.get(..10).unwrap_or(rest).to_ascii_lowercase();
        let raw = ["<script", "<style", "<pre", "<code"]
            .iter()
            .find(|t| lower.starts_with(**t));
        let close = match raw {
            Some(t) => format!("</{}", &t[1..]),
            None if rest.starts_with("<!--") => "-->".to_string(),
            None => ">".to_string(),
        };
        match rest.find(&close) {
            Some(k) => rest = &rest[k + close.len()..],
            None => return out,
        }
        if raw.is_some() {
            rest = rest.find('>').map_or("", |k| &rest[k + 1..]);
        }
    }
    out.push(rest.to_string());
    out
}

/// Breakable spaces where French typography forbids them, with context.
fn breakable_spaces(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let ctx = |i: usize| -> String {
        chars[i.saturating_sub(12)..(i + 12).min(chars.len())]
            .iter()
            .collect()
    };
    let breakable = |c: char| c == ' ' || c == '\n' || c == '\t';
    for i in 0..chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if breakable(c) && matches!(next, Some(':' | ';' | '!' | '?' | '»')) {
            found.push(format!("space before punctuation: {:?}", ctx(i)));
        }
        if c == '«' && next.is_some_and(breakable) {
            found.push(format!("space after «: {:?}", ctx(i)));
        }
        if c == '°' && i > 0 && matches!(chars[i - 1], 'n' | 'N') && next.is_some_and(breakable) {
            found.push(format!("space after n°: {:?}", ctx(i)));
        }
        // A group of 1 to 3 digits, a space, then exactly 3 digits.
        if breakable(c) && i > 0 && chars[i - 1].is_ascii_digit() {
            let run = chars[..i]
                .iter()
                .rev()
                .take_while(|d| d.is_ascii_digit())
                .count();
            let clean = i == run || !chars[i - run - 1].is_alphanumeric();
            let next3 = chars[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if run <= 3 && clean && next3 == 3 {
                found.push(format!("space inside a number: {:?}", ctx(i)));
            }
        }
    }
    found
}

/// Words French elides before a vowel (`d'Ajaccio`, `l'Ain`).
const ELIDED: [&str; 6] = ["de", "le", "la", "que", "ne", "se"];

/// The rules of French text beyond spacing, with context: elision before a
/// vowel, typographic apostrophes, en dashes between names, `n°` in running
/// text, no label doubled (`Crédit : Données :`).
fn french_rules(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let ctx = |i: usize| -> String {
        chars[i.saturating_sub(16)..(i + 16).min(chars.len())]
            .iter()
            .collect()
    };
    let vowel = |c: char| "aeiouyAEIOUYàâéèêëîïôûÀÂÉÈÊÎÔÛ".contains(c);
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        if c == '\''
            && prev.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic)
        {
            found.push(format!("straight apostrophe: {:?}", ctx(i)));
        }
        if c == '-' && prev == Some(' ') && next == Some(' ') {
            found.push(format!("hyphen for a dash: {:?}", ctx(i)));
        }
        if c == 'N' && next == Some('°') && i >= 2 && chars[i - 2].is_lowercase() {
            found.push(format!("N° in running text: {:?}", ctx(i)));
        }
        if c == ' ' && next.is_some_and(vowel) {
            let word: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let starts =
                i == word.chars().count() || !chars[i - word.chars().count() - 1].is_alphanumeric();
            let second: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            // A one-letter word after it ("de A à Z") is no name to elide to.
            if starts && ELIDED.contains(&word.as_str()) && second.chars().count() > 1 {
                found.push(format!("no elision: {:?}", ctx(i)));
            }
        }
    }
    // `Label : Label :`, a label twice over.
    for (i, _) in text.match_indices(':') {
        let rest = text[i + 1..].trim_start_matches([' ', '\u{a0}']);
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let then = rest[word.len()..].trim_start_matches([' ', '\u{a0}']);
        if word.chars().next().is_some_and(char::is_uppercase) && then.starts_with(':') {
            let at: String = text[i..].chars().take(30).collect();
            found.push(format!("label doubled: {at:?}"));
        }
    }
    found
}

/// Text of every PDF of `out`, as a reader's tools extract it.
fn pdf_texts(out: &std::path::Path) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for path in read_tree(out).into_keys().filter(|p| p.ends_with(".pdf")) {
        let Ok(o) = std::process::Command::new("pdftotext")
            .arg(out.join(&path))
            .arg("-")
            .output()
        else {
            assert!(
                std::env::var_os("BILAN_AUDIT").is_none(),
                "pdftotext missing"
            );
            return Vec::new();
        };
        texts.push((path, String::from_utf8_lossy(&o.stdout).into_owned()));
    }
    texts
}

#[test]
fn every_text_of_the_default_site_follows_french_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let mut problems = Vec::new();
    let decode = |t: &str| {
        t.replace("&#39;", "'")
            .replace("&apos;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let mut walked = 0;
    for (path, bytes) in read_tree(&out) {
        if !(path.ends_with(".html") || path.ends_with(".svg") || path == "feed.xml") {
            continue;
        }
        walked += 1;
        let doc = String::from_utf8(bytes).unwrap();
        // Every text node: HTML text, SVG `<text>`, `<title>` and `<desc>`.
        for node in text_nodes(&doc) {
            for p in french_rules(&decode(&node)) {
                problems.push(format!("{path}: {p}"));
            }
        }
    }
    let pdfs = pdf_texts(&out);
    for (path, text) in &pdfs {
        for p in french_rules(&text.replace('\n', " ")) {
            problems.push(format!("{path}: {p}"));
        }
    }
    assert!(walked > 150, "{walked} files walked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_french_text_breaks_inside_a_number_or_before_punctuation() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&repo(), &out, &[]);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, bytes) in read_tree(&out) {
        let walk = path.ends_with(".html") || path.ends_with(".svg") || path == "feed.xml";
        if !walk {
            continue;
        }
        checked += 1;
        let doc = String::from_utf8(bytes).unwrap();
        for node in text_nodes(&doc) {
            for p in breakable_spaces(&node) {
                problems.push(format!("{path}: {p}"));
            }
        }
    }
    assert!(checked > 150, "{checked} files walked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // What the issue saw: the release's "plus de 1 400" and the home title.
    let release = page(&out, "presse/2021-10-11-bilan-trois-ans/index.html");
    assert!(release.contains("1\u{202f}400"), "hand-typed number joined");
    assert!(release.contains("n°\u{a0}1522") || release.contains("N°\u{a0}1522"));
    // Attributes keep what the author wrote.
    let home = page(&out, "index.html");
    assert!(!home.contains("content=\"\u{a0}"));
}

#[test]
fn the_walker_finds_what_it_looks_for() {
    let bad = "<p>plus de 1 400 projets : bilan ; « oui » n° 12</p><pre>1 400 :</pre>";
    let found: Vec<String> = text_nodes(bad)
        .iter()
        .flat_map(|t| breakable_spaces(t))
        .collect();
    assert_eq!(found.len(), 6, "{found:#?}");
    let bad = "Région de Auvergne-Rhône-Alpes, Plaine de l'Ain - Pays de Gex, le communiqué N° 1522, Crédit : Données : ANCT";
    let found = french_rules(bad);
    assert_eq!(found.len(), 5, "{found:#?}");
    let good = "Région d’Auvergne-Rhône-Alpes, de La Réunion, de A à Z, Plaine de l’Ain – Pays de Gex, N° 1522, le communiqué n° 1522, Crédit : ANCT";
    assert_eq!(french_rules(good), Vec::<String>::new());
}

#[test]
fn apostrophes_are_a_site_option() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("src");
    copy_dir(&fixture("other-metrics"), &site);
    let yaml = site.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\ntypography:\n  apostrophes: true\n")).unwrap();
    let out = tmp.path().join("site");
    build(&site, &out, &[]);
    let home = page(&out, "index.html");
    assert!(home.contains("’"), "curly apostrophes when asked");
    assert!(
        !home.contains("&#39;"),
        "no straight apostrophe left in text"
    );
}
