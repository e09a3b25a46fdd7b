//! Every field that becomes a link, through the one check of
//! [`crate::url`] that Markdown links use too. A unit test of `url.rs` reads
//! the schema and fails when a URL-like field is missing here.

use std::path::Path;

use crate::content::Content;
use crate::diag::{line_containing, Diagnostic, Diagnostics};
use crate::url::{base_url_problem, contact_problem, email_problem};

/// One link-valued field: its file, the key to show, its value and the
/// check it must pass.
struct Field<'a> {
    file: &'a Path,
    source: &'a str,
    key: String,
    value: &'a str,
    problem: fn(&str) -> Option<String>,
    hint: &'static str,
}

const CONTACT_HINT: &str = "contact-hint";
const EMAIL_HINT: &str = "email-hint";

/// Reports every link-valued field whose value a link may not carry.
pub(super) fn check_urls(content: &Content, d: &mut Diagnostics) {
    let site = &content.site;
    let site_file = Path::new("content/site.yaml");
    let kit_file = Path::new("content/press/kit.yaml");
    let mut fields = vec![Field {
        file: site_file,
        source: &content.site_source,
        key: "base_url".into(),
        value: &site.base_url,
        problem: base_url_problem,
        hint: "base-url-hint",
    }];
    let contacts = [
        (
            "legal.contact",
            site.legal.as_ref().and_then(|l| l.contact.as_deref()),
        ),
        (
            "accessibility.contact",
            site.accessibility.contact.as_deref(),
        ),
    ];
    for (key, value) in contacts {
        if let Some(value) = value {
            fields.push(Field {
                file: site_file,
                source: &content.site_source,
                key: key.into(),
                value,
                problem: contact_problem,
                hint: CONTACT_HINT,
            });
        }
    }
    if let Some(kit) = &content.kit {
        let regional = kit.regions.iter().flat_map(|(code, r)| {
            let at = format!("regions.{code}.");
            r.contacts
                .iter()
                .enumerate()
                .map(move |(i, c)| (at.clone(), i, c))
        });
        let national = kit
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| (String::new(), i, c));
        for (at, i, c) in national.chain(regional) {
            if let Some(email) = &c.email {
                fields.push(Field {
                    file: kit_file,
                    source: &content.kit_source,
                    key: format!("{at}contacts[{i}].email"),
                    value: email,
                    problem: email_problem,
                    hint: EMAIL_HINT,
                });
            }
        }
    }
    for page in content.press.iter().chain(content.narratives.iter()) {
        for (i, c) in page.meta.contacts.iter().enumerate() {
            if let Some(email) = &c.email {
                fields.push(Field {
                    file: &page.path,
                    source: &page.front,
                    key: format!("contacts[{i}].email"),
                    value: email,
                    problem: email_problem,
                    hint: EMAIL_HINT,
                });
            }
        }
    }
    for f in fields {
        if let Some(problem) = (f.problem)(f.value.trim()) {
            let leaf = f.key.rsplit('.').next().unwrap_or(&f.key);
            let line = match f.source.lines().any(|l| l.contains(f.value)) {
                true => line_containing(f.source, f.value),
                false => line_containing(f.source, &format!("{leaf}:")),
            };
            // Front matter starts on the file's second line.
            let line = if f.file.extension().is_some_and(|e| e == "md") {
                line + 1
            } else {
                line
            };
            d.push(
                Diagnostic::error(f.file, format!("`{}` {problem}", f.key))
                    .at(line.max(1), 1)
                    .hint(crate::l10n::text(f.hint, &[])),
            );
        }
    }
}
