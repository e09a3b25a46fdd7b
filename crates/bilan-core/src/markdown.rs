//! Markdown to HTML, with heading ids (so sections can be linked); French
//! typography is applied to whole pages by [`crate::typo`].

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Renders Markdown to HTML. As in Hugo, raw HTML is left out unless the
/// site allows it (`markdown.raw_html: true`); links to `javascript:`,
/// `vbscript:` and `data:` URLs never reach a page (validation reports
/// them, see [`scan`]).
pub fn render(markdown: &str, raw_html: bool) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, OPTIONS)
        .filter(|e| raw_html || !matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .map(defuse_link)
        .map(|e| safe_attributes(e).0)
        .collect();
    let events = add_heading_ids(events);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// What validation must tell the editor about a Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// Raw HTML at this byte offset, with a short excerpt.
    RawHtml(usize, String),
    /// A link or image to a script or data URL at this byte offset.
    DangerousUrl(usize, String),
    /// A heading attribute left out at this byte offset (anything but an
    /// `#id` or `.class` of letters, digits, `-` and `_`).
    DroppedAttribute(usize, String),
}

/// Raw HTML and dangerous URLs in `markdown`, with their byte offsets.
pub fn scan(markdown: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Html(h) | Event::InlineHtml(h) if !h.trim().is_empty() => {
                out.push(Finding::RawHtml(range.start, excerpt(h.trim(), 40)));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dangerous_url(&dest_url) =>
            {
                out.push(Finding::DangerousUrl(range.start, excerpt(&dest_url, 40)));
            }
            heading @ Event::Start(Tag::Heading { .. }) => {
                for dropped in safe_attributes(heading).1 {
                    out.push(Finding::DroppedAttribute(
                        range.start,
                        excerpt(&dropped, 40),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

pub use crate::url::dangerous as dangerous_url;

pub use crate::text::excerpt;

fn defuse_link(event: Event) -> Event {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if dangerous_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from("#"),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if dangerous_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::from(""),
            title,
            id,
        }),
        other => other,
    }
}

/// True for an id or class name that cannot leave its attribute: ASCII
/// letters, digits, `-` and `_`, starting with a letter or `_`.
fn safe_name(name: &str) -> bool {
    name.len() <= 100
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A heading keeps only a safe `#id` and safe `.class`es: `key=value`
/// attributes (`onmouseover=…`, `style=…`) and odd names are dropped and
/// returned, so validation can say where.
fn safe_attributes(event: Event) -> (Event, Vec<String>) {
    let Event::Start(Tag::Heading {
        level,
        id,
        classes,
        attrs,
    }) = event
    else {
        return (event, Vec::new());
    };
    let mut dropped = Vec::new();
    let id = match id {
        Some(id) if safe_name(&id) => Some(id),
        Some(id) => {
            dropped.push(format!("#{id}"));
            None
        }
        None => None,
    };
    let classes = classes
        .into_iter()
        .filter(|c| {
            let keep = safe_name(c);
            if !keep {
                dropped.push(format!(".{c}"));
            }
            keep
        })
        .collect();
    for (key, value) in attrs {
        dropped.push(match value {
            Some(v) => format!("{key}={v}"),
            None => key.to_string(),
        });
    }
    let heading = Event::Start(Tag::Heading {
        level,
        id,
        classes,
        attrs: Vec::new(),
    });
    (heading, dropped)
}

fn add_heading_ids(mut events: Vec<Event>) -> Vec<Event> {
    let mut used: Vec<String> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = match slug_id(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            used.push(id.clone());
            if let Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) = std::mem::replace(&mut events[i], Event::Text("".into()))
            {
                events[i] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                });
            }
        }
        i += 1;
    }
    events
}

/// A heading's anchor: accents folded, lowercase, `-` between words.
pub fn slug_id(text: &str) -> String {
    crate::text::suggest_slug(text)
}

/// The first paragraph of `markdown` as plain text, for summaries.
pub fn first_paragraph(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_par = false;
    for e in Parser::new(markdown) {
        match e {
            Event::Start(Tag::Paragraph) => in_par = true,
            Event::End(TagEnd::Paragraph) if in_par => break,
            Event::Text(t) | Event::Code(t) if in_par => text.push_str(&t),
            Event::SoftBreak if in_par => text.push(' '),
            _ => {}
        }
    }
    text
}

/// All the text of `markdown`, without markup (for the search index).
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for e in Parser::new(markdown) {
        match e {
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                text.push(' ');
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids() {
        let html = render(
            "## Les résultats\n\n## Les résultats\n\n## A {#custom}\n",
            false,
        );
        assert_eq!(
            html,
            "<h2 id=\"les-resultats\">Les résultats</h2>\n<h2 id=\"les-resultats-1\">Les résultats</h2>\n<h2 id=\"custom\">A</h2>\n"
        );
    }

    #[test]
    fn raw_html_is_left_out_unless_allowed_and_script_urls_never_pass() {
        let md = "Avant <b>gras</b>.\n\n<script>alert(1)</script>\n\n[clic](javascript:alert(1)) ![i](DATA:text/html,x) [ok](https://example.org)\n";
        let safe = render(md, false);
        assert!(
            !safe.contains("<b>") && !safe.contains("<script>"),
            "{safe}"
        );
        assert!(
            !safe.to_lowercase().contains("javascript:") && !safe.to_lowercase().contains("data:"),
            "{safe}"
        );
        assert!(safe.contains("href=\"https://example.org\""));
        let raw = render(md, true);
        assert!(raw.contains("<b>gras</b>") && raw.contains("<script>"));
        assert!(!raw.contains("javascript:"), "even with raw HTML allowed");
        let found = scan(md);
        assert_eq!(
            found,
            [
                Finding::RawHtml(6, "<b>".into()),
                Finding::RawHtml(13, "</b>".into()),
                Finding::RawHtml(20, "<script>alert(1)</script>".into()),
                Finding::DangerousUrl(47, "javascript:alert(1)".into()),
                Finding::DangerousUrl(75, "DATA:text/html,x".into()),
            ]
        );
        assert!(dangerous_url(" java\tscript:x") && dangerous_url("VBScript:x"));
        assert!(!dangerous_url("https://x") && !dangerous_url("mailto:a@b"));
    }

    #[test]
    fn heading_attributes_keep_only_safe_ids_and_classes() {
        let md = "# Titre {#ok .note onmouseover=alert(1) style=\"x\"}\n\n## B {#\"x .a\"b}\n";
        let html = render(md, false);
        assert_eq!(
            html,
            "<h1 id=\"ok\" class=\"note\">Titre</h1>\n<h2 id=\"b\">B</h2>\n"
        );
        let found = scan(md);
        assert_eq!(
            found,
            [
                Finding::DroppedAttribute(0, "onmouseover=alert(1)".into()),
                Finding::DroppedAttribute(0, "style=\"x\"".into()),
                Finding::DroppedAttribute(52, "#\"x".into()),
                Finding::DroppedAttribute(52, ".a\"b".into()),
            ]
        );
    }

    #[test]
    fn english_left_alone_and_summary() {
        assert_eq!(render("Hello : world", false), "<p>Hello : world</p>\n");
        assert_eq!(
            first_paragraph("# T\n\nFirst *line*\nnext.\n\nSecond."),
            "First line next."
        );
    }
}
