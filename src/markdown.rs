//! Markdown to HTML, with two passes pulldown-cmark lacks: heading ids (so
//! sections can be linked) and French typography (narrow no-break spaces
//! before `; : ! ?` and inside guillemets).

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::config::Language;

const NNBSP: char = '\u{202f}';

/// Renders Markdown to HTML. Raw HTML in the source is kept: narratives are
/// written by the site's own editors, as in Zola and Hugo.
pub fn render(markdown: &str, lang: Language) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let events = add_heading_ids(events);
    let events: Vec<Event> = match lang {
        Language::Fr => events.into_iter().map(french_typography).collect(),
        Language::En => events,
    };
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
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
    crate::content::suggest_slug(text)
}

fn french_typography(event: Event) -> Event {
    match event {
        Event::Text(t) => Event::Text(CowStr::from(french_spaces(&t))),
        other => other,
    }
}

/// Puts a narrow no-break space before `; : ! ?` and `»`, and after `«`,
/// replacing an ordinary space if there was one.
pub fn french_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            ';' | ':' | '!' | '?' | '»' => {
                let prev = out.chars().last();
                // "http://" and "10:30" have no space before the colon: leave them.
                let after_word = prev.is_some_and(|p| p == ' ' || p == '\u{a0}');
                if after_word {
                    out.pop();
                    out.push(NNBSP);
                } else if c == '»' && prev.is_some_and(|p| p != NNBSP) {
                    out.push(NNBSP);
                }
                out.push(c);
            }
            ' ' | '\u{a0}' if i > 0 && chars[i - 1] == '«' => out.push(NNBSP),
            '«' => {
                out.push(c);
                if chars
                    .get(i + 1)
                    .is_some_and(|n| *n != ' ' && *n != '\u{a0}' && *n != NNBSP)
                {
                    out.push(NNBSP);
                }
            }
            _ => out.push(c),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids() {
        let html = render(
            "## Les résultats\n\n## Les résultats\n\n## A {#custom}\n",
            Language::En,
        );
        assert_eq!(
            html,
            "<h2 id=\"les-resultats\">Les résultats</h2>\n<h2 id=\"les-resultats-1\">Les résultats</h2>\n<h2 id=\"custom\">A</h2>\n"
        );
    }

    #[test]
    fn french_punctuation() {
        assert_eq!(
            french_spaces("Quatre axes : attirer !"),
            "Quatre axes\u{202f}: attirer\u{202f}!"
        );
        assert_eq!(french_spaces("« Bonjour »"), "«\u{202f}Bonjour\u{202f}»");
        assert_eq!(french_spaces("«Bonjour»"), "«\u{202f}Bonjour\u{202f}»");
        assert_eq!(
            french_spaces("https://example.org à 10:30"),
            "https://example.org à 10:30"
        );
    }

    #[test]
    fn english_left_alone_and_summary() {
        assert_eq!(
            render("Hello : world", Language::En),
            "<p>Hello : world</p>\n"
        );
        assert_eq!(
            first_paragraph("# T\n\nFirst *line*\nnext.\n\nSecond."),
            "First line next."
        );
    }
}
