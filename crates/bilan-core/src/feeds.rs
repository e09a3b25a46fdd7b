//! Machine-read XML: the sitemap and the Atom feed of press releases.

use chrono::{DateTime, NaiveDate, Utc};

use crate::charts::xml_escape;

/// One press release in the feed.
pub struct Entry {
    /// Title.
    pub title: String,
    /// Site-relative page (`presse/x/index.html`).
    pub path: String,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Summary.
    pub summary: String,
}

/// The pretty URL of a site-relative page: `presse/x/index.html` → `presse/x/`.
pub fn pretty(base_url: &str, path: &str) -> String {
    format!(
        "{base_url}{}",
        path.strip_suffix("index.html").unwrap_or(path)
    )
}

/// Every HTML page but the 404, with `lastmod` where a page has a date.
pub fn sitemap<'a>(
    pages: impl IntoIterator<Item = (&'a str, Option<NaiveDate>)>,
    base_url: &str,
) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, date) in pages {
        out.push_str(&format!(
            "  <url><loc>{}</loc>",
            xml_escape(&pretty(base_url, path))
        ));
        if let Some(d) = date {
            out.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// An Atom feed of `entries` (newest first). Entry ids are their URLs when
/// `base_url` is absolute; otherwise a `urn:` built from the path, since Atom
/// ids must be absolute.
pub fn atom(title: &str, base_url: &str, entries: &[Entry], now: DateTime<Utc>) -> String {
    let absolute = base_url.starts_with("http://") || base_url.starts_with("https://");
    let id = |path: &str| {
        if absolute {
            pretty(base_url, path)
        } else {
            format!("urn:bilan:{}", path.trim_end_matches("/index.html"))
        }
    };
    // Day precision: rebuilding on the same day must not change the feed.
    let stamp = |d: Option<NaiveDate>| format!("{}T00:00:00Z", d.unwrap_or(now.date_naive()));
    let updated = entries.iter().filter_map(|e| e.date).max();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!(
        "  <title>{}</title>\n  <id>{}</id>\n  <updated>{}</updated>\n",
        xml_escape(title),
        xml_escape(&id(crate::routes::PRESS)),
        stamp(updated)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" href=\"{}\"/>\n",
        xml_escape(&pretty(base_url, crate::routes::PRESS))
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" href=\"{}{}\"/>\n",
        xml_escape(base_url),
        crate::routes::FEED
    ));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_escape(title)
    ));
    for e in entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml_escape(&e.title)));
        out.push_str(&format!("    <id>{}</id>\n", xml_escape(&id(&e.path))));
        out.push_str(&format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n",
            xml_escape(&pretty(base_url, &e.path))
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", stamp(e.date)));
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml_escape(&e.summary)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_and_sitemap_are_xml() {
        let d = NaiveDate::from_ymd_opt(2021, 10, 11);
        let entries = [Entry {
            title: "A & B".into(),
            path: "presse/a/index.html".into(),
            date: d,
            summary: "<s>".into(),
        }];
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let feed = atom("Site", "https://example.org/bilan/", &entries, now);
        assert!(roxmltree::Document::parse(&feed).is_ok());
        assert!(feed.contains("<id>https://example.org/bilan/presse/a/</id>"));
        assert!(feed.contains("<updated>2021-10-11T00:00:00Z</updated>"));
        let relative = atom("Site", "/", &entries, now);
        assert!(relative.contains("<id>urn:bilan:presse/a</id>"));
        let map = sitemap([("index.html", None), ("presse/a/index.html", d)], "/");
        assert!(roxmltree::Document::parse(&map).is_ok());
        assert!(map.contains("<loc>/presse/a/</loc><lastmod>2021-10-11</lastmod>"));
    }
}
