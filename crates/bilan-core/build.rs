//! Embeds the built-in themes: every file under this crate's `themes/<name>/templates`
//! and `themes/<name>/static` for `default` and `dsfr`, so a new template is
//! picked up without listing it anywhere (see `src/theme.rs`). The `dsfr`
//! theme holds only bilan's own templates and styles: the design system
//! itself comes from the site's npm install, never from this repository.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            files(&path, base, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path.clone()));
        }
    }
}

fn main() {
    // The themes live in this crate, so its package carries them.
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut code = String::new();
    for (theme_name, prefix) in [("default", "BUILTIN"), ("dsfr", "DSFR")] {
        let theme = root.join("themes").join(theme_name);
        println!("cargo:rerun-if-changed={}", theme.display());
        embed(&theme, prefix, &mut code);
    }
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin_theme.rs");
    std::fs::write(out, code).expect("write the embedded theme list");
}

/// `<PREFIX>_TEMPLATES` and `<PREFIX>_STATIC` for one theme folder.
fn embed(theme: &Path, prefix: &str, code: &mut String) {
    for (kind, macro_name, ty) in [
        ("templates", "include_str", "&str"),
        ("static", "include_bytes", "&[u8]"),
    ] {
        let dir = theme.join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut list = Vec::new();
        files(&dir, &dir, &mut list);
        let name = if kind == "templates" {
            format!("{prefix}_TEMPLATES")
        } else {
            format!("{prefix}_STATIC")
        };
        let _ = writeln!(code, "const {name}: &[(&str, {ty})] = &[");
        for (rel, path) in list {
            println!("cargo:rerun-if-changed={}", path.display());
            let _ = writeln!(
                code,
                "    ({rel:?}, {macro_name}!({:?})),",
                path.display().to_string()
            );
        }
        code.push_str("];\n");
    }
}
