//! Internal link check over the rendered site, in memory.

use std::collections::{BTreeMap, BTreeSet};

/// Rendered files by output path.
type Files = BTreeMap<String, Vec<u8>>;

/// A link that points at no file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page holding the link.
    pub page: String,
    /// The link as written.
    pub target: String,
}

/// What one page links to, beyond plain files: anchors to verify once every
/// page is known, its own ids, and the external links it holds.
#[derive(Debug, Clone, Default)]
pub struct PageLinks {
    /// Links with a fragment: (page holding it, resolved target page, fragment, link as written).
    pub anchors: Vec<(String, String, String, String)>,
    /// The `id`s this page defines.
    pub ids: BTreeSet<String>,
    /// Links with a scheme (`https:`, `mailto:`) or `//`; listed, never fetched.
    pub external: BTreeSet<String>,
}

/// Collects a page's anchors, ids and external links.
pub fn page_links(page: &str, html: &str) -> PageLinks {
    let mut out = PageLinks::default();
    for (i, _) in html.match_indices(" id=\"") {
        let start = i + 5;
        if let Some(end) = html[start..].find('"') {
            out.ids.insert(html[start..start + end].to_string());
        }
    }
    for target in attribute_values(html) {
        if target.starts_with("http://")
            || target.starts_with("https://")
            || target.starts_with("//")
            || target.starts_with("mailto:")
        {
            out.external.insert(target.replace("&amp;", "&"));
            continue;
        }
        let Some((path, fragment)) = target.split_once('#') else {
            continue;
        };
        if !path.is_empty() && is_external(path) {
            continue;
        }
        if fragment.is_empty() {
            continue;
        }
        let resolved = if path.is_empty() {
            Some(page.to_string())
        } else {
            resolve(page, &decode(path)).map(|r| {
                if r.is_empty() || r.ends_with('/') {
                    format!("{r}index.html")
                } else {
                    r
                }
            })
        };
        if let Some(r) = resolved {
            out.anchors
                .push((page.to_string(), r, decode(fragment), target.to_string()));
        }
    }
    out
}

/// Every relative `href` and `src` in HTML pages must name a file of the
/// site. External links (with a scheme or `//`) are not fetched.
pub fn check(files: &Files) -> Vec<BrokenLink> {
    let paths: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .flat_map(|(page, bytes)| check_page(page, &String::from_utf8_lossy(bytes), &paths))
        .collect()
}

/// The broken links of one page, given every path of the site.
pub fn check_page(page: &str, html: &str, paths: &BTreeSet<String>) -> Vec<BrokenLink> {
    // The 404 page links from the site root, which is not known here.
    if page == crate::routes::NOT_FOUND {
        return Vec::new();
    }
    let mut broken = Vec::new();
    for target in attribute_values(html) {
        if is_external(target) {
            continue;
        }
        let path = target.split(['#', '?']).next().unwrap_or_default();
        if path.is_empty() {
            continue;
        }
        let found = match resolve(page, &decode(path)) {
            Some(r) if r.is_empty() || r.ends_with('/') => {
                paths.contains(&format!("{r}index.html"))
            }
            Some(r) => paths.contains(&r),
            None => false,
        };
        if !found {
            broken.push(BrokenLink {
                page: page.to_string(),
                target: target.to_string(),
            });
        }
    }
    broken
}

fn attribute_values(html: &str) -> impl Iterator<Item = &str> {
    ["href=\"", "src=\""].into_iter().flat_map(move |attr| {
        html.match_indices(attr).filter_map(move |(i, _)| {
            let start = i + attr.len();
            html[start..].find('"').map(|end| &html[start..start + end])
        })
    })
}

fn is_external(target: &str) -> bool {
    target.starts_with("//")
        || target.starts_with('#')
        || target.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// Resolves `target` against the folder of `page`; `None` if it leaves the site.
fn resolve(page: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        page.split('/').collect::<Vec<_>>()[..page.matches('/').count()].to_vec()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut joined = parts.join("/");
    if target.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// Undoes `%XX` escapes and HTML's `&amp;`.
fn decode(s: &str) -> String {
    let s = s.replace("&amp;", "&");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_broken_relative_links_only() {
        let mut files = Files::new();
        files.insert("index.html".into(), br##"<a href="a/index.html">a</a><a href="https://x.org/">x</a><a href="#top">t</a><img src="missing.png"><a href="mailto:a@b.c">m</a>"##.to_vec());
        files.insert("a/index.html".into(), br#"<a href="../index.html#x">h</a><a href="../b/">b</a><a href="../../out.html">o</a><a href="caf%C3%A9.pdf">c</a>"#.to_vec());
        files.insert("a/café.pdf".into(), vec![]);
        let broken: Vec<(String, String)> = check(&files)
            .into_iter()
            .map(|b| (b.page, b.target))
            .collect();
        assert_eq!(
            broken,
            [
                ("a/index.html".to_string(), "../b/".to_string()),
                ("a/index.html".to_string(), "../../out.html".to_string()),
                ("index.html".to_string(), "missing.png".to_string()),
            ]
        );
    }
}
