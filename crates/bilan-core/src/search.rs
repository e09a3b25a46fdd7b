//! The search index, written by the build as scripts (so search also works
//! from `file://`, where `fetch` does not): one file of metadata, documents
//! in chunks, and an inverted index split by the first two letters of each
//! word. A query loads only the shards of its words and the chunks of its
//! results, so the download stays small however large the site.
//!
//! Words are folded for French readers: accents, case, apostrophes and
//! hyphens do not matter (`vallee de l arve` finds `Vallée de l'Arve`).
//! `crates/bilan-core/themes/default/static/search.js` folds queries the same way.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Documents per chunk file: small, since a query reads the chunks of its
/// best candidates only.
const CHUNK: usize = 200;

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A territory page.
    Territory = 0,
    /// A project (on its territory's page).
    Project = 1,
    /// A narrative or a press release.
    Page = 2,
}

/// One searchable thing.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Its kind, for grouping.
    pub kind: Kind,
    /// What the result shows as its link text.
    pub title: String,
    /// Site-relative link.
    pub href: String,
    /// A line under the title (key figures, territory, date).
    pub sub: String,
    /// The words it is found by, besides its title.
    pub text: String,
}

pub use crate::text::fold;

/// The shard a word belongs to: its first two characters.
fn shard(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    // File names stay ASCII: other letters share one shard.
    let safe = |c: char| if c.is_ascii_alphanumeric() { c } else { '_' };
    Some(format!("{}{}", safe(a), safe(b)))
}

/// The index files: (path under `recherche/`, bytes).
pub fn files(docs: &[Doc]) -> Vec<(String, Vec<u8>)> {
    use rayon::prelude::*;
    let postings = postings(docs);
    let mut out = Vec::new();
    let shards: Vec<&String> = postings.keys().collect();
    // Documents come in kind order: how many of each tells an id's kind.
    let kinds: Vec<usize> = [Kind::Territory, Kind::Project, Kind::Page]
        .iter()
        .map(|k| docs.iter().filter(|d| d.kind == *k).count())
        .collect();
    out.push((
        crate::routes::SEARCH_META.to_string(),
        format!(
            "BILAN_SEARCH.meta({{\"docs\":{},\"chunk\":{CHUNK},\"kinds\":{kinds:?},\"shards\":{}}});\n",
            docs.len(),
            serde_json::to_string(&shards).unwrap_or_else(|_| "[]".into())
        )
        .into_bytes(),
    ));
    let shard_files: Vec<(String, Vec<u8>)> = postings
        .par_iter()
        .map(|(s, words)| (format!("t-{s}.js"), shard_file(s, words)))
        .collect();
    out.extend(shard_files);
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        let rows: Vec<String> = chunk
            .iter()
            .map(|d| {
                format!(
                    "[{},{},{},{}]",
                    d.kind as u8,
                    json(&d.title),
                    json(&d.href),
                    json(&d.sub)
                )
            })
            .collect();
        out.push((
            format!("d-{n}.js"),
            format!("BILAN_SEARCH.docs({n},[\n{}\n]);\n", rows.join(",\n")).into_bytes(),
        ));
    }
    out
}

/// Each shard's words, sorted, with the ids of the documents holding them.
/// Documents are folded in parallel batches (long narratives make this the
/// costly part), so only one batch's words are in memory at a time.
fn postings(docs: &[Doc]) -> BTreeMap<String, Vec<(String, Vec<u32>)>> {
    use rayon::prelude::*;
    const BATCH: usize = 2048;
    let mut by_word: std::collections::HashMap<String, Vec<u32>> = Default::default();
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let folded: Vec<Vec<String>> = batch
            .par_iter()
            .map(|d| {
                let text = fold(&format!("{} {}", d.title, d.text));
                let mut w: Vec<&str> = text
                    .split(' ')
                    .filter(|w| w.chars().nth(1).is_some())
                    .collect();
                w.sort_unstable();
                w.dedup();
                w.into_iter().map(String::from).collect()
            })
            .collect();
        for (i, words) in folded.into_iter().enumerate() {
            let id = (b * BATCH + i) as u32;
            for w in words {
                by_word.entry(w).or_default().push(id);
            }
        }
    }
    let mut postings: BTreeMap<String, Vec<(String, Vec<u32>)>> = BTreeMap::new();
    for (w, ids) in by_word {
        if let Some(s) = shard(&w) {
            postings.entry(s).or_default().push((w, ids));
        }
    }
    for list in postings.values_mut() {
        list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
    postings
}

/// `BILAN_SEARCH.shard("ar",{"arve":[0,3]})`, ids as gaps from the
/// previous one: small numbers, short files.
fn shard_file(s: &str, words: &[(String, Vec<u32>)]) -> Vec<u8> {
    let mut js = format!("BILAN_SEARCH.shard(\"{s}\",{{");
    for (i, (w, ids)) in words.iter().enumerate() {
        if i > 0 {
            js.push(',');
        }
        js.push_str(&json(w));
        js.push_str(":[");
        let mut prev = 0;
        for (k, &id) in ids.iter().enumerate() {
            if k > 0 {
                js.push(',');
            }
            let _ = write!(js, "{}", id - prev);
            prev = id;
        }
        js.push(']');
    }
    js.push_str("});\n");
    js.into_bytes()
}

fn json(s: &str) -> String {
    // A JSON string inside a script: `</` cannot close the script element.
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".into())
        .replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: Kind, title: &str, text: &str) -> Doc {
        Doc {
            kind,
            title: title.into(),
            href: "x/index.html".into(),
            sub: String::new(),
            text: text.into(),
        }
    }

    #[test]
    fn folding_is_for_french_readers() {
        assert_eq!(fold("Vallée de l'Arve"), "vallee de l arve");
        assert_eq!(fold("HAUT-JURA"), "haut jura");
        assert_eq!(fold("Château-d'Œx"), "chateau d oex");
        assert_eq!(fold("  Saint–Étienne  "), "saint etienne");
    }

    #[test]
    fn index_files_hold_shards_and_chunks() {
        let docs = vec![
            doc(Kind::Territory, "Vallée de l'Arve", "CC Cluses Arve"),
            doc(Kind::Project, "Four </script>", "Mécanique"),
        ];
        let files = files(&docs);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"meta.js") && names.contains(&"d-0.js"));
        assert!(names.contains(&"t-va.js") && names.contains(&"t-ar.js"));
        let ar =
            String::from_utf8(files.iter().find(|f| f.0 == "t-ar.js").unwrap().1.clone()).unwrap();
        assert_eq!(ar, "BILAN_SEARCH.shard(\"ar\",{\"arve\":[0]});\n");
        let me =
            String::from_utf8(files.iter().find(|f| f.0 == "t-me.js").unwrap().1.clone()).unwrap();
        assert_eq!(me, "BILAN_SEARCH.shard(\"me\",{\"mecanique\":[1]});\n");
        let chunk =
            String::from_utf8(files.iter().find(|f| f.0 == "d-0.js").unwrap().1.clone()).unwrap();
        assert!(chunk.contains("Four <\\/script>"), "{chunk}");
    }
}
