//! French typography, applied in one pass to everything bilan writes in
//! French: pages (text nodes only), feed entries and chart labels.
//!
//! The rules (DESIGN.md, "Numbers"): a no-break space before `:`, a narrow
//! one before `; ! ?` and inside `« »`, a narrow one between the digit
//! groups of a number typed by hand (`1 400`) and between a number and its
//! unit (`5,4 milliards`, `12 %`), a no-break space in `n° 1522`, and, when
//! the site asks for it, typographic apostrophes. Only existing spaces are
//! changed before punctuation, so `https://` and `10:30` stay as they are;
//! code, `<pre>`, scripts, styles and attributes are never touched.

use std::borrow::Cow;

/// U+00A0, before `:` and in `n° 1522`.
pub const NBSP: &str = "\u{a0}";
/// U+202F, before `; ! ?`, inside guillemets and inside numbers.
pub const NNBSP: &str = "\u{202f}";

/// Site options of the pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    /// `l'usine` becomes `l’usine`.
    pub apostrophes: bool,
    /// A hyphen between spaces becomes an en dash: `Oyonnax – Bugey Sud`.
    pub dashes: bool,
}

/// Words and symbols that belong to the number before them.
const UNITS: &[&str] = &[
    "%",
    "€",
    "k€",
    "M€",
    "Md€",
    "Mds€",
    "milliard",
    "milliards",
    "euro",
    "euros",
    "million",
    "millions",
    "Md",
    "Mds",
    "km",
    "ha",
];

/// Elements whose text is code or data, never prose.
const RAW_ELEMENTS: &[&str] = &[
    "pre", "code", "kbd", "samp", "script", "style", "textarea", "var",
];

/// Applies the rules to plain text (a title, a label, a feed entry).
pub fn text(s: &str, rules: Rules) -> Cow<'_, str> {
    let mut edits = Vec::new();
    scan(s, rules, false, &mut edits);
    apply(s, &edits)
}

/// Applies the rules to the text nodes of an HTML, SVG or XML document.
pub fn html(doc: &str, rules: Rules) -> Cow<'_, str> {
    let bytes = doc.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let next_tag = memchr(b'<', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        if next_tag > i {
            let before = edits.len();
            scan(&doc[i..next_tag], rules, true, &mut edits);
            for e in &mut edits[before..] {
                e.0 += i;
            }
        }
        if next_tag >= bytes.len() {
            break;
        }
        i = skip_markup(doc, next_tag);
    }
    apply(doc, &edits)
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// From a `<` at `at`, the index after the tag, comment or raw element.
fn skip_markup(doc: &str, at: usize) -> usize {
    let rest = &doc[at..];
    if rest.starts_with("<!--") {
        return rest.find("-->").map_or(doc.len(), |k| at + k + 3);
    }
    if rest.starts_with("<![CDATA[") {
        return rest.find("]]>").map_or(doc.len(), |k| at + k + 3);
    }
    let end = tag_end(doc, at);
    let name: String = rest[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let self_closing = doc[..end].ends_with("/>");
    if RAW_ELEMENTS.contains(&name.as_str()) && !self_closing {
        let close = format!("</{name}");
        let lower_rest = &doc[end..];
        return find_ci(lower_rest, &close).map_or(doc.len(), |k| tag_end(doc, end + k));
    }
    end
}

/// The index after the `>` closing the tag that starts at `at`, skipping
/// quoted attribute values.
fn tag_end(doc: &str, at: usize) -> usize {
    let bytes = doc.as_bytes();
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(at + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// One change: replace `len` bytes at `at` with `with`.
type Edit = (usize, usize, &'static str);

fn apply<'a>(s: &'a str, edits: &[Edit]) -> Cow<'a, str> {
    if edits.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + edits.len() * 2);
    let mut last = 0;
    for &(at, len, with) in edits {
        out.push_str(&s[last..at]);
        out.push_str(with);
        last = at + len;
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// The width of a space at `i`: ` ` or U+00A0 (U+202F is already right).
fn space_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i) {
        Some(b' ') => Some(1),
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => Some(2),
        _ => None,
    }
}

/// Collects the edits for one run of text. `escaped`: the text is HTML,
/// where `'` may be written `&#39;` or `&#x27;`.
fn scan(s: &str, rules: Rules, escaped: bool, edits: &mut Vec<Edit>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(w) = space_at(b, i) {
            if let Some(with) = space_rule(s, i, w) {
                if !(w == 2 && with == NBSP) {
                    edits.push((i, w, with));
                }
            }
            i += w;
            continue;
        }
        match b[i] {
            // «
            0xC2 if b.get(i + 1) == Some(&0xAB) => {
                if space_at(b, i + 2).is_none() && !s[i + 2..].starts_with(NNBSP) {
                    edits.push((i + 2, 0, NNBSP));
                }
                i += 2;
            }
            // »
            0xC2 if b.get(i + 1) == Some(&0xBB) => {
                let prev = s[..i].chars().next_back();
                if prev.is_some_and(|p| !p.is_whitespace()) {
                    edits.push((i, 0, NNBSP));
                }
                i += 2;
            }
            // ° in n°1522
            0xC2 if b.get(i + 1) == Some(&0xB0) => {
                let numero = s[..i].ends_with(['n', 'N']);
                if numero && b.get(i + 2).is_some_and(u8::is_ascii_digit) {
                    edits.push((i + 2, 0, NBSP));
                }
                i += 2;
            }
            b'-' if rules.dashes && i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => {
                edits.push((i, 1, "–"));
                i += 1;
            }
            b'\'' if rules.apostrophes && between_letters(s, i, 1) => {
                edits.push((i, 1, "’"));
                i += 1;
            }
            b'&' if escaped && rules.apostrophes => {
                let w = ["&#39;", "&#x27;", "&apos;"]
                    .iter()
                    .find(|e| s[i..].starts_with(**e))
                    .map(|e| e.len());
                match w {
                    Some(w) if between_letters(s, i, w) => {
                        edits.push((i, w, "’"));
                        i += w;
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
}

fn between_letters(s: &str, i: usize, w: usize) -> bool {
    let prev = s[..i].chars().next_back();
    let next = s[i + w..].chars().next();
    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
}

/// True when the group of digits starting at `start` follows a decimal
/// comma, directly or after groups of three: `3,141 592`.
fn in_decimals(b: &[u8], start: usize) -> bool {
    let mut p = start;
    loop {
        match p.checked_sub(1).map(|k| b[k]) {
            Some(b',') => return p >= 2 && b[p - 2].is_ascii_digit(),
            Some(b' ') if p >= 4 && b[p - 4..p - 1].iter().all(u8::is_ascii_digit) => p -= 4,
            _ => return false,
        }
    }
}

/// What the space of width `w` at `i` should be, if not a plain space.
fn space_rule(s: &str, i: usize, w: usize) -> Option<&'static str> {
    let b = s.as_bytes();
    let after = &s[i + w..];
    let next = after.chars().next()?;
    match next {
        ':' => return Some(NBSP),
        ';' | '!' | '?' | '»' => return Some(NNBSP),
        _ => {}
    }
    let before = &s[..i];
    if before.ends_with('«') {
        return Some(NNBSP);
    }
    if before.ends_with("n°") || before.ends_with("N°") {
        return next.is_ascii_digit().then_some(NBSP);
    }
    let run = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    if run == 0 {
        return None;
    }
    // 1 400, 27 250, 1 234 567: a group of one to three digits, then
    // groups of exactly three (2021 350 stays two numbers).
    let group_start = i - run;
    let starts_clean = group_start == 0
        || !matches!(b[group_start - 1], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'#' | b'.');
    let next_group = after.bytes().take_while(u8::is_ascii_digit).count();
    // A decimal part may follow (1 234,56), but not a fourth digit (1 4000).
    let continues = after.as_bytes().get(3).is_some_and(u8::is_ascii_digit);
    if run <= 3 && starts_clean && next_group == 3 && !continues {
        return Some(NNBSP);
    }
    // Decimals grouped by three (3,141 592 6): the last group may be short.
    if run == 3 && in_decimals(b, group_start) && (1..=3).contains(&next_group) && !continues {
        return Some(NNBSP);
    }
    // 5,4 milliards, 12 %, 40 M€
    let word_end = after
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '€' || c == '%'))
        .map_or(after.len(), |(k, _)| k);
    let word = &after[..word_end.max(next.len_utf8())];
    UNITS.contains(&word).then_some(NNBSP)
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: Rules = Rules {
        apostrophes: false,
        dashes: false,
    };
    const CURLY: Rules = Rules {
        apostrophes: true,
        dashes: true,
    };

    fn t(s: &str) -> String {
        text(s, R).into_owned()
    }

    #[test]
    fn punctuation() {
        assert_eq!(t("Bilan : 3 ans"), "Bilan\u{a0}: 3 ans");
        assert_eq!(
            t("Vraiment ? Oui ! Enfin ; bref"),
            "Vraiment\u{202f}? Oui\u{202f}! Enfin\u{202f}; bref"
        );
        assert_eq!(t("Bilan\u{a0}: déjà"), "Bilan\u{a0}: déjà");
        assert_eq!(t("« Bonjour »"), "«\u{202f}Bonjour\u{202f}»");
        assert_eq!(t("«Bonjour»"), "«\u{202f}Bonjour\u{202f}»");
        assert_eq!(t("«\u{202f}Bonjour\u{202f}»"), "«\u{202f}Bonjour\u{202f}»");
        // Nothing is inserted where the author wrote no space.
        assert_eq!(
            t("https://exemple.fr à 10:30"),
            "https://exemple.fr à 10:30"
        );
        assert_eq!(t("?q=usine"), "?q=usine");
    }

    #[test]
    fn numbers_do_not_break() {
        assert_eq!(t("plus de 1 400 projets"), "plus de 1\u{202f}400 projets");
        assert_eq!(t("27 250 emplois"), "27\u{202f}250 emplois");
        assert_eq!(t("1 234 567"), "1\u{202f}234\u{202f}567");
        assert_eq!(t("5,4 milliards d'euros"), "5,4\u{202f}milliards d'euros");
        assert_eq!(t("12 % et 40 M€"), "12\u{202f}% et 40\u{202f}M€");
        assert_eq!(t("n° 1522 et N°1522"), "n°\u{a0}1522 et N°\u{a0}1522");
        // Two numbers side by side stay two numbers.
        assert_eq!(t("en 2021 350 sites"), "en 2021 350 sites");
        assert_eq!(t("de 12 mois"), "de 12 mois");
        assert_eq!(t("1 4000"), "1 4000");
        assert_eq!(t("le 11 octobre 2021"), "le 11 octobre 2021");
        assert_eq!(t("version2 100"), "version2 100");
        // Decimals: the groups before and after the comma.
        assert_eq!(t("1 234,56 €"), "1\u{202f}234,56\u{202f}€");
        assert_eq!(
            t("12 345 678,9 euros"),
            "12\u{202f}345\u{202f}678,9\u{202f}euros"
        );
        assert_eq!(t("π vaut 3,141 592 6"), "π vaut 3,141\u{202f}592\u{202f}6");
        assert_eq!(t("0,5 %"), "0,5\u{202f}%");
    }

    #[test]
    fn apostrophes_are_an_option() {
        assert_eq!(t("l'usine"), "l'usine");
        assert_eq!(text("l'usine d'Arve", CURLY), "l’usine d’Arve");
        assert_eq!(text("'cité'", CURLY), "'cité'");
        assert_eq!(html("<p>l&#39;usine</p>", CURLY), "<p>l’usine</p>");
    }

    #[test]
    fn a_spaced_hyphen_is_an_en_dash() {
        assert_eq!(t("Oyonnax - Bugey Sud"), "Oyonnax - Bugey Sud");
        assert_eq!(
            text("Oyonnax - Bugey Sud - Plaine de l'Ain", CURLY),
            "Oyonnax – Bugey Sud – Plaine de l’Ain"
        );
        // Compound words and negative numbers keep their hyphen.
        assert_eq!(text("Rhône-Alpes, -3 %", CURLY), "Rhône-Alpes, -3\u{202f}%");
        assert_eq!(html("<code>a - b</code>", CURLY), "<code>a - b</code>");
    }

    #[test]
    fn html_touches_text_nodes_only() {
        let doc = r#"<a title="Bilan : x" href="?a=1 000">Bilan : 1 400</a><pre>a : b</pre><code>x ; y</code><script>if (a ? b : c) {}</script><!-- a : b --><p>fin !</p>"#;
        let out = html(doc, CURLY);
        assert_eq!(
            out,
            "<a title=\"Bilan : x\" href=\"?a=1 000\">Bilan\u{a0}: 1\u{202f}400</a><pre>a : b</pre><code>x ; y</code><script>if (a ? b : c) {}</script><!-- a : b --><p>fin\u{202f}!</p>"
        );
        // A document without French punctuation is returned as it is.
        assert!(matches!(html("<p>rien</p>", R), Cow::Borrowed(_)));
        // Entities are not numbers.
        assert_eq!(html("<p>&#39; 000</p>", R), "<p>&#39; 000</p>");
        // Upper-case and attribute-bearing raw elements are skipped too.
        assert_eq!(
            html("<PRE class=\"x\">a : b</PRE> c : d", R),
            "<PRE class=\"x\">a : b</PRE> c\u{a0}: d"
        );
    }
}
