//! The language of bilan's own messages (errors, hints, warnings, reports,
//! `--help`), kept in Fluent catalogues (`locales/fr.ftl`, `locales/en.ftl`)
//! so a translator edits text, not Rust. Interface labels of the site are
//! [`crate::i18n`]'s.
//!
//! The language is chosen once per run by [`choose`] and read by every
//! stage through [`tr!`](crate::tr): a message is worded when the problem is
//! found, in whichever thread finds it.

use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::text::Language;

/// The catalogues, compiled in: a release is one file.
const FRENCH: &str = include_str!("../locales/fr.ftl");
const ENGLISH: &str = include_str!("../locales/en.ftl");

/// 0 English, 1 French. English until a run chooses, so library users and
/// unit tests read the catalogue the code's comments are written against.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every later message.
pub fn set_language(lang: Language) {
    CURRENT.store(u8::from(lang == Language::Fr), Ordering::Relaxed);
}

/// The language messages are worded in.
pub fn language() -> Language {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::Fr,
        _ => Language::En,
    }
}

/// Where the language comes from, strongest first: `BILAN_LANG` (`fr` or
/// `en`, for a developer helping a team in the other language), the site's
/// `language:` (French when site.yaml has none), then `LC_ALL`,
/// `LC_MESSAGES` or `LANG` where there is no readable site. `site` is the
/// language site.yaml declares, `None` when there is no site.
pub fn choose(site: Option<Language>) -> Language {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let Some(forced) = var("BILAN_LANG") {
        return from_locale(&forced);
    }
    if let Some(lang) = site {
        return lang;
    }
    let locale = var("LC_ALL")
        .or_else(|| var("LC_MESSAGES"))
        .or_else(|| var("LANG"));
    locale.map_or(Language::En, |l| from_locale(&l))
}

/// `fr`, `fr_FR.UTF-8`, `fr-CA`… are French; anything else English.
fn from_locale(locale: &str) -> Language {
    let lower = locale.to_ascii_lowercase();
    if lower == "fr"
        || lower.starts_with("fr_")
        || lower.starts_with("fr-")
        || lower.starts_with("fr.")
    {
        Language::Fr
    } else {
        Language::En
    }
}

/// Chooses the language for a run on the site at `root` (see [`choose`])
/// and sets it.
pub fn choose_for_site(root: &Path) {
    set_language(choose(crate::config::declared_language(root)));
}

/// One value given to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, inserted as it is.
    Text(String),
    /// A count or amount: written in the language's format (`27 250`,
    /// `27,250`) and used to choose singular or plural.
    Number(u64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&Path> for Arg {
    fn from(p: &Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<&&Path> for Arg {
    fn from(p: &&Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as u64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Arg {
                Arg::Number(*n as u64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize);
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(u64::try_from(n).unwrap_or(0))
    }
}

/// The message `id` in the current language, with `args` put in. An id
/// missing from the catalogue (a test forbids it) gives the id itself
/// rather than a panic.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(language(), id, args)
}

/// The message `id` in `lang`.
pub fn text_in(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n as f64)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// A message followed by its suggested fix, laid out as diagnostics are,
/// for errors that are not a [`crate::diag::Diagnostic`] (usage, I/O).
pub fn with_hint(message: String, hint: String) -> String {
    format!("{message}\n  = {} {hint}", text("level-hint", &[]))
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Language) -> &'static Bundle {
    static FR: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Language::Fr => FR.get_or_init(|| load(Language::Fr)),
        Language::En => EN.get_or_init(|| load(Language::En)),
    }
}

/// The catalogue of `lang`, parsed. Its syntax is checked by a test, so a
/// faulty entry is skipped here rather than stopping a user's build.
fn load(lang: Language) -> Bundle {
    let (source, formatter): (&str, fn(&FluentValue, &_) -> Option<String>) = match lang {
        Language::Fr => (FRENCH, number_fr),
        Language::En => (ENGLISH, number_en),
    };
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Isolation marks would reach terminals and snapshots as stray bytes.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formatter));
    let _ = bundle.add_resource(resource);
    bundle
}

fn number_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    number(Language::Fr, value)
}

fn number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    number(Language::En, value)
}

/// Counts in the site's number format, as reports print them.
fn number(lang: Language, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value >= 0.0 && n.value.fract() == 0.0 => {
            Some(crate::format::int(lang, n.value as u64))
        }
        _ => None,
    }
}

/// Every message of a catalogue: `(id, variables it uses)`, for the test
/// that both catalogues say the same things.
pub fn catalogue(lang: Language) -> Vec<(String, Vec<String>)> {
    let source = match lang {
        Language::Fr => FRENCH,
        Language::En => ENGLISH,
    };
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in source.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_entry {
            if let Some(entry) = current.take() {
                out.push(entry);
            }
            let id = line.split('=').next().unwrap_or("").trim().to_string();
            current = Some((id, Vec::new()));
        }
        if let Some((_, vars)) = current.as_mut() {
            vars.extend(variables(line));
        }
    }
    out.extend(current);
    for (_, vars) in &mut out {
        vars.sort();
        vars.dedup();
    }
    out
}

fn variables(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split('$').skip(1).map(|rest| {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect()
    })
}

/// A message of bilan's catalogue in the run's language:
/// `tr!("region-code-twice", code = r.code)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::l10n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::l10n::text($id, &[$((stringify!($name), $crate::l10n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_are_read_like_a_shell() {
        for (locale, lang) in [
            ("fr_FR.UTF-8", Language::Fr),
            ("fr", Language::Fr),
            ("fr-CA", Language::Fr),
            ("en_GB.UTF-8", Language::En),
            ("C.UTF-8", Language::En),
            ("french", Language::En),
        ] {
            assert_eq!(from_locale(locale), lang, "{locale}");
        }
    }

    #[test]
    fn numbers_take_the_language_format_and_choose_the_plural() {
        let args = [
            ("errors", Arg::Number(12_345)),
            ("warnings", Arg::Number(1)),
        ];
        let fr = text_in(Language::Fr, "summary-failed", &args);
        assert!(
            fr.starts_with("12\u{202f}345 erreurs, 1 avertissement"),
            "{fr}"
        );
        let en = text_in(Language::En, "summary-failed", &args);
        assert!(en.starts_with("12,345 errors, 1 warning"), "{en}");
    }

    /// Every `tr!` of both crates: (file, id, argument names).
    fn call_sites() -> Vec<(String, String, Vec<String>)> {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in [here.join("src"), here.join("../../src")] {
            for entry in walkdir::WalkDir::new(dir) {
                let entry = entry.unwrap();
                if entry.path().extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap();
                for (at, _) in text.match_indices("tr!(\"") {
                    let before = text[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue; // include_str!(…)
                    }
                    let body = balanced(&text[at + 3..]);
                    let mut parts = top_level_commas(body).into_iter();
                    let id = parts.next().unwrap().trim().trim_matches('"').to_string();
                    let names = parts
                        .filter_map(|p| p.split_once('=').map(|(n, _)| n.trim().to_string()))
                        .collect();
                    out.push((entry.path().display().to_string(), id, names));
                }
            }
        }
        out
    }

    /// The text inside the parenthesis `s` opens.
    fn balanced(s: &str) -> &str {
        let mut depth = 0;
        let mut in_string = false;
        let mut prev = ' ';
        for (i, c) in s.char_indices() {
            match c {
                '"' if prev != '\\' => in_string = !in_string,
                '(' | '[' | '{' if !in_string => depth += 1,
                ')' | ']' | '}' if !in_string => {
                    depth -= 1;
                    if depth == 0 {
                        return &s[1..i];
                    }
                }
                _ => {}
            }
            prev = c;
        }
        s
    }

    fn top_level_commas(s: &str) -> Vec<&str> {
        let (mut depth, mut in_string, mut start, mut prev) = (0, false, 0, ' ');
        let mut parts = Vec::new();
        for (i, c) in s.char_indices() {
            match c {
                '"' if prev != '\\' => in_string = !in_string,
                '(' | '[' | '{' | '<' if !in_string => depth += 1,
                ')' | ']' | '}' | '>' if !in_string => depth -= 1,
                ',' if !in_string && depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
            prev = c;
        }
        parts.push(&s[start..]);
        parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
    }

    #[test]
    fn both_catalogues_say_the_same_things_and_parse() {
        for (lang, source) in [(Language::Fr, FRENCH), (Language::En, ENGLISH)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{lang:?} catalogue: {errors:?}");
            }
        }
        let ids = |lang| {
            catalogue(lang)
                .into_iter()
                .map(|(id, _)| id)
                .collect::<Vec<_>>()
        };
        let (fr, en) = (ids(Language::Fr), ids(Language::En));
        let missing_fr: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
        let missing_en: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing_fr.is_empty(), "not in fr.ftl: {missing_fr:?}");
        assert!(missing_en.is_empty(), "not in en.ftl: {missing_en:?}");
        let mut sorted = en.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), en.len(), "an id is written twice in en.ftl");
    }

    #[test]
    fn every_message_the_code_asks_for_exists_with_the_values_it_uses() {
        let sites = call_sites();
        assert!(sites.len() > 200, "only {} call sites found", sites.len());
        for lang in [Language::Fr, Language::En] {
            let catalogue = catalogue(lang);
            for (file, id, names) in &sites {
                let Some((_, vars)) = catalogue.iter().find(|(i, _)| i == id) else {
                    panic!("{file}: `{id}` is not in the {lang:?} catalogue");
                };
                for var in vars {
                    assert!(
                        names.contains(var),
                        "{file}: `{id}` in {lang:?} uses ${var}, which the code does not give ({names:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn an_unknown_id_is_given_back_not_a_panic() {
        assert_eq!(
            text_in(Language::Fr, "no-such-message", &[]),
            "no-such-message"
        );
    }
}
