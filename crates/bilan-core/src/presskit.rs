//! The press kit bundle, `presse/kit.zip`: visuals, data, releases and a
//! README, in a byte-reproducible zip (fixed order, fixed timestamps).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Zips `entries` (path inside the zip, bytes) in the given order.
pub fn zip(entries: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        // PNGs, PDFs and XLSX are compressed already; deflating them again
        // only costs time.
        let method = if [".png", ".pdf", ".xlsx", ".jpg", ".jpeg"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        w.start_file(name.as_str(), options)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

/// The credit line of a visual: `Crédit : Météo France`, or the credits as
/// they are when they open with their own label (`Données : ANCT…`), so a
/// line never reads `Crédit : Données : …`.
pub fn credit_line(t: &crate::i18n::Labels, credits: &str) -> String {
    let labelled = credits.split_once(':').is_some_and(|(head, _)| {
        head.trim().chars().count() <= 24 && !head.contains(['(', '.', ';'])
    });
    if labelled {
        credits.to_string()
    } else {
        format!("{}{} {credits}", t.get("credit"), t.get("colon"))
    }
}

/// A press contact on one line: `Service de presse · presse@… · 01 …`.
pub fn contact_line(c: &crate::records::Contact) -> String {
    [
        Some(c.name.as_str()),
        c.email.as_deref(),
        c.phone.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// A file size for people: `245 Ko`, `1,2 Mo` (French), `245 KB`, `1.2 MB`.
pub fn size(lang: crate::config::Language, bytes: usize) -> String {
    use crate::text::Language;
    let (fr, en) = if bytes >= 1_000_000 {
        ("Mo", "MB")
    } else {
        ("Ko", "KB")
    };
    let value = if bytes >= 1_000_000 {
        bytes as f64 / 1e6
    } else {
        (bytes as f64 / 1e3).max(1.0)
    };
    let digits = if bytes >= 1_000_000 { 1 } else { 0 };
    let number = format!("{value:.digits$}");
    match lang {
        Language::Fr => format!("{}\u{a0}{fr}", number.replace('.', ",")),
        Language::En => format!("{number}\u{a0}{en}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_line_never_doubles_its_label() {
        let t = crate::i18n::Labels::new(crate::config::Language::Fr);
        assert_eq!(
            credit_line(&t, "Météo France"),
            "Crédit\u{202f}: Météo France"
        );
        assert_eq!(
            credit_line(&t, "Données : ANCT (Licence Ouverte 2.0)"),
            "Données : ANCT (Licence Ouverte 2.0)"
        );
        assert_eq!(
            credit_line(&t, "ANCT (licence : Etalab 2.0)"),
            "Crédit\u{202f}: ANCT (licence : Etalab 2.0)"
        );
    }
    use crate::text::Language;

    #[test]
    fn zip_is_reproducible_and_readable() {
        let entries = vec![
            ("a.txt".to_string(), b"hello".to_vec()),
            ("v/b.png".to_string(), vec![1, 2, 3]),
        ];
        let a = zip(&entries).unwrap();
        assert_eq!(a, zip(&entries).unwrap());
        let mut archive = zip::ZipArchive::new(Cursor::new(a)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut s = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("a.txt").unwrap(), &mut s).unwrap();
        assert_eq!(s, "hello");
    }

    #[test]
    fn sizes() {
        assert_eq!(size(Language::Fr, 245_300), "245\u{a0}Ko");
        assert_eq!(size(Language::Fr, 1_234_567), "1,2\u{a0}Mo");
        assert_eq!(size(Language::En, 1_234_567), "1.2\u{a0}MB");
        assert_eq!(size(Language::En, 12), "1\u{a0}KB");
    }
}
