//! The one rule for every text that becomes a link: Markdown links and
//! images, and each URL-valued field of site.yaml, kit.yaml and front matter
//! (contacts, e-mail addresses, `base_url`), which `validate::urls` checks
//! with the functions below. A test reads the schema and fails on any
//! URL-like field that `validate::urls` does not check.

/// True for URLs a browser would run or inline rather than visit:
/// `javascript:`, `vbscript:`, `data:`, however they are cased or spaced.
pub fn dangerous(url: &str) -> bool {
    // Browsers drop tabs, newlines and leading spaces and ignore case.
    let folded: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| folded.starts_with(s))
}

/// True when `text` can sit in an `href` as it is: printable ASCII without
/// quotes, angle brackets, backslashes or spaces.
fn plain(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && !"\"'<>\\`".contains(c))
}

/// The first character of `text` that XML 1.0 forbids (C0 controls but
/// tab and line ends, U+FFFE, U+FFFF), with its byte offset: it would make
/// the feed invalid and the PDF writer fail, so it is an error wherever a
/// text comes from.
pub fn xml_forbidden(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
    })
}

/// Why `text` is not an e-mail address (`name@domain`).
pub fn email_problem(text: &str) -> Option<String> {
    let ok = plain(text)
        && !text.contains(':')
        && text.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.contains('@')
        });
    (!ok).then(|| crate::tr!("not-email", value = short(text)))
}

/// Why `text` is neither an e-mail address nor an http(s) or mailto link.
pub fn contact_problem(text: &str) -> Option<String> {
    // An e-mail address is a contact.
    email_problem(text)?;
    let web = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .is_some_and(|host| !host.is_empty() && !host.starts_with('/'));
    let mail = text
        .strip_prefix("mailto:")
        .is_some_and(|a| email_problem(a).is_none());
    let ok = plain(text) && !dangerous(text) && (web || mail);
    (!ok).then(|| crate::tr!("not-contact", value = short(text)))
}

/// Why `url` cannot be the site's base URL: a path such as `/` or
/// `/bilan/`, or an http(s) URL.
pub fn base_url_problem(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let ok = plain(url)
        && match rest {
            Some(host) => !host.is_empty() && !host.starts_with('/'),
            None => url.starts_with('/') && !url.starts_with("//"),
        };
    (!ok).then(|| crate::tr!("not-base-url", value = short(url)))
}

/// The `href` of a contact: `mailto:` added to a bare e-mail address.
pub fn contact_href(contact: &str) -> String {
    if email_problem(contact).is_none() {
        format!("mailto:{contact}")
    } else {
        contact.to_string()
    }
}

fn short(text: &str) -> String {
    crate::text::excerpt(text, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_and_emails() {
        assert!(email_problem("presse@example.org").is_none());
        for bad in [
            "a@b",
            "x y@z.org",
            "javascript:a@b.c",
            "a\"@b.c",
            "@b.c",
            "",
        ] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
        for good in ["https://example.org/contact", "mailto:a@b.fr", "a@b.fr"] {
            assert!(contact_problem(good).is_none(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVa\tScript:x",
            "data:text/html,x",
            "ftp://x",
            "https://x\" onmouseover=\"y",
            "//evil.example",
            "vbscript:x",
        ] {
            assert!(contact_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(contact_href("a@b.fr"), "mailto:a@b.fr");
        assert!(dangerous(" java\tscript:x") && dangerous("VBScript:x"));
        assert!(!dangerous("https://x") && !dangerous("mailto:a@b"));
    }

    /// Every field of the content schema whose name says it holds a link
    /// is checked in `validate/urls.rs`, so a new one cannot skip the check.
    #[test]
    fn every_url_valued_field_is_checked() {
        let schema = [
            ("config.rs", include_str!("config.rs")),
            ("records.rs", include_str!("records.rs")),
            ("metrics.rs", include_str!("metrics.rs")),
            ("theme.rs", include_str!("theme.rs")),
        ];
        let checks = include_str!("validate/urls.rs");
        let url_like = [
            "url", "href", "link", "email", "mail", "contact", "web", "site", "uri",
        ];
        let mut found = Vec::new();
        for (file, text) in schema {
            for (i, line) in text.lines().enumerate() {
                let Some((name, ty)) = line
                    .trim()
                    .strip_prefix("pub ")
                    .and_then(|l| l.split_once(": "))
                else {
                    continue;
                };
                let textual = ["String", "Option<String>", "Vec<String>"]
                    .iter()
                    .any(|t| ty.trim_end_matches(',') == *t);
                if !textual || !url_like.iter().any(|u| name.contains(u)) {
                    continue;
                }
                found.push(name.to_string());
                assert!(
                    checks.contains(&format!(".{name}")),
                    "{file}:{}: `{name}` holds a link but validate/urls.rs does not check it",
                    i + 1
                );
            }
        }
        // The scan sees the fields it must (a broken scan finds nothing).
        for name in ["base_url", "contact", "email"] {
            assert!(
                found.iter().any(|f| f == name),
                "{name} not found: {found:?}"
            );
        }
    }
}
