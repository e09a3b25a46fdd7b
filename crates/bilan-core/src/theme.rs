//! The theme loader: templates and static assets, in layers.
//!
//! Like Zola, a site overrides one template by putting a file of the same name
//! in its own `templates/` folder. Layers, strongest first:
//! `<root>/templates/`, `<root>/themes/<theme>/templates/`, and the default
//! theme built into the binary (so a site with no `themes/` folder builds).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use walkdir::WalkDir;

use crate::content::StaticFile;
use crate::diag::{relative, Diagnostic, Diagnostics};

// `BUILTIN_TEMPLATES` and `BUILTIN_STATIC`: every file of the default
// theme, listed by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/builtin_theme.rs"));

/// The default theme's colours, built in like its templates.
const BUILTIN_THEME_YAML: &str = include_str!("../themes/default/theme.yaml");
/// The dsfr theme's colours (the DSFR palette's values, nothing of its files).
const DSFR_THEME_YAML: &str = include_str!("../themes/dsfr/theme.yaml");

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl<'de> serde::Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rgb, D::Error> {
        let s = String::deserialize(d)?;
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii());
        let byte = |h: &str, i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        match hex.and_then(|h| Some(Rgb(byte(h, 0)?, byte(h, 2)?, byte(h, 4)?))) {
            Some(c) => Ok(c),
            None => Err(serde::de::Error::custom(crate::tr!(
                "theme-colour",
                value = s
            ))),
        }
    }
}

/// The colours of charts and maps, from the theme's `theme.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    /// Bars and territories.
    pub bar: Rgb,
    /// Titles, labels and values.
    pub ink: Rgb,
    /// Ticks and the source line.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Behind everything.
    pub background: Rgb,
    /// Map: regions around the territories.
    pub land: Rgb,
    /// Map: region borders.
    pub border: Rgb,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    chart: Palette,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette::builtin(BUILTIN_THEME_YAML)
    }
}

impl Palette {
    fn builtin(yaml: &str) -> Palette {
        let mut d = crate::diag::Diagnostics::default();
        crate::yaml::parse::<ThemeFile>(yaml, Path::new("theme.yaml"), 0, &mut d)
            .expect("the built-in theme.yaml files are valid (tested)")
            .chart
    }
}

/// Loaded templates, with where each came from (for error messages).
pub struct Theme {
    /// Chart and map colours.
    pub palette: Palette,
    /// Template name → (source text, file it came from).
    pub templates: BTreeMap<String, (String, PathBuf)>,
    /// Files copied to the output root.
    pub statics: Vec<StaticFile>,
}

/// Reads the theme named in `site.yaml` and the site's own overrides.
/// Files that link outside the site are reported in `diags` and skipped;
/// `Err` is kept for a missing theme or an I/O failure.
pub fn load(root: &Path, theme: &str, diags: &mut Diagnostics) -> Result<Theme> {
    let plain = !theme.is_empty()
        && theme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        && !theme.starts_with('.');
    if !plain {
        bail!(
            "{}",
            crate::l10n::with_hint(
                crate::tr!("theme-name-invalid", theme = theme),
                crate::tr!("theme-name-invalid-hint")
            )
        );
    }
    let mut templates: BTreeMap<String, (String, PathBuf)> = BTreeMap::new();
    let mut statics: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let builtin_dir = PathBuf::from("(built-in default theme)");
    let theme_dir = root.join("themes").join(theme);
    // The built-in theme is the lowest layer under every theme, as in Zola:
    // a theme that only restyles `base.html` still has every page.
    for (name, text) in BUILTIN_TEMPLATES {
        templates.insert(name.to_string(), (text.to_string(), builtin_dir.join(name)));
    }
    for (name, bytes) in BUILTIN_STATIC {
        statics.insert(name.to_string(), bytes.to_vec());
    }
    let dsfr = theme == crate::dsfr::THEME;
    if dsfr {
        let dir = PathBuf::from("(built-in dsfr theme)");
        for (name, text) in DSFR_TEMPLATES {
            templates.insert(name.to_string(), (text.to_string(), dir.join(name)));
        }
        for (name, bytes) in DSFR_STATIC {
            statics.insert(name.to_string(), bytes.to_vec());
        }
        for f in crate::dsfr::assets(root, diags)? {
            statics.insert(f.rel, f.bytes);
        }
    }
    if theme != "default" && !dsfr && !theme_dir.is_dir() {
        bail!(
            "{}",
            crate::l10n::with_hint(
                crate::tr!("theme-missing", theme = theme, dir = &theme_dir),
                crate::tr!("theme-missing-hint")
            )
        );
    }
    for (rel, path) in walk(root, &theme_dir.join("templates"), diags)? {
        templates.insert(rel, (read(&path)?, relative(root, &path)));
    }
    for (rel, path) in walk(root, &theme_dir.join("static"), diags)? {
        statics.insert(
            rel,
            fs::read(&path).with_context(|| crate::tr!("cannot-read", path = &path))?,
        );
    }
    for (rel, path) in walk(root, &root.join("templates"), diags)? {
        templates.insert(rel, (read(&path)?, relative(root, &path)));
    }
    let theme_yaml = theme_dir.join("theme.yaml");
    let linked_out = theme_yaml.is_file()
        && crate::sandbox::confined(root, &theme_yaml)
            .map_err(|d| diags.push(d))
            .is_err();
    let palette = if theme_yaml.is_file() && !linked_out {
        let mut d = crate::diag::Diagnostics::default();
        let text = read(&theme_yaml)?;
        let parsed =
            crate::yaml::parse::<ThemeFile>(&text, &relative(root, &theme_yaml), 0, &mut d);
        match parsed {
            Some(f) => f.chart,
            None => bail!(
                "{}",
                d.sorted()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    } else if dsfr {
        Palette::builtin(DSFR_THEME_YAML)
    } else {
        Palette::default()
    };
    Ok(Theme {
        palette,
        templates,
        statics: statics
            .into_iter()
            .map(|(rel, bytes)| StaticFile { rel, bytes })
            .collect(),
    })
}

fn read(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| crate::tr!("cannot-read", path = path))?;
    String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{}: {}", path.display(), crate::tr!("not-utf8")))
}

/// Files under `dir` keyed by their `/`-separated path inside it; files
/// whose real path leaves the site are reported and skipped.
fn walk(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Result<Vec<(String, PathBuf)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        let entry = entry.with_context(|| crate::tr!("cannot-read", path = dir))?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if let Err(d) = crate::sandbox::confined(root, entry.path()) {
            diags.push(d);
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push((rel, entry.into_path()));
    }
    Ok(out)
}

/// Turns a Tera error into a diagnostic naming the template file, line and column.
pub fn template_error(err: &tera::Error, theme: &Theme) -> Diagnostic {
    use tera::ErrorKind;
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let path = theme
                .templates
                .get(report.filename())
                .map(|(_, p)| p.clone())
                .unwrap_or_else(|| PathBuf::from(report.filename()));
            let span = report.span();
            Diagnostic::error(
                path,
                crate::tr!("template-error", detail = report.message()),
            )
            .at(span.start_line, span.start_col + 1)
        }
        other => {
            // Some kinds carry their location only in the report text:
            // "error: <message>\n  --> <template>:<line>:<col>".
            let text = other.to_string();
            let message = text
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            let located = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("--> "))
                .and_then(|loc| {
                    let mut parts = loc.rsplitn(3, ':');
                    let col = parts.next()?.parse::<usize>().ok()?;
                    let line = parts.next()?.parse::<usize>().ok()?;
                    Some((parts.next()?.to_string(), line, col))
                });
            let located = located.or_else(|| cycle_location(&message, theme));
            match located {
                Some((name, line, col)) => {
                    let path = theme
                        .templates
                        .get(&name)
                        .map(|(_, p)| p.clone())
                        .unwrap_or_else(|| PathBuf::from(name));
                    Diagnostic::error(path, crate::tr!("template-error", detail = &message))
                        .at(line, col)
                }
                None => {
                    Diagnostic::error("templates", crate::tr!("template-error", detail = &text))
                }
            }
        }
    }
}

/// Where a cycle of includes or extends closes, from Tera's message
/// ("Circular include detected for template 'a.html'. Include chain:
/// `["404.html", "a.html", "b.html", "a.html"]`"): the template holding
/// the tag that goes back, and that tag's line.
fn cycle_location(message: &str, theme: &Theme) -> Option<(String, usize, usize)> {
    let (tag, chain) = if message.starts_with("Circular include") {
        ("include", message.split("Include chain:").nth(1)?)
    } else if message.starts_with("Circular extend") {
        ("extends", message.split("Inheritance chain:").nth(1)?)
    } else {
        return None;
    };
    let names: Vec<&str> = chain.split('"').skip(1).step_by(2).collect();
    let (holder, target) = match tag {
        "include" if names.len() >= 2 => (names[names.len() - 2], names[names.len() - 1]),
        _ => (*names.last()?, ""),
    };
    let (text, _) = theme.templates.get(holder)?;
    let line = text
        .lines()
        .position(|l| l.contains(tag) && l.contains(target))
        .map_or(1, |i| i + 1);
    let col = text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.find(tag))
        .map_or(1, |c| c + 1);
    Some((holder.to_string(), line, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_theme_lists_every_template_and_asset() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let names = |sub: &str| {
            walk(&dir, &dir.join(sub), &mut Diagnostics::default())
                .unwrap()
                .into_iter()
                .map(|(rel, _)| rel)
                .collect::<Vec<_>>()
        };
        let mut builtin: Vec<String> = BUILTIN_TEMPLATES
            .iter()
            .map(|(n, _)| n.to_string())
            .collect();
        builtin.sort();
        assert_eq!(builtin, names("templates"));
        let mut statics: Vec<String> = BUILTIN_STATIC.iter().map(|(n, _)| n.to_string()).collect();
        statics.sort();
        assert_eq!(statics, names("static"));
    }
}
